//! Every tunable knob, with one name used three ways: the CLI flag
//! (`--max-memory-mib`), the environment variable (`RIPTIDE_MAX_MEMORY_MIB`)
//! and the TOML key (`max_memory_mib`). Precedence: flag, then env, then the
//! `--config` file, then the built-in default.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The raw knobs as given (all optional so sources can be layered).
#[derive(Debug, Clone, Default, clap::Args, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Knobs {
    /// Pooling allocator: total component instances alive at once (one per
    /// in-flight request or warm extractor) [default: 64]
    #[arg(long, env = "RIPTIDE_MAX_INSTANCES")]
    pub max_instances: Option<u32>,
    /// StoreLimits: linear memory cap per instance, all memories summed [default: 256]
    #[arg(long, env = "RIPTIDE_MAX_MEMORY_MIB")]
    pub max_memory_mib: Option<u64>,
    /// Epoch deadline: wall-clock limit per request / typed call [default: 10000]
    #[arg(long, env = "RIPTIDE_TIMEOUT_MS")]
    pub timeout_ms: Option<u64>,
    /// Fuel budget per request / typed call; 0 turns fuel off [default: 10000000000]
    #[arg(long, env = "RIPTIDE_FUEL")]
    pub fuel: Option<u64>,
    /// Requests running at once; past it new requests get 503 at once [default: 32]
    #[arg(long, env = "RIPTIDE_MAX_IN_FLIGHT")]
    pub max_in_flight: Option<usize>,
    /// Largest request body the host buffers, else 413 [default: 10485760]
    #[arg(long, env = "RIPTIDE_MAX_BODY_BYTES")]
    pub max_body_bytes: Option<usize>,
    /// Total guest memory budget across all live instances [default: 4096]
    #[arg(long, env = "RIPTIDE_MEMORY_BUDGET_MIB")]
    pub memory_budget_mib: Option<u64>,
    /// Shed new work (503) once the budget is this full [default: 80]
    #[arg(long, env = "RIPTIDE_MEMORY_SHED_PERCENT")]
    pub memory_shed_percent: Option<u8>,
    /// Consecutive guest failures that open the circuit breaker; 0 = off [default: 5]
    #[arg(long, env = "RIPTIDE_BREAKER_FAILURES")]
    pub breaker_failures: Option<u32>,
    /// How long the breaker stays open before one probe (half-open) [default: 10000]
    #[arg(long, env = "RIPTIDE_BREAKER_COOLDOWN_MS")]
    pub breaker_cooldown_ms: Option<u64>,
    /// Token bucket per client address; 0 = off [default: 100]
    #[arg(long, env = "RIPTIDE_RATE_LIMIT_PER_MIN")]
    pub rate_limit_per_min: Option<u32>,
    /// Rate-limit loopback clients too (off by default so local tools are not throttled) [default: false]
    #[arg(long, env = "RIPTIDE_RATE_LIMIT_LOOPBACK", num_args = 0..=1, default_missing_value = "true")]
    pub rate_limit_loopback: Option<bool>,
    /// Log extractions slower than this, with their URL [default: 500]
    #[arg(long, env = "RIPTIDE_SLOW_MS")]
    pub slow_ms: Option<u64>,
    /// Cranelift max_wasm_stack in KiB [default: 1024]
    #[arg(long, env = "RIPTIDE_MAX_WASM_STACK_KIB")]
    pub max_wasm_stack_kib: Option<usize>,
    /// Outbound (/crawl) connect timeout [default: 5000]
    #[arg(long, env = "RIPTIDE_CONNECT_TIMEOUT_MS")]
    pub connect_timeout_ms: Option<u64>,
    /// Outbound (/crawl) first-byte and between-bytes timeout [default: 15000]
    #[arg(long, env = "RIPTIDE_FETCH_TIMEOUT_MS")]
    pub fetch_timeout_ms: Option<u64>,
    /// Outbound DNS override `HOST:ADDR` or `HOST:PORT:ADDR` (like curl
    /// --resolve); overridden targets are trusted by the /crawl policy
    #[arg(long, env = "RIPTIDE_RESOLVE", value_delimiter = ',')]
    pub resolve: Vec<String>,
    /// Extra trusted CA certificates (PEM file) for https /crawl fetches, on
    /// top of the built-in Mozilla roots (a private CA, a test server)
    #[arg(long, env = "RIPTIDE_TLS_CA")]
    pub tls_ca: Option<PathBuf>,
    /// Typed extractor pool: calls served by one warm instance before it is recycled [default: 1000]
    #[arg(long, env = "RIPTIDE_POOL_MAX_CALLS")]
    pub pool_max_calls: Option<u64>,
    /// Typed extractor pool: recycle an instance once its memory exceeds this [default: 128]
    #[arg(long, env = "RIPTIDE_POOL_MAX_MEMORY_MIB")]
    pub pool_max_memory_mib: Option<u64>,
    /// Typed extractor pool: retries of retryable failures [default: 3]
    #[arg(long, env = "RIPTIDE_RETRIES")]
    pub retries: Option<u32>,
    /// Precompiled component cache directory [default: $XDG_CACHE_HOME/riptide or ~/.cache/riptide]
    #[arg(long, env = "RIPTIDE_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Do not read or write the precompiled cache [default: false]
    #[arg(long, env = "RIPTIDE_NO_CACHE", num_args = 0..=1, default_missing_value = "true")]
    pub no_cache: Option<bool>,
}

