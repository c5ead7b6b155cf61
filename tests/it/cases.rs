#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The case list and the case file driven by key scripts on a test
//! terminal: search as you type, the services checklist, referrals and the
//! consent they need, closing and reopening, history, roles and the audit
//! chain, refused input; and snapshots of the list, every tab and the
//! search results in English and Russian at 80×24 and 120×40.

use crate::support;

use std::time::{Duration, Instant};

use haven::app::console::App;
use haven::domain::case::{CaseFront, CaseStatus, Note};
use haven::domain::consent::{Consent, ConsentPurpose};
use haven::domain::ids::{CaseId, OrganisationId};
use haven::domain::referral::{Direction, Organisation, OrganisationType, Referral, ReferralStatus};
use haven::domain::service::{ServiceItem, ServiceKind, ServiceStatus};
use haven::domain::user::Role;
use haven::i18n::Lang;
use haven::keymap::Screen;
use haven::screens::cases::PENDING_MARK;
use haven::store::{AuditAction, AuditEntry, Store};
use support::*;

fn today() -> chrono::NaiveDate {
    now().date()
}

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

/// Ticks until the list's rows are read and the search thread has answered
/// (the console never waits; tests do).
fn settle(app: &mut App) {
    wait_for_background(app);
    let start = Instant::now();
    loop {
        app.tick();
        let text = screen_text(app, 120, 40);
        if !text.contains(PENDING_MARK) {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "search never answered:\n{text}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A new, empty case (synthetic alias) written through the operations.
fn new_case(store: &Store, alias: &str) -> CaseFront {
    let draft = case_draft(alias, Some("anna"));
    haven::ops::cases::create_case(store, &draft, today()).unwrap()
}

/// An organisation of the directory (synthetic).
fn organisation(store: &Store, name: &str) -> OrganisationId {
    let org = Organisation {
        id: haven::store::new_id().unwrap(),
        name: name.into(),
        kind: OrganisationType::Ngo,
        city: "Kazan".into(),
        country: None,
        contact: "555-0100".into(),
        services: vec![ServiceKind::PsychologicalSupport],
        retired: false,
    };
    haven::ops::referrals::save_organisation(store, &org, 0).unwrap().id
}

fn services(store: &Store, case: CaseId) -> Vec<ServiceItem> {
    haven::ops::services::of_case(store, case).unwrap().into_iter().map(|s| s.body).collect()
}

fn front(store: &Store, case: CaseId) -> CaseFront {
    store.get::<CaseFront>(case.as_bytes()).unwrap().unwrap().body
}

fn events(app: &App) -> Vec<haven::store::AuditEvent> {
    app.ctx.store().unwrap().audit_events().unwrap().into_iter().filter_map(|(_, e)| e).collect()
}

/// Opens the file of `case` through the list: F4, search its code, Enter.
fn open_through_search(app: &mut App, code: &str) {
    press(app, "F4 /");
    type_text(app, code);
    settle(app);
    press(app, "enter");
    assert_eq!(top(app), Screen::CaseFile);
}

fn open_file(app: &mut App, case: CaseId) {
    let screen = haven::screens::case_file(&app.ctx, case).unwrap();
    app.push(screen);
}

/// The case with a given code in a demo centre.
fn by_code(store: &Store, code: &str) -> CaseFront {
    store.scan::<CaseFront>().unwrap().into_iter().map(|s| s.body).find(|f| f.code.to_string() == code).unwrap()
}

#[test]
fn the_list_opens_at_once_and_its_rows_follow_from_another_thread() {
    let (_dir, store) = centre(Some(60));
    let mut app = app(store, Lang::En);
    press(&mut app, "F4");
    assert_eq!(top(&app), Screen::Cases);
    // However far the reading thread has got, a list being read never
    // claims to be empty.
    let first = screen_text(&mut app, 120, 40);
    assert!(!first.contains("No cases here"), "{first}");
    assert!(first.contains("Reading the cases") || first.contains("MSK-26-0060"), "{first}");
    settle(&mut app);
    assert!(screen_text(&mut app, 120, 40).contains("MSK-26-0060"));
    // A save elsewhere reads the list again in the background; the rows
    // stay on screen meanwhile and come back with the change.
    let store = app.ctx.store().unwrap();
    let mut front = by_code(store, "MSK-26-0060");
    front.alias = "Renamed".into();
    store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
    app.tick();
    let during = screen_text(&mut app, 120, 40);
    assert!(during.contains("MSK-26-0060"), "{during}");
    settle(&mut app);
    assert!(screen_text(&mut app, 120, 40).contains("Renamed"));
}

#[test]
fn f4_lists_the_cases_newest_first_with_bed_and_open_services() {
    let (_dir, store) = centre(Some(60));
    let mut app = app(store, Lang::En);
    press(&mut app, "F4");
    assert_eq!(top(&app), Screen::Cases);
    settle(&mut app);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Showing: Active cases"), "{text}");
    assert!(text.contains("MSK-26-0060"), "{text}");
    assert!(!text.contains("MSK-26-0007"), "closed cases are not active:\n{text}");
    press(&mut app, "s s s s s");
    let closed = screen_text(&mut app, 120, 40);
    assert!(closed.contains("Showing: Closed cases") && closed.contains("MSK-26-0007"), "{closed}");
    press(&mut app, "s m");
    let mine = screen_text(&mut app, 120, 40);
    assert!(mine.contains("my cases") && mine.contains("0 cases"), "anna holds no demo case:\n{mine}");
}

#[test]
fn search_finds_a_person_by_name_in_either_script_and_shows_what_matched() {
    let (_dir, store) = centre(Some(60));
    let mut app = app(store, Lang::En);
    press(&mut app, "F4 /");
    for q in ["Shchukina", "Щукина", "Schukina"] {
        type_text(&mut app, q);
        settle(&mut app);
        let text = screen_text(&mut app, 120, 40);
        assert!(text.contains("found") && text.contains("name"), "{q}:\n{text}");
        let rows: String = text.lines().skip(3).collect();
        assert!(!rows.contains("Щукина") && !rows.to_uppercase().contains("SHCHUKINA"), "names never show:\n{text}");
        for _ in 0..q.chars().count() {
            press(&mut app, "backspace");
        }
        settle(&mut app);
    }
    type_text(&mut app, "!!! ...");
    settle(&mut app);
    assert!(screen_text(&mut app, 120, 40).contains("Nothing to search for"));
}

#[test]
fn a_ten_thousand_character_query_is_cut_and_answered_quickly() {
    let (_dir, store) = centre(Some(60));
    let mut app = app(store, Lang::En);
    press(&mut app, "F4 /");
    let start = Instant::now();
    type_text(&mut app, &"Юлия ".repeat(2_000));
    settle(&mut app);
    assert!(start.elapsed() < Duration::from_secs(20), "{:?}", start.elapsed());
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("found"), "{text}");
    assert!(text.lines().nth(1).unwrap().chars().count() <= 120);
}

#[test]
fn three_services_go_forward_and_one_is_done_today_from_the_checklist() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Checklist");
    let mut app = app(store, Lang::En);
    open_through_search(&mut app, &case.code.to_string());
    press(&mut app, "tab tab");
    assert!(screen_text(&mut app, 120, 40).contains("Airport reception"));
    press(&mut app, "f down f down f down d");
    let store = app.ctx.store().unwrap();
    let items = services(store, case.id);
    let status: Vec<ServiceStatus> = items.iter().take(5).map(|i| i.status).collect();
    use ServiceStatus::*;
    assert_eq!(status, [Needed, Needed, Needed, Done, NotAssessed]);
    assert_eq!(items[3].done_on, Some(today()));
    // Forward again: planned (for today, until someone says when), then in progress.
    press(&mut app, "home f");
    let first = &services(app.ctx.store().unwrap(), case.id)[0];
    assert_eq!((first.status, first.planned_on), (Planned, Some(today())));
    press(&mut app, "f");
    assert_eq!(services(app.ctx.store().unwrap(), case.id)[0].status, InProgress);
    // Not applicable, and nothing after done.
    press(&mut app, "down -");
    assert_eq!(services(app.ctx.store().unwrap(), case.id)[1].status, NotApplicable);
    let updates = events(&app).iter().filter(|e| e.entity == "service" && e.action == AuditAction::Update).count();
    assert_eq!(updates, 7, "one audit event per key");
}

#[test]
fn history_shows_each_version_with_the_changed_fields_side_by_side() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Versions");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab f f f");
    press(&mut app, "shift-tab shift-tab shift-tab");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("History"), "{text}");
    for (what, status) in [("version 2", "Not assessed"), ("version 3", "Needed"), ("version 4", "Planned")] {
        assert!(text.contains(what), "{what}:\n{text}");
        assert!(text.contains(status), "{status}:\n{text}");
    }
    assert!(text.contains("Status") && text.contains("→"), "{text}");
    let item = &services(app.ctx.store().unwrap(), case.id)[0];
    let kept = app.ctx.store().unwrap().history::<ServiceItem>(item.id.as_bytes()).unwrap();
    assert_eq!(kept.len(), 3, "every earlier version is kept");
}

