//! The case list (F4): every case with its status, bed and open services,
//! filtered by status and "my cases", searched as you type across scripts.
//! Enter opens the file; the legal name of the selected case shows only on
//! the reveal key, which is recorded in the audit chain.

use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::filter::StatusFilter;
use super::search_bar::{Answer, SearchBar};
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};
use crate::keymap;
use crate::ops::case_list::{CaseRow, RowContext, fronts_from, index_entries_from, row_context, rows};
use crate::screens::fresh::Freshness;
use crate::search::{Field, SearchWorker};
use crate::store::StoreError;
use crate::ui::list_cursor::ListCursor;

/// A row on screen: which case, and what the search found it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// Index into the rows.
    pub row: usize,
    /// The field a search matched, when searching.
    pub field: Option<Field>,
}

/// The case fronts being read on another thread, and what the rows add to them.
struct Loading {
    context: RowContext,
    fronts: Receiver<Result<Vec<CaseFront>, StoreError>>,
}

/// The case list screen.
pub struct CaseList {
    pub(super) rows: Vec<CaseRow>,
    index_of: HashMap<CaseId, usize>,
    pub(super) shown: Vec<Shown>,
    /// Search hits the filters hide.
    pub(super) hidden: usize,
    pub(super) filter: StatusFilter,
    pub(super) mine: bool,
    /// The list's own filters while a search is on: a query searches every
    /// case (people trafficked again come back, closed cases included),
    /// the filters narrow its hits after, and leaving the search brings
    /// these back.
    before_search: Option<(StatusFilter, bool)>,
    me: String,
    /// The row selected and the first row shown.
    pub(super) cursor: ListCursor,
    pub(super) search: SearchBar,
    /// The revealed legal name of the selected case.
    pub(super) revealed: Option<(CaseId, String)>,
    pub(super) error: Option<String>,
    fresh: Freshness,
    today: NaiveDate,
    /// Set while the fronts are read (the list keeps its rows meanwhile).
    loading: Option<Loading>,
}

impl CaseList {
    /// Starts reading the cases and the search thread on them.
    pub fn new(ctx: &Ctx) -> CaseList {
        let me = ctx.store().ok().and_then(|s| s.session().ok()).map(|s| s.username.clone()).unwrap_or_default();
        let mut list = CaseList {
            rows: Vec::new(),
            index_of: HashMap::new(),
            shown: Vec::new(),
            hidden: 0,
            filter: StatusFilter::default(),
            mine: false,
            before_search: None,
            me,
            cursor: ListCursor::new(),
            search: SearchBar::new(SearchWorker::spawn(Vec::new())),
            revealed: None,
            error: None,
            fresh: Freshness::on_save(),
            today: ctx.today(),
            loading: None,
        };
        list.reload(ctx);
        list
    }

    /// Reads the cases again, on another thread: opening the list or coming
    /// back to it after a save never waits for every case front to be
    /// decrypted (37 ms at 10,000 cases, 0.4 s at 100,000). The digest's
    /// part is read here, and the search thread gets a fresh index.
    fn reload(&mut self, ctx: &Ctx) {
        let store = match ctx.store() {
            Ok(s) => s,
            Err(e) => {
                self.error = Some(ctx.error_text(&e));
                return;
            }
        };
        self.fresh.loaded(ctx);
        self.today = ctx.today();
        let started = row_context(store, self.today).and_then(|context| {
            let mut reader = store.reader()?;
            let (tx, fronts) = mpsc::channel();
            std::thread::Builder::new()
                .name("case-list".into())
                .spawn(move || {
                    // The screen may have closed: nobody to tell, nothing lost.
                    let _ = tx.send(fronts_from(&mut reader));
                })
                .map_err(|e| StoreError::Io(e.to_string()))?;
            Ok(Loading { context, fronts })
        });
        match started {
            Ok(loading) => self.loading = Some(loading),
            Err(e) => self.error = Some(ctx.error_text(&e)),
        }
        match store.reader() {
            Ok(mut reader) => self.search.reindex(Box::new(move || {
                index_entries_from(&mut reader).unwrap_or_else(|e| {
                    // Nothing personal in a store error; the list stays
                    // usable, only searching finds nothing.
                    tracing::warn!(error = %e, "the search index could not be read");
                    Vec::new()
                })
            })),
            Err(e) => self.error = Some(ctx.error_text(&e)),
        }
    }

