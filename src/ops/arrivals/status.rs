//! What happens to a pickup at the gate: met, delayed, no-show, cancelled,
//! at the centre.

use chrono::NaiveDateTime;

use super::cases::{Attempt, case_arrived, case_not_arrived, needs_scan, with_reception_item};
use super::{code_of, entry, key_of, pickup, rule};
use crate::domain::ids::{CaseId, PickupId, ServiceItemId};
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::user::Role;
use crate::store::audit::said;
use crate::store::{AuditAction, Store, StoreError, new_id};

/// Meets the person: the pickup is Met at `now`; its case is Arrived with
/// the airport-reception service done.
pub fn mark_met(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let e = entry(
        AuditAction::Update,
        id,
        code_of(store, &before),
        said("pickup-status", &[("status", "#pickup-status-met".into())]),
    );
    let spare = new_id::<ServiceItemId>()?;
    with_reception_item(store, before.case_id, |scanned| {
        store.commit_with(e.clone(), |tx| {
            let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
            p.apply(PickupStatus::Met, now).map_err(rule)?;
            if let Some(case) = p.case_id {
                if needs_scan(tx, case, scanned)? {
                    return Err(Attempt::NeedScan);
                }
                p.met_effect = Some(case_arrived(tx, case, scanned, spare, now)?);
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
    change(
        store,
        id,
        PickupStatus::Delayed,
        now,
        &said("pickup-status", &[("status", "#pickup-status-delayed".into())]),
        |p| p.estimated = Some(estimated),
    )
}

/// The person did not come out; `reason` says what is known.
pub fn mark_no_show(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(StoreError::Rule(crate::store::Rule::PickupReasonNeeded));
    }
    change(
        store,
        id,
        PickupStatus::NoShow,
        now,
        &said("pickup-status", &[("status", "#pickup-status-no_show".into())]),
        |p| p.reason = reason.clone(),
    )
}

/// The pickup is called off.
pub fn mark_cancelled(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    change(
        store,
        id,
        PickupStatus::Cancelled,
        now,
        &said("pickup-status", &[("status", "#pickup-status-cancelled".into())]),
        |p| p.reason = reason.clone(),
    )
}

/// The person is at the centre: the pickup is closed. Returns the case.
pub fn mark_at_centre(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<CaseId, StoreError> {
    let p = change(
        store,
        id,
        PickupStatus::AtCentre,
        now,
        &said("pickup-status", &[("status", "#pickup-status-at_centre".into())]),
        |_| {},
    )?;
    p.case_id.ok_or(StoreError::Rule(crate::store::Rule::PickupNoCase))
}

/// Who may correct a pickup's status: reception the last change (once),
/// managers and case workers any change, one step at a time back through
/// the history. Night staff do not change pickups.
pub fn may_undo(role: Role, p: &Pickup) -> bool {
    match role {
        Role::Manager | Role::CaseWorker => true,
        Role::Reception => !p.corrected,
        Role::Night => false,
    }
}

/// Corrects a mistaken status: the last status change of the pickup is
/// undone, with what it did to the case (a meeting undone puts the case's
/// status and arrival day and its airport-reception item back). The audit
/// event says which change was undone; it carries who and when.
pub fn undo_status(store: &Store, id: PickupId) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let back = before.changes.len().checked_sub(2).and_then(|i| before.changes.get(i)).map(|c| c.0);
    let summary =
        format!("status corrected: {} undone, back to {}", before.status.key(), back.map_or("none", |s| s.key()));
    let e = entry(AuditAction::Update, id, code_of(store, &before), summary);
    store.commit(e, |tx| {
        let role = tx.session().role;
        let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
        if p.status != before.status || p.changes.len() != before.changes.len() {
            // Changed since the board was read: the summary would name the wrong step.
            return Err(StoreError::Rule(crate::store::Rule::PickupTransition));
        }
        if !may_undo(role, &p) {
            return Err(StoreError::Rule(crate::store::Rule::PickupCorrectionOnce));
        }
        let undone = p.undo_last().map_err(rule)?;
        if undone == PickupStatus::Met
            && let (Some(case), Some(effect)) = (p.case_id, p.met_effect.take())
        {
            case_not_arrived(tx, case, &effect)?;
        }
        tx.put(p.clone())?;
        Ok(p)
    })
}
