#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A passport zone at the gate (issue 17): reception types it on the
//! walk-in, the database keeps it only sealed to the case class's public
//! key (no name or number anywhere in the files), a reception session
//! cannot open it, and a case worker applies it to the file through the
//! zone preview, after which the sealed copy is gone. Snapshots of the
//! gate field and of the case worker's offer, in English and Russian.

use crate::support;
use crate::sync_common;

use haven::app::console::App;
use haven::domain::case::{CaseFront, CasePrivate, DocumentKind};
use haven::domain::gate_zone::GateZone;
use haven::domain::ids::CaseId;
use haven::domain::user::Role;
use haven::i18n::Lang;
use haven::keymap::Screen;
use haven::store::vault::Header;
use haven::store::{AuditAction, Store, StoreError};
use support::*;

/// The ICAO 9303 specimen (a made-up person), as typed at the gate.
const TD3: [&str; 2] = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

fn db(app: &App) -> &Store {
    app.ctx.store().unwrap()
}

fn users(store: &mut Store) {
    store.set_user("rita", "Rita R.", Role::Reception, b"reception passphrase").unwrap();
    store.set_user("cora", "Cora C.", Role::CaseWorker, b"case worker passphrase").unwrap();
    store.set_user("nick", "Nick N.", Role::Night, b"night passphrase 1").unwrap();
}

fn login(store: &mut Store, who: &str) {
    let pass: &[u8] = match who {
        "rita" => b"reception passphrase",
        "cora" => b"case worker passphrase",
        _ => PASS.as_bytes(),
    };
    store.lock_session(AuditAction::Logout);
    store.login(who, pass).unwrap();
}

/// Every byte of every file of the centre folder.
fn folder_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if let Ok(b) = std::fs::read(&p) {
                out.extend_from_slice(&b);
            }
        }
    }
    out
}

fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Reception registers a walk-in with the zone typed in; returns the case.
fn walk_in_with_zone(app: &mut App) -> CaseId {
    press(app, "F2 w");
    type_text(app, "Dina");
    focus(app, "Gender");
    press(app, "f enter");
    focus(app, "Age group");
    press(app, "a enter");
    focus(app, "Flight");
    type_text(app, "tk413");
    focus(app, "Passport zone (sealed)");
    type_text(app, TD3[0]);
    press(app, "enter");
    type_text(app, TD3[1]);
    press(app, "ctrl-s");
    assert_eq!(top(app), Screen::Arrivals, "{}", screen_text(app, 120, 40));
    db(app).scan::<CaseFront>().unwrap().remove(0).body.id
}