#[test]
fn an_outgoing_referral_is_refused_without_consent_and_saved_after_recording_one() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Referred");
    organisation(&store, "Zebra Test Partner");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    // Referrals tab: a new outgoing referral to the partner.
    press(&mut app, "tab tab tab n");
    assert_eq!(top(&app), Screen::Form);
    press(&mut app, "tab");
    type_text(&mut app, "Zebra");
    press(&mut app, "enter ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("No consent covers sharing with this organisation"), "{text}");
    assert!(
        haven::ops::referrals::referrals_of(app.ctx.store().unwrap(), case.id).unwrap().is_empty(),
        "nothing saved"
    );
    press(&mut app, "esc d");
    // Consent tab: sharing with the partner, given.
    press(&mut app, "tab tab n");
    type_text(&mut app, "shar");
    press(&mut app, "enter tab");
    type_text(&mut app, "Zebra");
    press(&mut app, "enter tab y ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    // Back to referrals: the same referral now saves, resting on that consent.
    press(&mut app, "shift-tab shift-tab n tab");
    type_text(&mut app, "Zebra");
    press(&mut app, "enter ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let store = app.ctx.store().unwrap();
    let refs = haven::ops::referrals::referrals_of(store, case.id).unwrap();
    let consents = haven::ops::referrals::consents_of(store, case.id).unwrap();
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].body.direction, Direction::Out);
    assert_eq!(refs[0].body.consent, Some(consents[0].body.id));
    assert_eq!(consents[0].body.recorded_by, "anna");
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains("Zebra Test Partner"), "{shown}");
}

