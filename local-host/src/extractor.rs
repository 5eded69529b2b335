//! Typed calls into the bare extractor component (`wit/extractor.wit`,
//! world `extractor`) through a pool of warm instances.
//!
//! An instance is reused for up to `max_calls` calls or until it holds more
//! than `max_memory` bytes of linear memory, then dropped; it is discarded at
//! once after any trap, timeout or memory-limit hit, so no call ever sees the
//! state a failed call left behind. Each call gets a fresh fuel budget and
//! epoch deadline.

use crate::engine::{self, deadline_ticks, wt, CacheStats, EpochTicker};
use crate::error::HostError;
use crate::limits::{GuestLimiter, MemoryBudget};
use crate::settings::Settings;
use anyhow::Result;
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

mod bindings {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "extractor",
        additional_derives: [serde::Serialize],
    });
}

pub use bindings::exports::riptide::extractor::extract::{
    ComponentInfo, ExtractedContent, ExtractionError, ExtractionMode, ExtractionStats, HealthStatus,
};
use bindings::{Extractor, ExtractorPre};

/// Parse a mode name (`article`, `full`, `metadata`); CSS selectors, when
/// given, make it `custom`.
pub fn parse_mode(name: &str, selectors: &[String]) -> Result<ExtractionMode, String> {
    if !selectors.is_empty() {
        return Ok(ExtractionMode::Custom(selectors.to_vec()));
    }
    match name {
        "article" => Ok(ExtractionMode::Article),
        "full" => Ok(ExtractionMode::Full),
        "metadata" => Ok(ExtractionMode::Metadata),
        other => Err(format!(
            "unknown mode {other:?} (expected article, full or metadata; use --selector for custom)"
        )),
    }
}

impl ExtractionError {
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractionError::InvalidHtml(_) => "invalid-html",
            ExtractionError::NetworkError(_) => "network-error",
            ExtractionError::ParseError(_) => "parse-error",
            ExtractionError::ResourceLimit(_) => "resource-limit",
            ExtractionError::ExtractorError(_) => "extractor-error",
            ExtractionError::InternalError(_) => "internal-error",
            ExtractionError::UnsupportedMode(_) => "unsupported-mode",
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ExtractionError::InvalidHtml(m)
            | ExtractionError::NetworkError(m)
            | ExtractionError::ParseError(m)
            | ExtractionError::ResourceLimit(m)
            | ExtractionError::ExtractorError(m)
            | ExtractionError::InternalError(m)
            | ExtractionError::UnsupportedMode(m) => m,
        }
    }
}

impl From<ExtractionError> for HostError {
    fn from(e: ExtractionError) -> Self {
        HostError::Guest {
            kind: e.kind(),
            message: e.message().to_string(),
        }
    }
}

/// Store data for one extractor instance.
pub struct CallState {
    wasi: WasiCtx,
    table: ResourceTable,
    limiter: GuestLimiter,
}

impl WasiView for CallState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Limits and recycling policy of a pool.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// Instances alive at once (idle + in use).
    pub max_instances: usize,
    /// Calls one instance serves before it is recycled (1 = fresh every call).
    pub max_calls: u64,
    /// Recycle an instance once it holds more linear memory than this.
    pub max_memory: u64,
    /// Hard cap on one instance's linear memory (trap above it).
    pub memory_cap: u64,
    pub fuel: Option<u64>,
    pub timeout: Duration,
    pub retries: u32,
    /// First retry delay; doubles on each further retry.
    pub backoff: Duration,
    /// Log extractions slower than this.
    pub slow: Duration,
}

impl PoolConfig {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            max_instances: s.max_instances as usize,
            max_calls: s.pool_max_calls,
            max_memory: s.pool_max_memory_bytes,
            memory_cap: s.max_memory_bytes,
            fuel: s.fuel,
            timeout: s.timeout,
            retries: s.retries,
            backoff: Duration::from_millis(10),
            slow: s.slow,
        }
    }
}

#[derive(Debug, Default)]
struct Counters {
    created: AtomicU64,
    calls: AtomicU64,
    reused: AtomicU64,
    recycled: AtomicU64,
    discarded: AtomicU64,
    retries: AtomicU64,
    exhausted: AtomicU64,
    traps: AtomicU64,
    timeouts: AtomicU64,
    memory_limit_hits: AtomicU64,
}

/// A point-in-time view of the pool, for tests, logs and metrics.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PoolStats {
    pub live: usize,
    pub idle: usize,
    pub in_use: usize,
    pub created: u64,
    pub calls: u64,
    /// Calls served by an instance that had served an earlier call.
    pub reused: u64,
    /// Instances dropped after hitting the call or memory threshold.
    pub recycled: u64,
    /// Instances dropped after a trap, timeout or memory-limit hit.
    pub discarded: u64,
    pub retries: u64,
    /// Checkouts refused because every instance was busy.
    pub exhausted: u64,
    pub traps: u64,
    pub timeouts: u64,
    pub memory_limit_hits: u64,
    pub memory_used: u64,
}

