#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Nothing is acted on that the user cannot see or may not do: keys do
//! nothing but quit while the window is too small to show the console; hint
//! bars and help show only what the role may do (from the permission
//! matrix), and the console refuses the rest whichever key asks; quitting
//! with a form in progress keeps it as a draft and asks once, quit or stay.

use crate::support;

use haven::app::console::App;
use haven::domain::case::CaseFront;
use haven::domain::user::Role;
use haven::i18n::Lang;
use haven::keymap::Screen;
use haven::store::AuditAction;
use support::*;

const W: u16 = 200;
const H: u16 = 40;

fn top(app: &App) -> Screen {
    *app.stack_tables().last().unwrap()
}

/// A demo centre of 60 cases with `role` logged in (the manager `anna`
/// for `Role::Manager`).
fn as_role(role: Role) -> (tempfile::TempDir, App) {
    let (dir, mut store) = centre(Some(60));
    if role != Role::Manager {
        store.set_user("someone", "Some One", role, b"someone passphrase").unwrap();
        store.lock_session(AuditAction::Logout);
        store.login("someone", b"someone passphrase").unwrap();
    }
    (dir, app(store, Lang::En))
}

/// The hint bar as drawn (second line from the bottom).
fn hint_bar(app: &mut App) -> String {
    screen_text(app, W, H).lines().nth(usize::from(H) - 2).unwrap().to_string()
}

/// The help of the screen on top, then back to it.
fn help(app: &mut App) -> String {
    press(app, "F1");
    assert_eq!(top(app), Screen::Help);
    let text = screen_text(app, W, 100);
    press(app, "esc");
    text
}

#[test]
fn keys_do_nothing_but_quit_while_the_window_asks_to_be_enlarged() {
    let (_dir, mut app) = as_role(Role::Manager);
    press(&mut app, "F4 n");
    assert_eq!(top(&app), Screen::Form);
    screen_text(&mut app, 120, 40);
    let small = screen_text(&mut app, 60, 20);
    assert!(small.contains("Enlarge the window"), "{small}");
    // Typing, saving, function keys and Esc go nowhere the user cannot see.
    type_text(&mut app, "Hidden");
    press(&mut app, "ctrl-s F2 esc ctrl-l");
    let big = screen_text(&mut app, 120, 40);
    assert_eq!(app.stack_tables(), vec![Screen::Dashboard, Screen::Cases, Screen::Form], "{big}");
    assert!(!big.contains("Hidden"), "{big}");
    assert!(app.ctx.unlocked());
    assert!(app.ctx.store().unwrap().scan::<CaseFront>().unwrap().iter().all(|c| c.body.alias != "Hidden"));
    // Once the window is large again, keys act as before.
    type_text(&mut app, "Seen");
    assert!(screen_text(&mut app, 120, 40).contains("Seen"));
    // Quit still works while small: a form in progress asks, on the small screen too.
    let small = screen_text(&mut app, 60, 20);
    assert!(small.contains("Enlarge"), "{small}");
    press(&mut app, "F10");
    assert!(!app.should_quit());
    let asked = screen_text(&mut app, 60, 20);
    assert!(asked.contains("Quit?") && asked.contains("Esc"), "{asked}");
    press(&mut app, "enter");
    assert!(app.should_quit());
}

#[test]
fn quitting_an_empty_console_while_small_leaves_at_once() {
    let (_dir, mut app) = as_role(Role::Manager);
    screen_text(&mut app, 40, 10);
    press(&mut app, "ctrl-q");
    assert!(app.should_quit());
}

#[test]
fn night_staff_are_shown_and_offered_only_what_their_role_may_do() {
    let (_dir, mut app) = as_role(Role::Night);
    // The case list: no reveal key in the hints or in help.
    press(&mut app, "F4");
    wait_for_background(&mut app);
    let hints = hint_bar(&mut app);
    assert!(hints.contains("Status") && !hints.contains("Reveal"), "{hints}");
    let h = help(&mut app);
    assert!(h.contains("Filter by status") && !h.contains("Reveal"), "{h}");
    press(&mut app, "r");
    assert!(app.status().is_some_and(|s| s.contains("Permission denied")), "{:?}", app.status());
    // A case file: no reveal, no closing, no deleting, no new case-part item.
    press(&mut app, "enter");
    assert_eq!(top(&app), Screen::CaseFile);
    let hints = hint_bar(&mut app);
    assert!(!hints.contains("Reveal") && !hints.contains("Close case") && !hints.contains("New"), "{hints}");
    let h = help(&mut app);
    for denied in ["Reveal", "Close the case", "Reopen", "Delete", "Journey completed"] {
        assert!(!h.contains(denied), "{denied}:\n{h}");
    }
    assert!(h.contains("Next tab"), "{h}");
    // The bed board: no rooms setup, no plan edits, on any bed.
    press(&mut app, "F3");
    assert_eq!(top(&app), Screen::Beds);
    for _ in 0..12 {
        let hints = hint_bar(&mut app);
        for denied in ["Rooms", "Out of service", "New room", "Del"] {
            assert!(!hints.contains(denied), "{denied}: {hints}");
        }
        press(&mut app, "right");
    }
    let h = help(&mut app);
    for denied in ["Rooms and beds", "New room", "Delete", "Out of service"] {
        assert!(!h.contains(denied), "{denied}:\n{h}");
    }
    assert!(h.contains("Assign a bed"), "{h}");
    press(&mut app, "R");
    assert!(app.status().is_some_and(|s| s.contains("Permission denied")), "{:?}", app.status());
    assert_eq!(top(&app), Screen::Beds);
    // The dashboard: no audit review in help.
    press(&mut app, "alt-0");
    let h = help(&mut app);
    assert!(!h.contains("Review the audit trail") && h.contains("Go to beds"), "{h}");
}

