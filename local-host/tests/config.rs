//! Configuration end to end on a real `riptide serve`: one knob name as a
//! flag, an environment variable and a `--config` TOML key, layered flag >
//! env > file > default; bad files refused with a usage error; and the
//! slow-extraction log line.

mod common;
use common::{article_html, temp_dir, Server};
use serde_json::json;
use std::process::Command;

#[test]
fn flags_env_and_file_layer_in_that_order() {
    let dir = temp_dir("config");
    let file = dir.join("riptide.toml");
    std::fs::write(
        &file,
        "timeout_ms = 4321\nmax_body_bytes = 2048\nfuel = 111\nmax_in_flight = 9\n",
    )
    .expect("write config");
    let file = file.to_string_lossy().into_owned();
    let s = Server::start_with_env(
        "riptide.wasm",
        &["--config", &file, "--fuel", "987654321"],
        &[
            ("RIPTIDE_TIMEOUT_MS", "3210"), // beats the file
            ("RIPTIDE_FUEL", "5"),          // loses to the flag
            ("RIPTIDE_MAX_IN_FLIGHT", "3"), // beats the file
        ],
    );
    let h = s.health();
    assert_eq!(h["limits"]["timeout_ms"], 3210, "env over file: {h}");
    assert_eq!(h["limits"]["fuel"], 987_654_321u64, "flag over env: {h}");
    assert_eq!(
        h["limits"]["max_body_bytes"], 2048,
        "file over default: {h}"
    );
    assert_eq!(h["in_flight"]["max"], 3, "{h}");
    assert_eq!(
        h["memory"]["per_instance_cap_bytes"],
        256u64 << 20,
        "default: {h}"
    );

    // The file's body limit is really in force, not just reported.
    let big = json!({"html": "x".repeat(4096), "url": "https://a.example/"});
    let r = s.post_json("/extract", &big);
    assert_eq!(r.status, 413, "{}", r.text());
    let small = json!({"html": "<p>Short but fine.</p>", "url": "https://a.example/"});
    assert_eq!(s.post_json("/extract", &small).status, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_config_is_a_usage_error_naming_the_problem() {
    let dir = temp_dir("config-bad");
    let run = |toml: &str| {
        let file = dir.join("bad.toml");
        std::fs::write(&file, toml).expect("write config");
        Command::new(env!("CARGO_BIN_EXE_riptide"))
            .args(["serve", "--listen", "127.0.0.1:0", "--config"])
            .arg(&file)
            .output()
            .expect("run riptide")
    };
    let out = run("max_memroy_mib = 64\n");
    assert_eq!(out.status.code(), Some(2), "usage error exit code");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("max_memroy_mib"),
        "names the unknown key: {err}"
    );

    let out = run("memory_shed_percent = 0\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("memory-shed-percent"));

    let missing = Command::new(env!("CARGO_BIN_EXE_riptide"))
        .args(["serve", "--config", "/nonexistent/riptide.toml"])
        .output()
        .expect("run riptide");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/riptide.toml"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn slow_extractions_are_logged_with_their_url() {
    let url = "https://coastal.example/notes/slow-one";
    let body = json!({"html": article_html(), "url": url});

    // Threshold 0: every extraction counts as slow and is logged.
    let s = Server::start("riptide.wasm", &["--slow-ms", "0"]);
    assert_eq!(s.post_json("/extract", &body).status, 200);
    common::wait_until(
        "the slow log line",
        std::time::Duration::from_secs(5),
        || {
            s.log()
                .lines()
                .any(|l| l.contains("slow extraction") && l.contains(url))
        },
    );
    // The URL may also come from the query string of a raw HTML post.
    let q = "https://coastal.example/notes/from-query";
    let r = common::request(
        s.addr,
        "POST",
        &format!(
            "/extract?url={}",
            "https%3A%2F%2Fcoastal.example%2Fnotes%2Ffrom-query"
        ),
        &[("content-type", "text/html")],
        article_html().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    common::wait_until(
        "the query URL log line",
        std::time::Duration::from_secs(5),
        || {
            s.log()
                .lines()
                .any(|l| l.contains("slow extraction") && l.contains(q))
        },
    );
    drop(s);

    // A generous threshold: the same request is not logged.
    let s = Server::start("riptide.wasm", &["--slow-ms", "600000"]);
    assert_eq!(s.post_json("/extract", &body).status, 200);
    // The slow line would come before the request's closing line.
    common::wait_until(
        "the request log line",
        std::time::Duration::from_secs(5),
        || s.log().contains("request done"),
    );
    assert!(
        !s.log().contains("slow extraction"),
        "only slow requests are logged: {}",
        s.log()
    );
}