impl Knobs {
    /// Fill every knob not set here from `other` (a lower-precedence source).
    pub fn or(self, other: Knobs) -> Knobs {
        Knobs {
            max_instances: self.max_instances.or(other.max_instances),
            max_memory_mib: self.max_memory_mib.or(other.max_memory_mib),
            timeout_ms: self.timeout_ms.or(other.timeout_ms),
            fuel: self.fuel.or(other.fuel),
            max_in_flight: self.max_in_flight.or(other.max_in_flight),
            max_body_bytes: self.max_body_bytes.or(other.max_body_bytes),
            memory_budget_mib: self.memory_budget_mib.or(other.memory_budget_mib),
            memory_shed_percent: self.memory_shed_percent.or(other.memory_shed_percent),
            breaker_failures: self.breaker_failures.or(other.breaker_failures),
            breaker_cooldown_ms: self.breaker_cooldown_ms.or(other.breaker_cooldown_ms),
            rate_limit_per_min: self.rate_limit_per_min.or(other.rate_limit_per_min),
            rate_limit_loopback: self.rate_limit_loopback.or(other.rate_limit_loopback),
            slow_ms: self.slow_ms.or(other.slow_ms),
            max_wasm_stack_kib: self.max_wasm_stack_kib.or(other.max_wasm_stack_kib),
            connect_timeout_ms: self.connect_timeout_ms.or(other.connect_timeout_ms),
            fetch_timeout_ms: self.fetch_timeout_ms.or(other.fetch_timeout_ms),
            resolve: if self.resolve.is_empty() {
                other.resolve
            } else {
                self.resolve
            },
            tls_ca: self.tls_ca.or(other.tls_ca),
            pool_max_calls: self.pool_max_calls.or(other.pool_max_calls),
            pool_max_memory_mib: self.pool_max_memory_mib.or(other.pool_max_memory_mib),
            retries: self.retries.or(other.retries),
            cache_dir: self.cache_dir.or(other.cache_dir),
            no_cache: self.no_cache.or(other.no_cache),
        }
    }

    /// Layer an optional TOML file under the flags/env already parsed.
    pub fn with_file(self, path: Option<&Path>) -> Result<Knobs> {
        let Some(path) = path else { return Ok(self) };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading config file {}", path.display()))?;
        let file: Knobs = toml::from_str(&text)
            .with_context(|| format!("parsing config file {}", path.display()))?;
        Ok(self.or(file))
    }

    /// Apply defaults and check the combination makes sense.
    pub fn resolve(self) -> Result<Settings> {
        let mib = |v: u64| v.saturating_mul(1024 * 1024);
        let s = Settings {
            max_instances: self.max_instances.unwrap_or(64),
            max_memory_bytes: mib(self.max_memory_mib.unwrap_or(256)),
            timeout: Duration::from_millis(self.timeout_ms.unwrap_or(10_000)),
            fuel: match self.fuel.unwrap_or(10_000_000_000) {
                0 => None,
                f => Some(f),
            },
            max_in_flight: self.max_in_flight.unwrap_or(32),
            max_body_bytes: self.max_body_bytes.unwrap_or(10 * 1024 * 1024),
            memory_budget_bytes: mib(self.memory_budget_mib.unwrap_or(4096)),
            memory_shed_percent: self.memory_shed_percent.unwrap_or(80),
            breaker_failures: self.breaker_failures.unwrap_or(5),
            breaker_cooldown: Duration::from_millis(self.breaker_cooldown_ms.unwrap_or(10_000)),
            rate_limit_per_min: self.rate_limit_per_min.unwrap_or(100),
            rate_limit_loopback: self.rate_limit_loopback.unwrap_or(false),
            slow: Duration::from_millis(self.slow_ms.unwrap_or(500)),
            max_wasm_stack: self.max_wasm_stack_kib.unwrap_or(1024) * 1024,
            connect_timeout: Duration::from_millis(self.connect_timeout_ms.unwrap_or(5_000)),
            fetch_timeout: Duration::from_millis(self.fetch_timeout_ms.unwrap_or(15_000)),
            resolve: self
                .resolve
                .iter()
                .map(|r| ResolveOverride::parse(r))
                .collect::<Result<_>>()?,
            tls_ca: self.tls_ca,
            pool_max_calls: self.pool_max_calls.unwrap_or(1000).max(1),
            pool_max_memory_bytes: mib(self.pool_max_memory_mib.unwrap_or(128)),
            retries: self.retries.unwrap_or(3),
            cache_dir: if self.no_cache.unwrap_or(false) {
                None
            } else {
                Some(self.cache_dir.unwrap_or_else(default_cache_dir))
            },
        };
        if s.max_instances == 0 {
            bail!("--max-instances must be at least 1");
        }
        if s.max_memory_bytes < 1024 * 1024 {
            bail!("--max-memory-mib must be at least 1");
        }
        if s.timeout.is_zero() {
            bail!("--timeout-ms must be at least 1");
        }
        if s.max_in_flight == 0 {
            bail!("--max-in-flight must be at least 1");
        }
        if s.memory_shed_percent == 0 || s.memory_shed_percent > 100 {
            bail!("--memory-shed-percent must be 1..=100");
        }
        if s.max_wasm_stack < 64 * 1024 {
            bail!("--max-wasm-stack-kib must be at least 64");
        }
        Ok(s)
    }
}

