//! Store behaviour end to end on a temporary centre: roles, history, audit,
//! change log, tampering, and codec round trips for every record type.

use proptest::prelude::*;
use proptest::strategy::ValueTree;

use super::codec::{self, Class};
use super::crypto::{KdfParams, Key};
use super::record::{Record, Stored};
use super::trees::TreeId;
use super::*;
use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::strategies as st;
use crate::domain::user::Role;

pub(crate) const PASS: &[u8] = b"manager passphrase";

pub(crate) fn centre() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let spec = InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Test centre".into(),
        admin: "anna".into(),
        admin_name: "Anna".into(),
        kdf: KdfParams::TESTING,
        demo: false,
    };
    let store = Store::create(dir.path(), &spec, PASS).unwrap();
    (dir, store)
}

fn sample_case() -> (CaseFront, CasePrivate) {
    let front = st::sample_case_front();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut private = st::case_private().new_tree(&mut runner).unwrap().current();
    private.case_id = front.id;
    (front, private)
}

fn save_case(store: &Store, front: &CaseFront, private: &CasePrivate) {
    store
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            tx.put(front.clone())?;
            tx.put(private.clone())?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_reception_session_cannot_decrypt_a_case_file_even_through_the_store() {
    let (dir, mut store) = centre();
    store.set_user("rita", "Rita", Role::Reception, b"reception passphrase").unwrap();
    let (front, private) = sample_case();
    save_case(&store, &front, &private);
    drop(store);

    let rita = Store::open_as(dir.path(), "rita", b"reception passphrase").unwrap();
    assert!(!rita.session().unwrap().holds_case_key());
    assert_eq!(rita.get::<CaseFront>(&front.key()).unwrap().unwrap().body, front);
    assert!(matches!(rita.get::<CasePrivate>(&private.key()), Err(StoreError::Forbidden(_))));
    assert!(matches!(rita.scan::<CasePrivate>(), Err(StoreError::Forbidden(_))));
    // Nor can she write one.
    let r = rita.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(private.clone()).map(|_| ()));
    assert!(matches!(r, Err(StoreError::Forbidden(_))));
    // Her check verifies what she can read and skips the rest.
    let report = rita.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert!(report.skipped > 0);
    drop(rita);

    let anna = Store::open_as(dir.path(), "anna", PASS).unwrap();
    assert_eq!(anna.get::<CasePrivate>(&private.key()).unwrap().unwrap().body, private);
}

#[test]
fn every_update_keeps_the_previous_version() {
    let (_dir, store) = centre();
    let (mut front, private) = sample_case();
    save_case(&store, &front, &private);
    for alias in ["Second", "Third"] {
        front.alias = alias.into();
        store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    }
    let cur = store.get::<CaseFront>(&front.key()).unwrap().unwrap();
    assert_eq!(cur.meta.revision, 3);
    assert_eq!(cur.body.alias, "Third");
    let hist = store.history::<CaseFront>(&front.key()).unwrap();
    assert_eq!(hist.iter().map(|h| h.meta.revision).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(hist[1].body.alias, "Second");
    // Soft delete keeps the record, marked, with its reason.
    store
        .commit(AuditEntry::new(AuditAction::Delete, "case"), |tx| tx.delete::<CaseFront>(&front.key(), "duplicate"))
        .unwrap();
    let del = store.get::<CaseFront>(&front.key()).unwrap().unwrap();
    assert_eq!(del.meta.deleted.as_ref().unwrap().reason, "duplicate");
    assert_eq!(store.history::<CaseFront>(&front.key()).unwrap().len(), 3);
}

#[test]
fn a_stale_revision_is_refused_and_nothing_is_written() {
    let (_dir, store) = centre();
    let (mut front, private) = sample_case();
    save_case(&store, &front, &private);
    front.alias = "Edited".into();
    let r = store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put_at(front.clone(), 7).map(|_| ()));
    assert!(matches!(r, Err(StoreError::Rule(_))));
    assert_ne!(store.get::<CaseFront>(&front.key()).unwrap().unwrap().body.alias, "Edited");
}

