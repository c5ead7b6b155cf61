//! Access operations: erasing a closed case (keeping its anonymised trace)
//! and listing closed cases past the retention period.

use chrono::{Datelike, NaiveDate};

use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::ids::{CaseId, Id};
use crate::domain::service::ServiceItem;
use crate::domain::stats::anonymise;
use crate::store::erase::Erased;
use crate::store::{Store, StoreError};

/// Erases a closed case: its anonymised trace stays for the reports.
pub fn erase_case(store: &mut Store, case: CaseId) -> Result<Erased, StoreError> {
    let front = store.get::<CaseFront>(&case.id().0)?.ok_or(StoreError::NotFound("case"))?;
    let private = store.get::<CasePrivate>(&case.id().0)?;
    let services: Vec<ServiceItem> = super::services::of_case(store, case)?.into_iter().map(|s| s.body).collect();
    let opened = front.meta.created_at.date_naive();
    let trace =
        anonymise(crate::store::new_id::<Id>()?, &front.body, private.as_ref().map(|p| &p.body), &services, opened);
    let erased = store.erase_case(case, trace)?;
    Ok(erased)
}

/// Closed cases last saved before this day are past the retention period.
pub fn retention_limit(today: NaiveDate, years: u32) -> NaiveDate {
    today.with_year(today.year() - years as i32).unwrap_or(today)
}

/// Closed cases whose last change is older than `years`: code and the date
/// of that change, oldest first. Erasure stays a manager's explicit decision.
pub fn past_retention(store: &Store, today: NaiveDate, years: u32) -> Result<Vec<(String, NaiveDate)>, StoreError> {
    let limit = retention_limit(today, years);
    let mut out: Vec<(String, NaiveDate)> = store
        .scan::<CaseFront>()?
        .into_iter()
        .filter(|c| !c.is_deleted() && c.body.status.is_closed())
        .map(|c| (c.body.code.to_string(), c.meta.updated_at.date_naive()))
        .filter(|(_, d)| *d < limit)
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    Ok(out)
}
