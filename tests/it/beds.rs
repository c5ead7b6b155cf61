#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The bed board driven by key scripts: check-in from a met pickup and
//! from the arrivals board, refusals that say why, transfer, check-out,
//! reservations, beds out of service, the rooms setup, and snapshots of the
//! board in English and Russian.

use crate::support;

use chrono::NaiveDate;
use haven::app::console::App;
use haven::domain::case::{CaseFront, CaseStatus};
use haven::domain::case_code::CaseCode;
use haven::domain::flight::FlightNumber;
use haven::domain::ids::{CaseId, PickupId, ServiceItemId};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::domain::pickup::{Needs, Pickup, PickupStatus};
use haven::domain::rooms::{Bed, Room, Wing};
use haven::domain::service::{ServiceItem, ServiceKind, ServiceStatus, checklist};
use haven::domain::stay::{Reservation, Stay, StayEndReason};
use haven::i18n::Lang;
use haven::keymap::Screen;
use haven::ops::beds::{self, Placement};
use haven::store::{AuditAction, AuditEntry, Store, new_id};
use support::*;

fn today() -> NaiveDate {
    now().date()
}

/// A room with `n` beds labelled `<name>A`…
fn room(store: &Store, name: &str, floor: i16, wing: Wing, n: u8) -> Vec<Bed> {
    let walk = beds::Snapshot::load(store, today()).unwrap().beds.len() as u32 * 10;
    let room = Room { id: new_id().unwrap(), name: name.into(), floor, wing, accessible: false, retired: false };
    let room = beds::save_room(store, room, today()).unwrap();
    (0..n)
        .map(|i| {
            let bed = Bed {
                id: new_id().unwrap(),
                room_id: room.id,
                label: format!("{name}{}", char::from(b'A' + i)),
                walk_order: walk + u32::from(i + 1) * 10,
                out_of_service: None,
                retired: false,
            };
            beds::save_bed(store, bed, today()).unwrap()
        })
        .collect()
}

/// A person who arrived today.
fn person(store: &Store, alias: &str, gender: Gender, age: u8) -> CaseId {
    let id: CaseId = new_id().unwrap();
    let services = checklist(id, || new_id::<ServiceItemId>().unwrap());
    let alias = alias.to_string();
    store
        .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            let seq = tx.next_case_seq(26)?;
            tx.put(CaseFront {
                id,
                code: CaseCode::new("MSK", 26, seq).unwrap(),
                alias: alias.clone(),
                gender,
                age: AgeBasis::Estimated { years: age, on: today() },
                age_group: AgeGroup::Unknown,
                languages: vec![],
                interpreter_needed: false,
                special_needs: String::new(),
                status: CaseStatus::Arrived,
                high_risk: false,
                arrived_on: None,
                worker: None,
            })?;
            for s in &services {
                tx.put(s.clone())?;
            }
            Ok(())
        })
        .unwrap();
    id
}

/// A pickup of `case` that reception has met at the airport this morning.
fn met_pickup(store: &Store, case: CaseId) -> PickupId {
    let at = |h, m| today().and_hms_opt(h, m, 0).unwrap();
    let p = Pickup {
        id: new_id().unwrap(),
        flight: FlightNumber::parse("SU 2101").unwrap(),
        origin: "DXB".into(),
        airport: "SVO".into(),
        terminal: Some("C".into()),
        scheduled: at(6, 10),
        estimated: None,
        actual: Some(at(6, 40)),
        meeting_point: "exit 3".into(),
        escort: None,
        recognition: "grey backpack".into(),
        needs: Needs::default(),
        case_id: Some(case),
        status: PickupStatus::Met,
        changes: vec![(PickupStatus::Met, at(6, 40))],
        reason: String::new(),
        met_effect: None,
        corrected: false,
        by: Default::default(),
    };
    store.commit(AuditEntry::new(AuditAction::Create, "pickup"), |tx| tx.put(p.clone()).map(|_| ())).unwrap();
    p.id
}

