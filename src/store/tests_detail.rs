//! The provider and note of medical and psychological service items are
//! medical data on disk: no value the front key opens (the key reception
//! and night hold) carries them, and a centre written before has them moved
//! out of its items and their history at the first session holding the
//! medical key. Test data is synthetic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::changelog::{ChangeBody, ChangeEntry};
use super::codec::{self, Class};
use super::tests::{PASS, centre};
use super::trees::TreeId;
use super::*;
use crate::domain::ids::{CaseId, OrganisationId};
use crate::domain::referral::{Organisation, OrganisationType};
use crate::domain::service::{Provider, ServiceItem, ServiceKind};
use crate::domain::strategies as st;
use crate::domain::user::Role;

const NOTE: &str = "Synthetic-Inhaler-Qzx7";
const EARLIER: &str = "Synthetic-Earlier-Wvy3";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn all_file_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_file_bytes(&p));
        } else {
            out.extend(std::fs::read(&p).unwrap_or_default());
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every value of the database that the logged-in session's front key
/// opens, as plaintext, with the tree it came from: records, history, merge
/// states, indexes, and the bodies of front-class change-log entries.
fn front_plaintexts(store: &Store) -> Vec<(&'static str, Vec<u8>)> {
    let front = store.session().unwrap().keys.front.clone();
    let mut out = Vec::new();
    for t in TreeId::ALL {
        for row in store.tree(t).iter() {
            let (k, raw) = row.unwrap();
            if matches!(t, TreeId::ChangeLog | TreeId::Envelopes) {
                let entry: ChangeEntry = codec::from_bytes(&raw, "changelog").unwrap();
                if let Some(plain) = crypto::open(&front, &entry.header_aad(), &entry.body) {
                    let body: ChangeBody = codec::from_bytes(&plain, "changelog").unwrap();
                    // The organisation's own creation names its id.
                    if body.tree != TreeId::Organisations.name() {
                        out.push((t.name(), plain));
                    }
                }
            } else if codec::class_of(&raw) == Some(Class::Front)
                && let Ok(plain) = codec::open_bytes(&front, t.name(), &k, &raw)
            {
                out.push((t.name(), plain.to_vec()));
            }
        }
    }
    assert!(out.len() > 20, "the scan reads the database: {} values", out.len());
    out
}

/// Where the front key finds `needle` (the organisation tree itself aside).
fn front_holds(store: &Store, needle: &[u8]) -> Vec<&'static str> {
    front_plaintexts(store)
        .into_iter()
        .filter(|(t, p)| *t != TreeId::Organisations.name() && contains(p, needle))
        .map(|(t, _)| t)
        .collect()
}

fn clinic(store: &Store) -> OrganisationId {
    let org = Organisation {
        id: new_id().unwrap(),
        name: "Synthetic Test Clinic".into(),
        kind: OrganisationType::Ngo,
        city: String::new(),
        country: None,
        contact: String::new(),
        services: vec![ServiceKind::MedicalCare],
        retired: false,
    };
    store.commit(AuditEntry::new(AuditAction::Create, "organisation"), |tx| tx.put(org.clone()).map(|_| ())).unwrap();
    org.id
}

fn item_of(store: &Store, case: CaseId, kind: ServiceKind) -> Stored<ServiceItem> {
    crate::ops::services::of_case(store, case).unwrap().into_iter().find(|s| s.body.kind == kind).unwrap()
}

fn relogin(store: &mut Store, user: &str, pass: &[u8]) {
    store.lock_session(AuditAction::Logout);
    store.login(user, pass).unwrap();
}

