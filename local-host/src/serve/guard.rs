//! Admission control in front of the guest: the circuit breaker and the
//! per-client token bucket.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

impl BreakerState {
    pub fn as_str(self) -> &'static str {
        match self {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half-open",
        }
    }

    /// Numeric form for the Prometheus gauge.
    pub fn as_gauge(self) -> u8 {
        match self {
            BreakerState::Closed => 0,
            BreakerState::HalfOpen => 1,
            BreakerState::Open => 2,
        }
    }
}

#[derive(Debug, Default)]
struct BreakerInner {
    consecutive: u32,
    /// Tickets handed out so far: each ticket's number is its admission order.
    admitted: u64,
    /// Admission number of the latest failure recorded.
    last_failure: u64,
    opened_at: Option<Instant>,
    probe_in_flight: bool,
    opened_total: u64,
}

/// Opens after `threshold` consecutive guest failures (traps, timeouts,
/// memory-limit hits); after `cooldown` lets one probe request through
/// (half-open); the probe's outcome closes or re-opens it.
#[derive(Debug)]
pub struct Breaker {
    threshold: u32,
    cooldown: Duration,
    inner: Mutex<BreakerInner>,
}

/// Permission to run one request; report its outcome with [`Breaker::record`].
#[derive(Debug)]
pub struct Ticket {
    probe: bool,
    /// Admission order. A verdict can arrive late (a success is recorded when the
    /// guest finishes, after its response), so a success only ends a failure
    /// streak of requests admitted before it.
    seq: u64,
    /// Health checks run the guest without voting: a cheap `/health` that
    /// succeeds must not reset a streak of failing extractions.
    tracked: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct BreakerSnapshot {
    pub state: &'static str,
    pub consecutive_failures: u32,
    pub threshold: u32,
    pub cooldown_ms: u64,
    pub opened_total: u64,
}

impl Breaker {
    pub fn new(threshold: u32, cooldown: Duration) -> Self {
        Self {
            threshold,
            cooldown,
            inner: Mutex::new(BreakerInner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BreakerInner> {
        // Plain counters: still consistent after a panic elsewhere.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `Err(retry_after)` while open (or while the half-open probe runs).
    pub fn admit(&self) -> Result<Ticket, Duration> {
        if self.threshold == 0 {
            return Ok(Ticket {
                probe: false,
                seq: 0,
                tracked: true,
            });
        }
        let mut b = self.lock();
        b.admitted += 1;
        let seq = b.admitted;
        let Some(opened) = b.opened_at else {
            return Ok(Ticket {
                probe: false,
                seq,
                tracked: true,
            });
        };
        let elapsed = opened.elapsed();
        if elapsed < self.cooldown {
            return Err(self.cooldown - elapsed);
        }
        if b.probe_in_flight {
            return Err(self.cooldown.min(Duration::from_secs(1)));
        }
        b.probe_in_flight = true;
        Ok(Ticket {
            probe: true,
            seq,
            tracked: true,
        })
    }

    /// A ticket for a call whose outcome is not counted (see [`Ticket`]);
    /// `None` while the breaker is open.
    pub fn untracked(&self) -> Option<Ticket> {
        (self.state() != BreakerState::Open).then_some(Ticket {
            probe: false,
            seq: 0,
            tracked: false,
        })
    }

    /// `guest_failure`: the guest trapped, timed out or hit its memory cap.
    pub fn record(&self, ticket: Ticket, guest_failure: bool) {
        if self.threshold == 0 || !ticket.tracked {
            return;
        }
        let mut b = self.lock();
        if guest_failure {
            b.consecutive = b.consecutive.saturating_add(1);
            b.last_failure = b.last_failure.max(ticket.seq);
            let reopen = ticket.probe;
            let trip = b.opened_at.is_none() && b.consecutive >= self.threshold;
            if reopen || trip {
                b.opened_at = Some(Instant::now());
                b.opened_total += 1;
                tracing::warn!(failures = b.consecutive, "circuit breaker open");
            }
        } else {
            if ticket.seq > b.last_failure {
                b.consecutive = 0;
            }
            if ticket.probe {
                b.opened_at = None;
                tracing::info!("circuit breaker closed");
            }
        }
        if ticket.probe {
            b.probe_in_flight = false;
        }
    }

    /// A ticket whose request ended without a verdict (client went away).
    pub fn abandon(&self, ticket: Ticket) {
        if ticket.probe {
            self.lock().probe_in_flight = false;
        }
    }

    pub fn state(&self) -> BreakerState {
        let b = self.lock();
        match b.opened_at {
            None => BreakerState::Closed,
            Some(t) if t.elapsed() < self.cooldown => BreakerState::Open,
            Some(_) => BreakerState::HalfOpen,
        }
    }

    pub fn snapshot(&self) -> BreakerSnapshot {
        let state = self.state();
        let b = self.lock();
        BreakerSnapshot {
            state: state.as_str(),
            consecutive_failures: b.consecutive,
            threshold: self.threshold,
            cooldown_ms: u64::try_from(self.cooldown.as_millis()).unwrap_or(u64::MAX),
            opened_total: b.opened_total,
        }
    }
}

/// Token bucket per client IP: `per_min` tokens, refilled continuously.
#[derive(Debug)]
pub struct RateLimiter {
    per_min: u32,
    include_loopback: bool,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

/// Above this many tracked clients, forget the ones whose bucket is full.
const MAX_TRACKED: usize = 10_000;

impl RateLimiter {
    pub fn new(per_min: u32, include_loopback: bool) -> Self {
        Self {
            per_min,
            include_loopback,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(retry_after)` when the client's bucket is empty.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        if self.per_min == 0 || (ip.is_loopback() && !self.include_loopback) {
            return Ok(());
        }
        let cap = f64::from(self.per_min);
        let rate = cap / 60.0; // tokens per second
        let now = Instant::now();
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > MAX_TRACKED {
            map.retain(|_, (tokens, last)| {
                *tokens + now.duration_since(*last).as_secs_f64() * rate < cap
            });
        }
        let (tokens, last) = map.entry(ip).or_insert((cap, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * rate).min(cap);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - *tokens) / rate))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaker_cycle() {
        let b = Breaker::new(2, Duration::from_millis(30));
        let t = b.admit().expect("closed");
        b.record(t, true);
        assert_eq!(b.state(), BreakerState::Closed);
        let t = b.admit().expect("closed");
        b.record(t, true);
        assert_eq!(b.state(), BreakerState::Open);
        assert!(b.admit().is_err());
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(b.state(), BreakerState::HalfOpen);
        let probe = b.admit().expect("half-open lets one probe through");
        assert!(b.admit().is_err(), "only one probe at a time");
        b.record(probe, true);
        assert_eq!(b.state(), BreakerState::Open);
        std::thread::sleep(Duration::from_millis(40));
        let probe = b.admit().expect("probe");
        b.record(probe, false);
        assert_eq!(b.state(), BreakerState::Closed);
        assert_eq!(b.snapshot().opened_total, 2);

        // Untracked calls (health checks) never reset a failure streak.
        b.record(b.admit().expect("closed"), true);
        b.record(b.untracked().expect("not open"), false);
        b.record(b.admit().expect("closed"), true);
        assert_eq!(b.state(), BreakerState::Open);
        assert!(b.untracked().is_none(), "no guest calls while open");
    }

    #[test]
    fn a_late_success_does_not_end_a_newer_failure_streak() {
        let b = Breaker::new(2, Duration::from_secs(60));
        // The first request answers, the next fails before the first's guest has
        // finished and its success is recorded.
        let first = b.admit().expect("closed");
        let second = b.admit().expect("closed");
        b.record(second, true);
        b.record(first, false);
        assert_eq!(b.snapshot().consecutive_failures, 1);
        b.record(b.admit().expect("closed"), true);
        assert_eq!(b.state(), BreakerState::Open);
        // A success admitted after the failures ends the streak as before.
        let b = Breaker::new(2, Duration::from_secs(60));
        b.record(b.admit().expect("closed"), true);
        b.record(b.admit().expect("closed"), false);
        b.record(b.admit().expect("closed"), true);
        assert_eq!(b.state(), BreakerState::Closed);
    }

    #[test]
    fn bucket_allows_per_min_then_refuses() {
        let r = RateLimiter::new(3, false);
        let client: IpAddr = "203.0.113.9".parse().expect("ip");
        for _ in 0..3 {
            assert!(r.check(client).is_ok());
        }
        let wait = r.check(client).expect_err("fourth is over the limit");
        assert!(wait > Duration::ZERO);
        let other: IpAddr = "203.0.113.10".parse().expect("ip");
        assert!(r.check(other).is_ok(), "buckets are per client");
        let lo: IpAddr = "127.0.0.1".parse().expect("ip");
        for _ in 0..10 {
            assert!(r.check(lo).is_ok(), "loopback exempt by default");
        }
    }
}