#[test]
fn a_manager_may_override_a_missing_consent_in_writing_a_case_worker_may_not() {
    let (_dir, mut store) = centre(Some(20));
    let case = new_case(&store, "Override");
    let org = organisation(&store, "Urgent Test Clinic");
    let referral = Referral {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        direction: Direction::Out,
        organisation: org,
        date: today(),
        reason: haven::domain::referral::ReferralReason::AdditionalServicesRequired,
        services: vec![ServiceKind::MedicalCare],
        status: ReferralStatus::Sent,
        follow_up: None,
        consent: None,
        override_reason: None,
    };
    store.set_user("worker", "Case Worker", Role::CaseWorker, b"worker passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("worker", b"worker passphrase").unwrap();
    let refused = haven::ops::referrals::save_referral(&store, &referral, 0, Some("a child at risk"), today());
    assert!(
        matches!(refused, Err(haven::store::StoreError::Rule(r)) if r == haven::store::Rule::File(haven::domain::casefile::FileRule::OverrideManagersOnly))
    );
    store.lock_session(AuditAction::Logout);
    store.login("anna", PASS.as_bytes()).unwrap();
    let blank = haven::ops::referrals::save_referral(&store, &referral, 0, None, today());
    assert!(
        matches!(blank, Err(haven::store::StoreError::Rule(r)) if r == haven::store::Rule::File(haven::domain::casefile::FileRule::ReferralNeedsConsent))
    );
    let saved = haven::ops::referrals::save_referral(&store, &referral, 0, Some("a child at risk"), today()).unwrap();
    assert_eq!(saved.override_reason.as_deref(), Some("a child at risk"));
    assert_eq!(saved.consent, None);
    let last = store.audit_events().unwrap().last().unwrap().1.clone().unwrap();
    assert!(
        last.summary.contains("override") && !last.summary.contains("child"),
        "recorded, without the words: {}",
        last.summary
    );
}

#[test]
fn withdrawing_a_consent_revokes_the_open_referrals_it_covered() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Withdrawn");
    let org = organisation(&store, "Shelter Test Network");
    let consent = Consent {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        purpose: ConsentPurpose::SharingWith(org),
        given: true,
        date: today(),
        recorded_by: String::new(),
        withdrawn_on: None,
    };
    let c = haven::ops::referrals::save_consent(&store, &consent, 0, today()).unwrap().consent;
    let referral = Referral {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        direction: Direction::Out,
        organisation: org,
        date: today(),
        reason: haven::domain::referral::ReferralReason::AdditionalServicesRequired,
        services: vec![],
        status: ReferralStatus::Sent,
        follow_up: None,
        consent: None,
        override_reason: None,
    };
    haven::ops::referrals::save_referral(&store, &referral, 0, None, today()).unwrap();
    let withdrawn = Consent { withdrawn_on: Some(today()), ..c };
    let saved = haven::ops::referrals::save_consent(&store, &withdrawn, 1, today()).unwrap();
    assert_eq!(saved.revoked, 1);
    let refs = haven::ops::referrals::referrals_of(&store, case.id).unwrap();
    assert_eq!(refs[0].body.status, ReferralStatus::Revoked);
    // And a new referral to them is refused now.
    let again = Referral { id: haven::store::new_id().unwrap(), ..referral };
    assert!(haven::ops::referrals::save_referral(&store, &again, 0, None, today()).is_err());
}

#[test]
fn a_case_is_closed_with_its_outcome_and_reopened_with_a_reason() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Closing");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "C");
    assert_eq!(top(&app), Screen::Form);
    type_text(&mut app, "referred");
    press(&mut app, "enter ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    assert_eq!(front(app.ctx.store().unwrap(), case.id).status, CaseStatus::ClosedReferred);
    assert!(app.status().unwrap_or_default().contains("Closed"), "{:?}", app.status());
    press(&mut app, "C");
    assert_eq!(top(&app), Screen::CaseFile, "a closed case is not closed twice");
    press(&mut app, "O ctrl-s");
    assert!(screen_text(&mut app, 120, 40).contains("Required"), "the reason is required");
    type_text(&mut app, "The person came back to the centre");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile);
    let store = app.ctx.store().unwrap();
    assert_eq!(front(store, case.id).status, CaseStatus::Expected, "never arrived: expected again");
    let notes: Vec<Note> = haven::ops::notes::notes_of(store, case.id).unwrap().into_iter().map(|n| n.body).collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "The person came back to the centre");
    let file = store.get::<haven::domain::case::CasePrivate>(case.id.as_bytes()).unwrap().unwrap().body;
    assert_eq!(file.closing, None);
    assert!(screen_text(&mut app, 120, 40).contains("Expected"));
}

#[test]
fn a_person_still_in_a_bed_cannot_have_their_case_closed() {
    let (_dir, store) = centre(Some(60));
    let case = by_code(&store, "MSK-26-0042");
    assert_eq!(case.status, CaseStatus::InResidence);
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "C");
    type_text(&mut app, "other");
    press(&mut app, "enter ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("still has a bed"), "{text}");
    assert_eq!(front(app.ctx.store().unwrap(), case.id).status, CaseStatus::InResidence);
}