#[test]
fn a_front_key_holder_opens_no_medical_provider_or_note() {
    let (_dir, mut store) = centre();
    store.set_user("nina", "Nina", Role::Night, b"night passphrase").unwrap();
    store.set_user("cora", "Cora", Role::CaseWorker, b"case worker pass").unwrap();
    let case = crate::ops::cases::create_case(&store, &st::sample_case_front(), today()).unwrap();
    let org = clinic(&store);
    // A case worker writes the provider and a note, then changes the note:
    // an earlier version exists too.
    relogin(&mut store, "cora", b"case worker pass");
    for (kind, note) in [(ServiceKind::MedicalCare, EARLIER), (ServiceKind::PsychologicalSupport, EARLIER)] {
        let mut m = item_of(&store, case.id, kind);
        m.body.provider = Provider::Organisation(org);
        m.body.note = note.into();
        crate::ops::services::save(&store, &m.body, m.meta.revision).unwrap();
    }
    let mut m = item_of(&store, case.id, ServiceKind::MedicalCare);
    m.body.note = NOTE.into();
    crate::ops::services::save(&store, &m.body, m.meta.revision).unwrap();
    // The case worker sees and edits them.
    let seen = item_of(&store, case.id, ServiceKind::MedicalCare).body;
    assert_eq!((seen.note.as_str(), seen.provider), (NOTE, Provider::Organisation(org)));
    let psych = item_of(&store, case.id, ServiceKind::PsychologicalSupport).body;
    assert_eq!((psych.note.as_str(), psych.provider), (EARLIER, Provider::Organisation(org)));

    // The night shift's key opens no value that holds them.
    relogin(&mut store, "nina", b"night passphrase");
    assert_eq!(front_holds(&store, NOTE.as_bytes()), Vec::<&str>::new(), "the note under the front key");
    assert_eq!(front_holds(&store, EARLIER.as_bytes()), Vec::<&str>::new(), "the earlier note under the front key");
    assert_eq!(front_holds(&store, org.as_bytes()), Vec::<&str>::new(), "the provider under the front key");
    let night = item_of(&store, case.id, ServiceKind::MedicalCare).body;
    assert_eq!((night.note.as_str(), night.provider), ("", Provider::Internal));
    // The manager reads them too, and the centre checks clean.
    relogin(&mut store, "anna", PASS);
    assert_eq!(item_of(&store, case.id, ServiceKind::MedicalCare).body.note, NOTE);
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
}

#[test]
fn a_centre_written_before_moves_the_detail_out_of_its_items_and_their_history_at_the_first_medical_session() {
    let (dir, mut store) = centre();
    store.set_user("nina", "Nina", Role::Night, b"night passphrase").unwrap();
    store.set_user("cora", "Cora", Role::CaseWorker, b"case worker pass").unwrap();
    let case = crate::ops::cases::create_case(&store, &st::sample_case_front(), today()).unwrap();
    let org = clinic(&store);
    // Written as the versions before wrote it: inside the item, twice.
    let mut old = item_of(&store, case.id, ServiceKind::MedicalCare).body;
    old.provider = Provider::Organisation(org);
    for note in [EARLIER, NOTE] {
        old.note = note.into();
        store.commit(AuditEntry::new(AuditAction::Update, "service"), |tx| tx.put(old.clone()).map(|_| ())).unwrap();
    }
    let mut legal = item_of(&store, case.id, ServiceKind::LegalSupport).body;
    legal.note = "Synthetic lawyer booked".into();
    store.commit(AuditEntry::new(AuditAction::Update, "service"), |tx| tx.put(legal.clone()).map(|_| ())).unwrap();
    // A centre made before this version has no mark.
    store.tree(TreeId::Index).remove(b"layout\0service_detail_apart").unwrap();

    // The sealed bytes of the item and of its earlier version with a note
    // (revision 1, the empty checklist item, holds none and stays as it is).
    let history = super::db::history_prefix(TreeId::Services, &old.key());
    let sealed: Vec<Vec<u8>> = std::iter::once(store.tree(TreeId::Services).get(old.key()).unwrap().unwrap().to_vec())
        .chain(
            store
                .tree(TreeId::History)
                .scan_prefix(history)
                .map(|r| r.unwrap())
                .filter(|(k, _)| !k.ends_with(&1u64.to_be_bytes()))
                .map(|(_, v)| v.to_vec()),
        )
        .collect();
    assert_eq!(sealed.len(), 2, "the item and its earlier version with a note");
    // Until a session holding the medical key comes, the old values stay.
    relogin(&mut store, "nina", b"night passphrase");
    assert!(front_holds(&store, NOTE.as_bytes()).contains(&"services"));

    // The first one moves them; the database files are rewritten.
    relogin(&mut store, "cora", b"case worker pass");
    let m = item_of(&store, case.id, ServiceKind::MedicalCare);
    assert_eq!((m.body.note.as_str(), m.body.provider), (NOTE, Provider::Organisation(org)));
    let stored = store.get::<ServiceItem>(&m.body.key()).unwrap().unwrap().body;
    assert_eq!((stored.note.as_str(), stored.provider), ("", Provider::Internal), "the item keeps none");
    for v in store.history::<ServiceItem>(&m.body.key()).unwrap() {
        assert_eq!((v.body.note.as_str(), v.body.provider), ("", Provider::Internal), "rev {}", v.meta.revision);
    }
    // No copy of their sealed bytes is left in the database files.
    let files = all_file_bytes(dir.path());
    for v in &sealed {
        assert!(!contains(&files, &v[2..40]), "a superseded copy survived in the files");
    }
    // The legal item's note is not medical: it stays with the item.
    assert_eq!(item_of(&store, case.id, ServiceKind::LegalSupport).body.note, "Synthetic lawyer booked");

    relogin(&mut store, "nina", b"night passphrase");
    // The items' own values, history and merge states no longer hold them.
    // (The change-log entries written before the move are not rewritten.)
    for needle in [NOTE.as_bytes(), EARLIER.as_bytes(), org.as_bytes()] {
        let at: Vec<_> = front_holds(&store, needle).into_iter().filter(|t| *t != "changelog").collect();
        assert_eq!(at, Vec::<&str>::new());
    }
    assert!(front_holds(&store, b"Synthetic lawyer booked").contains(&"services"));

    // Done once: the next medical session changes nothing, and the centre
    // reopens and checks clean.
    relogin(&mut store, "anna", PASS);
    let events = store.audit_events().unwrap().len();
    relogin(&mut store, "anna", PASS);
    assert_eq!(store.audit_events().unwrap().len(), events + 2, "a lock and a login, no second move");
    drop(store);
    let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
    assert_eq!(item_of(&store, case.id, ServiceKind::MedicalCare).body.note, NOTE);
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
}

