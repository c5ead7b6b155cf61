//! The arrivals board: what reception works from in the arrivals hall. One
//! line per pickup of the chosen view, the cursor on the next person still
//! awaited, and one key per thing that happens at the gate.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::prompt::{Ask, Prompt, PromptKey};
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::arrivals::{BoardView, WEEK_DAYS, first_awaited, is_awaited, parse_estimate, place_label};
use crate::domain::ids::PickupId;
use crate::domain::pickup::PickupStatus;
use crate::forms::arrivals_flow::Notify;
use crate::forms::{arrivals_walkin, pickup as pickup_form};
use crate::keymap;
use crate::ops::arrivals::{self as ops, BoardRow};
use crate::store::StoreError;

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
    loaded_at: Option<NaiveDateTime>,
    saves_seen: Option<DateTime<Utc>>,
    notify: Notify,
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
            loaded_at: None,
            saves_seen: None,
            notify: Notify::default(),
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

    fn pickups(&self) -> Vec<crate::domain::pickup::Pickup> {
        self.rows.iter().map(|r| r.pickup.clone()).collect()
    }

    /// Reads the view again; the cursor stays on `keep` (or on the same pickup as before).
    fn reload(&mut self, ctx: &Ctx, keep: Option<PickupId>) {
        let keep = keep.or_else(|| self.selected_id());
        let loaded = ctx.store().and_then(|s| {
            self.saves_seen = s.last_save();
            ops::board(s, self.view)
        });
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
        self.loaded_at = Some(ctx.now());
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.pickup.id == id))
            .unwrap_or_else(|| self.selected.min(self.rows.len().saturating_sub(1)));
    }

    fn set_view(&mut self, view: BoardView, ctx: &Ctx) {
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

    /// A line naming a pickup for prompts and messages: flight, time, alias and code.
    pub(super) fn about(&self, row: &BoardRow, ctx: &Ctx) -> String {
        let p = &row.pickup;
        let who = row.case.as_ref().map(|c| format!(" · {} {}", c.alias, c.code)).unwrap_or_default();
        format!(
            "{} · {} · {}{who}",
            p.flight,
            ctx.i18n.format_datetime(p.scheduled),
            place_label(&p.airport, p.terminal.as_deref())
        )
    }

    fn status_label(ctx: &Ctx, s: PickupStatus) -> String {
        ctx.t(&format!("pickup-status-{}", s.key()))
    }

    /// A refusal when the selected pickup cannot go to `to`; `None` when it can.
    fn refusal(&self, to: PickupStatus, ctx: &Ctx) -> Option<String> {
        let Some(row) = self.rows.get(self.selected) else { return Some(ctx.t("arrivals-nothing-selected")) };
        let from = row.pickup.status;
        if crate::domain::pickup::can_transition(from, to) {
            return None;
        }
        let key = match (from, to) {
            (PickupStatus::Scheduled | PickupStatus::Delayed, PickupStatus::AtCentre) => "arrivals-error-meet-first",
            _ => "arrivals-error-transition",
        };
        Some(ctx.i18n.t_args(key, &[("status", Self::status_label(ctx, from).into())]))
    }

    fn done(&mut self, ctx: &Ctx, result: Result<String, StoreError>) -> Outcome {
        let id = self.selected_id();
        self.reload(ctx, id);
        match result {
            Ok(message) => Outcome::Status(message),
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    fn met(&mut self, ctx: &Ctx, confirmed: bool) -> Outcome {
        if let Some(why) = self.refusal(PickupStatus::Met, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        if !confirmed && row.pickup.scheduled.date() != ctx.today() && row.pickup.expected_at().date() != ctx.today() {
            self.prompt = Some(Prompt::new(Ask::ConfirmMet, row.pickup.id, self.about(&row, ctx), String::new()));
            return Outcome::None;
        }
        let now = ctx.now();
        let result = ctx.store().and_then(|s| ops::mark_met(s, row.pickup.id, now)).map(|_| {
            let who = row
                .case
                .as_ref()
                .map(|c| format!("{} ({})", c.alias, c.code))
                .unwrap_or_else(|| row.pickup.flight.to_string());
            ctx.i18n
                .t_args("arrivals-done-met", &[("who", who.into()), ("time", ctx.i18n.format_time(now.time()).into())])
        });
        self.done(ctx, result)
    }

    fn ask(&mut self, ask: Ask, to: PickupStatus, ctx: &Ctx) -> Outcome {
        if let Some(why) = self.refusal(to, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        let input = match ask {
            Ask::Delay => row.pickup.estimated.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
            _ => String::new(),
        };
        self.prompt = Some(Prompt::new(ask, row.pickup.id, self.about(&row, ctx), input));
        Outcome::None
    }

    /// Acts on the open prompt's answer; a refused answer keeps the prompt with its message.
    fn answer(&mut self, ctx: &Ctx) -> Outcome {
        let Some(prompt) = self.prompt.clone() else { return Outcome::None };
        if prompt.ask == Ask::ConfirmMet {
            self.prompt = None;
            return self.met(ctx, true);
        }
        let Some(p) = self.rows.iter().find(|r| r.pickup.id == prompt.pickup).map(|r| r.pickup.clone()) else {
            self.prompt = None;
            return Outcome::None;
        };
        let now = ctx.now();
        let store = match ctx.store() {
            Ok(s) => s,
            Err(e) => return Outcome::Status(ctx.error_text(&e)),
        };
        let result = match prompt.ask {
            Ask::NoShow if prompt.input.trim().is_empty() => Err(ctx.t("arrivals-prompt-reason-needed")),
            Ask::NoShow => ops::mark_no_show(store, p.id, &prompt.input, now)
                .map(|_| ctx.i18n.t_args("arrivals-done-no-show", &[("flight", p.flight.to_string().into())]))
                .map_err(|e| ctx.error_text(&e)),
            Ask::Cancel => ops::mark_cancelled(store, p.id, &prompt.input, now)
                .map(|_| ctx.i18n.t_args("arrivals-done-cancelled", &[("flight", p.flight.to_string().into())]))
                .map_err(|e| ctx.error_text(&e)),
            Ask::Delay => match parse_estimate(&prompt.input, p.scheduled, now) {
                Err(e) => Err(ctx.t(date_error_key(e))),
                Ok(at) if at < p.scheduled => Err(ctx.t("arrivals-prompt-estimate-early")),
                Ok(at) => ops::mark_delayed(store, p.id, at, now)
                    .map(|_| {
                        ctx.i18n.t_args(
                            "arrivals-done-delayed",
                            &[("flight", p.flight.to_string().into()), ("time", ctx.i18n.format_datetime(at).into())],
                        )
                    })
                    .map_err(|e| ctx.error_text(&e)),
            },
            Ask::ConfirmMet => Ok(String::new()),
        };
        match result {
            Ok(message) => {
                self.prompt = None;
                self.reload(ctx, Some(p.id));
                Outcome::Status(message)
            }
            Err(message) => {
                if let Some(open) = self.prompt.as_mut() {
                    open.error = Some(message);
                }
                Outcome::None
            }
        }
    }

    fn at_centre(&mut self, ctx: &Ctx) -> Outcome {
        if let Some(why) = self.refusal(PickupStatus::AtCentre, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        if row.pickup.case_id.is_none() {
            return Outcome::Status(ctx.t("arrivals-error-no-case"));
        }
        let result = ctx.store().and_then(|s| ops::mark_at_centre(s, row.pickup.id, ctx.now()));
        self.reload(ctx, Some(row.pickup.id));
        match result {
            Ok(case) => match crate::screens::assign_bed(ctx, case) {
                Some(screen) => Outcome::Push(screen),
                None => Outcome::Status(ctx.t("arrivals-done-at-centre")),
            },
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    fn edit(&mut self, ctx: &Ctx) -> Outcome {
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        let form = pickup_form::screen(ctx, Some((&row.pickup, row.case.as_ref())), self.notify.clone());
        Outcome::Push(Box::new(form))
    }

    fn case_screen(&self, ctx: &Ctx, bed: bool) -> Outcome {
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        let Some(case) = row.pickup.case_id else { return Outcome::Status(ctx.t("arrivals-error-no-case")) };
        let screen = if bed { crate::screens::assign_bed(ctx, case) } else { crate::screens::case_file(ctx, case) };
        match screen {
            Some(s) => Outcome::Push(s),
            None => {
                Outcome::Status(ctx.t(if bed { "arrivals-beds-not-ready" } else { "arrivals-case-file-not-ready" }))
            }
        }
    }

    fn walk_in(&self, ctx: &Ctx) -> Outcome {
        // Reception is where the selected pickup is, most likely.
        let place = self.rows.get(self.selected).map(|r| place_label(&r.pickup.airport, r.pickup.terminal.as_deref()));
        Outcome::Push(Box::new(arrivals_walkin::screen(ctx, place, self.notify.clone())))
    }
}

/// The message key of a date-time that does not parse.
fn date_error_key(e: crate::domain::dates::DateError) -> &'static str {
    use crate::domain::dates::DateError;
    match e {
        DateError::Empty => "form-error-required",
        DateError::Unrecognised => "arrivals-prompt-estimate-format",
        DateError::InvalidDate => "form-error-no-such-date",
        DateError::InvalidTime => "form-error-no-such-time",
        DateError::OutOfRange => "form-error-date-range",
        DateError::MissingTime => "form-error-time-missing",
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
            Action::PickupNew => {
                return Outcome::Push(Box::new(pickup_form::screen(ctx, None, self.notify.clone())));
            }
            Action::PickupEdit | Action::Open => return self.edit(ctx),
            Action::WalkIn => return self.walk_in(ctx),
            Action::OpenCase => return self.case_screen(ctx, false),
            Action::BedReserve => return self.case_screen(ctx, true),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
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
        self.prompt.is_some()
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
    }

    fn hints(&self) -> Vec<Action> {
        if self.prompt.is_some() {
            // The prompt itself says Enter and Esc; the bar keeps Back visible.
            return vec![Action::Back];
        }
        let awaited = self.rows.get(self.selected).is_some_and(|r| is_awaited(r.pickup.status));
        let mut out = if awaited {
            vec![Action::PickupMet, Action::PickupDelayed, Action::PickupNoShow]
        } else {
            vec![Action::PickupAtCentre]
        };
        out.extend([Action::PickupNew, Action::WalkIn, Action::PickupEdit, Action::ViewTomorrow, Action::ViewOpen]);
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
        let saved = ctx.store().ok().and_then(|s| s.last_save());
        let stale = self.loaded_at.is_none_or(|t| (ctx.now() - t).num_seconds() >= STALE_AFTER_SECONDS);
        if saved != self.saves_seen || stale {
            self.reload(ctx, None);
            return true;
        }
        false
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.cursor
    }
}
