//! A large write as one unit (an import of thousands of rows): too big for
//! one sled transaction, it is written in batches under a mark, and every
//! batch journals, in the same transaction, what each key it writes held
//! before (the change log and the audit chain are cut back by sequence
//! instead). The last batch removes the mark in its own transaction and is
//! the only one made durable and witnessed. A process that dies before it
//! leaves the mark behind: the next open puts every journalled key back,
//! cuts the change log and the audit chain back to where they were, and
//! leaves a notice (counts only) that the first login turns into an audit
//! event and a message. The witness (`head`) never moved, so it agrees.
//!
//! The journal tree is plain (it holds keys and sealed values as they were
//! stored, never plaintext) and lies outside [`TreeId::ALL`], so `check`,
//! backups and compaction never see it; it is empty but for an import in
//! progress.

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::audit::AuditEntry;
use super::codec;
use super::db::Store;
use super::digest::Pending;
use super::error::{Result, StoreError};
use super::head::Witness;
use super::trees::TreeId;
use super::tx::Tx;
use super::undo::{FRESH, UNDO, fresh_keys, undo_prefix};

/// The journal tree's name.
pub(crate) const TREE: &str = "staged";
const MARK: &[u8] = b"mark";
const NOTICE: &[u8] = b"notice";
/// Digest changes handed on from batch to batch before a batch writes the
/// shards they touch (journalled like any write). Only the changes are
/// held, not the shards (`store::digest::Pending`): about 20 MB at the
/// bound, and a 100,000-row import writes each shard some six times
/// instead of at every batch, which made it quadratic.
const DIGEST_CARRIED: usize = 250_000;

/// An import in progress, as its mark records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Mark {
    id: [u8; 16],
    what: String,
    rows: u64,
    started_ms: i64,
    /// The audit and change-log heads before the first batch.
    audit: u64,
    change: u64,
}

/// An import that was cut short and undone at the next open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interrupted {
    /// What was imported (`cases`, `organisations`, `rooms`).
    pub what: String,
    /// Rows the file had.
    pub rows: u64,
    /// Records written before the interruption, all removed again.
    pub undone: u64,
    /// When the import started (milliseconds since 1970).
    pub started_ms: i64,
}

impl Interrupted {
    /// When the import started.
    pub fn started(&self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(self.started_ms)
    }
}

fn db_err(e: impl std::fmt::Debug) -> StoreError {
    StoreError::Database(format!("{e:?}"))
}

/// Undoes an import the process did not finish, and clears journals left
/// by finished ones. Runs at open, before anyone logs in (it needs no key).
pub(crate) fn recover(db: &sled::Db) -> Result<Option<Interrupted>> {
    let t = db.open_tree(TREE)?;
    let mut found = None;
    if let Some(raw) = t.get(MARK)? {
        let mark: Mark = codec::from_bytes(&raw, "staged")?;
        let mut undone = 0u64;
        for item in t.scan_prefix(undo_prefix(&mark.id)) {
            let (k, v) = item?;
            let Some((&index, key)) = k.get(17..).and_then(<[u8]>::split_first) else { continue };
            if index == FRESH {
                // A batch's created keys: last in the journal's order, after
                // every old value is back.
                for (tree_id, key) in fresh_keys(&v) {
                    let tree = db.open_tree(tree_id.name())?;
                    if tree.remove(key)?.is_some() && super::kinds::by_tree(tree_id.name()).is_some() {
                        undone += 1;
                    }
                }
                continue;
            }
            let Some(tree_id) = TreeId::ALL.get(usize::from(index)).copied() else { continue };
            let tree = db.open_tree(tree_id.name())?;
            match v.split_first() {
                Some((1, old)) => {
                    tree.insert(key, old)?;
                }
                _ => {
                    if tree.remove(key)?.is_some() && super::kinds::by_tree(tree_id.name()).is_some() {
                        undone += 1;
                    }
                }
            }
        }
        for (tree_id, head) in [(TreeId::ChangeLog, mark.change), (TreeId::Audit, mark.audit)] {
            let tree = db.open_tree(tree_id.name())?;
            for k in tree.range((head + 1).to_be_bytes()..).keys() {
                tree.remove(k?)?;
            }
        }
        db.flush()?;
        let notice = Interrupted { what: mark.what, rows: mark.rows, undone, started_ms: mark.started_ms };
        t.insert(NOTICE, codec::to_bytes(&notice)?)?;
        t.remove(MARK)?;
        db.flush()?;
        found = Some(notice);
    }
    clear_journals(&t)?;
    Ok(found)
}

/// Removes every journal entry (none may be live: no mark, or it was just handled).
fn clear_journals(t: &sled::Tree) -> Result<()> {
    for k in t.scan_prefix([UNDO]).keys() {
        t.remove(k?)?;
    }
    Ok(())
}

