//! The unique indexes a remote change must keep right: the open stay of a
//! bed and of a case, and the reservation holding a bed on a night (the
//! names and key layout of `ops::beds::index`). Without this a laptop would
//! not see that a bed was taken on another laptop and could fill it again.
//! Index entries are hints that the operations confirm by re-reading the
//! record, so a stale one never blocks anything.

use chrono::Datelike;

use crate::domain::stay::{Reservation, Stay};
use crate::store::tx::Tx;
use crate::store::{Record, StoreError};

const OPEN_STAY_BED: &str = "open_stay_bed";
const OPEN_STAY_CASE: &str = "open_stay_case";
const RESERVATION_BED: &str = "reservation_bed";

fn names(tx: &mut Tx<'_>, index: &str, key: &[u8], id: &[u8; 16], set: bool) -> Result<(), StoreError> {
    let current = tx.index_get(index, key)?;
    if set {
        // Keep an entry naming another record that is still open: the
        // operations see both through the check's duplicate report.
        let other_open = match current.as_deref().and_then(|c| <[u8; 16]>::try_from(c).ok()) {
            Some(other) if other != *id => match index {
                OPEN_STAY_BED | OPEN_STAY_CASE => {
                    tx.get::<Stay>(&other)?.is_some_and(|s| !s.is_deleted() && s.body.is_open())
                }
                _ => tx.get::<Reservation>(&other)?.is_some_and(|r| !r.is_deleted()),
            },
            _ => false,
        };
        if !other_open {
            tx.index_set(index, key, Some(id))?;
        }
    } else if current.as_deref() == Some(id.as_slice()) {
        tx.index_set(index, key, None)?;
    }
    Ok(())
}

/// Brings the indexes in line with a record just changed by another laptop.
pub fn after_apply(tx: &mut Tx<'_>, tree: &str, key: &[u8]) -> Result<(), StoreError> {
    if tree == Stay::TREE.name() {
        let Some(s) = tx.get::<Stay>(key)? else { return Ok(()) };
        let open = !s.is_deleted() && s.body.is_open();
        let id = *s.body.id.as_bytes();
        names(tx, OPEN_STAY_BED, s.body.bed_id.as_bytes(), &id, open)?;
        names(tx, OPEN_STAY_CASE, s.body.case_id.as_bytes(), &id, open)?;
    } else if tree == Reservation::TREE.name() {
        let Some(r) = tx.get::<Reservation>(key)? else { return Ok(()) };
        let held = !r.is_deleted() && r.body.holds(r.body.for_date);
        let mut k = r.body.bed_id.as_bytes().to_vec();
        k.extend_from_slice(&r.body.for_date.num_days_from_ce().to_be_bytes());
        names(tx, RESERVATION_BED, &k, r.body.id.as_bytes(), held)?;
    }
    Ok(())
}