    /// Takes the rows when their thread has read them; true if it had.
    fn take_rows(&mut self, ctx: &Ctx) -> bool {
        let Some(loading) = &self.loading else { return false };
        let read = match loading.fronts.try_recv() {
            Ok(read) => read,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(StoreError::Io("the case list could not be read".into())),
        };
        let Some(loading) = self.loading.take() else { return false };
        match read {
            Ok(fronts) => {
                // The cursor stays on the case it is on now (the user may
                // have moved it over the old rows meanwhile).
                let keep = self.selected_case();
                self.rows = rows(&loading.context, fronts);
                self.index_of = self.rows.iter().enumerate().map(|(i, r)| (r.front.id, i)).collect();
                self.error = None;
                self.apply(keep);
            }
            Err(e) => self.error = Some(ctx.error_text(&e)),
        }
        true
    }

    /// Whether the rows are still being read.
    pub(super) fn loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The case under the cursor.
    pub fn selected_case(&self) -> Option<CaseId> {
        self.shown.get(self.cursor.selected()).and_then(|s| self.rows.get(s.row)).map(|r| r.front.id)
    }

    fn passes(&self, row: &CaseRow) -> bool {
        self.filter.admits(row.front.status) && (!self.mine || row.front.worker.as_deref() == Some(self.me.as_str()))
    }

    /// Recomputes the rows shown from the filters and the search hits,
    /// keeping the cursor on `keep` when it is still shown.
    fn apply(&mut self, keep: Option<CaseId>) {
        self.hidden = 0;
        self.shown = match &self.search.hits {
            Some(hits) => {
                let mut out = Vec::with_capacity(hits.len());
                for h in hits.iter() {
                    let Some(&row) = self.index_of.get(&h.case) else { continue };
                    match self.rows.get(row) {
                        Some(r) if self.passes(r) => out.push(Shown { row, field: Some(h.field) }),
                        Some(_) => self.hidden += 1,
                        None => {}
                    }
                }
                out
            }
            None => (0..self.rows.len())
                .filter(|i| self.rows.get(*i).is_some_and(|r| self.passes(r)))
                .map(|row| Shown { row, field: None })
                .collect(),
        };
        self.cursor.set_len(self.shown.len());
        let at = keep
            .and_then(|c| self.shown.iter().position(|s| self.rows.get(s.row).is_some_and(|r| r.front.id == c)))
            .unwrap_or(0);
        self.cursor.select(at);
        self.revealed = self.revealed.take().filter(|(c, _)| Some(*c) == self.selected_case());
    }

    /// Moves the cursor; a name revealed hides when its case is left.
    fn moved(&mut self, how: fn(&mut ListCursor)) {
        how(&mut self.cursor);
        self.revealed = self.revealed.take().filter(|(c, _)| Some(*c) == self.selected_case());
    }

    /// The reveal key: shows the legal name of the case under the cursor,
    /// or hides it again when it is shown. The name is read first, the
    /// reveal recorded next, and the name shown only once that is durable:
    /// one audit event per name shown, none for a name that is not (no
    /// name recorded, a read or a write refused).
    fn reveal(&mut self, ctx: &Ctx) -> Outcome {
        let Some(case) = self.selected_case() else { return Outcome::None };
        if self.revealed.as_ref().is_some_and(|(c, _)| *c == case) {
            self.revealed = None;
            return Outcome::None;
        }
        let Ok(store) = ctx.store() else { return Outcome::None };
        if let Err(e) = store.authorize(Act::Reveal, DataClass::Case) {
            return Outcome::Status(ctx.error_text(&e));
        }
        let name = match store.get::<CasePrivate>(case.as_bytes()) {
            Ok(Some(p)) if !p.is_deleted() && !p.body.full_name().is_empty() => {
                let latin = if p.body.latin.is_empty() { String::new() } else { format!(" · {}", p.body.latin) };
                format!("{}{latin}", p.body.full_name())
            }
            Ok(_) => {
                self.revealed = Some((case, ctx.t("cases-no-name")));
                return Outcome::None;
            }
            Err(e) => return Outcome::Status(ctx.error_text(&e)),
        };
        let before = store.generation();
        if let Err(e) = crate::ops::cases::record_reveal(store, case) {
            return Outcome::Status(ctx.error_text(&e));
        }
        // The event changes no row: the list need not be read again for it.
        self.fresh.own_save(before, store);
        self.revealed = Some((case, name));
        self.error = None;
        Outcome::None
    }

