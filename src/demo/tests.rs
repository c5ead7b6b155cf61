//! The demo centre is reproducible, keeps the centre's rules, and has what
//! the demos need (names to search for, every organisation type, pickups at
//! every airport today).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::*;
use crate::domain::case::{CaseFront, CasePrivate, CaseStatus, MedicalNote, Note};
use crate::domain::consent::{Consent, ConsentPurpose, covers_sharing};
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Direction, Organisation, OrganisationType, Referral, ReferralStatus};
use crate::domain::rooms::{Bed, Room, wing_eligibility};
use crate::domain::service::{ServiceItem, ServiceStatus, validate_service};
use crate::domain::stay::{Reservation, Stay};
use crate::domain::travel::{Travel, TravelKind};
use crate::store::crypto::KdfParams;
use crate::store::{InitSpec, Record};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
}

fn new_centre(dir: &std::path::Path) -> Store {
    let spec = InitSpec {
        centre_code: "DEM".into(),
        centre_name: "Demo".into(),
        admin: "demo".into(),
        admin_name: "Demo".into(),
        kdf: KdfParams::TESTING,
        demo: true,
    };
    Store::create(dir, &spec, b"haven-demo-pass").unwrap()
}

fn bodies<T: Record>(store: &Store) -> Vec<T> {
    store.scan::<T>().unwrap().into_iter().map(|s| s.body).collect()
}

/// Every record of every type the demo writes, as JSON for one comparison.
fn snapshot(store: &Store) -> Vec<(&'static str, Vec<serde_json::Value>)> {
    fn all<T: Record>(store: &Store) -> (&'static str, Vec<serde_json::Value>) {
        (T::KIND, bodies::<T>(store).iter().map(|b| serde_json::to_value(b).unwrap()).collect())
    }
    vec![
        all::<CaseFront>(store),
        all::<CasePrivate>(store),
        all::<ServiceItem>(store),
        all::<Room>(store),
        all::<Bed>(store),
        all::<Stay>(store),
        all::<Reservation>(store),
        all::<Pickup>(store),
        all::<Organisation>(store),
        all::<Referral>(store),
        all::<Consent>(store),
        all::<Travel>(store),
        all::<Note>(store),
        all::<MedicalNote>(store),
    ]
}

#[test]
fn the_same_parameters_give_the_same_centre() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (sa, sb) = (new_centre(a.path()), new_centre(b.path()));
    let summary_a = populate(&sa, 60, today()).unwrap();
    let summary_b = populate(&sb, 60, today()).unwrap();
    assert_eq!(summary_a, summary_b);
    let (snap_a, snap_b) = (snapshot(&sa), snapshot(&sb));
    for ((kind, xs), (_, ys)) in snap_a.iter().zip(&snap_b) {
        assert!(!xs.is_empty() || *kind == "medical_note", "{kind}: nothing written");
        assert_eq!(xs, ys, "{kind} differs");
    }
}

