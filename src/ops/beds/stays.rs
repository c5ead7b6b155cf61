//! Check-in, transfer and check-out: each one transaction that re-checks the
//! bed and the person inside it, writes the stays, keeps the unique indexes,
//! releases the person's reservations and moves the case and its
//! `temporary_housing` service along.

use chrono::NaiveDate;

use super::index;
use super::{BedError, BedResult, Why, is_manager, live, reason};
use crate::domain::case::{CaseFront, CaseStatus};
use crate::domain::ids::{BedId, CaseId, PickupId, ServiceItemId, StayId};
use crate::domain::pickup::Pickup;
use crate::domain::placement::{
    Refusal, check_bed_usable, check_case_open, check_history, check_not_future, check_wing, status_on_check_in,
};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::{Provider, ServiceItem, ServiceKind, ServiceStatus};
use crate::domain::stay::{Reservation, Stay, StayEndReason};
use crate::store::tx::Tx;
use crate::store::{AuditAction, AuditEntry, Store, StoreError, new_id};

/// A check-in: who, which bed, from which night, until when expected, and
/// the reason a manager gives to override the wing rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The person.
    pub case: CaseId,
    /// The bed.
    pub bed: BedId,
    /// First night.
    pub from: NaiveDate,
    /// Expected departure.
    pub expected_until: Option<NaiveDate>,
    /// A manager's reason to override the wing rule (recorded on the housing service).
    pub override_reason: Option<String>,
}

/// What a stay change reads before its commit.
struct Before {
    front: CaseFront,
    stays: Vec<Stay>,
    reservations: Vec<Reservation>,
    pickups: Vec<PickupId>,
    housing: Option<ServiceItem>,
}

impl Before {
    fn load(store: &Store, case: CaseId) -> BedResult<Before> {
        let front = store
            .get::<CaseFront>(case.as_bytes())?
            .filter(|f| !f.is_deleted())
            .ok_or(StoreError::NotFound("case"))?
            .body;
        let pickups = live(store.scan::<Pickup>()?).into_iter().filter(|p| p.case_id == Some(case)).map(|p| p.id);
        let housing = live(store.scan::<ServiceItem>()?)
            .into_iter()
            .find(|s| s.case_id == case && s.kind == ServiceKind::TemporaryHousing);
        Ok(Before {
            front,
            stays: live(store.scan::<Stay>()?),
            reservations: live(store.scan::<Reservation>()?),
            pickups: pickups.collect(),
            housing,
        })
    }

    fn open_stays(&self) -> impl Iterator<Item = &Stay> {
        self.stays.iter().filter(|s| s.is_open())
    }

    fn closed_in_bed(&self, bed: BedId) -> Vec<Stay> {
        self.stays.iter().filter(|s| !s.is_open() && s.bed_id == bed).cloned().collect()
    }

    fn closed_of_case(&self) -> Vec<Stay> {
        self.stays.iter().filter(|s| !s.is_open() && s.case_id == self.front.id).cloned().collect()
    }

    /// Whether a reservation was made for this person (directly or through a pickup).
    fn owns(&self, r: &Reservation) -> bool {
        r.case_id == Some(self.front.id) || r.pickup_id.is_some_and(|p| self.pickups.contains(&p))
    }

    /// This person's reservations still held.
    fn own_reservations(&self) -> Vec<Reservation> {
        self.reservations.iter().filter(|r| !r.released && self.owns(r)).cloned().collect()
    }
}

fn bed_and_room(store: &Store, bed: BedId) -> BedResult<(Bed, Room)> {
    let bed = store.get::<Bed>(bed.as_bytes())?.filter(|b| !b.is_deleted()).ok_or(StoreError::NotFound("bed"))?.body;
    let room = store
        .get::<Room>(bed.room_id.as_bytes())?
        .filter(|r| !r.is_deleted())
        .ok_or(StoreError::NotFound("room"))?
        .body;
    Ok((bed, room))
}