#[test]
fn a_manager_and_a_case_worker_are_shown_what_their_roles_may_do() {
    let (_dir, mut app) = as_role(Role::Manager);
    press(&mut app, "F4");
    wait_for_background(&mut app);
    assert!(hint_bar(&mut app).contains("Reveal name"));
    press(&mut app, "F3");
    assert!(hint_bar(&mut app).contains("Rooms"));
    let h = help(&mut app);
    assert!(h.contains("Rooms and beds") && h.contains("Delete"), "{h}");
    press(&mut app, "alt-0");
    assert!(help(&mut app).contains("Review the audit trail"));

    let (_dir, mut app) = as_role(Role::CaseWorker);
    press(&mut app, "F4");
    wait_for_background(&mut app);
    assert!(hint_bar(&mut app).contains("Reveal name"));
    press(&mut app, "F3");
    assert!(!hint_bar(&mut app).contains("Rooms"));
}

#[test]
fn quitting_with_a_form_in_progress_asks_once_keep_as_draft_and_quit_or_stay() {
    let (_dir, mut app) = as_role(Role::Manager);
    press(&mut app, "F4 n");
    type_text(&mut app, "Unsaved");
    press(&mut app, "F10");
    assert!(!app.should_quit());
    let asked = screen_text(&mut app, 120, 40);
    assert!(asked.contains("Quit?") && asked.contains("keep as draft and quit") && asked.contains("stay"), "{asked}");
    // Other keys do not reach the form under the question.
    type_text(&mut app, "xyz");
    press(&mut app, "esc");
    assert!(!app.should_quit());
    let stayed = screen_text(&mut app, 120, 40);
    assert!(!stayed.contains("Quit?") && stayed.contains("Unsaved") && !stayed.contains("xyz"), "{stayed}");
    assert_eq!(top(&app), Screen::Form);
    // Ctrl-Q asks the same; Enter keeps the draft and quits.
    press(&mut app, "ctrl-q");
    assert!(!app.should_quit() && screen_text(&mut app, 120, 40).contains("Quit?"));
    press(&mut app, "enter");
    assert!(app.should_quit());
    let store = app.ctx.store_mut().unwrap();
    store.login("anna", PASS.as_bytes()).unwrap();
    let draft = store.load_draft().unwrap().expect("the form is kept as a draft");
    assert!(!draft.is_empty());
    assert!(store.scan::<CaseFront>().unwrap().iter().all(|c| c.body.alias != "Unsaved"), "not saved as a case");

    // The quit key twice also quits; a clean console quits at once.
    let (_dir, mut app) = as_role(Role::Manager);
    press(&mut app, "F4 n");
    type_text(&mut app, "Again");
    press(&mut app, "F10 F10");
    assert!(app.should_quit());
    let (_dir, mut app) = as_role(Role::Manager);
    press(&mut app, "F4 n F10");
    assert!(app.should_quit(), "an untouched form has nothing to keep");
}

#[test]
fn night_staff_read_the_directory_of_organisations_without_being_offered_to_change_it() {
    let (_dir, mut store) = centre(None);
    store.set_user("someone", "Some One", Role::Night, b"someone passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("someone", b"someone passphrase").unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F4 o");
    let text = screen_text(&mut app, W, H);
    assert!(text.contains("The directory is empty.") && !text.contains("press n"), "{text}");
    let h = help(&mut app);
    assert!(!h.contains("Delete") && !h.contains(" New") && !h.contains("Edit"), "{h}");
    press(&mut app, "n");
    assert!(app.status().is_some_and(|s| s.contains("Permission denied")), "{:?}", app.status());
}

#[test]
fn the_quit_question_in_english_and_russian_at_both_sizes() {
    for lang in [Lang::En, Lang::Ru] {
        let (_dir, store) = centre(None);
        let mut app = app(store, lang);
        press(&mut app, "F4 n");
        type_text(&mut app, "Draft");
        press(&mut app, "F10");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("quit_question_{}_{w}x{h}", lang.code()), render(&mut app, w, h).backend());
        }
        let small = screen_text(&mut app, 60, 20);
        assert!(small.lines().filter(|l| !l.trim().is_empty()).count() >= 3, "{small}");
    }
}