#[test]
fn a_grant_without_an_amount_is_refused_with_nothing_written() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Grant");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab end up up f");
    press(&mut app, "f");
    let text = screen_text(&mut app, 120, 40);
    assert!(app.status().unwrap_or_default().contains("needs its amount"), "{:?}\n{text}", app.status());
    let grant = services(app.ctx.store().unwrap(), case.id)
        .into_iter()
        .find(|i| i.kind == ServiceKind::ReintegrationGrant)
        .unwrap();
    assert_eq!(grant.status, ServiceStatus::Needed, "the refused step wrote nothing");
    // The detail form: the amount in roubles by default.
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form);
    type_text(&mut app, "pla");
    press(&mut app, "enter tab");
    type_text(&mut app, "today");
    press(&mut app, "ctrl-s");
    assert!(screen_text(&mut app, 120, 40).contains("needs its amount"));
    // The focus is on the field in error.
    type_text(&mut app, "50 000");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let grant = services(app.ctx.store().unwrap(), case.id)
        .into_iter()
        .find(|i| i.kind == ServiceKind::ReintegrationGrant)
        .unwrap();
    assert_eq!(grant.status, ServiceStatus::Planned);
    assert_eq!(grant.amount.unwrap().to_string(), "50 000.00 RUB");
}

#[test]
fn a_journey_before_arrival_is_refused_and_completing_one_marks_its_services_done() {
    let (_dir, store) = centre(Some(20));
    let mut case = new_case(&store, "Traveller");
    case.status = CaseStatus::Arrived;
    case.arrived_on = Some(today());
    haven::ops::cases::save_front(&store, &case, 1).unwrap();
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab tab tab n");
    type_text(&mut app, "repat");
    press(&mut app, "enter");
    focus(&mut app, "Region and city");
    type_text(&mut app, "Samarkand");
    focus(&mut app, "Country");
    type_text(&mut app, "Uzbek");
    press(&mut app, "enter");
    focus(&mut app, "Date");
    type_text(&mut app, "yesterday");
    focus(&mut app, "Escort");
    type_text(&mut app, "med");
    press(&mut app, "enter ctrl-s");
    assert!(
        screen_text(&mut app, 120, 40).contains("dated before the person arrived"),
        "{}",
        screen_text(&mut app, 120, 40)
    );
    assert!(haven::ops::journeys::of_case(app.ctx.store().unwrap(), case.id).unwrap().is_empty());
    // The focus is on the date in error.
    for _ in 0..9 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "today");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    press(&mut app, "c");
    assert!(app.status().unwrap_or_default().contains("2 services marked done"), "{:?}", app.status());
    let items = services(app.ctx.store().unwrap(), case.id);
    let done = |k: ServiceKind| items.iter().find(|i| i.kind == k).unwrap().status == ServiceStatus::Done;
    assert!(done(ServiceKind::Repatriation) && done(ServiceKind::TravelMedicalEscort));
    assert!(!done(ServiceKind::DomesticTransport));
}

#[test]
fn a_document_that_expires_before_it_was_issued_is_refused() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Papers");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    // Identity (recorded as a reveal), then a document.
    press(&mut app, "down enter");
    type_text(&mut app, "Тестова");
    press(&mut app, "ctrl-s");
    press(&mut app, "down enter");
    assert_eq!(top(&app), Screen::Form);
    focus(&mut app, "Number");
    type_text(&mut app, "AB0000001");
    focus(&mut app, "Issued on");
    type_text(&mut app, "2026-05-01");
    focus(&mut app, "Expires on");
    type_text(&mut app, "2025-05-01");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("expires before it was issued"), "{text}");
    press(
        &mut app,
        "backspace backspace backspace backspace backspace backspace backspace backspace backspace backspace",
    );
    type_text(&mut app, "2036-05-01");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let file =
        app.ctx.store().unwrap().get::<haven::domain::case::CasePrivate>(case.id.as_bytes()).unwrap().unwrap().body;
    assert_eq!(file.family_name, "Тестова");
    assert_eq!(file.latin, "TESTOVA");
    assert_eq!(file.documents.len(), 1);
    assert_eq!(file.documents[0].number, "AB0000001");
}

#[test]
fn a_passport_zone_fills_the_document_and_an_empty_identity_and_a_bad_check_digit_is_named() {
    // The specimen zone of ICAO Doc 9303 (a fictional person of the fictional state Utopia).
    const LINE1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const LINE2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Zone");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "down down enter");
    assert_eq!(top(&app), Screen::Form);
    type_text(&mut app, LINE1);
    press(&mut app, "enter");
    type_text(&mut app, &LINE2.replace("L898902C36", "L898902C37"));
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("document number does not match its check digit"), "{text}");
    assert!(
        app.ctx
            .store()
            .unwrap()
            .get::<haven::domain::case::CasePrivate>(case.id.as_bytes())
            .unwrap()
            .unwrap()
            .body
            .documents
            .is_empty()
    );
    for _ in 0..LINE2.len() {
        press(&mut app, "backspace");
    }
    type_text(&mut app, LINE2);
    press(&mut app, "ctrl-s");
    // The zone shows what it will fill before it writes; Ctrl-S again saves.
    assert!(screen_text(&mut app, 120, 40).contains("The zone will fill"));
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let file =
        app.ctx.store().unwrap().get::<haven::domain::case::CasePrivate>(case.id.as_bytes()).unwrap().unwrap().body;
    assert_eq!((file.family_name.as_str(), file.given_names.as_str()), ("Eriksson", "Anna Maria"));
    assert_eq!(file.date_of_birth, chrono::NaiveDate::from_ymd_opt(1974, 8, 12));
    assert_eq!(file.documents[0].number, "L898902C3");
    assert_eq!(file.documents[0].expires_on, chrono::NaiveDate::from_ymd_opt(2012, 4, 15));
    assert!(screen_text(&mut app, 120, 40).contains("expired"), "an expired document is flagged");
}

