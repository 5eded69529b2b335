//! The wasmtime engine riptide runs on, the precompiled-component cache and
//! the epoch ticker that turns wall-clock deadlines into guest interrupts.

use crate::settings::Settings;
use anyhow::{anyhow, Context, Result};
use sha2::{Digest, Sha256};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use wasmtime::component::Component;
use wasmtime::{Config, Engine, InstanceAllocationStrategy, OptLevel, PoolingAllocationConfig};

/// How often the epoch advances; deadlines are rounded up to this.
pub const EPOCH_TICK: Duration = Duration::from_millis(10);

/// Per component instance, the composed app holds the HTTP component, the
/// extractor and the adapter shims wit-component adds around each; these
/// ceilings leave room for that with margin (the composed app needs well
/// under half of each).
const CORE_INSTANCES_PER_COMPONENT: u32 = 64;
const MEMORIES_PER_COMPONENT: u32 = 8;
const TABLES_PER_COMPONENT: u32 = 32;

/// wasmtime errors are not `std::error::Error`; keep their full chain as text.
pub fn wt(e: wasmtime::Error) -> anyhow::Error {
    anyhow!("{e:?}")
}

/// Build the engine: Cranelift at `Speed`, SIMD and bulk memory on, fuel and
/// epoch interruption compiled in, instances from a sized pooling allocator.
pub fn build_engine(settings: &Settings) -> Result<Engine> {
    let mut config = Config::new();
    config
        .cranelift_opt_level(OptLevel::Speed)
        .wasm_simd(true)
        .wasm_bulk_memory(true)
        .wasm_component_model(true)
        // The workspace enables wasmtime's `gc` feature without a collector;
        // neither guest uses GC types, so keep the GC runtime out entirely.
        .wasm_gc(false)
        .gc_support(false)
        .max_wasm_stack(settings.max_wasm_stack)
        // The async fiber stack must hold the whole wasm stack plus host frames.
        .async_stack_size(settings.max_wasm_stack + 1024 * 1024)
        .consume_fuel(settings.fuel.is_some())
        .epoch_interruption(true)
        .parallel_compilation(true);

    let n = settings.max_instances;
    let mut pool = PoolingAllocationConfig::new();
    pool.total_component_instances(n)
        .total_core_instances(n.saturating_mul(CORE_INSTANCES_PER_COMPONENT))
        .total_memories(n.saturating_mul(MEMORIES_PER_COMPONENT))
        .total_tables(n.saturating_mul(TABLES_PER_COMPONENT))
        .total_stacks(n)
        .max_core_instances_per_component(CORE_INSTANCES_PER_COMPONENT)
        .max_memories_per_component(MEMORIES_PER_COMPONENT)
        .max_tables_per_component(TABLES_PER_COMPONENT)
        // A single memory may use the whole per-instance budget; the store
        // limiter enforces the budget across all of an instance's memories.
        .max_memory_size(usize::try_from(settings.max_memory_bytes).unwrap_or(usize::MAX))
        .max_unused_warm_slots(n.min(16));
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    Engine::new(&config).map_err(wt)
}

/// Counts cache outcomes so tests and `/health/wasm` can tell a warm start
/// from a compile without timing anything.
#[derive(Debug, Default)]
pub struct CacheStats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
}

/// Load a component, compiling it only when no matching precompiled copy is
/// in `cache_dir`. The key covers the wasm bytes and the engine's
/// compatibility hash (wasmtime version, target, config flags), so a rebuilt
/// app or a changed knob never loads stale code.
pub fn load_component(
    engine: &Engine,
    wasm_path: &Path,
    cache_dir: Option<&Path>,
    stats: &CacheStats,
) -> Result<Component> {
    let bytes = std::fs::read(wasm_path).with_context(|| {
        format!(
            "reading {} (run `cargo xtask build` first to build the wasm artifacts)",
            wasm_path.display()
        )
    })?;
    let Some(dir) = cache_dir else {
        stats.misses.fetch_add(1, Ordering::Relaxed);
        return Component::new(engine, &bytes).map_err(wt);
    };
    let cached = dir.join(format!("{}.cwasm", cache_key(engine, &bytes)));
    if cached.is_file() {
        // SAFETY: the file was written by `Component::serialize` below into a
        // directory only riptide writes, under a name that binds it to these
        // exact wasm bytes and this engine's compatibility hash; wasmtime
        // additionally checks the header and rejects a mismatched engine.
        match unsafe { Component::deserialize_file(engine, &cached) } {
            Ok(c) => {
                stats.hits.fetch_add(1, Ordering::Relaxed);
                tracing::info!(path = %cached.display(), "component cache hit");
                return Ok(c);
            }
            Err(e) => {
                tracing::warn!(path = %cached.display(), error = %e, "ignoring unusable cache entry")
            }
        }
    }
    stats.misses.fetch_add(1, Ordering::Relaxed);
    tracing::info!(wasm = %wasm_path.display(), "component cache miss: compiling");
    let component = Component::new(engine, &bytes).map_err(wt)?;
    if let Err(e) = write_cache(dir, &cached, &component) {
        tracing::warn!(error = %e, "could not write the precompiled cache");
    }
    Ok(component)
}

fn write_cache(dir: &Path, target: &Path, component: &Component) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let data = component.serialize().map_err(wt)?;
    // Write then rename so a concurrent reader never sees half a file.
    let tmp: PathBuf = dir.join(format!(".{}.{}.tmp", std::process::id(), unique()));
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, target)?;
    Ok(())
}

fn unique() -> u64 {
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

fn cache_key(engine: &Engine, wasm: &[u8]) -> String {
    struct ShaHasher(Sha256);
    impl Hasher for ShaHasher {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0.update(bytes);
        }
    }
    let mut h = ShaHasher(Sha256::new());
    h.0.update(Sha256::digest(wasm));
    engine.precompile_compatibility_hash().hash(&mut h);
    h.0.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// Number of epoch ticks that cover `d` (at least one).
pub fn deadline_ticks(d: Duration) -> u64 {
    let tick = EPOCH_TICK.as_nanos().max(1);
    u64::try_from(d.as_nanos().div_ceil(tick))
        .unwrap_or(u64::MAX)
        .max(1)
}

/// A thread advancing the engine's epoch every [`EPOCH_TICK`]; stops on drop.
pub struct EpochTicker {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl EpochTicker {
    pub fn start(engine: &Engine) -> Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let engine = engine.clone();
        let flag = stop.clone();
        let handle = std::thread::Builder::new()
            .name("riptide-epoch".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    engine.increment_epoch();
                }
            })?;
        Ok(Self {
            stop,
            handle: Some(handle),
        })
    }
}

impl Drop for EpochTicker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
