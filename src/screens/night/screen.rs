//! The roll-call screen (F5): one key per bed in walking order, Backspace to
//! take a mark back, Ctrl-S to finish: the roll-call is saved and the
//! discrepancies are listed.

use std::sync::Arc;

use chrono::NaiveDateTime;

use super::walk::{Empty, Misfit, Occupant, Walk, WalkLine};
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::BedId;
use crate::domain::night::{Discrepancy, NightMark, discrepancies};
use crate::keymap;
use crate::ops::beds::Snapshot;
use crate::ops::night::{self as ops, Walk as Saved};
use crate::screens::beds::ask::{Ask, Question};

/// The draft name of a walk in progress.
pub const DRAFT: crate::form_engine::FormId = crate::form_engine::FormId::NightRollCall;

/// What the screen shows.
#[derive(Debug, Clone)]
pub(super) enum View {
    /// Walking the beds.
    Walking,
    /// Saved: the discrepancies.
    Finished {
        /// What the morning shift must look at.
        found: Vec<Discrepancy>,
        /// When it was saved.
        at: NaiveDateTime,
    },
}

/// The roll-call.
pub struct RollCall {
    pub(super) snap: Arc<Snapshot>,
    pub(super) walk: Walk,
    pub(super) view: View,
    pub(super) top: usize,
    pub(super) ask: Option<Ask>,
    pub(super) saved_by: Option<(String, Option<NaiveDateTime>)>,
}

/// The beds of `snap` in walking order, with who should be in each on `snap.day`.
pub(super) fn lines(snap: &Snapshot) -> Vec<WalkLine> {
    let night = snap.day;
    let open: Vec<_> = snap.open_on(night).collect();
    snap.beds_in_plan()
        .map(|b| {
            let who = match open.iter().find(|s| s.bed_id == b.id) {
                Some(s) => {
                    let front = snap.cases.get(&s.case_id);
                    Ok(Occupant {
                        case: s.case_id,
                        alias: front.map(|f| f.alias.clone()).unwrap_or_default(),
                        code: front.map(|f| f.code.to_string()).unwrap_or_default(),
                        overdue: s.expected_until.filter(|u| *u <= night),
                    })
                }
                None if !b.usable_on(night) => Err(Empty::OutOfService),
                None => match snap.holding(b.id, night) {
                    Some(r) => {
                        let who = snap
                            .reservation_case(r)
                            .map(|f| f.alias.clone())
                            .or_else(|| r.pickup_id.and_then(|p| snap.pickups.get(&p)).map(|p| p.flight.to_string()))
                            .unwrap_or_default();
                        Err(Empty::Reserved(who))
                    }
                    None => Err(Empty::Free),
                },
            };
            WalkLine { bed: b.id, label: b.label.clone(), who }
        })
        .collect()
}

impl RollCall {
    /// The roll-call of the night `now` belongs to, with any earlier walk of it.
    pub fn new(ctx: &Ctx, snap: Arc<Snapshot>, started_at: NaiveDateTime) -> RollCall {
        let earlier = ctx.store().ok().and_then(|s| ops::roll_call_of(s, snap.day).ok().flatten());
        let marks = earlier.as_ref().map(|c| c.marks.clone()).unwrap_or_default();
        let saved_by = earlier.map(|c| (c.by, c.finished_at));
        let walk = Walk::new(snap.day, started_at, lines(&snap), &marks);
        RollCall { snap, walk, view: View::Walking, top: 0, ask: None, saved_by }
    }

    fn mark(&mut self, mark: NightMark, ctx: &Ctx) -> Outcome {
        self.view = View::Walking;
        match self.walk.mark(mark) {
            Ok(()) => Outcome::None,
            Err(Misfit::EmptyBed) => Outcome::Status(ctx.t("night-bed-empty")),
            Err(Misfit::OccupiedBed) => Outcome::Status(ctx.t("night-bed-occupied")),
            Err(Misfit::Nothing) => Outcome::None,
        }
    }

    fn finish(&mut self, ctx: &Ctx) -> Outcome {
        let now = ctx.now();
        let walk = Saved {
            night: self.walk.night,
            started_at: self.walk.started_at,
            finished_at: now,
            marks: self.walk.changed(),
            cleared: self.walk.cleared(),
        };
        let store = match ctx.store() {
            Ok(s) => s,
            Err(e) => return Outcome::Status(ctx.error_text(&e)),
        };
        let saved = match ops::save_roll_call(store, &walk) {
            Ok(c) => c,
            Err(e) => return Outcome::Status(ctx.error_text(&e)),
        };
        // Discrepancies on what the store holds now (another desk may have
        // checked someone out meanwhile).
        let snap = Snapshot::load(store, self.snap.day).map(Arc::new).unwrap_or_else(|_| Arc::clone(&self.snap));
        let open: Vec<_> = snap.open_on(snap.day).cloned().collect();
        let order: Vec<BedId> = snap.beds.iter().map(|b| b.id).collect();
        let found = discrepancies(&saved, &order, &open, &snap.reservations);
        // The saved marks become the earlier walk: a re-run goes on from here.
        let lines = lines(&snap);
        let mut walk = Walk::new(snap.day, self.walk.started_at, lines, &saved.marks);
        walk.cursor = self.walk.cursor.min(walk.lines.len().saturating_sub(1));
        self.walk = walk;
        self.snap = snap;
        self.saved_by = Some((saved.by.clone(), saved.finished_at));
        self.view = View::Finished { found, at: now };
        self.top = 0;
        Outcome::Status(ctx.t("night-saved"))
    }

