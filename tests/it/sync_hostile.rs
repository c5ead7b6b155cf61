//! A hostile hub: it drops, reorders, duplicates, replays, truncates, rolls
//! back, flips bits and hides an installation's enrolment. Reordering and
//! duplication are harmless; everything else is named by an alarm, and
//! nothing that failed verification is applied.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use std::collections::BTreeMap;

use haven::domain::case::CaseFront;
use haven::sync::hub::{self, Clash, Hub, HubError, Pulled, Push};
use haven::sync::memhub::{MemoryHub, MemoryHubHandle};
use haven::sync::state::{AlarmKind, SyncState};
use sync_common::*;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Attack {
    None,
    Reorder,
    Duplicate,
    Drop,
    Truncate,
    FlipBits,
    Replay,
    HideEnrolment,
    WithholdTail,
}

struct Hostile {
    inner: MemoryHubHandle,
    attack: Attack,
}

impl Hub for Hostile {
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError> {
        self.inner.push(push)
    }

    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError> {
        let mut p = self.inner.pull(after, limit)?;
        match self.attack {
            Attack::None => {}
            Attack::Reorder => p.rows.reverse(),
            Attack::Duplicate => {
                let copy = p.rows.clone();
                p.rows.extend(copy.iter().cloned());
                p.rows.extend(copy);
            }
            Attack::Drop => {
                if p.rows.len() > 2 {
                    p.rows.remove(1);
                }
            }
            Attack::Truncate => {
                if let Some(r) = p.rows.get_mut(1) {
                    r.body.truncate(r.body.len() / 2);
                }
            }
            Attack::FlipBits => {
                if let Some(r) = p.rows.get_mut(1) {
                    let n = r.body.len();
                    r.body[n / 3] ^= 0x10;
                }
            }
            Attack::Replay => {
                // An old envelope served again under another sequence number.
                if p.rows.len() > 2 {
                    let old = p.rows[0].body.clone();
                    p.rows[2].body = old;
                }
            }
            Attack::HideEnrolment => p.statements.clear(),
            Attack::WithholdTail => {
                if p.rows.len() > 1 {
                    p.rows.pop();
                }
                p.more = false;
                // It hides the rows but keeps the heads and checkpoints it holds.
            }
        }
        Ok(p)
    }
}

fn honest_sync(l: &mut Laptop, hub: &MemoryHub) {
    let me = l.s().header().installation;
    hub::sync(l.store(), &mut hub.handle(me)).unwrap();
}

/// Four cases made on a laptop B has never heard of (enrolled after B
/// joined), pushed honestly; B then pulls through the attack.
fn scenario(attack: Attack) -> (Laptop, Laptop, SyncState) {
    let a = first_laptop();
    let mut b = join(&a, "desk");
    let mut a = join(&a, "third");
    let hub = MemoryHub::new();
    honest_sync(&mut b, &hub);
    for i in 0..4 {
        put(a.s(), new_case(&format!("Bird{i}")));
    }
    honest_sync(&mut a, &hub);
    let me = b.s().header().installation;
    let mut hostile = Hostile { inner: hub.handle(me), attack };
    let _ = hub::sync(b.store(), &mut hostile);
    let state = SyncState::load(b.s()).unwrap();
    (a, b, state)
}

fn kinds(s: &SyncState) -> Vec<AlarmKind> {
    s.alarms.iter().map(|a| a.kind).collect()
}

#[test]
fn reordering_and_duplication_are_harmless() {
    let (a, _, reference) = scenario(Attack::None);
    assert!(reference.alarms.is_empty());
    for attack in [Attack::Reorder, Attack::Duplicate] {
        let (a2, b, state) = scenario(attack);
        assert!(state.alarms.is_empty(), "{attack:?}: {:?}", kinds(&state));
        assert_eq!(b.s().scan::<CaseFront>().unwrap().len(), 4, "{attack:?}");
        assert_eq!(state_hash(a2.s()), state_hash(b.s()), "{attack:?}");
    }
    drop(a);
}

#[test]
fn every_other_attack_is_detected_and_nothing_unverified_is_applied() {
    for (attack, expected, applied_at_most) in [
        (Attack::Drop, AlarmKind::Gap, 1),
        (Attack::Truncate, AlarmKind::Malformed, 1),
        (Attack::FlipBits, AlarmKind::Tampered, 1),
        (Attack::Replay, AlarmKind::HubMismatch, 2),
        (Attack::HideEnrolment, AlarmKind::UnknownInstallation, 0),
        (Attack::WithholdTail, AlarmKind::Withheld, 3),
    ] {
        let (_, b, state) = scenario(attack);
        assert!(kinds(&state).contains(&expected), "{attack:?}: expected {expected:?}, got {:?}", kinds(&state));
        let n = b.s().scan::<CaseFront>().unwrap().len();
        assert!(n <= applied_at_most, "{attack:?}: {n} applied");
        assert!(b.s().check().unwrap().ok(), "{attack:?}: {:?}", b.s().check().unwrap().problems);
    }
}