fn stays(app: &App) -> Vec<Stay> {
    app.ctx.store().unwrap().scan::<Stay>().unwrap().into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
}

fn front(app: &App, case: CaseId) -> CaseFront {
    app.ctx.store().unwrap().get::<CaseFront>(case.as_bytes()).unwrap().unwrap().body
}

fn housing(app: &App, case: CaseId) -> ServiceItem {
    let all = app.ctx.store().unwrap().scan::<ServiceItem>().unwrap();
    all.into_iter().map(|s| s.body).find(|s| s.case_id == case && s.kind == ServiceKind::TemporaryHousing).unwrap()
}

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

fn audit_len(app: &App) -> usize {
    app.ctx.store().unwrap().audit_events().unwrap().len()
}

/// Women's room 201 (two beds) on floor 2 and minors' room 301 (one bed) on
/// floor 3; Ayla (24) and Bea (31).
fn small_centre() -> (tempfile::TempDir, App, Vec<Bed>, Vec<Bed>, CaseId, CaseId) {
    let (dir, store) = centre(None);
    let women = room(&store, "201", 2, Wing::Women, 2);
    let minors = room(&store, "301", 3, Wing::Minors, 1);
    let ayla = person(&store, "Ayla", Gender::Feminine, 24);
    let bea = person(&store, "Bea", Gender::Feminine, 31);
    (dir, app(store, Lang::En), women, minors, ayla, bea)
}

#[test]
fn a_person_met_at_the_airport_is_offered_first_and_checked_in_in_four_keys() {
    let (_dir, mut app, women, _, _, bea) = small_centre();
    met_pickup(app.ctx.store().unwrap(), bea);
    press(&mut app, "F3 a");
    let text = screen_text(&mut app, 120, 40);
    let first = text.lines().find(|l| l.contains("MSK-26-")).unwrap();
    assert!(first.contains("Bea") && first.contains("met 06:40 SU 2101 SVO") && first.contains("✓"), "{text}");
    assert!(text.contains("Ayla"), "{text}");
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form);
    assert!(screen_text(&mut app, 80, 24).contains("201A"));
    press(&mut app, "ctrl-s");
    assert_eq!(top(&app), Screen::Beds);
    assert_eq!(app.status(), Some("MSK-26-0002 · Bea is in bed 201A."));
    let s = stays(&app);
    assert_eq!((s.len(), s[0].case_id, s[0].bed_id, s[0].from), (1, bea, women[0].id, today()));
    assert_eq!(front(&app, bea).status, CaseStatus::InResidence);
    assert_eq!(housing(&app, bea).status, ServiceStatus::InProgress);
    // The board shows her now.
    let board = screen_text(&mut app, 80, 24);
    assert!(board.contains("201A ● Bea") && board.contains("MSK-26-0002 0n"), "{board}");
}

#[test]
fn the_arrivals_board_offers_a_bed_through_assign_for() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    let offer = haven::screens::assign_bed(&app.ctx, ayla).expect("beds are built");
    app.push(offer);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("A bed for MSK-26-0001 · Ayla"), "{text}");
    // The women's beds fit and come first; the minors' bed says why not.
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(" · floor ")).collect();
    assert!(lines[0].contains("201A") && lines[0].contains("✓ fits"), "{text}");
    assert!(lines[2].contains("301A") && lines[2].contains("✗ Minors' wing: this person is 24."), "{text}");
    press(&mut app, "enter tab 1 0 . 1 2 . 2 0 2 6 ctrl-s");
    let s = stays(&app);
    assert_eq!((s.len(), s[0].bed_id), (1, women[0].id));
    assert_eq!(s[0].expected_until, NaiveDate::from_ymd_opt(2026, 12, 10));
}