#[test]
fn each_commit_writes_one_audit_event_and_one_change_per_record() {
    let (_dir, store) = centre();
    let before = store.audit_events().unwrap().len();
    let changes_before = store.check().unwrap().changes;
    let (front, private) = sample_case();
    save_case(&store, &front, &private);
    let events = store.audit_events().unwrap();
    assert_eq!(events.len(), before + 1);
    let last = events.last().unwrap().1.clone().unwrap();
    assert_eq!(last.action, AuditAction::Create);
    assert_eq!(last.user, "anna");
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    // One change per record, and one handing the new case's own key to
    // the other laptops.
    assert_eq!(report.changes, changes_before + 3);
    assert_eq!(report.audit_head.unwrap().seq, events.len() as u64);
}

#[test]
fn a_failed_login_is_throttled_and_lands_in_the_audit_chain() {
    let (dir, store) = centre();
    drop(store);
    let mut s = Store::open(dir.path()).unwrap();
    for _ in 0..3 {
        assert!(matches!(s.login("anna", b"wrong"), Err(StoreError::BadCredentials)));
    }
    // The fourth attempt must wait, even with the right passphrase.
    assert!(matches!(s.login("anna", PASS), Err(StoreError::Throttled { seconds: 1 })));
    let soon = chrono::Utc::now() + chrono::Duration::seconds(2);
    s.set_clock(std::sync::Arc::new(move || soon));
    assert!(matches!(s.login("anna", b"wrong"), Err(StoreError::BadCredentials)));
    assert!(matches!(s.login("anna", PASS), Err(StoreError::Throttled { .. })));
    drop(s);
    // The delay survives a restart.
    let mut s = Store::open(dir.path()).unwrap();
    assert!(matches!(s.login("anna", PASS), Err(StoreError::Throttled { .. })));
    let later = chrono::Utc::now() + chrono::Duration::seconds(30);
    s.set_clock(std::sync::Arc::new(move || later));
    s.login("anna", PASS).unwrap();
    let failed = s
        .audit_events()
        .unwrap()
        .iter()
        .filter(|(_, e)| e.as_ref().unwrap().action == AuditAction::LoginFailed)
        .count();
    assert_eq!(failed, 4);
    assert!(s.check().unwrap().ok());
}

#[test]
fn a_tampered_stored_value_is_detected_by_reads_and_check() {
    let (_dir, store) = centre();
    let (front, private) = sample_case();
    save_case(&store, &front, &private);
    let tree = store.tree(TreeId::CaseFront);
    let raw = tree.get(front.key()).unwrap().unwrap();
    let mut bad = raw.to_vec();
    let n = bad.len();
    bad[n - 5] ^= 1;
    tree.insert(front.key(), bad).unwrap();
    assert!(matches!(store.get::<CaseFront>(&front.key()), Err(StoreError::Corrupt { .. })));
    let report = store.check().unwrap();
    assert!(!report.ok());
    assert!(report.problems.iter().any(|p| p.starts_with("case_front")), "{:?}", report.problems);
    // Copying a valid value under another key fails too.
    tree.insert(front.key(), raw.clone()).unwrap();
    let mut other = front.key();
    other[0] ^= 0xFF;
    tree.insert(&other, raw).unwrap();
    assert!(store.get::<CaseFront>(&other).is_err());
}

#[test]
fn removing_an_audit_event_is_caught_by_check() {
    let (_dir, store) = centre();
    let (front, private) = sample_case();
    save_case(&store, &front, &private);
    store.audit(AuditEntry::new(AuditAction::ViewCase, "case")).unwrap();
    let audit = store.tree(TreeId::Audit);
    let (last, _) = audit.last().unwrap().unwrap();
    audit.remove(last).unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.iter().any(|p| p.starts_with("audit")), "{:?}", report.problems);
}

#[test]
fn case_codes_count_up_per_year_without_gaps() {
    let (_dir, store) = centre();
    let seqs: Vec<u32> = (0..3)
        .map(|_| store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.next_case_seq(26)).unwrap())
        .collect();
    assert_eq!(seqs, vec![1, 2, 3]);
    assert_eq!(store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.next_case_seq(27)).unwrap(), 1);
}

