#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The night roll-call driven by key scripts: one key per bed, Backspace to
//! take a mark back, Ctrl-S to finish and see the discrepancies; re-runs
//! update the same night; the dashboard keeps the absentees.

use crate::support;

use chrono::NaiveDate;
use haven::app::console::App;
use haven::domain::case::{CaseFront, CaseStatus};
use haven::domain::case_code::CaseCode;
use haven::domain::ids::{BedId, CaseId, ServiceItemId};
use haven::domain::night::{NightCheck, NightMark};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::domain::rooms::{Bed, Room, Wing};
use haven::domain::service::checklist;
use haven::i18n::Lang;
use haven::keymap::{Screen, parse_script};
use haven::ops::beds::{self, Placement};
use haven::store::{AuditAction, AuditEntry, Store, new_id};
use support::*;

fn today() -> NaiveDate {
    now().date()
}

/// Rooms of four beds in one wing, `beds` in all, walked in order.
fn rooms(store: &Store, wing: Wing, prefix: &str, beds: usize) -> Vec<Bed> {
    let mut out = Vec::new();
    let mut walk = beds::Snapshot::load(store, today()).unwrap().beds.len() as u32 * 10;
    for r in 0..beds.div_ceil(4) {
        let room = Room {
            id: new_id().unwrap(),
            name: format!("{prefix}{:02}", r + 1),
            floor: 1 + (r / 5) as i16,
            wing,
            accessible: false,
            retired: false,
        };
        let room = beds::save_room(store, room, today()).unwrap();
        for b in 0..4.min(beds - r * 4) {
            walk += 10;
            let bed = Bed {
                id: new_id().unwrap(),
                room_id: room.id,
                label: format!("{}{}", room.name, char::from(b'A' + b as u8)),
                walk_order: walk,
                out_of_service: None,
                retired: false,
            };
            out.push(beds::save_bed(store, bed, today()).unwrap());
        }
    }
    out
}

/// `n` adult women with aliases `W01`…, arrived today.
fn people(store: &Store, n: usize) -> Vec<CaseId> {
    (0..n)
        .map(|i| {
            let id: CaseId = new_id().unwrap();
            let services = checklist(id, || new_id::<ServiceItemId>().unwrap());
            store
                .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
                    let seq = tx.next_case_seq(26)?;
                    tx.put(CaseFront {
                        id,
                        code: CaseCode::new("MSK", 26, seq).unwrap(),
                        alias: format!("W{:02}", i + 1),
                        gender: Gender::Feminine,
                        age: AgeBasis::Estimated { years: 25 + (i % 20) as u8, on: today() },
                        age_group: AgeGroup::Adult,
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
        })
        .collect()
}

fn house(store: &Store, who: &[CaseId], beds: &[Bed]) {
    let from = today() - chrono::Days::new(3);
    for (c, b) in who.iter().zip(beds) {
        beds::assign(
            store,
            &Placement { case: *c, bed: b.id, from, expected_until: None, override_reason: None },
            today(),
        )
        .unwrap();
    }
}

fn checks(app: &App) -> Vec<NightCheck> {
    app.ctx.store().unwrap().scan::<NightCheck>().unwrap().into_iter().map(|s| s.body).collect()
}

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

/// A centre with 44 beds: 40 occupied, every fifth bed of the walk left free.
fn forty_in_bed() -> (tempfile::TempDir, App, Vec<Bed>) {
    let (dir, store) = centre(None);
    let all = rooms(&store, Wing::Women, "2", 44);
    let occupied: Vec<Bed> = all.iter().enumerate().filter(|(i, _)| i % 11 != 5).map(|(_, b)| b.clone()).collect();
    assert_eq!(occupied.len(), 40);
    let who = people(&store, 40);
    house(&store, &who, &occupied);
    (dir, app(store, Lang::En), occupied)
}

#[test]
fn a_roll_call_of_forty_occupied_beds_takes_forty_two_keys() {
    let (_dir, mut app, occupied) = forty_in_bed();
    let script = format!("F5 {} ctrl-s", vec!["p"; 40].join(" "));
    let keys = parse_script(&script).unwrap();
    assert_eq!(keys.len(), 42, "F5, one key per occupied bed, Ctrl-S");
    for k in keys {
        app.handle_key(k);
    }
    let saved = checks(&app);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].marks.len(), 40, "one mark per occupied bed");
    assert!(saved[0].marks.iter().all(|m| m.mark == NightMark::Present && m.case_id.is_some()));
    let marked: Vec<BedId> = saved[0].marks.iter().map(|m| m.bed_id).collect();
    assert!(occupied.iter().all(|b| marked.contains(&b.id)), "the free beds were skipped");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("40 / 40") && text.contains("No discrepancies"), "{text}");
}

#[test]
fn running_the_roll_call_again_the_same_night_updates_it() {
    let (_dir, mut app, occupied) = forty_in_bed();
    press(&mut app, &format!("F5 a {} ctrl-s esc", vec!["p"; 39].join(" ")));
    assert_eq!(top(&app), Screen::Dashboard);
    // The absent person comes back: the desk walks again, only to her bed.
    press(&mut app, "F5");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("Already walked tonight") && text.contains("40 / 40"), "{text}");
    press(&mut app, "home p ctrl-s");
    let saved = checks(&app);
    assert_eq!(saved.len(), 1, "never a second roll-call for the night");
    assert_eq!(saved[0].marks.len(), 40, "never a second mark for a bed");
    let first = saved[0].marks.iter().find(|m| m.bed_id == occupied[0].id).unwrap();
    assert_eq!(first.mark, NightMark::Present);
}

