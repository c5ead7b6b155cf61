//! The unique indexes of beds, read and written inside a transaction:
//! the open stay of each bed and of each case, the reservation holding a bed
//! on a night, and the reservations made for a pickup.
//!
//! An index entry is a hint that must be confirmed: the record it names is
//! re-read in the same transaction, so a stale entry (a stay closed by a
//! version of Haven that did not clear it) never blocks a bed.

use chrono::{Datelike, NaiveDate};

use crate::domain::ids::{BedId, CaseId, PickupId, ReservationId, StayId};
use crate::domain::pickup::Pickup;
use crate::domain::stay::{Reservation, Stay};
use crate::store::Result;
use crate::store::tx::Tx;

/// Index of the open stay per bed.
pub(crate) const OPEN_STAY_BED: &str = "open_stay_bed";
/// Index of the open stay per case.
pub(crate) const OPEN_STAY_CASE: &str = "open_stay_case";
/// Index of the reservation holding a bed on a night.
pub(crate) const RESERVATION_BED: &str = "reservation_bed";
/// Index of the reservations made for a pickup (ids one after another).
pub(crate) const RESERVATION_PICKUP: &str = "reservation_pickup";

fn id16(raw: &[u8]) -> Option<[u8; 16]> {
    raw.get(..16).and_then(|b| b.try_into().ok())
}

/// The key of a bed on a night.
fn bed_night(bed: BedId, night: NaiveDate) -> Vec<u8> {
    let mut k = bed.as_bytes().to_vec();
    k.extend_from_slice(&night.num_days_from_ce().to_be_bytes());
    k
}

/// The open stay the index names for `bed`, confirmed by re-reading it.
pub(crate) fn open_stay_of_bed(tx: &mut Tx<'_>, bed: BedId) -> Result<Option<Stay>> {
    let Some(id) = tx.index_get(OPEN_STAY_BED, bed.as_bytes())?.as_deref().and_then(id16) else {
        return Ok(None);
    };
    Ok(reread_open(tx, StayId::from_bytes(id))?.filter(|s| s.bed_id == bed))
}

/// The open stay the index names for `case`, confirmed by re-reading it.
pub(crate) fn open_stay_of_case(tx: &mut Tx<'_>, case: CaseId) -> Result<Option<Stay>> {
    let Some(id) = tx.index_get(OPEN_STAY_CASE, case.as_bytes())?.as_deref().and_then(id16) else {
        return Ok(None);
    };
    Ok(reread_open(tx, StayId::from_bytes(id))?.filter(|s| s.case_id == case))
}

/// A stay as the transaction sees it, if it exists, is not deleted and is open.
pub(crate) fn reread_open(tx: &mut Tx<'_>, id: StayId) -> Result<Option<Stay>> {
    Ok(tx.get::<Stay>(id.as_bytes())?.filter(|s| !s.is_deleted() && s.body.is_open()).map(|s| s.body))
}

/// Records `stay` as the open stay of its bed and of its case.
pub(crate) fn set_open(tx: &mut Tx<'_>, stay: &Stay) -> Result<()> {
    tx.index_set(OPEN_STAY_BED, stay.bed_id.as_bytes(), Some(stay.id.as_bytes()))?;
    tx.index_set(OPEN_STAY_CASE, stay.case_id.as_bytes(), Some(stay.id.as_bytes()))
}

/// Clears the entries that name `stay` (leaves entries naming another stay).
pub(crate) fn clear_open(tx: &mut Tx<'_>, stay: &Stay) -> Result<()> {
    for (name, key) in [(OPEN_STAY_BED, stay.bed_id.as_bytes()), (OPEN_STAY_CASE, stay.case_id.as_bytes())] {
        let current = tx.index_get(name, key)?;
        if current.as_deref().and_then(id16) == Some(*stay.id.as_bytes()) {
            tx.index_set(name, key, None)?;
        }
    }
    Ok(())
}

/// The reservation the index names for `bed` on `night`, if still held.
pub(crate) fn reservation_on(tx: &mut Tx<'_>, bed: BedId, night: NaiveDate) -> Result<Option<Reservation>> {
    let Some(id) = tx.index_get(RESERVATION_BED, &bed_night(bed, night))?.as_deref().and_then(id16) else {
        return Ok(None);
    };
    reread_held(tx, ReservationId::from_bytes(id), night)
}

/// A reservation as the transaction sees it, if it still holds its bed on
/// `night` (not released, and its pickup neither a no-show nor called off).
pub(crate) fn reread_held(tx: &mut Tx<'_>, id: ReservationId, night: NaiveDate) -> Result<Option<Reservation>> {
    let Some(r) = tx.get::<Reservation>(id.as_bytes())?.filter(|r| !r.is_deleted() && r.body.holds(night)) else {
        return Ok(None);
    };
    let status = match r.body.pickup_id {
        Some(p) => tx.get::<Pickup>(p.as_bytes())?.map(|p| p.body.status),
        None => None,
    };
    Ok((!super::lapsed(&r.body, status)).then_some(r.body))
}

/// Records a new reservation in the bed and pickup indexes.
pub(crate) fn set_reservation(tx: &mut Tx<'_>, r: &Reservation) -> Result<()> {
    tx.index_set(RESERVATION_BED, &bed_night(r.bed_id, r.for_date), Some(r.id.as_bytes()))?;
    if let Some(p) = r.pickup_id {
        let mut ids = tx.index_get(RESERVATION_PICKUP, p.as_bytes())?.unwrap_or_default();
        if !ids.chunks_exact(16).any(|c| c == r.id.as_bytes()) {
            ids.extend_from_slice(r.id.as_bytes());
            tx.index_set(RESERVATION_PICKUP, p.as_bytes(), Some(&ids))?;
        }
    }
    Ok(())
}

/// Clears the bed entry of a released reservation (if it names it).
pub(crate) fn clear_reservation(tx: &mut Tx<'_>, r: &Reservation) -> Result<()> {
    let key = bed_night(r.bed_id, r.for_date);
    if tx.index_get(RESERVATION_BED, &key)?.as_deref().and_then(id16) == Some(*r.id.as_bytes()) {
        tx.index_set(RESERVATION_BED, &key, None)?;
    }
    Ok(())
}

/// The reservations the index lists for a pickup.
pub(crate) fn reservations_of_pickup(tx: &mut Tx<'_>, pickup: PickupId) -> Result<Vec<ReservationId>> {
    let ids = tx.index_get(RESERVATION_PICKUP, pickup.as_bytes())?.unwrap_or_default();
    Ok(ids.chunks_exact(16).filter_map(id16).map(ReservationId::from_bytes).collect())
}