#[test]
fn reception_seals_a_zone_at_the_gate_that_only_a_case_worker_opens_and_applies() {
    let (dir, mut store) = centre(None);
    users(&mut store);
    login(&mut store, "rita");
    let mut app = app(store, Lang::En);
    let case = walk_in_with_zone(&mut app);
    let shown = screen_text(&mut app, 240, 40);
    assert!(shown.contains("Passport zone sealed: a passport, check digits valid."), "{shown}");
    assert!(!shown.contains("ERIKSSON") && !shown.contains("L898902C3"), "reception is not shown the zone: {shown}");

    // Nothing of the zone in the clear: not the record, not a file, not the front part.
    let s = db(&app);
    assert!(s.gate_zone_waiting(case).unwrap());
    let front = s.get::<CaseFront>(case.as_bytes()).unwrap().unwrap().body;
    assert_eq!(front.alias, "Dina");
    let files = folder_bytes(dir.path());
    for needle in [&b"ERIKSSON"[..], b"Eriksson", b"L898902C3", b"UTOERIKSSON"] {
        assert!(!holds(&files, needle), "{} found in the centre's files", String::from_utf8_lossy(needle));
    }
    let sealed = s.get::<GateZone>(case.as_bytes()).unwrap().unwrap();
    assert!(!holds(&sealed.body.sealed, b"ERIKSSON"));
    assert_eq!(sealed.meta.created_by, "rita");
    // A reception session cannot open it, whatever the screen does.
    assert!(matches!(s.open_gate_zone(case), Err(StoreError::Forbidden(_))));

    // Reception's view of the file says only that it is there, sealed.
    let screen = haven::screens::case_file(&app.ctx, case).unwrap();
    app.push(screen);
    let theirs = screen_text(&mut app, 120, 40);
    assert!(
        theirs.contains("Passport zone entered at the gate by rita on 1 Dec 2026: sealed for the case worker."),
        "{theirs}"
    );
    press(&mut app, "esc");

    // The case worker opens the file: the zone is offered, and applied through the preview.
    login(app.ctx.store_mut().unwrap(), "cora");
    let opened = db(&app).open_gate_zone(case).unwrap().unwrap();
    assert_eq!(opened.zone.as_str(), format!("{}\n{}", TD3[0], TD3[1]));
    assert_eq!(opened.entered_by, "rita");
    let screen = haven::screens::case_file(&app.ctx, case).unwrap();
    app.push(screen);
    let file = screen_text(&mut app, 80, 24);
    assert!(file.contains("Passport zone entered at the gate by rita"), "{file}");
    press(&mut app, "down enter");
    assert_eq!(top(&app), Screen::Form, "{}", screen_text(&mut app, 120, 40));
    press(&mut app, "ctrl-s");
    let preview = screen_text(&mut app, 120, 60);
    assert!(preview.contains("Name: Eriksson Anna Maria") && preview.contains("L898902C3"), "the preview: {preview}");
    assert_eq!(top(&app), Screen::Form, "nothing is written before the preview was seen");
    assert!(db(&app).get::<CasePrivate>(case.as_bytes()).unwrap().is_none());
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::CaseFile, "{}", screen_text(&mut app, 120, 40));
    let s = db(&app);
    let p = s.get::<CasePrivate>(case.as_bytes()).unwrap().unwrap().body;
    assert_eq!((p.family_name.as_str(), p.given_names.as_str()), ("Eriksson", "Anna Maria"));
    assert_eq!(p.documents.len(), 1);
    assert_eq!((p.documents[0].kind, p.documents[0].number.as_str()), (DocumentKind::Passport, "L898902C3"));
    assert!(!s.gate_zone_waiting(case).unwrap(), "the sealed copy is removed once applied");
    assert_eq!(s.open_gate_zone(case).unwrap().map(|z| z.entered_by), None);
    let after = screen_text(&mut app, 80, 24);
    assert!(!after.contains("entered at the gate"), "{after}");
    // The History tab says who entered it and who applied it, not what it held.
    press(&mut app, "shift-tab");
    let history = screen_text(&mut app, 120, 40);
    assert!(history.contains("rita · Passport zone entered at the gate · created"), "{history}");
    assert!(history.contains("cora · Passport zone entered at the gate · deleted"), "{history}");
    assert!(!history.contains("sealed") && !history.contains("ERIKSSON"), "{history}");
    // The audit chain names who entered it and what became of it, never what it holds.
    login(app.ctx.store_mut().unwrap(), "anna");
    let summaries: Vec<String> =
        db(&app).audit_events().unwrap().into_iter().filter_map(|(_, e)| e).map(|e| e.summary).collect();
    assert!(summaries.iter().any(|s| s == "passport zone entered at the gate by rita"), "{summaries:?}");
    assert!(summaries.iter().any(|s| s == "passport zone entered at the gate by rita applied"), "{summaries:?}");
    assert!(!summaries.iter().any(|s| s.contains("ERIKSSON") || s.contains("L898902C3")));
}

