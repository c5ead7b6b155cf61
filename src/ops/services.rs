//! The services checklist of a case: one key moves a service forward or
//! back, marks it done today or not applicable; the detail form saves the whole item.
//! Every change is read, checked and written inside one transaction, so a
//! stale checklist on screen cannot undo someone else's step.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::case::CaseFront;
use crate::domain::ids::{CaseId, ServiceItemId};
use crate::domain::permissions::{Act, DataClass, service_detail_class};
use crate::domain::service::{Provider, ServiceError, ServiceItem, ServiceKind, ServiceStatus, validate_service};
use crate::domain::service_detail::{self, ServiceDetail};
use crate::store::audit::said;
use crate::store::record::live;
use crate::store::tx::Tx;
use crate::store::{AuditAction, AuditEntry, Record, Rule, Store, StoreError};

/// A one-key change of a service's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next status: not assessed → needed → planned → in progress → done.
    Forward,
    /// The status before: undoes a forward step, a done or a not applicable.
    Back,
    /// Done, today.
    DoneToday,
    /// Does not apply to this person.
    NotApplicable,
}

/// A refused service rule as a store error.
pub fn service_rule(e: ServiceError) -> StoreError {
    StoreError::Rule(match e {
        ServiceError::GrantNeedsAmount => Rule::ServiceGrantNeedsAmount,
        ServiceError::GrantAmountZero => Rule::ServiceGrantAmountZero,
        ServiceError::NegativeAmount => Rule::ServiceNegativeAmount,
        ServiceError::DoneNeedsDate => Rule::ServiceDoneNeedsDate,
        ServiceError::DoneDateWithoutDone => Rule::ServiceDoneDateWithoutDone,
        ServiceError::PlannedNeedsDate => Rule::ServicePlannedNeedsDate,
    })
}

/// What a step does to an item as it is now.
pub fn apply_step(item: &ServiceItem, step: Step, today: NaiveDate) -> Result<ServiceItem, StoreError> {
    let mut next = item.clone();
    match step {
        Step::Forward => {
            next.status = item.status.next().ok_or(StoreError::Rule(Rule::ServiceNoNextStep))?;
            // Planned needs a day: until someone says which, it is today.
            if next.status == ServiceStatus::Planned && next.planned_on.is_none() {
                next.planned_on = Some(today);
            }
            if next.status == ServiceStatus::Done {
                next.done_on = Some(today);
            }
        }
        Step::Back => {
            next.status = item.status.back().ok_or(StoreError::Rule(Rule::ServiceNoPreviousStep))?;
            if next.status != ServiceStatus::Done {
                next.done_on = None;
            }
        }
        Step::DoneToday => {
            if item.status == ServiceStatus::Done {
                return Err(StoreError::Rule(Rule::ServiceAlreadyDone));
            }
            next.status = ServiceStatus::Done;
            next.done_on = Some(today);
        }
        Step::NotApplicable => {
            next.status = ServiceStatus::NotApplicable;
            next.done_on = None;
        }
    }
    validate_service(&next).map_err(service_rule)?;
    Ok(next)
}

/// The case code of an item, for the audit event.
fn code_of(store: &Store, case: CaseId) -> Result<String, StoreError> {
    Ok(store.get::<CaseFront>(case.as_bytes())?.map(|f| f.body.code.to_string()).unwrap_or_default())
}

fn entry(item: &ServiceItem, code: String, summary: String) -> AuditEntry {
    AuditEntry::new(AuditAction::Update, ServiceItem::KIND).id(*item.id.as_bytes()).case(code).summary(summary)
}

fn current(tx: &mut Tx<'_>, id: ServiceItemId) -> Result<ServiceItem, StoreError> {
    tx.get::<ServiceItem>(id.as_bytes())?
        .filter(|s| !s.is_deleted())
        .map(|s| s.body)
        .ok_or(StoreError::NotFound("service"))
}

/// Applies a one-key step to a service, checked against the item as stored.
pub fn step(store: &Store, id: ServiceItemId, step: Step, today: NaiveDate) -> Result<ServiceItem, StoreError> {
    let before = store.get::<ServiceItem>(id.as_bytes())?.ok_or(StoreError::NotFound("service"))?.body;
    let after = apply_step(&before, step, today)?;
    let summary = said(
        "service-step",
        &[
            ("service", format!("#service-{}", before.kind.key())),
            ("from", format!("#service-status-{}", before.status.key())),
            ("to", format!("#service-status-{}", after.status.key())),
        ],
    );
    let e = entry(&before, code_of(store, before.case_id)?, summary);
    store.commit(e, |tx| {
        let next = apply_step(&current(tx, id)?, step, today)?;
        tx.put(next.clone())?;
        Ok(next)
    })
}