#[test]
fn a_refused_assignment_shows_its_reason() {
    let (_dir, mut app, _, _, _, _) = small_centre();
    // End: the minors' bed, the last on the board.
    press(&mut app, "F3 end a");
    let list = screen_text(&mut app, 80, 24);
    assert!(list.contains("✗ Minors'"), "{list}");
    assert!(list.contains("Minors' wing: this person is 31. A manager may override with a reason."), "{list}");
    // A manager may go on: the form shows the rule and asks for a reason.
    press(&mut app, "enter");
    let form = screen_text(&mut app, 80, 24);
    assert!(form.contains("Minors' wing: this person is 31."), "{form}");
    press(&mut app, "ctrl-s");
    assert!(screen_text(&mut app, 80, 24).contains("Required"), "no reason, no override");
    assert!(stays(&app).is_empty());
    press(&mut app, "esc d");
    assert_eq!(top(&app), Screen::Beds);
}

#[test]
fn the_night_desk_sees_the_reason_and_cannot_override() {
    let (dir, store) = centre(None);
    room(&store, "301", 3, Wing::Minors, 1);
    person(&store, "Ayla", Gender::Feminine, 24);
    let mut store = store;
    store.set_user("nadia", "Nadia", haven::domain::user::Role::Night, b"night desk passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("nadia", b"night desk passphrase").unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F3 a enter");
    assert_eq!(top(&app), Screen::Beds, "no form for a refusal");
    assert_eq!(app.status(), Some("Minors' wing: this person is 24."));
    assert!(stays(&app).is_empty());
    drop(dir);
}

#[test]
fn a_manager_overrides_the_wing_rule_with_a_recorded_reason() {
    let (_dir, mut app, _, minors, _, bea) = small_centre();
    press(&mut app, "F3 end a");
    // Bea is the newest case, listed first; the form opens on the first
    // night, the reason is two fields down.
    press(&mut app, "enter tab tab");
    type_text(&mut app, "sister of a child in 301, one night");
    press(&mut app, "ctrl-s");
    let s = stays(&app);
    assert_eq!((s.len(), s[0].case_id, s[0].bed_id), (1, bea, minors[0].id));
    assert!(housing(&app, bea).note.contains("wing rule overridden (minors): sister of a child in 301, one night"));
    let events = app.ctx.store().unwrap().audit_events().unwrap();
    assert_eq!(events.last().unwrap().1.as_ref().unwrap().summary, "@check-in-override wing=#wing-minors");
}

#[test]
fn transfer_and_check_out_from_the_board() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from: today(), expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    press(&mut app, "F3 t");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Move MSK-26-0001 · Ayla to") && !text.contains("201A "), "{text}");
    press(&mut app, "enter ctrl-s");
    let s = stays(&app);
    assert_eq!(s.len(), 2);
    assert!(s.iter().any(|x| x.bed_id == women[0].id && x.end_reason == Some(StayEndReason::Transferred)));
    assert!(s.iter().any(|x| x.bed_id == women[1].id && x.is_open()));

    // Check out from 201B: departed today.
    press(&mut app, "right x");
    assert_eq!(top(&app), Screen::Form);
    press(&mut app, "ctrl-s");
    assert_eq!(app.status(), Some("MSK-26-0001 · Ayla is checked out."));
    assert!(stays(&app).iter().all(|s| !s.is_open()));
    assert_eq!(front(&app, ayla).status, CaseStatus::Departed);
    assert_eq!(housing(&app, ayla).status, ServiceStatus::Done);
}

#[test]
fn a_check_out_dated_before_the_check_in_is_refused_and_nothing_is_written() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    let from = today() - chrono::Days::new(2);
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from, expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    let before = audit_len(&app);
    // Tab past the reason to the date, clear it, type a day before the check-in.
    press(&mut app, "F3 x tab");
    press(&mut app, "ctrl-a");
    for _ in 0..12 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "25.11.2026");
    press(&mut app, "ctrl-s");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("The check-out date is before the check-in."), "{text}");
    assert_eq!(audit_len(&app), before, "nothing written");
    assert!(stays(&app)[0].is_open());
}

#[test]
fn a_person_who_already_has_a_bed_is_refused_with_the_reason() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from: today(), expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    let offer = haven::screens::assign_bed(&app.ctx, ayla).unwrap();
    app.push(offer);
    press(&mut app, "enter ctrl-s");
    assert!(screen_text(&mut app, 80, 24).contains("This person already has a bed: use transfer."));
    assert_eq!(stays(&app).len(), 1);
}