#[test]
fn a_zone_with_a_wrong_check_digit_is_refused_at_the_gate() {
    let (_dir, mut store) = centre(None);
    users(&mut store);
    login(&mut store, "rita");
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Dina");
    focus(&mut app, "Gender");
    press(&mut app, "f enter");
    focus(&mut app, "Age group");
    press(&mut app, "a enter");
    focus(&mut app, "Flight");
    type_text(&mut app, "tk413");
    focus(&mut app, "Passport zone (sealed)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, &TD3[1].replace("7408122F", "7408123F"));
    press(&mut app, "ctrl-s");
    let shown = screen_text(&mut app, 120, 40);
    assert_eq!(top(&app), Screen::Form);
    assert!(shown.contains("Check digit of the date of birth does not match"), "{shown}");
    assert!(db(&app).scan::<GateZone>().unwrap().is_empty());
}

#[test]
fn a_case_worker_may_dismiss_the_zone_and_the_sealed_copy_goes() {
    let (_dir, mut store) = centre(None);
    users(&mut store);
    login(&mut store, "rita");
    let mut app = app(store, Lang::En);
    let case = walk_in_with_zone(&mut app);
    // Night staff cannot open it either.
    let s = app.ctx.store_mut().unwrap();
    s.lock_session(AuditAction::Logout);
    s.login("nick", b"night passphrase 1").unwrap();
    assert!(matches!(s.open_gate_zone(case), Err(StoreError::Forbidden(_))));
    assert!(matches!(haven::ops::arrivals::gate::dismiss_zone(s, case), Err(StoreError::Forbidden(_))));
    login(s, "cora");
    let screen = haven::screens::case_file(&app.ctx, case).unwrap();
    app.push(screen);
    press(&mut app, "down delete");
    let shown = screen_text(&mut app, 120, 24);
    assert!(shown.contains("Passport zone from the gate dismissed"), "{shown}");
    assert!(!db(&app).gate_zone_waiting(case).unwrap());
    assert!(db(&app).get::<CasePrivate>(case.as_bytes()).unwrap().is_none(), "nothing written to the file");
}

#[test]
fn a_centre_made_before_gets_the_public_key_at_a_case_workers_login() {
    let (dir, mut store) = centre(None);
    users(&mut store);
    drop(store);
    let mut h = Header::read(dir.path()).unwrap();
    h.case_seal = None;
    h.write(dir.path()).unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.login("rita", b"reception passphrase").unwrap();
    assert!(!store.gate_seal_ready());
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("Passport zone: not available yet"), "{form}");
    press(&mut app, "esc");
    login(app.ctx.store_mut().unwrap(), "cora");
    let set = Header::read(dir.path()).unwrap().case_seal;
    assert!(set.is_some(), "a case worker's login gives the header the public key");
    // A forged key put in its place is put back at the next case-key login.
    let mut h = Header::read(dir.path()).unwrap();
    h.case_seal = Some([9u8; 32]);
    h.write(dir.path()).unwrap();
    drop(app);
    let mut store = Store::open(dir.path()).unwrap();
    store.login("cora", b"case worker passphrase").unwrap();
    assert_eq!(Header::read(dir.path()).unwrap().case_seal, set);
    assert_eq!(store.header().case_seal, set);
}

#[test]
fn snapshots_of_the_gate_field_and_the_offer() {
    for lang in [Lang::En, Lang::Ru] {
        let name = if lang == Lang::En { "en" } else { "ru" };
        let (_dir, mut store) = centre(None);
        users(&mut store);
        login(&mut store, "rita");
        let mut app = app(store, lang);
        press(&mut app, "F2 w");
        type_text(&mut app, "Dina");
        for _ in 0..5 {
            press(&mut app, "tab");
        }
        type_text(&mut app, TD3[0]);
        insta::assert_snapshot!(format!("gate_field_{name}_80x24"), render(&mut app, 80, 24).backend());
        press(&mut app, "esc");
        let case = booked(db(&app));
        haven::ops::arrivals::gate::keep_zone(db(&app), case, &TD3.join("\n")).unwrap();
        login(app.ctx.store_mut().unwrap(), "cora");
        let screen = haven::screens::case_file(&app.ctx, case).unwrap();
        app.push(screen);
        press(&mut app, "down");
        insta::assert_snapshot!(format!("gate_offer_{name}_80x24"), render(&mut app, 80, 24).backend());
    }
}

