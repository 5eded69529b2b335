//! Host-side failures and their wire form
//! `{"error": {"kind", "message", "retryable"}}` with an HTTP status.

use crate::limits::MemoryLimitExceeded;
use serde_json::json;

/// Why a call into the guest did not produce a result.
#[derive(Debug, Clone, thiserror::Error)]
pub enum HostError {
    /// The extractor returned an `extraction-error`; `kind` is its WIT case name.
    #[error("{kind}: {message}")]
    Guest { kind: &'static str, message: String },
    /// The input was refused before reaching the guest (never retried).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// The epoch deadline passed (wall clock).
    #[error("extraction exceeded the {0} ms time limit")]
    Timeout(u64),
    /// The fuel budget ran out (instruction count).
    #[error("extraction ran out of fuel ({0} units)")]
    OutOfFuel(u64),
    /// The per-instance memory cap refused a growth.
    #[error("{0}")]
    MemoryLimit(String),
    /// The guest trapped (panic, unreachable, stack overflow ...).
    #[error("guest trapped: {message}")]
    Trap { message: String, retryable: bool },
    /// No instance free and none can be created right now.
    #[error("no extractor instance available ({0})")]
    Overloaded(String),
    /// Anything else on the host side (instantiation, I/O).
    #[error("host error: {0}")]
    Internal(String),
}

impl HostError {
    /// The `kind` on the wire.
    pub fn kind(&self) -> &'static str {
        match self {
            HostError::Guest { kind, .. } => kind,
            HostError::InvalidInput(_) => "invalid-html",
            HostError::Timeout(_) | HostError::OutOfFuel(_) => "extraction-timeout",
            HostError::MemoryLimit(_) => "resource-limit",
            HostError::Trap { .. } | HostError::Internal(_) => "internal-error",
            HostError::Overloaded(_) => "overloaded",
        }
    }

    /// Whether calling again may succeed. Timeouts, fuel and memory limits
    /// are properties of the input, so repeating the same call would fail
    /// the same way.
    pub fn retryable(&self) -> bool {
        match self {
            HostError::Trap { retryable, .. } => *retryable,
            HostError::Overloaded(_) => true,
            _ => false,
        }
    }

    /// Whether this counts as the guest misbehaving (for the circuit breaker).
    pub fn is_guest_failure(&self) -> bool {
        matches!(
            self,
            HostError::Timeout(_)
                | HostError::OutOfFuel(_)
                | HostError::MemoryLimit(_)
                | HostError::Trap { .. }
        )
    }

    pub fn http_status(&self) -> u16 {
        match self {
            HostError::Guest { kind, .. } => match *kind {
                "invalid-html" | "unsupported-mode" => 400,
                "network-error" => 502,
                "internal-error" => 500,
                _ => 422,
            },
            HostError::InvalidInput(_) => 400,
            HostError::Timeout(_) | HostError::OutOfFuel(_) => 504,
            HostError::MemoryLimit(_) | HostError::Overloaded(_) => 503,
            HostError::Trap { .. } | HostError::Internal(_) => 500,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        let message = match self {
            HostError::Guest { message, .. } => message.clone(),
            other => other.to_string(),
        };
        error_json(self.kind(), &message, self.retryable())
    }

    /// Classify an error out of a wasmtime call made under the given limits.
    pub fn from_wasmtime(
        e: &wasmtime::Error,
        timeout_ms: u64,
        fuel: Option<u64>,
        reused_instance: bool,
    ) -> HostError {
        if let Some(m) = e.downcast_ref::<MemoryLimitExceeded>() {
            return HostError::MemoryLimit(m.to_string());
        }
        match e.downcast_ref::<wasmtime::Trap>() {
            Some(wasmtime::Trap::Interrupt) => HostError::Timeout(timeout_ms),
            Some(wasmtime::Trap::OutOfFuel) => HostError::OutOfFuel(fuel.unwrap_or(0)),
            Some(trap) => HostError::Trap {
                message: format!("{trap}: {}", first_line(e)),
                // A trap on a warm instance may come from state an earlier
                // call left behind; a fresh instance deserves one more try.
                retryable: reused_instance,
            },
            None => HostError::Internal(first_line(e)),
        }
    }
}

fn first_line(e: &wasmtime::Error) -> String {
    let text = format!("{e:?}");
    text.lines().next().unwrap_or_default().to_string()
}

pub fn error_json(kind: &str, message: &str, retryable: bool) -> serde_json::Value {
    json!({"error": {"kind": kind, "message": message, "retryable": retryable}})
}
