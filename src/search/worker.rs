//! Searching off the key path: a thread owns the index, takes the latest
//! query, drops the ones typed meanwhile, and sends the hits back. The
//! console polls for the reply and never waits for it.
//!
//! [`Searcher`] is the same search without the thread (the command line,
//! benchmarks): it remembers recent queries so that typing on filters the
//! hits already found instead of searching every case again.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use super::index::{Hit, IndexEntry, SearchIndex};
use super::query::Query;

/// Recent queries kept for narrowing and for going back with Backspace.
const CACHE: usize = 8;

/// An index and the hits of the last few queries.
#[derive(Debug, Default)]
pub struct Searcher {
    index: SearchIndex,
    recent: Vec<(Query, Arc<Vec<Hit>>)>,
}

impl Searcher {
    /// A searcher over `entries`.
    pub fn new(entries: &[IndexEntry]) -> Searcher {
        Searcher { index: SearchIndex::build(entries), recent: Vec::new() }
    }

    /// The index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The hits of what was typed, best first (none for an empty query);
    /// shared with the searcher's memory of recent queries, never copied.
    pub fn search(&mut self, typed: &str) -> Arc<Vec<Hit>> {
        let q = Query::parse(typed);
        if q.is_empty() {
            return Arc::default();
        }
        if let Some((_, hits)) = self.recent.iter().find(|(r, _)| r.tokens == q.tokens) {
            return Arc::clone(hits);
        }
        let base = self.recent.iter().filter(|(r, _)| self.index.narrows(&q, r)).min_by_key(|(_, h)| h.len());
        let hits = Arc::new(self.index.search(&q, base.map(|(_, h)| h.as_slice())));
        if self.recent.len() >= CACHE {
            self.recent.remove(0);
        }
        self.recent.push((q, Arc::clone(&hits)));
        hits
    }
}

/// Reads the entries to index, on the search thread.
pub type Load = Box<dyn FnOnce() -> Vec<IndexEntry> + Send>;

enum Job {
    Index(Vec<IndexEntry>),
    Load(Load),
    Query { seq: u64, typed: String },
}

/// The hits of one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchReply {
    /// Which query (the number [`SearchWorker::query`] gave it).
    pub seq: u64,
    /// The text searched.
    pub typed: String,
    /// The hits, best first.
    pub hits: Arc<Vec<Hit>>,
}

/// Where the searching happens.
enum Engine {
    /// On its own thread.
    Thread { jobs: Sender<Job>, replies: Receiver<SearchReply> },
    /// Here, if no thread could be started (the reply waits in `ready`).
    Inline { searcher: Box<Searcher>, ready: Option<SearchReply> },
    /// The thread is gone.
    Lost,
}

/// A search thread and the console's side of it.
pub struct SearchWorker {
    engine: Engine,
    sent: u64,
    answered: u64,
}

impl std::fmt::Debug for SearchWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchWorker").field("sent", &self.sent).field("answered", &self.answered).finish()
    }
}

fn run(jobs: Receiver<Job>, replies: Sender<SearchReply>) {
    let mut searcher = Searcher::default();
    while let Ok(first) = jobs.recv() {
        let mut latest: Option<(u64, String)> = None;
        let mut next = Some(first);
        while let Some(job) = next {
            match job {
                Job::Index(entries) => searcher = Searcher::new(&entries),
                Job::Load(load) => searcher = Searcher::new(&load()),
                // Only the newest query is worth running: the others are stale.
                Job::Query { seq, typed } => latest = Some((seq, typed)),
            }
            next = jobs.try_recv().ok();
        }
        if let Some((seq, typed)) = latest {
            let hits = searcher.search(&typed);
            if replies.send(SearchReply { seq, typed, hits }).is_err() {
                return;
            }
        }
    }
}

impl SearchWorker {
    /// Starts a search thread that indexes `entries` (folding happens there too).
    pub fn spawn(entries: Vec<IndexEntry>) -> SearchWorker {
        let (jobs, job_rx) = mpsc::channel();
        let (reply_tx, replies) = mpsc::channel();
        let started = std::thread::Builder::new().name("haven-search".into()).spawn(move || run(job_rx, reply_tx));
        let engine = match started {
            Ok(_) => {
                let _ = jobs.send(Job::Index(entries));
                Engine::Thread { jobs, replies }
            }
            Err(e) => {
                tracing::warn!(error = %e, "no search thread: searching on the console's thread");
                Engine::Inline { searcher: Box::new(Searcher::new(&entries)), ready: None }
            }
        };
        SearchWorker { engine, sent: 0, answered: 0 }
    }

    /// Replaces the index (after a save); the current query should be sent again.
    pub fn reindex(&mut self, entries: Vec<IndexEntry>) {
        match &mut self.engine {
            Engine::Thread { jobs, .. } => {
                if jobs.send(Job::Index(entries)).is_err() {
                    self.engine = Engine::Lost;
                }
            }
            Engine::Inline { searcher, .. } => **searcher = Searcher::new(&entries),
            Engine::Lost => {}
        }
    }

