//! Prometheus text exposition for `/metrics`, kept by hand: a few counters,
//! one histogram, and gauges read at scrape time.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The routes of the API; anything else is counted as `other` so a scanner
/// cannot blow up label cardinality.
pub fn route_label(path: &str) -> &'static str {
    match path {
        "/extract" => "/extract",
        "/validate" => "/validate",
        "/health" => "/health",
        "/info" => "/info",
        "/crawl" => "/crawl",
        "/metrics" => "/metrics",
        "/health/wasm" => "/health/wasm",
        _ => "other",
    }
}

#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(&'static str, u16), u64>>,
    buckets: [AtomicU64; BUCKETS.len()],
    duration_count: AtomicU64,
    duration_sum_us: AtomicU64,
    pub traps: AtomicU64,
    pub timeouts: AtomicU64,
    pub fuel_exhausted: AtomicU64,
    pub memory_limit_hits: AtomicU64,
    pub shed_overload: AtomicU64,
    pub shed_memory: AtomicU64,
    pub rate_limited: AtomicU64,
    pub breaker_rejected: AtomicU64,
}

/// Gauges sampled when `/metrics` is scraped.
pub struct Gauges {
    pub in_flight: u64,
    pub max_in_flight: u64,
    pub instances_in_use: u64,
    pub instances_idle: u64,
    pub memory_used: u64,
    pub memory_budget: u64,
    pub breaker_state: u8,
    pub cache_hits: u64,
    pub cache_misses: u64,
}

impl Metrics {
    pub fn observe(&self, route: &'static str, status: u16, took: Duration) {
        {
            let mut m = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            *m.entry((route, status)).or_default() += 1;
        }
        if route == "/metrics" || route == "/health/wasm" {
            return;
        }
        let secs = took.as_secs_f64();
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.duration_count.fetch_add(1, Ordering::Relaxed);
        self.duration_sum_us.fetch_add(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    pub fn render(&self, g: &Gauges) -> String {
        let mut out = String::new();
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        out.push_str("# HELP riptide_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE riptide_requests_total counter\n");
        {
            let m = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            for ((route, status), n) in m.iter() {
                let _ = writeln!(
                    out,
                    "riptide_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str(
            "# HELP riptide_request_duration_seconds Time to the response head for guest routes.\n",
        );
        out.push_str("# TYPE riptide_request_duration_seconds histogram\n");
        for (i, b) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "riptide_request_duration_seconds_bucket{{le=\"{b}\"}} {}",
                load(&self.buckets[i])
            );
        }
        let count = load(&self.duration_count);
        let _ = writeln!(
            out,
            "riptide_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(
            out,
            "riptide_request_duration_seconds_sum {}",
            load(&self.duration_sum_us) as f64 / 1e6
        );
        let _ = writeln!(out, "riptide_request_duration_seconds_count {count}");

        let counters: [(&str, &str, &AtomicU64); 8] = [
            (
                "riptide_guest_traps_total",
                "Guest traps (panics, unreachable, stack overflow).",
                &self.traps,
            ),
            (
                "riptide_guest_timeouts_total",
                "Requests stopped by the epoch deadline or the request timeout.",
                &self.timeouts,
            ),
            (
                "riptide_guest_fuel_exhausted_total",
                "Requests stopped by the fuel budget.",
                &self.fuel_exhausted,
            ),
            (
                "riptide_guest_memory_limit_hits_total",
                "Requests stopped by the per-instance memory cap.",
                &self.memory_limit_hits,
            ),
            (
                "riptide_shed_overload_total",
                "Requests refused because max-in-flight was reached.",
                &self.shed_overload,
            ),
            (
                "riptide_shed_memory_pressure_total",
                "Requests refused because the memory budget was over its threshold.",
                &self.shed_memory,
            ),
            (
                "riptide_rate_limited_total",
                "Requests refused by the per-client rate limit.",
                &self.rate_limited,
            ),
            (
                "riptide_breaker_rejected_total",
                "Requests refused while the circuit breaker was open.",
                &self.breaker_rejected,
            ),
        ];
        for (name, help, v) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                load(v)
            );
        }
        let gauges: [(&str, &str, u64); 9] = [
            (
                "riptide_in_flight_requests",
                "Requests currently admitted.",
                g.in_flight,
            ),
            (
                "riptide_max_in_flight_requests",
                "Admission limit.",
                g.max_in_flight,
            ),
            (
                "riptide_instances_in_use",
                "Pooling-allocator component instance slots in use.",
                g.instances_in_use,
            ),
            (
                "riptide_instances_idle",
                "Pooling-allocator component instance slots free.",
                g.instances_idle,
            ),
            (
                "riptide_guest_memory_bytes",
                "Linear memory held by all live instances.",
                g.memory_used,
            ),
            (
                "riptide_guest_memory_budget_bytes",
                "Memory budget across all instances.",
                g.memory_budget,
            ),
            (
                "riptide_breaker_state",
                "Circuit breaker: 0 closed, 1 half-open, 2 open.",
                u64::from(g.breaker_state),
            ),
            (
                "riptide_component_cache_hits",
                "Precompiled component loads served from the cache.",
                g.cache_hits,
            ),
            (
                "riptide_component_cache_misses",
                "Component loads that compiled.",
                g.cache_misses,
            ),
        ];
        for (name, help, v) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        }
        out
    }
}
