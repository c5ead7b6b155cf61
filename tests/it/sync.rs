//! Two and three laptops through a hub: changes travel, concurrent edits of
//! one field become a visible conflict, a resolution closes it everywhere,
//! deletion against an edit is a conflict, erasure travels, and a hub that
//! is down leaves the work going on offline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use haven::domain::case::CaseFront;
use haven::store::merge::DELETED;
use haven::store::{AuditAction, AuditEntry, Record};
use haven::sync::hub::{self, HubError, SyncError};
use haven::sync::memhub::MemoryHub;
use sync_common::*;

fn sync(l: &mut Laptop, hub: &MemoryHub) -> hub::Report {
    let me = l.s().header().installation;
    let mut h = hub.handle(me);
    hub::sync(l.store(), &mut h).unwrap()
}

#[test]
fn a_case_registered_at_the_airport_reaches_the_night_desk() {
    let mut a = first_laptop();
    let mut b = join(&a, "night desk");
    let hub = MemoryHub::new();
    let case = new_case("Swallow");
    put(a.s(), case.clone());
    sync(&mut a, &hub);
    let r = sync(&mut b, &hub);
    assert!(r.received.applied >= 1, "{r:?}");
    let got = b.s().get::<CaseFront>(&case.key()).unwrap().unwrap();
    assert_eq!(got.body.alias, "Swallow");
    assert_eq!(got.meta.installation, a.s().header().installation);
    // And back: an edit on the night desk reaches the airport laptop.
    let mut edited = got.body.clone();
    edited.special_needs = "wheelchair".into();
    put(b.s(), edited);
    sync(&mut b, &hub);
    sync(&mut a, &hub);
    assert_eq!(a.s().get::<CaseFront>(&case.key()).unwrap().unwrap().body.special_needs, "wheelchair");
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
    assert!(a.s().check().unwrap().ok(), "{:?}", a.s().check().unwrap().problems);
    assert!(b.s().check().unwrap().ok(), "{:?}", b.s().check().unwrap().problems);
}

