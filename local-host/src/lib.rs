//! riptide's wasmtime host.
//!
//! - [`engine`]: engine configuration (pooling, Cranelift, fuel, epochs) and
//!   the precompiled-component cache.
//! - [`extractor`]: typed calls into the extractor component through a pool
//!   of warm instances ([`extractor::ExtractorPool`]), used by `riptide
//!   extract`, `riptide batch` and the quality harness.
//! - [`serve`]: the HTTP server running the composed app, one store per request.
//! - [`batch`]: manifest in, one JSONL line out per page.

pub mod engine;
pub mod error;
pub mod extractor;
pub mod limits;
pub mod settings;

pub use error::HostError;
pub use extractor::{ExtractorPool, PoolConfig};
pub use settings::{Knobs, Settings};
pub mod batch;
pub mod serve;
