//! Issue 4's runtime limits, each against the misbehaving test app
//! (target/riptide-misbehave-app.wasm): every test here fails if its
//! mechanism is removed.

mod common;
use common::{request, wait_until, Server};
use serde_json::json;
use std::time::{Duration, Instant};

const APP: &str = "riptide-misbehave-app.wasm";

fn page(trigger: &str) -> serde_json::Value {
    json!({
        "html": format!("<html><head><title>t</title></head><body><p>{trigger}</p></body></html>"),
        "url": "https://misbehave.example/page",
    })
}

fn ok_page() -> serde_json::Value {
    page("a perfectly ordinary page")
}

fn assert_ok(s: &Server) {
    let r = s.post_json("/extract", &ok_page());
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["title"], "ok");
}

#[test]
fn infinite_loop_times_out_with_504_while_others_succeed() {
    // Fuel off: this proves the epoch deadline alone stops the guest.
    let s = Server::start(
        APP,
        &[
            "--timeout-ms",
            "1500",
            "--fuel",
            "0",
            "--breaker-failures",
            "0",
        ],
    );
    let addr = s.addr;
    let started = Instant::now();
    let looping = std::thread::spawn(move || {
        let body = page("riptide-test:loop").to_string();
        let r = request(
            addr,
            "POST",
            "/extract",
            &[("content-type", "application/json")],
            body.as_bytes(),
        );
        (r, started.elapsed())
    });
    // While the loop burns its budget, other requests are served.
    wait_until("the loop to be in flight", Duration::from_secs(10), || {
        s.health()["in_flight"]["current"].as_u64() == Some(1)
    });
    for _ in 0..3 {
        assert_ok(&s);
    }
    let (r, took) = looping.join().expect("loop client");
    assert_eq!(r.status, 504, "{}", r.text());
    assert_eq!(r.error_kind(), "extraction-timeout");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("time limit"),
        "{}",
        r.text()
    );
    assert!(
        took < Duration::from_secs(10),
        "stopped near the 1.5 s deadline, took {took:?}"
    );
    assert_ok(&s);
    assert!(s
        .get("/metrics")
        .text()
        .contains("riptide_guest_timeouts_total 1"));
}

#[test]
fn fuel_budget_stops_a_loop_before_the_clock_does() {
    let s = Server::start(
        APP,
        &[
            "--timeout-ms",
            "60000",
            "--fuel",
            "50000000",
            "--breaker-failures",
            "0",
        ],
    );
    let r = s.post_json("/extract", &page("riptide-test:loop"));
    assert_eq!(r.status, 504, "{}", r.text());
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("fuel"),
        "{}",
        r.text()
    );
    assert!(s
        .get("/metrics")
        .text()
        .contains("riptide_guest_fuel_exhausted_total 1"));
    assert_ok(&s);
}

#[test]
fn unbounded_allocation_hits_the_memory_cap_then_service_continues() {
    let s = Server::start(APP, &["--max-memory-mib", "64", "--breaker-failures", "0"]);
    let r = s.post_json("/extract", &page("riptide-test:alloc"));
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.error_kind(), "resource-limit");
    assert!(r.header("retry-after").is_some());
    assert_ok(&s);
    let h = s.health();
    assert_eq!(h["counters"]["memory_limit_hits"], 1, "{h}");
    // The failed instance's memory went back to the budget.
    wait_until("memory released", Duration::from_secs(5), || {
        s.health()["memory"]["used_bytes"] == 0
    });
}

#[test]
fn guest_trap_is_a_typed_error_and_service_continues() {
    let s = Server::start(APP, &["--breaker-failures", "0"]);
    let r = s.post_json("/extract", &page("riptide-test:trap"));
    assert_eq!(r.status, 500, "{}", r.text());
    let v = r.json();
    assert_eq!(v["error"]["kind"], "internal-error", "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("trap"),
        "{v}"
    );
    assert_ok(&s);
    assert!(s
        .get("/metrics")
        .text()
        .contains("riptide_guest_traps_total 1"));
}

#[test]
fn past_max_in_flight_requests_get_immediate_503() {
    // Fuel off and a deadline long enough that both loops still hold their
    // slots while the refused requests arrive, however slow the machine.
    let s = Server::start(
        APP,
        &[
            "--max-in-flight",
            "2",
            "--timeout-ms",
            "6000",
            "--fuel",
            "0",
            "--breaker-failures",
            "0",
        ],
    );
    let addr = s.addr;
    let loops: Vec<_> = (0..2)
        .map(|_| {
            std::thread::spawn(move || {
                let body = page("riptide-test:loop").to_string();
                request(
                    addr,
                    "POST",
                    "/extract",
                    &[("content-type", "application/json")],
                    body.as_bytes(),
                )
            })
        })
        .collect();
    wait_until("both loops admitted", Duration::from_secs(10), || {
        s.health()["in_flight"]["current"].as_u64() == Some(2)
    });
    for _ in 0..3 {
        let r = s.post_json("/extract", &ok_page());
        assert_eq!(r.status, 503, "{}", r.text());
        assert_eq!(r.error_kind(), "overloaded");
        assert!(r.header("retry-after").is_some());
    }
    for l in loops {
        let r = l.join().expect("loop client");
        assert_eq!(r.status, 504, "accepted requests finish: {}", r.text());
    }
    assert_ok(&s);
    assert!(s
        .get("/metrics")
        .text()
        .contains("riptide_shed_overload_total 3"));
}

