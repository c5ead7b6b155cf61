//! Choosing who gets a bed, or which bed someone gets: a list that filters
//! as you type, each line saying whether the wing rule lets the pair be
//! (and why not). Enter opens the short form that confirms the dates.

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::rows::{self, Item};
use super::text;
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::ids::{BedId, CaseId};
use crate::domain::placement::Holder;
use crate::domain::translit::search_fold;
use crate::forms;
use crate::keymap;
use crate::ops::beds::Snapshot;
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// What is being chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Who gets this bed (assign from the board).
    PersonForBed(BedId),
    /// Which bed this person gets (from the case file or the arrivals board).
    BedForPerson(CaseId),
    /// Which bed this person moves to.
    BedForTransfer(CaseId),
    /// Which bed to hold for an expected arrival or a pickup.
    BedForHolder(Holder),
}

/// The picker screen.
pub struct Pick {
    mode: Mode,
    snap: Arc<Snapshot>,
    items: Vec<Item>,
    query: String,
    shown: Vec<usize>,
    cursor: ListCursor,
    manager: bool,
    heading: String,
}

/// Whether the role may override the wing rule (the permission matrix says).
fn manager(ctx: &Ctx) -> bool {
    use crate::domain::permissions::{Act, DataClass};
    ctx.store().is_ok_and(|s| s.may(Act::OverrideWingRule, DataClass::Front))
}

impl Pick {
    fn new(ctx: &Ctx, snap: Arc<Snapshot>, mode: Mode, heading: String, items: Vec<Item>) -> Pick {
        let mut p = Pick {
            mode,
            snap,
            items,
            query: String::new(),
            shown: Vec::new(),
            cursor: ListCursor::new(),
            manager: manager(ctx),
            heading,
        };
        p.refilter();
        p
    }

    /// Who gets `bed`: today's arrivals first, the person it is reserved for at the very top.
    pub fn person_for_bed(ctx: &Ctx, snap: Arc<Snapshot>, bed: BedId) -> Pick {
        let (heading, items) = rows::people_for_bed(ctx, &snap, bed);
        Pick::new(ctx, snap, Mode::PersonForBed(bed), heading, items)
    }

    /// Which bed `case` gets (the arrivals board's "at centre" calls this).
    pub fn bed_for_person(ctx: &Ctx, snap: Arc<Snapshot>, case: CaseId) -> Pick {
        Pick::beds(ctx, snap, Mode::BedForPerson(case))
    }

    /// Which bed `case` moves to.
    pub fn bed_for_transfer(ctx: &Ctx, snap: Arc<Snapshot>, case: CaseId) -> Pick {
        Pick::beds(ctx, snap, Mode::BedForTransfer(case))
    }

    /// Which bed to hold for `holder`.
    pub fn bed_for_holder(ctx: &Ctx, snap: Arc<Snapshot>, holder: Holder) -> Pick {
        Pick::beds(ctx, snap, Mode::BedForHolder(holder))
    }

    fn beds(ctx: &Ctx, snap: Arc<Snapshot>, mode: Mode) -> Pick {
        let (heading, items) = rows::beds_for(ctx, &snap, mode);
        Pick::new(ctx, snap, mode, heading, items)
    }

    fn refilter(&mut self) {
        let q = search_fold(&self.query);
        self.shown = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| q.is_empty() || it.search.contains(&q))
            .map(|(i, _)| i)
            .collect();
        self.cursor.set_len(self.shown.len());
    }

    fn current(&self) -> Option<&Item> {
        self.shown.get(self.cursor.selected()).and_then(|i| self.items.get(*i))
    }

    /// Opens the form for the highlighted line, or says why it cannot be.
    fn choose(&mut self, ctx: &Ctx) -> Outcome {
        let Some(item) = self.current().cloned() else { return Outcome::None };
        let (Some(bed), Some(case)) = (item.bed, item.case) else {
            if let (Mode::BedForHolder(h), Some(bed)) = (self.mode, item.bed) {
                return self.reserve(ctx, &item, bed, h);
            }
            return Outcome::None;
        };
        let refusal = match &item.fit {
            Ok(()) => None,
            Err(r) if r.overridable() && self.manager && !matches!(self.mode, Mode::BedForHolder(_)) => Some(r.clone()),
            Err(r) => return Outcome::Status(text::refusal_with_hint(ctx, r, self.manager)),
        };
        let screen: Box<dyn Screen> = match self.mode {
            Mode::PersonForBed(_) | Mode::BedForPerson(_) => {
                Box::new(forms::stay::assign_screen(ctx, &self.snap, case, bed, refusal))
            }
            Mode::BedForTransfer(_) => Box::new(forms::stay::transfer_screen(ctx, &self.snap, case, bed, refusal)),
            Mode::BedForHolder(h) => return self.reserve(ctx, &item, bed, h),
        };
        Outcome::Replace(screen)
    }

    fn reserve(&self, ctx: &Ctx, item: &Item, bed: BedId, holder: Holder) -> Outcome {
        if let Err(r) = &item.fit {
            return Outcome::Status(text::refusal(ctx, r));
        }
        Outcome::Replace(Box::new(forms::stay_reserve::screen(ctx, &self.snap, bed, Some(holder))))
    }

    /// The night the list is for.
    pub fn day(&self) -> NaiveDate {
        self.snap.day
    }
}