#[test]
fn a_hub_rolled_back_to_an_older_copy_is_caught() {
    let mut a = first_laptop();
    let mut b = join(&a, "desk");
    let hub = MemoryHub::new();
    for i in 0..3 {
        put(a.s(), new_case(&format!("Bird{i}")));
    }
    honest_sync(&mut a, &hub);
    honest_sync(&mut b, &hub);
    // The operator restores an older copy of the hub: A's last rows vanish.
    let a_id = a.s().header().installation;
    hub.tamper(&mut |rows| {
        let last = rows.keys().filter(|(d, _)| *d == a_id).map(|(_, s)| *s).max().unwrap();
        rows.remove(&(a_id, last));
    });
    honest_sync(&mut b, &hub);
    let state = SyncState::load(b.s()).unwrap();
    assert!(kinds(&state).contains(&AlarmKind::Rollback), "{:?}", kinds(&state));
    // A notices its own rows are missing and pushes them again.
    honest_sync(&mut a, &hub);
    let a_rows = hub.rows().into_iter().filter(|r| r.device == a_id).count() as u64;
    assert_eq!(a_rows, a.s().own_head().unwrap().0);
}

#[test]
fn a_revoked_laptop_and_a_cloned_identity_are_refused() {
    let mut a = first_laptop();
    let mut b = join(&a, "lost laptop");
    let hub = MemoryHub::new();
    put(b.s(), new_case("Before"));
    honest_sync(&mut b, &hub);
    honest_sync(&mut a, &hub);
    let b_id = b.s().header().installation;
    haven::sync::device::revoke(a.s(), &haven::sync::device::short(&b_id)).unwrap();
    honest_sync(&mut a, &hub);
    // The thief keeps using the laptop.
    put(b.s(), new_case("After"));
    honest_sync(&mut b, &hub);
    honest_sync(&mut a, &hub);
    let aliases: Vec<String> = a.s().scan::<CaseFront>().unwrap().into_iter().map(|c| c.body.alias).collect();
    assert!(aliases.contains(&"Before".to_string()));
    assert!(!aliases.contains(&"After".to_string()));
    let state = SyncState::load(a.s()).unwrap();
    assert!(kinds(&state).contains(&AlarmKind::Revoked), "{:?}", kinds(&state));

    // A laptop restored from A's backup (same identity) that keeps working:
    // a fork, named, and re-enrolment keeps its work under a new identity.
    let mut clone = first_laptop_clone(&a, &hub);
    put(a.s(), new_case("Original"));
    honest_sync(&mut a, &hub);
    put(clone.s(), new_case("On the copy"));
    honest_sync(&mut clone, &hub);
    let st = SyncState::load(clone.s()).unwrap();
    assert!(kinds(&st).contains(&AlarmKind::Fork), "{:?}", kinds(&st));
    let fork = haven::sync::device::fork_point(clone.s()).unwrap().unwrap();
    haven::sync::device::reenrol(clone.store(), "the copy", fork - 1).unwrap();
    honest_sync(&mut clone, &hub);
    honest_sync(&mut a, &hub);
    let aliases: Vec<String> = a.s().scan::<CaseFront>().unwrap().into_iter().map(|c| c.body.alias).collect();
    assert!(aliases.contains(&"On the copy".to_string()), "{aliases:?}");
    assert!(aliases.contains(&"Original".to_string()));
    assert!(clone.s().check().unwrap().ok(), "{:?}", clone.s().check().unwrap().problems);
}

/// A copy of `a` restored from its backup and not re-enrolled: the same identity.
fn first_laptop_clone(a: &Laptop, _hub: &MemoryHub) -> Laptop {
    let backup = tempfile::tempdir().unwrap();
    let file = backup.path().join("b.haven");
    a.s().backup_to(&file, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let s = (0..20)
        .find_map(|_| {
            match haven::store::backup::restore(&file, &dir.path().join("c"), "anna", PASS.as_bytes(), false) {
                Ok((_, s)) => Some(s),
                Err(_) => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    None
                }
            }
        })
        .unwrap();
    drop(s);
    let mut l = Laptop { dir, store: None, clock: a.clock.clone() };
    l.restart();
    l
}