#[test]
fn reserve_a_bed_for_a_met_pickup_and_release_it_on_check_in() {
    let (_dir, mut app, women, _, _, bea) = small_centre();
    met_pickup(app.ctx.store().unwrap(), bea);
    // r on the free bed: choose who from the list (typing narrows it).
    press(&mut app, "F3 r enter");
    type_text(&mut app, "SU 2101");
    press(&mut app, "enter ctrl-s");
    assert_eq!(app.status(), Some("Bed 201A is reserved."));
    let board = screen_text(&mut app, 80, 24);
    assert!(board.contains("201A ◐ Bea") && board.contains("MSK-26-0002 06:10"), "{board}");
    // Someone else cannot take it; Bea can.
    press(&mut app, "a");
    let list = screen_text(&mut app, 120, 40);
    let ayla_line = list.lines().find(|l| l.contains("Ayla")).unwrap();
    assert!(ayla_line.contains("✗ This bed is reserved for so"), "{list}");
    let first = list.lines().find(|l| l.contains("MSK-26-")).unwrap();
    assert!(first.contains("Bea"), "the person it is held for comes first: {list}");
    press(&mut app, "enter ctrl-s");
    let held: Vec<Reservation> =
        app.ctx.store().unwrap().scan::<Reservation>().unwrap().into_iter().map(|r| r.body).collect();
    assert!(held.iter().all(|r| r.released), "checking in releases the reservation");
    assert_eq!(stays(&app)[0].bed_id, women[0].id);
}

#[test]
fn a_no_show_releases_the_reservation_made_for_the_pickup() {
    let (_dir, app, women, _, _, bea) = small_centre();
    let store = app.ctx.store().unwrap();
    let pickup = met_pickup(store, bea);
    beds::reserve(
        store,
        women[1].id,
        today(),
        haven::domain::placement::Holder { case: None, pickup: Some(pickup) },
        today(),
    )
    .unwrap();
    assert_eq!(beds::release_for_pickup(store, pickup).unwrap(), 1);
    let snap = beds::Snapshot::load(store, today()).unwrap();
    assert!(snap.holding(women[1].id, today()).is_none());
}

#[test]
fn a_bed_goes_out_of_service_and_back() {
    let (_dir, mut app, women, _, _, _) = small_centre();
    press(&mut app, "F3 o");
    type_text(&mut app, "broken frame");
    press(&mut app, "tab");
    type_text(&mut app, "+3d");
    press(&mut app, "ctrl-s");
    let board = screen_text(&mut app, 80, 24);
    assert!(board.contains("201A ✕ out of service") && board.contains("→4 Dec broken frame"), "{board}");
    let bed = |app: &App| app.ctx.store().unwrap().get::<Bed>(women[0].id.as_bytes()).unwrap().unwrap().body;
    assert!(!bed(&app).usable_on(today()));
    // Nobody can be given it meanwhile.
    press(&mut app, "a");
    assert_eq!(app.status(), Some("Out of service until 4 Dec 2026: broken frame."));
    press(&mut app, "o enter");
    assert!(bed(&app).usable_on(today()));
}

#[test]
fn rooms_and_beds_are_set_up_and_a_room_in_use_cannot_be_removed() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from: today(), expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    press(&mut app, "F3 R");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("2 rooms, 3 beds, 0 out of service"), "{text}");
    // A new room on floor 1 for men, then a bed in it.
    press(&mut app, "N");
    type_text(&mut app, "104");
    press(&mut app, "tab");
    press(&mut app, "backspace");
    type_text(&mut app, "1");
    press(&mut app, "tab");
    type_text(&mut app, "men");
    press(&mut app, "enter ctrl-s");
    assert_eq!(app.status(), Some("Room 104 saved."));
    press(&mut app, "home n ctrl-s");
    assert_eq!(app.status(), Some("Bed 104A saved."));
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("3 rooms, 4 beds"), "{text}");
    // Room 201 has Ayla in it: removing it is refused and nothing changes.
    let before = audit_len(&app);
    let row = text.lines().position(|l| l.contains("201 · Women")).unwrap() - 2;
    press(&mut app, &format!("home {} del enter", vec!["down"; row].join(" ")));
    assert_eq!(app.status(), Some("Someone is sleeping in this room: move them first."));
    assert_eq!(audit_len(&app), before);
}

