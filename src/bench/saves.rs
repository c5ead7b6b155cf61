//! `haven bench`: Ctrl-S to "Saved" on screen for each kind of form, driven
//! by keys as a person fills it (the filling untimed), against DESIGN §8's
//! p99 ≤ 16 ms at 10,000 cases (≤ 50 ms at 100,000). A save that did not
//! close its form is counted and printed, never left out.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::measure::quantile_ms;
use super::report::Figure;
use super::scenario::{press, settle};
use crate::app::console::App;
use crate::keymap::Screen;

/// Saves timed per kind of form.
const REPS: usize = 20;

/// One way of filling a form, rep `i` (each a little different, so no save
/// is refused as a copy of the one before).
type Fill = fn(&mut App, usize);

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::from(KeyCode::Char(c)));
    }
}

fn screen(app: &mut App) -> String {
    let Ok(mut t) = Terminal::new(TestBackend::new(120, 40));
    let _ = t.draw(|f| app.render(f));
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..40 {
        for x in 0..120 {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Tabs to the field labelled `label` (`▸ Label` when it has the focus).
fn focus(app: &mut App, label: &str) {
    let wanted = format!("▸ {label}");
    for _ in 0..64 {
        let text = screen(app);
        let here = text.lines().any(|l| {
            l.match_indices(&wanted).any(|(at, m)| matches!(l[at + m.len()..].chars().next(), None | Some(' ')))
        });
        if here {
            return;
        }
        press(app, "tab");
    }
}

/// The check digit of ICAO 9303 (weights 7, 3, 1).
fn check_digit(field: &str) -> char {
    let sum: u32 = field
        .chars()
        .zip([7u32, 3, 1].into_iter().cycle())
        .map(|(c, w)| {
            let v = match c {
                '0'..='9' => c as u32 - '0' as u32,
                'A'..='Z' => c as u32 - 'A' as u32 + 10,
                _ => 0,
            };
            v * w
        })
        .sum();
    char::from(b'0' + (sum % 10) as u8)
}

/// A valid TD3 zone of a synthetic person, different for each `i`: its
/// surname and document number follow `i`.
pub fn zone(i: usize) -> [String; 2] {
    let letters: String = format!("{i:04}").chars().map(|d| char::from(b'A' + (d as u8 - b'0'))).collect();
    let mut line1 = format!("P<UTOBENCH{letters}<<ANNA<MARIA");
    while line1.len() < 44 {
        line1.push('<');
    }
    let number = format!("BN{i:07}");
    // A birth date of its own too: the duplicate check compares names and
    // birth dates, and the names differ by little.
    let dob = format!("{:02}{:02}{:02}", 60 + i / 336 % 40, 1 + i / 28 % 12, 1 + i % 28);
    let (dob, expiry, optional) = (dob.as_str(), "341204", "<<<<<<<<<<<<<<");
    let (cn, cd, ce, co) = (check_digit(&number), check_digit(dob), check_digit(expiry), check_digit(optional));
    let composite = check_digit(&format!("{number}{cn}{dob}{cd}{expiry}{ce}{optional}{co}"));
    let line2 = format!("{number}{cn}UTO{dob}{cd}F{expiry}{ce}{optional}{co}{composite}");
    [line1, line2]
}

fn open_file(app: &mut App) {
    press(app, "alt-0 F4");
    settle(app);
    press(app, "enter");
    settle(app);
}

fn new_case(app: &mut App, i: usize) {
    press(app, "alt-0 F4");
    settle(app);
    press(app, "n");
    type_text(app, &format!("Listed {i}"));
}

fn identity(app: &mut App, i: usize) {
    open_file(app);
    press(app, "down enter");
    type_text(app, &format!("{}", i % 10));
}

fn document(app: &mut App, i: usize) {
    open_file(app);
    press(app, "down down n");
    focus(app, "Number");
    type_text(app, &format!("BD{i:07}"));
}

fn service(app: &mut App, i: usize) {
    open_file(app);
    press(app, "tab tab enter");
    focus(app, "Notes");
    type_text(app, &format!("{}", i % 10));
}

fn note(app: &mut App, i: usize) {
    open_file(app);
    press(app, "tab tab tab tab tab tab n");
    focus(app, "Note");
    type_text(app, &format!("Bench note {i}"));
}

fn pickup(app: &mut App, i: usize) {
    press(app, "alt-0 F2");
    settle(app);
    press(app, "n");
    type_text(app, "su2101");
    focus(app, "From (city or airport)");
    type_text(app, "IST");
    focus(app, "Arrival airport");
    press(app, "s enter");
    focus(app, "Terminal");
    press(app, "c enter");
    focus(app, "Scheduled arrival");
    type_text(app, &format!("+1d {:02}:{:02}", 6 + i % 12, i % 60));
    focus(app, "or new person: alias");
    type_text(app, &format!("Flight {i}"));
    focus(app, "Gender");
    press(app, "f enter");
    focus(app, "Age group");
    press(app, "a enter");
}

fn bed(app: &mut App, _i: usize) {
    press(app, "alt-0 F3");
    settle(app);
    press(app, "f a");
    press(app, "enter");
    // A manager may place a person outside the wing rule, with a reason.
    if screen(app).contains("Reason to override") {
        focus(app, "Reason to override");
        type_text(app, "bench");
    }
}

fn walk_in(app: &mut App, i: usize) {
    press(app, "alt-0 F2");
    settle(app);
    press(app, "w");
    type_text(app, &format!("Gate {i}"));
    press(app, "tab f enter tab a enter tab");
    type_text(app, "SU2101");
    focus(app, "Passport / ID zone (MRZ)");
    let [l1, l2] = zone(i);
    type_text(app, &l1);
    press(app, "enter");
    type_text(app, &l2);
}

/// The kinds of form and how each is filled.
pub const FORMS: [(&str, Fill); 9] = [
    ("new case", new_case),
    ("case identity", identity),
    ("document", document),
    ("service item", service),
    ("note", note),
    ("airport pickup", pickup),
    ("bed assignment", bed),
    ("referral", referral),
    ("new arrival with a passport read (duplicate check)", walk_in),
];

fn referral(app: &mut App, _i: usize) {
    open_file(app);
    press(app, "tab tab tab n");
    focus(app, "Organisation");
    // Typing opens the directory's picker on the names that match.
    type_text(app, "Hope");
    press(app, "enter");
    focus(app, "Consent given now");
    press(app, "y");
}

/// Closes a form whose save was refused, discarding it, whatever dialog
/// is open over it.
fn leave_form(app: &mut App) {
    for _ in 0..6 {
        if app.stack_tables().last() != Some(&Screen::Form) {
            return;
        }
        press(app, "esc");
        let question = app.ctx.t("form-confirm-question");
        if screen(app).contains(&question) {
            press(app, "d");
        }
    }
}

/// Ctrl-S to its frame drawn, p50 and p99 per kind of form, and how many
/// saves did not close their form.
pub fn ctrl_s(app: &mut App, term: &mut Terminal<TestBackend>, big: bool) -> Vec<Figure> {
    let budget = if big { 50.0 } else { 16.0 };
    let mut figures = Vec::new();
    for (name, fill) in FORMS {
        let mut samples: Vec<Duration> = Vec::with_capacity(REPS);
        let mut failed = 0usize;
        for i in 0..REPS {
            fill(app, i);
            if app.stack_tables().last() != Some(&Screen::Form) {
                failed += 1;
                #[cfg(test)]
                eprintln!("{name}: no form\n{}", screen(app));
                continue;
            }
            let _ = term.draw(|f| app.render(f));
            let start = Instant::now();
            press(app, "ctrl-s");
            let _ = term.draw(|f| app.render(f));
            let took = start.elapsed();
            if app.stack_tables().last() == Some(&Screen::Form) {
                failed += 1;
                #[cfg(test)]
                eprintln!("{name}: not saved\n{}", screen(app));
                leave_form(app);
            } else {
                samples.push(took);
            }
            settle(app);
        }
        figures.push(Figure::at_most(format!("Ctrl-S to Saved, {name}, p50"), quantile_ms(&samples, 0.5), "ms", None));
        figures.push(Figure::at_most(
            format!("Ctrl-S to Saved, {name}, p99"),
            quantile_ms(&samples, 0.99),
            "ms",
            Some(budget),
        ));
        figures.push(Figure::at_most(
            format!("Ctrl-S to Saved, {name}: saves that did not close the form"),
            failed as f64,
            "",
            Some(0.0),
        ));
    }
    press(app, "alt-0");
    settle(app);
    figures
}