#[test]
fn concurrent_edits_of_one_field_are_kept_side_by_side_and_a_choice_closes_them_everywhere() {
    let mut a = first_laptop();
    let mut b = join(&a, "night desk");
    let hub = MemoryHub::new();
    let case = new_case("Swallow");
    put(a.s(), case.clone());
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    let mut on_a = case.clone();
    on_a.special_needs = "diet".into();
    put(a.s(), on_a);
    let mut on_b = case.clone();
    on_b.special_needs = "wheelchair".into();
    on_b.interpreter_needed = !case.interpreter_needed;
    put(b.s(), on_b);
    for _ in 0..2 {
        sync(&mut a, &hub);
        sync(&mut b, &hub);
    }
    for l in [&a, &b] {
        assert!(haven::sync::has_conflict(l.s(), &case.key()));
        let d = haven::sync::conflicts::detail(l.s(), "case_front", &case.key()).unwrap();
        assert_eq!(d.len(), 1, "only the field both changed: {d:?}");
        assert_eq!(d[0].field, "special_needs");
        let mut values: Vec<String> = d[0].values.iter().map(|v| v.value.as_str().unwrap().to_string()).collect();
        values.sort();
        assert_eq!(values, vec!["diet", "wheelchair"]);
        assert_eq!(d[0].base.as_ref().map(|b| b.value.clone()), Some(serde_json::json!(case.special_needs)));
        // The other field merged without a conflict.
        assert_eq!(
            l.s().get::<CaseFront>(&case.key()).unwrap().unwrap().body.interpreter_needed,
            !case.interpreter_needed
        );
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
    haven::sync::conflicts::resolve(
        b.s(),
        "case_front",
        &case.key(),
        "special_needs",
        &serde_json::json!("diet, wheelchair"),
    )
    .unwrap();
    sync(&mut b, &hub);
    sync(&mut a, &hub);
    for l in [&a, &b] {
        assert!(!haven::sync::has_conflict(l.s(), &case.key()));
        assert_eq!(l.s().get::<CaseFront>(&case.key()).unwrap().unwrap().body.special_needs, "diet, wheelchair");
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
}

#[test]
fn deleted_here_edited_there_is_a_conflict_never_a_silent_loss() {
    let mut a = first_laptop();
    let mut b = join(&a, "night desk");
    let hub = MemoryHub::new();
    let case = new_case("Swallow");
    put(a.s(), case.clone());
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    a.s()
        .commit(AuditEntry::new(AuditAction::Delete, "case"), |tx| tx.delete::<CaseFront>(&case.key(), "duplicate"))
        .unwrap();
    let mut on_b = case.clone();
    on_b.special_needs = "wheelchair".into();
    put(b.s(), on_b);
    for _ in 0..2 {
        sync(&mut a, &hub);
        sync(&mut b, &hub);
    }
    for l in [&a, &b] {
        let d = haven::sync::conflicts::detail(l.s(), "case_front", &case.key()).unwrap();
        assert!(d.iter().any(|f| f.field == DELETED), "{d:?}");
        assert_eq!(l.s().get::<CaseFront>(&case.key()).unwrap().unwrap().body.special_needs, "wheelchair");
    }
    // Keeping the record closes it on both.
    haven::sync::conflicts::resolve(a.s(), "case_front", &case.key(), DELETED, &serde_json::Value::Null).unwrap();
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    for l in [&a, &b] {
        assert!(!haven::sync::has_conflict(l.s(), &case.key()));
        assert!(!l.s().get::<CaseFront>(&case.key()).unwrap().unwrap().is_deleted());
    }
}

#[test]
fn an_unreachable_hub_leaves_work_going_on_offline() {
    let mut a = first_laptop();
    let hub = MemoryHub::new();
    hub.set_online(false);
    put(a.s(), new_case("Swallow"));
    let me = a.s().header().installation;
    let err = hub::sync(a.store(), &mut hub.handle(me)).unwrap_err();
    assert!(matches!(err, SyncError::Hub(HubError::Offline(_))));
    let st = haven::sync::state::SyncState::load(a.s()).unwrap();
    assert!(st.offline_since_ms.is_some());
    assert_eq!(st.last_error.as_deref(), Some("sync-error-offline"));
    // Saving still works, and the next sync catches up.
    put(a.s(), new_case("Heron"));
    hub.set_online(true);
    let r = sync(&mut a, &hub);
    assert!(r.pushed >= 2);
    assert!(haven::sync::state::SyncState::load(a.s()).unwrap().offline_since_ms.is_none());
}

#[test]
fn a_case_file_travels_with_its_own_key_and_a_reception_laptop_keeps_it_for_later() {
    let mut a = first_laptop();
    a.store().set_user("rita", "Rita", haven::domain::user::Role::Reception, b"reception passphrase").unwrap();
    let mut b = join(&a, "desk");
    let mut c = join(&a, "reception");
    let hub = MemoryHub::new();
    let case = new_case("Swallow");
    let mut private = haven::domain::case::CasePrivate::new(case.id);
    private.family_name = "Testova".into();
    a.s()
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            tx.put(case.clone())?;
            tx.put(private.clone())?;
            Ok(())
        })
        .unwrap();
    sync(&mut a, &hub);
    let r = sync(&mut b, &hub);
    assert_eq!(r.received.pending, 0, "{r:?}");
    let got = b.s().get::<haven::domain::case::CasePrivate>(&private.key()).unwrap().unwrap();
    assert_eq!(got.body.family_name, "Testova");
    // A reception session cannot read the case file: it stores it and waits.
    c.store().lock_session(AuditAction::Logout);
    c.store().login("rita", b"reception passphrase").unwrap();
    let r = sync(&mut c, &hub);
    assert!(r.received.pending >= 2, "{r:?}");
    assert!(c.s().get::<CaseFront>(&case.key()).unwrap().is_some(), "the front part applies at once");
    c.store().lock_session(AuditAction::Logout);
    c.store().login("anna", PASS.as_bytes()).unwrap();
    sync(&mut c, &hub);
    let got = c.s().get::<haven::domain::case::CasePrivate>(&private.key()).unwrap().unwrap();
    assert_eq!(got.body.family_name, "Testova");
    assert!(haven::sync::state::SyncState::load(c.s()).unwrap().pending.is_empty());
}

#[test]
fn bundles_carry_changes_on_a_stick_and_a_bundle_of_another_centre_or_altered_is_refused() {
    let a = first_laptop();
    let mut b = join(&a, "remote desk");
    let case = new_case("Swallow");
    put(a.s(), case.clone());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stick.haven");
    let out = haven::sync::bundle::export(a.s(), &file, None).unwrap();
    assert!(out.entries >= 1);
    let r = haven::sync::bundle::import(b.store(), &file).unwrap();
    assert!(r.applied >= 1, "{r:?}");
    assert_eq!(b.s().get::<CaseFront>(&case.key()).unwrap().unwrap().body.alias, "Swallow");
    // Importing it twice changes nothing.
    let again = haven::sync::bundle::import(b.store(), &file).unwrap();
    assert_eq!(again.applied, 0);
    // A bundle of another centre is named as such; nothing is applied.
    let other = first_laptop();
    put(other.s(), new_case("Stranger"));
    let foreign = dir.path().join("foreign.haven");
    haven::sync::bundle::export(other.s(), &foreign, None).unwrap();
    assert!(matches!(
        haven::sync::bundle::import(b.store(), &foreign),
        Err(haven::sync::bundle::BundleError::OtherCentre)
    ));
    // A flipped byte or a cut is refused whole.
    let bytes = std::fs::read(&file).unwrap();
    for (i, damaged) in [
        {
            let mut x = bytes.clone();
            let n = x.len();
            x[n / 2] ^= 1;
            x
        },
        bytes[..bytes.len() - 10].to_vec(),
        b"not a bundle at all".to_vec(),
    ]
    .into_iter()
    .enumerate()
    {
        let p = dir.path().join(format!("bad{i}.haven"));
        std::fs::write(&p, damaged).unwrap();
        assert!(haven::sync::bundle::import(b.store(), &p).is_err(), "damaged bundle {i} accepted");
    }
    assert!(b.s().scan::<CaseFront>().unwrap().iter().all(|c| c.body.alias != "Stranger"));
}