/// Saves a service item edited in its detail form from `revision`.
///
/// The provider and note of a medical or psychological item are medical
/// data ([`service_detail_class`]): a role holding it saves them in their
/// own medical-class record ([`ServiceDetail`]) and the item keeps none; a
/// role without it never reads them ([`hide_detail`]) and its saves keep
/// them as stored.
pub fn save(store: &Store, item: &ServiceItem, revision: u64) -> Result<ServiceItem, StoreError> {
    validate_service(item).map_err(service_rule)?;
    let summary = said(
        "service-saved",
        &[
            ("service", format!("#service-{}", item.kind.key())),
            ("status", format!("#service-status-{}", item.status.key())),
        ],
    );
    let e = entry(item, code_of(store, item.case_id)?, summary);
    let class = service_detail_class(item.kind);
    let keep_detail = !store.may(Act::Edit, class);
    store.commit(e, |tx| {
        let (bare, detail) = service_detail::split(item);
        match detail {
            None => Ok(tx.put_at(item.clone(), revision)?.body),
            Some(_) if keep_detail => {
                let stored = current(tx, item.id)?;
                let mut next = item.clone();
                next.provider = stored.provider;
                next.note = stored.note;
                Ok(tx.put_at(next, revision)?.body)
            }
            Some(d) => {
                put_detail(tx, &d)?;
                let saved = tx.put_at(bare, revision)?.body;
                Ok(service_detail::with_detail(saved, &d))
            }
        }
    })
}

/// Writes an item's medical detail when it differs from the one stored
/// (an empty detail creates no record).
fn put_detail(tx: &mut Tx<'_>, d: &ServiceDetail) -> Result<(), StoreError> {
    let stored = tx.get::<ServiceDetail>(&d.key())?;
    let same = match &stored {
        Some(s) => !s.is_deleted() && s.body == *d,
        None => d.provider == Provider::Internal && d.note.is_empty(),
    };
    if !same {
        tx.put(d.clone())?;
    }
    Ok(())
}

/// Writes a new item (a case's checklist, the demo): a medical or
/// psychological item's provider and note go into their own record.
pub fn put_new(tx: &mut Tx<'_>, item: &ServiceItem) -> Result<(), StoreError> {
    let (bare, detail) = service_detail::split(item);
    if let Some(d) = detail {
        put_detail(tx, &d)?;
    }
    tx.put(bare).map(|_| ())
}

/// The medical details of `case` by item, for a role that may read them
/// (none otherwise).
fn details_of(store: &Store, case: Option<CaseId>) -> Result<HashMap<ServiceItemId, ServiceDetail>, StoreError> {
    if !store.may(Act::View, DataClass::Medical) {
        return Ok(HashMap::new());
    }
    let prefix: &[u8] = match &case {
        Some(c) => c.as_bytes(),
        None => &[],
    };
    Ok(live(store.scan_prefix::<ServiceDetail>(prefix)?).into_iter().map(|d| (d.id, d)).collect())
}

/// Items as the user may read them: a medical or psychological item with
/// its detail put back for roles with medical data (a centre not yet moved
/// still holds it in the item), without it for the others.
pub fn readable(
    store: &Store,
    case: Option<CaseId>,
    items: Vec<crate::store::Stored<ServiceItem>>,
) -> Result<Vec<crate::store::Stored<ServiceItem>>, StoreError> {
    let details = details_of(store, case)?;
    Ok(items
        .into_iter()
        .map(|mut s| {
            s.body = match details.get(&s.body.id) {
                Some(d) if service_detail::kept_apart(&s.body) => service_detail::with_detail(s.body, d),
                _ => hide_detail(store, s.body),
            };
            s
        })
        .collect())
}

/// Whether the user may not read the provider and note of `kind`'s items.
pub fn detail_hidden(store: &Store, kind: ServiceKind) -> bool {
    !store.may(Act::View, service_detail_class(kind))
}

/// An item as a role may read it: the provider and note of a medical or
/// psychological item are taken out for roles without medical data.
pub fn hide_detail(store: &Store, mut item: ServiceItem) -> ServiceItem {
    if detail_hidden(store, item.kind) {
        item.provider = Provider::Internal;
        item.note = String::new();
    }
    item
}

/// The checklist items of a case, in programme order.
///
/// A centre that keeps items under their case's key prefix reads only that
/// prefix; an older centre reads every item, as before (`store::layout`).
pub fn of_case(store: &Store, case: CaseId) -> Result<Vec<crate::store::Stored<ServiceItem>>, StoreError> {
    let live: Vec<_> = store.services_of(case)?.into_iter().filter(|s| !s.is_deleted()).collect();
    let mut items = readable(store, Some(case), live)?;
    items.sort_by_key(|s| s.body.kind);
    Ok(items)
}

