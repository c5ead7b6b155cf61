#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Airport arrivals driven through the real console: the board, pickups
//! created and changed with the keymap's own keys, the walk-in, the passport
//! zone, possible duplicates and bad input — each checked in the database —
//! and snapshots of the board and the form in English and Russian.

use crate::support;

use chrono::{NaiveDate, NaiveDateTime};
use haven::app::console::App;
use haven::domain::case::{CaseFront, CasePrivate, CaseStatus, DocumentKind};
use haven::domain::flight::FlightNumber;
use haven::domain::person::{AgeGroup, Gender};
use haven::domain::pickup::{Needs, Pickup, PickupStatus};
use haven::domain::service::{ServiceItem, ServiceKind, ServiceStatus};
use haven::domain::user::Role;
use haven::i18n::Lang;
use haven::keymap::Screen;
use haven::ops::arrivals::{self as ops, NewCase, Person, PickupDetails};
use haven::store::{AuditAction, Store};
use support::*;

const TD3: [&str; 2] = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

fn today() -> NaiveDate {
    now().date()
}

fn at(h: u32, m: u32) -> NaiveDateTime {
    today().and_hms_opt(h, m, 0).unwrap()
}

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

fn db(app: &App) -> &Store {
    app.ctx.store().unwrap()
}

fn pickups(store: &Store) -> Vec<Pickup> {
    store.scan::<Pickup>().unwrap().into_iter().map(|s| s.body).collect()
}

fn fronts(store: &Store) -> Vec<CaseFront> {
    store.scan::<CaseFront>().unwrap().into_iter().map(|s| s.body).collect()
}

fn reception_item(store: &Store, case: haven::domain::ids::CaseId) -> ServiceItem {
    store
        .scan::<ServiceItem>()
        .unwrap()
        .into_iter()
        .map(|s| s.body)
        .find(|i| i.case_id == case && i.kind == ServiceKind::AirportReception)
        .unwrap()
}

fn audit_len(store: &Store) -> usize {
    store.audit_events().unwrap().len()
}

fn last_audit(store: &Store) -> haven::store::AuditEvent {
    store.audit_events().unwrap().last().unwrap().1.clone().unwrap()
}

fn details(flight: &str, scheduled: NaiveDateTime) -> PickupDetails {
    PickupDetails {
        by: haven::domain::transport::Transport::Flight,
        flight: FlightNumber::parse(flight).unwrap(),
        origin: "IST".into(),
        airport: "SVO".into(),
        terminal: Some("C".into()),
        scheduled,
        meeting_point: "Exit 3".into(),
        escort: Some("anna".into()),
        recognition: "green scarf; word ORANGE".into(),
        needs: Needs::default(),
        case_id: None,
    }
}

fn new_case(alias: &str) -> NewCase {
    NewCase {
        alias: alias.into(),
        gender: Gender::Feminine,
        date_of_birth: None,
        age_group: AgeGroup::Adult,
        languages: vec!["uz".into()],
        interpreter_needed: true,
        mrz: None,
    }
}

/// Adds a reception user and logs in as them (front key only).
fn as_reception(store: &mut Store) {
    store.set_user("rita", "Rita R.", Role::Reception, b"reception passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("rita", b"reception passphrase").unwrap();
}

/// Types the fields of a new pickup for SU 2101 at SVO C, today 14:35, new person Lena.
fn fill_new_pickup(app: &mut App, time: &str) {
    type_text(app, "su2101");
    focus(app, "From (city or airport)");
    type_text(app, "IST");
    focus(app, "Arrival airport");
    press(app, "s enter");
    focus(app, "Terminal");
    press(app, "c enter");
    focus(app, "Scheduled arrival");
    type_text(app, time);
    focus(app, "Meeting point");
    type_text(app, "Exit 3, by the pharmacy");
    focus(app, "Recognition, code word");
    type_text(app, "green scarf, code word ORANGE");
    focus(app, "or new person: alias");
    type_text(app, "Lena");
    focus(app, "Gender");
    press(app, "f enter");
    focus(app, "Age group");
    press(app, "a enter");
}

#[test]
fn a_pickup_is_created_from_an_empty_board() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2");
    assert_eq!(top(&app), Screen::Arrivals);
    let empty = screen_text(&mut app, 80, 24);
    assert!(empty.contains("No pickups here"), "{empty}");
    press(&mut app, "n");
    assert_eq!(top(&app), Screen::Form);
    fill_new_pickup(&mut app, "14:35");
    let before = audit_len(db(&app));
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 80, 24));
    assert!(app.status().unwrap().contains("New case MSK-26-0001"), "{:?}", app.status());

    let s = db(&app);
    let all = pickups(s);
    assert_eq!(all.len(), 1);
    let p = &all[0];
    assert_eq!(p.flight.to_string(), "SU 2101", "typed su2101, stored normalised");
    assert_eq!((p.origin.as_str(), p.airport.as_str(), p.terminal.as_deref()), ("IST", "SVO", Some("C")));
    assert_eq!(p.scheduled, at(14, 35));
    assert_eq!(p.meeting_point, "Exit 3, by the pharmacy");
    assert_eq!(p.recognition, "green scarf, code word ORANGE");
    assert_eq!(p.status, PickupStatus::Scheduled);
    let cases = fronts(s);
    assert_eq!(cases.len(), 1);
    let c = &cases[0];
    assert_eq!((c.code.to_string().as_str(), c.alias.as_str()), ("MSK-26-0001", "Lena"));
    assert_eq!((c.gender, c.age_group, c.status), (Gender::Feminine, AgeGroup::Adult, CaseStatus::Expected));
    assert_eq!(p.case_id, Some(c.id));
    let items: Vec<ServiceItem> =
        s.scan::<ServiceItem>().unwrap().into_iter().map(|x| x.body).filter(|i| i.case_id == c.id).collect();
    assert_eq!(items.len(), 12, "the twelve-item checklist");
    assert!(s.get::<CasePrivate>(c.id.as_bytes()).unwrap().is_some(), "a manager's new case has its file");
    assert_eq!(audit_len(s), before + 1, "one audit event for the whole save");
    assert_eq!(last_audit(s).action, AuditAction::Create);

    let board = screen_text(&mut app, 80, 24);
    assert!(board.contains("SU 2101") && board.contains("Lena") && board.contains("MSK-26-0001"), "{board}");
    assert!(!board.contains("No pickups here"));
}

