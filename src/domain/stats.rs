//! What remains of a case after it is erased: an anonymised statistics
//! record, so that reports still count the person (year, gender, age band,
//! citizenship, types of exploitation, services received) and nothing that
//! could point back to them (no id, code, alias, date or free text).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::case::{CaseFront, CasePrivate, CaseStatus, ExploitationType};
use super::country::CountryCode;
use super::ids::Id;
use super::person::{AgeBand, Gender};
use super::service::{ServiceItem, ServiceKind, ServiceStatus};

/// The anonymised trace of an erased case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnonymisedCase {
    /// A fresh random id, unrelated to the case's.
    pub id: Id,
    /// Year the person arrived (or the case was opened).
    pub year: i32,
    /// HTCDS `prs_Gender`.
    pub gender: Gender,
    /// CTDC `ageBroad` at arrival.
    pub age_band: AgeBand,
    /// Citizenships.
    pub citizenship: Vec<CountryCode>,
    /// Types of exploitation.
    pub exploitation: Vec<ExploitationType>,
    /// Services received (done).
    pub services: Vec<ServiceKind>,
    /// Whether the case was closed by referral elsewhere.
    pub closed_referred: bool,
}

/// Builds the anonymised trace of a case from its records.
pub fn anonymise(
    id: Id,
    front: &CaseFront,
    private: Option<&CasePrivate>,
    services: &[ServiceItem],
    opened: NaiveDate,
) -> AnonymisedCase {
    let arrived = front.arrived_on.unwrap_or(opened);
    let mut done: Vec<ServiceKind> =
        services.iter().filter(|s| s.status == ServiceStatus::Done).map(|s| s.kind).collect();
    done.sort_by_key(|k| k.key());
    done.dedup();
    AnonymisedCase {
        id,
        year: arrived.year(),
        gender: front.gender,
        age_band: front.age.age_band(arrived),
        citizenship: private.map(|p| p.citizenship.clone()).unwrap_or_default(),
        exploitation: private.map(|p| p.trafficking.exploitation.clone()).unwrap_or_default(),
        services: done,
        closed_referred: front.status == CaseStatus::ClosedReferred,
    }
}
