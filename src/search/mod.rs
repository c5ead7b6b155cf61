//! Search across scripts: the transliterating fuzzy matcher, its index and
//! the background thread that runs it off the key path.
//!
//! - [`query`]: what was typed, folded into tokens ([`Query`]).
//! - [`fuzzy`]: one typo against the start of a word.
//! - [`index`]: the folded words of every case and the ranking ([`SearchIndex`]).
//! - [`words`]: what a case is found by.
//! - [`worker`]: the thread the console searches on ([`SearchWorker`]).

pub mod fuzzy;
pub mod index;
pub mod query;
mod words;
pub mod worker;

pub use index::{Field, Hit, IndexEntry, SearchIndex, Tier};
pub use query::{MAX_QUERY_CHARS, Query};
pub use worker::{SearchReply, SearchWorker, Searcher};