#[test]
fn a_night_user_sees_the_front_part_only_and_views_and_reveals_are_audited() {
    let (_dir, mut store) = centre(Some(60));
    store.set_user("nightdesk", "Night Desk", Role::Night, b"night passphrase").unwrap();
    let case = by_code(&store, "MSK-26-0042");
    store.lock_session(AuditAction::Logout);
    store.login("nightdesk", b"night passphrase").unwrap();
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Profile │ Stay │ Services │ History"), "{text}");
    assert!(!text.contains("Referrals") && !text.contains("Identity") && !text.contains("Documents"), "{text}");
    assert!(text.contains("not available to your role"), "{text}");
    press(&mut app, "r");
    assert!(app.status().unwrap_or_default().contains("Permission denied"), "{:?}", app.status());
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form, "the front part is theirs to edit");
    press(&mut app, "esc");
    for tab in ["tab", "tab", "tab"] {
        press(&mut app, tab);
        let t = screen_text(&mut app, 120, 40);
        assert!(!t.contains("Permission denied") && !t.contains("Damaged"), "{t}");
    }
    assert!(haven::ops::case_file::load(app.ctx.store().unwrap(), case.id).unwrap().private.is_none());
    // The manager reads the chain: the night user's view is there, and no reveal.
    let store = app.ctx.store_mut().unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("anna", PASS.as_bytes()).unwrap();
    let evs = events(&app);
    let code = case.code.to_string();
    assert!(
        evs.iter().any(|e| e.action == AuditAction::ViewCase
            && e.user == "nightdesk"
            && e.case_code.as_deref() == Some(&code))
    );
    assert!(!evs.iter().any(|e| e.action == AuditAction::RevealName && e.user == "nightdesk"));
}

#[test]
fn opening_a_file_is_recorded_before_it_shows_and_a_reveal_is_recorded_too() {
    let (_dir, store) = centre(Some(60));
    let case = by_code(&store, "MSK-26-0042");
    let mut app = app(store, Lang::En);
    let before = events(&app).len();
    open_file(&mut app, case.id);
    let after_open = events(&app);
    assert_eq!(after_open.len(), before + 1);
    let view = after_open.last().unwrap();
    assert_eq!((view.action, view.case_code.clone()), (AuditAction::ViewCase, Some("MSK-26-0042".into())));
    let hidden = screen_text(&mut app, 120, 40);
    assert!(hidden.contains("Legal name hidden"), "{hidden}");
    press(&mut app, "r");
    let shown = screen_text(&mut app, 120, 40);
    assert!(!shown.contains("Legal name hidden"), "{shown}");
    let reveal = events(&app).last().cloned().unwrap();
    assert_eq!(reveal.action, AuditAction::RevealName);
    assert_eq!(reveal.case_code.as_deref(), Some("MSK-26-0042"));
    assert!(!reveal.summary.chars().any(|c| ('А'..='я').contains(&c)), "no name in the chain");
    // From the list, the reveal key shows the selected case's name, also recorded.
    press(&mut app, "esc F4");
    settle(&mut app);
    press(&mut app, "r");
    assert!(screen_text(&mut app, 120, 40).contains("Legal name:"));
    assert_eq!(events(&app).last().unwrap().action, AuditAction::RevealName);
}

#[test]
fn a_new_case_from_the_list_gets_its_code_and_checklist_and_opens() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F4 n");
    assert_eq!(top(&app), Screen::Form);
    type_text(&mut app, "Newcomer");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("MSK-26-0001 · Newcomer"), "{text}");
    let store = app.ctx.store().unwrap();
    let cases = store.scan::<CaseFront>().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(services(store, cases[0].body.id).len(), 12);
}

#[test]
fn the_directory_adds_edits_and_retires_organisations_keeping_their_history() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F4 o");
    assert!(screen_text(&mut app, 120, 40).contains("The directory is empty"));
    press(&mut app, "n");
    type_text(&mut app, "Harbour Test Centre");
    focus(&mut app, "Type");
    type_text(&mut app, "health");
    press(&mut app, "enter");
    focus(&mut app, "City");
    type_text(&mut app, "Tver");
    press(&mut app, "ctrl-s");
    assert!(screen_text(&mut app, 120, 40).contains("Harbour Test Centre"));
    press(&mut app, "e");
    focus(&mut app, "City");
    for _ in 0..4 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "Kaluga");
    press(&mut app, "ctrl-s del");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Kaluga") && text.contains("retired"), "{text}");
    let store = app.ctx.store().unwrap();
    let orgs = store.scan::<Organisation>().unwrap();
    assert!(orgs[0].body.retired && orgs[0].body.kind == OrganisationType::Health);
    assert_eq!(store.history::<Organisation>(orgs[0].body.id.as_bytes()).unwrap().len(), 2);
    press(&mut app, "del");
    assert!(!app.ctx.store().unwrap().scan::<Organisation>().unwrap()[0].body.retired, "brought back");
}

