//! Drives the real console on ratatui's `TestBackend`: a temporary centre,
//! fixed clocks, key scripts parsed by the keymap's own parser.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use haven::app::config::Config;
use haven::app::console::App;
use haven::app::context::Ctx;
use haven::i18n::{I18n, Lang};
use haven::keymap::{Keymap, parse_script};
use haven::store::crypto::KdfParams;
use haven::store::{InitSpec, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const PASS: &str = "manager passphrase";

/// 1 December 2026, 09:30 — local and UTC kept equal so times are stable.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 30, 0).unwrap()
}

/// A fresh centre `MSK` with manager `anna`, optionally populated with demo data.
pub fn centre(demo_cases: Option<usize>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let spec = InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Moscow shelter".into(),
        admin: "anna".into(),
        admin_name: "Anna K.".into(),
        kdf: KdfParams::TESTING,
        demo: false,
    };
    let mut store = Store::create(dir.path(), &spec, PASS.as_bytes()).unwrap();
    let fixed = Utc.from_utc_datetime(&now());
    store.set_clock(Arc::new(move || fixed));
    // Log in again under the fixed clock so "last saved" is fixed too.
    store.lock_session(haven::store::AuditAction::Logout);
    store.login("anna", PASS.as_bytes()).unwrap();
    if let Some(n) = demo_cases {
        haven::demo::populate(&store, n, now().date()).unwrap();
    }
    (dir, store)
}

/// The console over `store` in `lang`, with the clock fixed at [`now`].
pub fn app(store: Store, lang: Lang) -> App {
    let mut ctx = Ctx::new(Some(store), I18n::new(lang), Keymap::builtin("default").unwrap(), Config::default(), false);
    ctx.set_clock(Arc::new(now));
    App::new(ctx)
}

/// A console whose store is locked (the login screen).
pub fn locked_app(dir: &std::path::Path, lang: Lang) -> App {
    let mut store = Store::open(dir).unwrap();
    let fixed = Utc.from_utc_datetime(&now());
    store.set_clock(Arc::new(move || fixed));
    app(store, lang)
}

/// Feeds a key script (`"F1 esc tab ctrl-s a b"`) to the console.
pub fn press(app: &mut App, script: &str) {
    for ev in parse_script(script).unwrap() {
        app.handle_key(ev);
    }
}

/// Ticks until the screen on top has nothing due from its threads (the case
/// list's rows, search hits). The console never waits for them; tests do.
pub fn wait_for_background(app: &mut App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.waiting() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(1));
        app.tick();
    }
    assert!(!app.waiting(), "a background answer never came");
}

/// Moves a form's focus to the field labelled `label`, as the user reads it
/// (`▸ Label`), pressing Tab as often as it takes: key scripts name fields
/// instead of counting Tabs, so they survive fields being added or moved.
/// Fails, naming the label and showing the form, when no field has it.
pub fn focus(app: &mut App, label: &str) {
    let wanted = format!("▸ {label}");
    let focused_here = |screen: &str| {
        screen.lines().any(|l| {
            l.match_indices(&wanted).any(|(at, m)| matches!(l[at + m.len()..].chars().next(), None | Some(' ')))
        })
    };
    for _ in 0..64 {
        let screen = screen_text(app, 120, 40);
        if focused_here(&screen) {
            return;
        }
        press(app, "tab");
    }
    panic!("no field labelled {label:?} took the focus after 64 Tabs:\n{}", screen_text(app, 120, 40));
}

/// Types text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c)));
    }
}

/// Renders the console at `w`×`h` and returns the terminal for snapshots.
pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.render(f)).unwrap();
    t
}

/// The screen as text, one line per row.
pub fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A new, empty case front (synthetic alias) for `create_case`: an adult
/// woman expected, speaking Russian, followed by `worker` if given.
pub fn case_draft(alias: &str, worker: Option<&str>) -> haven::domain::case::CaseFront {
    use haven::domain::person::{AgeBasis, AgeGroup, Gender};
    haven::domain::case::CaseFront {
        id: haven::domain::ids::CaseId::from_bytes([0; 16]),
        code: haven::domain::case_code::CaseCode::new("MSK", 26, 1).unwrap(),
        alias: alias.into(),
        gender: Gender::Feminine,
        age: AgeBasis::Unknown,
        age_group: AgeGroup::Adult,
        languages: vec!["ru".into()],
        interpreter_needed: false,
        special_needs: String::new(),
        status: haven::domain::case::CaseStatus::Expected,
        high_risk: false,
        arrived_on: None,
        worker: worker.map(Into::into),
    }
}
