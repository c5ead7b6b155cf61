//! What happens to a pickup at the gate: met, delayed, no-show, cancelled,
//! at the centre.

use chrono::NaiveDateTime;

use super::cases::{Attempt, case_arrived, needs_scan, with_reception_item};
use super::{code_of, entry, key_of, pickup, rule};
use crate::domain::ids::{CaseId, PickupId, ServiceItemId};
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::store::{AuditAction, Store, StoreError, new_id};

/// Meets the person: the pickup is Met at `now`; its case is Arrived with
/// the airport-reception service done.
pub fn mark_met(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let e = entry(AuditAction::Update, id, code_of(store, &before), "status: met");
    let spare = new_id::<ServiceItemId>()?;
    with_reception_item(store, before.case_id, |scanned| {
        store.commit_with(e.clone(), |tx| {
            let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
            p.apply(PickupStatus::Met, now).map_err(rule)?;
            if let Some(case) = p.case_id {
                if needs_scan(tx, case, scanned)? {
                    return Err(Attempt::NeedScan);
                }
                case_arrived(tx, case, scanned, spare, now)?;
            }
            tx.put(p.clone())?;
            Ok(p)
        })
    })
}

/// Applies a plain status change with its reason or estimate.
fn change(
    store: &Store,
    id: PickupId,
    to: PickupStatus,
    now: NaiveDateTime,
    summary: &str,
    edit: impl Fn(&mut Pickup),
) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let e = entry(AuditAction::Update, id, code_of(store, &before), summary);
    store.commit(e, |tx| {
        let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
        p.apply(to, now).map_err(rule)?;
        edit(&mut p);
        tx.put(p.clone())?;
        Ok(p)
    })
}

/// The flight is late: a new estimated arrival.
pub fn mark_delayed(
    store: &Store,
    id: PickupId,
    estimated: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<Pickup, StoreError> {
    change(store, id, PickupStatus::Delayed, now, "status: delayed", |p| p.estimated = Some(estimated))
}

/// The person did not come out; `reason` says what is known.
pub fn mark_no_show(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(StoreError::Rule(crate::store::Rule::PickupReasonNeeded));
    }
    change(store, id, PickupStatus::NoShow, now, "status: no_show", |p| p.reason = reason.clone())
}

/// The pickup is called off.
pub fn mark_cancelled(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    change(store, id, PickupStatus::Cancelled, now, "status: cancelled", |p| p.reason = reason.clone())
}

/// The person is at the centre: the pickup is closed. Returns the case.
pub fn mark_at_centre(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<CaseId, StoreError> {
    let p = change(store, id, PickupStatus::AtCentre, now, "status: at_centre", |_| {})?;
    p.case_id.ok_or(StoreError::Rule(crate::store::Rule::PickupNoCase))
}