struct Warm {
    store: Store<CallState>,
    api: Extractor,
    calls: u64,
    _slot: Slot,
}

/// Holds one unit of the live-instance count while an instance exists.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

struct Inner {
    engine: Engine,
    pre: ExtractorPre<CallState>,
    cfg: PoolConfig,
    idle: Mutex<Vec<Warm>>,
    live: Arc<AtomicUsize>,
    budget: Arc<MemoryBudget>,
    counters: Counters,
    cache: CacheStats,
    _ticker: Option<EpochTicker>,
}

/// Warm extractor instances shared by many threads (`Send + Sync`, cheap to clone).
#[derive(Clone)]
pub struct ExtractorPool {
    inner: Arc<Inner>,
}

impl ExtractorPool {
    /// Build an engine from `settings`, load the component (through the
    /// precompiled cache) and start the epoch ticker.
    pub fn from_file(path: &Path, settings: &Settings) -> Result<Self> {
        let engine = engine::build_engine(settings)?;
        let cache = CacheStats::default();
        let component =
            engine::load_component(&engine, path, settings.cache_dir.as_deref(), &cache)?;
        let ticker = EpochTicker::start(&engine)?;
        let budget = MemoryBudget::new(settings.memory_budget_bytes, settings.memory_shed_percent);
        let mut pool = Self::build(
            &engine,
            &component,
            PoolConfig::from_settings(settings),
            budget,
        )?;
        if let Some(inner) = Arc::get_mut(&mut pool.inner) {
            inner._ticker = Some(ticker);
            inner.cache = cache;
        }
        Ok(pool)
    }

    /// Pool over an already loaded component. The caller keeps the engine's
    /// epoch advancing (e.g. with an [`EpochTicker`]), or deadlines never fire.
    pub fn build(
        engine: &Engine,
        component: &Component,
        cfg: PoolConfig,
        budget: Arc<MemoryBudget>,
    ) -> Result<Self> {
        let mut linker: Linker<CallState> = Linker::new(engine);
        // Rust std on wasip2 imports wasi:cli, clocks, random, io, filesystem.
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(wt)?;
        let pre = ExtractorPre::new(linker.instantiate_pre(component).map_err(wt)?).map_err(wt)?;
        Ok(Self {
            inner: Arc::new(Inner {
                engine: engine.clone(),
                pre,
                cfg,
                idle: Mutex::new(Vec::new()),
                live: Arc::new(AtomicUsize::new(0)),
                budget,
                counters: Counters::default(),
                cache: CacheStats::default(),
                _ticker: None,
            }),
        })
    }

    pub fn config(&self) -> &PoolConfig {
        &self.inner.cfg
    }

    pub fn cache_hits(&self) -> u64 {
        self.inner.cache.hits.load(Ordering::Relaxed)
    }

    pub fn stats(&self) -> PoolStats {
        let c = &self.inner.counters;
        let idle = self.idle_list().len();
        let live = self.inner.live.load(Ordering::Acquire);
        PoolStats {
            live,
            idle,
            in_use: live.saturating_sub(idle),
            created: c.created.load(Ordering::Relaxed),
            calls: c.calls.load(Ordering::Relaxed),
            reused: c.reused.load(Ordering::Relaxed),
            recycled: c.recycled.load(Ordering::Relaxed),
            discarded: c.discarded.load(Ordering::Relaxed),
            retries: c.retries.load(Ordering::Relaxed),
            exhausted: c.exhausted.load(Ordering::Relaxed),
            traps: c.traps.load(Ordering::Relaxed),
            timeouts: c.timeouts.load(Ordering::Relaxed),
            memory_limit_hits: c.memory_limit_hits.load(Ordering::Relaxed),
            memory_used: self.inner.budget.used(),
        }
    }

    /// `extract-with-stats`, retried on retryable failures.
    pub fn extract(
        &self,
        html: &str,
        url: &str,
        mode: &ExtractionMode,
    ) -> Result<(ExtractedContent, ExtractionStats), HostError> {
        self.with_retries(|lease| lease.extract(html, url, mode))
    }

    /// Plain `extract`, retried on retryable failures.
    pub fn extract_content(
        &self,
        html: &str,
        url: &str,
        mode: &ExtractionMode,
    ) -> Result<ExtractedContent, HostError> {
        self.with_retries(|lease| lease.extract_content(html, url, mode))
    }

