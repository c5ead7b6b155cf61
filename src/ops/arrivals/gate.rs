//! A passport zone entered at the gate: reception keeps it sealed to the
//! case class's public key (`store::gate`); a case worker applies it to
//! the file or dismisses it, and either way the sealed copy is removed.
//! The audit chain names who entered it, never what it holds.

use crate::domain::case::CasePrivate;
use crate::domain::gate_zone::GateZone;
use crate::domain::ids::CaseId;
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError};

/// The audit summary of a zone entered at the gate.
fn entered_by(user: &str) -> String {
    format!("passport zone entered at the gate by {user}")
}

/// Seals `zone` for `case` and keeps it (one per case: a new one replaces
/// the one waiting). Refused with `NotFound` before a case worker or
/// manager has logged in once on this laptop (no public key yet).
pub fn keep_zone(store: &Store, case: CaseId, zone: &str) -> Result<(), StoreError> {
    let code = super::super::cases::front(store, case)?.body.code.to_string();
    let record = store.seal_gate_zone(case, zone)?;
    let user = store.session()?.username.clone();
    let entry =
        AuditEntry::new(AuditAction::Create, GateZone::KIND).id(*case.as_bytes()).case(code).summary(entered_by(&user));
    store.commit(entry, |tx| tx.put(record.clone()).map(|_| ()))
}

/// Saves the file filled from the zone waiting for `case` and removes the
/// sealed copy, in one save.
pub fn apply_zone(store: &Store, file: &CasePrivate, revision: u64) -> Result<(), StoreError> {
    let case = file.case_id;
    let mut file = file.clone();
    file.refresh_latin();
    let code = super::super::cases::front(store, case)?.body.code.to_string();
    let by = waiting_by(store, case)?;
    let entry = AuditEntry::new(AuditAction::Update, CasePrivate::KIND)
        .id(*case.as_bytes())
        .case(code)
        .summary(format!("{} applied", entered_by(&by)));
    store.commit(entry, |tx| {
        tx.put_at(file.clone(), revision)?;
        if tx.get::<GateZone>(case.as_bytes())?.is_some_and(|s| s.meta.deleted.is_none()) {
            tx.delete::<GateZone>(case.as_bytes(), "applied to the file")?;
        }
        Ok(())
    })
}

/// Removes the zone waiting for `case` without using it (case-key holders).
pub fn dismiss_zone(store: &Store, case: CaseId) -> Result<(), StoreError> {
    if !store.session()?.holds_case_key() {
        return Err(StoreError::Forbidden("case files"));
    }
    let code = super::super::cases::front(store, case)?.body.code.to_string();
    let by = waiting_by(store, case)?;
    let entry = AuditEntry::new(AuditAction::Delete, GateZone::KIND)
        .id(*case.as_bytes())
        .case(code)
        .summary(format!("{} dismissed", entered_by(&by)));
    store.commit(entry, |tx| tx.delete::<GateZone>(case.as_bytes(), "dismissed"))
}

/// Who entered the zone waiting for `case`.
fn waiting_by(store: &Store, case: CaseId) -> Result<String, StoreError> {
    let stored = store.get::<GateZone>(case.as_bytes())?.filter(|s| s.meta.deleted.is_none());
    Ok(stored.ok_or(StoreError::NotFound(GateZone::KIND))?.meta.created_by)
}