#[test]
fn a_reception_draft_never_holds_the_zone() {
    let (dir, mut store) = centre(None);
    users(&mut store);
    login(&mut store, "rita");
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Dina");
    focus(&mut app, "Passport zone (sealed)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, TD3[1]);
    // Quit keeping the form as a draft (sealed under the front key for reception).
    press(&mut app, "ctrl-q enter");
    assert!(app.should_quit());
    let store = app.ctx.store_mut().unwrap();
    store.login("rita", b"reception passphrase").unwrap();
    let draft = store.load_draft().unwrap().expect("the form is kept as a draft");
    assert!(holds(&draft, b"Dina"), "the rest of the form is kept");
    assert!(!holds(&draft, b"ERIKSSON") && !holds(&draft, b"L898902C3"), "the zone is not");
    let files = folder_bytes(dir.path());
    assert!(!holds(&files, b"ERIKSSON") && !holds(&files, b"L898902C3"));
}

#[test]
fn a_sealed_zone_travels_to_another_laptop_and_goes_with_an_erasure() {
    use haven::store::Record;
    let a = sync_common::first_laptop();
    let mut b = sync_common::join(&a, "desk");
    let hub = haven::sync::memhub::MemoryHub::new();
    let mut case = sync_common::new_case("Swallow");
    sync_common::put(a.s(), case.clone());
    haven::ops::arrivals::gate::keep_zone(a.s(), case.id, &TD3.join("\n")).unwrap();
    let mut a = a;
    for l in [&mut a, &mut b] {
        let mut h = hub.handle(l.s().header().installation);
        haven::sync::hub::sync(l.store(), &mut h).unwrap();
    }
    // The other laptop carries it and opens it with the same case key.
    let there = b.s().open_gate_zone(case.id).unwrap().expect("the zone travelled");
    assert_eq!(there.zone.as_str(), TD3.join("\n"));
    // An erased person's zone goes too, here and there.
    case.status = haven::domain::case::CaseStatus::Closed;
    sync_common::put(a.s(), case.clone());
    haven::ops::access::erase_case(a.store(), case.id).unwrap();
    for _ in 0..2 {
        for l in [&mut a, &mut b] {
            let mut h = hub.handle(l.s().header().installation);
            haven::sync::hub::sync(l.store(), &mut h).unwrap();
        }
    }
    for l in [&a, &b] {
        assert!(l.s().get::<GateZone>(&case.key()).unwrap().is_none(), "the zone stayed");
        assert!(l.s().check().unwrap().ok(), "{:?}", l.s().check().unwrap().problems);
    }
}

/// A pickup booked today at 09:30 for a new person, Dina; returns her case.
fn booked(s: &Store) -> CaseId {
    let new = haven::ops::arrivals::NewCase {
        alias: "Dina".into(),
        gender: haven::domain::person::Gender::Feminine,
        date_of_birth: None,
        age_group: haven::domain::person::AgeGroup::Adult,
        languages: vec![],
        interpreter_needed: false,
        mrz: None,
    };
    let details = haven::ops::arrivals::PickupDetails {
        by: haven::domain::transport::Transport::Flight,
        flight: haven::domain::flight::FlightNumber::parse("TK413").unwrap(),
        origin: String::new(),
        airport: "SVO".into(),
        terminal: Some("C".into()),
        scheduled: now(),
        meeting_point: String::new(),
        escort: None,
        recognition: String::new(),
        needs: Default::default(),
        case_id: None,
    };
    let person = haven::ops::arrivals::Person::New(Box::new(new));
    haven::ops::arrivals::create_pickup(s, &details, &person, now()).unwrap().case.unwrap()
}

#[test]
fn reception_enters_the_zone_on_the_pickup_of_a_booked_person() {
    let (dir, mut store) = centre(None);
    users(&mut store);
    login(&mut store, "rita");
    let case = booked(&store);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 e");
    assert_eq!(top(&app), Screen::Form, "{}", screen_text(&mut app, 120, 40));
    focus(&mut app, "Passport zone (sealed)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, TD3[1]);
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    assert!(screen_text(&mut app, 240, 40).contains("Passport zone sealed: a passport, check digits valid."));
    assert!(db(&app).gate_zone_waiting(case).unwrap());
    let files = folder_bytes(dir.path());
    assert!(!holds(&files, b"ERIKSSON") && !holds(&files, b"L898902C3"));
    login(app.ctx.store_mut().unwrap(), "cora");
    assert_eq!(db(&app).open_gate_zone(case).unwrap().unwrap().zone.as_str(), TD3.join("\n"));
}
