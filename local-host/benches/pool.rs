//! Pooled (warm instance reused) vs fresh instantiation per typed call: a
//! small measured comparison (no criterion, so the test build's dependency
//! features stay identical to the normal build's and wasmtime is compiled once).
//! Needs target/riptide-extractor.wasm (`cargo xtask build`).
//!
//! `cargo bench --release -p riptide-host --bench pool`

use riptide_host::extractor::{ExtractionMode, ExtractorPool, PoolConfig};
use riptide_host::limits::MemoryBudget;
use riptide_host::settings::Settings;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn component_path() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("target")
        .join("riptide-extractor.wasm");
    assert!(
        p.is_file(),
        "{} missing: run `cargo xtask build` first",
        p.display()
    );
    p
}

fn small_page() -> String {
    let paras: String = (0..6)
        .map(|i| format!("<p>Paragraph {i}: the tide turned and the channel widened as the sandbar shifted toward the pier.</p>"))
        .collect();
    format!("<html><head><title>Bench page</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Bench page</h1>{paras}</article></body></html>")
}

/// Median of `rounds` timings of `iters` calls each, per call.
fn measure(rounds: usize, iters: u32, mut f: impl FnMut()) -> Duration {
    for _ in 0..iters {
        f();
    }
    let mut samples: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed() / iters
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    // `cargo test --benches` runs this with --test-like args; only measure on `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let settings = Settings {
        cache_dir: Some(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/riptide-test-cache"),
        ),
        ..Settings::default()
    };
    let engine = riptide_host::engine::build_engine(&settings).expect("engine");
    let stats = riptide_host::engine::CacheStats::default();
    let component = riptide_host::engine::load_component(
        &engine,
        &component_path(),
        settings.cache_dir.as_deref(),
        &stats,
    )
    .expect("component");
    let _ticker = riptide_host::engine::EpochTicker::start(&engine).expect("ticker");
    let budget = MemoryBudget::new(1 << 34, 80);
    let make = |max_calls: u64| {
        let mut cfg = PoolConfig::from_settings(&settings);
        cfg.max_calls = max_calls;
        ExtractorPool::build(&engine, &component, cfg, budget.clone()).expect("pool")
    };
    let pooled = make(u64::MAX);
    let fresh = make(1);
    let html = small_page();
    let url = "https://bench.example/page";
    let mode = ExtractionMode::Article;

    let report = |name: &str, warm: Duration, cold: Duration| {
        println!(
            "{name:<24} pooled {:>9.1} µs/call   fresh {:>9.1} µs/call   fresh/pooled {:.2}x",
            warm.as_secs_f64() * 1e6,
            cold.as_secs_f64() * 1e6,
            cold.as_secs_f64() / warm.as_secs_f64()
        );
    };
    let warm = measure(9, 50, || {
        pooled.get_info().expect("info");
    });
    let cold = measure(9, 50, || {
        fresh.get_info().expect("info");
    });
    report("get-info (call only)", warm, cold);
    let warm = measure(9, 30, || {
        pooled.extract(&html, url, &mode).expect("extract");
    });
    let cold = measure(9, 30, || {
        fresh.extract(&html, url, &mode).expect("extract");
    });
    report("extract small page", warm, cold);
    println!("pooled stats: {:?}", pooled.stats());
    println!("fresh stats:  {:?}", fresh.stats());
}
