//! When a laptop looks at the hub, for hubs with many laptops: a held
//! LISTEN connection costs one PostgreSQL backend per laptop for as long as
//! the console runs (1.4 MB each measured here, and `max_connections` is 100 by
//! default), so 1,000 laptops cannot each hold one (docs/HUB.md,
//! "Connections", measured by tests/it/hub_connections.rs). Instead a laptop
//! may poll with backoff: it connects, syncs, disconnects, and waits
//! [`Backoff::FAST`] after activity, doubling while nothing changes up to
//! [`Backoff::SLOW`]. The wait is jittered so laptops started together do
//! not poll together.

use std::time::Duration;

/// A poll interval that grows while the hub is quiet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    next: Duration,
    fast: Duration,
    slow: Duration,
}

impl Backoff {
    /// After a local save or a change found at the hub.
    pub const FAST: Duration = Duration::from_secs(30);
    /// The longest wait while nothing changes.
    pub const SLOW: Duration = Duration::from_secs(300);

    /// The default policy (30 s doubling to 5 min).
    pub fn new() -> Backoff {
        Backoff::with(Backoff::FAST, Backoff::SLOW)
    }

    /// Another range (tests, small hubs).
    pub fn with(fast: Duration, slow: Duration) -> Backoff {
        Backoff { next: fast, fast, slow: slow.max(fast) }
    }

    /// The wait before the next poll, with `jitter` in 0..=1 taking up to a
    /// quarter off it.
    pub fn wait(&self, jitter: f64) -> Duration {
        self.next.mul_f64(1.0 - 0.25 * jitter.clamp(0.0, 1.0))
    }

    /// A poll found nothing: wait longer next time.
    pub fn quiet(&mut self) {
        self.next = (self.next * 2).min(self.slow);
    }

    /// Something moved (here or at the hub): look again soon.
    pub fn activity(&mut self) {
        self.next = self.fast;
    }
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_hub_is_polled_less_and_less_and_activity_brings_it_back() {
        let mut b = Backoff::new();
        assert_eq!(b.wait(0.0), Duration::from_secs(30));
        for _ in 0..10 {
            b.quiet();
        }
        assert_eq!(b.wait(0.0), Duration::from_secs(300));
        assert_eq!(b.wait(1.0), Duration::from_secs(225));
        b.activity();
        assert_eq!(b.wait(0.0), Duration::from_secs(30));
    }
}
