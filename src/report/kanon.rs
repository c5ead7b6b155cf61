//! k-anonymity on quasi-identifiers: every combination of their values that
//! leaves the centre must be shared by at least k rows. Rarer combinations
//! are generalised one value at a time (the most identifying first) to
//! "unknown"; rows still rare once every value is unknown are dropped.
//!
//! Generalising only ever merges a rare group into another, so groups that
//! were large enough stay so, and four rounds at most settle every row.

use std::collections::HashMap;

/// The k of the CTDC export: what IOM's own published datasets use.
pub const K: usize = 11;

/// A row's quasi-identifiers; `None` is unknown (or suppressed).
pub type Key<const N: usize> = [Option<String>; N];

/// What suppression did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed<const N: usize> {
    /// Values replaced by unknown, per quasi-identifier (in the order given).
    pub cells: [usize; N],
    /// Rows dropped because even fully unknown they stayed rarer than k.
    pub dropped: usize,
}

/// Generalises `keys` in place so that each combination occurs at least `k`
/// times among the rows kept; `order` lists the quasi-identifiers to
/// suppress first. Returns which rows are kept, and what was done.
pub fn anonymise<const N: usize>(keys: &mut [Key<N>], k: usize, order: [usize; N]) -> (Vec<bool>, Suppressed<N>) {
    let mut kept = vec![true; keys.len()];
    let mut done = Suppressed { cells: [0; N], dropped: 0 };
    loop {
        let mut counts: HashMap<&Key<N>, usize> = HashMap::new();
        for (key, _) in keys.iter().zip(&kept).filter(|(_, k)| **k) {
            *counts.entry(key).or_default() += 1;
        }
        let rare: Vec<usize> = (0..keys.len())
            .filter(|&i| kept[i] && keys.get(i).and_then(|key| counts.get(key)).is_some_and(|n| *n < k))
            .collect();
        if rare.is_empty() {
            break;
        }
        for i in rare {
            let Some(key) = keys.get_mut(i) else { continue };
            match order.iter().copied().find(|&q| key.get(q).is_some_and(Option::is_some)) {
                Some(q) => {
                    if let Some(v) = key.get_mut(q) {
                        *v = None;
                    }
                    if let Some(n) = done.cells.get_mut(q) {
                        *n += 1;
                    }
                }
                None => {
                    kept[i] = false;
                    done.dropped += 1;
                }
            }
        }
    }
    (kept, done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(g: &str, c: &str) -> Key<2> {
        [Some(g.into()), Some(c.into())]
    }

    #[test]
    fn rare_combinations_are_generalised_then_dropped() {
        let mut keys: Vec<Key<2>> = Vec::new();
        keys.extend((0..12).map(|_| key("F", "RU")));
        keys.extend((0..7).map(|_| key("F", "UZ")));
        keys.extend((0..4).map(|_| key("F", "TJ")));
        keys.extend((0..2).map(|_| key("M", "KG")));
        let (kept, done) = anonymise(&mut keys, 11, [1, 0]);
        // F/UZ and F/TJ lose their citizenship and together make 11 F/unknown.
        assert_eq!(keys.iter().filter(|k| **k == [Some("F".into()), None]).count(), 11);
        // M/KG: two rows, never 11 even fully unknown: dropped.
        assert_eq!(done.dropped, 2);
        assert_eq!(done.cells, [2, 13]);
        assert_eq!(kept.iter().filter(|k| **k).count(), 23);
        assert!(keys[..12].iter().all(|k| *k == key("F", "RU")), "large groups are untouched");
    }

    proptest! {
        #[test]
        fn every_kept_combination_occurs_at_least_k_times(
            raw in proptest::collection::vec((0u8..3, 0u8..6, 0u8..4), 0..200)
        ) {
            let mut keys: Vec<Key<3>> = raw
                .iter()
                .map(|(a, b, c)| [Some(a.to_string()), (*b > 0).then(|| b.to_string()), Some(c.to_string())])
                .collect();
            let (kept, _) = anonymise(&mut keys, K, [1, 2, 0]);
            let mut counts: HashMap<&Key<3>, usize> = HashMap::new();
            for (k, _) in keys.iter().zip(&kept).filter(|(_, k)| **k) {
                *counts.entry(k).or_default() += 1;
            }
            prop_assert!(counts.values().all(|n| *n >= K));
        }
    }
}
