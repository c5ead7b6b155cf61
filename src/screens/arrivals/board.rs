//! The arrivals board: what reception works from in the arrivals hall. One
//! line per pickup of the chosen view, the cursor on the next person still
//! awaited, and one key per thing that happens at the gate.

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::prompt::{Ask, Prompt, PromptKey};
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::arrivals::{BoardView, WEEK_DAYS, first_awaited, is_awaited};
use crate::domain::ids::PickupId;
use crate::domain::pickup::PickupStatus;
use crate::forms::arrivals_flow::Notify;
use crate::forms::pickup as pickup_form;
use crate::keymap;
use crate::ops::arrivals::{self as ops, BoardRow};
use crate::screens::fresh::Freshness;

/// Seconds after which the board reads the pickups again even without a save here.
const STALE_AFTER_SECONDS: i64 = 30;

/// The arrivals board.
pub struct Board {
    pub(super) view: BoardView,
    pub(super) rows: Vec<BoardRow>,
    pub(super) selected: usize,
    pub(super) offset: usize,
    pub(super) page: usize,
    pub(super) error: Option<String>,
    pub(super) prompt: Option<Prompt>,
    pub(super) staff: Vec<(String, String)>,
    pub(super) cursor: Option<(u16, u16)>,
    pub(super) fresh: Freshness,
    pub(super) notify: Notify,
    /// `/`: the cursor to a flight, alias or code.
    jump: crate::screens::jump::Jump,
}

impl Board {
    /// Today's board, the cursor on the first person still awaited.
    pub fn new(ctx: &Ctx) -> Board {
        let staff = ctx
            .store()
            .map(|s| s.header().slots.iter().map(|k| (k.username.clone(), k.display_name.clone())).collect())
            .unwrap_or_default();
        let mut b = Board {
            view: BoardView::Day(ctx.today()),
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            page: 10,
            error: None,
            prompt: None,
            staff,
            cursor: None,
            fresh: Freshness::on_save_or_every(STALE_AFTER_SECONDS),
            notify: Notify::default(),
            jump: crate::screens::jump::Jump::new("jump-what-arrivals"),
        };
        b.reload(ctx, None);
        b.selected = first_awaited(&b.pickups());
        b
    }

    /// The view shown.
    pub fn view(&self) -> BoardView {
        self.view
    }

    /// The pickup under the cursor.
    pub fn selected_id(&self) -> Option<PickupId> {
        self.rows.get(self.selected).map(|r| r.pickup.id)
    }

    /// The rows shown, in order.
    pub fn rows(&self) -> &[BoardRow] {
        &self.rows
    }

    pub(super) fn pickups(&self) -> Vec<crate::domain::pickup::Pickup> {
        self.rows.iter().map(|r| r.pickup.clone()).collect()
    }

    /// Reads the view again; the cursor stays on `keep` (or on the same pickup as before).
    pub(super) fn reload(&mut self, ctx: &Ctx, keep: Option<PickupId>) {
        let keep = keep.or_else(|| self.selected_id());
        self.fresh.loaded(ctx);
        let loaded = ctx.store().and_then(|s| ops::board(s, self.view));
        match loaded {
            Ok(rows) => {
                self.rows = rows;
                self.error = None;
            }
            Err(e) => {
                self.rows.clear();
                self.error = Some(ctx.error_text(&e));
            }
        }
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.pickup.id == id))
            .unwrap_or_else(|| self.selected.min(self.rows.len().saturating_sub(1)));
    }

    pub(super) fn set_view(&mut self, view: BoardView, ctx: &Ctx) {
        self.view = view;
        self.offset = 0;
        self.reload(ctx, None);
        self.selected = first_awaited(&self.pickups());
    }

    /// The view one step earlier or later: a day in a day view, a week in a week view.
    fn shift(&mut self, forward: bool, ctx: &Ctx) {
        let step = |days: i64| Duration::days(if forward { days } else { -days });
        let view = match self.view {
            BoardView::Day(d) => BoardView::Day(d.checked_add_signed(step(1)).unwrap_or(d)),
            BoardView::Week(d) => BoardView::Week(d.checked_add_signed(step(WEEK_DAYS)).unwrap_or(d)),
            BoardView::Open => return,
        };
        self.set_view(view, ctx);
    }

    fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