/// A save made elsewhere (here straight into the store, as another screen
/// or sync would) shows after the next tick, under a clock that never
/// moves: the board and the rooms setup once watched the time of the last
/// save, which a fixed clock (or two saves in one millisecond) never changes.
#[test]
fn a_room_saved_elsewhere_shows_on_the_board_and_the_rooms_setup_after_the_next_tick() {
    let (_dir, mut app, ..) = small_centre();
    press(&mut app, "F3");
    assert!(!screen_text(&mut app, 120, 40).contains("105A"));
    room(app.ctx.store().unwrap(), "105", 1, Wing::Men, 1);
    app.tick();
    let board = screen_text(&mut app, 120, 40);
    assert!(board.contains("105A"), "{board}");
    press(&mut app, "R");
    assert!(screen_text(&mut app, 120, 40).contains("3 rooms, 4 beds"));
    room(app.ctx.store().unwrap(), "106", 1, Wing::Men, 1);
    app.tick();
    let setup = screen_text(&mut app, 120, 40);
    assert!(setup.contains("4 rooms, 5 beds") && setup.contains("106A"), "{setup}");
}

#[test]
fn filters_show_one_wing_or_only_free_beds() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from: today(), expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    press(&mut app, "F3 f");
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("201A") && text.contains("201B") && text.contains("301A"), "{text}");
    press(&mut app, "f w");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Filter: Women") && text.contains("201A") && !text.contains("301A"), "{text}");
}

mod snapshots {
    use super::*;

    fn lang_name(lang: Lang) -> &'static str {
        if lang == Lang::Ru { "ru" } else { "en" }
    }

    /// The demo centre: free, occupied, reserved and out-of-service beds on every floor.
    #[test]
    fn the_board_with_every_cell_state() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(60));
            let mut app = app(store, lang);
            press(&mut app, "F3");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("board_{}_{w}x{h}", lang_name(lang)), render(&mut app, w, h).backend());
            }
        }
    }
}

#[test]
fn a_bed_held_for_the_pickup_is_offered_first_when_the_person_reaches_the_centre() {
    let (_dir, mut app, women, _, _, bea) = small_centre();
    let store = app.ctx.store().unwrap();
    let pickup = met_pickup(store, bea);
    beds::reserve(
        store,
        women[1].id,
        today(),
        haven::domain::placement::Holder { case: None, pickup: Some(pickup) },
        today(),
    )
    .unwrap();
    let offer = haven::screens::assign_bed(&app.ctx, bea).unwrap();
    app.push(offer);
    let text = screen_text(&mut app, 120, 40);
    let first = text.lines().find(|l| l.contains(" · floor ")).unwrap();
    assert!(first.contains("201B") && first.contains("held for them"), "{text}");
    press(&mut app, "enter ctrl-s");
    assert_eq!(stays(&app)[0].bed_id, women[1].id);
}

#[test]
fn a_check_in_form_in_progress_survives_a_lock() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    press(&mut app, "F3 a");
    // Ayla is the second candidate (Bea is newer).
    press(&mut app, "down enter tab");
    type_text(&mut app, "20.12.2026");
    press(&mut app, "ctrl-l");
    type_text(&mut app, "anna");
    press(&mut app, "tab");
    type_text(&mut app, PASS);
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Form, "the form came back");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("MSK-26-0001 · Ayla") && text.contains("20.12.2026"), "{text}");
    press(&mut app, "ctrl-s");
    let s = stays(&app);
    assert_eq!(
        (s[0].case_id, s[0].bed_id, s[0].expected_until),
        (ayla, women[0].id, NaiveDate::from_ymd_opt(2026, 12, 20))
    );
}

