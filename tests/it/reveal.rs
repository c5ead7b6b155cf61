#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Revealing a legal name: the reveal key shows exactly the name of the
//! person the cursor is on, and the audit chain records exactly the reveals
//! that reached the screen — one event per name shown, none for a name not
//! shown — with search active or not, under every status filter, and while
//! the list is read again under the cursor (a save from elsewhere, the rows
//! arriving from their thread). The case file is held to the same promise.

use crate::support;

use std::time::{Duration, Instant};

use haven::app::console::App;
use haven::domain::case::{CaseFront, CasePrivate, CaseStatus};
use haven::domain::user::Role;
use haven::i18n::Lang;
use haven::screens::cases::PENDING_MARK;
use haven::store::{AuditAction, AuditEntry, Store};
use ratatui::style::Modifier;
use support::*;

const W: u16 = 120;
const H: u16 = 40;
const WORKER: &str = "casework";
const WORKER_PASS: &[u8] = b"case worker passphrase";

/// A demo centre of 60 cases, a case worker logged in.
fn case_worker() -> (tempfile::TempDir, App) {
    let (dir, mut store) = centre(Some(60));
    store.set_user(WORKER, "Case Worker", Role::CaseWorker, WORKER_PASS).unwrap();
    store.lock_session(AuditAction::Logout);
    store.login(WORKER, WORKER_PASS).unwrap();
    (dir, app(store, Lang::En))
}