#[test]
fn marking_met_takes_one_key_on_the_board_and_updates_case_service_and_audit() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 n");
    fill_new_pickup(&mut app, "14:35");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals);
    let before = audit_len(db(&app));

    // From the board: one key. (From the dashboard: F2 and m, two keys.)
    let keys = "m";
    press(&mut app, keys);
    assert_eq!(keys.split_whitespace().count(), 1);

    let s = db(&app);
    let p = pickups(s).remove(0);
    assert_eq!(p.status, PickupStatus::Met);
    assert_eq!(p.actual, Some(now()), "met stamps the time");
    let c = fronts(s).remove(0);
    assert_eq!(c.status, CaseStatus::Arrived);
    assert_eq!(c.arrived_on, Some(today()));
    let item = reception_item(s, c.id);
    assert_eq!((item.status, item.done_on), (ServiceStatus::Done, Some(today())));
    assert_eq!(audit_len(s), before + 1, "exactly one audit event");
    let ev = last_audit(s);
    assert_eq!(
        (ev.action, ev.entity.as_str(), ev.summary.as_str()),
        (AuditAction::Update, "pickup", "@pickup-status status=#pickup-status-met")
    );
    assert_eq!(ev.case_code.as_deref(), Some("MSK-26-0001"));
    assert!(app.status().unwrap().contains("Met: Lena (MSK-26-0001) at 09:30"), "{:?}", app.status());

    // Twice is refused, not a second event.
    press(&mut app, "m");
    assert_eq!(audit_len(db(&app)), before + 1);
    assert!(app.status().unwrap().contains("Met"), "{:?}", app.status());
}

#[test]
fn from_the_dashboard_met_is_two_keys_on_a_full_demo_board() {
    let (_dir, store) = centre(Some(60));
    let mut app = app(store, Lang::En);
    let awaited_before = pickups(db(&app))
        .iter()
        .filter(|p| p.scheduled.date() == today() && p.status == PickupStatus::Scheduled)
        .count();
    assert!(awaited_before > 0, "the demo has pickups awaited today");
    let met_at_now = |app: &App| pickups(db(app)).into_iter().filter(|p| p.actual == Some(now())).collect::<Vec<_>>();
    let before = met_at_now(&app).len();
    press(&mut app, "F2 m");
    let met = met_at_now(&app);
    assert_eq!(met.len(), before + 1, "the cursor started on a person still awaited");
    // Demo cases were written without the reception index: the service is found all the same.
    if let Some(case) = met.iter().find_map(|p| p.case_id) {
        let front = db(&app).get::<CaseFront>(case.as_bytes()).unwrap().unwrap().body;
        assert!(matches!(front.status, CaseStatus::Arrived | CaseStatus::InResidence), "{:?}", front.status);
        assert_eq!(reception_item(db(&app), case).status, ServiceStatus::Done);
    }
}

#[test]
fn a_pickup_of_another_day_asks_before_marking_met() {
    let (_dir, store) = centre(None);
    let tomorrow = today().succ_opt().unwrap().and_hms_opt(6, 10, 0).unwrap();
    ops::create_pickup(&store, &details("HY 603", tomorrow), &Person::New(Box::new(new_case("Dina"))), now()).unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 T m");
    assert!(screen_text(&mut app, 80, 24).contains("Mark the person met now?"));
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Scheduled, "nothing before the answer");
    press(&mut app, "n");
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Scheduled);
    press(&mut app, "m y");
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Met);
}

#[test]
fn delayed_no_show_cancelled_and_at_centre_from_the_board() {
    let (_dir, store) = centre(None);
    for (flight, h) in [("SU 100", 11), ("SU 200", 12), ("SU 300", 13)] {
        ops::create_pickup(&store, &details(flight, at(h, 0)), &Person::New(Box::new(new_case(flight))), now())
            .unwrap();
    }
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 d");
    type_text(&mut app, "12:40");
    press(&mut app, "enter");
    let find = |app: &App, f: &str| pickups(db(app)).into_iter().find(|p| p.flight.to_string() == f).unwrap();
    let p = find(&app, "SU 100");
    assert_eq!((p.status, p.estimated), (PickupStatus::Delayed, Some(at(12, 40))));

    // A no-show needs a reason: Enter on an empty one keeps the question.
    press(&mut app, "down x enter");
    assert!(screen_text(&mut app, 80, 24).contains("Say what is known"));
    type_text(&mut app, "not on the passenger list");
    press(&mut app, "enter");
    let p = find(&app, "SU 200");
    assert_eq!((p.status, p.reason.as_str()), (PickupStatus::NoShow, "not on the passenger list"));

    press(&mut app, "down c");
    type_text(&mut app, "flight cancelled");
    press(&mut app, "enter");
    assert_eq!(find(&app, "SU 300").status, PickupStatus::Cancelled);

    // At the centre needs met first; then it closes the pickup.
    press(&mut app, "home a");
    assert!(app.status().unwrap().contains("mark the person met first"), "{:?}", app.status());
    press(&mut app, "m a");
    assert_eq!(find(&app, "SU 100").status, PickupStatus::AtCentre);
    // The bed board, once built, opens to assign a bed; until then the status line says so.
    if top(&app) == Screen::Arrivals {
        assert!(app.status().unwrap().contains("Arrived at the centre"), "{:?}", app.status());
    }
}