/// A staged write in progress: batches through [`Staging::batch`], then
/// [`Staging::finish`]; dropped without finishing, what it wrote is undone.
pub struct Staging<'s> {
    store: &'s Store,
    mark: Mark,
    journal: sled::Tree,
    trees: Vec<sled::Tree>,
    /// The digest shards the batches touched, written by the last one.
    digest: RefCell<Pending>,
    finished: bool,
}

impl Store {
    /// Starts a staged write of `rows` rows of `what` (an import).
    pub fn stage(&self, what: &str, rows: u64) -> Result<Staging<'_>> {
        let counters = self.counters()?;
        let journal = self.sled().open_tree(TREE)?;
        let mark = Mark {
            id: super::crypto::random16()?,
            what: what.to_string(),
            rows,
            started_ms: self.now().timestamp_millis(),
            audit: counters.audit_seq,
            change: counters.change_seq,
        };
        // A journal left by a process that finished is garbage; a live mark
        // here would be an import of this process still running.
        if journal.get(MARK)?.is_some() {
            return Err(StoreError::Rule(super::Rule::ImportRunning));
        }
        clear_journals(&journal)?;
        journal.insert(MARK, codec::to_bytes(&mark)?)?;
        // Durable before any batch: sled keeps writes in order, so a batch
        // that survives a crash always finds its mark.
        self.make_durable()?;
        let mut trees = self.trees.clone();
        trees.push(journal.clone());
        Ok(Staging { store: self, mark, journal, trees, digest: RefCell::new(Pending::default()), finished: false })
    }

    /// The notice of an import undone at this open, once: the first session
    /// that asks records it in the audit chain and removes it.
    pub fn take_interrupted_import(&self) -> Result<Option<Interrupted>> {
        self.session()?;
        let t = self.sled().open_tree(TREE)?;
        let Some(raw) = t.get(NOTICE)? else { return Ok(None) };
        let notice: Interrupted = codec::from_bytes(&raw, "staged")?;
        let summary = format!("{} interrupted and undone rows={} undone={}", notice.what, notice.rows, notice.undone);
        self.audit(AuditEntry::new(super::AuditAction::Import, "import").summary(summary))?;
        t.remove(NOTICE)?;
        self.make_durable()?;
        Ok(Some(notice))
    }
}