#[test]
fn an_erased_case_is_erased_on_every_laptop_and_never_comes_back() {
    let mut a = first_laptop();
    let mut b = join(&a, "desk");
    let hub = MemoryHub::new();
    let mut case = new_case("Swallow");
    let mut private = haven::domain::case::CasePrivate::new(case.id);
    private.family_name = "Erasova".into();
    a.s()
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            tx.put(case.clone())?;
            tx.put(private.clone())?;
            Ok(())
        })
        .unwrap();
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    assert!(b.s().get::<haven::domain::case::CasePrivate>(&private.key()).unwrap().is_some());
    // B edits the case while A closes and erases it.
    let mut on_b = case.clone();
    on_b.special_needs = "late edit".into();
    put(b.s(), on_b);
    case.status = haven::domain::case::CaseStatus::Closed;
    put(a.s(), case.clone());
    haven::ops::access::erase_case(a.store(), case.id).unwrap();
    for _ in 0..2 {
        sync(&mut a, &hub);
        sync(&mut b, &hub);
    }
    for l in [&a, &b] {
        assert!(l.s().get::<CaseFront>(&case.key()).unwrap().is_none(), "the case came back");
        assert!(l.s().scan_prefix::<haven::domain::case::CasePrivate>(case.id.as_bytes()).unwrap().is_empty());
        assert!(l.s().check().unwrap().ok(), "{:?}", l.s().check().unwrap().problems);
    }
    // A laptop that joins later from the hub alone does not bring it back either.
    let mut c = join(&a, "late");
    sync(&mut c, &hub);
    assert!(c.s().get::<CaseFront>(&case.key()).unwrap().is_none());
}

#[test]
fn the_medical_detail_of_a_service_travels_under_the_case_key_merges_and_waits_on_a_reception_laptop() {
    use haven::domain::service::{Provider, ServiceKind};
    use haven::domain::service_detail::ServiceDetail;
    let mut a = first_laptop();
    a.store().set_user("rita", "Rita", haven::domain::user::Role::Reception, b"reception passphrase").unwrap();
    let mut b = join(&a, "desk");
    let mut c = join(&a, "reception");
    let hub = MemoryHub::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let of_case = haven::ops::services::of_case; // the checklist as each laptop reads it
    let front = haven::ops::cases::create_case(a.s(), &new_case("Swallow"), today).unwrap();
    let medical = |s: &haven::store::Store| {
        of_case(s, front.id).unwrap().into_iter().find(|i| i.body.kind == ServiceKind::MedicalCare).unwrap()
    };
    let mut m = medical(a.s());
    m.body.note = "Synthetic inhaler at night".into();
    haven::ops::services::save(a.s(), &m.body, m.meta.revision).unwrap();
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    assert_eq!(medical(b.s()).body.note, "Synthetic inhaler at night");
    // Edited on both laptops at once: a conflict on the detail, side by side.
    let mut on_a = medical(a.s());
    on_a.body.note = "Synthetic note A".into();
    haven::ops::services::save(a.s(), &on_a.body, on_a.meta.revision).unwrap();
    let mut on_b = medical(b.s());
    on_b.body.note = "Synthetic note B".into();
    haven::ops::services::save(b.s(), &on_b.body, on_b.meta.revision).unwrap();
    for _ in 0..2 {
        sync(&mut a, &hub);
        sync(&mut b, &hub);
    }
    let key = haven::store::record::case_scoped_key(front.id, m.body.id.as_bytes());
    for l in [&a, &b] {
        assert!(haven::sync::has_conflict(l.s(), &key));
        let d = haven::sync::conflicts::detail(l.s(), "service_details", &key).unwrap();
        assert_eq!(d.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["note"]);
        assert_eq!(l.s().get::<ServiceDetail>(&key).unwrap().unwrap().body.provider, Provider::Internal);
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
    // A reception laptop applies the item and keeps the detail for later.
    c.store().lock_session(AuditAction::Logout);
    c.store().login("rita", b"reception passphrase").unwrap();
    let r = sync(&mut c, &hub);
    assert!(r.received.pending >= 1, "{r:?}");
    assert!(c.s().get::<ServiceDetail>(&key).is_err(), "refused to a reception session");
    assert_eq!(medical(c.s()).body.note, "");
    c.store().lock_session(AuditAction::Logout);
    c.store().login("anna", PASS.as_bytes()).unwrap();
    sync(&mut c, &hub);
    assert!(c.s().get::<ServiceDetail>(&key).unwrap().is_some());
    assert!(medical(c.s()).body.note.starts_with("Synthetic note"));
}