#[test]
fn the_cursor_stays_on_its_pickup_when_the_board_refreshes() {
    let (_dir, store) = centre(None);
    for (flight, h) in [("SU 100", 11), ("SU 200", 12)] {
        ops::create_pickup(&store, &details(flight, at(h, 0)), &Person::Unknown, now()).unwrap();
    }
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 down");
    // Someone else schedules an earlier flight: the rows move, the cursor does not.
    ops::create_pickup(db(&app), &details("SU 050", at(10, 0)), &Person::Unknown, now()).unwrap();
    app.tick();
    press(&mut app, "m");
    let met: Vec<String> =
        pickups(db(&app)).into_iter().filter(|p| p.status == PickupStatus::Met).map(|p| p.flight.to_string()).collect();
    assert_eq!(met, ["SU 200"]);
}

/// A pickup saved elsewhere shows after the next tick, under a clock that
/// never moves (the board once watched the time of the last save, which a
/// fixed clock never changes).
#[test]
fn a_pickup_saved_elsewhere_shows_on_the_board_after_the_next_tick() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2");
    assert!(screen_text(&mut app, 120, 40).contains("No pickups here"));
    ops::create_pickup(db(&app), &details("SU 777", at(10, 0)), &Person::Unknown, now()).unwrap();
    app.tick();
    let board = screen_text(&mut app, 120, 40);
    assert!(board.contains("SU 777") && !board.contains("No pickups here"), "{board}");
}

#[test]
fn views_show_tomorrow_the_week_and_every_open_pickup() {
    let (_dir, store) = centre(None);
    let day = |n: u64| today().checked_add_days(chrono::Days::new(n)).unwrap().and_hms_opt(9, 0, 0).unwrap();
    for (flight, when) in [("SU 1", day(0)), ("SU 2", day(1)), ("SU 3", day(6)), ("SU 4", day(9))] {
        ops::create_pickup(&store, &details(flight, when), &Person::Unknown, now()).unwrap();
    }
    let mut app = app(store, Lang::En);
    let shown = |app: &mut App| {
        let t = screen_text(app, 120, 40);
        ["SU 1 ", "SU 2 ", "SU 3 ", "SU 4 "].iter().map(|f| t.contains(f)).collect::<Vec<_>>()
    };
    press(&mut app, "F2");
    assert_eq!(shown(&mut app), [true, false, false, false]);
    press(&mut app, "T");
    assert_eq!(shown(&mut app), [false, true, false, false]);
    press(&mut app, "7");
    assert_eq!(shown(&mut app), [true, true, true, false]);
    press(&mut app, "*");
    assert_eq!(shown(&mut app), [true, true, true, true]);
    press(&mut app, "t right");
    assert_eq!(shown(&mut app), [false, true, false, false], "right steps to the next day");
}

#[test]
fn bad_input_is_named_under_its_field_and_nothing_is_saved() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 n");
    type_text(&mut app, "12345");
    focus(&mut app, "Arrival airport");
    press(&mut app, "s enter");
    focus(&mut app, "Terminal");
    press(&mut app, "a enter");
    focus(&mut app, "Scheduled arrival");
    type_text(&mut app, "25:00");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Flight (SU 2101), train, bus, car, foot or ?"), "{text}");
    assert!(text.contains("There is no such time"), "{text}");
    assert!(pickups(db(&app)).is_empty());

    // Fix the flight and the time (the focus is on the first field in error): now the terminal is wrong for SVO.
    for _ in 0..5 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "SU2101");
    focus(&mut app, "Scheduled arrival");
    for _ in 0..5 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "14:35");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("This airport has no such terminal"), "{text}");
    assert!(pickups(db(&app)).is_empty());

    // Terminal C, and a time already past: warned once, saved on the second Ctrl-S.
    press(&mut app, "c enter tab");
    for _ in 0..5 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "06:10");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("This time has already passed"), "{text}");
    assert!(pickups(db(&app)).is_empty());
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals);
    let p = pickups(db(&app)).remove(0);
    assert_eq!((p.scheduled, p.terminal.as_deref(), p.case_id), (at(6, 10), Some("C"), None));
}

