//! The bed board (F3): every bed a cell, rooms grouped by floor and wing,
//! arrows across the cells, and the actions on the selected bed.

use std::collections::HashMap;
use std::sync::Arc;

use super::ask::{Ask, Question, Reply, reply};
use super::layout::{Filter, Layout};
use super::pick::Pick;
use super::reading::Reading;
use super::text;
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::ids::BedId;
use crate::domain::occupancy::{BedState, bed_states};
use crate::domain::rooms::{Bed, Wing};
use crate::forms;
use crate::keymap;
use crate::ops::beds::{self, Snapshot};

/// What the board asks before doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pending {
    /// Put the bed back in service.
    BackInService(BedId),
    /// Let a reservation go.
    CancelReservation(BedId),
    /// Remove a bed from the plan.
    RemoveBed(BedId),
}

/// The board.
pub struct Board {
    pub(super) snap: Result<Arc<Snapshot>, String>,
    pub(super) states: HashMap<BedId, BedState>,
    pub(super) filter: Filter,
    pub(super) selected: Option<BedId>,
    pub(super) layout: Layout,
    pub(super) width: u16,
    pub(super) scroll: u32,
    pub(super) ask: Option<(Pending, Ask)>,
    /// Texts of cells and headings, kept between frames.
    pub(super) cache: super::view::Cache,
    reading: Reading,
    /// `/`: the cursor to a bed, room, alias or code.
    jump: crate::screens::jump::Jump,
}

impl Board {
    /// The board as of now.
    pub fn new(ctx: &Ctx) -> Board {
        let mut b = Board {
            snap: Err(String::new()),
            states: HashMap::new(),
            filter: Filter::default(),
            selected: None,
            layout: Layout::default(),
            width: 0,
            scroll: 0,
            ask: None,
            cache: super::view::Cache::default(),
            reading: Reading::default(),
            jump: crate::screens::jump::Jump::new("jump-what-beds"),
        };
        b.reload(ctx);
        b
    }

    /// Reads the beds again (after a save, or once a minute).
    pub(super) fn reload(&mut self, ctx: &Ctx) {
        let day = ctx.today();
        self.snap = self.reading.read(ctx);
        self.states = match &self.snap {
            Ok(s) => bed_states(&s.beds, &s.stays, &s.reservations, day),
            Err(_) => HashMap::new(),
        };
        self.relayout(self.width);
    }

    /// Lays the board out again for `width` (and the current filter).
    pub(super) fn relayout(&mut self, width: u16) {
        self.width = width;
        self.cache.clear();
        self.layout = match &self.snap {
            Ok(s) => Layout::build(s, &self.states, &self.filter, width.max(1)),
            Err(_) => Layout::default(),
        };
        if self.selected.is_none_or(|b| self.layout.position(b).is_none()) {
            self.selected = self.layout.ends().0;
        }
    }

    /// The selected bed.
    pub fn selected_bed(&self) -> Option<&Bed> {
        let id = self.selected?;
        self.snap.as_ref().ok()?.bed(id)
    }

    /// The state of a bed tonight.
    pub fn state(&self, bed: BedId) -> BedState {
        self.states.get(&bed).copied().unwrap_or(BedState::Unavailable)
    }

    /// Selects a bed by label (tests and the case file).
    pub fn select_label(&mut self, label: &str) -> bool {
        let found = self.snap.as_ref().ok().and_then(|s| s.beds.iter().find(|b| b.label == label)).map(|b| b.id);
        if let Some(id) = found
            && self.layout.position(id).is_some()
        {
            self.selected = Some(id);
            return true;
        }
        false
    }

    /// Whether the role may set up rooms and beds (the permission matrix says).
    fn manager(ctx: &Ctx) -> bool {
        use crate::domain::permissions::{Act, DataClass};
        ctx.store().is_ok_and(|s| s.may(Act::Rooms, DataClass::Front))
    }

    fn status(ctx: &Ctx, key: &str) -> Outcome {
        Outcome::Status(ctx.t(key))
    }

    fn cycle_wing(&mut self) {
        let all: Vec<Wing> = Wing::all().collect();
        self.filter.wing = match self.filter.wing {
            None => all.first().copied(),
            Some(w) => all.iter().position(|x| *x == w).and_then(|i| all.get(i + 1)).copied(),
        };
        self.relayout(self.width);
    }

    fn assign(&mut self, ctx: &Ctx) -> Outcome {
        let Some(bed) = self.selected_bed() else { return Outcome::None };
        match self.state(bed.id) {
            BedState::Free | BedState::Reserved(_) => match &self.snap {
                Ok(snap) => Outcome::Push(Box::new(Pick::person_for_bed(ctx, Arc::clone(snap), bed.id))),
                Err(_) => Outcome::None,
            },
            BedState::Occupied(_) => Self::status(ctx, "rule-bed-occupied"),
            BedState::Unavailable => self.why_unavailable(ctx, bed.id),
        }
    }