impl Screen for Pick {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Beds
    }

    fn title(&self, ctx: &Ctx) -> String {
        let key = match self.mode {
            Mode::BedForTransfer(_) => "action-bed_transfer",
            Mode::BedForHolder(_) => "action-bed_reserve",
            _ => "action-bed_assign",
        };
        format!("{} — {}", ctx.t("screen-beds"), ctx.t(key))
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::Up => self.cursor.up(),
            Action::Down => self.cursor.down(),
            Action::PageUp => self.cursor.page_up(),
            Action::PageDown => self.cursor.page_down(),
            Action::Home => self.cursor.home(),
            Action::End => self.cursor.end(),
            Action::Open | Action::Confirm => return self.choose(ctx),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
        }
        if let Some(c) = crate::keymap::text_char(&key) {
            self.query.push(c);
        } else if key.code == KeyCode::Backspace {
            self.query.pop();
        } else {
            return Outcome::Ignored;
        }
        self.cursor.reset();
        self.refilter();
        Outcome::None
    }

    fn text_focused(&self) -> bool {
        true
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::TextFocused => true,
            Condition::ListEmpty => self.shown.is_empty(),
            Condition::ListNotEmpty => !self.shown.is_empty(),
            _ => false,
        }
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if area.height < 4 || area.width < 10 {
            return;
        }
        let w = usize::from(area.width);
        let put = |frame: &mut Frame<'_>, y: u16, l: Line<'_>| {
            frame.render_widget(Paragraph::new(l), Rect { y, height: 1, ..area })
        };
        put(frame, area.y, Line::styled(truncate_to_width(&self.heading, w), theme::heading()));
        let search = format!("{}: {}▏", ctx.t("beds-pick-search"), inert(&self.query));
        put(frame, area.y + 1, Line::styled(truncate_to_width(&search, w), theme::dim()));
        let list = Rect { y: area.y + 2, height: area.height - 3, ..area };
        if self.shown.is_empty() {
            put(frame, list.y, Line::styled(ctx.t("beds-pick-none"), theme::dim()));
        }
        let visible = self.cursor.scroll_into_view(usize::from(list.height));
        let widths: &[usize] = match self.mode {
            Mode::PersonForBed(_) if w >= 110 => &[12, 14, 16, 26],
            Mode::PersonForBed(_) => &[12, 10, 14, 14],
            _ if w >= 110 => &[8, 40, 20],
            _ => &[7, 30, 12],
        };
        for (row, idx) in self.shown.iter().enumerate().skip(visible.start).take(visible.len()) {
            let Some(item) = self.items.get(*idx) else { continue };
            let y = list.y + u16::try_from(row - visible.start).unwrap_or(0);
            let mut text = String::new();
            for (i, col) in item.cols.iter().enumerate() {
                match widths.get(i) {
                    Some(cw) => {
                        let cut = truncate_to_width(col, *cw);
                        let pad = cw.saturating_sub(display_width(&cut));
                        text.push_str(&cut);
                        text.push_str(&" ".repeat(pad + 2));
                    }
                    None => text.push_str(col),
                }
            }
            let style = if item.fit.is_ok() { Style::default() } else { theme::dim() };
            let style = if row == self.cursor.selected() { theme::selected() } else { style };
            let marker = if row == self.cursor.selected() { "▸ " } else { "  " };
            put(
                frame,
                y,
                Line::from(vec![Span::raw(marker), Span::styled(truncate_to_width(&text, w.saturating_sub(2)), style)]),
            );
        }
        let foot = match self.current().map(|i| &i.fit) {
            Some(Err(r)) => text::refusal_with_hint(ctx, r, self.manager),
            _ => ctx.t("beds-pick-help"),
        };
        let style = if matches!(self.current().map(|i| &i.fit), Some(Err(_))) { theme::error() } else { theme::dim() };
        put(frame, area.y + area.height - 1, Line::styled(truncate_to_width(&foot, w), style));
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::Open, Action::Back]
    }
}