#[test]
fn walk_in_in_five_fields_for_reception() {
    let (_dir, mut store) = centre(None);
    as_reception(&mut store);
    let def = haven::forms::arrivals_walkin::def(false, true);
    assert_eq!(def.fields.iter().filter(|f| f.required).count(), 5, "five fields");
    assert_eq!(def.fields.len(), 6, "and the optional passport zone, sealed for the case worker");
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    assert_eq!(top(&app), Screen::Form);
    let form = screen_text(&mut app, 80, 24);
    assert!(!form.contains("MRZ"), "reception without the case key sees no passport zone: {form}");
    type_text(&mut app, "Dina");
    focus(&mut app, "Gender");
    press(&mut app, "f enter");
    focus(&mut app, "Age group");
    press(&mut app, "m enter");
    focus(&mut app, "Flight");
    type_text(&mut app, "tk413");
    // Where is prefilled with the first place; choose VKO A.
    focus(&mut app, "Where");
    type_text(&mut app, "vko a");
    press(&mut app, "enter ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 80, 24));

    let s = db(&app);
    let c = fronts(s).remove(0);
    assert_eq!((c.alias.as_str(), c.status, c.age_group), ("Dina", CaseStatus::Arrived, AgeGroup::Minor));
    assert_eq!(c.arrived_on, Some(today()));
    let p = pickups(s).remove(0);
    assert_eq!((p.status, p.actual, p.case_id), (PickupStatus::Met, Some(now()), Some(c.id)));
    assert_eq!(
        (p.flight.to_string().as_str(), p.airport.as_str(), p.terminal.as_deref()),
        ("TK 413", "VKO", Some("A"))
    );
    assert!(p.needs.minor, "a minor is marked on the pickup");
    assert_eq!(reception_item(s, c.id).status, ServiceStatus::Done);
    assert!(s.get::<CasePrivate>(c.id.as_bytes()).is_err(), "reception cannot read case files");
    assert!(app.status().unwrap().contains("MSK-26-0001"), "{:?}", app.status());
}

#[test]
fn a_scanned_passport_zone_fills_the_case_file_and_a_document() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Anna");
    // Gender and age group come from the zone.
    focus(&mut app, "Flight");
    type_text(&mut app, "SU2101");
    focus(&mut app, "Passport / ID zone (MRZ)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, TD3[1]);
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    let s = db(&app);
    let c = fronts(s).remove(0);
    assert_eq!((c.gender, c.age_group), (Gender::Feminine, AgeGroup::Adult));
    let file = s.get::<CasePrivate>(c.id.as_bytes()).unwrap().unwrap().body;
    assert_eq!((file.family_name.as_str(), file.given_names.as_str()), ("Eriksson", "Anna Maria"));
    assert_eq!(file.date_of_birth, NaiveDate::from_ymd_opt(1974, 8, 12));
    assert_eq!(file.documents.len(), 1);
    assert_eq!((file.documents[0].kind, file.documents[0].number.as_str()), (DocumentKind::Passport, "L898902C3"));
    assert_eq!(file.documents[0].expires_on, NaiveDate::from_ymd_opt(2012, 4, 15));
}

#[test]
fn a_zone_with_a_wrong_check_digit_names_the_field_and_fills_nothing() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Anna");
    focus(&mut app, "Flight");
    type_text(&mut app, "SU2101");
    focus(&mut app, "Passport / ID zone (MRZ)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, &TD3[1].replace("7408122F", "7408123F"));
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Check digit of the date of birth does not match"), "{text}");
    assert_eq!(top(&app), Screen::Form);
    assert!(fronts(db(&app)).is_empty() && pickups(db(&app)).is_empty());
}

#[test]
fn a_possible_duplicate_is_shown_and_the_answer_decides_the_case() {
    let (_dir, store) = centre(None);
    ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Лена"))), now()).unwrap();
    let mut app = app(store, Lang::En);
    let walk_in = |app: &mut App| {
        press(app, "F2 w");
        type_text(app, "Lena");
        press(app, "tab f enter tab a enter tab");
        type_text(app, "SU2101");
        press(app, "ctrl-s");
    };
    walk_in(&mut app);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Possible duplicate") && text.contains("MSK-26-0001"), "{text}");
    assert_eq!(fronts(db(&app)).len(), 1, "nothing saved while asking");
    press(&mut app, "s");
    assert_eq!(top(&app), Screen::Arrivals);
    let s = db(&app);
    assert_eq!(fronts(s).len(), 1, "the same person: no second case");
    let c = fronts(s).remove(0);
    assert_eq!(c.status, CaseStatus::Arrived);
    let walked = pickups(s).into_iter().find(|p| p.flight.to_string() == "SU 2101").unwrap();
    assert_eq!(walked.case_id, Some(c.id));

    // Another walk-in answered "a different person" gets its own case.
    press(&mut app, "esc");
    walk_in(&mut app);
    press(&mut app, "n");
    assert_eq!(fronts(db(&app)).len(), 2);
}

#[test]
fn a_pickup_form_in_progress_comes_back_after_a_lock() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 n");
    type_text(&mut app, "su2101");
    press(&mut app, "ctrl-l");
    assert_eq!(top(&app), Screen::Login);
    type_text(&mut app, "anna");
    press(&mut app, "tab");
    type_text(&mut app, PASS);
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form);
    assert!(screen_text(&mut app, 80, 24).contains("su2101"));
}