/// What a user sees after a while: the rows read, the search answered, the
/// screen drawn again (the console never waits; tests do).
fn settle(app: &mut App) {
    wait_for_background(app);
    let start = Instant::now();
    loop {
        app.tick();
        let text = screen_text(app, W, H);
        if !text.contains(PENDING_MARK) && !app.waiting() {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "search never answered:\n{text}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Presses keys one at a time, the screen drawn after each as a user sees it.
fn keys(app: &mut App, script: &str) {
    for k in script.split_whitespace() {
        press(app, k);
        screen_text(app, W, H);
    }
}

/// The case code on the highlighted row of the case list, if any.
fn highlighted(app: &mut App) -> Option<String> {
    let t = render(app, W, H);
    let buf = t.backend().buffer();
    // Title, filter line and column titles come first; hints and status last.
    (3..H - 3).find(|&y| buf[(0, y)].modifier.contains(Modifier::REVERSED)).map(|y| {
        let line: String = (0..W).map(|x| buf[(x, y)].symbol().to_string()).collect();
        line.split_whitespace().next().unwrap_or_default().to_string()
    })
}

/// Codes of the cases whose names the case worker's reveals recorded,
/// oldest first, read from the store by the manager (the case worker may
/// not read the chain), then the case worker is back.
fn reveals(app: &mut App) -> Vec<String> {
    let store = app.ctx.store_mut().unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("anna", PASS.as_bytes()).unwrap();
    let events = store.audit_events().unwrap();
    store.lock_session(AuditAction::Logout);
    store.login(WORKER, WORKER_PASS).unwrap();
    events
        .into_iter()
        .filter_map(|(_, e)| e)
        .filter(|e| e.action == AuditAction::RevealName && e.user == WORKER)
        .map(|e| e.case_code.unwrap_or_default())
        .collect()
}

fn front_by_code(store: &Store, code: &str) -> CaseFront {
    store.scan::<CaseFront>().unwrap().into_iter().map(|s| s.body).find(|f| f.code.to_string() == code).unwrap()
}

/// The legal name of the case with `code`, as the store holds it.
fn legal_name(app: &App, code: &str) -> String {
    let store = app.ctx.store().unwrap();
    let f = front_by_code(store, code);
    store.get::<CasePrivate>(f.id.as_bytes()).unwrap().unwrap().body.full_name()
}

/// The name shown at the bottom of the list, if one is.
fn shown_name(app: &mut App) -> Option<String> {
    let text = screen_text(app, W, H);
    text.lines().find_map(|l| l.trim().strip_prefix("Legal name:").map(|n| n.trim().to_string()))
}

/// The name shown belongs to the highlighted case, and is its full legal name.
fn assert_shows_selected(app: &mut App) -> String {
    let code = highlighted(app).expect("a row is highlighted");
    let name = legal_name(app, &code);
    let shown = shown_name(app).unwrap_or_else(|| panic!("no name shown for {code}:\n{}", screen_text(app, W, H)));
    assert!(shown == name || shown.starts_with(&format!("{name} · ")), "{code}: shown {shown:?}, legal {name:?}");
    code
}

/// A new case saved as if from another screen or laptop (synthetic alias).
fn save_case_elsewhere(app: &App, alias: &str) {
    let draft = case_draft(alias, None);
    haven::ops::cases::create_case(app.ctx.store().unwrap(), &draft, now().date()).unwrap();
}

#[test]
fn the_reveal_shows_and_records_the_person_chosen_in_a_search_under_the_all_filter() {
    let (_dir, mut app) = case_worker();
    // F4, / yulia, Esc, s until the filter is All, Down twice, r.
    keys(&mut app, "F4");
    settle(&mut app);
    keys(&mut app, "/");
    type_text(&mut app, "yulia");
    settle(&mut app);
    keys(&mut app, "esc s s s s s s");
    assert!(screen_text(&mut app, W, H).contains("found"), "the search is still shown");
    keys(&mut app, "down down");
    let chosen = highlighted(&mut app).unwrap();
    keys(&mut app, "r");
    settle(&mut app);
    assert_eq!(highlighted(&mut app).as_deref(), Some(chosen.as_str()), "the cursor stays on the person chosen");
    assert_eq!(assert_shows_selected(&mut app), chosen);
    assert_eq!(reveals(&mut app), vec![chosen.clone()], "one event, for the name shown");
    // The key again hides the name: nothing more is shown, nothing recorded.
    keys(&mut app, "r");
    settle(&mut app);
    assert_eq!(shown_name(&mut app), None);
    assert_eq!(highlighted(&mut app).as_deref(), Some(chosen.as_str()));
    assert_eq!(reveals(&mut app), vec![chosen]);
}

#[test]
fn under_every_filter_with_and_without_search_the_reveal_is_the_highlighted_person_and_recorded_once() {
    let (_dir, mut app) = case_worker();
    keys(&mut app, "F4");
    settle(&mut app);
    let mut expected = Vec::new();
    for search in [None, Some("yulia"), Some("a")] {
        if let Some(q) = search {
            keys(&mut app, "/");
            type_text(&mut app, q);
            settle(&mut app);
            keys(&mut app, "esc");
        }
        // Seven filters: Active, the four statuses, Closed, All.
        for filter in 0..7 {
            keys(&mut app, "home");
            let Some(first) = highlighted(&mut app) else {
                // Nothing listed: the key reveals nothing and records nothing.
                keys(&mut app, "r");
                settle(&mut app);
                assert_eq!(shown_name(&mut app), None);
                assert_eq!(reveals(&mut app), expected, "{search:?} filter {filter}");
                keys(&mut app, "s");
                continue;
            };
            for moves in ["", "down down", "end"] {
                keys(&mut app, moves);
                keys(&mut app, "r");
                settle(&mut app);
                let code = assert_shows_selected(&mut app);
                expected.push(code.clone());
                assert_eq!(reveals(&mut app), expected, "{search:?} filter {filter} {moves:?}");
                // Moving off hides the name; coming back shows it only on the key.
                keys(&mut app, "home");
                settle(&mut app);
                if highlighted(&mut app) != Some(code) {
                    assert_eq!(shown_name(&mut app), None, "the name leaves with the cursor");
                } else {
                    keys(&mut app, "r");
                    assert_eq!(shown_name(&mut app), None, "the key hides the name again");
                }
                assert_eq!(reveals(&mut app), expected);
            }
            assert_eq!(highlighted(&mut app).as_deref(), Some(first.as_str()), "{search:?} filter {filter}");
            keys(&mut app, "s");
        }
        if search.is_some() {
            keys(&mut app, "esc");
            settle(&mut app);
        }
    }
    // "My cases": the case worker holds none of the demo's; nothing to reveal.
    keys(&mut app, "m r");
    assert!(screen_text(&mut app, W, H).contains("0 cases"));
    assert_eq!(shown_name(&mut app), None);
    assert_eq!(reveals(&mut app), expected);
    eprintln!("{} reveals, each the highlighted person, each recorded once", expected.len());
    assert!(expected.len() >= 20, "the demo gives rows under most filters: {}", expected.len());
}

#[test]
fn a_save_from_elsewhere_reads_the_list_again_and_the_name_stays_with_its_person() {
    let (_dir, mut app) = case_worker();
    keys(&mut app, "F4");
    settle(&mut app);
    // Without search, All filter: the new case goes to the top and shifts every row.
    keys(&mut app, "s s s s s s down down");
    keys(&mut app, "r");
    settle(&mut app);
    let chosen = assert_shows_selected(&mut app);
    save_case_elsewhere(&app, "Arrived meanwhile");
    app.tick();
    screen_text(&mut app, W, H);
    settle(&mut app);
    assert!(screen_text(&mut app, W, H).contains("Arrived meanwhile"), "the list was read again");
    assert_eq!(highlighted(&mut app).as_deref(), Some(chosen.as_str()));
    assert_eq!(assert_shows_selected(&mut app), chosen);
    assert_eq!(reveals(&mut app), vec![chosen.clone()], "reading the list again reveals nothing");

    // With search: the index is rebuilt and the query answered again; the
    // cursor and the name stay with the person.
    keys(&mut app, "r /");
    type_text(&mut app, "yulia");
    settle(&mut app);
    keys(&mut app, "esc down");
    keys(&mut app, "r");
    settle(&mut app);
    let second = assert_shows_selected(&mut app);
    save_case_elsewhere(&app, "Yulia Alias");
    app.tick();
    settle(&mut app);
    assert_eq!(highlighted(&mut app).as_deref(), Some(second.as_str()));
    assert_eq!(assert_shows_selected(&mut app), second);
    assert_eq!(reveals(&mut app), vec![chosen, second.clone()]);

    // The revealed person leaves the filter (closed on another laptop): the
    // name leaves the screen with them, and no one else's name appears.
    let store = app.ctx.store().unwrap();
    let mut f = front_by_code(store, &second);
    f.status = CaseStatus::Closed;
    store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(f.clone()).map(|_| ())).unwrap();
    keys(&mut app, "s");
    assert!(screen_text(&mut app, W, H).contains("yulia"), "the search is still on");
    app.tick();
    settle(&mut app);
    let now_on = highlighted(&mut app);
    assert_ne!(now_on.as_deref(), Some(second.as_str()));
    assert_eq!(shown_name(&mut app), None, "{}", screen_text(&mut app, W, H));
    assert_eq!(reveals(&mut app).len(), 2);
}

#[test]
fn a_reveal_while_the_rows_are_read_is_the_person_drawn_under_the_cursor() {
    let (_dir, mut app) = case_worker();
    // The key comes before the list's thread has read anything: whatever
    // is drawn under the cursor then is what the key reveals, or nothing.
    press(&mut app, "F4 r");
    let early = reveals(&mut app);
    settle(&mut app);
    match early.first() {
        None => assert_eq!(shown_name(&mut app), None),
        Some(code) => {
            assert_eq!(&assert_shows_selected(&mut app), code);
            keys(&mut app, "r");
        }
    }
    assert_eq!(shown_name(&mut app), None);
    // A save elsewhere: the list is read again on its thread; the keys come
    // while the old rows are on screen, the new rows arrive after them.
    for round in 0..5 {
        save_case_elsewhere(&app, &format!("Meanwhile {round}"));
        app.tick();
        keys(&mut app, "down");
        let drawn = highlighted(&mut app).unwrap();
        press(&mut app, "r");
        assert_eq!(reveals(&mut app).last(), Some(&drawn), "the reveal is of the row drawn under the key");
        settle(&mut app);
        assert_eq!(highlighted(&mut app).as_deref(), Some(drawn.as_str()), "the rows arrived under the cursor");
        assert_eq!(assert_shows_selected(&mut app), drawn);
        keys(&mut app, "r");
    }
    assert_eq!(reveals(&mut app).len(), early.len() + 5, "one event per name shown");
}

#[test]
fn the_case_file_reveals_its_own_person_once_per_showing_also_when_it_is_read_again() {
    let (_dir, mut app) = case_worker();
    keys(&mut app, "F4");
    settle(&mut app);
    keys(&mut app, "down down enter");
    let title = screen_text(&mut app, W, H);
    let code = title.lines().next().unwrap().split_whitespace().last().unwrap().to_string();
    assert!(code.starts_with("MSK-26-"), "{title}");
    let name = legal_name(&app, &code);
    assert!(!screen_text(&mut app, W, H).contains(&name));
    keys(&mut app, "r");
    assert!(screen_text(&mut app, W, H).contains(&name), "{}", screen_text(&mut app, W, H));
    assert_eq!(reveals(&mut app), vec![code.clone()]);
    // A save elsewhere reads the file again: the name stays, nothing recorded.
    save_case_elsewhere(&app, "Elsewhere");
    app.tick();
    assert!(screen_text(&mut app, W, H).contains(&name));
    assert_eq!(reveals(&mut app), vec![code.clone()]);
    // The key hides it; again shows it, recorded again.
    keys(&mut app, "r");
    assert!(!screen_text(&mut app, W, H).contains(&name));
    keys(&mut app, "r");
    assert!(screen_text(&mut app, W, H).contains(&name));
    assert_eq!(reveals(&mut app), vec![code.clone(), code]);
}

#[test]
fn a_case_without_a_recorded_name_reveals_nothing_and_records_nothing() {
    let (_dir, mut app) = case_worker();
    save_case_elsewhere(&app, "Nameless");
    keys(&mut app, "F4");
    settle(&mut app);
    let text = screen_text(&mut app, W, H);
    assert!(text.lines().nth(3).unwrap().contains("Nameless"), "{text}");
    keys(&mut app, "r");
    assert_eq!(shown_name(&mut app).as_deref(), Some("no legal name recorded"));
    assert_eq!(reveals(&mut app), Vec::<String>::new());
    // The same in its file.
    keys(&mut app, "enter r");
    let text = screen_text(&mut app, W, H);
    assert!(text.contains("no legal name recorded"), "{text}");
    assert_eq!(reveals(&mut app), Vec::<String>::new());
}
