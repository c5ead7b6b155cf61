//! Failed logins, counted per username in a plain tree (nobody holds a key
//! before logging in) so that the growing delay survives a restart. The
//! attempts are folded into the audit chain at the next successful login.

use serde::{Deserialize, Serialize};

/// Attempts allowed before delays start.
pub const FREE_ATTEMPTS: u32 = 3;
/// The longest delay, in seconds.
pub const MAX_DELAY: u64 = 300;
/// Failed attempts remembered for the audit chain.
const MAX_PENDING: usize = 200;

/// The state kept for one username.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attempts {
    /// Consecutive failures.
    pub failures: u32,
    /// Time of the last failure, seconds since the epoch.
    pub last: i64,
    /// Times of failures not yet written to the audit chain.
    pub pending: Vec<i64>,
}

impl Attempts {
    /// Seconds to wait after `failures` failures: 0 for the first three,
    /// then 1, 2, 4, … up to five minutes.
    pub fn delay(failures: u32) -> u64 {
        if failures < FREE_ATTEMPTS {
            0
        } else {
            let exp = (failures - FREE_ATTEMPTS).min(16);
            (1u64 << exp).min(MAX_DELAY)
        }
    }

    /// Seconds still to wait at `now`, or 0.
    pub fn wait_at(&self, now: i64) -> u64 {
        let until = self.last.saturating_add(Self::delay(self.failures) as i64);
        if now < until { (until - now) as u64 } else { 0 }
    }

    /// Records a failure at `now`.
    pub fn fail(&mut self, now: i64) {
        self.failures = self.failures.saturating_add(1);
        self.last = now;
        if self.pending.len() < MAX_PENDING {
            self.pending.push(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_after_three_failures_and_is_capped() {
        assert_eq!(Attempts::delay(0), 0);
        assert_eq!(Attempts::delay(2), 0);
        assert_eq!(Attempts::delay(3), 1);
        assert_eq!(Attempts::delay(4), 2);
        assert_eq!(Attempts::delay(8), 32);
        assert_eq!(Attempts::delay(40), MAX_DELAY);
    }

    #[test]
    fn waiting_counts_down_from_the_last_failure() {
        let mut a = Attempts::default();
        for t in 0..5 {
            a.fail(100 + t);
        }
        assert_eq!(a.failures, 5);
        assert_eq!(a.wait_at(104), 4);
        assert_eq!(a.wait_at(107), 1);
        assert_eq!(a.wait_at(108), 0);
        assert_eq!(a.pending.len(), 5);
    }
}
