//! Erasure reaching the hub. When a case is erased on a laptop, the change
//! log entries about it are emptied there (their hashes stay in the chain).
//! This module notes which entries the erasure emptied, and `haven hub
//! tidy` later replaces those rows' bodies at the hub with the emptied,
//! sealed entries and tags them with the case's opaque tag: an HMAC of the
//! case id under a key only the centre's laptops hold, so the hub can find
//! and drop the rows of one erased case without learning who the case is.
//! Every laptop that carries out the erasure notes it, so a laptop lost
//! right after erasing does not leave the case's rows readable-in-shape
//! at the hub. Rows are emptied rather than deleted at once: a row missing from the
//! middle of an installation's chain would stop every laptop that had not
//! yet received it; the emptied rows are dropped by retention with the rest.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::state::SyncState;
use super::wire;
use crate::store::{AuditAction, AuditEntry, Store, StoreError};

/// Key of the erasures not yet carried to the hub, in the sync tree.
pub const PENDING_KEY: &[u8] = b"hub_erasures";

/// One erased case's emptied entries, waiting for `hub tidy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The case's opaque tag at the hub.
    pub tag: Vec<u8>,
    /// (installation, sequence) of every entry the erasure emptied.
    pub dots: Vec<([u8; 16], u64)>,
}

/// The tag of `case`: HMAC-SHA-256 under a key derived from the centre's
/// transport key (which the hub never holds).
pub fn case_tag(store: &Store, case: &[u8; 16]) -> Result<Vec<u8>, StoreError> {
    let tk = wire::transport_key(&store.session()?.keys.front);
    Ok(crate::store::crypto::mac(&tk, &[b"haven-case-tag\0", &store.header().centre_id, case]).to_vec())
}

/// Erases a closed case (`ops::access::erase_case`) and, when the centre
/// syncs through a hub, notes which change-log bodies the erasure emptied,
/// so that `haven hub tidy` empties them at the hub too.
pub fn erase_case(
    store: &mut Store,
    case: crate::domain::ids::CaseId,
) -> Result<crate::store::erase::Erased, StoreError> {
    let hub = super::setup::config(store)?.is_some();
    let before = if hub { redacted_dots(store)? } else { Default::default() };
    let erased = crate::ops::access::erase_case(store, case)?;
    if hub {
        note(store, case.as_bytes(), &before)?;
    }
    Ok(erased)
}

/// Every entry held here whose body is empty (own log and relayed).
pub fn redacted_dots(store: &Store) -> Result<BTreeSet<([u8; 16], u64)>, StoreError> {
    let me = store.header().installation;
    let (own, _) = store.own_head()?;
    let state = SyncState::load(store)?;
    let mut heads: Vec<([u8; 16], u64)> = state.heads.iter().map(|(i, h)| (*i, h.seq)).collect();
    heads.push((me, own));
    let mut out = BTreeSet::new();
    for (inst, head) in heads {
        for seq in 1..=head {
            if store.held_entry(&inst, seq)?.is_some_and(|e| e.is_redacted()) {
                out.insert((inst, seq));
            }
        }
    }
    Ok(out)
}

/// Notes the entries `case`'s erasure emptied (those empty now and not
/// `before`), for `hub tidy` to carry to the hub. Called right after the
/// erasure, on the laptop that made it and on every laptop that carries it
/// out when the order arrives (`sync::receive`): whichever of them runs
/// `hub tidy` first empties the rows at the hub; the others find them
/// already tagged and emptied (the hub's `haven_erase` is idempotent).
pub fn note(store: &Store, case: &[u8; 16], before: &BTreeSet<([u8; 16], u64)>) -> Result<usize, StoreError> {
    let dots: Vec<([u8; 16], u64)> = redacted_dots(store)?.difference(before).copied().collect();
    if dots.is_empty() {
        return Ok(0);
    }
    let n = dots.len();
    let mut pending = pending(store)?;
    pending.push(Pending { tag: case_tag(store, case)?, dots });
    store.commit(AuditEntry::new(AuditAction::Update, "hub").summary("erasure noted for the hub"), |tx| {
        tx.sync_put(PENDING_KEY, &pending)
    })?;
    Ok(n)
}

/// The erasures not yet carried to the hub.
pub fn pending(store: &Store) -> Result<Vec<Pending>, StoreError> {
    Ok(store.sync_get(PENDING_KEY)?.unwrap_or_default())
}

/// Carries the noted erasures to the hub through `client` (the centre's
/// enrolment credential): (cases, rows emptied).
pub fn carry(store: &Store, client: &mut postgres::Client) -> Result<(usize, u64), super::setup::SetupError> {
    let centre = store.header().centre_id;
    let tk = wire::transport_key(&store.session()?.keys.front);
    let mut left = pending(store)?;
    let (mut cases, mut rows) = (0, 0u64);
    while let Some(p) = left.first().cloned() {
        let (mut devs, mut seqs, mut bodies) = (Vec::new(), Vec::new(), Vec::new());
        for (inst, seq) in &p.dots {
            if let Some(e) = store.held_entry(inst, *seq)?.filter(|e| e.is_redacted()) {
                devs.push(super::pg::uuid(inst));
                seqs.push(i64::try_from(*seq).unwrap_or(i64::MAX));
                bodies.push(wire::seal_entry(&tk, &centre, &e));
            }
        }
        let n: i64 = client
            .query_one(
                "SELECT haven_erase($1::text::uuid, $2, $3::text[]::uuid[], $4, $5)",
                &[&super::pg::uuid(&centre), &p.tag, &devs, &seqs, &bodies],
            )
            .map_err(|e| super::setup::SetupError::Hub(super::pg::classify(e)))?
            .get(0);
        rows += u64::try_from(n).unwrap_or(0);
        cases += 1;
        left.remove(0);
        store.commit(AuditEntry::new(AuditAction::Update, "hub").summary("erasure carried to the hub"), |tx| {
            tx.sync_put(PENDING_KEY, &left)
        })?;
    }
    Ok((cases, rows))
}
