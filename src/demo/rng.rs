//! A tiny deterministic PRNG (SplitMix64): the demo must give the same centre
//! for the same parameters, on every platform, without the `rand` crate.

use chrono::{Duration, NaiveDate};

use crate::domain::ids::Id;

/// SplitMix64 (Steele, Lea & Flood 2014): one `u64` of state, good enough
/// statistics for synthetic data, and trivially reproducible.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator for one named stream; each part of the demo has its own
    /// stream so that a change in one part does not reshuffle the others.
    pub fn new(seed: u64, stream: &str) -> Self {
        // FNV-1a of the stream name, mixed into the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in stream.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut rng = Self { state: seed ^ h };
        rng.next_u64();
        rng
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Multiply-shift: unbiased enough for demo data, and never divides by zero.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a collection of `len` items (0 when empty).
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// A number in `lo..=hi` (or `lo` when the range is empty).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.saturating_add_unsigned(self.below(span))
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice (`None` only when it is empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.index(items.len()))
    }

    /// A copy of one item, or `fallback` when the slice is empty.
    pub fn pick_or<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        self.pick(items).copied().unwrap_or(fallback)
    }

    /// One item chosen by integer weights (`None` when all weights are zero).
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> Option<T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut roll = self.below(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if roll < w {
                return Some(*item);
            }
            roll -= w;
        }
        None
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }

    /// `n` distinct items of `items` (all of them, shuffled, if `n` ≥ len).
    pub fn sample<T: Copy>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut all = items.to_vec();
        self.shuffle(&mut all);
        all.truncate(n);
        all
    }

    /// A record id drawn from this stream.
    pub fn id(&mut self) -> Id {
        let a = self.next_u64().to_be_bytes();
        let b = self.next_u64().to_be_bytes();
        let mut out = [0u8; 16];
        for (slot, byte) in out.iter_mut().zip(a.iter().chain(b.iter())) {
            *slot = *byte;
        }
        Id(out)
    }

    /// A string of `n` decimal digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + (self.below(10) as u8))).collect()
    }

    /// An uppercase ASCII letter.
    pub fn letter(&mut self) -> char {
        char::from(b'A' + (self.below(26) as u8))
    }

    /// `day` shifted by a random number of days in `lo..=hi`.
    pub fn day_near(&mut self, day: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
        shift(day, self.range(lo, hi))
    }
}

/// `day` plus `days` (saturating at chrono's range instead of panicking).
pub fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(Duration::days(days)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_stream_gives_the_same_numbers() {
        let mut a = Rng::new(7, "cases");
        let mut b = Rng::new(7, "cases");
        let mut c = Rng::new(7, "rooms");
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..8).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn bounded_draws_stay_in_bounds() {
        let mut r = Rng::new(1, "t");
        for _ in 0..1000 {
            assert!(r.below(7) < 7);
            let x = r.range(-3, 3);
            assert!((-3..=3).contains(&x));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.range(5, 5), 5);
        assert_eq!(r.pick::<u8>(&[]), None);
        assert_eq!(r.weighted::<u8>(&[(1, 0)]), None);
        let mut v: Vec<u32> = (0..20).collect();
        r.shuffle(&mut v);
        v.sort_unstable();
        assert_eq!(v, (0..20).collect::<Vec<_>>());
    }
}
