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

mod sync_common;

use std::sync::OnceLock;

use haven::domain::case::CaseFront;
use haven::store::changelog::ChangeEntry;
use haven::store::merge::Dot;
use haven::store::{Record, Store};
use haven::sync::hub;
use haven::sync::memhub::MemoryHub;
use haven::sync::receive::{self, crash_next_apply_after};
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

/// A small deterministic generator (the simulation's seed fixes everything).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One value written by a laptop, to check that nothing vanished.
struct Written {
    key: Vec<u8>,
    field: &'static str,
    dot: Dot,
}

fn sync_one(l: &mut Laptop, hub: &MemoryHub, online: bool) {
    hub.set_online(online);
    let me = l.s().header().installation;
    let _ = hub::sync(l.store(), &mut hub.handle(me));
    hub.set_online(true);
}

fn run_simulation(seed: u64, steps: usize) {
    let mut rng = Rng(seed);
    let first = first_laptop();
    let mut laptops: Vec<Laptop> = vec![join(&first, "a"), join(&first, "b"), join(&first, "c")];
    drop(first);
    let hub = MemoryHub::new();
    for l in laptops.iter_mut() {
        sync_one(l, &hub, true);
    }
    let mut online = [true; 3];
    let mut written: Vec<Written> = Vec::new();
    let bundles = tempfile::tempdir().unwrap();
    for step in 0..steps {
        let i = rng.below(3) as usize;
        for l in &laptops {
            l.tick(1 + rng.below(5000) as i64);
        }
        match rng.below(10) {
            0..=4 => {
                // An edit: a new case, or a field of a case this laptop knows.
                let s = laptops[i].s();
                let known = s.scan::<CaseFront>().unwrap();
                let me = s.header().installation;
                if known.is_empty() || rng.below(4) == 0 {
                    let c = new_case(&format!("S{step}"));
                    put(s, c.clone());
                    written.push(Written {
                        key: c.key(),
                        field: "alias",
                        dot: Dot { inst: me, seq: s.own_head().unwrap().0 },
                    });
                } else {
                    let c = known[rng.below(known.len() as u64) as usize].body.clone();
                    let mut e = c.clone();
                    let field = match rng.below(3) {
                        0 => {
                            e.special_needs = format!("need {step}");
                            "special_needs"
                        }
                        1 => {
                            e.alias = format!("alias {step}");
                            "alias"
                        }
                        _ => {
                            e.interpreter_needed = !e.interpreter_needed;
                            "interpreter_needed"
                        }
                    };
                    put(s, e);
                    written.push(Written { key: c.key(), field, dot: Dot { inst: me, seq: s.own_head().unwrap().0 } });
                }
            }
            5 => online[i] = !online[i],
            6 | 7 => {
                let on = online[i];
                sync_one(&mut laptops[i], &hub, on);
            }
            8 => {
                // A bundle carried from one laptop to another.
                let j = (i + 1 + rng.below(2) as usize) % 3;
                let file = bundles.path().join(format!("b{step}.haven"));
                haven::sync::bundle::export(laptops[i].s(), &file, None).unwrap();
                haven::sync::bundle::import(laptops[j].store(), &file).unwrap();
            }
            _ => {
                // A crash mid-apply during a sync, then a restart.
                crash_next_apply_after(Some(rng.below(3) as usize));
                sync_one(&mut laptops[i], &hub, true);
                crash_next_apply_after(None);
                laptops[i].restart();
            }
        }
    }
    // Everyone back online: sync until quiet.
    for _ in 0..3 {
        for l in laptops.iter_mut() {
            sync_one(l, &hub, true);
        }
    }
    let hashes: Vec<Vec<u8>> = laptops.iter().map(|l| state_hash(l.s())).collect();
    assert!(hashes.windows(2).all(|w| w[0] == w[1]), "seed {seed}: laptops differ");
    for l in &laptops {
        let st = SyncState::load(l.s()).unwrap();
        assert!(st.alarms.is_empty(), "seed {seed}: {:?}", st.alarms);
        assert!(st.pending.is_empty());
        assert!(l.s().check().unwrap().ok(), "seed {seed}: {:?}", l.s().check().unwrap().problems);
    }
    // No value vanished: each is live, or was replaced by an editor who saw it.
    let s = laptops[0].s();
    let mut conflicts = 0;
    for w in &written {
        let (mut m, rec) = s.merge_state("case_front", &w.key).unwrap().unwrap();
        m.fill(&rec);
        let live_or_seen = match m.fields.get(w.field) {
            Some(f) => f.values.iter().any(|v| v.dot == w.dot) || f.dead.contains(&w.dot),
            None => m.origin.as_ref().is_some_and(|o| o.dot == w.dot),
        };
        assert!(live_or_seen, "seed {seed}: a value of {} vanished", w.field);
        if let Some(f) = m.fields.get(w.field)
            && f.in_conflict()
        {
            assert!(m.conflicts.iter().any(|c| c == w.field), "seed {seed}: a conflict is not shown");
            conflicts += 1;
        }
    }
    let _ = conflicts;
}

#[test]
fn three_laptops_with_random_edits_offline_periods_bundles_and_crashes_end_identical() {
    for seed in [1u64, 7, 42] {
        run_simulation(seed, 120);
    }
}
