//! What a stay change reads before its commit, and what it re-checks and
//! writes inside it: the person's records, open stays and reservations, the
//! unique indexes, the reservations a check-in uses up, and the case and
//! housing service moving along.

use chrono::NaiveDate;

use super::index;
use super::{BedError, BedResult, is_manager, live};
use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, CaseId, PickupId, ServiceItemId, StayId};
use crate::domain::pickup::Pickup;
use crate::domain::placement::{Refusal, check_wing, status_on_check_in};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::{Provider, ServiceItem, ServiceKind, ServiceStatus};
use crate::domain::stay::{Reservation, Stay};
use crate::store::tx::Tx;
use crate::store::{Store, StoreError};

/// What a stay change reads before its commit.
pub(super) struct Before {
    pub(super) front: CaseFront,
    pub(super) stays: Vec<Stay>,
    pub(super) reservations: Vec<Reservation>,
    pub(super) pickups: Vec<PickupId>,
    pub(super) housing: Option<ServiceItem>,
}

impl Before {
    pub(super) fn load(store: &Store, case: CaseId) -> BedResult<Before> {
        let front = store
            .get::<CaseFront>(case.as_bytes())?
            .filter(|f| !f.is_deleted())
            .ok_or(StoreError::NotFound("case"))?
            .body;
        let pickups = live(store.scan::<Pickup>()?).into_iter().filter(|p| p.case_id == Some(case)).map(|p| p.id);
        let housing = crate::ops::services::of_case(store, case)?
            .into_iter()
            .map(|s| s.body)
            .find(|s| s.kind == ServiceKind::TemporaryHousing);
        Ok(Before {
            front,
            stays: live(store.scan::<Stay>()?),
            reservations: super::reservations(store)?,
            pickups: pickups.collect(),
            housing,
        })
    }

    pub(super) fn open_stays(&self) -> impl Iterator<Item = &Stay> {
        self.stays.iter().filter(|s| s.is_open())
    }

    pub(super) fn closed_in_bed(&self, bed: BedId) -> Vec<Stay> {
        self.stays.iter().filter(|s| !s.is_open() && s.bed_id == bed).cloned().collect()
    }

    pub(super) fn closed_of_case(&self) -> Vec<Stay> {
        self.stays.iter().filter(|s| !s.is_open() && s.case_id == self.front.id).cloned().collect()
    }

    /// Whether a reservation was made for this person (directly or through a pickup).
    pub(super) fn owns(&self, r: &Reservation) -> bool {
        r.case_id == Some(self.front.id) || r.pickup_id.is_some_and(|p| self.pickups.contains(&p))
    }

    /// This person's reservations still held.
    pub(super) fn own_reservations(&self) -> Vec<Reservation> {
        self.reservations.iter().filter(|r| !r.released && self.owns(r)).cloned().collect()
    }
}

pub(super) fn bed_and_room(store: &Store, bed: BedId) -> BedResult<(Bed, Room)> {
    let bed = store.get::<Bed>(bed.as_bytes())?.filter(|b| !b.is_deleted()).ok_or(StoreError::NotFound("bed"))?.body;
    let room = store
        .get::<Room>(bed.room_id.as_bytes())?
        .filter(|r| !r.is_deleted())
        .ok_or(StoreError::NotFound("room"))?
        .body;
    Ok((bed, room))
}

/// The wing rule, or its override: `Ok(true)` when a manager overrode it.
pub(super) fn wing_or_override(
    store: &Store,
    room: &Room,
    front: &CaseFront,
    day: NaiveDate,
    why: Option<&str>,
) -> BedResult<bool> {
    match check_wing(room, front, day) {
        Ok(()) => Ok(false),
        Err(_) if why.is_some() && is_manager(store) => Ok(true),
        Err(_) if why.is_some() => Err(Refusal::ManagerOnly.into()),
        Err(r) => Err(r.into()),
    }
}