#[test]
fn an_existing_case_is_found_by_typing_its_code() {
    let (_dir, store) = centre(None);
    let first = ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Dina"))), now())
        .unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 n");
    type_text(&mut app, "SU2137");
    focus(&mut app, "Arrival airport");
    press(&mut app, "s enter");
    focus(&mut app, "Terminal");
    press(&mut app, "c enter");
    focus(&mut app, "Scheduled arrival");
    type_text(&mut app, "+1d 06:10");
    // The case, by the digits of its code.
    focus(&mut app, "Existing case");
    type_text(&mut app, "0001");
    press(&mut app, "enter ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    let p = pickups(db(&app)).into_iter().find(|p| p.flight.to_string() == "SU 2137").unwrap();
    assert_eq!(p.case_id, first.case, "linked to the existing case, no new one");
    assert_eq!(p.scheduled, today().succ_opt().unwrap().and_hms_opt(6, 10, 0).unwrap(), "+1d 06:10");
    assert_eq!(fronts(db(&app)).len(), 1);
    let board = screen_text(&mut app, 80, 24);
    assert!(board.contains("Tomorrow") && board.contains("SU 2137"), "the board went to the pickup's day: {board}");
}

#[test]
fn an_unchanged_edit_writes_nothing_and_a_no_show_given_a_new_time_is_booked_again() {
    let (_dir, store) = centre(Some(20));
    let mut app = app(store, Lang::En);
    press(&mut app, "F2");
    let before = audit_len(db(&app));
    press(&mut app, "e");
    assert_eq!(top(&app), Screen::Form, "a demo pickup opens for editing");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    assert_eq!(audit_len(db(&app)), before, "nothing changed, nothing written");

    let s = db(&app);
    let saved = ops::create_pickup(s, &details("SU 9", at(7, 0)), &Person::Unknown, now()).unwrap();
    ops::mark_no_show(s, saved.pickup, "not on board", now()).unwrap();
    ops::update_pickup(s, saved.pickup, &details("SU 9", at(19, 0)), &Person::Unknown, now()).unwrap();
    let p = ops::pickup(s, saved.pickup).unwrap();
    assert_eq!((p.status, p.scheduled, p.reason.as_str()), (PickupStatus::Scheduled, at(19, 0), ""));
    let steps: Vec<PickupStatus> = p.changes.iter().map(|(s, _)| *s).collect();
    assert_eq!(steps, [PickupStatus::Scheduled, PickupStatus::NoShow, PickupStatus::Scheduled]);
}

#[test]
fn r_offers_a_bed_for_the_selected_pickup_before_leaving_the_airport() {
    let (_dir, store) = centre(Some(20));
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 r");
    // The bed board's reservation screen opens on top.
    assert_eq!(app.stack_tables().len(), 3, "{:?} {:?}", app.stack_tables(), app.status());
}

#[test]
fn the_vim_keymap_marks_met_with_the_same_key() {
    let (_dir, store) = centre(None);
    ops::create_pickup(&store, &details("SU 1", at(11, 0)), &Person::Unknown, now()).unwrap();
    ops::create_pickup(&store, &details("SU 2", at(12, 0)), &Person::Unknown, now()).unwrap();
    let mut app = app(store, Lang::En);
    app.ctx.keymap = haven::keymap::Keymap::builtin("vim").unwrap();
    press(&mut app, "F2 j m");
    let met: Vec<String> =
        pickups(db(&app)).into_iter().filter(|p| p.status == PickupStatus::Met).map(|p| p.flight.to_string()).collect();
    assert_eq!(met, ["SU 2"]);
}

mod snapshots {
    use super::*;

    fn lang_name(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Fr => "fr",
        }
    }

    /// A day at the airport: an overdue arrival, a delayed flight, one met,
    /// one still to come with needs, one without a case yet.
    fn busy_board() -> (tempfile::TempDir, Store) {
        let (dir, store) = centre(None);
        let mut overdue = details("SU 2101", at(6, 10));
        overdue.origin = "AYT".into();
        ops::create_pickup(&store, &overdue, &Person::New(Box::new(new_case("Lena"))), at(5, 0)).unwrap();
        let mut late = details("HY 603", at(8, 45));
        late.airport = "VKO".into();
        late.terminal = Some("A".into());
        late.origin = "TAS".into();
        let saved = ops::create_pickup(&store, &late, &Person::New(Box::new(new_case("Malika"))), at(5, 0)).unwrap();
        ops::mark_delayed(&store, saved.pickup, at(11, 40), at(7, 0)).unwrap();
        let mut early = details("TK 413", at(7, 20));
        early.airport = "DME".into();
        early.terminal = None;
        let saved = ops::create_pickup(&store, &early, &Person::New(Box::new(new_case("Oksana"))), at(5, 0)).unwrap();
        ops::mark_met(&store, saved.pickup, at(7, 55)).unwrap();
        let mut later = details("SU 1873", at(14, 35));
        later.terminal = Some("B".into());
        later.origin = "TAS".into();
        later.needs = Needs { wheelchair: true, medical: true, minor: true, interpreter: Some("uz".into()) };
        let mut minor = new_case("Gulnora");
        minor.age_group = AgeGroup::Minor;
        ops::create_pickup(&store, &later, &Person::New(Box::new(minor)), at(5, 0)).unwrap();
        ops::create_pickup(&store, &details("EK 131", at(18, 5)), &Person::Unknown, at(5, 0)).unwrap();
        (dir, store)
    }

    #[test]
    fn the_board_with_overdue_delayed_and_met_pickups() {
        for lang in [Lang::En, Lang::Ru] {
            for (w, h) in [(80, 24), (120, 40)] {
                let (_dir, store) = busy_board();
                let mut app = app(store, lang);
                press(&mut app, "F2");
                let shown = render(&mut app, w, h);
                if w >= 120 {
                    // A wide board names the interpreter's language whole (it was "Uzb…").
                    let text = format!("{}", shown.backend());
                    let whole = if lang == Lang::En { "Uzbek" } else { "узбекский" };
                    assert!(text.contains(whole), "{text}");
                }
                insta::assert_snapshot!(format!("board_{}_{w}x{h}", lang_name(lang)), shown.backend());
            }
        }
    }

    #[test]
    fn the_pickup_form() {
        for lang in [Lang::En, Lang::Ru] {
            for (w, h) in [(80, 24), (120, 40)] {
                let (_dir, store) = centre(None);
                let mut app = app(store, lang);
                press(&mut app, "F2 n");
                type_text(&mut app, "su2101");
                press(&mut app, "tab");
                type_text(&mut app, "AYT");
                press(&mut app, "tab s enter tab");
                insta::assert_snapshot!(format!("form_{}_{w}x{h}", lang_name(lang)), render(&mut app, w, h).backend());
            }
        }
    }

    #[test]
    fn the_form_with_errors_and_the_delay_prompt() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = busy_board();
            let mut app = app(store, lang);
            press(&mut app, "F2 n");
            type_text(&mut app, "12345");
            press(&mut app, "tab tab s enter tab a enter tab");
            type_text(&mut app, "25:00");
            press(&mut app, "ctrl-s");
            insta::assert_snapshot!(
                format!("form_errors_{}_80x24", lang_name(lang)),
                render(&mut app, 80, 24).backend()
            );
            press(&mut app, "esc d");
            press(&mut app, "down down d");
            insta::assert_snapshot!(
                format!("delay_prompt_{}_80x24", lang_name(lang)),
                render(&mut app, 80, 24).backend()
            );
        }
    }
}