fn round_trip<T: Record + PartialEq + std::fmt::Debug>(body: T) {
    let key = Key::random().unwrap();
    let at = chrono::DateTime::from_timestamp_millis(1_764_000_000_123).unwrap();
    let meta = Meta {
        revision: 1,
        created_at: at,
        created_by: "anna".into(),
        updated_at: at,
        updated_by: "anna".into(),
        installation: [3; 16],
        deleted: None,
    };
    let stored = Stored { meta, body };
    let k = stored.body.key();
    let sealed = codec::seal(&key, T::CLASS, T::TREE.name(), &k, &stored).unwrap();
    let back: Stored<T> = codec::open(&key, T::TREE.name(), &k, &sealed).unwrap();
    assert_eq!(back, stored);
    assert!(matches!(codec::class_of(&sealed), Some(c) if c == T::CLASS || T::CLASS == Class::Front));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test] fn case_front_round_trips(v in st::case_front()) { round_trip(v) }
    #[test] fn case_private_round_trips(v in st::case_private()) { round_trip(v) }
    #[test] fn pickup_round_trips(v in st::pickup()) { round_trip(v) }
    #[test] fn room_round_trips(v in st::room()) { round_trip(v) }
    #[test] fn bed_round_trips(v in st::bed()) { round_trip(v) }
    #[test] fn stay_round_trips(v in st::stay()) { round_trip(v) }
    #[test] fn reservation_round_trips(v in st::reservation()) { round_trip(v) }
    #[test] fn night_check_round_trips(v in st::night_check()) { round_trip(v) }
    #[test] fn service_item_round_trips(v in st::service_item()) { round_trip(v) }
    #[test] fn referral_round_trips(v in st::referral()) { round_trip(v) }
    #[test] fn organisation_round_trips(v in st::organisation()) { round_trip(v) }
    #[test] fn travel_round_trips(v in st::travel()) { round_trip(v) }
    #[test] fn consent_round_trips(v in st::consent()) { round_trip(v) }
    #[test] fn note_round_trips(v in st::note()) { round_trip(v) }
    #[test] fn medical_note_round_trips(v in st::medical_note()) { round_trip(v) }
    #[test] fn user_round_trips(v in st::user()) {
        let bytes = codec::to_bytes(&v).unwrap();
        prop_assert_eq!(codec::from_bytes::<crate::domain::user::User>(&bytes, "t").unwrap(), v);
    }
}

#[test]
fn a_record_edited_many_times_here_keeps_a_merge_state_of_bounded_size() {
    let (_dir, store) = centre();
    let mut front = st::sample_case_front();
    let key = front.key();
    let save = |f: &CaseFront| {
        store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(f.clone()).map(|_| ())).unwrap()
    };
    save(&front);
    let state = || store.merge_state(TreeId::CaseFront.name(), &key).unwrap().unwrap().0;
    // A few edits fill the handful of past values kept to show as a base.
    for i in 0..10 {
        front.special_needs = format!("edit {i}");
        save(&front);
    }
    let once = codec::to_bytes(&state()).unwrap().len();
    for i in 10..300 {
        front.special_needs = format!("edit {}", i % 10);
        save(&front);
    }
    let s = state();
    assert!(s.fields.values().all(|f| f.dead.is_empty()), "this laptop's own superseded dots are forgotten");
    assert!(s.fields.values().all(|f| f.values.len() == 1), "one live value per field: no conflict");
    let after = codec::to_bytes(&s).unwrap().len();
    // The sequence numbers of the few dots kept grow by a byte or two of
    // varint; nothing else does (it used to grow by ~19 bytes an edit).
    assert!(after <= once + 64, "merge state grew from {once} to {after} bytes");
    assert_eq!(store.get::<CaseFront>(&key).unwrap().unwrap().body.special_needs, "edit 9");
}

#[test]
fn a_detached_store_opens_again_with_its_session_and_everything_saved() {
    let (dir, store) = centre();
    let front = st::sample_case_front();
    store.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    let before = store.generation();
    let detached = store.detach();
    // The folder stays locked while the database is closed.
    assert!(matches!(Store::open(dir.path()), Err(StoreError::InUse { .. })));
    let store = detached.attach().map_err(|(e, _)| e).unwrap();
    assert!(store.is_unlocked(), "no login needed");
    assert!(store.generation() > before, "screens read again what they show");
    assert_eq!(store.get::<CaseFront>(&front.key()).unwrap().unwrap().body, front);
    let mut edited = front.clone();
    edited.alias = "Again".into();
    store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(edited.clone()).map(|_| ())).unwrap();
    assert!(store.check().unwrap().ok());
}
