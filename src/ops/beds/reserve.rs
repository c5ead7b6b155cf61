//! Holding a bed for an expected arrival or a pickup, and letting it go:
//! by hand, when the person checks in, or when the pickup is a no-show.

use chrono::NaiveDate;

use super::index;
use super::{BedError, BedResult, live};
use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, PickupId, ReservationId};
use crate::domain::pickup::Pickup;
use crate::domain::placement::{Holder, Refusal, check_bed_usable, check_case_open, check_wing};
use crate::domain::rooms::{Bed, Room, Wing, WingRefusal};
use crate::domain::stay::{Reservation, Stay};
use crate::store::tx::Tx;
use crate::store::{AuditAction, AuditEntry, Result, Store, StoreError, new_id};

/// The case a holder stands for: its own, or its pickup's.
fn holder_case(store: &Store, holder: &Holder) -> BedResult<Option<CaseFront>> {
    let case = match (holder.case, holder.pickup) {
        (Some(c), _) => Some(c),
        (None, Some(p)) => store.get::<Pickup>(p.as_bytes())?.and_then(|p| p.body.case_id),
        (None, None) => None,
    };
    match case {
        Some(c) => Ok(store.get::<CaseFront>(c.as_bytes())?.filter(|f| !f.is_deleted()).map(|f| f.body)),
        None => Ok(None),
    }
}

/// A pickup with no case yet still says whether the person is a minor.
fn pickup_minor(store: &Store, holder: &Holder) -> BedResult<bool> {
    match holder.pickup {
        Some(p) => Ok(store.get::<Pickup>(p.as_bytes())?.is_some_and(|p| p.body.needs.minor)),
        None => Ok(false),
    }
}

