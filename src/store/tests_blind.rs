//! The blind index of possible duplicates (`store::blind`): what it keeps,
//! who can use it, and that the duplicate check through it finds the same
//! cases as the records after edits, document removal, erasure, a rebuild,
//! and that `check` notices a tampered index. Synthetic people only.

use chrono::NaiveDate;

use super::blind::{Part, file_terms, tag, tag_key};
use super::crypto::Key;
use super::tests::{PASS, centre};
use super::trees::TreeId;
use super::*;
use crate::domain::case::{CaseFront, CasePrivate, Document, DocumentKind, DocumentLocation};
use crate::domain::duplicate::DuplicateReason;
use crate::domain::ids::{CaseId, Id};
use crate::domain::mrz::{Mrz, MrzFormat, MrzSex};
use crate::domain::person::{AgeGroup, Gender};
use crate::domain::strategies as st;
use crate::domain::user::Role;
use crate::ops::arrivals::{NewCase, cases_holding_document, possible_duplicates};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 6, 1)
}

fn passport(number: &str) -> Document {
    Document {
        kind: DocumentKind::Passport,
        number: number.into(),
        issuing_country: None,
        issued_on: None,
        expires_on: None,
        location: DocumentLocation::WithPerson,
    }
}

/// A known case: front alias "Rose", file `Иванова Юлия Петровна`, born
/// 1999-02-28, passport `AB 1234567`.
fn known() -> (CaseFront, CasePrivate) {
    let front = st::sample_case_front();
    let mut file = st::sample_case_private();
    file.case_id = front.id;
    file.documents = vec![passport("AB 1234567")];
    (front, file)
}

fn save(store: &Store, front: Option<&CaseFront>, file: Option<&CasePrivate>) {
    store
        .commit(AuditEntry::new(AuditAction::Update, "case"), |tx| {
            if let Some(f) = front {
                tx.put(f.clone())?;
            }
            if let Some(f) = file {
                tx.put(f.clone())?;
            }
            Ok(())
        })
        .unwrap();
}

/// Someone arriving with a passport zone read.
fn arriving(alias: &str, family: &str, number: &str) -> NewCase {
    NewCase {
        alias: alias.into(),
        gender: Gender::Feminine,
        date_of_birth: None,
        age_group: AgeGroup::Adult,
        languages: vec![],
        interpreter_needed: false,
        mrz: Some(Mrz {
            format: MrzFormat::Td3,
            document_code: "P".into(),
            issuing_state: "UZB".into(),
            family_name: family.into(),
            given_names: "IULIIA".into(),
            document_number: number.into(),
            nationality: "UZB".into(),
            date_of_birth: Some(d(1999, 2, 28)),
            sex: MrzSex::Female,
            expiry: None,
            optional_data: String::new(),
        }),
    }
}

fn found(store: &Store, new: &NewCase) -> Vec<(CaseId, DuplicateReason)> {
    possible_duplicates(store, new, today()).unwrap().into_iter().map(|(f, r)| (f.id, r)).collect()
}

fn other() -> CaseId {
    CaseId(Id([9; 16]))
}