#[test]
fn a_mistaken_met_is_undone_with_its_case_changes_and_audited() {
    let (dir, mut store) = centre(None);
    ops::create_pickup(&store, &details("SU 100", at(8, 0)), &Person::New(Box::new(new_case("Dina"))), now()).unwrap();
    as_reception(&mut store);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2");
    assert!(!screen_text(&mut app, 200, 24).contains("Undo"), "nothing to undo on a booking");
    // Delayed, then met by mistake: one key each, as before.
    press(&mut app, "d");
    type_text(&mut app, "09:00");
    press(&mut app, "enter m");
    let c = fronts(db(&app)).remove(0);
    assert_eq!((c.status, reception_item(db(&app), c.id).status), (CaseStatus::Arrived, ServiceStatus::Done));
    let hints = screen_text(&mut app, 200, 24);
    assert!(hints.contains("u Undo"), "the key is shown in the hints: {hints}");

    // u asks, naming the change; n leaves it.
    press(&mut app, "u");
    assert!(screen_text(&mut app, 100, 24).contains("Undo “Met” and go back to “Delayed”?"));
    press(&mut app, "n");
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Met);
    press(&mut app, "u y");
    let s = db(&app);
    let p = pickups(s).remove(0);
    assert_eq!((p.status, p.actual, p.estimated), (PickupStatus::Delayed, None, Some(at(9, 0))));
    let c = fronts(s).remove(0);
    assert_eq!((c.status, c.arrived_on), (CaseStatus::Expected, None), "the case is back as it was");
    let item = reception_item(s, c.id);
    assert_eq!((item.status, item.done_on), (ServiceStatus::NotAssessed, None), "the service too");
    assert!(app.status().unwrap().contains("Corrected"), "{:?}", app.status());

    // Reception corrects once; further back is for a manager or case worker.
    press(&mut app, "u");
    assert!(app.status().unwrap().contains("corrected once already"), "{:?}", app.status());
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Delayed);
    // m still marks met in one key after a correction.
    press(&mut app, "m");
    assert_eq!(pickups(db(&app))[0].status, PickupStatus::Met);

    // The manager reads who corrected what, and when.
    drop(app);
    let mut s = Store::open(dir.path()).unwrap();
    s.login("anna", PASS.as_bytes()).unwrap();
    let corrections: Vec<_> = s
        .audit_events()
        .unwrap()
        .into_iter()
        .filter_map(|(_, e)| e)
        .filter(|e| e.summary.starts_with("status corrected"))
        .collect();
    assert_eq!(corrections.len(), 1, "one audit event per correction");
    let ev = &corrections[0];
    assert_eq!(ev.summary, "status corrected: met undone, back to delayed");
    assert_eq!((ev.user.as_str(), ev.case_code.as_deref()), ("rita", Some("MSK-26-0001")));
    assert_eq!(ev.at.naive_utc(), now(), "when");
}

#[test]
fn a_manager_goes_back_through_every_change() {
    let (_dir, store) = centre(None);
    let saved =
        ops::create_pickup(&store, &details("SU 100", at(8, 0)), &Person::New(Box::new(new_case("Dina"))), now())
            .unwrap();
    ops::mark_met(&store, saved.pickup, now()).unwrap();
    ops::mark_at_centre(&store, saved.pickup, now()).unwrap();
    assert_eq!(ops::undo_status(&store, saved.pickup).unwrap().status, PickupStatus::Met);
    assert_eq!(fronts(&store)[0].status, CaseStatus::Arrived, "undoing at-centre leaves the meeting");
    assert_eq!(ops::undo_status(&store, saved.pickup).unwrap().status, PickupStatus::Scheduled);
    assert_eq!(fronts(&store)[0].status, CaseStatus::Expected);
    assert!(ops::undo_status(&store, saved.pickup).is_err(), "the booking itself stays");
    assert_eq!(last_audit(&store).user, "anna");
}

