//! When a laptop looks at the hub, for hubs with many laptops: a held
//! LISTEN connection costs one PostgreSQL backend per laptop for as long as
//! the console runs (1.4 MB each measured here, and `max_connections` is 100 by
//! default), so 1,000 laptops cannot each hold one (docs/HUB.md,
//! "Connections", measured by tests/it/hub_connections.rs). Instead a laptop
//! may poll with backoff: it connects, syncs, disconnects, and waits
//! [`Backoff::FAST`] after activity, doubling while nothing changes up to
//! [`Backoff::SLOW`]. The wait is jittered so laptops started together do
//! not poll together.
//!
//! Which a laptop does is the hub operator's choice, kept at the hub in
//! `haven_setting` (`haven hub wake listen|poll`, [`Wake::from_settings`]):
//! the operator knows how many laptops share the server. A hub without the
//! setting (or made before it) is listened to, as before.

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

/// How the console learns that the hub has something new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Hold the connection and LISTEN (a poll every 30 s where the server
    /// has no LISTEN).
    Listen,
    /// Connect, sync, disconnect; look again after a [`Backoff`] wait.
    Poll {
        /// The wait after activity.
        fast: Duration,
        /// The longest wait.
        slow: Duration,
    },
}

impl Wake {
    /// The shortest poll interval an operator may set, and the longest.
    pub const BOUNDS: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(86_400));

    /// The policy the hub's settings (name, value) give. Unknown names are
    /// ignored and out-of-range numbers clamped, so that a hand-edited row
    /// cannot make laptops hammer the hub or never look at it.
    pub fn from_settings<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str)>) -> Wake {
        let (mut poll, mut fast, mut slow) = (false, Backoff::FAST, Backoff::SLOW);
        let secs = |v: &str| v.trim().parse::<u64>().ok().map(Duration::from_secs);
        for (name, value) in rows {
            match name {
                "wake" => poll = value.trim() == "poll",
                "poll_fast_s" => fast = secs(value).unwrap_or(fast),
                "poll_slow_s" => slow = secs(value).unwrap_or(slow),
                _ => {}
            }
        }
        if poll { Wake::poll(fast, slow) } else { Wake::Listen }
    }

    /// Polling between `fast` and `slow`, each held within [`Wake::BOUNDS`]
    /// and `slow` never below `fast`.
    pub fn poll(fast: Duration, slow: Duration) -> Wake {
        let (lo, hi) = Wake::BOUNDS;
        let fast = fast.clamp(lo, hi);
        Wake::Poll { fast, slow: slow.clamp(lo, hi).max(fast) }
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

    #[test]
    fn the_hub_settings_choose_listen_or_poll_and_bound_the_intervals() {
        assert_eq!(Wake::from_settings([]), Wake::Listen);
        assert_eq!(Wake::from_settings([("wake", "listen"), ("poll_fast_s", "5")]), Wake::Listen);
        assert_eq!(Wake::from_settings([("wake", "poll")]), Wake::Poll { fast: Backoff::FAST, slow: Backoff::SLOW });
        assert_eq!(
            Wake::from_settings([("wake", "poll"), ("poll_fast_s", "0"), ("poll_slow_s", "999999999")]),
            Wake::Poll { fast: Duration::from_secs(1), slow: Duration::from_secs(86_400) }
        );
        // A slow interval below the fast one is raised to it; junk is ignored.
        assert_eq!(
            Wake::from_settings([("wake", "poll"), ("poll_fast_s", "60"), ("poll_slow_s", "10"), ("x", "y")]),
            Wake::Poll { fast: Duration::from_secs(60), slow: Duration::from_secs(60) }
        );
        let junk = Wake::from_settings([("wake", "poll"), ("poll_fast_s", "soon")]);
        assert_eq!(junk, Wake::Poll { fast: Backoff::FAST, slow: Backoff::SLOW });
    }
}
