//! The console: the screen stack, key dispatch, locking and drafts. The
//! event loop (`run.rs`) feeds it keys and ticks; tests feed it key scripts.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Action;
use super::chrome;
use super::context::Ctx;
use super::grants;
use super::screen::{Draft, Outcome, Screen};
use crate::domain::permissions::{Act, DataClass};
use crate::keymap::{KeyChord, KeyResult, text_char};
use crate::screens;
use crate::store::AuditAction;

/// The smallest terminal the console draws into.
pub const MIN_WIDTH: u16 = 80;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 24;

/// The running console.
pub struct App {
    /// Store, language, keymap, settings, clock.
    pub ctx: Ctx,
    stack: Vec<Box<dyn Screen>>,
    pending: Vec<KeyChord>,
    quit: bool,
    redraw: bool,
    last_key: NaiveDateTime,
    last_draft: Option<Draft>,
    /// Whether the store holds a draft of this user that may be stale.
    draft_stored: bool,
    status: Option<String>,
    /// The user was just told the draft could not be kept: quitting with
    /// the very next key leaves without it.
    leave_without_draft: bool,
    /// That was the case when the key being handled was pressed.
    quit_armed: bool,
    /// The last frame was too small to draw the console ("Enlarge the
    /// window"): keys other than quit do nothing, since nothing they would
    /// act on is in sight.
    tiny: bool,
    /// Quitting with a form in progress asks first: keep it as a draft and
    /// quit, or stay.
    asking_quit: bool,
    /// A damaged page met by the scan that went on after the login: said
    /// on the status line until the console ends, since nothing more can
    /// be saved.
    damage: Option<String>,
}

