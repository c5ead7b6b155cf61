//! The digest kept by saves equals the one derived from the records, through
//! creates, edits, soft deletions, writes that bypass typed records, and a
//! reopen; an old database without a digest gets one on first read.

use proptest::prelude::*;

use super::digest::{Digested, entry_of};
use super::record::Record;
use super::tests::centre;
use super::trees::TreeId;
use super::*;
use crate::domain::case::CaseFront;
use crate::domain::pickup::Pickup;
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;
use crate::domain::strategies as st;

/// The digest of `T` as a full scan would derive it, encoded and sorted.
fn derived<T: Digested>(store: &Store) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = store.scan::<T>().unwrap().iter().filter_map(|s| entry_of(s).unwrap()).collect();
    v.sort();
    v
}

/// The digest of `T` as stored, encoded and sorted.
fn kept<T: Digested>(store: &Store) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = store.digest::<T>().unwrap().iter().map(|e| codec::to_bytes(e).unwrap()).collect();
    v.sort();
    v
}

fn assert_same(store: &Store) {
    assert_eq!(kept::<CaseFront>(store), derived::<CaseFront>(store), "cases");
    assert_eq!(kept::<ServiceItem>(store), derived::<ServiceItem>(store), "services");
    assert_eq!(kept::<Stay>(store), derived::<Stay>(store), "stays");
    assert_eq!(kept::<Pickup>(store), derived::<Pickup>(store), "pickups");
}

fn digest_is_valid(store: &Store) -> bool {
    store.tree(TreeId::Index).get(super::digest::Pending::valid_key()).unwrap().is_some()
}

/// One step of editing.
#[derive(Debug, Clone)]
enum Step {
    Put(Box<CaseFront>, Box<ServiceItem>, Box<Stay>, Box<Pickup>),
    /// Re-save the n-th service item with another status and date.
    Edit(usize, Box<ServiceItem>),
    /// Close the n-th stay.
    CloseStay(usize, chrono::NaiveDate),
    /// Soft-delete the n-th case.
    DeleteCase(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (st::case_front(), st::service_item(), st::stay(), st::pickup())
            .prop_map(|(c, s, y, p)| Step::Put(Box::new(c), Box::new(s), Box::new(y), Box::new(p))),
        2 => (0usize..8, st::service_item()).prop_map(|(i, s)| Step::Edit(i, Box::new(s))),
        1 => (0usize..8, st::date()).prop_map(|(i, d)| Step::CloseStay(i, d)),
        1 => (0usize..8).prop_map(Step::DeleteCase),
    ]
}