#[test]
fn backspace_takes_back_the_previous_mark() {
    let (_dir, mut app, occupied) = forty_in_bed();
    press(&mut app, "F5 a backspace p ctrl-s");
    let saved = checks(&app);
    assert_eq!(saved[0].marks.len(), 1);
    assert_eq!(saved[0].marks[0].bed_id, occupied[0].id);
    assert_eq!(saved[0].marks[0].mark, NightMark::Present);
}

#[test]
fn marks_that_do_not_fit_the_bed_are_refused_with_a_reason() {
    let (_dir, mut app, _) = forty_in_bed();
    press(&mut app, "F5 u");
    assert!(app.status().unwrap().contains("Someone should be in this bed"));
    // The sixth bed of the walk is free.
    press(&mut app, "down down down down down p");
    assert!(app.status().unwrap().contains("Nobody should be in this bed"));
    press(&mut app, "u ctrl-s");
    let saved = checks(&app);
    assert_eq!(saved[0].marks[0].mark, NightMark::UnknownPerson);
    assert_eq!(saved[0].marks[0].case_id, None);
}

/// A store clock that moves a millisecond per reading, so that each save
/// is newer than the last (the dashboard reloads when the last save changes).
fn ticking(app: &mut App) {
    use chrono::TimeZone;
    let n = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(1));
    let base = chrono::Utc.from_utc_datetime(&now());
    app.ctx.store_mut().unwrap().set_clock(std::sync::Arc::new(move || {
        base + chrono::Duration::milliseconds(n.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }));
}

#[test]
fn the_dashboard_keeps_the_absentees_until_they_are_back() {
    let (_dir, mut app, _) = forty_in_bed();
    ticking(&mut app);
    press(&mut app, &format!("F5 a {} ctrl-s esc", vec!["p"; 39].join(" ")));
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("1 absent at the roll-call of 1 Dec 2026") && text.contains("W01"), "{text}");
    press(&mut app, "F5 home p ctrl-s esc");
    let text = screen_text(&mut app, 120, 40);
    assert!(!text.contains("absent at the roll-call"), "{text}");
}

#[test]
fn leaving_a_walk_with_marks_asks_first() {
    let (_dir, mut app, _) = forty_in_bed();
    press(&mut app, "F5 p p esc");
    assert_eq!(top(&app), Screen::Night, "asked, not left");
    assert!(screen_text(&mut app, 80, 24).contains("Leave the roll-call?"));
    press(&mut app, "esc");
    assert_eq!(top(&app), Screen::Night, "kept walking");
    press(&mut app, "esc enter");
    assert_eq!(top(&app), Screen::Dashboard);
    assert!(checks(&app).is_empty(), "nothing saved");
}

#[test]
fn a_walk_in_progress_survives_a_lock() {
    let (_dir, mut app, _) = forty_in_bed();
    press(&mut app, "F5 p a p ctrl-l");
    type_text(&mut app, "anna");
    press(&mut app, "tab");
    type_text(&mut app, PASS);
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::Night);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("3 / 40"), "{text}");
    press(&mut app, "ctrl-s");
    assert_eq!(checks(&app)[0].marks.len(), 3);
}

/// A night with something of every kind for the morning shift.
fn eventful_night() -> (tempfile::TempDir, App) {
    let (dir, store) = centre(None);
    let all = rooms(&store, Wing::Women, "1", 8);
    let who = people(&store, 6);
    house(&store, &who[..4], &all[..4]);
    // W04 was expected to leave yesterday.
    let late = beds::Snapshot::load(&store, today()).unwrap().open_stay_of(who[3]).unwrap().clone();
    let mut extended = late.clone();
    extended.expected_until = Some(today() - chrono::Days::new(1));
    store.commit(AuditEntry::new(AuditAction::Update, "stay"), |tx| tx.put(extended.clone()).map(|_| ())).unwrap();
    // W06 is expected tonight in bed 5, not yet arrived.
    beds::reserve(
        &store,
        all[5].id,
        today(),
        haven::domain::placement::Holder { case: Some(who[5]), pickup: None },
        today(),
    )
    .unwrap();
    (dir, app(store, Lang::En))
}

#[test]
fn finishing_lists_absent_unknown_ended_and_unfilled() {
    let (_dir, mut app) = eventful_night();
    // Beds 1–4 occupied; 5 free; 6 reserved; 7, 8 free.
    press(&mut app, "F5 p a l p down u ctrl-s");
    let text = screen_text(&mut app, 120, 40);
    for want in [
        "4 discrepancies",
        "Absent without leave: 101B · W02",
        "Unknown person in 102A",
        "Stay ended 30 Nov 2026: 101D · W04",
        "Reserved for tonight, not checked in: 102B · W06",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

mod snapshots {
    use super::*;

    fn lang_name(lang: Lang) -> &'static str {
        if lang == Lang::Ru { "ru" } else { "en" }
    }

    #[test]
    fn the_roll_call_walking_and_its_discrepancies() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store_app) = eventful_night();
            let mut app = store_app;
            app.ctx.i18n = haven::i18n::I18n::new(lang);
            press(&mut app, "F5 p a");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("night_walk_{}_{w}x{h}", lang_name(lang)),
                    render(&mut app, w, h).backend()
                );
            }
            press(&mut app, "l p down u ctrl-s");
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(
                    format!("night_discrepancies_{}_{w}x{h}", lang_name(lang)),
                    render(&mut app, w, h).backend()
                );
            }
        }
    }
}
