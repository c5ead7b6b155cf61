//! The case file: one case in tabs (Profile, Stay, Services, Referrals,
//! Travel, Consent, Notes, History). Opening it writes the view event to the
//! audit chain before anything is read for display; the legal name appears
//! only on the reveal key, also recorded. Reception and night roles see the
//! front part only: tabs they cannot read are not there.

mod history;
mod notes;
mod profile;
mod referrals;
mod services;
pub mod tabs;
mod text;
mod view;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;

use self::tabs::{Item, Tab, TabView};
use super::forms;
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};
use crate::keymap;
use crate::ops::case_file::{self, CaseData, Version};
use crate::ops::services::Step;
use crate::screens::fresh::Freshness;

/// The case file screen.
pub struct CaseFile {
    case: CaseId,
    data: Option<CaseData>,
    error: Option<String>,
    tabs: Vec<Tab>,
    tab: Tab,
    cursor: HashMap<Tab, usize>,
    scroll: usize,
    revealed: bool,
    history: Option<Result<Vec<Version>, String>>,
    fresh: Freshness,
    width: usize,
    page: usize,
}

impl CaseFile {
    /// Opens the file of `case`: the view is recorded first, then the file is read.
    pub fn open(ctx: &Ctx, case: CaseId) -> CaseFile {
        let mut file = CaseFile {
            case,
            data: None,
            error: None,
            tabs: vec![Tab::Profile],
            tab: Tab::Profile,
            cursor: HashMap::new(),
            scroll: 0,
            revealed: false,
            history: None,
            fresh: Freshness::on_save(),
            width: 80,
            page: 10,
        };
        // The view is recorded before anything is read; what it wrote is not news.
        let opened = ctx.store().and_then(|s| case_file::open(s, case));
        file.fresh.loaded(ctx);
        match opened {
            Ok(data) => {
                file.tabs = Tab::visible(data.readable);
                file.data = Some(data);
            }
            Err(e) => file.error = Some(ctx.error_text(&e)),
        }
        file
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The tabs this user sees.
    pub fn tabs(&self) -> &[Tab] {
        &self.tabs
    }

    fn reload(&mut self, ctx: &Ctx) {
        let Ok(store) = ctx.store() else { return };
        self.fresh.loaded(ctx);
        match case_file::load(store, self.case) {
            Ok(data) => {
                self.tabs = Tab::visible(data.readable);
                self.data = Some(data);
                self.error = None;
            }
            Err(e) => self.error = Some(ctx.error_text(&e)),
        }
        self.history = None;
        self.ensure_history(ctx);
    }

    /// Reads the history when its tab is shown and it has not been read
    /// since the file was (render only draws what is read here).
    fn ensure_history(&mut self, ctx: &Ctx) {
        if self.tab != Tab::History || self.history.is_some() {
            return;
        }
        let (Some(data), Ok(store)) = (&self.data, ctx.store()) else { return };
        self.history = Some(case_file::history(store, data).map_err(|e| ctx.error_text(&e)));
    }

    /// What the current tab draws.
    fn view(&self, ctx: &Ctx) -> TabView {
        let Some(data) = &self.data else { return TabView::default() };
        match self.tab {
            Tab::Profile => profile::build(ctx, data, self.revealed),
            Tab::Stay => services::build_stay(ctx, data),
            Tab::Services => services::build(ctx, data, self.width),
            Tab::Referrals => referrals::build(ctx, data),
            Tab::Consent => referrals::build_consent(ctx, data),
            Tab::Travel => notes::build_travel(ctx, data),
            Tab::Notes => notes::build_notes(ctx, data),
            Tab::History => match &self.history {
                Some(Ok(versions)) => history::build(ctx, data, versions, self.revealed, self.width),
                Some(Err(e)) => {
                    let mut v = TabView::default();
                    v.line(text::warn(e.clone()));
                    v
                }
                None => TabView::default(),
            },
        }
    }

    fn selected(&self, ctx: &Ctx) -> Option<Item> {
        let items = self.view(ctx).items;
        let i = self.cursor.get(&self.tab).copied().unwrap_or(0);
        items.get(i.min(items.len().saturating_sub(1))).map(|(_, item)| *item)
    }

    fn switch(&mut self, forward: bool, ctx: &Ctx) {
        let n = self.tabs.len();
        if n == 0 {
            return;
        }
        let at = self.tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        self.tab = self.tabs.get(next).copied().unwrap_or(Tab::Profile);
        self.scroll = 0;
        self.ensure_history(ctx);
    }

    fn move_cursor(&mut self, ctx: &Ctx, to: impl Fn(usize, usize) -> usize) {
        let count = self.view(ctx).items.len();
        let cur = self.cursor.get(&self.tab).copied().unwrap_or(0);
        let next = to(cur, count).min(count.saturating_sub(1));
        self.cursor.insert(self.tab, next);
    }

    fn step_service(&mut self, step: Step, ctx: &Ctx) -> Outcome {
        let Some(Item::Service(i)) = self.selected(ctx) else {
            return Outcome::Status(ctx.t("cases-choose-service"));
        };
        let (Some(data), Ok(store)) = (&self.data, ctx.store()) else { return Outcome::None };
        let Some(item) = data.services.get(i) else { return Outcome::None };
        match crate::ops::services::step(store, item.body.id, step, ctx.today()) {
            Ok(saved) => {
                let msg = ctx.i18n.t_args(
                    "cases-service-now",
                    &[
                        ("service", ctx.t(&format!("service-{}", saved.kind.key())).into()),
                        ("status", ctx.t(&format!("service-status-{}", saved.status.key())).into()),
                    ],
                );
                self.reload(ctx);
                Outcome::Status(msg)
            }
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    fn complete_travel(&mut self, ctx: &Ctx) -> Outcome {
        let Some(Item::Travel(i)) = self.selected(ctx) else {
            return Outcome::Status(ctx.t("cases-choose-journey"));
        };
        let (Some(data), Ok(store)) = (&self.data, ctx.store()) else { return Outcome::None };
        let Some(t) = data.travel.get(i) else { return Outcome::None };
        match crate::ops::journeys::complete(store, self.case, t.body.id, ctx.today()) {
            Ok(saved) => {
                let n = i64::try_from(saved.services_done).unwrap_or(0);
                self.reload(ctx);
                Outcome::Status(ctx.i18n.t_args("cases-travel-completed-status", &[("count", n.into())]))
            }
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    /// The reveal key: shows the legal name of this file's person, or hides
    /// it again. Recorded only when a name will show: a file without one
    /// (or not read) says so and records nothing.
    fn reveal(&mut self, ctx: &Ctx) -> Outcome {
        if self.revealed {
            self.revealed = false;
            return Outcome::None;
        }
        let Ok(store) = ctx.store() else { return Outcome::None };
        if let Err(e) = store.authorize(Act::Reveal, DataClass::Case) {
            return Outcome::Status(ctx.error_text(&e));
        }
        if !self.data.as_ref().is_some_and(forms::has_name) {
            return Outcome::Status(ctx.t("cases-no-name"));
        }
        let before = store.generation();
        match crate::ops::cases::record_reveal(store, self.case) {
            Ok(()) => {
                self.revealed = true;
                // The event changes nothing shown: no need to read the file again.
                self.fresh.own_save(before, store);
                Outcome::None
            }
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    fn open_item(&mut self, ctx: &Ctx) -> Outcome {
        let Some(data) = &self.data else { return Outcome::None };
        match self.selected(ctx) {
            Some(Item::Front) => forms::edit_front(ctx, data),
            Some(Item::Identity) => {
                let out = forms::edit_identity(ctx, data, self.revealed);
                if matches!(out, Outcome::Push(_)) && forms::has_name(data) {
                    // The form shows the names: opening it counts as revealing them.
                    self.revealed = true;
                }
                out
            }
            Some(Item::Document(i)) => forms::edit_document(ctx, data, Some(i)),
            Some(Item::AddDocument) => forms::edit_document(ctx, data, None),
            Some(Item::Contact(i)) => forms::edit_contact(ctx, data, Some(i)),
            Some(Item::AddContact) => forms::edit_contact(ctx, data, None),
            Some(Item::Trafficking) => forms::edit_trafficking(ctx, data),
            Some(Item::Incoming) => match data.private.as_ref().and_then(|p| p.body.incoming_referral) {
                Some(id) => match data.referrals.iter().position(|r| r.body.id == id) {
                    Some(i) => forms::edit_referral(ctx, data, Some(i)),
                    None => Outcome::None,
                },
                None => forms::new_incoming(ctx, data),
            },
            Some(Item::Stay(_)) => Outcome::Status(ctx.t("cases-stay-on-bed-board")),
            Some(Item::Service(i)) => forms::edit_service(ctx, data, i),
            Some(Item::Referral(i)) => forms::edit_referral(ctx, data, Some(i)),
            Some(Item::Consent(i)) => forms::edit_consent(ctx, data, Some(i)),
            Some(Item::Travel(i)) => forms::edit_travel(ctx, data, Some(i)),
            Some(Item::Note(i)) => forms::edit_note(ctx, data, Some(forms::NoteRef::Note(i))),
            Some(Item::Medical(i)) => forms::edit_note(ctx, data, Some(forms::NoteRef::Medical(i))),
            Some(Item::GateZone) => self.open_gate_zone(ctx),
            Some(Item::Version(_)) | None => Outcome::None,
        }
    }

    /// Opens the zone entered at the gate with the case key and offers it
    /// through the document form's preview.
    fn open_gate_zone(&self, ctx: &Ctx) -> Outcome {
        let Some(data) = &self.data else { return Outcome::None };
        let opened = ctx.store().and_then(|s| s.open_gate_zone(self.case));
        match opened {
            Ok(Some(z)) => Outcome::Push(Box::new(crate::forms::case_document::gate_screen(
                ctx,
                &data.front.body,
                data.private.as_ref(),
                &z.zone,
            ))),
            Ok(None) => Outcome::None,
            Err(crate::store::StoreError::Corrupt { .. }) => Outcome::Status(ctx.t("cases-gate-zone-unreadable")),
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    fn new_item(&mut self, ctx: &Ctx) -> Outcome {
        let Some(data) = &self.data else { return Outcome::None };
        match self.tab {
            Tab::Profile => match self.selected(ctx) {
                Some(Item::Contact(_) | Item::AddContact) => forms::edit_contact(ctx, data, None),
                _ if data.readable.case => forms::edit_document(ctx, data, None),
                _ => Outcome::Status(ctx.t("error-forbidden")),
            },
            Tab::Stay => match crate::screens::assign_bed(ctx, self.case) {
                Some(s) => Outcome::Push(s),
                None => Outcome::Status(ctx.t("cases-stay-on-bed-board")),
            },
            Tab::Referrals => forms::edit_referral(ctx, data, None),
            Tab::Consent => forms::edit_consent(ctx, data, None),
            Tab::Travel => forms::edit_travel(ctx, data, None),
            Tab::Notes => forms::edit_note(ctx, data, None),
            Tab::Services | Tab::History => Outcome::None,
        }
    }

    fn delete_item(&mut self, ctx: &Ctx) -> Outcome {
        let Some(data) = &self.data else { return Outcome::None };
        let out = match self.selected(ctx) {
            Some(Item::Document(i)) => forms::remove_document(ctx, data, i),
            Some(Item::Contact(i)) => forms::remove_contact(ctx, data, i),
            Some(Item::GateZone) => {
                match ctx.store().and_then(|s| crate::ops::arrivals::gate::dismiss_zone(s, self.case)) {
                    Ok(()) => Outcome::Status(ctx.t("cases-gate-zone-dismissed")),
                    Err(e) => Outcome::Status(ctx.error_text(&e)),
                }
            }
            _ => return Outcome::Status(ctx.t("cases-cannot-delete")),
        };
        self.reload(ctx);
        out
    }

    /// Runs an action.
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let page = self.page.max(1);
        match action {
            Action::NextTab | Action::Right => self.switch(true, ctx),
            Action::PrevTab | Action::Left => self.switch(false, ctx),
            Action::Up => self.move_cursor(ctx, |c, _| c.saturating_sub(1)),
            Action::Down => self.move_cursor(ctx, |c, _| c + 1),
            Action::PageUp => self.move_cursor(ctx, |c, _| c.saturating_sub(page)),
            Action::PageDown => self.move_cursor(ctx, |c, _| c + page),
            Action::Home => self.move_cursor(ctx, |_, _| 0),
            Action::End => self.move_cursor(ctx, |_, n| n),
            Action::Open | Action::Confirm | Action::Edit => return self.open_item(ctx),
            Action::New => return self.new_item(ctx),
            Action::Delete => return self.delete_item(ctx),
            Action::ServiceForward => return self.step_service(Step::Forward, ctx),
            Action::ServiceBack => return self.step_service(Step::Back, ctx),
            Action::ServiceDoneToday => return self.step_service(Step::DoneToday, ctx),
            Action::ServiceNotApplicable => return self.step_service(Step::NotApplicable, ctx),
            Action::TravelComplete => return self.complete_travel(ctx),
            Action::RevealName => return self.reveal(ctx),
            Action::CaseClose => return self.data.as_ref().map_or(Outcome::None, |d| forms::close_case(ctx, d)),
            Action::CaseReopen => return self.data.as_ref().map_or(Outcome::None, |d| forms::reopen_case(ctx, d)),
            Action::Organisations => {
                return Outcome::Push(Box::new(crate::screens::organisations::Directory::new(ctx)));
            }
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    /// The actions worth a hint on the tab shown.
    fn hint_actions(&self) -> Vec<Action> {
        let mut out = vec![Action::NextTab];
        match self.tab {
            Tab::Services => out.extend([
                Action::ServiceForward,
                Action::ServiceBack,
                Action::ServiceDoneToday,
                Action::ServiceNotApplicable,
                Action::Open,
            ]),
            Tab::Travel => out.extend([Action::New, Action::Open, Action::TravelComplete]),
            Tab::Referrals | Tab::Consent | Tab::Notes => out.extend([Action::New, Action::Open]),
            Tab::Profile => out.extend([Action::Open, Action::New]),
            Tab::Stay | Tab::History => {}
        }
        if self.data.as_ref().is_some_and(|d| d.readable.case) {
            out.push(Action::RevealName);
            let closed = self.data.as_ref().is_some_and(|d| d.front.body.status.is_closed());
            out.push(if closed { Action::CaseReopen } else { Action::CaseClose });
        }
        out.push(Action::Back);
        out
    }
}

impl Screen for CaseFile {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::CaseFile
    }

    fn title(&self, ctx: &Ctx) -> String {
        match &self.data {
            Some(d) => format!("{} · {}", ctx.t("screen-case_file"), d.front.body.code),
            None => ctx.t("screen-case_file"),
        }
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        self.act(action, ctx)
    }

    fn condition(&self, c: Condition) -> bool {
        matches!(c, Condition::TextNotFocused | Condition::FormClean)
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.fresh.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.width = usize::from(area.width);
        self.draw(frame, area, ctx);
    }

    fn grant(&self, action: Action) -> Option<crate::app::grants::Grant> {
        crate::app::grants::in_case_file(action, self.tab == Tab::Stay)
    }

    fn hints(&self) -> Vec<Action> {
        self.hint_actions()
    }
}
