//! Typed `bindgen!` calls into the extractor component through
//! `ExtractorPool`: all six functions, instance reuse and recycling, trap
//! handling, memory cap, deadline, retries.

mod common;
use common::{article_html, artifact};
use riptide_host::extractor::{ExtractionMode, ExtractorPool, PoolConfig};
use riptide_host::limits::MemoryBudget;
use riptide_host::settings::Settings;
use riptide_host::HostError;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const URL: &str = "https://coastal.example/notes/rip-currents";

fn settings() -> Settings {
    Settings {
        cache_dir: Some(common::shared_cache_dir()),
        timeout: Duration::from_secs(20),
        ..Settings::default()
    }
}

/// Engine + compiled component loaded once per test binary; each test makes
/// its own pool (own counters, own config) over them.
struct Loaded {
    engine: wasmtime::Engine,
    component: wasmtime::component::Component,
    _ticker: riptide_host::engine::EpochTicker,
}

fn load(name: &'static str) -> &'static Loaded {
    static REAL: OnceLock<Loaded> = OnceLock::new();
    static MIS: OnceLock<Loaded> = OnceLock::new();
    let cell = if name == "riptide-extractor.wasm" {
        &REAL
    } else {
        &MIS
    };
    cell.get_or_init(|| {
        let s = settings();
        let engine = riptide_host::engine::build_engine(&s).expect("engine");
        let stats = riptide_host::engine::CacheStats::default();
        let component = riptide_host::engine::load_component(
            &engine,
            &artifact(name),
            s.cache_dir.as_deref(),
            &stats,
        )
        .expect("load component");
        let _ticker = riptide_host::engine::EpochTicker::start(&engine).expect("ticker");
        Loaded {
            engine,
            component,
            _ticker,
        }
    })
}

fn pool(name: &'static str, tweak: impl FnOnce(&mut PoolConfig)) -> ExtractorPool {
    let l = load(name);
    let mut cfg = PoolConfig::from_settings(&settings());
    tweak(&mut cfg);
    ExtractorPool::build(&l.engine, &l.component, cfg, MemoryBudget::new(1 << 34, 80))
        .expect("pool")
}

fn real() -> ExtractorPool {
    pool("riptide-extractor.wasm", |_| {})
}

fn misbehave(tweak: impl FnOnce(&mut PoolConfig)) -> ExtractorPool {
    pool("riptide-misbehave.wasm", tweak)
}

fn trigger(t: &str) -> String {
    format!("<html><body><p>{t}</p></body></html>")
}

#[test]
fn all_six_functions() {
    let p = real();
    let html = article_html();

    let content = p
        .extract_content(&html, URL, &ExtractionMode::Article)
        .expect("extract");
    assert!(content
        .title
        .as_deref()
        .unwrap_or_default()
        .contains("How Rip Currents Form"));
    assert!(content.text.contains("Paragraph 5 of the tidal report"));
    assert!(
        content
            .links
            .iter()
            .any(|l| l == "https://coastal.example/data/tides.csv"),
        "{:?}",
        content.links
    );

    let (c2, stats) = p
        .extract(&html, URL, &ExtractionMode::Full)
        .expect("extract-with-stats");
    assert!(c2.text.contains("Paragraph 1"));
    assert!(
        c2.media
            .iter()
            .any(|m| m == "https://coastal.example/img/sandbar.jpg"),
        "{:?}",
        c2.media
    );
    assert!(stats.memory_used > 0);
    assert!(stats.links_found >= 1);

    let custom = p
        .extract_content(&html, URL, &ExtractionMode::Custom(vec!["p.byline".into()]))
        .expect("custom mode");
    assert!(custom.text.contains("Ada Lovelace"), "{}", custom.text);

    assert!(p.validate_html(&html).expect("validate"));

    let health = p.health_check().expect("health");
    assert!(health.status == "healthy" || health.status == "degraded");
    assert!(!health.capabilities.is_empty());

    let info = p.get_info().expect("info");
    assert!(!info.name.is_empty());
    assert!(
        info.supported_modes.iter().any(|m| m == "article"),
        "{:?}",
        info.supported_modes
    );

    let cleared = p.reset_state().expect("reset");
    assert!(!cleared.is_empty());
    let after = p.health_check().expect("health after reset");
    assert_eq!(
        after.extraction_count,
        Some(0),
        "reset-state clears the per-instance count"
    );
}

#[test]
fn guest_errors_are_typed_and_not_retried() {
    let p = real();
    let err = p
        .extract("", URL, &ExtractionMode::Article)
        .expect_err("empty html is invalid");
    assert_eq!(err.kind(), "invalid-html", "{err}");
    assert!(!err.retryable());
    let st = p.stats();
    assert_eq!(st.calls, 1, "invalid input is never retried");
    assert_eq!(st.retries, 0);
    assert_eq!(
        st.discarded, 0,
        "a guest error is not a trap: the instance stays"
    );
    assert_eq!(st.idle, 1);
}

#[test]
fn warm_instances_are_reused_then_recycled_after_n_calls() {
    let p = pool("riptide-extractor.wasm", |c| c.max_calls = 3);
    let html = article_html();
    for _ in 0..7 {
        p.extract(&html, URL, &ExtractionMode::Article)
            .expect("extract");
    }
    let st = p.stats();
    assert_eq!(st.calls, 7);
    assert_eq!(st.created, 3, "3 + 3 + 1 calls: {st:?}");
    assert_eq!(st.reused, 4, "{st:?}");
    assert_eq!(st.recycled, 2, "{st:?}");
    // extraction-count lives in the instance: the third one has served 1 call.
    let health = p.health_check().expect("health");
    assert_eq!(health.extraction_count, Some(1), "{health:?}");
}

#[test]
fn instances_over_the_memory_threshold_are_recycled() {
    let p = pool("riptide-extractor.wasm", |c| c.max_memory = 1);
    for _ in 0..2 {
        p.extract(&article_html(), URL, &ExtractionMode::Article)
            .expect("extract");
    }
    let st = p.stats();
    assert_eq!(st.created, 2, "{st:?}");
    assert_eq!(st.reused, 0, "{st:?}");
}

#[test]
fn trap_discards_the_instance_and_the_next_call_gets_a_fresh_one() {
    let p = misbehave(|_| {});
    p.extract(&trigger("fine"), URL, &ExtractionMode::Article)
        .expect("warm up");
    assert_eq!(p.stats().created, 1);
    let err = p
        .extract(&trigger("riptide-test:trap"), URL, &ExtractionMode::Article)
        .expect_err("trap");
    assert!(matches!(err, HostError::Trap { .. }), "{err:?}");
    let st = p.stats();
    // A trap on a warm instance is retried on a fresh one (which traps again).
    assert_eq!(st.traps, 2, "{st:?}");
    assert_eq!(st.retries, 1, "{st:?}");
    assert_eq!(st.discarded, 2, "{st:?}");
    assert_eq!(st.idle, 0, "no trapped instance goes back to the pool");
    let (c, _) = p
        .extract(&trigger("fine"), URL, &ExtractionMode::Article)
        .expect("service continues");
    assert_eq!(c.title.as_deref(), Some("ok"));
    assert_eq!(p.stats().created, 3);
}

#[test]
fn a_tag_with_200k_attributes_extracts_within_the_default_fuel() {
    // The HTML tokenizer checks each attribute against the tag's earlier ones: read
    // whole, this 1.4 MB tag costs some 2·10^10 comparisons, far past the default
    // fuel (the call ended OutOfFuel). The engine keeps the first few hundred.
    let attrs: String = (0..200_000).map(|k| format!(" a{k}")).collect();
    let p = real();
    // Also where the tokenizer, not the page, decides where the tag starts: after a
    // line end, a stray `<`, a character reference.
    for before in ["", "\r\n", "<", "&amp;"] {
        let tag = format!("<body>{before}<div{attrs}></div>");
        let html = article_html().replacen("<body>", &tag, 1);
        assert!(html.len() > 1_000_000);
        let content = p
            .extract_content(&html, URL, &ExtractionMode::Article)
            .unwrap_or_else(|e| panic!("{before:?}: extracts within the default fuel: {e:?}"));
        assert!(content.text.contains("Paragraph 5 of the tidal report"));
    }
}

#[test]
fn a_paragraph_of_60k_marked_links_extracts_within_the_default_fuel() {
    // Each link with a boilerplate class asked whether it sat in a sentence by
    // walking its parent's children: 60,000 of them in one paragraph cost some
    // 3.6·10^9 steps (26 s natively at 9e0a05a, past the default deadline). The
    // engine now tables each parent's text once.
    let links: String = (0..60_000)
        .map(|k| format!("<a class=share-x href=#s{k}>x{k}</a>"))
        .collect();
    let html = article_html().replacen("<body>", &format!("<body><p>{links}</p>"), 1);
    let content = real()
        .extract_content(&html, URL, &ExtractionMode::Article)
        .unwrap_or_else(|e| panic!("extracts within the default fuel: {e:?}"));
    assert!(content.text.contains("Paragraph 5 of the tidal report"));
}

#[test]
fn runaway_loop_hits_the_deadline() {
    let p = misbehave(|c| {
        c.timeout = Duration::from_millis(300);
        c.fuel = None;
    });
    let err = p
        .extract(&trigger("riptide-test:loop"), URL, &ExtractionMode::Article)
        .expect_err("loop");
    assert!(matches!(err, HostError::Timeout(300)), "{err:?}");
    assert_eq!(err.http_status(), 504);
    assert_eq!(p.stats().timeouts, 1);
    p.extract(&trigger("fine"), URL, &ExtractionMode::Article)
        .expect("next call fine");
}

#[test]
fn runaway_loop_runs_out_of_fuel() {
    let p = misbehave(|c| {
        c.timeout = Duration::from_secs(600);
        c.fuel = Some(20_000_000);
    });
    let err = p
        .extract(&trigger("riptide-test:loop"), URL, &ExtractionMode::Article)
        .expect_err("loop");
    assert!(matches!(err, HostError::OutOfFuel(_)), "{err:?}");
}

#[test]
fn formatting_reopened_on_every_line_is_refused_before_the_memory_cap() {
    // 500 unclosed `<font>`s, then 6,000 lines that each reopen them: 66 KB that
    // would build 3 million elements. Before the parser's node budget this ended on
    // the instance's memory cap; now the engine refuses it itself.
    let fonts: String = (0..500).map(|k| format!("<font color=#{k:06}>")).collect();
    let html = format!("<p>{fonts}</p>{}", "<p>x</p>".repeat(6_000));
    let p = real();
    let err = p
        .extract(&html, URL, &ExtractionMode::Article)
        .expect_err("refused");
    match &err {
        HostError::Guest { kind, message } => {
            assert_eq!(*kind, "resource-limit");
            assert!(message.contains("nodes"), "{message}");
        }
        other => panic!("expected the engine's own resource-limit, got {other:?}"),
    }
    p.extract_content(&article_html(), URL, &ExtractionMode::Article)
        .expect("next call fine");
}

#[test]
fn unbounded_allocation_hits_the_memory_cap() {
    let p = misbehave(|c| c.memory_cap = 32 << 20);
    let err = p
        .extract(
            &trigger("riptide-test:alloc"),
            URL,
            &ExtractionMode::Article,
        )
        .expect_err("alloc");
    assert!(matches!(err, HostError::MemoryLimit(_)), "{err:?}");
    assert_eq!(err.kind(), "resource-limit");
    assert_eq!(p.stats().memory_limit_hits, 1);
    p.extract(&trigger("fine"), URL, &ExtractionMode::Article)
        .expect("next call fine");
}

#[test]
fn exhausted_pool_is_retried_with_backoff_and_succeeds() {
    let p = misbehave(|c| {
        c.max_instances = 1;
        c.retries = 3;
        c.backoff = Duration::from_millis(200);
    });
    let held = p.lease().expect("take the only instance");
    let p2 = p.clone();
    let caller =
        std::thread::spawn(move || p2.extract(&trigger("fine"), URL, &ExtractionMode::Article));
    common::wait_until("a refused checkout", Duration::from_secs(10), || {
        p.stats().exhausted >= 1
    });
    drop(held);
    let (c, _) = caller.join().expect("caller").expect("succeeds on retry");
    assert_eq!(c.title.as_deref(), Some("ok"));
    let st = p.stats();
    assert!(st.retries >= 1, "{st:?}");
    assert_eq!(st.created, 1, "the released instance was reused: {st:?}");
}

#[test]
fn exhausted_pool_gives_up_after_max_retries() {
    let p = misbehave(|c| {
        c.max_instances = 1;
        c.retries = 2;
        c.backoff = Duration::from_millis(1);
    });
    let _held = p.lease().expect("take the only instance");
    let err = p
        .extract(&trigger("fine"), URL, &ExtractionMode::Article)
        .expect_err("no instance");
    assert!(matches!(err, HostError::Overloaded(_)), "{err:?}");
    let st = p.stats();
    assert_eq!(st.retries, 2);
    assert_eq!(st.exhausted, 3, "first try + 2 retries");
}

#[test]
fn pool_is_shared_across_threads() {
    let p = Arc::new(real());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let p = p.clone();
            std::thread::spawn(move || {
                for _ in 0..3 {
                    let (c, _) = p
                        .extract(&article_html(), URL, &ExtractionMode::Article)
                        .expect("extract");
                    assert!(c.text.contains("Paragraph 1"));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
    let st = p.stats();
    assert_eq!(st.calls, 12);
    assert!(st.created <= 4, "at most one instance per thread: {st:?}");
    assert_eq!(st.in_use, 0);
}

#[test]
fn memory_pressure_drops_idle_instances() {
    let l = load("riptide-extractor.wasm");
    let html = article_html();
    let mode = ExtractionMode::Article;
    let cfg = || PoolConfig::from_settings(&settings());

    // What one warm instance holds after this page (deterministic per build).
    let probe = ExtractorPool::build(
        &l.engine,
        &l.component,
        cfg(),
        MemoryBudget::new(1 << 40, 80),
    )
    .expect("pool");
    let mut lease = probe.lease().expect("lease");
    lease.extract(&html, URL, &mode).expect("extract");
    let m = lease.memory_held();
    assert!(m > 0);
    drop(lease);
    drop(probe);

    // Shed threshold at 3.5 instances' worth: three small instances fit.
    let budget = MemoryBudget::new((m * 7 / 2) * 100 / 80 + 100, 80);
    let p = ExtractorPool::build(&l.engine, &l.component, cfg(), budget.clone()).expect("pool");
    let mut leases: Vec<_> = (0..3).map(|_| p.lease().expect("lease")).collect();
    for lease in &mut leases {
        lease.extract(&html, URL, &mode).expect("extract");
    }
    let mut busy = leases.pop().expect("three leases");
    drop(leases);
    let s = p.stats();
    assert_eq!((s.idle, s.in_use, s.created), (2, 1, 3), "{s:?}");
    assert!(
        !budget.under_pressure(),
        "used {} of {}",
        budget.used(),
        budget.total()
    );

    // The busy instance grows on a page many times larger and tips the
    // budget over: the call still succeeds, then its instance is recycled
    // and every idle one dropped, giving all their memory back.
    let para = "<p>The rip current widened along the sandbar as the spring tide turned, \
                and the survey team logged water speed and wave height every ten minutes.</p>";
    let big = format!(
        "<html><head><title>Tide log</title></head><body><article><h1>Tide log</h1>{}</article></body></html>",
        para.repeat(3000)
    );
    let (content, _) = busy.extract(&big, URL, &mode).expect("extract a big page");
    assert!(
        content.word_count.unwrap_or(0) > 1000,
        "{:?}",
        content.word_count
    );
    let s = p.stats();
    assert_eq!((s.idle, s.live), (0, 0), "idle instances dropped: {s:?}");
    assert_eq!(s.recycled, 3, "{s:?}");
    assert_eq!(budget.used(), 0);
    assert_eq!(busy.memory_held(), 0, "the lease gave its instance back");
    drop(busy);

    // Pressure gone: the pool warms up again with a fresh instance.
    p.extract(&html, URL, &mode).expect("extract");
    let s = p.stats();
    assert_eq!((s.created, s.idle), (4, 1), "{s:?}");
}
