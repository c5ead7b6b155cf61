//! The undo journal of a staged write (`store::staged`): before a key is
//! first written in an import, what it held is recorded in the journal
//! tree, in the same transaction, so that an import cut short can be put
//! back. It works on the transaction's views only, so that the transaction
//! (`store::tx`) can journal without reaching the staged writer, which is
//! built on `Store`.
//!
//! A key that held a value before is journalled on its own, with that value.
//! A key the import creates needs no old value, only to be removed again:
//! the keys a batch creates in record, merge-state, history and case-key
//! trees (one write each per import) go into one list per batch, one
//! journal entry instead of one per key, written after the single entries
//! of the import in the journal's order ([`FRESH`] sorts last), so that the
//! recovery removes them after putting every old value back.

use sled::transaction::TransactionalTree;

use super::error::{Result, StoreError};
use super::trees::TreeId;

/// Journal keys: `u` ‖ import id ‖ tree index ‖ key.
pub(super) const UNDO: u8 = b'u';
/// In place of a tree index: the list of keys one batch created
/// (`u` ‖ import id ‖ [`FRESH`] ‖ batch heads).
pub(super) const FRESH: u8 = 0xFF;

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

/// Whether the keys an import creates in `t` go into the batch's list: the
/// trees where each key is written once (a record, its merge state, its
/// history, a case's key), not the few shared keys rewritten batch after
/// batch (counters, digest shards, sync state), whose later writes would
/// otherwise journal the import's own value again and again.
fn listed(t: TreeId) -> bool {
    !matches!(t, TreeId::Meta | TreeId::Index | TreeId::Sync)
}

/// Journals what `key` of `t` holds before its first write in this import;
/// a key that holds nothing yet and belongs in the batch's list is added to
/// `fresh` instead. `views` are the transaction's trees, the journal last.
pub(super) fn journal(
    views: &[TransactionalTree],
    id: &[u8; 16],
    t: TreeId,
    key: &[u8],
    fresh: &mut Vec<u8>,
) -> Result<()> {
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
        None if listed(t) => {
            // A key written again later in the import (it holds the
            // import's value then) is journalled with that value, and the
            // list, replayed last, removes it all the same.
            let len = u32::try_from(key.len()).map_err(|_| StoreError::Database("key too long".into()))?;
            fresh.push(t.index() as u8);
            fresh.extend_from_slice(&len.to_be_bytes());
            fresh.extend_from_slice(key);
            return Ok(());
        }
        None => v.push(0),
        Some(o) => {
            v.push(1);
            v.extend_from_slice(&o);
        }
    }
    j.insert(jk, v).map_err(db_err)?;
    Ok(())
}

/// Writes one batch's list of created keys (`heads` tells batches apart).
pub(super) fn journal_fresh(views: &[TransactionalTree], id: &[u8; 16], heads: (u64, u64), fresh: &[u8]) -> Result<()> {
    if fresh.is_empty() {
        return Ok(());
    }
    let Some(j) = views.get(TreeId::ALL.len()) else {
        return Err(StoreError::Database("staged write without its journal".into()));
    };
    let mut jk = undo_prefix(id);
    jk.push(FRESH);
    jk.extend_from_slice(&heads.0.to_be_bytes());
    jk.extend_from_slice(&heads.1.to_be_bytes());
    j.insert(jk, fresh).map_err(db_err)?;
    Ok(())
}

/// The (tree, key) pairs of one batch's list; stops at a damaged end.
pub(super) fn fresh_keys(list: &[u8]) -> Vec<(TreeId, &[u8])> {
    let mut out = Vec::new();
    let mut rest = list;
    while let Some((&index, after)) = rest.split_first() {
        let Some((len, after)) = after.split_first_chunk::<4>() else { break };
        let len = u32::from_be_bytes(*len) as usize;
        let (Some(key), Some(tree)) = (after.get(..len), TreeId::ALL.get(usize::from(index))) else { break };
        out.push((*tree, key));
        rest = after.get(len..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_gives_back_its_keys() {
        let mut list = Vec::new();
        for (t, k) in [(TreeId::CaseFront, &b"abc"[..]), (TreeId::Merge, b""), (TreeId::CaseKeys, b"0123456789abcdef")]
        {
            list.push(t.index() as u8);
            list.extend_from_slice(&(k.len() as u32).to_be_bytes());
            list.extend_from_slice(k);
        }
        let keys = fresh_keys(&list);
        assert_eq!(
            keys,
            [(TreeId::CaseFront, &b"abc"[..]), (TreeId::Merge, b""), (TreeId::CaseKeys, b"0123456789abcdef")]
        );
        assert_eq!(fresh_keys(&list[..list.len() - 1]).len(), 2, "a cut list gives what it holds");
    }
}
