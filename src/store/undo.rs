//! The undo journal of a staged write (`store::staged`): before a key is
//! first written in an import, what it held is recorded in the journal
//! tree, in the same transaction, so that an import cut short can be put
//! back. It works on the transaction's views only, so that the transaction
//! (`store::tx`) can journal without reaching the staged writer, which is
//! built on `Store`.

use sled::transaction::TransactionalTree;

use super::error::{Result, StoreError};
use super::trees::TreeId;

/// Journal keys: `u` ‖ import id ‖ tree index ‖ key.
pub(super) const UNDO: u8 = b'u';

fn db_err(e: impl std::fmt::Debug) -> StoreError {
    StoreError::Database(format!("{e:?}"))
}

/// The prefix of the journal keys of one import.
pub(super) fn undo_prefix(id: &[u8; 16]) -> Vec<u8> {
    let mut k = Vec::with_capacity(18 + 40);
    k.push(UNDO);
    k.extend_from_slice(id);
    k
}

/// Journals what `key` of `t` holds before its first write in this import.
/// `views` are the transaction's trees, the journal last.
pub(super) fn journal(views: &[TransactionalTree], id: &[u8; 16], t: TreeId, key: &[u8]) -> Result<()> {
    let (Some(j), Some(tree)) = (views.get(TreeId::ALL.len()), views.get(t.index())) else {
        return Err(StoreError::Database("staged write without its journal".into()));
    };
    let mut jk = undo_prefix(id);
    jk.push(t.index() as u8);
    jk.extend_from_slice(key);
    if j.get(&jk).map_err(db_err)?.is_some() {
        return Ok(());
    }
    let old = tree.get(key).map_err(db_err)?;
    let mut v = Vec::with_capacity(1 + old.as_ref().map_or(0, |o| o.len()));
    match old {
        None => v.push(0),
        Some(o) => {
            v.push(1);
            v.extend_from_slice(&o);
        }
    }
    j.insert(jk, v).map_err(db_err)?;
    Ok(())
}
