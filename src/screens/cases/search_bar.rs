//! The list's search bar: what is typed goes to the search thread at once,
//! the hits come back when they are ready; the keys never wait for them.

use crate::search::{Hit, MAX_QUERY_CHARS, Query, SearchWorker};

/// Shown beside the query while its hits are on their way.
pub const PENDING_MARK: &str = "⟳";

/// Search-as-you-type state of the case list.
#[derive(Debug)]
pub struct SearchBar {
    /// What has been typed.
    pub text: String,
    /// Whether typing goes to the bar (else the list keys work).
    pub typing: bool,
    /// Whether the query is selected: the next character typed replaces
    /// it, Backspace clears it (`/` on a query already typed).
    pub selected: bool,
    /// The hits of the last answered query; `None` when nothing is searched.
    pub hits: Option<std::sync::Arc<Vec<Hit>>>,
    /// Why there are no hits although something was typed (punctuation only).
    pub nothing_to_search: bool,
    /// The text the hits shown answer (a reply to the same text again, after
    /// the index was rebuilt, is not a new search).
    answered: String,
    worker: SearchWorker,
}

/// What a reply from the search thread brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The hits of a query the user has just typed: the cursor goes to the best.
    NewQuery,
    /// The same query answered again over a fresh index: the cursor stays
    /// on the case it is on.
    SameQuery,
}

impl SearchBar {
    /// A bar over a search thread.
    pub fn new(worker: SearchWorker) -> SearchBar {
        SearchBar {
            text: String::new(),
            typing: false,
            selected: false,
            hits: None,
            nothing_to_search: false,
            answered: String::new(),
            worker,
        }
    }

    /// Whether a search is under way or its results are shown.
    pub fn active(&self) -> bool {
        self.typing || !self.text.is_empty()
    }

    /// Whether hits are on their way.
    pub fn pending(&self) -> bool {
        self.worker.pending()
    }

    /// Whether the search thread has stopped.
    pub fn lost(&self) -> bool {
        self.worker.lost()
    }

    /// Gives the keys to the bar; a query already typed is selected, so
    /// that typing replaces it instead of appending to it.
    pub fn start(&mut self) {
        self.typing = true;
        self.selected = !self.text.is_empty();
    }

    /// Types a character (past the length limit, nothing happens); it
    /// replaces a selected query.
    pub fn push(&mut self, c: char) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
        }
        if self.text.chars().count() < MAX_QUERY_CHARS {
            self.text.push(c);
            self.send();
        }
    }

    /// Deletes the last character, or the whole query when it is selected.
    pub fn pop(&mut self) {
        if std::mem::take(&mut self.selected) && !self.text.is_empty() {
            self.text.clear();
            self.send();
        } else if self.text.pop().is_some() {
            self.send();
        }
    }

    /// Clears the query and leaves the bar.
    pub fn clear(&mut self) {
        self.text.clear();
        self.typing = false;
        self.selected = false;
        self.send();
    }

    /// Sends the query to the search thread (an empty one needs no search).
    pub fn send(&mut self) {
        let q = Query::parse(&self.text);
        self.nothing_to_search = q.is_empty() && !self.text.trim().is_empty();
        if q.is_empty() {
            // Nothing to search: answer at once, and drop any reply still on its way.
            self.worker.cancel();
            self.hits = if self.text.trim().is_empty() { None } else { Some(std::sync::Arc::default()) };
            self.answered.clone_from(&self.text);
            return;
        }
        self.worker.query(&self.text);
    }

    /// Takes the reply to the newest query if it has come: whether it
    /// answers a new query or the same one again.
    pub fn poll(&mut self) -> Option<Answer> {
        let reply = self.worker.poll()?;
        self.hits = Some(reply.hits);
        let same = reply.typed == self.answered;
        self.answered = reply.typed;
        Some(if same { Answer::SameQuery } else { Answer::NewQuery })
    }

    /// A new index (after a save), its entries read by `load` on the search
    /// thread; the query is searched again.
    pub fn reindex(&mut self, load: crate::search::worker::Load) {
        self.worker.reindex_with(load);
        if !self.text.is_empty() {
            self.send();
        }
    }
}