    /// Replaces the index with entries `load` reads on the search thread
    /// (decrypting every case file is as slow as indexing it, and the
    /// console's thread must not wait for either).
    pub fn reindex_with(&mut self, load: Load) {
        match &mut self.engine {
            Engine::Thread { jobs, .. } => {
                if jobs.send(Job::Load(load)).is_err() {
                    self.engine = Engine::Lost;
                }
            }
            Engine::Inline { searcher, .. } => **searcher = Searcher::new(&load()),
            Engine::Lost => {}
        }
    }

    /// Asks for the hits of `typed`; returns the query's number.
    pub fn query(&mut self, typed: &str) -> u64 {
        self.sent += 1;
        let seq = self.sent;
        match &mut self.engine {
            Engine::Thread { jobs, .. } => {
                if jobs.send(Job::Query { seq, typed: typed.to_string() }).is_err() {
                    self.engine = Engine::Lost;
                }
            }
            Engine::Inline { searcher, ready } => {
                let hits = searcher.search(typed);
                *ready = Some(SearchReply { seq, typed: typed.to_string(), hits });
            }
            Engine::Lost => {}
        }
        seq
    }

    /// Forgets the queries sent so far: their replies will be dropped.
    pub fn cancel(&mut self) {
        self.sent += 1;
        self.answered = self.sent;
        if let Engine::Inline { ready, .. } = &mut self.engine {
            *ready = None;
        }
    }

    /// The reply to the newest query, if it has come; replies to older
    /// queries are dropped. Never blocks.
    pub fn poll(&mut self) -> Option<SearchReply> {
        let mut newest: Option<SearchReply> = None;
        match &mut self.engine {
            Engine::Thread { replies, .. } => loop {
                match replies.try_recv() {
                    Ok(r) => newest = Some(r),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.engine = Engine::Lost;
                        break;
                    }
                }
            },
            Engine::Inline { ready, .. } => newest = ready.take(),
            Engine::Lost => {}
        }
        let reply = newest.filter(|r| r.seq == self.sent)?;
        self.answered = reply.seq;
        Some(reply)
    }

    /// Waits up to `timeout` for the reply to the newest query (the command
    /// line and tests; the console only polls).
    pub fn wait(&mut self, timeout: Duration) -> Option<SearchReply> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(r) = self.poll() {
                return Some(r);
            }
            if self.lost() || std::time::Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Whether a query is waiting for its reply.
    pub fn pending(&self) -> bool {
        self.answered < self.sent && !self.lost()
    }

    /// Whether the search thread has stopped (searching is unavailable).
    pub fn lost(&self) -> bool {
        matches!(self.engine, Engine::Lost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case_code::CaseCode;
    use crate::domain::ids::{CaseId, Id};

    fn entries(n: u32) -> Vec<IndexEntry> {
        (0..n)
            .map(|i| IndexEntry {
                case: CaseId(Id([(i % 250) as u8; 16])),
                code: CaseCode::new("MSK", 26, i + 1).unwrap(),
                alias: format!("Alias{i}"),
                documents: vec![],
                names: vec![if i % 2 == 0 {
                    "Щукина Юлия".into()
                } else {
                    "Иванова Мария".into()
                }],
            })
            .collect()
    }

    #[test]
    fn the_reply_to_the_newest_query_arrives_and_older_ones_are_dropped() {
        let mut w = SearchWorker::spawn(entries(2_000));
        for typed in ["J", "Ju", "Jul", "Juli", "Julia"] {
            w.query(typed);
        }
        assert!(w.pending());
        let reply = w.wait(Duration::from_secs(20)).expect("a reply");
        assert_eq!(reply.typed, "Julia");
        assert_eq!(reply.seq, 5);
        assert_eq!(reply.hits.len(), 1_000);
        assert!(!w.pending());
        assert_eq!(w.poll(), None, "nothing else is delivered");
        w.query("Ivanova");
        w.cancel();
        assert!(!w.pending());
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(w.poll(), None, "a cancelled query's reply is dropped");
    }

    #[test]
    fn a_new_index_answers_the_next_query() {
        let mut w = SearchWorker::spawn(entries(10));
        w.query("Ivanova");
        assert_eq!(w.wait(Duration::from_secs(20)).unwrap().hits.len(), 5);
        w.reindex(entries(4));
        w.query("Ivanova");
        assert_eq!(w.wait(Duration::from_secs(20)).unwrap().hits.len(), 2);
    }

    #[test]
    fn the_searcher_narrows_and_remembers() {
        let mut s = Searcher::new(&entries(100));
        let a = s.search("Shchukina");
        let b = s.search("Shchukina Iu");
        let again = s.search("Shchukina");
        assert_eq!(a.len(), 50);
        assert_eq!(b.len(), 50);
        assert_eq!(a, again);
        assert!(s.search(" ,,, ").is_empty());
    }
}
