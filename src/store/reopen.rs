//! Opening the database again after a write the disk refused. sled keeps
//! the first I/O error it meets (a full disk) and returns it for every later
//! write, and it still holds in memory what the failed write changed, which
//! was never saved. The console closes the database ([`Store::detach`]) and
//! opens it again in place ([`Detached::attach`]) — with the same folder
//! lock, header and session, so no other process can step in and nobody has
//! to log in again — as soon as sled lets it: freeing space is then enough
//! to save the form still on screen, without a restart.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::crypto::{Key, SigningKey};
use super::db::{Clock, Session, Store, open_parts};
use super::error::StoreError;
use super::head::Witness;
use super::lock::DirLock;
use super::vault::Header;

/// A centre whose database is closed, with everything needed to open it
/// again without a login.
pub struct Detached {
    pub(super) dir: PathBuf,
    pub(super) lock: DirLock,
    pub(super) header: Header,
    pub(super) session: Option<Session>,
    pub(super) clock: Clock,
    pub(super) case_keys: HashMap<[u8; 16], Key>,
    pub(super) install_key: Option<([u8; 16], SigningKey)>,
    pub(super) saves: u64,
    pub(super) last_save: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Detached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detached").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Detached {
    /// Opens the database again. sled's recovery may drop the torn tail of
    /// the write that failed, never a save that was acknowledged: the
    /// witness is checked as at login, and a database cut back further stays
    /// closed rather than be written over.
    pub fn attach(self: Box<Self>) -> Result<Store, (StoreError, Box<Detached>)> {
        let parts = match open_parts(&self.dir.join("db")) {
            Ok(parts) => parts,
            Err(e) => return Err((e, self)),
        };
        let store = Store::attached(*self, parts);
        if store.session().is_ok()
            && let Err(e) =
                store.counters().and_then(|c| Witness::load(store.dir())?.check(store.dir(), c.audit_seq, c.change_seq))
        {
            return Err((e, store.detach()));
        }
        Ok(store)
    }
}