#[test]
fn same_person_at_a_walk_in_meets_the_booked_pickup_instead_of_adding_a_row() {
    let (_dir, store) = centre(None);
    let booked =
        ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Лена"))), now())
            .unwrap();
    ops::create_pickup(&store, &details("SU 2", at(10, 0)), &Person::New(Box::new(new_case("Dina"))), now()).unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Lena");
    press(&mut app, "tab f enter tab a enter tab");
    type_text(&mut app, "SU2101");
    press(&mut app, "ctrl-s");
    assert!(screen_text(&mut app, 80, 24).contains("Possible duplicate"));
    press(&mut app, "s");
    assert_eq!(top(&app), Screen::Arrivals);
    let s = db(&app);
    let all = pickups(s);
    assert_eq!(
        all.len(),
        2,
        "the same arrival is one row: {:?}",
        all.iter().map(|p| p.flight.to_string()).collect::<Vec<_>>()
    );
    let p = all.into_iter().find(|p| p.id == booked.pickup).unwrap();
    assert_eq!((p.status, p.actual, p.case_id), (PickupStatus::Met, Some(now()), booked.case));
    assert_eq!(p.flight.to_string(), "SU 2101", "the flight the person came on");
    assert_eq!(fronts(s).iter().find(|c| Some(c.id) == booked.case).unwrap().status, CaseStatus::Arrived);
    // The board counts two arrivals, one met.
    let board = screen_text(&mut app, 120, 30);
    assert!(board.contains("Met 1") && board.contains("Scheduled 1"), "{board}");
}

/// Opens the form for a new document of `case` over its file.
fn new_document_form(app: &mut App, case: haven::domain::ids::CaseId) {
    let s = db(app);
    let front = s.get::<CaseFront>(case.as_bytes()).unwrap().unwrap().body;
    let file = s.get::<CasePrivate>(case.as_bytes()).unwrap();
    let form = haven::forms::case_document::screen(&app.ctx, &front, file.as_ref(), None);
    app.push(Box::new(form));
}

fn documents_of(app: &App, case: haven::domain::ids::CaseId) -> Vec<String> {
    let file = db(app).get::<CasePrivate>(case.as_bytes()).unwrap().unwrap().body;
    file.documents.into_iter().map(|d| d.number).collect()
}

#[test]
fn a_document_number_of_another_case_is_flagged_and_a_second_copy_in_one_case_refused() {
    let (_dir, store) = centre(None);
    let new = |alias: &str| {
        ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case(alias))), now())
            .unwrap()
            .case
            .unwrap()
    };
    let (first, second) = (new("Dina"), new("Vera"));
    let mut app = app(store, Lang::En);
    let add = |app: &mut App, case, number: &str| {
        new_document_form(app, case);
        focus(app, "Number");
        type_text(app, number);
        press(app, "ctrl-s");
    };
    add(&mut app, first, "AB 1234567");
    assert_eq!(documents_of(&app, first), ["AB 1234567"]);

    // The same number in another case: flagged before the save, naming that case.
    add(&mut app, second, "ab1234567");
    let text = screen_text(&mut app, 160, 40);
    assert!(text.contains("also held by MSK-26-0001 (Dina)"), "{text}");
    assert_eq!(top(&app), Screen::Form);
    assert!(documents_of(&app, second).is_empty(), "nothing saved on the flag");
    // Seen and confirmed: Ctrl-S again saves it.
    press(&mut app, "ctrl-s");
    assert_ne!(top(&app), Screen::Form, "{}", screen_text(&mut app, 160, 40));
    assert_eq!(documents_of(&app, second), ["ab1234567"]);

    // A second copy within one case is refused, however often Ctrl-S is pressed.
    add(&mut app, first, "AB-1234567");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 160, 40);
    assert!(text.contains("already in this case file"), "{text}");
    assert_eq!(documents_of(&app, first), ["AB 1234567"]);
}

#[test]
fn a_passport_read_at_the_gate_whose_number_another_case_holds_is_flagged_before_the_save() {
    let (_dir, store) = centre(None);
    let vera = ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Vera"))), now())
        .unwrap()
        .case
        .unwrap();
    let mut file = store.get::<CasePrivate>(vera.as_bytes()).unwrap().unwrap();
    file.body.documents.push(haven::domain::case::Document {
        kind: DocumentKind::Passport,
        number: "L898902C3".into(),
        issuing_country: None,
        issued_on: None,
        expires_on: None,
        location: haven::domain::case::DocumentLocation::WithPerson,
    });
    haven::ops::cases::save_private(&store, &file.body, file.meta.revision).unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Anna");
    focus(&mut app, "Flight");
    type_text(&mut app, "SU2101");
    focus(&mut app, "Passport / ID zone (MRZ)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, TD3[1]);
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Possible duplicate") && text.contains("same document number"), "{text}");
    assert!(text.contains("MSK-26-0001"), "{text}");
    assert_eq!(fronts(db(&app)).len(), 1, "nothing saved while asking");
}

#[test]
fn a_walk_in_by_train_needs_no_flight_and_the_board_shows_it() {
    let (_dir, mut store) = centre(None);
    as_reception(&mut store);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 w");
    type_text(&mut app, "Dina");
    focus(&mut app, "Gender");
    press(&mut app, "f enter");
    focus(&mut app, "Age group");
    press(&mut app, "a enter");
    focus(&mut app, "Flight");
    type_text(&mut app, "train");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    let p = pickups(db(&app)).remove(0);
    assert_eq!(p.by, haven::domain::transport::Transport::Train);
    assert_eq!((p.status, p.flight.to_string().as_str()), (PickupStatus::Met, ""));
    let board = screen_text(&mut app, 120, 30);
    assert!(board.contains("Train") && board.contains("Dina"), "{board}");
}

#[test]
fn a_walk_in_with_neither_a_flight_nor_a_known_word_says_what_to_type() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::Ru);
    press(&mut app, "F2 w");
    type_text(&mut app, "Dina");
    press(&mut app, "tab f enter tab a enter tab");
    type_text(&mut app, "самолёт");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 160, 40);
    assert!(text.contains("Рейс (SU 2101), поезд, автобус, машина, пешком"), "{text}");
    assert!(pickups(db(&app)).is_empty());
    // "пешком" is a way of coming: saved without a flight.
    press(&mut app, "backspace backspace backspace backspace backspace backspace backspace");
    type_text(&mut app, "пешком");
    press(&mut app, "ctrl-s");
    assert_eq!(pickups(db(&app)).remove(0).by, haven::domain::transport::Transport::OnFoot);
}

