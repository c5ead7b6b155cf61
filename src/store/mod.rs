//! The encrypted, durable store (docs/ARCHITECTURE.md §4): the vault header and its
//! keyslots, the value codec, sled trees, typed records with history, the
//! audit chain and the change log, all written in one transaction per save.

pub mod apply;
pub mod audit;
pub mod backup;
pub mod blind;
pub mod changelog;
pub mod check;
pub mod codec;
pub mod compact;
pub mod crypto;
pub mod db;
pub mod detail_apart;
pub mod digest;
mod digest_read;
pub mod drafts;
pub mod erase;
pub mod error;
pub mod footprint;
pub mod gate;
pub mod head;
pub(crate) mod keycache;
pub mod kinds;
pub mod layout;
pub mod lock;
pub mod merge;
pub(crate) mod pagescan;
pub mod private_file;
pub mod reader;
pub mod record;
pub mod records;
pub mod reopen;
pub(crate) mod replay;
pub mod roster;
pub(crate) mod rows;
pub mod rule;
pub mod sealed_box;
mod session;
pub mod staged;
pub mod syncdata;
pub mod throttle;
pub mod trees;
pub mod tx;
mod undo;
pub mod unfinished;
pub mod vacuum;
pub mod vault;

pub use audit::{AuditAction, AuditEntry, AuditEvent};
pub use db::{InitSpec, Session, Store};
pub use error::{Holder, Result, StoreError};
pub use record::{Meta, Record, Stored};
pub use rule::Rule;

#[cfg(test)]
pub(crate) mod tests;

/// A fresh random id of any typed id kind (`CaseId`, `PickupId`, …).
pub fn new_id<T: From<crate::domain::ids::Id>>() -> Result<T> {
    Ok(T::from(crate::domain::ids::Id(crypto::random16()?)))
}

#[cfg(test)]
mod tests_matrix;

#[cfg(test)]
mod tests_blind;
#[cfg(test)]
mod tests_detail;
#[cfg(test)]
mod tests_digest;
#[cfg(test)]
mod tests_layouts;