/// Marks the given services of a case done on `on` inside `tx` (a finished
/// journey); items already done keep their date. Returns how many changed.
pub fn mark_done_in(
    tx: &mut Tx<'_>,
    items: &[(ServiceItemId, ServiceKind)],
    kinds: &[ServiceKind],
    on: NaiveDate,
) -> Result<usize, StoreError> {
    let mut changed = 0;
    for (id, kind) in items {
        if !kinds.contains(kind) {
            continue;
        }
        let mut item = current(tx, *id)?;
        if item.status == ServiceStatus::Done {
            continue;
        }
        item.status = ServiceStatus::Done;
        item.done_on = Some(on);
        validate_service(&item).map_err(service_rule)?;
        tx.put(item)?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;
    use crate::domain::money::{Currency, Money};

    fn item(kind: ServiceKind, status: ServiceStatus) -> ServiceItem {
        ServiceItem {
            id: ServiceItemId(Id([9; 16])),
            case_id: CaseId(Id([1; 16])),
            kind,
            status,
            planned_on: None,
            done_on: None,
            provider: Provider::Internal,
            amount: None,
            note: String::new(),
        }
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_case_reads_its_own_twelve_items_and_an_older_centre_still_finds_random_ids() {
        use crate::domain::strategies::sample_case_front;
        use crate::store::{AuditAction, AuditEntry};
        let (_dir, store) = crate::store::tests::centre();
        assert!(store.services_in_case().unwrap(), "a new centre keeps items under their case");
        let a = crate::ops::cases::create_case(&store, &sample_case_front(), today()).unwrap();
        let b = crate::ops::cases::create_case(&store, &sample_case_front(), today()).unwrap();
        let of = |case| of_case(&store, case).unwrap().into_iter().map(|s| s.body).collect::<Vec<_>>();
        let (items_a, items_b) = (of(a.id), of(b.id));
        assert_eq!((items_a.len(), items_b.len()), (12, 12));
        assert!(items_a.iter().all(|i| i.case_id == a.id && i.id.is_in_case(a.id)));
        assert!(items_b.iter().all(|i| i.case_id == b.id && i.id.is_in_case(b.id)));
        assert!(store.check().unwrap().ok());

        // An item with a fully random id, as a centre made before wrote them.
        let mut old = item(ServiceKind::MedicalCare, ServiceStatus::Needed);
        old.case_id = a.id;
        old.id = ServiceItemId::from_bytes([0xee; 16]);
        store.commit(AuditEntry::new(AuditAction::Create, "service"), |tx| tx.put(old.clone()).map(|_| ())).unwrap();
        assert_eq!(of(a.id).len(), 12, "under the promise, the prefix alone is read");
        let report = store.check().unwrap();
        assert!(report.problems.iter().any(|p| p.contains("outside their case")), "{:?}", report.problems);

        // Without the promise (an older centre) every item is read.
        store.tree(crate::store::trees::TreeId::Index).remove(b"layout\0services_in_case").unwrap();
        assert!(!store.services_in_case().unwrap());
        assert_eq!(of(a.id).len(), 13);
        assert!(of(a.id).contains(&old));
        assert!(store.check().unwrap().problems.iter().all(|p| !p.contains("outside their case")));
    }

    #[test]
    fn forward_plans_for_today_and_finishes_with_todays_date() {
        let planned =
            apply_step(&item(ServiceKind::MedicalCare, ServiceStatus::Needed), Step::Forward, today()).unwrap();
        assert_eq!((planned.status, planned.planned_on), (ServiceStatus::Planned, Some(today())));
        let done =
            apply_step(&item(ServiceKind::MedicalCare, ServiceStatus::InProgress), Step::Forward, today()).unwrap();
        assert_eq!((done.status, done.done_on), (ServiceStatus::Done, Some(today())));
        assert!(apply_step(&done, Step::Forward, today()).is_err(), "nothing after done");
        assert!(apply_step(&done, Step::DoneToday, today()).is_err());
        let na = apply_step(&done, Step::NotApplicable, today()).unwrap();
        assert_eq!((na.status, na.done_on), (ServiceStatus::NotApplicable, None));
    }

    #[test]
    fn a_grant_cannot_move_on_without_its_amount() {
        let g = item(ServiceKind::ReintegrationGrant, ServiceStatus::Needed);
        assert!(matches!(apply_step(&g, Step::Forward, today()), Err(StoreError::Rule(Rule::ServiceGrantNeedsAmount))));
        let mut g = g;
        g.amount = Some(Money::new(3_000_000, Currency::RUB));
        assert_eq!(apply_step(&g, Step::Forward, today()).unwrap().status, ServiceStatus::Planned);
    }
}