    fn why_unavailable(&self, ctx: &Ctx, bed: BedId) -> Outcome {
        let Ok(snap) = &self.snap else { return Outcome::None };
        let Some((b, room)) = snap.bed(bed).and_then(|b| snap.room_of(b).map(|r| (b, r))) else { return Outcome::None };
        match crate::domain::placement::check_bed_usable(room, b, ctx.today()) {
            Err(r) => Outcome::Status(text::refusal(ctx, &r)),
            Ok(()) => Outcome::None,
        }
    }

    fn occupant(&self) -> Option<crate::domain::ids::CaseId> {
        match self.state(self.selected?) {
            BedState::Occupied(c) => Some(c),
            _ => None,
        }
    }

    fn transfer(&mut self, ctx: &Ctx) -> Outcome {
        let (Some(case), Ok(snap)) = (self.occupant(), &self.snap) else {
            return Self::status(ctx, "beds-select-occupied");
        };
        Outcome::Push(Box::new(Pick::bed_for_transfer(ctx, Arc::clone(snap), case)))
    }

    fn check_out(&mut self, ctx: &Ctx) -> Outcome {
        let (Some(case), Ok(snap)) = (self.occupant(), &self.snap) else {
            return Self::status(ctx, "beds-select-occupied");
        };
        match snap.open_stay_of(case) {
            Some(stay) => Outcome::Push(Box::new(forms::stay_checkout::screen(ctx, snap, stay))),
            None => Outcome::None,
        }
    }

    /// The expected departure of the person in the selected bed.
    fn extend(&self, ctx: &Ctx) -> Outcome {
        let (Some(case), Ok(snap)) = (self.occupant(), &self.snap) else { return Outcome::None };
        match snap.open_stay_of(case) {
            Some(stay) => Outcome::Push(Box::new(forms::stay_extend::screen(ctx, snap, stay))),
            None => Outcome::None,
        }
    }

    fn reserve(&mut self, ctx: &Ctx) -> Outcome {
        let Some(bed) = self.selected else { return Outcome::None };
        match self.state(bed) {
            BedState::Free => match &self.snap {
                Ok(snap) => Outcome::Push(Box::new(forms::stay_reserve::screen(ctx, snap, bed, None))),
                Err(_) => Outcome::None,
            },
            BedState::Reserved(_) => {
                self.ask = Some((Pending::CancelReservation(bed), Ask::new(Question::CancelReservation)));
                Outcome::None
            }
            BedState::Occupied(_) => Self::status(ctx, "rule-bed-occupied"),
            BedState::Unavailable => self.why_unavailable(ctx, bed),
        }
    }

    fn out_of_service(&mut self, ctx: &Ctx) -> Outcome {
        let Some(bed) = self.selected_bed().cloned() else { return Outcome::None };
        if !Self::manager(ctx) {
            return Self::status(ctx, "rule-bed-manager_only");
        }
        if bed.out_of_service.is_some() {
            self.ask = Some((Pending::BackInService(bed.id), Ask::new(Question::BackInService)));
            return Outcome::None;
        }
        if let BedState::Occupied(_) = self.state(bed.id) {
            return Self::status(ctx, "rule-bed-occupied");
        }
        Outcome::Push(Box::new(forms::bed::out_of_service_screen(ctx, &bed)))
    }

    fn plan_action(&mut self, action: Action, ctx: &Ctx) -> Outcome {
        if !Self::manager(ctx) {
            return Self::status(ctx, "rule-bed-manager_only");
        }
        let bed = self.selected_bed().cloned();
        match action {
            Action::Edit => match bed {
                Some(b) => Outcome::Push(Box::new(forms::bed::screen(ctx, Some(&b), None))),
                None => Outcome::None,
            },
            Action::New => Outcome::Push(Box::new(forms::bed::screen(ctx, None, bed.map(|b| b.room_id)))),
            Action::RoomNew => Outcome::Push(Box::new(forms::room::screen(ctx, None))),
            Action::Delete => {
                if let Some(b) = bed {
                    self.ask = Some((Pending::RemoveBed(b.id), Ask::new(Question::RemoveBed)));
                }
                Outcome::None
            }
            _ => Outcome::Ignored,
        }
    }

    fn answer(&mut self, pending: Pending, ctx: &mut Ctx) -> Outcome {
        let today = ctx.today();
        let Ok(store) = ctx.store() else { return Outcome::None };
        let done = match pending {
            Pending::BackInService(bed) => {
                beds::set_out_of_service(store, bed, None, today).map(|_| ctx.t("beds-back-in-service"))
            }
            Pending::CancelReservation(bed) => {
                let held = self.snap.as_ref().ok().and_then(|s| s.holding(bed, today)).map(|r| r.id);
                match held {
                    Some(id) => beds::cancel_reservation(store, id).map(|()| ctx.t("beds-reservation-cancelled")),
                    None => Ok(String::new()),
                }
            }
            Pending::RemoveBed(bed) => beds::remove_bed(store, bed, today).map(|how| match how {
                beds::Removal::Retired => ctx.t("beds-bed-retired"),
                beds::Removal::Deleted => ctx.t("beds-bed-removed"),
            }),
        };
        let out = match done {
            Ok(msg) => Outcome::Status(msg),
            Err(e) => Outcome::Status(text::error(ctx, &e)),
        };
        self.reload(ctx);
        out
    }

