//! `/` on a board: a one-line prompt whose text moves the cursor to the
//! next row that holds it (a flight, a bed, a room, an alias, a code), as
//! F1 says `/` does on every list. Typing jumps from the row the prompt was
//! opened on; Enter or Esc leave the cursor where it is; `/` again selects
//! the text, so that typing replaces it and Enter jumps to the next match.
//!
//! Rows and what is typed are compared folded ([`search_fold`], without its
//! spaces): `su1234` finds `SU 1234`, `Bereza` finds `Берёза`,
//! `msk-26-0012` finds `MSK-26-0012`. The rows hold only what the board
//! shows (never a legal name), so a jump reveals nothing the screen does not.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::Outcome;
use crate::domain::ids::BedId;
use crate::domain::occupancy::BedState;
use crate::domain::translit::search_fold;
use crate::ops::arrivals::BoardRow;
use crate::ops::beds::Snapshot;
use crate::search::MAX_QUERY_CHARS;
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// Separates the fields of a row, so that a match never spans two of them.
const FIELD_GAP: char = '|';

/// Where the cursor goes after a key or an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The jump did not take it: the board handles it.
    NotMine,
    /// Taken; the cursor stays.
    Stay,
    /// Taken; the cursor goes to this row.
    To(usize),
}

impl Moved {
    /// What the board returns: `None` when the jump did not take the key;
    /// otherwise `set` is called with the row to go to, if any.
    pub fn onto(self, set: impl FnOnce(usize)) -> Option<Outcome> {
        match self {
            Moved::NotMine => None,
            Moved::Stay => Some(Outcome::None),
            Moved::To(row) => {
                set(row);
                Some(Outcome::None)
            }
        }
    }
}

/// The `/` prompt of a board.
#[derive(Debug, Clone, Default)]
pub struct Jump {
    /// What is typed.
    text: String,
    /// Whether the prompt has the keys.
    open: bool,
    /// Whether the text is selected (typing replaces it, Enter jumps on).
    selected: bool,
    /// The row the prompt was opened on: typing looks from the next one.
    anchor: usize,
    /// Whether the text is in no row.
    missed: bool,
    /// Message id saying what a row is found by.
    what: &'static str,
    /// The board's rows folded, once per prompt (folding every row again
    /// on each key would cost a key its frame on a long board).
    rows: Option<Vec<String>>,
}

/// `text` folded for comparing, without spaces.
fn key(text: &str) -> String {
    search_fold(text).replace(' ', "")
}

/// A row as the jump compares it: its fields folded, kept apart.
pub fn row_of<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let parts: Vec<String> = fields.into_iter().map(key).filter(|k| !k.is_empty()).collect();
    parts.join(&FIELD_GAP.to_string())
}

/// The first row after `from` (wrapping round, `from` itself last) holding `text`.
pub fn next_match(rows: &[String], from: usize, text: &str) -> Option<usize> {
    let wanted = key(text);
    if wanted.is_empty() || rows.is_empty() {
        return None;
    }
    let n = rows.len();
    (1..=n).map(|step| (from + step) % n).find(|i| rows.get(*i).is_some_and(|r| r.contains(&wanted)))
}

impl Jump {
    /// A prompt whose hint is the message `what` (what a row is found by).
    pub fn new(what: &'static str) -> Jump {
        Jump { what, ..Jump::default() }
    }

    /// Whether the prompt has the keys.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// An action while the board is on top, the cursor on row `at`.
    pub fn action(&mut self, action: Action, at: usize, rows: impl FnOnce() -> Vec<String>) -> Moved {
        match action {
            Action::Search => {
                if !self.open {
                    self.open = true;
                    self.selected = !self.text.is_empty();
                    self.anchor = at;
                    self.missed = false;
                }
                Moved::Stay
            }
            _ if !self.open => Moved::NotMine,
            Action::Open | Action::Confirm => {
                self.open = false;
                // `/` then Enter: the same text again, the next row holding it.
                let out = if std::mem::take(&mut self.selected) { self.find(rows, at) } else { Moved::Stay };
                self.rows = None;
                out
            }
            Action::Back | Action::Cancel | Action::Close => {
                self.open = false;
                self.selected = false;
                self.rows = None;
                Moved::Stay
            }
            // The arrows still move the cursor.
            _ => Moved::NotMine,
        }
    }

