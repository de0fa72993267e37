//! When to try a failed delivery again: exponential backoff with jitter, capped, or the
//! receiver's `Retry-After` when it gives one.

use std::time::Duration;

/// The longest `Retry-After` honoured: 30 days.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(30 * 86400);

/// Retry timings (configurable, so a test can run the whole retry story in seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Delay before the second attempt (the first retry).
    pub first_delay: Duration,
    /// No delay is longer than this.
    pub max_delay: Duration,
    /// Attempts in all, the first included; then the item is dead.
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            first_delay: Duration::from_secs(600),
            max_delay: Duration::from_secs(6 * 3600),
            max_attempts: 3,
        }
    }
}

impl RetryPolicy {
    /// The delay before attempt `failed + 1` without jitter: `first_delay * 2^(failed-1)`,
    /// capped at `max_delay`. `failed` is how many attempts failed so far (1 or more).
    pub fn base_delay(&self, failed: u32) -> Duration {
        let doublings = failed.saturating_sub(1).min(32);
        self.first_delay.saturating_mul(1u32 << doublings.min(31)).min(self.max_delay)
    }

    /// The delay with "equal jitter": between half the base delay and the whole of it, so
    /// retries of many items spread out while each stays within the schedule. `jitter` is a
    /// number in [0, 1). A receiver's `Retry-After` wins when it asks for longer, up to
    /// [`RETRY_AFTER_CAP`] (a receiver asking for a year is not taken at its word).
    pub fn delay(&self, failed: u32, jitter: f64, retry_after: Option<Duration>) -> Duration {
        let base = self.base_delay(failed);
        let jittered = base / 2 + base.mul_f64(jitter.clamp(0.0, 1.0) / 2.0);
        match retry_after {
            Some(r) => jittered.max(r.min(RETRY_AFTER_CAP)),
            None => jittered,
        }
    }

    /// Whether an item that has now failed `failed` times is dead.
    pub fn exhausted(&self, failed: u32) -> bool {
        failed >= self.max_attempts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_doubles_is_capped_and_stays_within_its_jitter() {
        let p = RetryPolicy {
            first_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(30),
            max_attempts: 5,
        };
        let bases: Vec<u64> = (1..=6).map(|n| p.base_delay(n).as_secs()).collect();
        assert_eq!(bases, [2, 4, 8, 16, 30, 30]);
        for n in 1..40 {
            assert!(p.base_delay(n + 1) >= p.base_delay(n), "monotonic at {n}");
            for j in [0.0, 0.3, 0.999] {
                let d = p.delay(n, j, None);
                assert!(d <= p.base_delay(n) && d >= p.base_delay(n) / 2, "{n} {j}: {d:?}");
            }
        }
        assert_eq!(p.delay(1, 0.0, Some(Duration::from_secs(10))), Duration::from_secs(10));
        // Retry-After is honoured beyond max_delay, up to the cap
        assert_eq!(p.delay(1, 0.0, Some(Duration::from_secs(999))), Duration::from_secs(999));
        assert_eq!(p.delay(1, 0.0, Some(Duration::MAX)), RETRY_AFTER_CAP);
        assert!(!p.exhausted(4) && p.exhausted(5));
        // huge first delays saturate instead of overflowing
        let big = RetryPolicy { first_delay: Duration::MAX, ..p };
        assert_eq!(big.base_delay(40), p.max_delay);
    }
}