#[test]
fn a_pickup_by_bus_is_booked_and_edited_without_a_flight() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 n");
    fill_new_pickup(&mut app, "14:35");
    focus(&mut app, "Flight");
    press(&mut app, "ctrl-u");
    let text = screen_text(&mut app, 120, 40);
    if text.contains("su2101") {
        press(&mut app, "backspace backspace backspace backspace backspace backspace");
    }
    type_text(&mut app, "автобус");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    let p = pickups(db(&app)).remove(0);
    assert_eq!((p.by, p.flight.to_string().as_str()), (haven::domain::transport::Transport::Bus, ""));
    assert!(screen_text(&mut app, 120, 30).contains("Bus"));
    // Edit: the field reads back the way; another field changes, the way stays.
    press(&mut app, "e");
    focus(&mut app, "Meeting point");
    type_text(&mut app, ", gate 2");
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Arrivals, "{}", screen_text(&mut app, 120, 40));
    let p = pickups(db(&app)).remove(0);
    assert_eq!(p.by, haven::domain::transport::Transport::Bus);
    assert!(p.meeting_point.ends_with("gate 2"), "{}", p.meeting_point);
}

#[test]
fn undoing_a_walk_in_of_a_new_person_leaves_the_case_expected() {
    let (_dir, store) = centre(None);
    let flight = FlightNumber::parse("SU 2101").unwrap();
    let saved = ops::walk_in(
        &store,
        (haven::domain::transport::Transport::Flight, Some(&flight)),
        "SVO",
        Some("C"),
        &Person::New(Box::new(new_case("Dina"))),
        now(),
    )
    .unwrap();
    let case = saved.case.unwrap();
    assert_eq!(fronts(&store)[0].status, CaseStatus::Arrived);
    let p = ops::undo_status(&store, saved.pickup).unwrap();
    assert_eq!(p.status, PickupStatus::Scheduled);
    let c = fronts(&store).remove(0);
    assert_eq!((c.status, c.arrived_on), (CaseStatus::Expected, None));
    assert_eq!(reception_item(&store, case).status, ServiceStatus::NotAssessed);
}

#[test]
fn a_zone_shows_what_it_will_fill_and_what_differs_before_it_writes() {
    let (_dir, store) = centre(None);
    let case = ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Vera"))), now())
        .unwrap()
        .case
        .unwrap();
    let mut file = store.get::<CasePrivate>(case.as_bytes()).unwrap().unwrap();
    file.body.family_name = "Тестова".into();
    file.body.date_of_birth = NaiveDate::from_ymd_opt(1980, 1, 2);
    haven::ops::cases::save_private(&store, &file.body, file.meta.revision).unwrap();
    let mut app = app(store, Lang::En);
    new_document_form(&mut app, case);
    focus(&mut app, "Machine-readable zone (optional)");
    type_text(&mut app, TD3[0]);
    press(&mut app, "enter");
    type_text(&mut app, TD3[1]);
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("The zone will fill"), "{text}");
    assert!(text.contains("≠ Name: Eriksson Anna Maria (now: Тестова)"), "{text}");
    assert!(text.contains("≠ Date of birth: 12 Aug 1974 (now: 2 Jan 1980)"), "{text}");
    assert!(text.contains("  Number: L898902C3") && text.contains("  Document: Passport"), "{text}");
    assert!(text.contains("  Sex: F") && text.contains("  Nationality: UTO"), "{text}");
    assert!(documents_of(&app, case).is_empty(), "nothing written before the preview is seen");
    press(&mut app, "ctrl-s");
    assert_ne!(top(&app), Screen::Form, "{}", screen_text(&mut app, 120, 40));
    assert_eq!(documents_of(&app, case), ["L898902C3"]);
    let file = db(&app).get::<CasePrivate>(case.as_bytes()).unwrap().unwrap().body;
    assert_eq!((file.family_name.as_str(), file.date_of_birth), ("Тестова", NaiveDate::from_ymd_opt(1980, 1, 2)));
}

#[test]
fn an_identity_card_zone_records_an_id_card_not_a_passport() {
    const TD1: [&str; 3] =
        ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
    let (_dir, store) = centre(None);
    let case = ops::create_pickup(&store, &details("SU 1", at(8, 0)), &Person::New(Box::new(new_case("Vera"))), now())
        .unwrap()
        .case
        .unwrap();
    let mut app = app(store, Lang::En);
    new_document_form(&mut app, case);
    focus(&mut app, "Machine-readable zone (optional)");
    for (i, line) in TD1.iter().enumerate() {
        if i > 0 {
            press(&mut app, "enter");
        }
        type_text(&mut app, line);
    }
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("≠ Document: ID card (now: Passport)"), "the form said passport: {text}");
    press(&mut app, "ctrl-s");
    let file = db(&app).get::<CasePrivate>(case.as_bytes()).unwrap().unwrap().body;
    assert_eq!((file.documents[0].kind, file.documents[0].number.as_str()), (DocumentKind::IdCard, "D23145890"));
}
