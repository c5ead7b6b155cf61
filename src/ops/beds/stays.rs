//! Check-in, transfer and check-out: each one transaction that re-checks the
//! bed and the person inside it, writes the stays, keeps the unique indexes,
//! releases the person's reservations and moves the case and its
//! `temporary_housing` service along.

use chrono::NaiveDate;

use super::before::{
    Before, bed_and_room, check_free_in_tx, check_unreserved_in_tx, housing_started_in_tx, override_note,
    release_own_in_tx, wing_or_override,
};
use super::index;
use super::{BedError, BedResult, reason};
use crate::domain::case::{CaseFront, CaseStatus};
use crate::domain::ids::{BedId, CaseId, ServiceItemId, StayId};
use crate::domain::placement::{
    Refusal, check_bed_usable, check_case_open, check_history, check_not_future, check_wing,
};
use crate::domain::rooms::Bed;
use crate::domain::service::{ServiceItem, ServiceStatus};
use crate::domain::stay::{Stay, StayEndReason};
use crate::store::audit::said;
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
        id: StayId::in_case(p.case, new_id()?),
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
    let summary = if overridden {
        said("check-in-override", &[("wing", format!("#wing-{}", room.wing.key()))])
    } else {
        said("check-in", &[])
    };
    let entry = AuditEntry::new(AuditAction::Create, "stay")
        .id(*stay.id.as_bytes())
        .case(before.front.code.to_string())
        .summary(summary);
    store.commit_with(entry, |tx| {
        let front = tx.get::<CaseFront>(p.case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
        check_case_open(&front)?;
        let bed_now = tx.get::<Bed>(p.bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        check_bed_usable(&room, &bed_now, p.from)?;
        if !overridden {
            check_wing(&room, &front, p.from)?;
        }
        check_free_in_tx(tx, p.bed, p.case, None, &scanned)?;
        check_unreserved_in_tx(tx, &before, p.bed, p.from)?;
        tx.put(stay.clone())?;
        index::set_open(tx, &stay)?;
        release_own_in_tx(tx, &before)?;
        housing_started_in_tx(tx, &before, new_item, p.from, note.as_deref())?;
        Ok(stay.clone())
    })
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
        id: StayId::in_case(case, new_id()?),
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
    let summary = if overridden {
        said("transfer-override", &[("wing", format!("#wing-{}", room.wing.key()))])
    } else {
        said("transfer", &[])
    };
    let entry = AuditEntry::new(AuditAction::Update, "stay")
        .id(*next.id.as_bytes())
        .case(before.front.code.to_string())
        .summary(summary);
    store.commit_with(entry, |tx| {
        let Some(mut old) = index::reread_open(tx, current.id)? else {
            return Err(BedError::Refused(Refusal::StayClosed));
        };
        let bed_now = tx.get::<Bed>(to_bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        check_bed_usable(&room, &bed_now, on)?;
        if !overridden {
            let front = tx.get::<CaseFront>(case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
            check_wing(&room, &front, on)?;
        }
        check_free_in_tx(tx, to_bed, case, Some(old.id), &scanned)?;
        check_unreserved_in_tx(tx, &before, to_bed, on)?;
        if let Err(c) = old.close(on, StayEndReason::Transferred) {
            return Err(BedError::Refused(c.into()));
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
    })
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
        .said("check-out", &[("reason", format!("#stay-end-{}", end.key()))]);
    store.commit_with(entry, |tx| {
        let Some(mut stay) = index::reread_open(tx, current.id)? else {
            return Err(BedError::Refused(Refusal::StayClosed));
        };
        if let Err(c) = stay.close(on, end) {
            return Err(BedError::Refused(match c {
                crate::domain::stay::StayConflict::BeforeStart => Refusal::BeforeCheckIn { from: stay.from },
                other => other.into(),
            }));
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
    })
}

/// Changes when the person in an open stay is expected to leave (an
/// extension, or an earlier date); `None` when nobody knows yet.
pub fn set_expected_departure(store: &Store, case: CaseId, until: Option<NaiveDate>) -> BedResult<Stay> {
    let before = Before::load(store, case)?;
    let current = before.open_stays().find(|s| s.case_id == case).cloned().ok_or(Refusal::NotHoused)?;
    if until.is_some_and(|u| u < current.from) {
        return Err(Refusal::BeforeCheckIn { from: current.from }.into());
    }
    let entry = AuditEntry::new(AuditAction::Update, "stay")
        .id(*current.id.as_bytes())
        .case(before.front.code.to_string())
        .summary("expected_until");
    store.commit_with(entry, |tx| {
        let Some(mut stay) = index::reread_open(tx, current.id)? else {
            return Err(BedError::Refused(Refusal::StayClosed));
        };
        stay.expected_until = until;
        Ok(tx.put(stay)?.body)
    })
}