impl App {
    /// A console over `ctx`: the first-run screen when there is no centre,
    /// the login screen when nobody is logged in, else the dashboard.
    pub fn new(ctx: Ctx) -> App {
        let now = ctx.now();
        let first: Box<dyn Screen> = if ctx.store().is_err() {
            Box::new(screens::first_run::FirstRun::new(&ctx))
        } else if ctx.unlocked() {
            Box::new(screens::dashboard::Dashboard::new(&ctx))
        } else {
            Box::new(screens::login::Login::new(&ctx, None))
        };
        App {
            ctx,
            stack: vec![first],
            pending: Vec::new(),
            quit: false,
            redraw: true,
            last_key: now,
            last_draft: None,
            draft_stored: false,
            status: None,
            leave_without_draft: false,
            quit_armed: false,
            tiny: false,
            asking_quit: false,
            damage: None,
        }
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether something changed since the last frame.
    pub fn needs_redraw(&self) -> bool {
        self.redraw
    }

    /// Marks the screen for redrawing (resize).
    pub fn invalidate(&mut self) {
        self.redraw = true;
    }

    /// The screens, bottom first (tests look at the top one).
    pub fn stack_tables(&self) -> Vec<crate::keymap::Screen> {
        self.stack.iter().map(|s| s.table()).collect()
    }

    /// Opens a screen on top (tests, benchmarks, and screens opened from outside).
    pub fn push(&mut self, screen: Box<dyn Screen>) {
        self.stack.push(screen);
        self.redraw = true;
    }

    /// The status line message, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Handles one key from the terminal (or a test script).
    pub fn handle_key(&mut self, ev: KeyEvent) {
        // A key may be the user trying again after freeing space.
        self.ctx.recover_store(true);
        self.quit_armed = std::mem::take(&mut self.leave_without_draft);
        let Some(chord) = KeyChord::from_event(&ev) else { return };
        self.last_key = self.ctx.now();
        self.redraw = true;
        self.status = None;
        if self.asking_quit {
            self.answer_quit(&ev, chord);
            return;
        }
        if self.tiny {
            // The screen cannot be seen: only quitting works.
            self.pending.clear();
            if self.resolve_alone(chord) == Some(Action::Quit) {
                self.quit();
            }
            return;
        }
        let Some(top) = self.stack.last_mut() else { return };
        // A focused text field gets the keys that type text before the keymap.
        if self.pending.is_empty() && top.text_focused() && text_char(&ev).is_some() {
            let out = top.key(ev, &mut self.ctx);
            self.apply(out);
            return;
        }
        self.pending.push(chord);
        let table = top.table();
        let result = {
            let cond = |c| top.condition(c);
            self.ctx.keymap.resolve_sequence(table, &self.pending, &cond)
        };
        match result {
            KeyResult::Matched(action) => {
                self.pending.clear();
                self.dispatch(action);
            }
            KeyResult::Pending => {}
            KeyResult::NotFound => {
                let was_sequence = self.pending.len() > 1;
                self.pending.clear();
                if !was_sequence && let Some(top) = self.stack.last_mut() {
                    let out = top.key(ev, &mut self.ctx);
                    self.apply(out);
                }
            }
        }
    }

    /// Handles a paste (bracketed): the text goes into the focused field
    /// and is never read as keys or commands; with no field focused it is
    /// dropped, as it is while the quit question is open or the window is
    /// too small to show the field.
    pub fn handle_paste(&mut self, text: &str) {
        self.last_key = self.ctx.now();
        self.redraw = true;
        self.pending.clear();
        if self.asking_quit || self.tiny {
            return;
        }
        let Some(top) = self.stack.last_mut() else { return };
        if top.text_focused() {
            let out = top.paste(text, &mut self.ctx);
            self.apply(out);
        }
    }

    /// What one key means alone on the screen on top (no sequence).
    fn resolve_alone(&self, chord: KeyChord) -> Option<Action> {
        let top = self.stack.last()?;
        let cond = |c| top.condition(c);
        match self.ctx.keymap.resolve_sequence(top.table(), &[chord], &cond) {
            KeyResult::Matched(action) => Some(action),
            KeyResult::Pending | KeyResult::NotFound => None,
        }
    }

    /// A key while the quit question is open: Enter or the quit key again
    /// keeps the draft and quits, Esc stays; nothing else acts.
    fn answer_quit(&mut self, ev: &KeyEvent, chord: KeyChord) {
        use ratatui::crossterm::event::KeyCode;
        let quit_key = self.resolve_alone(chord) == Some(Action::Quit);
        if ev.code == KeyCode::Enter || quit_key {
            self.asking_quit = false;
            if self.save_draft() {
                self.leave();
            } else {
                self.leave_without_draft = true;
                self.status = Some(self.ctx.t("quit-draft-not-kept"));
            }
        } else if ev.code == KeyCode::Esc {
            self.asking_quit = false;
        }
    }

    /// Whether the role may do `action` on the screen on top (the matrix says).
    fn permitted(&self, action: Action) -> bool {
        self.stack.last().is_none_or(|top| grants::holds(&self.ctx, top.grant(action)))
    }

    /// Runs an action: the top screen first, then the app's own. What the
    /// role may not do is refused here, whichever key asked for it.
    pub fn dispatch(&mut self, action: Action) {
        if !self.permitted(action) {
            self.status = Some(self.ctx.t("error-forbidden"));
            return;
        }
        let Some(top) = self.stack.last_mut() else { return };
        let out = top.update(action, &mut self.ctx);
        match out {
            Outcome::Ignored => self.global(action),
            other => self.apply(other),
        }
    }

    fn global(&mut self, action: Action) {
        let unlocked = self.ctx.unlocked();
        match action {
            Action::Quit => self.quit(),
            Action::Lock if unlocked => self.lock(AuditAction::Lock),
            Action::Help
                if (unlocked || self.stack.len() == 1)
                    && self.stack.last().map(|s| s.table()) != Some(crate::keymap::Screen::Help) =>
            {
                let below = self.stack.last().map(|s| s.table()).unwrap_or(crate::keymap::Screen::Dashboard);
                let denied = Action::all().filter(|a| !self.permitted(*a)).collect();
                self.stack.push(Box::new(screens::help::Help::new(below).without(denied)));
            }
            Action::GoDashboard
            | Action::GoArrivals
            | Action::GoBeds
            | Action::GoCases
            | Action::GoNight
            | Action::GoReports
            | Action::GoAudit
                if unlocked =>
            {
                self.go(action)
            }
            Action::Back | Action::Close | Action::Cancel if self.stack.len() > 1 => {
                self.stack.pop();
                self.refresh_top();
            }
            // Screens that later issues build (arrivals, beds, cases, night,
            // reports) do nothing until they exist: no placeholder screens.
            _ => {}
        }
    }

    /// Function-key navigation: back to the dashboard, then the screen asked
    /// for. A form with unsaved changes is never dropped by it.
    fn go(&mut self, action: Action) {
        if self.stack.iter().any(|s| s.draft().is_some()) {
            self.status = Some(self.ctx.t("status-finish-form-first"));
            return;
        }
        if action == Action::GoDashboard {
            self.stack.truncate(1);
            self.refresh_top();
            return;
        }
        if action == Action::GoAudit && !self.ctx.store().is_ok_and(|s| s.may(Act::ReviewAudit, DataClass::Front)) {
            self.status = Some(self.ctx.t("error-forbidden"));
            return;
        }
        if let Some(screen) = screens::open(action, &self.ctx) {
            self.stack.truncate(1);
            self.stack.push(screen);
        }
    }

    fn apply(&mut self, out: Outcome) {
        match out {
            Outcome::None | Outcome::Ignored => {}
            Outcome::Push(s) => self.stack.push(s),
            Outcome::Pop => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
                self.refresh_top();
            }
            Outcome::PopWith(msg) => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                }
                self.status = Some(msg);
                self.refresh_top();
            }
            Outcome::Replace(s) => {
                self.stack.pop();
                self.stack.push(s);
            }
            Outcome::OpenCase { case, or_else } => match screens::case_file(&self.ctx, case) {
                Some(file) => self.apply(Outcome::Replace(file)),
                None => self.apply(Outcome::PopWith(or_else)),
            },
            Outcome::Status(msg) => self.status = Some(msg),
            Outcome::Lock => self.lock(AuditAction::Lock),
            Outcome::LoggedIn => self.after_login(),
            Outcome::Quit => self.quit(),
        }
        if self.stack.is_empty() {
            self.quit = true;
        }
    }

    fn refresh_top(&mut self) {
        self.forget_closed_draft();
        if let Some(top) = self.stack.last_mut() {
            top.refresh(&mut self.ctx);
        }
    }

    /// A form was saved or discarded: its kept draft must not come back.
    fn forget_closed_draft(&mut self) {
        if self.draft_stored
            && self.current_draft().is_none()
            && let Ok(store) = self.ctx.store()
            && store.is_unlocked()
            && store.clear_draft().is_ok()
        {
            self.draft_stored = false;
            self.last_draft = None;
        }
    }

    /// The topmost form in progress with unsaved changes.
    fn current_draft(&self) -> Option<Draft> {
        self.stack.iter().rev().find_map(|s| s.draft())
    }

    /// Saves the form in progress as an encrypted draft (lock, signal, pause).
    /// Keeps the form in progress as a draft; false when there is one and
    /// it could not be kept (the disk refused it, the database is closed).
    pub fn save_draft(&mut self) -> bool {
        let Some(draft) = self.current_draft() else { return true };
        if self.last_draft.as_ref() == Some(&draft) {
            return true;
        }
        let Ok(store) = self.ctx.store() else { return false };
        if !store.is_unlocked() {
            return true;
        }
        if let Ok(bytes) = crate::store::codec::to_bytes(&draft)
            && store.save_draft(&bytes).is_ok()
        {
            self.last_draft = Some(draft);
            self.draft_stored = true;
            return true;
        }
        false
    }

    /// Locks: keeps the draft, drops every screen and the keys, shows login.
    pub fn lock(&mut self, why: AuditAction) {
        self.save_draft();
        if let Ok(store) = self.ctx.store_mut() {
            store.lock_session(why);
        }
        self.stack.clear();
        self.pending.clear();
        self.asking_quit = false;
        self.last_draft = None;
        let msg = self.ctx.t("lock-locked");
        self.stack.push(Box::new(screens::login::Login::new(&self.ctx, Some(msg))));
        self.redraw = true;
    }

    /// The quit key. With a form in progress, its draft is kept first and
    /// the user is asked once whether to quit or stay; a draft the disk
    /// refuses is said so instead, and only quitting again at once leaves.
    fn quit(&mut self) {
        if self.current_draft().is_none() {
            return self.leave();
        }
        if !self.save_draft() {
            if self.quit_armed {
                return self.leave();
            }
            // What was typed would be lost: say so once, and stay.
            self.leave_without_draft = true;
            self.status = Some(self.ctx.t("quit-draft-not-kept"));
            return;
        }
        self.asking_quit = true;
    }

    fn leave(&mut self) {
        if self.ctx.unlocked()
            && let Ok(store) = self.ctx.store_mut()
        {
            store.lock_session(AuditAction::Logout);
        }
        self.quit = true;
    }

    /// A termination signal arrived: keep the draft, then quit.
    pub fn on_signal(&mut self) {
        self.save_draft();
        self.leave();
    }

    /// Seconds until the idle lock, when someone is logged in.
    pub fn seconds_to_lock(&self) -> Option<i64> {
        if !self.ctx.unlocked() {
            return None;
        }
        let limit = i64::from(self.ctx.config.idle_lock_minutes) * 60;
        Some(limit - (self.ctx.now() - self.last_key).num_seconds())
    }

    /// Whether the screen on top waits for a background answer (search hits).
    pub fn waiting(&self) -> bool {
        self.stack.last().is_some_and(|s| s.waiting())
    }

    /// Periodic work: idle lock, draft after a pause, the lock countdown,
    /// screens refreshing their data.
    pub fn tick(&mut self) {
        if self.ctx.recover_store(false) {
            self.redraw = true;
        }
        if self.damage.is_none()
            && let Some(e) = self.ctx.store().ok().and_then(crate::store::Store::damage_found)
        {
            self.damage = Some(self.ctx.error_text(&e));
            self.redraw = true;
        }
        if let Some(left) = self.seconds_to_lock() {
            if left <= 0 {
                self.lock(AuditAction::Lock);
                return;
            }
            if left <= 60 {
                self.redraw = true;
            }
        }
        let pause = (self.ctx.now() - self.last_key).num_seconds();
        if pause >= i64::from(self.ctx.config.draft_after_seconds) {
            self.save_draft();
        }
        if let Some(top) = self.stack.last_mut()
            && top.refresh(&mut self.ctx)
        {
            self.redraw = true;
        }
        // Sync in the background when a hub is configured (docs/SYNC.md).
        self.redraw |= self.ctx.store_mut().is_ok_and(crate::sync::background::tick);
    }

    /// After a successful login: the dashboard, and the kept draft offered.
    pub fn after_login(&mut self) {
        self.stack.clear();
        self.stack.push(Box::new(screens::dashboard::Dashboard::new(&self.ctx)));
        if let Ok(store) = self.ctx.store()
            && let Ok(Some(bytes)) = store.load_draft()
            && let Ok(draft) = crate::store::codec::from_bytes::<Draft>(&bytes, "drafts")
            && let Some(screen) = screens::reopen_draft(&draft, &self.ctx)
        {
            self.stack.push(screen);
            self.status = Some(self.ctx.t("draft-restored"));
            self.draft_stored = true;
        }
        // An import a kill cut short was undone as the centre opened.
        if let Ok(store) = self.ctx.store()
            && let Ok(Some(undone)) = store.take_interrupted_import()
        {
            self.status = Some(crate::ops::import::interrupted_message(&undone, &self.ctx.i18n));
        }
        self.redraw = true;
    }

    /// Draws the whole console.
    pub fn render(&mut self, frame: &mut Frame<'_>) {
        self.redraw = false;
        let area = frame.area();
        self.tiny = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        if self.tiny {
            let notes: Vec<String> = if self.asking_quit {
                vec![self.ctx.t("quit-question"), self.ctx.t("quit-question-keys")]
            } else {
                self.status.iter().cloned().collect()
            };
            chrome::too_small(frame, area, &self.ctx, &notes);
            return;
        }
        let [title, main, hints, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1), Constraint::Length(1)])
                .areas(area);
        let Some(top) = self.stack.last_mut() else { return };
        chrome::title_bar(frame, title, &self.ctx, &top.title(&self.ctx));
        top.render(frame, main, &self.ctx);
        let cursor = if self.asking_quit { None } else { top.cursor() };
        if self.asking_quit {
            // The question names its own keys; no other key acts meanwhile.
            chrome::quit_question(frame, main, hints, &self.ctx);
        } else {
            let shown: Vec<Action> =
                top.hints().into_iter().filter(|a| grants::holds(&self.ctx, top.grant(*a))).collect();
            chrome::hint_bar(frame, hints, &self.ctx, top.table(), &shown, &self.pending);
        }
        let lock_in = self.seconds_to_lock().filter(|s| *s <= 60);
        let said = self.status.as_deref().or(self.damage.as_deref());
        chrome::status_bar(frame, status, &self.ctx, said, lock_in);
        crate::ui::sanitize::settle_buffer(frame.buffer_mut());
        if let Some((x, y)) = cursor
            && x < area.width
            && y < area.height
        {
            frame.set_cursor_position((x, y));
        }
    }

    /// The area screens draw into, for a terminal of `size`.
    pub fn main_area(size: Rect) -> Rect {
        Rect { x: size.x, y: size.y + 1, width: size.width, height: size.height.saturating_sub(3) }
    }
}