#[test]
fn the_demo_centre_keeps_the_rules_and_has_what_the_demos_need() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_centre(dir.path());
    let summary = populate(&store, DEFAULT_CASES, today()).unwrap();
    assert_eq!(summary.cases, 60);
    assert!((36..=44).contains(&summary.beds), "{summary:?}");
    assert!(summary.occupied > 10 && summary.reserved > 0 && summary.out_of_service > 0, "{summary:?}");

    let fronts = bodies::<CaseFront>(&store);
    let privates = bodies::<CasePrivate>(&store);
    let rooms = bodies::<Room>(&store);
    let beds = bodies::<Bed>(&store);
    let stays = bodies::<Stay>(&store);
    assert_eq!(fronts.len(), 60);
    assert_eq!(beds.len(), summary.beds);

    // Case codes: DEM-YY-NNNN, unique.
    let codes: HashSet<String> = fronts.iter().map(|f| f.code.to_string()).collect();
    assert_eq!(codes.len(), 60);
    assert!(codes.iter().all(|c| c.starts_with("DEM-") && c.len() == 11), "{codes:?}");

    // At most one open stay per bed and per case; every resident has a bed
    // in a wing that takes them; nobody else has an open stay.
    let open: Vec<&Stay> = stays.iter().filter(|s| s.is_open()).collect();
    let by_bed: HashSet<_> = open.iter().map(|s| s.bed_id).collect();
    let by_case: HashSet<_> = open.iter().map(|s| s.case_id).collect();
    assert_eq!(by_bed.len(), open.len(), "a bed with two open stays");
    assert_eq!(by_case.len(), open.len(), "a case with two open stays");
    assert_eq!(open.len(), summary.occupied);
    let wing_of: HashMap<_, _> =
        beds.iter().map(|b| (b.id, rooms.iter().find(|r| r.id == b.room_id).unwrap().wing)).collect();
    for f in &fronts {
        let stay = open.iter().find(|s| s.case_id == f.id);
        assert_eq!(stay.is_some(), f.status == CaseStatus::InResidence, "{}", f.code);
        if let Some(s) = stay {
            let wing = wing_of[&s.bed_id];
            assert_eq!(wing_eligibility(wing, f.gender, f.age_group, f.age_on(today())), Ok(()), "{}", f.code);
            let bed = beds.iter().find(|b| b.id == s.bed_id).unwrap();
            assert!(bed.usable_on(today()) || bed.out_of_service.is_none());
        }
    }
    // Past stays never overlap in a bed.
    for bed in &beds {
        let mut mine: Vec<&Stay> = stays.iter().filter(|s| s.bed_id == bed.id).collect();
        mine.sort_by_key(|s| s.from);
        for w in mine.windows(2) {
            assert!(w[0].until.is_some_and(|u| u <= w[1].from), "overlapping stays in {}", bed.label);
        }
    }
    // Reservations hold free beds.
    for r in bodies::<Reservation>(&store).iter().filter(|r| r.holds(r.for_date)) {
        assert!(!by_bed.contains(&r.bed_id));
    }

    // Every status, several genders, minors and adults.
    for status in CaseStatus::all() {
        assert!(fronts.iter().any(|f| f.status == status), "{status:?}");
    }
    let genders: HashSet<_> = fronts.iter().map(|f| f.gender).collect();
    assert!(genders.len() >= 3, "{genders:?}");
    assert!(fronts.iter().any(|f| f.effective_age_group(today()) == crate::domain::person::AgeGroup::Minor));

    // Names the search demo relies on.
    let count = |pred: &dyn Fn(&CasePrivate) -> bool| privates.iter().filter(|p| pred(p)).count();
    assert!(count(&|p| p.given_names == "Юлия") >= 2);
    assert!(count(&|p| p.given_names == "Наталья") >= 2);
    assert!(count(&|p| p.family_name == "Щукина") >= 2);
    assert!(privates.iter().all(|p| !p.latin.is_empty()));
    assert!(privates.iter().any(|p| p.family_name.chars().any(|c| c.is_ascii_alphabetic())), "Latin-script names");

    // The directory has every type, twice.
    let orgs = bodies::<Organisation>(&store);
    for kind in OrganisationType::all() {
        assert!(orgs.iter().filter(|o| o.kind == kind).count() >= 2, "{kind:?}");
    }

    // Pickups today at every Moscow airport, linked to expected cases.
    let pickups = bodies::<Pickup>(&store);
    for airport in ["SVO", "DME", "VKO"] {
        assert!(
            pickups.iter().any(|p| p.airport == airport && p.scheduled.date() == today() && p.case_id.is_some()),
            "{airport}"
        );
    }

    // Twelve valid services per case, with overdue ones among them.
    let services = bodies::<ServiceItem>(&store);
    assert_eq!(services.len(), 60 * 12);
    assert!(services.iter().all(|s| validate_service(s).is_ok()));
    assert!(services.iter().any(|s| crate::domain::service::is_overdue(s, today())));
    let statuses: HashSet<_> = services.iter().map(|s| s.status).collect();
    assert_eq!(statuses.len(), ServiceStatus::all().count());

    // Outgoing referrals are covered by consent on their date, unless revoked
    // (consent withdrawn since) or sent under a stated override.
    let referrals = bodies::<Referral>(&store);
    let consents = bodies::<Consent>(&store);
    assert!(referrals.iter().any(|r| r.direction == Direction::In));
    assert!(referrals.iter().any(|r| r.direction == Direction::Out));
    for r in referrals.iter().filter(|r| r.direction == Direction::Out) {
        let mine: Vec<Consent> = consents.iter().filter(|c| c.case_id == r.case_id).cloned().collect();
        if r.override_reason.is_none() {
            assert!(covers_sharing(&mine, r.organisation, r.date), "uncovered referral");
            let c = mine.iter().find(|c| Some(c.id) == r.consent).unwrap();
            assert_eq!(c.purpose, ConsentPurpose::SharingWith(r.organisation));
            assert_eq!(c.withdrawn_on.is_some(), r.status == ReferralStatus::Revoked);
        }
    }
    assert!(consents.iter().any(|c| c.withdrawn_on.is_some()), "a withdrawn consent");
    let pickup_statuses: HashSet<_> = pickups.iter().map(|p| p.status).collect();
    assert_eq!(pickup_statuses.len(), crate::domain::pickup::PickupStatus::all().count(), "{pickup_statuses:?}");
    let travel = bodies::<Travel>(&store);
    assert!(travel.iter().any(|t| t.kind == TravelKind::Domestic));
    assert!(travel.iter().any(|t| t.kind == TravelKind::Repatriation));

    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
}

#[test]
fn ten_thousand_cases_are_generated_with_the_same_rules() {
    let world = generate("DEM", 10_000, today());
    let s = summary(&world, today());
    assert_eq!(s.cases, 10_000);
    let open: Vec<&Stay> = world.stays.iter().filter(|s| s.is_open()).collect();
    let beds: HashSet<_> = open.iter().map(|s| s.bed_id).collect();
    assert_eq!(beds.len(), open.len());
    let residents = world.cases.iter().filter(|c| c.front.status == CaseStatus::InResidence).count();
    assert_eq!(residents, open.len());
    assert!(world.cases.iter().flat_map(|c| &c.services).all(|i| validate_service(i).is_ok()));
    // Cases come in the order they were opened, so codes follow the calendar.
    assert!(world.cases.windows(2).all(|w| w[0].year <= w[1].year));
}

#[test]
fn tiny_centres_work_too() {
    for cases in [0, 1, 3] {
        let world = generate("DEM", cases, today());
        assert_eq!(world.cases.len(), cases);
    }
}

/// `cargo test --lib demo::tests::populate_ten_thousand -- --ignored --nocapture`
#[test]
#[ignore = "slow: writes 10,000 cases"]
fn populate_ten_thousand() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_centre(dir.path());
    let t = std::time::Instant::now();
    let s = populate(&store, 10_000, today()).unwrap();
    eprintln!("{s:?} in {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let report = store.check().unwrap();
    eprintln!("check in {:?}", t.elapsed());
    assert!(report.ok(), "{:?}", report.problems);
}
