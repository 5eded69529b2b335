//! Guest memory accounting: a per-instance cap (the store's resource
//! limiter) and a process-wide budget summed over every live instance.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Raised (as a trap) when an instance asks for more memory than its cap.
#[derive(Debug, thiserror::Error)]
#[error("guest memory limit exceeded: {requested} bytes requested, cap is {cap} bytes")]
pub struct MemoryLimitExceeded {
    pub cap: u64,
    pub requested: u64,
}

/// Memory held by all live instances together, against a total budget.
#[derive(Debug)]
pub struct MemoryBudget {
    total: u64,
    shed_percent: u8,
    used: AtomicU64,
}

impl MemoryBudget {
    pub fn new(total: u64, shed_percent: u8) -> Arc<Self> {
        Arc::new(Self {
            total,
            shed_percent,
            used: AtomicU64::new(0),
        })
    }

    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    /// Above the shed threshold new work is refused and idle instances dropped.
    pub fn under_pressure(&self) -> bool {
        u128::from(self.used()) * 100 > u128::from(self.total) * u128::from(self.shed_percent)
    }

    fn add(&self, n: u64) {
        self.used.fetch_add(n, Ordering::Relaxed);
    }

    fn sub(&self, n: u64) {
        // Saturating so a bookkeeping slip can never wrap into "always full".
        let _ = self
            .used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |u| {
                Some(u.saturating_sub(n))
            });
    }
}

/// The store's `ResourceLimiter`: caps the sum of the instance's linear
/// memories and reports what it holds to the shared budget.
#[derive(Debug)]
pub struct GuestLimiter {
    cap: u64,
    held: u64,
    hit: bool,
    budget: Arc<MemoryBudget>,
}

impl GuestLimiter {
    pub fn new(cap: u64, budget: Arc<MemoryBudget>) -> Self {
        Self {
            cap,
            held: 0,
            hit: false,
            budget,
        }
    }

    /// Bytes of linear memory this instance holds.
    pub fn held(&self) -> u64 {
        self.held
    }

    /// Whether the cap refused a growth since creation.
    pub fn hit(&self) -> bool {
        self.hit
    }

    fn refuse(&mut self, requested: u64) -> wasmtime::Error {
        self.hit = true;
        wasmtime::Error::new(MemoryLimitExceeded {
            cap: self.cap,
            requested,
        })
    }
}

impl wasmtime::ResourceLimiter for GuestLimiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let grow = desired.saturating_sub(current) as u64;
        let after = self.held.saturating_add(grow);
        if after > self.cap {
            // Trap rather than fail the grow: a guest allocator that cannot
            // grow aborts anyway, and a typed trap says why.
            return Err(self.refuse(after));
        }
        self.held = after;
        self.budget.add(grow);
        Ok(true)
    }

    fn memory_grow_failed(&mut self, _error: wasmtime::Error) -> wasmtime::Result<()> {
        // The pooling slot's maximum refused it: same limit, same answer.
        Err(self.refuse(self.held))
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }

    fn instances(&self) -> usize {
        1000
    }

    fn tables(&self) -> usize {
        1000
    }

    fn memories(&self) -> usize {
        100
    }
}

impl Drop for GuestLimiter {
    fn drop(&mut self) {
        self.budget.sub(self.held);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasmtime::ResourceLimiter;

    #[test]
    fn cap_sums_memories_and_budget_follows_lifetime() {
        let budget = MemoryBudget::new(100, 80);
        let mut a = GuestLimiter::new(60, budget.clone());
        assert!(a.memory_growing(0, 40, None).expect("under cap"));
        assert!(a
            .memory_growing(0, 20, None)
            .expect("second memory, exactly at cap"));
        let err = a.memory_growing(20, 21, None).expect_err("one byte over");
        assert!(err.downcast_ref::<MemoryLimitExceeded>().is_some());
        assert!(a.hit());
        assert_eq!(budget.used(), 60);
        assert!(!budget.under_pressure());
        let mut b = GuestLimiter::new(60, budget.clone());
        assert!(b.memory_growing(0, 30, None).expect("under cap"));
        assert!(budget.under_pressure());
        drop(a);
        assert_eq!(budget.used(), 30);
        assert!(!budget.under_pressure());
    }
}