fn apply(store: &Store, steps: &[Step]) {
    let (mut cases, mut items, mut stays) = (Vec::new(), Vec::new(), Vec::new());
    for s in steps {
        store
            .commit(AuditEntry::new(AuditAction::Update, "case"), |tx| {
                match s {
                    Step::Put(c, i, y, p) => {
                        tx.put((**c).clone())?;
                        let mut i = (**i).clone();
                        i.case_id = c.id;
                        tx.put(i)?;
                        tx.put((**y).clone())?;
                        tx.put((**p).clone())?;
                    }
                    Step::Edit(n, new) => {
                        if let Some(old) = items.get(*n % items.len().max(1)) {
                            let old: &ServiceItem = old;
                            let mut e = (**new).clone();
                            e.id = old.id;
                            e.case_id = old.case_id;
                            tx.put(e)?;
                        }
                    }
                    Step::CloseStay(n, d) => {
                        if let Some(y) = stays.get(*n % stays.len().max(1)) {
                            let mut y: Stay = Clone::clone(y);
                            y.until = Some(*d);
                            tx.put(y)?;
                        }
                    }
                    Step::DeleteCase(n) => {
                        if let Some(c) = cases.get(*n % cases.len().max(1)) {
                            let c: &CaseFront = c;
                            tx.delete::<CaseFront>(&c.key(), "test")?;
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
        if let Step::Put(c, i, y, _) = s {
            cases.push((**c).clone());
            let mut i = (**i).clone();
            i.case_id = c.id;
            items.push(i);
            stays.push((**y).clone());
        }
        if let Step::Edit(n, new) = s
            && let Some(slot) = items.get_mut(*n % cases.len().max(1))
        {
            let (id, case_id) = (slot.id, slot.case_id);
            *slot = (**new).clone();
            slot.id = id;
            slot.case_id = case_id;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn the_digest_kept_by_saves_is_the_one_the_records_give(steps in proptest::collection::vec(step(), 1..25)) {
        let (_dir, store) = centre();
        apply(&store, &steps);
        prop_assert!(digest_is_valid(&store), "typed saves keep the digest valid");
        assert_same(&store);
    }
}

#[test]
fn a_write_around_the_typed_path_marks_the_digest_stale_and_a_read_rebuilds_it() {
    let (dir, store) = centre();
    let mut item = st::sample_case_front();
    item.alias = "Before".into();
    store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.put(item.clone()).map(|_| ())).unwrap();
    assert!(digest_is_valid(&store));
    // A raw removal, as erasure does: the digest cannot follow it.
    store
        .commit(AuditEntry::new(AuditAction::Erase, "case"), |tx| tx.remove_raw(TreeId::CaseFront, &item.key()))
        .unwrap();
    assert!(!digest_is_valid(&store), "the raw write removed the validity mark");
    assert!(store.digest::<CaseFront>().unwrap().is_empty(), "the rebuilt digest no longer holds the erased case");
    assert!(digest_is_valid(&store));
    assert_same(&store);
    drop(store);
    let store = Store::open_as(dir.path(), "anna", super::tests::PASS).unwrap();
    assert!(digest_is_valid(&store), "the rebuilt digest survives a reopen");
    assert_same(&store);
}

#[test]
fn a_database_without_a_digest_gets_one_on_first_read() {
    let (_dir, store) = centre();
    let front = st::sample_case_front();
    store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    // What a database written before the digest existed looks like.
    let old: Vec<_> = store.tree(TreeId::Index).scan_prefix(b"digest\0").keys().map(|k| k.unwrap()).collect();
    for k in old {
        store.tree(TreeId::Index).remove(k).unwrap();
    }
    assert!(!digest_is_valid(&store));
    assert_eq!(store.digest::<CaseFront>().unwrap().len(), 1);
    assert!(digest_is_valid(&store));
    assert_same(&store);
}

#[test]
fn a_reception_session_reads_the_digest_of_front_records() {
    let (dir, mut store) = centre();
    store.set_user("rita", "Rita", crate::domain::user::Role::Reception, b"reception passphrase").unwrap();
    store
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.put(st::sample_case_front()).map(|_| ()))
        .unwrap();
    drop(store);
    let rita = Store::open_as(dir.path(), "rita", b"reception passphrase").unwrap();
    assert_eq!(rita.digest::<CaseFront>().unwrap().len(), 1);
}

#[test]
fn check_finds_a_digest_that_differs_from_the_records_and_drops_it() {
    let (_dir, store) = centre();
    let front = st::sample_case_front();
    store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    assert!(store.check().unwrap().ok());
    // The shard of the case, emptied behind the store's back.
    let key: Vec<_> = store.tree(TreeId::Index).scan_prefix(b"digest\0case\0").keys().map(|k| k.unwrap()).collect();
    let front_key = store.session().unwrap().keys.front.clone();
    for k in key {
        let empty = codec::seal(
            &front_key,
            codec::Class::Front,
            "index",
            &k,
            &std::collections::BTreeMap::<Vec<u8>, Vec<u8>>::new(),
        )
        .unwrap();
        store.tree(TreeId::Index).insert(k, empty).unwrap();
    }
    let report = store.check().unwrap();
    assert!(report.problems.iter().any(|p| p.starts_with("digest:")), "{:?}", report.problems);
    assert!(!digest_is_valid(&store));
    assert_eq!(store.digest::<CaseFront>().unwrap().len(), 1, "rebuilt from the records");
    assert!(store.check().unwrap().ok());
}

#[test]
fn changes_from_another_laptop_keep_the_digest_valid() {
    use crate::sync::hub;
    use crate::sync::memhub::MemoryHub;
    let (dir_a, mut a) = centre();
    let file = dir_a.path().join("centre.haven");
    a.backup_to(&file, &mut |_| {}).unwrap();
    let dir_b = tempfile::tempdir().unwrap();
    let (_, mut b) = super::backup::restore(&file, &dir_b.path().join("b"), "anna", super::tests::PASS, false).unwrap();
    crate::sync::device::enrol(&mut b, "night desk").unwrap();
    let hub = MemoryHub::new();
    let sync = |s: &mut Store| {
        let me = s.header().installation;
        hub::sync(s, &mut hub.handle(me)).unwrap()
    };
    sync(&mut a);
    sync(&mut b);
    let front = st::sample_case_front();
    let item = crate::domain::service::checklist(front.id, || crate::domain::ids::ServiceItemId::from_bytes([3; 16]))
        .remove(2);
    a.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
        tx.put(front.clone())?;
        tx.put(item.clone()).map(|_| ())
    })
    .unwrap();
    assert!(digest_is_valid(&b));
    sync(&mut a);
    let got = sync(&mut b);
    assert!(got.received.applied >= 2, "{got:?}");
    assert!(digest_is_valid(&b), "a remote change is entered in the digest, not left for a rebuild");
    assert_same(&b);
    assert_eq!(b.digest::<CaseFront>().unwrap().len(), 1);
    // And a remote edit too.
    let mut edited = item.clone();
    edited.status = crate::domain::service::ServiceStatus::Done;
    edited.done_on = Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
    a.commit(AuditEntry::new(AuditAction::Update, "service"), |tx| tx.put(edited.clone()).map(|_| ())).unwrap();
    sync(&mut a);
    sync(&mut b);
    assert!(digest_is_valid(&b));
    assert_same(&b);
}