/// Holds `bed` on the night of `night` for `holder` (a case, a pickup, or both).
///
/// Refused when the night is past, the bed cannot be used that night, has
/// someone in it who is not expected to have left, is held for someone else,
/// or does not fit the person's wing. A holder reserving again for the same
/// night moves the reservation: the bed held before is let go.
pub fn reserve(
    store: &Store,
    bed: BedId,
    night: NaiveDate,
    holder: Holder,
    today: NaiveDate,
) -> BedResult<Reservation> {
    if holder.case.is_none() && holder.pickup.is_none() {
        return Err(BedError::Store(StoreError::Invalid("reservation holder".into())));
    }
    if night < today {
        return Err(Refusal::PastDate.into());
    }
    let bed_rec =
        store.get::<Bed>(bed.as_bytes())?.filter(|b| !b.is_deleted()).ok_or(StoreError::NotFound("bed"))?.body;
    let room = store
        .get::<Room>(bed_rec.room_id.as_bytes())?
        .filter(|r| !r.is_deleted())
        .ok_or(StoreError::NotFound("room"))?
        .body;
    check_bed_usable(&room, &bed_rec, night)?;
    let stays: Vec<Stay> = live(store.scan::<Stay>()?).into_iter().filter(|s| s.is_open()).collect();
    let blocks = |s: &Stay| s.bed_id == bed && (night == today || s.expected_until.is_none_or(|u| u > night));
    if stays.iter().any(blocks) {
        return Err(Refusal::Occupied.into());
    }
    let front = holder_case(store, &holder)?;
    let holder = Holder { case: holder.case.or(front.as_ref().map(|f| f.id)), pickup: holder.pickup };
    if let Some(f) = &front {
        check_case_open(f)?;
        if stays.iter().any(|s| s.case_id == f.id) {
            return Err(Refusal::AlreadyHoused.into());
        }
        check_wing(&room, f, night)?;
    } else if pickup_minor(store, &holder)? && !matches!(room.wing, Wing::Minors | Wing::Family) {
        let why = WingRefusal::MinorOutsideMinorsWing { wing: room.wing, age: None };
        return Err(Refusal::Wing { wing: room.wing, why }.into());
    }
    let all = super::reservations(store)?;
    let on_bed: Vec<Reservation> = all.iter().filter(|r| r.bed_id == bed && r.holds(night)).cloned().collect();
    if let Some(mine) = on_bed.iter().find(|r| holder.owns(r)) {
        return Ok(mine.clone());
    }
    if !on_bed.is_empty() {
        return Err(Refusal::AlreadyReserved.into());
    }
    let moved: Vec<Reservation> =
        all.iter().filter(|r| r.holds(night) && holder.owns(r) && r.bed_id != bed).cloned().collect();
    let new = Reservation {
        id: new_id::<ReservationId>()?,
        bed_id: bed,
        case_id: holder.case,
        pickup_id: holder.pickup,
        for_date: night,
        released: false,
    };
    let mut entry = AuditEntry::new(AuditAction::Create, "reservation")
        .id(*new.id.as_bytes())
        .summary(if moved.is_empty() { "reserve" } else { "reserve moved" });
    if let Some(f) = &front {
        entry = entry.case(f.code.to_string());
    }
    store.commit_with(entry, |tx| {
        if index::reservation_on(tx, bed, night)?.is_some_and(|r| !holder.owns(&r)) {
            return Err(BedError::Refused(Refusal::AlreadyReserved));
        }
        if night == today && index::open_stay_of_bed(tx, bed)?.is_some() {
            return Err(BedError::Refused(Refusal::Occupied));
        }
        let bed_now = tx.get::<Bed>(bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        check_bed_usable(&room, &bed_now, night)?;
        for r in &moved {
            release_in(tx, r.id)?;
        }
        tx.put(new.clone())?;
        index::set_reservation(tx, &new)?;
        Ok(new.clone())
    })
}

/// Inside a transaction: lets a reservation go if it is still held. Returns
/// whether it was.
fn release_in(tx: &mut Tx<'_>, id: ReservationId) -> Result<bool> {
    let Some(cur) = tx.get::<Reservation>(id.as_bytes())?.filter(|r| !r.is_deleted() && !r.body.released) else {
        return Ok(false);
    };
    let mut body = cur.body;
    body.released = true;
    index::clear_reservation(tx, &body)?;
    tx.put(body)?;
    Ok(true)
}

/// Lets a reservation go by hand (plans changed).
pub fn cancel_reservation(store: &Store, id: ReservationId) -> BedResult<()> {
    let entry = AuditEntry::new(AuditAction::Update, "reservation").id(*id.as_bytes()).summary("released");
    store.commit_with(entry, |tx| {
        if release_in(tx, id)? { Ok(()) } else { Err(BedError::Refused(Refusal::ReservationReleased)) }
    })
}

/// The reservations still held for a pickup, found by reading them all
/// (reservations made before the pickup index existed are among them).
pub fn held_for_pickup(store: &Store, pickup: PickupId) -> Result<Vec<ReservationId>> {
    Ok(live(store.scan::<Reservation>()?)
        .into_iter()
        .filter(|r| r.pickup_id == Some(pickup) && !r.released)
        .map(|r| r.id)
        .collect())
}

/// Inside the caller's transaction (the arrivals board marking a pickup a
/// no-show): lets go every reservation made for `pickup`, found through the
/// pickup index and in `known` (ids from [`held_for_pickup`] read before the
/// commit). Returns how many were let go.
pub fn release_for_pickup_in(tx: &mut Tx<'_>, pickup: PickupId, known: &[ReservationId]) -> Result<usize> {
    let mut ids = index::reservations_of_pickup(tx, pickup)?;
    for id in known {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    let mut released = 0;
    for id in ids {
        let belongs = tx.get::<Reservation>(id.as_bytes())?.is_some_and(|r| r.body.pickup_id == Some(pickup));
        if belongs && release_in(tx, id)? {
            released += 1;
        }
    }
    Ok(released)
}

/// Lets go every reservation made for `pickup` (a no-show, a cancellation),
/// in one transaction of its own. Returns how many were let go; nothing is
/// written when none was held.
pub fn release_for_pickup(store: &Store, pickup: PickupId) -> Result<usize> {
    let known = held_for_pickup(store, pickup)?;
    if known.is_empty() {
        return Ok(0);
    }
    let entry = AuditEntry::new(AuditAction::Update, "reservation")
        .id(*pickup.as_bytes())
        .summary(format!("released for pickup: {}", known.len()));
    store.commit(entry, |tx| release_for_pickup_in(tx, pickup, &known))
}
