//! Convergence, two ways.
//!
//! A property test: the envelopes of three laptops that edited the same
//! cases offline, delivered to a fourth in any order with any repetitions,
//! give the same state hash and the same conflicts.
//!
//! A seeded simulation of three laptops with random edits, offline periods,
//! partial syncs, bundle swaps and crashes mid-apply: at the end all are
//! identical, and no value written anywhere was dropped without someone who
//! saw it replacing it — concurrent edits of a field stay visible as a
//! conflict.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use std::sync::OnceLock;

use haven::domain::case::CaseFront;
use haven::store::Store;
use haven::store::changelog::ChangeEntry;
use haven::sync::hub;
use haven::sync::memhub::MemoryHub;
use haven::sync::receive;
use haven::sync::state::{Source, SyncState};
use proptest::prelude::*;
use sync_common::*;

struct Fixture {
    seed: Laptop,
    statements: Vec<haven::store::roster::SignedStatement>,
    entries: Vec<ChangeEntry>,
    reference: (Vec<u8>, Vec<(String, Vec<u8>)>),
}

fn all_entries(s: &Store) -> Vec<ChangeEntry> {
    let mut v = s.own_entries(1, usize::MAX).unwrap();
    v.extend(s.relayed_entries(&[], usize::MAX).unwrap());
    v
}

fn fresh_receiver(f: &Fixture) -> Laptop {
    let r = join(&f.seed, "receiver");
    r.s().add_statements(&f.statements, "test").unwrap();
    r
}

fn deliver(r: &mut Laptop, batches: Vec<Vec<ChangeEntry>>) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let mut state = SyncState::load(r.s()).unwrap();
    for b in batches {
        receive::receive(r.store(), &mut state, b, Source::Bundle).unwrap();
    }
    let conflicts: Vec<(String, Vec<u8>)> = r.s().conflict_set().unwrap().into_iter().collect();
    (state_hash(r.s()), conflicts)
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let seed = first_laptop();
        let cases: Vec<CaseFront> = (0..3).map(|i| new_case(&format!("Bird{i}"))).collect();
        for c in &cases {
            put(seed.s(), c.clone());
        }
        let laptops: Vec<Laptop> = ["a", "b", "c"].iter().map(|n| join(&seed, n)).collect();
        // Offline, each edits the same fields of the same cases.
        for (i, l) in laptops.iter().enumerate() {
            for (j, c) in cases.iter().enumerate() {
                let mut e = c.clone();
                e.special_needs = format!("from {i} on {j}");
                if (i + j) % 2 == 0 {
                    e.interpreter_needed = true;
                }
                put(l.s(), e.clone());
                e.alias = format!("{}-{i}", c.alias);
                put(l.s(), e);
            }
            put(l.s(), new_case(&format!("Own{i}")));
        }
        let mut statements = Vec::new();
        let mut entries = Vec::new();
        for l in &laptops {
            statements.extend(l.s().roster().unwrap().statements);
            entries.extend(all_entries(l.s()).into_iter().filter(|e| e.installation == l.s().header().installation));
        }
        let mut f = Fixture { seed, statements, entries, reference: (Vec::new(), Vec::new()) };
        let mut r = fresh_receiver(&f);
        f.reference = deliver(&mut r, vec![f.entries.clone()]);
        assert_eq!(f.reference.1.len(), 3, "each shared case is in conflict");
        f
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]
    #[test]
    fn any_order_and_any_repetition_of_the_envelopes_gives_the_same_state_and_conflicts(
        order in proptest::collection::vec(any::<u32>(), 1..80),
        cuts in proptest::collection::vec(1usize..12, 1..12),
    ) {
        let f = fixture();
        let n = f.entries.len();
        // A delivery: every envelope at least once, some again, in a shuffled order.
        let mut seq: Vec<ChangeEntry> = f.entries.clone();
        for o in &order {
            seq.push(f.entries[*o as usize % n].clone());
        }
        for (i, o) in order.iter().enumerate() {
            let a = i % seq.len();
            let b = *o as usize % seq.len();
            seq.swap(a, b);
        }
        let mut batches = Vec::new();
        let mut rest = seq.as_slice();
        for c in cuts.iter().cycle() {
            if rest.is_empty() { break; }
            let k = (*c).min(rest.len());
            batches.push(rest[..k].to_vec());
            rest = &rest[k..];
        }
        let mut r = fresh_receiver(f);
        let got = deliver(&mut r, batches);
        prop_assert_eq!(&got, &f.reference);
    }
}

#[test]
fn three_laptops_with_random_edits_offline_periods_bundles_and_crashes_end_identical() {
    for seed in [1u64, 7, 42] {
        let hub = MemoryHub::new();
        simulate(seed, 120, &|_| {}, &mut |l, online| {
            hub.set_online(online);
            let me = l.s().header().installation;
            let _ = hub::sync(l.store(), &mut hub.handle(me));
            hub.set_online(true);
        });
    }
}