/// Every key and value of the index tree under the blind prefix.
fn blind_rows(store: &Store) -> Vec<(Vec<u8>, Vec<u8>)> {
    store
        .tree(TreeId::Index)
        .scan_prefix(b"blind\0")
        .map(|r| r.unwrap())
        .map(|(k, v)| (k.to_vec(), v.to_vec()))
        .collect()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_same_folded_term_gives_the_same_tag_and_another_centre_another() {
    let (a, b) = (Key::random().unwrap(), Key::random().unwrap());
    let ka = tag_key(&a, Part::Case);
    assert_eq!(tag(&ka, "doc\0AB1234567"), tag(&tag_key(&a, Part::Case), "doc\0AB1234567"));
    assert_ne!(tag(&ka, "doc\0AB1234567"), tag(&ka, "doc\0AB1234568"));
    assert_ne!(tag(&ka, "doc\0AB1234567"), tag(&tag_key(&b, Part::Case), "doc\0AB1234567"), "another centre");
    assert_ne!(tag(&ka, "doc\0AB1234567"), tag(&tag_key(&a, Part::Alias), "doc\0AB1234567"), "another part");
    // Folding happens before the tag: both spellings of one passport number
    // and both scripts of one name give the same terms.
    let (_, mut file) = known();
    let mut latin = file.clone();
    latin.family_name = "IVANOVA".into();
    latin.given_names = "IULIIA".into();
    latin.patronymic = "PETROVNA".into();
    latin.documents = vec![passport("ab1234567")];
    let shared = |x: &CasePrivate, y: &CasePrivate| file_terms(x).iter().filter(|t| file_terms(y).contains(t)).count();
    assert!(shared(&file, &latin) >= 2, "name and document");
    file.date_of_birth = Some(d(1999, 3, 1));
    file.documents.clear();
    assert_eq!(shared(&file, &latin), 0, "another birthday, no document: nothing in common");
}

#[test]
fn the_index_holds_no_plaintext_and_reception_can_neither_compute_nor_read_its_case_part() {
    let (dir, mut store) = centre();
    store.set_user("rita", "Rita", Role::Reception, b"reception passphrase").unwrap();
    let (front, file) = known();
    save(&store, Some(&front), Some(&file));
    assert!(store.blind_built().unwrap(), "a new centre keeps the index from its first save");
    let rows = blind_rows(&store);
    assert!(rows.len() > 4, "tags of the name, the document and the alias");
    for needle in
        ["Иванова", "Юлия", "ivanova", "IVANOVA", "iuliia", "AB1234567", "1234567", "Rose", "rose", "1999-02-28"]
    {
        for (k, v) in &rows {
            assert!(!contains(k, needle.as_bytes()) && !contains(v, needle.as_bytes()), "{needle} in the index");
        }
    }
    let terms = file_terms(&file);
    assert_eq!(store.blind_cases(Part::Case, &terms).unwrap().unwrap().into_iter().collect::<Vec<_>>(), vec![front.id]);
    drop(store);

    let rita = Store::open_as(dir.path(), "rita", b"reception passphrase").unwrap();
    assert_eq!(rita.blind_cases(Part::Case, &terms).unwrap(), None, "no case key, no tag");
    let front_key = rita.session().unwrap().keys.front.clone();
    let case_rows: Vec<_> = blind_rows(&rita).into_iter().filter(|(k, _)| k.get(7) == Some(&b'c')).collect();
    assert!(!case_rows.is_empty());
    for (k, v) in &case_rows {
        assert!(
            codec::open_bytes(&front_key, TreeId::Index.name(), k, v).is_err(),
            "the front key opens no case entry"
        );
    }
    // Reception meets a known alias, which it may see.
    let alias = crate::store::blind::front_terms(&front);
    assert!(rita.blind_cases(Part::Alias, &alias).unwrap().unwrap().contains(&front.id));
    let mut walk_in = arriving("ROSE", "PETROVA", "ZZ0000000");
    walk_in.mrz = None;
    assert_eq!(found(&rita, &walk_in), vec![(front.id, DuplicateReason::AliasGenderAge)]);
}

#[test]
fn duplicates_follow_edits_document_removal_and_erasure() {
    let (_dir, mut store) = centre();
    let (front, mut file) = known();
    save(&store, Some(&front), Some(&file));
    let case = front.id;

    assert_eq!(found(&store, &arriving("Lena", "PETROVA", "AB1234567")), vec![(case, DuplicateReason::SameDocument)]);
    assert_eq!(found(&store, &arriving("Lena", "IVANOVA", "XY0000001")), vec![(case, DuplicateReason::NameAndBirth)]);
    let holders: Vec<CaseId> =
        cases_holding_document(&store, "ab-1234567", other()).unwrap().iter().map(|f| f.id).collect();
    assert_eq!(holders, vec![case]);
    assert!(cases_holding_document(&store, "ab-1234567", case).unwrap().is_empty(), "its own case is not another");

    // The document removed: no stale hit.
    file.documents.clear();
    save(&store, None, Some(&file));
    assert!(cases_holding_document(&store, "AB1234567", other()).unwrap().is_empty());
    assert!(found(&store, &arriving("Lena", "PETROVA", "AB1234567")).is_empty());

    // The identity edited: the old name is gone, the new one is found.
    file.family_name = "Петрова".into();
    save(&store, None, Some(&file));
    assert!(found(&store, &arriving("Lena", "IVANOVA", "XY0000001")).is_empty());
    assert_eq!(found(&store, &arriving("Lena", "PETROVA", "XY0000001")), vec![(case, DuplicateReason::NameAndBirth)]);
    // The alias edited on the front.
    let mut renamed = front.clone();
    renamed.alias = "Лиса".into();
    save(&store, Some(&renamed), None);
    assert!(found(&store, &arriving("Rose", "SMITH", "XY0000001")).is_empty());
    assert_eq!(found(&store, &arriving("LISA", "SMITH", "XY0000001")), vec![(case, DuplicateReason::AliasGenderAge)]);
    assert!(store.check().unwrap().ok());

    // Erased: no hit, and nothing of the case left in the index.
    file.documents = vec![passport("AB1234567")];
    renamed.status = crate::domain::case::CaseStatus::Closed;
    save(&store, Some(&renamed), Some(&file));
    crate::ops::access::erase_case(&mut store, case).unwrap();
    assert!(found(&store, &arriving("Лиса", "PETROVA", "AB1234567")).is_empty());
    assert!(cases_holding_document(&store, "AB1234567", other()).unwrap().is_empty());
    let left: Vec<_> = blind_rows(&store).into_iter().filter(|(k, _)| k.as_slice() != b"blind\0built").collect();
    assert!(left.is_empty(), "{} entries left after erasure", left.len());
    assert!(store.check().unwrap().ok());
}

#[test]
fn an_old_centre_builds_the_index_at_the_first_login_with_the_case_key() {
    let (_dir, mut store) = centre();
    let (front, file) = known();
    save(&store, Some(&front), Some(&file));
    // As a centre made before the index: no entries, no mark.
    for (k, _) in blind_rows(&store) {
        store.tree(TreeId::Index).remove(k).unwrap();
    }
    assert!(!store.blind_built().unwrap());
    assert_eq!(store.blind_cases(Part::Case, &file_terms(&file)).unwrap(), None);
    // Until it is built the check reads the records, and finds the same.
    let new = arriving("Lena", "IVANOVA", "AB1234567");
    assert_eq!(found(&store, &new), vec![(front.id, DuplicateReason::SameDocument)]);
    store.login("anna", PASS).unwrap();
    assert!(store.blind_built().unwrap());
    assert!(store.blind_cases(Part::Case, &file_terms(&file)).unwrap().unwrap().contains(&front.id));
    assert_eq!(found(&store, &new), vec![(front.id, DuplicateReason::SameDocument)]);
    assert!(store.check().unwrap().ok());
}

#[test]
fn check_reports_a_tampered_index_and_the_next_login_rebuilds_it() {
    let (_dir, mut store) = centre();
    let (front, file) = known();
    save(&store, Some(&front), Some(&file));
    let rows = blind_rows(&store);
    // One entry of the case part removed, as if the document's tag were lost.
    let (k, _) = rows.iter().find(|(k, _)| k.get(6) == Some(&b't') && k.get(7) == Some(&b'c')).unwrap();
    store.tree(TreeId::Index).remove(k.as_slice()).unwrap();
    let report = store.check().unwrap();
    assert!(report.problems.iter().any(|p| p.starts_with("blind index: 1 entries differed")), "{:?}", report.problems);
    // Unmarked: the check reads the records meanwhile, then a login rebuilds.
    assert!(!store.blind_built().unwrap());
    store.login("anna", PASS).unwrap();
    assert!(store.check().unwrap().ok());
    let keys = |rows: Vec<(Vec<u8>, Vec<u8>)>| rows.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert_eq!(keys(blind_rows(&store)), keys(rows));
}