    /// A key the keymap left to the board (text, Backspace).
    pub fn key(&mut self, key: &KeyEvent, rows: impl FnOnce() -> Vec<String>) -> Moved {
        if !self.open {
            return Moved::NotMine;
        }
        if let Some(c) = crate::keymap::text_char(key) {
            if std::mem::take(&mut self.selected) {
                self.text.clear();
            }
            if self.text.chars().count() < MAX_QUERY_CHARS {
                self.text.push(c);
            }
        } else if key.code == KeyCode::Backspace {
            if std::mem::take(&mut self.selected) {
                self.text.clear();
            } else {
                self.text.pop();
            }
        } else {
            return Moved::NotMine;
        }
        if key_is_empty(&self.text) {
            self.missed = false;
            return Moved::To(self.anchor);
        }
        self.find(rows, self.anchor)
    }

    fn find(&mut self, rows: impl FnOnce() -> Vec<String>, from: usize) -> Moved {
        let rows = self.rows.get_or_insert_with(rows);
        match next_match(rows, from, &self.text) {
            Some(row) => {
                self.missed = false;
                Moved::To(row)
            }
            None => {
                self.missed = true;
                Moved::Stay
            }
        }
    }

    /// Draws the prompt over the last line of `area` while it is open.
    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if !self.open || area.height == 0 {
            return;
        }
        let at = Rect { x: area.x, y: area.y + area.height - 1, width: area.width, height: 1 };
        let text_style = if self.selected { theme::selected() } else { theme::heading() };
        let mut spans = vec![
            Span::styled("/ ", theme::heading()),
            Span::styled(inert(&self.text).into_owned(), text_style),
            Span::styled("▏", theme::selected()),
        ];
        let note = if self.missed { ctx.t("jump-no-match") } else { ctx.t(self.what) };
        let style = if self.missed { theme::error() } else { theme::dim() };
        spans.push(Span::styled(format!("  {note}"), style));
        frame.render_widget(Clear, at);
        frame.render_widget(Paragraph::new(Line::from(spans)), at);
    }
}

fn key_is_empty(text: &str) -> bool {
    key(text).is_empty()
}

/// What reaches the jump: an action, or a key the keymap left to the board.
#[derive(Debug, Clone, Copy)]
pub enum Step<'k> {
    /// An action.
    Action(Action),
    /// A key.
    Key(&'k KeyEvent),
}

impl Jump {
    /// The bed board's `/`: the cursor `selected` moves along the beds in
    /// `order`, as laid out. `None` when the board handles the step.
    pub fn on_bed_board(
        &mut self,
        step: Step<'_>,
        snap: &Result<Arc<Snapshot>, String>,
        states: &HashMap<BedId, BedState>,
        order: &[(BedId, usize, usize)],
        selected: &mut Option<BedId>,
    ) -> Option<Outcome> {
        if !self.open && !matches!(step, Step::Action(Action::Search)) {
            return None;
        }
        let beds: Vec<BedId> = order.iter().map(|o| o.0).collect();
        let rows = || bed_rows(snap.as_ref().ok().map(|s| &**s), states, &beds);
        let moved = match step {
            Step::Action(action) => {
                let at = beds.iter().position(|b| Some(*b) == *selected).unwrap_or(0);
                self.action(action, at, rows)
            }
            Step::Key(key) => self.key(key, rows),
        };
        moved.onto(|i| *selected = beds.get(i).copied().or(*selected))
    }
}

/// The arrivals board's rows: flight, alias, code.
pub fn arrival_rows(rows: &[BoardRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let flight = r.pickup.flight.to_string();
            let (alias, code) = r.case.as_ref().map(|c| (c.alias.clone(), c.code.to_string())).unwrap_or_default();
            row_of([flight.as_str(), alias.as_str(), code.as_str()])
        })
        .collect()
}