#[test]
fn circuit_breaker_opens_half_opens_and_closes() {
    let s = Server::start(
        APP,
        &["--breaker-failures", "3", "--breaker-cooldown-ms", "1000"],
    );
    for _ in 0..3 {
        assert_eq!(
            s.post_json("/extract", &page("riptide-test:trap")).status,
            500
        );
    }
    assert_eq!(s.health()["breaker"]["state"], "open");
    assert!(s.get("/metrics").text().contains("riptide_breaker_state 2"));
    let r = s.post_json("/extract", &ok_page());
    assert_eq!(r.status, 503, "open breaker refuses: {}", r.text());
    assert_eq!(r.error_kind(), "circuit-open");
    assert!(r.header("retry-after").is_some());
    // /health tells a load balancer to route around this instance.
    let h = s.get("/health");
    assert_eq!(h.status, 503, "{}", h.text());
    let hv = h.json();
    assert_eq!(hv["status"], "unhealthy", "{hv}");
    assert_eq!(hv["host"]["breaker"]["state"], "open", "{hv}");
    assert_eq!(hv["reason"], "circuit breaker open", "{hv}");

    wait_until("half-open", Duration::from_secs(10), || {
        s.health()["breaker"]["state"] == "half-open"
    });
    // A failing probe re-opens it ...
    assert_eq!(
        s.post_json("/extract", &page("riptide-test:trap")).status,
        500
    );
    assert_eq!(s.health()["breaker"]["state"], "open");
    wait_until("half-open again", Duration::from_secs(10), || {
        s.health()["breaker"]["state"] == "half-open"
    });
    // ... a good probe closes it.
    assert_ok(&s);
    // The verdict is recorded when the guest finishes, just after the response.
    wait_until("closed", Duration::from_secs(10), || {
        s.health()["breaker"]["state"] == "closed"
    });
    let h = s.health();
    assert_eq!(h["breaker"]["opened_total"], 2, "{h}");
    assert_ok(&s);
    let h = s.get("/health");
    assert_eq!(h.status, 200, "{}", h.text());
    assert_eq!(h.json()["status"], "healthy");

    // Health checks never vote: failures, then passing health checks, then
    // one more failure still reach the threshold of 3.
    for _ in 0..2 {
        assert_eq!(
            s.post_json("/extract", &page("riptide-test:trap")).status,
            500
        );
    }
    for _ in 0..3 {
        assert_eq!(s.get("/health").status, 200);
    }
    assert_eq!(
        s.post_json("/extract", &page("riptide-test:trap")).status,
        500
    );
    wait_until("open again", Duration::from_secs(10), || {
        s.health()["breaker"]["state"] == "open"
    });
}

#[test]
fn rate_limit_returns_429_after_the_bucket_empties() {
    let s = Server::start(APP, &["--rate-limit-per-min", "5", "--rate-limit-loopback"]);
    for i in 0..5 {
        let r = s.post_json("/extract", &ok_page());
        assert_eq!(r.status, 200, "request {i}: {}", r.text());
    }
    let r = s.post_json("/extract", &ok_page());
    assert_eq!(r.status, 429, "{}", r.text());
    assert_eq!(r.error_kind(), "rate-limited");
    let wait: u64 = r
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(wait >= 1, "Retry-After in whole seconds");
    // Host routes are not rate limited.
    assert_eq!(s.get("/health/wasm").status, 200);
}

#[test]
fn loopback_is_not_rate_limited_by_default() {
    let s = Server::start(APP, &["--rate-limit-per-min", "2"]);
    for _ in 0..4 {
        assert_ok(&s);
    }
}

#[test]
fn memory_pressure_sheds_new_work_until_memory_is_released() {
    // A 1 MiB budget: one live instance of the app is already above 80 %.
    let s = Server::start(
        APP,
        &[
            "--memory-budget-mib",
            "1",
            // The loop must outlast the refused request on a slow machine.
            "--timeout-ms",
            "6000",
            "--fuel",
            "0",
            "--breaker-failures",
            "0",
        ],
    );
    let addr = s.addr;
    let looping = std::thread::spawn(move || {
        let body = page("riptide-test:loop").to_string();
        request(
            addr,
            "POST",
            "/extract",
            &[("content-type", "application/json")],
            body.as_bytes(),
        )
    });
    wait_until("pressure", Duration::from_secs(10), || {
        s.health()["memory"]["under_pressure"] == true
    });
    let r = s.post_json("/extract", &ok_page());
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.error_kind(), "overloaded");
    assert_eq!(s.health()["status"], "degraded");
    assert_eq!(looping.join().expect("loop").status, 504);
    wait_until("memory released", Duration::from_secs(5), || {
        s.health()["memory"]["used_bytes"] == 0
    });
    assert_ok(&s);
}

#[test]
fn precompiled_cache_second_start_does_not_compile() {
    let cache = common::temp_dir("cache");
    {
        let s = Server::start_with_cache(APP, &[], &cache);
        let h = s.health();
        assert_eq!(h["cache"]["misses"], 1, "{h}");
        assert_eq!(h["cache"]["hits"], 0, "{h}");
        assert!(s.log().contains("component cache miss"));
    }
    let s = Server::start_with_cache(APP, &[], &cache);
    let h = s.health();
    assert_eq!(h["cache"]["hits"], 1, "{h}");
    assert_eq!(h["cache"]["misses"], 0, "{h}");
    assert!(s.log().contains("component cache hit"), "{}", s.log());
    assert_ok(&s);
    let _ = std::fs::remove_dir_all(&cache);
}