/// Inside the commit: refuses if the bed or the case has an open stay other
/// than `moving` (the stay a transfer closes), by the index and by re-reading
/// the open stays the scan found.
pub(super) fn check_free_in_tx(
    tx: &mut Tx<'_>,
    bed: BedId,
    case: CaseId,
    moving: Option<StayId>,
    scanned: &[Stay],
) -> BedResult<()> {
    let other = |s: &Stay| Some(s.id) != moving;
    if index::open_stay_of_bed(tx, bed)?.as_ref().is_some_and(other) {
        return Err(BedError::Refused(Refusal::Occupied));
    }
    if index::open_stay_of_case(tx, case)?.as_ref().is_some_and(other) {
        return Err(BedError::Refused(Refusal::AlreadyHoused));
    }
    for s in scanned.iter().filter(|s| other(s) && (s.bed_id == bed || s.case_id == case)) {
        if let Some(open) = index::reread_open(tx, s.id)? {
            if open.bed_id == bed {
                return Err(BedError::Refused(Refusal::Occupied));
            }
            if open.case_id == case {
                return Err(BedError::Refused(Refusal::AlreadyHoused));
            }
        }
    }
    Ok(())
}

/// Inside the commit: refuses if the bed is held on `night` for someone else.
pub(super) fn check_unreserved_in_tx(tx: &mut Tx<'_>, before: &Before, bed: BedId, night: NaiveDate) -> BedResult<()> {
    if index::reservation_on(tx, bed, night)?.is_some_and(|r| !before.owns(&r)) {
        return Err(BedError::Refused(Refusal::ReservedForAnother));
    }
    for r in before.reservations.iter().filter(|r| r.bed_id == bed && r.for_date == night && !before.owns(r)) {
        if index::reread_held(tx, r.id, night)?.is_some() {
            return Err(BedError::Refused(Refusal::ReservedForAnother));
        }
    }
    Ok(())
}

/// Inside the commit: the person's reservations are used up by a check-in.
pub(super) fn release_own_in_tx(tx: &mut Tx<'_>, before: &Before) -> crate::store::Result<()> {
    for r in before.own_reservations() {
        if let Some(cur) = tx.get::<Reservation>(r.id.as_bytes())?.filter(|c| !c.body.released) {
            let mut body = cur.body;
            body.released = true;
            index::clear_reservation(tx, &body)?;
            tx.put(body)?;
        }
    }
    Ok(())
}

/// Inside the commit: the case is in residence and its housing service under way.
pub(super) fn housing_started_in_tx(
    tx: &mut Tx<'_>,
    before: &Before,
    new_item: ServiceItemId,
    from: NaiveDate,
    note: Option<&str>,
) -> crate::store::Result<()> {
    let front = tx.get::<CaseFront>(before.front.id.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
    let mut next = front.clone();
    next.status = status_on_check_in(front.status);
    next.arrived_on = front.arrived_on.or(Some(from));
    if next != front {
        tx.put(next)?;
    }
    let current = match &before.housing {
        Some(h) => tx.get::<ServiceItem>(h.id.as_bytes())?.map(|s| s.body),
        None => None,
    };
    let mut item = current.unwrap_or(ServiceItem {
        id: ServiceItemId::in_case(before.front.id, new_item),
        case_id: before.front.id,
        kind: ServiceKind::TemporaryHousing,
        status: ServiceStatus::NotAssessed,
        planned_on: None,
        done_on: None,
        provider: Provider::Internal,
        amount: None,
        note: String::new(),
    });
    let was = item.clone();
    // A person in a bed is being housed, whatever the checklist said before.
    if item.status != ServiceStatus::InProgress {
        item.status = ServiceStatus::InProgress;
        item.done_on = None;
    }
    if let Some(note) = note {
        if !item.note.is_empty() {
            item.note.push('\n');
        }
        item.note.push_str(note);
    }
    if item != was || before.housing.is_none() {
        tx.put(item)?;
    }
    Ok(())
}

/// The line kept on the housing service when a manager overrides the wing rule.
pub(super) fn override_note(tx_user: &str, on: NaiveDate, wing: &str, why: &str) -> String {
    format!("[{on} {tx_user}] wing rule overridden ({wing}): {why}")
}