/// The bed board's rows, one per bed in `order`: bed, room, and the alias
/// and code of whoever sleeps in it or has it reserved.
pub fn bed_rows(snap: Option<&Snapshot>, states: &HashMap<BedId, BedState>, order: &[BedId]) -> Vec<String> {
    let Some(snap) = snap else { return Vec::new() };
    order
        .iter()
        .map(|id| {
            let Some(bed) = snap.bed(*id) else { return String::new() };
            let room = snap.room_of(bed).map(|r| r.name.clone()).unwrap_or_default();
            let person = match states.get(id) {
                Some(BedState::Occupied(case) | BedState::Reserved(Some(case))) => snap.cases.get(case),
                _ => None,
            };
            let (alias, code) = person.map(|c| (c.alias.clone(), c.code.to_string())).unwrap_or_default();
            row_of([bed.label.as_str(), room.as_str(), alias.as_str(), code.as_str()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_row_holding_the_text_wraps_round_and_ends_on_the_start() {
        let rows: Vec<String> = [["SU 1234", "Берёза"], ["U6 77", "Lisa"], ["SU 1240", "Сова"]]
            .iter()
            .map(|f| row_of(f.iter().copied()))
            .collect();
        assert_eq!(next_match(&rows, 0, "su12"), Some(2));
        assert_eq!(next_match(&rows, 2, "su12"), Some(0), "wraps round");
        assert_eq!(next_match(&rows, 0, "Bereza"), Some(0), "the row it starts on comes last");
        assert_eq!(next_match(&rows, 0, "su1234"), Some(0), "spaces do not count");
        assert_eq!(next_match(&rows, 0, "34bereza"), None, "never across two fields");
        assert_eq!(next_match(&rows, 0, " - "), None);
        assert_eq!(next_match(&[], 0, "x"), None);
    }

    fn press(jump: &mut Jump, rows: &[String], text: &str) -> Moved {
        let mut last = Moved::NotMine;
        for c in text.chars() {
            last = jump.key(&KeyEvent::from(KeyCode::Char(c)), || rows.to_vec());
        }
        last
    }

    #[test]
    fn typing_jumps_and_slash_enter_goes_on_to_the_next_match() {
        let rows: Vec<String> = ["101A", "102A", "103B", "104A"].iter().map(|r| row_of([*r])).collect();
        let mut jump = Jump::new("jump-what-beds");
        assert_eq!(jump.key(&KeyEvent::from(KeyCode::Char('a')), || rows.clone()), Moved::NotMine, "closed");
        assert_eq!(jump.action(Action::Search, 0, || rows.clone()), Moved::Stay);
        assert!(jump.is_open());
        assert_eq!(press(&mut jump, &rows, "a"), Moved::To(1), "from the row after the cursor");
        assert_eq!(jump.action(Action::Open, 1, || rows.clone()), Moved::Stay, "Enter leaves the cursor");
        assert!(!jump.is_open());
        assert_eq!(jump.action(Action::Search, 1, || rows.clone()), Moved::Stay);
        assert_eq!(jump.action(Action::Open, 1, || rows.clone()), Moved::To(3), "/ Enter: the next match");
        assert_eq!(jump.action(Action::Search, 3, || rows.clone()), Moved::Stay);
        assert_eq!(press(&mut jump, &rows, "103"), Moved::To(2), "typing replaces the selected text");
        assert_eq!(
            jump.key(&KeyEvent::from(KeyCode::Backspace), || rows.clone()),
            Moved::To(0),
            "10: again from the anchor"
        );
        assert_eq!(press(&mut jump, &rows, "9"), Moved::Stay, "no match: the cursor stays");
        assert!(jump.missed);
        assert_eq!(jump.action(Action::Down, 2, || rows.clone()), Moved::NotMine, "arrows still move");
        assert_eq!(jump.action(Action::Back, 2, || rows.clone()), Moved::Stay);
        assert!(!jump.is_open());
    }

    #[test]
    fn a_long_board_is_folded_once_and_each_key_only_compares() {
        let fields: Vec<[String; 3]> =
            (0..10_000).map(|i| [format!("SU {i}"), format!("Берёза {i}"), format!("MSK-26-{i:04}")]).collect();
        let t = std::time::Instant::now();
        let rows: Vec<String> = fields.iter().map(|f| row_of(f.iter().map(String::as_str))).collect();
        let fold = t.elapsed();
        let t = std::time::Instant::now();
        assert_eq!(next_match(&rows, 0, "msk-26-9999"), Some(9_999));
        let key = t.elapsed();
        println!("10,000 rows: folded in {fold:?}, one key compared in {key:?}");
        assert!(fold < std::time::Duration::from_secs(5) && key < std::time::Duration::from_secs(1));
    }
}