/// The figures of docs/RELIABILITY.md: the move on a demo centre rewritten
/// the old way (`cargo test --lib -- --ignored measure_the_move`).
#[test]
#[ignore]
fn measure_the_move() {
    use crate::domain::service_detail::{ServiceDetail, with_detail};
    let cases = std::env::var("HAVEN_MOVE_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let (_dir, mut store) = centre();
    crate::demo::populate(&store, cases, today()).unwrap();
    let details = store.scan::<ServiceDetail>().unwrap();
    let n = details.len();
    for chunk in details.chunks(200) {
        store
            .commit(AuditEntry::new(AuditAction::Update, "service"), |tx| {
                for d in chunk {
                    let item = tx.get::<ServiceItem>(d.body.id.as_bytes())?.unwrap().body;
                    tx.put(with_detail(item, &d.body))?;
                    tx.remove_raw(TreeId::ServiceDetails, &d.body.key())?;
                }
                Ok(())
            })
            .unwrap();
    }
    store.tree(TreeId::Index).remove(b"layout\0service_detail_apart").unwrap();
    let started = std::time::Instant::now();
    let moved = store.move_service_detail_apart().unwrap().unwrap();
    let moving = started.elapsed();
    store.vacuum().unwrap();
    let total = started.elapsed();
    eprintln!("{cases} cases, {n} details: moved {moved:?} in {moving:?}, with the rewrite of the files {total:?}");
    assert_eq!(moved.items, n);
    let started = std::time::Instant::now();
    assert!(store.move_service_detail_apart().unwrap().is_none());
    eprintln!("once marked: {:?}", started.elapsed());
}

#[test]
fn an_erased_case_takes_its_medical_detail_with_it() {
    use crate::domain::case::{CaseFront, CaseStatus};
    use crate::domain::service_detail::ServiceDetail;
    let (_dir, mut store) = centre();
    let case = crate::ops::cases::create_case(&store, &st::sample_case_front(), today()).unwrap();
    let mut m = item_of(&store, case.id, ServiceKind::MedicalCare);
    m.body.note = NOTE.into();
    crate::ops::services::save(&store, &m.body, m.meta.revision).unwrap();
    let mut m = item_of(&store, case.id, ServiceKind::MedicalCare);
    m.body.note = EARLIER.into();
    crate::ops::services::save(&store, &m.body, m.meta.revision).unwrap();
    assert_eq!(store.scan::<ServiceDetail>().unwrap().len(), 1);
    let mut front = store.get::<CaseFront>(case.id.as_bytes()).unwrap().unwrap().body;
    front.status = CaseStatus::Closed;
    store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    crate::ops::access::erase_case(&mut store, case.id).unwrap();
    assert!(store.scan::<ServiceDetail>().unwrap().is_empty());
    for t in [TreeId::ServiceDetails, TreeId::History, TreeId::Merge] {
        let prefix = if t == TreeId::ServiceDetails {
            case.id.as_bytes().to_vec()
        } else {
            super::db::history_prefix(TreeId::ServiceDetails, case.id.as_bytes())
        };
        assert_eq!(store.tree(t).scan_prefix(prefix).count(), 0, "{t:?}");
    }
    assert!(store.check().unwrap().ok());
}