    fn open(&mut self, ctx: &Ctx) -> Outcome {
        match (self.occupant(), self.selected) {
            (Some(case), _) => match crate::screens::case_file(ctx, case) {
                Some(s) => Outcome::Push(s),
                None => self.detail_status(ctx),
            },
            (None, Some(_)) => self.assign(ctx),
            _ => Outcome::None,
        }
    }

    fn detail_status(&self, ctx: &Ctx) -> Outcome {
        Outcome::Status(super::view::detail(self, ctx))
    }
}

impl Screen for Board {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Beds
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-beds")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let out = self.act(action, ctx);
        self.reading.after(&out);
        out
    }

    fn key(&mut self, key: ratatui::crossterm::event::KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = crate::screens::jump::Step::Key(&key);
        if let Some(out) =
            self.jump.on_bed_board(step, &self.snap, &self.states, &self.layout.order, &mut self.selected)
        {
            return out;
        }
        match reply(&mut self.ask, |ask| ask.key(&key)) {
            Reply::Yes(pending, _) => self.answer(pending, ctx),
            Reply::Taken => Outcome::None,
            Reply::NotAsked => Outcome::Ignored,
        }
    }

    fn grant(&self, action: Action) -> Option<crate::app::grants::Grant> {
        match action {
            // On an occupied bed `e` extends the stay; on any other it edits
            // the bed plan, which only the roles that set up rooms may do.
            Action::Edit if self.occupant().is_none() => {
                Some((crate::domain::permissions::Act::Rooms, crate::domain::permissions::DataClass::Front))
            }
            other => crate::app::grants::needs(self.table(), other),
        }
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.layout.order.is_empty(),
            Condition::ListNotEmpty => !self.layout.order.is_empty(),
            Condition::TextNotFocused => !self.jump.is_open(),
            Condition::TextFocused => self.jump.is_open(),
            _ => false,
        }
    }

    fn render(&mut self, frame: &mut ratatui::Frame<'_>, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::view::draw(self, frame, area, ctx);
        self.jump.draw(frame, area, ctx);
    }

    fn text_focused(&self) -> bool {
        self.jump.is_open()
    }

    fn hints(&self) -> Vec<Action> {
        if self.jump.is_open() {
            return vec![Action::Back];
        }
        let mut out = match self.selected.map(|b| self.state(b)) {
            Some(BedState::Occupied(_)) => vec![Action::BedTransfer, Action::BedCheckout, Action::Edit, Action::Open],
            Some(BedState::Reserved(_)) => vec![Action::BedAssign, Action::BedReserve],
            Some(BedState::Free) => vec![Action::BedAssign, Action::BedReserve, Action::BedOutOfService],
            Some(BedState::Unavailable) => vec![Action::BedOutOfService],
            None => vec![],
        };
        out.extend([Action::FilterWing, Action::FilterFree, Action::RoomsSetup]);
        out
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.reading.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }
}

impl Board {
    /// What an action does on the board.
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match reply(&mut self.ask, |ask| ask.action(action)) {
            Reply::Yes(pending, _) => return self.answer(pending, ctx),
            Reply::Taken => return Outcome::None,
            Reply::NotAsked => {}
        }
        let step = crate::screens::jump::Step::Action(action);
        if let Some(out) =
            self.jump.on_bed_board(step, &self.snap, &self.states, &self.layout.order, &mut self.selected)
        {
            return out;
        }
        let page = isize::try_from((self.layout.rows.len() / 4).max(1)).unwrap_or(1);
        match action {
            Action::Left => self.selected = self.layout.step(self.selected, -1),
            Action::Right => self.selected = self.layout.step(self.selected, 1),
            Action::Up => self.selected = self.layout.vertical(self.selected, -1),
            Action::Down => self.selected = self.layout.vertical(self.selected, 1),
            Action::PageUp => self.selected = self.layout.vertical(self.selected, -page),
            Action::PageDown => self.selected = self.layout.vertical(self.selected, page),
            Action::Home => self.selected = self.layout.ends().0,
            Action::End => self.selected = self.layout.ends().1,
            Action::FilterWing => self.cycle_wing(),
            Action::FilterFree => {
                self.filter.free_only = !self.filter.free_only;
                self.relayout(self.width);
            }
            Action::BedAssign => return self.assign(ctx),
            Action::BedTransfer => return self.transfer(ctx),
            Action::BedCheckout => return self.check_out(ctx),
            Action::BedReserve => return self.reserve(ctx),
            Action::BedOutOfService => return self.out_of_service(ctx),
            Action::Open => return self.open(ctx),
            Action::RoomsSetup => {
                if !Self::manager(ctx) {
                    return Self::status(ctx, "rule-bed-manager_only");
                }
                return Outcome::Push(Box::new(crate::screens::rooms::RoomsSetup::new(ctx)));
            }
            Action::Edit if self.occupant().is_some() => return self.extend(ctx),
            Action::New | Action::RoomNew | Action::Edit | Action::Delete => return self.plan_action(action, ctx),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }
}