    fn open_selected(&mut self, ctx: &Ctx) -> Outcome {
        match self.selected_case().and_then(|c| crate::screens::case_file(ctx, c)) {
            Some(screen) => Outcome::Push(screen),
            None => Outcome::None,
        }
    }

    fn after_search_change(&mut self) {
        // The cursor goes to the best hit of the new query.
        self.apply(None);
    }

    /// Hits came from the search thread: those of a new query put the
    /// cursor on the best hit; the same query answered again (the index was
    /// rebuilt after a save, here or elsewhere) leaves it, and a name
    /// revealed, on the case it is on.
    fn answered(&mut self, answer: Answer) {
        match answer {
            Answer::NewQuery => self.after_search_change(),
            Answer::SameQuery => self.apply(self.selected_case()),
        }
    }

    /// Runs an action.
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::Search => {
                if !self.search.active() {
                    self.before_search = Some((self.filter, self.mine));
                    self.filter = StatusFilter::All;
                    self.mine = false;
                    self.apply(self.selected_case());
                }
                self.search.start();
            }
            Action::Back | Action::Cancel | Action::Close if self.search.active() => {
                if self.search.typing && !self.search.text.is_empty() {
                    // First Esc keeps the hits and gives the keys back to the list.
                    self.search.typing = false;
                    self.search.selected = false;
                } else {
                    self.search.clear();
                    if let Some((filter, mine)) = self.before_search.take() {
                        self.filter = filter;
                        self.mine = mine;
                    }
                    self.apply(self.selected_case());
                }
            }
            Action::Up => self.moved(ListCursor::up),
            Action::Down => self.moved(ListCursor::down),
            Action::PageUp => self.moved(ListCursor::page_up),
            Action::PageDown => self.moved(ListCursor::page_down),
            Action::Home => self.moved(ListCursor::home),
            Action::End => self.moved(ListCursor::end),
            Action::Open | Action::Confirm | Action::OpenCase => return self.open_selected(ctx),
            Action::FilterStatus => {
                self.filter = self.filter.next();
                self.apply(self.selected_case());
            }
            Action::FilterMine => {
                self.mine = !self.mine;
                self.apply(self.selected_case());
            }
            Action::RevealName => return self.reveal(ctx),
            Action::New => return super::forms::new_case(ctx),
            Action::Organisations => {
                return Outcome::Push(Box::new(crate::screens::organisations::Directory::new(ctx)));
            }
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    /// A key typed while the search bar has the focus.
    fn typed(&mut self, key: KeyEvent) -> Outcome {
        if !self.search.typing {
            return Outcome::Ignored;
        }
        if let Some(c) = crate::keymap::text_char(&key) {
            self.search.push(c);
        } else if key.code == KeyCode::Backspace {
            self.search.pop();
        } else {
            return Outcome::Ignored;
        }
        if !self.search.pending() {
            self.after_search_change();
        }
        Outcome::None
    }
}

impl Screen for CaseList {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Cases
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-cases")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        self.act(action, ctx)
    }

    fn key(&mut self, key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        self.typed(key)
    }

    fn text_focused(&self) -> bool {
        self.search.typing
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.shown.is_empty(),
            Condition::ListNotEmpty => !self.shown.is_empty(),
            Condition::TextFocused => self.search.typing,
            Condition::TextNotFocused => !self.search.typing,
            Condition::FormDirty | Condition::FormClean => false,
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        let mut changed = false;
        if self.fresh.due(ctx) || ctx.today() != self.today {
            self.reload(ctx);
            changed = true;
        }
        if self.take_rows(ctx) {
            changed = true;
        }
        if let Some(answer) = self.search.poll() {
            self.answered(answer);
            changed = true;
        }
        changed
    }

    fn waiting(&self) -> bool {
        self.search.pending() || self.loading.is_some()
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        // The rows and the search hits are taken on the tick (`refresh`).
        self.draw(frame, area, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        if self.search.typing {
            vec![Action::Open, Action::Back]
        } else {
            vec![
                Action::Open,
                Action::Search,
                Action::FilterStatus,
                Action::FilterMine,
                Action::RevealName,
                Action::New,
                Action::Organisations,
            ]
        }
    }
}
