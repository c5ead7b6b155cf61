#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Words (issue 17, "Words and layout"): one date format per language on
//! every screen, the audit trail in the user's language with a created
//! case's code, one word per thing (docs/GLOSSARY.md), key names and
//! language names in the user's language.

use std::path::PathBuf;

use haven::i18n::Lang;
use haven::store::AuditAction;

use crate::common;
use crate::support::{app, case_draft, centre, now, press, screen_text, wait_for_background};

/// The ways of writing a date: which one each language uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `2026-12-07`
    Iso,
    /// `07.12.2026`
    Dotted,
    /// `07/12/2026`
    Slashed,
    /// `7 Dec 2026`
    Named,
}

fn own_shape(lang: Lang) -> Shape {
    match lang {
        Lang::En => Shape::Named,
        Lang::Ru => Shape::Dotted,
        Lang::Fr => Shape::Slashed,
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Every date written on `text`, with its shape.
fn dates_on(text: &str) -> Vec<(Shape, String)> {
    let c: Vec<char> = text.chars().collect();
    let digits = |at: usize, n: usize| at + n <= c.len() && c[at..at + n].iter().all(char::is_ascii_digit);
    let digit_at = |at: usize| c.get(at).is_some_and(char::is_ascii_digit);
    let mut out = Vec::new();
    for i in 0..c.len() {
        if i > 0 && digit_at(i - 1) {
            continue;
        }
        let take = |n: usize| c[i..i + n].iter().collect::<String>();
        if digits(i, 4)
            && c.get(i + 4) == Some(&'-')
            && digits(i + 5, 2)
            && c.get(i + 7) == Some(&'-')
            && digits(i + 8, 2)
        {
            out.push((Shape::Iso, take(10)));
        }
        for (sep, shape) in [('.', Shape::Dotted), ('/', Shape::Slashed)] {
            if digits(i, 2)
                && c.get(i + 2) == Some(&sep)
                && digits(i + 3, 2)
                && c.get(i + 5) == Some(&sep)
                && digits(i + 6, 4)
            {
                out.push((shape, take(10)));
            }
        }
        let day = if digits(i, 2) {
            2
        } else if digit_at(i) {
            1
        } else {
            0
        };
        if day > 0 && c.get(i + day) == Some(&' ') && i + day + 4 <= c.len() {
            let month: String = c[i + day + 1..i + day + 4].iter().collect();
            if MONTHS.contains(&month.as_str()) && c.get(i + day + 4) == Some(&' ') && digits(i + day + 5, 4) {
                out.push((Shape::Named, take(day + 9)));
            }
        }
    }
    out
}

#[test]
fn the_date_scanner_knows_every_shape() {
    let found = dates_on("a 2026-12-07 b 07.12.2026 c 07/12/2026 d 7 Dec 2026 e 17 Nov 2026 MSK-26-0001 12026-12-07");
    let shapes: Vec<Shape> = found.iter().map(|(s, _)| *s).collect();
    assert_eq!(shapes, vec![Shape::Iso, Shape::Dotted, Shape::Slashed, Shape::Named, Shape::Named], "{found:?}");
}

/// The screens a key opens, from the dashboard (each script ends back there).
const TOURS: &[&str] = &[
    "",
    "F1",
    "F2",
    "F2 7",
    "F2 *",
    "F2 n",
    "F2 * e",
    "F3",
    "F4",
    "F4 enter",
    "F4 enter tab",
    "F4 enter tab tab",
    "F4 enter tab tab tab",
    "F4 enter tab tab tab tab",
    "F4 enter e",
    "F4 n",
    "F5",
    "F6",
    "F6 r",
    "A",
];

#[test]
fn every_screen_writes_dates_in_its_language_s_one_format() {
    let mut wrong = Vec::new();
    for lang in Lang::all() {
        let (_dir, store) = centre(Some(24));
        let mut app = app(store, lang);
        for tour in TOURS {
            press(&mut app, "alt-0");
            if !tour.is_empty() {
                press(&mut app, tour);
            }
            wait_for_background(&mut app);
            let text = screen_text(&mut app, 120, 40);
            for (shape, date) in dates_on(&text) {
                if shape != own_shape(lang) {
                    wrong.push(format!("{lang:?} `{tour}`: {date} ({shape:?})\n{text}"));
                }
            }
            for _ in 0..4 {
                press(&mut app, "esc");
            }
        }
    }
    assert!(wrong.is_empty(), "{} dates in another language's format:\n{}", wrong.len(), wrong.join("\n"));
}

/// An English form shows a stored date as every screen writes it, and saving
/// the form untouched reads it back.
#[test]
fn an_english_form_shows_a_date_as_screens_do_and_saves_it_back() {
    let (_dir, store) = centre(Some(24));
    let mut app = app(store, Lang::En);
    press(&mut app, "F2 * e");
    let form = screen_text(&mut app, 120, 40);
    let shapes: Vec<Shape> = dates_on(&form).into_iter().map(|(s, _)| s).collect();
    assert!(shapes.contains(&Shape::Named), "the pickup's day as `1 Dec 2026`:\n{form}");
    press(&mut app, "ctrl-s");
    let after = screen_text(&mut app, 120, 40);
    assert!(!after.contains("Not a date"), "{after}");
    assert_eq!(app.stack_tables().last().copied(), Some(haven::keymap::Screen::Arrivals), "{after}");
}

/// A centre whose last event is the creation of case `MSK-26-0001`.
fn centre_with_a_new_case() -> (tempfile::TempDir, haven::store::Store) {
    let (dir, store) = centre(None);
    haven::ops::cases::create_case(&store, &case_draft("Lena", None), now().date()).unwrap();
    (dir, store)
}

#[test]
fn a_created_case_s_audit_event_carries_its_code_and_its_row_shows_it() {
    let (_dir, store) = centre_with_a_new_case();
    let events = store.audit_events().unwrap();
    let last = events.last().and_then(|(_, e)| e.clone()).unwrap();
    assert_eq!(last.action, AuditAction::Create);
    assert_eq!(last.case_code.as_deref(), Some("MSK-26-0001"));
    let mut app = app(store, Lang::En);
    press(&mut app, "A");
    let text = screen_text(&mut app, 160, 30);
    let row = text.lines().find(|l| l.contains("MSK-26-0001")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("Created"), "{row}");
}

#[test]
fn the_audit_trail_speaks_the_user_s_language() {
    for (lang, created, login, summary) in [
        (Lang::Ru, "Создано", "Вход", "дело и перечень услуг"),
        (Lang::Fr, "Création", "Connexion", "dossier et liste des services"),
    ] {
        let (_dir, store) = centre_with_a_new_case();
        let mut app = app(store, lang);
        press(&mut app, "A");
        let text = screen_text(&mut app, 160, 30);
        let row = text.lines().find(|l| l.contains("MSK-26-0001")).unwrap_or_else(|| panic!("{text}"));
        assert!(row.contains(created) && row.contains(summary), "{lang:?}: {row}");
        assert!(text.contains(login), "{lang:?}:\n{text}");
        for english in ["create", "login", "case with checklist", "case_front"] {
            assert!(!text.contains(english), "{lang:?}: `{english}` in\n{text}");
        }
    }
}

#[test]
fn haven_audit_show_speaks_the_user_s_language() {
    let dir = tempfile::tempdir().unwrap();
    common::init(dir.path());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .env("HAVEN_DATA", dir.path())
        .env("HAVEN_INSECURE_FAST_KDF", "1")
        .env("HAVEN_USER", common::ADMIN)
        .env("HAVEN_PASSPHRASE", common::ADMIN_PASS)
        .args(["--lang", "fr", "audit", "show"])
        .output()
        .unwrap();
    let text = common::text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Connexion") || text.contains("Création du centre"), "{text}");
    assert!(!text.contains(" login ") && !text.contains(" init "), "{text}");
}

/// The glossary: `| thing | en | ru | fr |` then the variants each language
/// must not use, `| | not: … | not: … | not: … |`, `;`-separated.
fn glossary() -> Vec<(String, [Vec<String>; 3])> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/GLOSSARY.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out: Vec<(String, [Vec<String>; 3])> = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() != 4 || !cells[1].starts_with("not:") {
            if cells.len() == 4 && !cells[0].is_empty() && !cells[0].starts_with('-') && cells[0] != "thing" {
                out.push((cells[0].to_string(), Default::default()));
            }
            continue;
        }
        let Some(last) = out.last_mut() else { continue };
        for (i, cell) in cells[1..].iter().enumerate() {
            let list = cell.trim_start_matches("not:");
            last.1[i] = list.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        }
    }
    out
}