#[test]
fn a_note_in_progress_survives_a_lock() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Drafted");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab tab tab tab tab n");
    focus(&mut app, "Note");
    type_text(&mut app, "Called the family; call back on Monday");
    press(&mut app, "ctrl-l");
    type_text(&mut app, "anna");
    press(&mut app, "tab");
    type_text(&mut app, PASS);
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("call back on Monday") && text.contains("Drafted"), "{text}");
    press(&mut app, "ctrl-s");
    let notes = haven::ops::notes::notes_of(app.ctx.store().unwrap(), case.id).unwrap();
    assert_eq!(notes.len(), 1);
}

mod snapshots {
    use super::*;

    const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

    fn shoot(app: &mut App, name: &str, lang: Lang) {
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), render(app, w, h).backend());
        }
    }

    #[test]
    fn the_case_list() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(60));
            let mut app = app(store, lang);
            press(&mut app, "F4");
            settle(&mut app);
            shoot(&mut app, "list", lang);
        }
    }

    #[test]
    fn search_results() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(60));
            let mut app = app(store, lang);
            press(&mut app, "F4 /");
            type_text(&mut app, "Natalya");
            settle(&mut app);
            shoot(&mut app, "search", lang);
        }
    }

    #[test]
    fn every_tab_of_the_case_file() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(60));
            let case = by_code(&store, "MSK-26-0042");
            let mut app = app(store, lang);
            open_file(&mut app, case.id);
            for tab in ["profile", "stay", "services", "referrals", "travel", "consent", "notes", "history"] {
                shoot(&mut app, &format!("tab_{tab}"), lang);
                press(&mut app, "tab");
            }
        }
    }
}

/// A case with medical care needed and a referral still sent (synthetic).
fn case_with_open_items(store: &Store, alias: &str, org_name: &str) -> CaseFront {
    let case = new_case(store, alias);
    let medical = services(store, case.id).into_iter().find(|s| s.kind == ServiceKind::MedicalCare).unwrap();
    haven::ops::services::step(store, medical.id, haven::ops::services::Step::Forward, today()).unwrap();
    let org = organisation(store, org_name);
    let consent = Consent {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        purpose: ConsentPurpose::SharingWith(org),
        given: true,
        date: today(),
        recorded_by: String::new(),
        withdrawn_on: None,
    };
    haven::ops::referrals::save_consent(store, &consent, 0, today()).unwrap();
    let referral = Referral {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        direction: Direction::Out,
        organisation: org,
        date: today(),
        reason: haven::domain::referral::ReferralReason::AdditionalServicesRequired,
        services: vec![],
        status: ReferralStatus::Sent,
        follow_up: None,
        consent: None,
        override_reason: None,
    };
    haven::ops::referrals::save_referral(store, &referral, 0, None, today()).unwrap();
    case
}

#[test]
fn closing_shows_what_is_still_open_and_closing_anyway_records_why() {
    let (_dir, store) = centre(Some(20));
    let case = case_with_open_items(&store, "Unfinished", "Harbour Test Clinic");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "C");
    assert_eq!(top(&app), Screen::Form);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Medical care: Needed"), "the open service is shown before confirming:\n{text}");
    assert!(text.contains("Referral to Harbour Test Clinic: Sent"), "the open referral is shown:\n{text}");
    type_text(&mut app, "reintegrated");
    press(&mut app, "enter ctrl-s");
    assert_eq!(top(&app), Screen::Form, "not closed without a word:\n{}", screen_text(&mut app, 120, 40));
    assert!(!front(app.ctx.store().unwrap(), case.id).status.is_closed());
    focus(&mut app, "Why close anyway");
    type_text(&mut app, "The person moved abroad with family");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let store = app.ctx.store().unwrap();
    assert_eq!(front(store, case.id).status, CaseStatus::Closed);
    let notes: Vec<Note> = haven::ops::notes::notes_of(store, case.id).unwrap().into_iter().map(|n| n.body).collect();
    assert_eq!(notes.len(), 1, "the reason is stored");
    assert_eq!(notes[0].text, "The person moved abroad with family");
    let last = events(&app).into_iter().rev().find(|e| e.entity == "case" && e.summary.starts_with("closed")).unwrap();
    for key in ["medical_care:needed", "referral:sent", "no_journey"] {
        assert!(last.summary.contains(key), "{key} audited: {}", last.summary);
    }
    assert!(!last.summary.contains("abroad"), "the words stay out of the audit: {}", last.summary);
}

#[test]
fn reintegrated_without_a_journey_asks_why_even_with_nothing_else_open() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "NoJourney");
    let refused = haven::ops::cases::close_case(
        &store,
        case.id,
        haven::domain::case::ClosingOutcome::ReintegratedAtDestination,
        today(),
        "",
        "",
    );
    assert!(
        matches!(refused, Err(haven::store::StoreError::Rule(r)) if r == haven::store::Rule::File(haven::domain::casefile::FileRule::ClosingOpenNeedsReason)),
        "the store refuses too: {refused:?}"
    );
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "C");
    assert!(screen_text(&mut app, 120, 40).contains("Nothing"));
    type_text(&mut app, "reintegrated");
    press(&mut app, "enter ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("No journey home is completed"), "{text}");
    assert!(!front(app.ctx.store().unwrap(), case.id).status.is_closed());
}