/// The wing rule, or its override: `Ok(true)` when a manager overrode it.
fn wing_or_override(
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
fn check_free_in_tx(
    tx: &mut Tx<'_>,
    why: &Why,
    bed: BedId,
    case: CaseId,
    moving: Option<StayId>,
    scanned: &[Stay],
) -> crate::store::Result<()> {
    let other = |s: &Stay| Some(s.id) != moving;
    if index::open_stay_of_bed(tx, bed)?.as_ref().is_some_and(other) {
        return why.refuse(Refusal::Occupied);
    }
    if index::open_stay_of_case(tx, case)?.as_ref().is_some_and(other) {
        return why.refuse(Refusal::AlreadyHoused);
    }
    for s in scanned.iter().filter(|s| other(s) && (s.bed_id == bed || s.case_id == case)) {
        if let Some(open) = index::reread_open(tx, s.id)? {
            if open.bed_id == bed {
                return why.refuse(Refusal::Occupied);
            }
            if open.case_id == case {
                return why.refuse(Refusal::AlreadyHoused);
            }
        }
    }
    Ok(())
}

/// Inside the commit: refuses if the bed is held on `night` for someone else.
fn check_unreserved_in_tx(
    tx: &mut Tx<'_>,
    why: &Why,
    before: &Before,
    bed: BedId,
    night: NaiveDate,
) -> crate::store::Result<()> {
    if index::reservation_on(tx, bed, night)?.is_some_and(|r| !before.owns(&r)) {
        return why.refuse(Refusal::ReservedForAnother);
    }
    for r in before.reservations.iter().filter(|r| r.bed_id == bed && r.for_date == night && !before.owns(r)) {
        if index::reread_held(tx, r.id, night)?.is_some() {
            return why.refuse(Refusal::ReservedForAnother);
        }
    }
    Ok(())
}

/// Inside the commit: the person's reservations are used up by a check-in.
fn release_own_in_tx(tx: &mut Tx<'_>, before: &Before) -> crate::store::Result<()> {
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
fn housing_started_in_tx(
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
        id: new_item,
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
fn override_note(tx_user: &str, on: NaiveDate, wing: &str, why: &str) -> String {
    format!("[{on} {tx_user}] wing rule overridden ({wing}): {why}")
}

/// Gives `p.case` the bed `p.bed` from the night of `p.from`.
///
/// Refused with a reason when the person already has a bed, the bed is
/// taken, out of service, retired or reserved for someone else, the wing
/// rule says no (a manager may override with a reason, which is kept on the
/// housing service), the dates are wrong, or the case is closed.
pub fn assign(store: &Store, p: &Placement, today: NaiveDate) -> BedResult<Stay> {
    let before = Before::load(store, p.case)?;
    let (bed, room) = bed_and_room(store, p.bed)?;
    check_case_open(&before.front)?;
    check_not_future(p.from, today)?;
    if p.expected_until.is_some_and(|u| u < p.from) {
        return Err(Refusal::BeforeCheckIn { from: p.from }.into());
    }
    check_bed_usable(&room, &bed, p.from)?;
    if before.open_stays().any(|s| s.case_id == p.case) {
        return Err(Refusal::AlreadyHoused.into());
    }
    if before.open_stays().any(|s| s.bed_id == p.bed) {
        return Err(Refusal::Occupied.into());
    }
    if before.reservations.iter().any(|r| r.bed_id == p.bed && r.holds(p.from) && !before.owns(r)) {
        return Err(Refusal::ReservedForAnother.into());
    }
    check_history(&before.closed_in_bed(p.bed), &before.closed_of_case(), p.from)?;
    let why_text = reason(p.override_reason.as_deref());
    let overridden = wing_or_override(store, &room, &before.front, p.from, why_text.as_deref())?;

    let stay = Stay {
        id: new_id::<StayId>()?,
        case_id: p.case,
        bed_id: p.bed,
        from: p.from,
        expected_until: p.expected_until,
        until: None,
        end_reason: None,
    };
    let new_item = new_id::<ServiceItemId>()?;
    let user = store.session()?.username.clone();
    let note = match (&why_text, overridden) {
        (Some(w), true) => Some(override_note(&user, p.from, room.wing.key(), w)),
        _ => None,
    };
    let scanned: Vec<Stay> = before.open_stays().cloned().collect();
    let summary = if overridden { format!("check_in wing_override {}", room.wing.key()) } else { "check_in".into() };
    let entry = AuditEntry::new(AuditAction::Create, "stay")
        .id(*stay.id.as_bytes())
        .case(before.front.code.to_string())
        .summary(summary);
    let why = Why::default();
    let res = store.commit(entry, |tx| {
        let front = tx.get::<CaseFront>(p.case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
        why.check(check_case_open(&front))?;
        let bed_now = tx.get::<Bed>(p.bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        why.check(check_bed_usable(&room, &bed_now, p.from))?;
        if !overridden {
            why.check(check_wing(&room, &front, p.from))?;
        }
        check_free_in_tx(tx, &why, p.bed, p.case, None, &scanned)?;
        check_unreserved_in_tx(tx, &why, &before, p.bed, p.from)?;
        tx.put(stay.clone())?;
        index::set_open(tx, &stay)?;
        release_own_in_tx(tx, &before)?;
        housing_started_in_tx(tx, &before, new_item, p.from, note.as_deref())?;
        Ok(stay.clone())
    });
    why.finish(res)
}

/// Moves `case` to `to_bed` on `on`: closes the open stay (Transferred) and
/// opens the next one in the same transaction, keeping the expected departure.
pub fn transfer(
    store: &Store,
    case: CaseId,
    to_bed: BedId,
    on: NaiveDate,
    override_reason: Option<&str>,
    today: NaiveDate,
) -> BedResult<Stay> {
    let before = Before::load(store, case)?;
    let (bed, room) = bed_and_room(store, to_bed)?;
    let current = before.open_stays().find(|s| s.case_id == case).cloned().ok_or(Refusal::NotHoused)?;
    if current.bed_id == to_bed {
        return Err(Refusal::SameBed.into());
    }
    if on < current.from {
        return Err(Refusal::BeforeCheckIn { from: current.from }.into());
    }
    check_not_future(on, today)?;
    check_bed_usable(&room, &bed, on)?;
    if before.open_stays().any(|s| s.bed_id == to_bed) {
        return Err(Refusal::Occupied.into());
    }
    if before.reservations.iter().any(|r| r.bed_id == to_bed && r.holds(on) && !before.owns(r)) {
        return Err(Refusal::ReservedForAnother.into());
    }
    check_history(&before.closed_in_bed(to_bed), &[], on)?;
    let why_text = reason(override_reason);
    let overridden = wing_or_override(store, &room, &before.front, on, why_text.as_deref())?;

    let next = Stay {
        id: new_id::<StayId>()?,
        case_id: case,
        bed_id: to_bed,
        from: on,
        expected_until: current.expected_until,
        until: None,
        end_reason: None,
    };
    let new_item = new_id::<ServiceItemId>()?;
    let user = store.session()?.username.clone();
    let note = match (&why_text, overridden) {
        (Some(w), true) => Some(override_note(&user, on, room.wing.key(), w)),
        _ => None,
    };
    let scanned: Vec<Stay> = before.open_stays().cloned().collect();
    let summary = if overridden { format!("transfer wing_override {}", room.wing.key()) } else { "transfer".into() };
    let entry = AuditEntry::new(AuditAction::Update, "stay")
        .id(*next.id.as_bytes())
        .case(before.front.code.to_string())
        .summary(summary);
    let why = Why::default();
    let res = store.commit(entry, |tx| {
        let Some(mut old) = index::reread_open(tx, current.id)? else {
            return why.refuse(Refusal::StayClosed);
        };
        let bed_now = tx.get::<Bed>(to_bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        why.check(check_bed_usable(&room, &bed_now, on))?;
        if !overridden {
            let front = tx.get::<CaseFront>(case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
            why.check(check_wing(&room, &front, on))?;
        }
        check_free_in_tx(tx, &why, to_bed, case, Some(old.id), &scanned)?;
        check_unreserved_in_tx(tx, &why, &before, to_bed, on)?;
        if let Err(c) = old.close(on, StayEndReason::Transferred) {
            return why.refuse(c.into());
        }
        index::clear_open(tx, &old)?;
        tx.put(old)?;
        tx.put(next.clone())?;
        index::set_open(tx, &next)?;
        release_own_in_tx(tx, &before)?;
        if note.is_some() {
            housing_started_in_tx(tx, &before, new_item, on, note.as_deref())?;
        }
        Ok(next.clone())
    });
    why.finish(res)
}

/// Ends the open stay of `case` on `on` for `end`. Unless the person only
/// went to hospital, the housing service is done and the case has departed.
pub fn check_out(store: &Store, case: CaseId, on: NaiveDate, end: StayEndReason, today: NaiveDate) -> BedResult<Stay> {
    if end == StayEndReason::Transferred {
        return Err(BedError::Store(StoreError::Invalid("end reason".into())));
    }
    let before = Before::load(store, case)?;
    let current = before.open_stays().find(|s| s.case_id == case).cloned().ok_or(Refusal::NotHoused)?;
    if on < current.from {
        return Err(Refusal::BeforeCheckIn { from: current.from }.into());
    }
    check_not_future(on, today)?;
    let leaves = end != StayEndReason::Hospitalised;
    let entry = AuditEntry::new(AuditAction::Update, "stay")
        .id(*current.id.as_bytes())
        .case(before.front.code.to_string())
        .summary(format!("check_out {}", end.key()));
    let why = Why::default();
    let res = store.commit(entry, |tx| {
        let Some(mut stay) = index::reread_open(tx, current.id)? else {
            return why.refuse(Refusal::StayClosed);
        };
        if let Err(c) = stay.close(on, end) {
            return why.refuse(match c {
                crate::domain::stay::StayConflict::BeforeStart => Refusal::BeforeCheckIn { from: stay.from },
                other => other.into(),
            });
        }
        index::clear_open(tx, &stay)?;
        tx.put(stay.clone())?;
        if leaves {
            let front = tx.get::<CaseFront>(case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
            if !front.status.is_closed() && front.status != CaseStatus::Departed {
                let mut next = front;
                next.status = CaseStatus::Departed;
                tx.put(next)?;
            }
            if let Some(h) = &before.housing
                && let Some(cur) = tx.get::<ServiceItem>(h.id.as_bytes())?
            {
                let mut item = cur.body;
                if item.status != ServiceStatus::Done {
                    item.status = ServiceStatus::Done;
                    item.done_on = Some(on);
                    tx.put(item)?;
                }
            }
        }
        Ok(stay)
    });
    why.finish(res)
}
