//! `haven bench`: the first frame of every screen a key opens (F2–F6, a case
//! file, the audit trail, the conflicts), against DESIGN §8's ≤ 16 ms at
//! 10,000 cases (≤ 50 ms at 100,000), and how long its content then takes
//! to come from its thread.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::report::Figure;
use super::scenario::{press, settle};
use crate::app::console::App;

/// Times each opening this many times; the worst is held to the budget.
const REPS: usize = 5;

/// The screens a key opens: what it is, the keys that lead to where the key
/// is pressed (untimed), and the key.
const SCREENS: [(&str, &str, &str); 8] = [
    ("arrivals (F2)", "alt-0", "F2"),
    ("bed board (F3)", "alt-0", "F3"),
    ("case list (F4)", "alt-0", "F4"),
    ("night (F5)", "alt-0", "F5"),
    ("reports (F6)", "alt-0", "F6"),
    ("case file (Enter on the list)", "alt-0 F4", "enter"),
    ("audit trail (A on the dashboard)", "alt-0", "A"),
    ("conflicts (k on the dashboard)", "alt-0", "k"),
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The first frame of each screen, worst of [`REPS`] openings, and its
/// content on screen.
pub fn first_frames(app: &mut App, term: &mut Terminal<TestBackend>, big: bool) -> Vec<Figure> {
    let budget = if big { 50.0 } else { 16.0 };
    let mut figures = Vec::new();
    for (name, before, key) in SCREENS {
        let mut first = Duration::ZERO;
        let mut content = Duration::ZERO;
        for _ in 0..REPS {
            press(app, before);
            // What the screen before left on its threads is not this key's.
            settle(app);
            let _ = term.draw(|f| app.render(f));
            let start = Instant::now();
            press(app, key);
            let _ = term.draw(|f| app.render(f));
            first = first.max(start.elapsed());
            settle(app);
            let _ = term.draw(|f| app.render(f));
            content = content.max(start.elapsed());
        }
        figures.push(Figure::at_most(
            format!("{name}: key to its first frame (worst of {REPS})"),
            ms(first),
            "ms",
            Some(budget),
        ));
        figures.push(Figure::at_most(
            format!("{name}: key to its content on screen (worst of {REPS})"),
            ms(content),
            "ms",
            None,
        ));
    }
    press(app, "alt-0");
    settle(app);
    figures
}