/// The knobs with defaults applied, in the units the host uses.
#[derive(Debug, Clone)]
pub struct Settings {
    pub max_instances: u32,
    pub max_memory_bytes: u64,
    pub timeout: Duration,
    pub fuel: Option<u64>,
    pub max_in_flight: usize,
    pub max_body_bytes: usize,
    pub memory_budget_bytes: u64,
    pub memory_shed_percent: u8,
    pub breaker_failures: u32,
    pub breaker_cooldown: Duration,
    pub rate_limit_per_min: u32,
    pub rate_limit_loopback: bool,
    pub slow: Duration,
    pub max_wasm_stack: usize,
    pub connect_timeout: Duration,
    pub fetch_timeout: Duration,
    pub resolve: Vec<ResolveOverride>,
    pub tls_ca: Option<PathBuf>,
    pub pool_max_calls: u64,
    pub pool_max_memory_bytes: u64,
    pub retries: u32,
    pub cache_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        // Defaults cannot fail validation; this keeps `Default` infallible.
        match Knobs::default().resolve() {
            Ok(s) => s,
            Err(e) => unreachable!("built-in defaults are valid: {e}"),
        }
    }
}

/// One `--resolve` entry: a made-up or real host name pinned to an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveOverride {
    pub host: String,
    pub port: Option<u16>,
    pub addr: IpAddr,
}

impl ResolveOverride {
    pub fn parse(spec: &str) -> Result<Self> {
        // The address may be IPv6 with colons, so split host (and port) off the front.
        let (host, rest) = spec
            .split_once(':')
            .with_context(|| format!("--resolve {spec:?}: expected HOST:ADDR or HOST:PORT:ADDR"))?;
        if host.is_empty() {
            bail!("--resolve {spec:?}: empty host");
        }
        let strip = |s: &str| s.trim_start_matches('[').trim_end_matches(']').to_string();
        if let Ok(addr) = strip(rest).parse::<IpAddr>() {
            return Ok(Self {
                host: host.to_ascii_lowercase(),
                port: None,
                addr,
            });
        }
        let (port, addr) = rest
            .split_once(':')
            .with_context(|| format!("--resolve {spec:?}: ADDR is not an IP address"))?;
        let port: u16 = port
            .parse()
            .with_context(|| format!("--resolve {spec:?}: bad port"))?;
        let addr: IpAddr = strip(addr)
            .parse()
            .with_context(|| format!("--resolve {spec:?}: ADDR is not an IP address"))?;
        Ok(Self {
            host: host.to_ascii_lowercase(),
            port: Some(port),
            addr,
        })
    }

    pub fn matches(&self, host: &str, port: u16) -> Option<SocketAddr> {
        let host_ok = self.host.eq_ignore_ascii_case(host.trim_end_matches('.'));
        let port_ok = self.port.is_none_or(|p| p == port);
        (host_ok && port_ok).then_some(SocketAddr::new(self.addr, port))
    }
}

fn default_cache_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("riptide")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_file_and_defaults_fill_the_rest() {
        let flags = Knobs {
            timeout_ms: Some(250),
            ..Knobs::default()
        };
        let file: Knobs = toml::from_str("timeout_ms = 999\nfuel = 0\nmax_memory_mib = 64\n")
            .expect("valid toml in test");
        let s = flags.or(file).resolve().expect("valid settings");
        assert_eq!(s.timeout, Duration::from_millis(250));
        assert_eq!(s.fuel, None);
        assert_eq!(s.max_memory_bytes, 64 << 20);
        assert_eq!(s.max_in_flight, 32);
    }

    #[test]
    fn unknown_toml_keys_are_rejected() {
        assert!(toml::from_str::<Knobs>("max_memroy_mib = 1\n").is_err());
    }

    #[test]
    fn resolve_forms() {
        let a = ResolveOverride::parse("site.test:127.0.0.1").expect("host:addr");
        assert_eq!(
            a.matches("SITE.test", 8080),
            Some("127.0.0.1:8080".parse().expect("addr"))
        );
        let b = ResolveOverride::parse("site.test:80:[::1]").expect("host:port:addr");
        assert_eq!(
            b.matches("site.test", 80),
            Some("[::1]:80".parse().expect("addr"))
        );
        assert_eq!(b.matches("site.test", 81), None);
        let c = ResolveOverride::parse("v6.test:::1").expect("host:v6addr");
        assert_eq!(c.addr, "::1".parse::<IpAddr>().expect("ip"));
        assert!(ResolveOverride::parse("nohost").is_err());
        assert!(ResolveOverride::parse("h:notanip").is_err());
    }
}
