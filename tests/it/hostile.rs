//! Hostile text — escape sequences, right-to-left overrides, combining and
//! zero-width characters, 10,000-character strings — typed into forms and
//! stored in records: stored intact, drawn inertly (no control character
//! or bidi override ever reaches the terminal buffer), never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use std::sync::{Arc, Mutex};

use haven::app::context::Ctx;
use haven::app::screen::Outcome;
use haven::forms::sample::{self, Sample};
use haven::i18n::Lang;
use haven::store::{AuditAction, AuditEntry};
use support::*;

const HOSTILE: [&str; 6] = [
    "\u{1b}[2J\u{1b}[31mred",
    "abc\u{202e}txt.exe",
    "e\u{301}\u{301}\u{301}z\u{200d}\u{200b}",
    "\u{9b}31m\u{7f}\u{0}",
    "שלום مرحبا",
    "Юлия\u{2066}\u{2069}",
];

fn clean(buffer_text: &str) -> bool {
    !buffer_text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || c == '\u{9b}'
    })
}

#[test]
fn hostile_text_typed_into_a_form_is_stored_intact_and_drawn_inertly() {
    for text in HOSTILE {
        let (_dir, store) = centre(None);
        let mut app = app(store, Lang::En);
        let saved: Arc<Mutex<Option<Sample>>> = Arc::new(Mutex::new(None));
        let s = Arc::clone(&saved);
        let on_save = Box::new(move |r: &Sample, _: &mut Ctx| {
            *s.lock().unwrap() = Some(r.clone());
            Ok(Outcome::Pop)
        });
        app.push(Box::new(sample::screen(&app.ctx, Sample::default(), on_save)));
        type_text(&mut app, text);
        press(&mut app, "tab");
        let long: String = text.chars().cycle().take(10_000).collect();
        type_text(&mut app, &long);
        press(&mut app, "tab");
        type_text(&mut app, "01.12.2000");
        // Smallest first: while the window is too small, keys do nothing.
        for (w, h) in [(20, 5), (80, 24), (120, 40)] {
            let screen = screen_text(&mut app, w, h);
            assert!(clean(&screen), "{text:?} reached the terminal at {w}x{h}:\n{screen}");
        }
        press(&mut app, "ctrl-s");
        let got = saved.lock().unwrap().clone();
        let got = got.unwrap_or_else(|| panic!("{text:?}: not saved; screen:\n{}", screen_text(&mut app, 120, 40)));
        // A keyboard cannot type control characters (Esc is a key, not
        // text): what arrives is everything else, kept exactly.
        let typable = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
        let expected_name: String = typable(text).chars().take(40).collect();
        assert_eq!(got.name, expected_name.trim(), "{text:?}");
        assert_eq!(got.notes, typable(&long), "{text:?}");
    }
}

#[test]
fn hostile_aliases_in_records_are_shown_inertly_on_every_screen() {
    let (_dir, store) = centre(Some(10));
    let mut cases = store.scan::<haven::domain::case::CaseFront>().unwrap();
    for (c, text) in cases.iter_mut().zip(HOSTILE.iter().cycle()) {
        c.body.alias = (*text).to_string();
    }
    store
        .commit(AuditEntry::new(AuditAction::Update, "case"), |tx| {
            for c in &cases {
                tx.put(c.body.clone())?;
            }
            Ok(())
        })
        .unwrap();
    let back = store.scan::<haven::domain::case::CaseFront>().unwrap();
    for (a, b) in back.iter().zip(&cases) {
        assert_eq!(a.body.alias, b.body.alias, "stored intact");
    }
    let mut app = app(store, Lang::En);
    for keys in ["", "F2", "F3", "F4", "F5"] {
        press(&mut app, keys);
        wait_for_background(&mut app);
        for (w, h) in [(80, 24), (200, 50)] {
            let screen = screen_text(&mut app, w, h);
            assert!(clean(&screen), "after {keys:?} at {w}x{h}:\n{screen}");
        }
        press(&mut app, "alt-0");
    }
}