#[test]
fn one_key_takes_a_service_back_as_one_key_takes_it_forward() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Backwards");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("b Previous status"), "the key is in the hints:\n{text}");
    let first = |app: &App| services(app.ctx.store().unwrap(), case.id)[0].clone();
    // Forward twice (two keys), back once (one key): needed again.
    let mut keys = 0;
    for k in ["f", "f", "b"] {
        press(&mut app, k);
        keys += 1;
    }
    assert_eq!(keys, 3);
    assert_eq!(first(&app).status, ServiceStatus::Needed);
    // Done today by mistake: one key back undoes it and its date.
    press(&mut app, "d");
    assert_eq!((first(&app).status, first(&app).done_on), (ServiceStatus::Done, Some(today())));
    press(&mut app, "b");
    assert_eq!((first(&app).status, first(&app).done_on), (ServiceStatus::InProgress, None));
    // Not applicable by mistake: back to not assessed; nothing before that.
    press(&mut app, "- b");
    assert_eq!(first(&app).status, ServiceStatus::NotAssessed);
    press(&mut app, "b");
    assert_eq!(first(&app).status, ServiceStatus::NotAssessed);
    assert!(app.status().unwrap_or_default().contains("no status before"), "{:?}", app.status());
}

#[test]
fn notes_show_who_wrote_them_and_history_names_beds_and_rooms() {
    let (_dir, store) = centre(Some(60));
    let case = by_code(&store, "MSK-26-0042");
    let note = Note {
        id: haven::store::new_id().unwrap(),
        case_id: case.id,
        date: today(),
        text: "Asked for a call with the lawyer".into(),
    };
    haven::ops::notes::save_note(&store, &note, 0).unwrap();
    let stay = store.stays_of(case.id).unwrap().into_iter().find(|s| s.body.is_open()).unwrap().body;
    let bed = store.get::<haven::domain::rooms::Bed>(stay.bed_id.as_bytes()).unwrap().unwrap().body;
    let room = store.get::<haven::domain::rooms::Room>(bed.room_id.as_bytes()).unwrap().unwrap().body;
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    // Notes is the tab before History, which is the last.
    press(&mut app, "shift-tab shift-tab");
    let text = screen_text(&mut app, 120, 40);
    let line = text.lines().find(|l| l.contains("Asked for a call")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("· anna ·"), "the author is on the note's line: {line}");
    assert!(line.matches(':').count() >= 1, "and the time it was written: {line}");
    press(&mut app, "tab");
    let text = screen_text(&mut app, 160, 400);
    let ids: Vec<&str> = text
        .split('#')
        .skip(1)
        .filter(|s| s.get(..8).is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())))
        .collect();
    assert!(ids.is_empty(), "no bare ids in the history:\n{text}");
    assert!(text.contains(&format!("{} ({})", bed.label, room.name)), "the bed and its room by name:\n{text}");
}

mod snapshots_closing {
    use super::*;

    #[test]
    fn the_closing_form_with_what_is_still_open() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(20));
            let case = case_with_open_items(&store, "Unfinished", "Harbour Test Clinic");
            let mut app = app(store, lang);
            open_file(&mut app, case.id);
            press(&mut app, "C");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("close_open_{}_{w}x{h}", lang.code()),
                    render(&mut app, w, h).backend()
                );
            }
        }
    }
}

#[test]
fn a_referral_refused_for_want_of_consent_goes_on_with_the_consent_given_now() {
    let (_dir, store) = centre(Some(20));
    let case = new_case(&store, "Consenting");
    let org = organisation(&store, "Zebra Test Partner");
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab tab n tab");
    type_text(&mut app, "Zebra");
    press(&mut app, "enter ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert_eq!(top(&app), Screen::Form, "the form stays with what was typed:\n{text}");
    assert!(
        text.contains("it can be recorded now") && text.contains("Does the person agree now?"),
        "the offer:\n{text}"
    );
    assert!(text.contains("Zebra Test Partner"), "the same referral:\n{text}");
    // The offer has the focus: two keys record the consent and the referral.
    press(&mut app, "y ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let store = app.ctx.store().unwrap();
    let refs = haven::ops::referrals::referrals_of(store, case.id).unwrap();
    let consents = haven::ops::referrals::consents_of(store, case.id).unwrap();
    assert_eq!((refs.len(), consents.len()), (1, 1));
    let consent = &consents[0].body;
    assert_eq!(consent.purpose, ConsentPurpose::SharingWith(org));
    assert!(consent.given && consent.withdrawn_on.is_none());
    assert_eq!(consent.recorded_by, "anna");
    assert_eq!(refs[0].body.consent, Some(consent.id), "the referral rests on it");
    assert_eq!(refs[0].body.organisation, org);
    let kinds: Vec<String> = events(&app).iter().rev().take(2).map(|e| e.entity.clone()).collect();
    assert_eq!(kinds, ["referral", "consent"], "both audited");
}

mod snapshots_referral {
    use super::*;

    #[test]
    fn the_referral_form_offering_to_record_consent() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(20));
            let case = new_case(&store, "Consenting");
            organisation(&store, "Zebra Test Partner");
            let mut app = app(store, lang);
            open_file(&mut app, case.id);
            press(&mut app, "tab tab tab n tab");
            type_text(&mut app, "Zebra");
            press(&mut app, "enter ctrl-s");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("consent_offer_{}_{w}x{h}", lang.code()),
                    render(&mut app, w, h).backend()
                );
            }
        }
    }
}