impl Screen for Board {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Arrivals
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-arrivals")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if self.prompt.is_some() {
            return match action {
                Action::Confirm | Action::Open => self.answer(ctx),
                Action::Back | Action::Close | Action::Cancel => {
                    self.prompt = None;
                    Outcome::None
                }
                _ => Outcome::None,
            };
        }
        let rows = || crate::screens::jump::arrival_rows(&self.rows);
        if let Some(out) = self.jump.action(action, self.selected, rows).onto(|i| self.selected = i) {
            return out;
        }
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page.max(1) as isize)),
            Action::PageDown => self.move_by(self.page.max(1) as isize),
            Action::Home => self.selected = 0,
            Action::End => self.selected = self.rows.len().saturating_sub(1),
            Action::Left => self.shift(false, ctx),
            Action::Right => self.shift(true, ctx),
            Action::ViewToday => self.set_view(BoardView::Day(ctx.today()), ctx),
            Action::ViewTomorrow => {
                let today = ctx.today();
                self.set_view(BoardView::Day(today.succ_opt().unwrap_or(today)), ctx)
            }
            Action::ViewWeek => self.set_view(BoardView::Week(ctx.today()), ctx),
            Action::ViewOpen => self.set_view(BoardView::Open, ctx),
            Action::PickupMet => return self.met(ctx, false),
            Action::PickupNoShow => return self.ask(Ask::NoShow, PickupStatus::NoShow, ctx),
            Action::PickupCancelled => return self.ask(Ask::Cancel, PickupStatus::Cancelled, ctx),
            Action::PickupDelayed => return self.ask(Ask::Delay, PickupStatus::Delayed, ctx),
            Action::PickupAtCentre => return self.at_centre(ctx),
            Action::PickupUndo => return self.undo(ctx, false),
            Action::PickupNew => {
                return Outcome::Push(Box::new(pickup_form::screen(ctx, None, self.notify.clone())));
            }
            Action::PickupEdit | Action::Open => return self.edit(ctx),
            Action::WalkIn => return self.walk_in(ctx),
            Action::OpenCase => return self.open_case(ctx),
            Action::BedReserve => return self.reserve_bed(ctx),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
        }
        let rows = || crate::screens::jump::arrival_rows(&self.rows);
        if let Some(out) = self.jump.key(&key, rows).onto(|i| self.selected = i) {
            return out;
        }
        let Some(prompt) = self.prompt.as_mut() else { return Outcome::Ignored };
        match prompt.key(&key) {
            PromptKey::Stay => Outcome::None,
            PromptKey::Answer => self.answer(ctx),
            PromptKey::Close => {
                self.prompt = None;
                Outcome::None
            }
        }
    }

    fn text_focused(&self) -> bool {
        self.prompt.is_some() || self.jump.is_open()
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.rows.is_empty(),
            Condition::ListNotEmpty => !self.rows.is_empty(),
            Condition::TextFocused => self.text_focused(),
            Condition::TextNotFocused => !self.text_focused(),
            Condition::FormDirty | Condition::FormClean => false,
        }
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx);
        self.jump.draw(frame, area, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        if self.prompt.is_some() || self.jump.is_open() {
            // The prompt itself says Enter and Esc; the bar keeps Back visible.
            return vec![Action::Back];
        }
        let awaited = self.rows.get(self.selected).is_some_and(|r| is_awaited(r.pickup.status));
        let mut out = if awaited {
            vec![Action::PickupMet, Action::PickupDelayed, Action::PickupNoShow]
        } else {
            vec![Action::PickupAtCentre]
        };
        if self.rows.get(self.selected).is_some_and(|r| r.pickup.changes.len() > 1) {
            out.push(Action::PickupUndo);
        }
        out.extend([
            Action::PickupNew,
            Action::WalkIn,
            Action::BedReserve,
            Action::PickupEdit,
            Action::ViewTomorrow,
            Action::ViewOpen,
        ]);
        out
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if let Some(id) = self.notify.take() {
            self.reload(ctx, Some(id));
            if self.selected_id() != Some(id) {
                // Saved for another day: show that day, on the pickup.
                if let Ok(p) = ctx.store().and_then(|s| ops::pickup(s, id)) {
                    self.view = BoardView::Day(p.scheduled.date());
                    self.reload(ctx, Some(id));
                }
            }
            return true;
        }
        if self.fresh.due(ctx) {
            self.reload(ctx, None);
            return true;
        }
        false
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.cursor
    }
}