#[test]
fn help_on_the_board_lists_its_real_keys() {
    let (_dir, mut app, _, _, _, _) = small_centre();
    press(&mut app, "F3 F1");
    let text = screen_text(&mut app, 120, 40);
    for want in ["Assign a bed", "Transfer to another bed", "Check out", "Out of service", "Only free beds", "New room"]
    {
        assert!(text.contains(want), "{want} missing in\n{text}");
    }
}

/// `e` on a free bed edits the bed plan, a manager's act: the help and the
/// hint bar do not offer it to the night shift (on an occupied bed it
/// extends the stay, which they may do).
#[test]
fn the_help_offers_edit_on_a_free_bed_to_a_manager_and_not_to_the_night_shift() {
    let (_dir, store) = centre(None);
    room(&store, "201", 2, Wing::Women, 2);
    let mut manager = app(store, Lang::En);
    press(&mut manager, "F3 F1");
    let text = screen_text(&mut manager, 120, 40);
    assert!(text.lines().any(|l| l.contains(" Edit")), "{text}");

    let (_dir, store) = centre(None);
    room(&store, "201", 2, Wing::Women, 2);
    let mut store = store;
    store.set_user("nadia", "Nadia", haven::domain::user::Role::Night, b"night desk passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("nadia", b"night desk passphrase").unwrap();
    let mut night = app(store, Lang::En);
    press(&mut night, "F3");
    assert!(!screen_text(&mut night, 120, 40).lines().last().unwrap_or_default().contains("Edit"));
    press(&mut night, "F1");
    let text = screen_text(&mut night, 120, 40);
    assert!(!text.lines().any(|l| l.contains(" Edit")), "{text}");
    press(&mut night, "esc e");
    assert_eq!(top(&night), Screen::Beds, "no bed form for the night shift");
}

#[test]
fn hostile_text_in_an_alias_or_a_label_is_drawn_inert() {
    let (dir, store) = centre(None);
    let beds = room(&store, "2\u{1b}[2J", 2, Wing::Women, 1);
    let who = person(&store, "Ev\u{1b}]0;pwned\u{7}e\u{202e}", Gender::Feminine, 30);
    beds::assign(
        &store,
        &Placement { case: who, bed: beds[0].id, from: today(), expected_until: None, override_reason: None },
        today(),
    )
    .unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F3");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Ev␛]0;pwned␇e\u{FFFD}") && text.contains("2␛[2JA"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    press(&mut app, "x");
    let form = screen_text(&mut app, 120, 40);
    assert!(!form.contains('\u{1b}') && form.contains("Ev␛]0;pwned␇e"), "{form}");
    press(&mut app, "esc F5");
    let walk = screen_text(&mut app, 120, 40);
    assert!(!walk.contains('\u{1b}') && walk.contains("Ev␛]0;pwned"), "{walk}");
    drop(dir);
}

#[test]
fn the_expected_departure_is_extended_from_the_board() {
    let (_dir, mut app, women, _, ayla, _) = small_centre();
    let from = today() - chrono::Days::new(10);
    let until = Some(today() - chrono::Days::new(1));
    beds::assign(
        app.ctx.store().unwrap(),
        &Placement { case: ayla, bed: women[0].id, from, expected_until: until, override_reason: None },
        today(),
    )
    .unwrap();
    press(&mut app, "F3 e");
    assert_eq!(top(&app), Screen::Form);
    press(&mut app, "ctrl-a");
    for _ in 0..12 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "20.11.2026");
    press(&mut app, "ctrl-s");
    assert!(screen_text(&mut app, 80, 24).contains("The expected departure is before the first night."));
    for _ in 0..12 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "+14d");
    press(&mut app, "ctrl-s");
    assert_eq!(app.status(), Some("Expected departure of MSK-26-0001 · Ayla saved."));
    assert_eq!(stays(&app)[0].expected_until, Some(today() + chrono::Days::new(14)));
}