    fn leave(&mut self) -> Outcome {
        if matches!(self.view, View::Walking) && self.walk.is_dirty() {
            self.ask = Some(Ask::new(Question::LeaveWalk));
            return Outcome::None;
        }
        Outcome::Pop
    }

    /// Puts back the marks of a kept draft.
    pub fn restore(&mut self, draft: &Draft) {
        let marks: Vec<(BedId, NightMark)> = draft
            .fields
            .iter()
            .filter_map(|(bed, mark)| Some((bed.parse::<BedId>().ok()?, NightMark::from_key(mark)?)))
            .collect();
        self.walk.restore(&marks);
    }
}

impl Screen for RollCall {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Night
    }

    fn title(&self, ctx: &Ctx) -> String {
        format!("{} — {}", ctx.t("screen-night"), ctx.i18n.format_date(self.walk.night))
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if let Some(ask) = self.ask.take() {
            return match ask.action(action) {
                Some(true) => Outcome::Pop,
                Some(false) => Outcome::None,
                None => {
                    self.ask = Some(ask);
                    Outcome::None
                }
            };
        }
        match action {
            Action::MarkPresent => return self.mark(NightMark::Present, ctx),
            Action::MarkAbsent => return self.mark(NightMark::Absent, ctx),
            Action::MarkOnLeave => return self.mark(NightMark::OnLeave, ctx),
            Action::MarkHospital => return self.mark(NightMark::Hospital, ctx),
            Action::MarkUnknownPerson => return self.mark(NightMark::UnknownPerson, ctx),
            Action::UndoMark => {
                self.view = View::Walking;
                if !self.walk.undo() {
                    return Outcome::Status(ctx.t("night-nothing-to-undo"));
                }
            }
            Action::Finish | Action::Save => return self.finish(ctx),
            Action::Up => self.walk.move_by(-1),
            Action::Down => self.walk.move_by(1),
            Action::PageUp => self.walk.move_by(-10),
            Action::PageDown => self.walk.move_by(10),
            Action::Home => self.walk.cursor = 0,
            Action::End => self.walk.move_by(isize::MAX),
            Action::Open | Action::Confirm if matches!(self.view, View::Finished { .. }) => self.view = View::Walking,
            Action::Back | Action::Close | Action::Cancel => return self.leave(),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: ratatui::crossterm::event::KeyEvent, _ctx: &mut Ctx) -> Outcome {
        if let Some(ask) = self.ask.take() {
            return match ask.key(&key) {
                Some(true) => Outcome::Pop,
                Some(false) => Outcome::None,
                None => {
                    self.ask = Some(ask);
                    Outcome::None
                }
            };
        }
        Outcome::Ignored
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.walk.lines.is_empty(),
            Condition::ListNotEmpty => !self.walk.lines.is_empty(),
            Condition::TextNotFocused => true,
            Condition::FormDirty => self.walk.is_dirty(),
            Condition::FormClean => !self.walk.is_dirty(),
            Condition::TextFocused => false,
        }
    }

    fn render(&mut self, frame: &mut ratatui::Frame<'_>, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::view::draw(self, frame, area, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        match self.view {
            View::Walking => vec![
                Action::MarkPresent,
                Action::MarkAbsent,
                Action::MarkOnLeave,
                Action::MarkHospital,
                Action::MarkUnknownPerson,
                Action::Finish,
                Action::UndoMark,
            ],
            View::Finished { .. } => vec![Action::Open, Action::Back],
        }
    }

    fn draft(&self) -> Option<Draft> {
        if !self.walk.is_dirty() || !matches!(self.view, View::Walking) {
            return None;
        }
        let mut fields = vec![
            ("night".to_string(), self.walk.night.to_string()),
            ("started".to_string(), self.walk.started_at.format("%Y-%m-%dT%H:%M:%S").to_string()),
        ];
        for m in self.walk.changed() {
            fields.push((m.bed_id.to_string(), m.mark.key().to_string()));
        }
        Some(Draft { form: DRAFT.key().to_string(), record: None, fields })
    }
}
