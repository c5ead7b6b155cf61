//! Journeys home: domestic transport and repatriation. A journey marked
//! completed also marks its services done (the transport, and the medical
//! escort when a medic travelled along) in the same transaction.

use chrono::NaiveDate;

use super::cases::{front, refused};
use super::services;
use crate::domain::casefile::{services_of_journey, validate_travel};
use crate::domain::ids::{CaseId, TravelId};
use crate::domain::travel::Travel;
use crate::store::audit::said;
use crate::store::record::case_scoped_key;
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError, Stored};

/// The journeys of a case.
pub fn of_case(store: &Store, case: CaseId) -> Result<Vec<Stored<Travel>>, StoreError> {
    store.scan_prefix::<Travel>(case.as_bytes())
}

/// What saving a journey did.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneySaved {
    /// The journey as stored.
    pub travel: Travel,
    /// Services marked done because it was completed.
    pub services_done: usize,
}

/// Saves a journey (new when `revision` is 0). Its date may not come before
/// the person's arrival; completing it marks its services done on that day.
pub fn save(store: &Store, travel: &Travel, revision: u64) -> Result<JourneySaved, StoreError> {
    let f = front(store, travel.case_id)?;
    let mut t = travel.clone();
    t.destination = t.destination.trim().to_string();
    t.ticket = t.ticket.trim().to_string();
    validate_travel(&t, f.body.arrived_on).map_err(refused)?;
    let was_completed =
        store.get::<Travel>(&t.key())?.filter(|s| !s.is_deleted()).is_some_and(|s| s.body.completed_on.is_some());
    let completes = t.completed_on.filter(|_| !was_completed);
    let items: Vec<_> = match completes {
        Some(_) => services::of_case(store, t.case_id)?.into_iter().map(|s| (s.body.id, s.body.kind)).collect(),
        None => Vec::new(),
    };
    let kinds = services_of_journey(&t);
    let action = if revision == 0 { AuditAction::Create } else { AuditAction::Update };
    let kind = ("kind", format!("#cases-travel-kind-{}", t.kind.key()));
    let summary = match (t.completed_on.is_some(), completes.is_some()) {
        (true, true) => {
            let names: Vec<String> = kinds.iter().map(|k| format!("#service-{}", k.key())).collect();
            said("travel-completed-done", &[kind, ("done", names.join(","))])
        }
        (true, false) => said("travel-completed", &[kind]),
        _ => said("travel-planned", &[kind]),
    };
    let entry =
        AuditEntry::new(action, Travel::KIND).id(*t.id.as_bytes()).case(f.body.code.to_string()).summary(summary);
    store.commit(entry, |tx| {
        let saved = tx.put_at(t.clone(), revision)?.body;
        let done = match completes {
            Some(on) => services::mark_done_in(tx, &items, &kinds, on)?,
            None => 0,
        };
        Ok(JourneySaved { travel: saved, services_done: done })
    })
}

/// Completes a journey on `on` (the day it happened).
pub fn complete(store: &Store, case: CaseId, id: TravelId, on: NaiveDate) -> Result<JourneySaved, StoreError> {
    let current = store.get::<Travel>(&case_scoped_key(case, id.as_bytes()))?.ok_or(StoreError::NotFound("travel"))?;
    if current.body.completed_on.is_some() {
        return Err(StoreError::Rule(crate::store::Rule::TravelAlreadyCompleted));
    }
    let mut t = current.body;
    t.completed_on = Some(on);
    save(store, &t, current.meta.revision)
}