/// The values of every message of `lang` (ids and comments left out).
fn messages(lang: Lang) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang.code());
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((id, v)) if !line.starts_with(' ') => (id.to_string(), v.to_string()),
                _ => (String::from("…"), line.to_string()),
            };
            out.push(value);
        }
    }
    out
}

/// Whether `text` has `words` as whole words, in any case.
fn has_word(text: &str, words: &str) -> bool {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let words: Vec<char> = words.to_lowercase().chars().collect();
    let edge = |c: Option<&char>| c.is_none_or(|c| !c.is_alphanumeric());
    (0..text.len())
        .any(|i| text[i..].starts_with(&words) && (i == 0 || edge(text.get(i - 1))) && edge(text.get(i + words.len())))
}

#[test]
fn every_message_keeps_to_the_glossary() {
    let terms = glossary();
    assert!(terms.len() >= 10, "the glossary lists the terms: {terms:?}");
    assert!(terms.iter().filter(|(_, not)| not.iter().any(|v| !v.is_empty())).count() >= 5);
    let mut broken = Vec::new();
    for (i, lang) in [Lang::En, Lang::Ru, Lang::Fr].into_iter().enumerate() {
        let all = messages(lang);
        for (thing, not) in &terms {
            for variant in &not[i] {
                for (id, text) in &all {
                    if has_word(text, variant) {
                        broken.push(format!("{}: {id}: `{variant}` (glossary: {thing}): {text}", lang.code()));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_glossary_check_does_catch_a_forbidden_word() {
    let terms = glossary();
    let (_, not) = terms.iter().find(|(t, _)| t == "bed").unwrap();
    assert!(not[1].iter().any(|v| has_word("3 свободные кровати", v)));
    assert!(!has_word("présenter", "enter") && has_word("Enter : garder", "enter"));
}

#[test]
fn key_names_in_hints_and_help_are_in_the_user_s_language() {
    let (_dir, store) = centre(None);
    let mut app = app(store, Lang::Fr);
    press(&mut app, "F4 n F1");
    let help = screen_text(&mut app, 160, 40);
    for name in ["Échap", "Entrée", "Maj-Tab"] {
        assert!(help.contains(name), "{name}:\n{help}");
    }
    for english in ["Esc", "Enter", "Shift"] {
        assert!(!help.contains(english), "{english}:\n{help}");
    }
    assert!(help.contains("Aide — Formulaire"), "the help names the form in words:\n{help}");

    let (_dir, store) = centre(Some(4));
    let mut app = crate::support::app(store, Lang::Ru);
    press(&mut app, "F5 F1");
    let help = screen_text(&mut app, 160, 40);
    assert!(help.contains("Пробел") && !help.contains("Space"), "{help}");
}

#[test]
fn interpreter_languages_are_named_not_coded() {
    for (lang, name) in [(Lang::En, "Ukrainian"), (Lang::Ru, "украинский"), (Lang::Fr, "ukrainien")] {
        let (_dir, store) = centre(Some(24));
        let pickups: Vec<haven::domain::pickup::Pickup> =
            store.scan::<haven::domain::pickup::Pickup>().unwrap().into_iter().map(|p| p.body).collect();
        let some = pickups.iter().find(|p| p.needs.interpreter.is_some()).expect("a demo pickup needs an interpreter");
        let code = some.needs.interpreter.clone().unwrap();
        let mut app = app(store, lang);
        press(&mut app, "F2 *");
        wait_for_background(&mut app);
        let board = screen_text(&mut app, 160, 40);
        let upper = format!(" {} ", code.to_uppercase());
        assert!(!board.contains(&upper), "{lang:?}: the code {upper} on\n{board}");
        let _ = name;
    }
    let mut shown = Vec::new();
    for lang in Lang::all() {
        let o = haven::form_engine::options::languages(lang.code());
        shown.push(o.into_iter().find(|o| o.key == "uk").unwrap().label);
    }
    assert_eq!(shown, vec!["Ukrainian", "украинский", "ukrainien"]);
}

/// The audit trail at 80×24 in English and Russian, filtered to the created
/// case (the centre's own first events carry the real clock): the row, then
/// the selected event's record and summary in full below the list.
#[test]
fn snapshots_of_the_audit_trail() {
    for lang in [Lang::En, Lang::Ru] {
        let (_dir, store) = centre_with_a_new_case();
        let mut app = app(store, lang);
        press(&mut app, "A /");
        crate::support::type_text(&mut app, "case:MSK-26-0001");
        press(&mut app, "enter");
        let text = screen_text(&mut app, 80, 24);
        assert!(text.contains("MSK-26-0001"), "{text}");
        // The head of the chain is a MAC under the centre's own random key.
        let text: Vec<String> = text
            .lines()
            .map(|l| l.split_once(" · ").filter(|(_, h)| h.contains("4:")).map_or(l, |(a, _)| a).to_string())
            .collect();
        insta::assert_snapshot!(format!("audit_{}_80x24", lang.code()), text.join("\n"));
    }
}
