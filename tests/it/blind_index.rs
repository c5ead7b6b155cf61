//! The duplicate check on another laptop: a case file that arrives by sync
//! is found by its document and its name through the blind index, a
//! document removed there is no longer found, and an erasure that arrives
//! leaves no hit. Synthetic people only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use chrono::NaiveDate;
use haven::domain::case::{CasePrivate, CaseStatus, Document, DocumentKind, DocumentLocation};
use haven::domain::duplicate::DuplicateReason;
use haven::domain::ids::{CaseId, Id};
use haven::domain::mrz::{Mrz, MrzFormat, MrzSex};
use haven::domain::person::{AgeGroup, Gender};
use haven::ops::arrivals::{NewCase, cases_holding_document, possible_duplicates};
use haven::store::{AuditAction, AuditEntry, Store};
use haven::sync::hub;
use haven::sync::memhub::MemoryHub;
use sync_common::*;

fn sync(l: &mut Laptop, hub: &MemoryHub) -> hub::Report {
    let me = l.s().header().installation;
    let mut h = hub.handle(me);
    hub::sync(l.store(), &mut h).unwrap()
}

fn dob() -> NaiveDate {
    NaiveDate::from_ymd_opt(1998, 7, 14).unwrap()
}

fn arriving(family: &str, number: &str) -> NewCase {
    NewCase {
        alias: "Wren".into(),
        gender: Gender::Feminine,
        date_of_birth: None,
        age_group: AgeGroup::Adult,
        languages: vec![],
        interpreter_needed: false,
        mrz: Some(Mrz {
            format: MrzFormat::Td3,
            document_code: "P".into(),
            issuing_state: "UTO".into(),
            family_name: family.into(),
            given_names: "MARTA".into(),
            document_number: number.into(),
            nationality: "UTO".into(),
            date_of_birth: Some(dob()),
            sex: MrzSex::Female,
            expiry: None,
            optional_data: String::new(),
        }),
    }
}

fn found(s: &Store, new: &NewCase) -> Vec<(CaseId, DuplicateReason)> {
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    possible_duplicates(s, new, today).unwrap().into_iter().map(|(f, r)| (f.id, r)).collect()
}

fn holders(s: &Store, number: &str) -> Vec<CaseId> {
    cases_holding_document(s, number, CaseId(Id([9; 16]))).unwrap().into_iter().map(|f| f.id).collect()
}

#[test]
fn a_case_file_from_another_laptop_is_found_by_document_and_name_until_removed_or_erased() {
    let mut a = first_laptop();
    let mut b = join(&a, "desk");
    let hub = MemoryHub::new();
    let mut case = new_case("Swallow");
    let mut file = CasePrivate::new(case.id);
    file.family_name = "Testova".into();
    file.given_names = "Marta".into();
    file.date_of_birth = Some(dob());
    file.documents = vec![Document {
        kind: DocumentKind::Passport,
        number: "QX 7654321".into(),
        issuing_country: None,
        issued_on: None,
        expires_on: None,
        location: DocumentLocation::WithPerson,
    }];
    a.s()
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            tx.put(case.clone())?;
            tx.put(file.clone())?;
            Ok(())
        })
        .unwrap();
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    assert!(b.s().blind_built().unwrap());
    assert_eq!(holders(b.s(), "qx7654321"), vec![case.id]);
    assert_eq!(found(b.s(), &arriving("OTHER", "QX7654321")), vec![(case.id, DuplicateReason::SameDocument)]);
    assert_eq!(found(b.s(), &arriving("TESTOVA", "ZZ0000000")), vec![(case.id, DuplicateReason::NameAndBirth)]);

    // The document removed on A: B no longer finds it.
    file.documents.clear();
    put(a.s(), file.clone());
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    assert!(holders(b.s(), "QX7654321").is_empty());
    assert!(found(b.s(), &arriving("OTHER", "QX7654321")).is_empty());
    assert!(b.s().check().unwrap().ok(), "{:?}", b.s().check().unwrap().problems);

    // Erased on A: nothing on B either.
    case.status = CaseStatus::Closed;
    put(a.s(), case.clone());
    haven::ops::access::erase_case(a.store(), case.id).unwrap();
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    for l in [&a, &b] {
        assert!(found(l.s(), &arriving("TESTOVA", "QX7654321")).is_empty());
        assert!(l.s().check().unwrap().ok(), "{:?}", l.s().check().unwrap().problems);
    }
}