#[test]
fn night_sees_the_checklist_without_the_medical_provider_and_note_and_cannot_overwrite_them() {
    let (_dir, mut store) = centre(Some(20));
    let case = new_case(&store, "Clinic");
    let org = organisation(&store, "Harbour Test Clinic");
    let mut medical = haven::ops::services::of_case(&store, case.id)
        .unwrap()
        .into_iter()
        .find(|s| s.body.kind == ServiceKind::MedicalCare)
        .unwrap();
    medical.body.provider = haven::domain::service::Provider::Organisation(org);
    medical.body.note = "Asthma follow-up".into();
    haven::ops::services::save(&store, &medical.body, medical.meta.revision).unwrap();
    let mut legal = services(&store, case.id).into_iter().find(|s| s.kind == ServiceKind::LegalSupport).unwrap();
    legal.note = "Lawyer booked".into();
    haven::ops::services::save(&store, &legal, 1).unwrap();
    store.set_user("nightdesk", "Night Desk", Role::Night, b"night passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("nightdesk", b"night passphrase").unwrap();
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Medical care"), "{text}");
    assert!(!text.contains("Harbour") && !text.contains("Asthma"), "medical detail withheld:\n{text}");
    assert!(text.contains("(medical)") && text.contains("Lawyer"), "the rest stays:\n{text}");
    // The form shows it withheld; a save keeps what is stored.
    press(&mut app, "down down enter");
    assert_eq!(top(&app), Screen::Form);
    let form = screen_text(&mut app, 120, 40);
    assert!(!form.contains("Harbour") && !form.contains("Asthma"), "{form}");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let store = app.ctx.store_mut().unwrap();
    let as_night = haven::ops::services::of_case(store, case.id).unwrap();
    let m = as_night.iter().find(|s| s.body.kind == ServiceKind::MedicalCare).unwrap();
    assert!(m.body.note.is_empty(), "the operations never hand it to night");
    let mut overwrite = m.body.clone();
    overwrite.note = "changed by night".into();
    haven::ops::services::save(store, &overwrite, m.meta.revision).unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("anna", PASS.as_bytes()).unwrap();
    let kept = services(store, case.id).into_iter().find(|s| s.kind == ServiceKind::MedicalCare).unwrap();
    assert_eq!(kept.note, "Asthma follow-up");
    assert_eq!(kept.provider, haven::domain::service::Provider::Organisation(org));
}

#[test]
fn a_case_worker_with_medical_data_sees_and_edits_the_medical_provider_and_note() {
    let (_dir, mut store) = centre(Some(20));
    let case = new_case(&store, "Clinic");
    let org = organisation(&store, "Harbour Test Clinic");
    let mut medical = services(&store, case.id).into_iter().find(|s| s.kind == ServiceKind::MedicalCare).unwrap();
    medical.provider = haven::domain::service::Provider::Organisation(org);
    medical.note = "Asthma follow-up".into();
    haven::ops::services::save(&store, &medical, 1).unwrap();
    store.set_user("cora", "Cora", Role::CaseWorker, b"case worker pass").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("cora", b"case worker pass").unwrap();
    let mut app = app(store, Lang::En);
    open_file(&mut app, case.id);
    press(&mut app, "tab tab");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Harbour") && text.contains("Asthma"), "a case worker sees them:\n{text}");
    press(&mut app, "down down enter");
    assert_eq!(top(&app), Screen::Form);
    press(&mut app, "tab tab tab tab end");
    type_text(&mut app, ", inhaler at night");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    assert!(screen_text(&mut app, 120, 40).contains("Harbour Test Clinic"));
    // Saved as medical data: the detail record holds it, the item none.
    let store = app.ctx.store().unwrap();
    let item = services(store, case.id).into_iter().find(|s| s.kind == ServiceKind::MedicalCare).unwrap();
    assert_eq!(item.note, "Asthma follow-up, inhaler at night");
    let key = haven::store::record::case_scoped_key(case.id, item.id.as_bytes());
    let detail = store.get::<haven::domain::service_detail::ServiceDetail>(&key).unwrap().unwrap().body;
    assert_eq!(detail.note, item.note);
    let bare = store.get::<ServiceItem>(item.id.as_bytes()).unwrap().unwrap().body;
    assert_eq!((bare.note.as_str(), bare.provider), ("", haven::domain::service::Provider::Internal));
}

mod snapshots_night {
    use super::*;

    #[test]
    fn the_checklist_as_night_sees_it() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, mut store) = centre(Some(60));
            let case = by_code(&store, "MSK-26-0042");
            store.set_user("nightdesk", "Night Desk", Role::Night, b"night passphrase").unwrap();
            store.lock_session(AuditAction::Logout);
            store.login("nightdesk", b"night passphrase").unwrap();
            let mut app = app(store, lang);
            open_file(&mut app, case.id);
            press(&mut app, "tab tab");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("night_services_{}_{w}x{h}", lang.code()),
                    render(&mut app, w, h).backend()
                );
            }
        }
    }
}