    pub fn validate_html(&self, html: &str) -> Result<bool, HostError> {
        self.with_retries(|lease| lease.validate_html(html))
    }

    pub fn health_check(&self) -> Result<HealthStatus, HostError> {
        self.with_retries(|lease| lease.health_check())
    }

    pub fn get_info(&self) -> Result<ComponentInfo, HostError> {
        self.with_retries(|lease| lease.get_info())
    }

    pub fn reset_state(&self) -> Result<String, HostError> {
        self.with_retries(|lease| lease.reset_state())
    }

    /// Take one instance for a series of calls (a batch worker keeps one
    /// warm instance this way); it goes back to the pool on drop.
    pub fn lease(&self) -> Result<Lease, HostError> {
        let warm = self.checkout()?;
        Ok(Lease {
            pool: self.clone(),
            warm: Some(warm),
        })
    }

    /// Drop every idle instance (e.g. under memory pressure).
    pub fn drain_idle(&self) -> usize {
        let drained: Vec<Warm> = std::mem::take(&mut *self.idle_list());
        let n = drained.len();
        self.inner
            .counters
            .recycled
            .fetch_add(n as u64, Ordering::Relaxed);
        n
    }

    fn idle_list(&self) -> std::sync::MutexGuard<'_, Vec<Warm>> {
        // A panic while holding the lock cannot leave the Vec half-updated
        // (push/pop only), so a poisoned lock is still safe to use.
        self.inner.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn with_retries<R>(
        &self,
        mut op: impl FnMut(&mut Lease) -> Result<R, HostError>,
    ) -> Result<R, HostError> {
        let cfg = &self.inner.cfg;
        let mut attempt: u32 = 0;
        loop {
            let result = self.lease().and_then(|mut lease| op(&mut lease));
            match result {
                Err(e) if e.retryable() && attempt < cfg.retries => {
                    self.inner.counters.retries.fetch_add(1, Ordering::Relaxed);
                    let delay = cfg.backoff.saturating_mul(1u32 << attempt.min(16));
                    tracing::debug!(error = %e, attempt, ?delay, "retrying extractor call");
                    std::thread::sleep(delay);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    fn checkout(&self) -> Result<Warm, HostError> {
        if let Some(w) = self.idle_list().pop() {
            return Ok(w);
        }
        let inner = &self.inner;
        let max = inner.cfg.max_instances;
        let claimed = inner
            .live
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < max).then_some(n + 1)
            })
            .is_ok();
        if !claimed {
            inner.counters.exhausted.fetch_add(1, Ordering::Relaxed);
            return Err(HostError::Overloaded(format!(
                "all {max} extractor instances are busy"
            )));
        }
        let slot = Slot(inner.live.clone());
        self.instantiate(slot)
    }

    fn instantiate(&self, slot: Slot) -> Result<Warm, HostError> {
        let inner = &self.inner;
        let wasi = WasiCtxBuilder::new()
            .inherit_stderr()
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        let state = CallState {
            wasi,
            table: ResourceTable::new(),
            limiter: GuestLimiter::new(inner.cfg.memory_cap, inner.budget.clone()),
        };
        let mut store = Store::new(&inner.engine, state);
        store.limiter(|s| &mut s.limiter);
        arm(&mut store, &inner.cfg).map_err(|e| HostError::Internal(format!("{e:?}")))?;
        let api = inner.pre.instantiate(&mut store).map_err(|e| {
            self.count_failure(&HostError::from_wasmtime(
                &e,
                ms(inner.cfg.timeout),
                inner.cfg.fuel,
                false,
            ))
        })?;
        inner.counters.created.fetch_add(1, Ordering::Relaxed);
        Ok(Warm {
            store,
            api,
            calls: 0,
            _slot: slot,
        })
    }

    fn checkin(&self, warm: Warm) {
        let cfg = &self.inner.cfg;
        let pressure = self.inner.budget.under_pressure();
        if warm.calls >= cfg.max_calls
            || warm.store.data().limiter.held() > cfg.max_memory
            || pressure
        {
            self.inner.counters.recycled.fetch_add(1, Ordering::Relaxed);
            drop(warm);
            if pressure {
                let n = self.drain_idle();
                if n > 0 {
                    tracing::info!(
                        dropped = n,
                        "memory pressure: recycled idle extractor instances"
                    );
                }
            }
            return;
        }
        self.idle_list().push(warm);
    }

    fn count_failure(&self, e: &HostError) -> HostError {
        let c = &self.inner.counters;
        match e {
            HostError::Trap { .. } => c.traps.fetch_add(1, Ordering::Relaxed),
            HostError::Timeout(_) | HostError::OutOfFuel(_) => {
                c.timeouts.fetch_add(1, Ordering::Relaxed)
            }
            HostError::MemoryLimit(_) => c.memory_limit_hits.fetch_add(1, Ordering::Relaxed),
            _ => 0,
        };
        e.clone()
    }
}

/// Give the store a full fuel budget and a fresh deadline for the next call.
fn arm(store: &mut Store<CallState>, cfg: &PoolConfig) -> wasmtime::Result<()> {
    // An engine built with fuel metering still needs fuel when this pool
    // runs without a budget: give it all there is.
    if cfg.fuel.is_some() || store.get_fuel().is_ok() {
        store.set_fuel(cfg.fuel.unwrap_or(u64::MAX))?;
    }
    store.epoch_deadline_trap();
    store.set_epoch_deadline(deadline_ticks(cfg.timeout));
    Ok(())
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// One checked-out instance; see [`ExtractorPool::lease`].
pub struct Lease {
    pool: ExtractorPool,
    warm: Option<Warm>,
}

impl Lease {
    pub fn extract(
        &mut self,
        html: &str,
        url: &str,
        mode: &ExtractionMode,
    ) -> Result<(ExtractedContent, ExtractionStats), HostError> {
        let started = Instant::now();
        let r = self.call(|api, store| {
            api.riptide_extractor_extract()
                .call_extract_with_stats(store, html, url, mode)
        });
        self.log_slow(started, url);
        r?.map_err(HostError::from)
    }

    pub fn extract_content(
        &mut self,
        html: &str,
        url: &str,
        mode: &ExtractionMode,
    ) -> Result<ExtractedContent, HostError> {
        let started = Instant::now();
        let r = self.call(|api, store| {
            api.riptide_extractor_extract()
                .call_extract(store, html, url, mode)
        });
        self.log_slow(started, url);
        r?.map_err(HostError::from)
    }

    pub fn validate_html(&mut self, html: &str) -> Result<bool, HostError> {
        self.call(|api, store| {
            api.riptide_extractor_extract()
                .call_validate_html(store, html)
        })?
        .map_err(HostError::from)
    }

    pub fn health_check(&mut self) -> Result<HealthStatus, HostError> {
        self.call(|api, store| api.riptide_extractor_extract().call_health_check(store))
    }

    pub fn get_info(&mut self) -> Result<ComponentInfo, HostError> {
        self.call(|api, store| api.riptide_extractor_extract().call_get_info(store))
    }

    pub fn reset_state(&mut self) -> Result<String, HostError> {
        self.call(|api, store| api.riptide_extractor_extract().call_reset_state(store))?
            .map_err(HostError::from)
    }

    /// Bytes of linear memory the leased instance holds (0 if none).
    pub fn memory_held(&self) -> u64 {
        self.warm
            .as_ref()
            .map_or(0, |w| w.store.data().limiter.held())
    }

    fn log_slow(&self, started: Instant, url: &str) {
        let took = started.elapsed();
        if took > self.pool.inner.cfg.slow {
            tracing::warn!(url, ms = ms(took), "slow extraction");
        }
    }

    fn call<R>(
        &mut self,
        f: impl FnOnce(&Extractor, &mut Store<CallState>) -> wasmtime::Result<R>,
    ) -> Result<R, HostError> {
        let pool = &self.pool;
        let cfg = &pool.inner.cfg;
        let mut warm = match self.warm.take() {
            Some(w) => w,
            // The previous instance of this lease was discarded; start afresh.
            None => pool.checkout()?,
        };
        arm(&mut warm.store, cfg).map_err(|e| HostError::Internal(format!("{e:?}")))?;
        let reused = warm.calls > 0;
        pool.inner.counters.calls.fetch_add(1, Ordering::Relaxed);
        if reused {
            pool.inner.counters.reused.fetch_add(1, Ordering::Relaxed);
        }
        match f(&warm.api, &mut warm.store) {
            Ok(r) => {
                warm.calls += 1;
                let cfg_ok = warm.calls < cfg.max_calls
                    && warm.store.data().limiter.held() <= cfg.max_memory
                    && !pool.inner.budget.under_pressure();
                if cfg_ok {
                    self.warm = Some(warm);
                } else {
                    pool.checkin(warm);
                }
                Ok(r)
            }
            Err(e) => {
                let err = HostError::from_wasmtime(&e, ms(cfg.timeout), cfg.fuel, reused);
                // A trapped instance's memory and tables are in an unknown state.
                pool.inner
                    .counters
                    .discarded
                    .fetch_add(1, Ordering::Relaxed);
                drop(warm);
                tracing::warn!(error = %err, "extractor instance discarded");
                Err(pool.count_failure(&err))
            }
        }
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(w) = self.warm.take() {
            self.pool.checkin(w);
        }
    }
}