impl Staging<'_> {
    fn run<R>(&self, entry: AuditEntry, last: bool, f: impl Fn(&mut Tx<'_>) -> Result<R>) -> Result<R> {
        let store = self.store;
        let session = store.session()?;
        let _guard = store.write_guard()?;
        let now = store.now();
        let now = DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now);
        let id = self.mark.id;
        let result = self.trees.as_slice().transaction(|views| {
            let mut tx = Tx::new(store, session, views, now);
            // The shards are handed on from batch to batch; a retried
            // attempt notes the same entries again.
            tx.carry_digest(std::mem::take(&mut *self.digest.borrow_mut()));
            if !last {
                tx.undo = Some(id);
            }
            let r = f(&mut tx);
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    *self.digest.borrow_mut() = tx.take_digest();
                    return Err(ConflictableTransactionError::Abort(e));
                }
            };
            tx.audit(entry.clone());
            if last {
                let j = views.get(TreeId::ALL.len()).ok_or(ConflictableTransactionError::Abort(
                    StoreError::Database("staged write without its journal".into()),
                ))?;
                j.remove(MARK).map_err(|e| ConflictableTransactionError::Abort(db_err(e)))?;
            }
            let keep = !last && tx.digest_entries() < DIGEST_CARRIED;
            let (finished, kept) = tx.finish_keeping(keep).map_err(ConflictableTransactionError::Abort)?;
            if let Some(d) = kept {
                *self.digest.borrow_mut() = d;
            }
            Ok((r, finished))
        });
        // The case keys an import creates are not kept for the session: a
        // file of 100,000 cases would keep 100,000 of them. A case read
        // later unwraps its key from the tree, as after any open.
        let (r, (_new_keys, heads)) = match result {
            Ok(ok) => ok,
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(store.failed_write(e.into())),
        };
        if last {
            store.make_durable().map_err(|e| store.failed_write(e))?;
        }
        store.saved(Default::default(), now, last.then_some(Witness { audit: heads.0, change: heads.1 }));
        Ok(r)
    }

    /// Writes one batch: journalled, not yet durable, not yet witnessed.
    pub fn batch<R>(&self, entry: AuditEntry, f: impl Fn(&mut Tx<'_>) -> Result<R>) -> Result<R> {
        self.run(entry, false, f)
    }

    /// Writes the last batch, which removes the mark: from its commit on
    /// the whole write is kept. Returns once it is on disk.
    pub fn finish<R>(mut self, entry: AuditEntry, f: impl Fn(&mut Tx<'_>) -> Result<R>) -> Result<R> {
        let r = self.run(entry, true, f)?;
        self.finished = true;
        // The journal is garbage now; a kill here leaves it to the next open.
        let _ = clear_journals(&self.journal);
        Ok(r)
    }
}

impl Drop for Staging<'_> {
    /// An import given up (a row refused by the store, a full disk) is
    /// undone at once when sled still writes, else at the next open.
    fn drop(&mut self) {
        if self.finished || self.store.write_failed() {
            return;
        }
        let _ = recover(self.store.sled()).map(|undone| {
            // Undone in this process: the caller reports the failure itself.
            if undone.is_some() {
                let _ = self.journal.remove(NOTICE);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::ids::RoomId;
    use crate::domain::rooms::{Room, Wing};
    use crate::store::tests::{PASS, centre};
    use crate::store::{AuditAction, AuditEntry, Store};

    fn room(n: u8) -> Room {
        Room {
            id: RoomId::from_bytes([n; 16]),
            name: format!("R{n}"),
            floor: 1,
            wing: Wing::Any,
            accessible: false,
            retired: false,
        }
    }

    #[test]
    fn batches_without_their_last_are_undone_at_the_next_open() {
        let (dir, store) = centre();
        store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(room(1)).map(|_| ())).unwrap();
        let before = (store.counters().unwrap(), store.audit_events().unwrap().len());
        let mut staging = store.stage("rooms", 3).unwrap();
        for n in 2..4 {
            staging.batch(AuditEntry::new(AuditAction::Import, "room"), |tx| tx.put(room(n)).map(|_| ())).unwrap();
        }
        // What a kill leaves: the batches and the mark, no last batch.
        staging.finished = true;
        drop(staging);
        drop(store);
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        let rooms: Vec<String> = store.scan::<Room>().unwrap().into_iter().map(|r| r.body.name).collect();
        assert_eq!(rooms, ["R1"]);
        let c = store.counters().unwrap();
        assert_eq!((c.change_seq, c.case_seq.clone()), (before.0.change_seq, before.0.case_seq.clone()));
        assert!(store.check().unwrap().ok(), "{:?}", store.check().unwrap().problems);
        let notice = store.take_interrupted_import().unwrap().unwrap();
        assert_eq!((notice.what.as_str(), notice.rows, notice.undone), ("rooms", 3, 2));
        assert_eq!(store.take_interrupted_import().unwrap(), None, "said once");
        assert!(store.check().unwrap().ok());
    }

    #[test]
    fn a_record_an_import_created_then_changed_is_removed_and_one_it_changed_put_back() {
        let (dir, store) = centre();
        store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(room(1)).map(|_| ())).unwrap();
        let mut staging = store.stage("rooms", 2).unwrap();
        // Created in one batch, changed in the next two: its key is in the
        // first batch's list of created keys, then journalled with the
        // import's own value.
        staging.batch(AuditEntry::new(AuditAction::Import, "room"), |tx| tx.put(room(2)).map(|_| ())).unwrap();
        for floor in [2, 3] {
            staging
                .batch(AuditEntry::new(AuditAction::Import, "room"), |tx| {
                    tx.put(Room { floor, ..room(2) })?;
                    tx.put(Room { floor, ..room(1) }).map(|_| ())
                })
                .unwrap();
        }
        staging.finished = true;
        drop(staging);
        drop(store);
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        let rooms: Vec<(String, i16)> =
            store.scan::<Room>().unwrap().into_iter().map(|r| (r.body.name, r.body.floor)).collect();
        assert_eq!(rooms, [("R1".to_string(), 1)]);
        assert!(store.check().unwrap().ok(), "{:?}", store.check().unwrap().problems);
        let notice = store.take_interrupted_import().unwrap().unwrap();
        assert_eq!(notice.undone, 1, "the one room the import created");
    }

    #[test]
    fn a_finished_staging_keeps_everything_and_a_dropped_one_nothing() {
        let (_dir, store) = centre();
        let staging = store.stage("rooms", 2).unwrap();
        staging.batch(AuditEntry::new(AuditAction::Import, "room"), |tx| tx.put(room(2)).map(|_| ())).unwrap();
        staging.finish(AuditEntry::new(AuditAction::Import, "room"), |tx| tx.put(room(3)).map(|_| ())).unwrap();
        assert_eq!(store.scan::<Room>().unwrap().len(), 2);
        assert!(store.check().unwrap().ok());
        let staging = store.stage("rooms", 1).unwrap();
        staging.batch(AuditEntry::new(AuditAction::Import, "room"), |tx| tx.put(room(4)).map(|_| ())).unwrap();
        drop(staging);
        assert_eq!(store.scan::<Room>().unwrap().len(), 2);
        assert!(store.check().unwrap().ok(), "{:?}", store.check().unwrap().problems);
        assert_eq!(store.take_interrupted_import().unwrap(), None, "undone in the process that failed: no notice");
    }
}
