//! The services checklist every case carries, from the centre's programme.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CaseId, OrganisationId, ServiceItemId};
use super::money::Money;

/// One service of the centre's programme; keys are stable identifiers.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum ServiceKind {
    /// Meeting the person at the airport on arrival.
    AirportReception,
    /// A bed at the centre.
    TemporaryHousing,
    /// Medical care.
    MedicalCare,
    /// Psychological support.
    PsychologicalSupport,
    /// Social support.
    SocialSupport,
    /// Legal support.
    LegalSupport,
    /// Transport to the final destination inside the country (own nationals).
    DomesticTransport,
    /// Return to the country of origin (foreign nationals).
    Repatriation,
    /// Medical assistance during the journey.
    TravelMedicalEscort,
    /// Financial aid for resettlement and reintegration (amount + currency).
    ReintegrationGrant,
    /// Referral to a local NGO for psychological and medical follow-up.
    NgoReferral,
    /// Counselling and training on reintegration opportunities.
    ReintegrationCounselling,
}

/// Where a service item stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
    Default,
)]
#[strum(serialize_all = "snake_case")]
pub enum ServiceStatus {
    /// Nobody has looked yet.
    #[default]
    NotAssessed,
    /// The person needs it.
    Needed,
    /// Arranged for a date.
    Planned,
    /// Under way.
    InProgress,
    /// Provided.
    Done,
    /// The person declined it.
    Declined,
    /// Does not apply to this person.
    NotApplicable,
}

keyed!(ServiceKind, ServiceStatus);

impl ServiceKind {
    /// True for services that carry an amount of money.
    pub fn has_amount(self) -> bool {
        matches!(self, Self::ReintegrationGrant)
    }
}

impl ServiceStatus {
    /// The forward step NotAssessed→Needed→Planned→InProgress→Done; `None` after.
    pub fn next(self) -> Option<Self> {
        match self {
            Self::NotAssessed => Some(Self::Needed),
            Self::Needed => Some(Self::Planned),
            Self::Planned => Some(Self::InProgress),
            Self::InProgress => Some(Self::Done),
            Self::Done | Self::Declined | Self::NotApplicable => None,
        }
    }

    /// The step back, undoing [`Self::next`] (and a done, declined or not
    /// applicable set by mistake, which return to where a step leads them
    /// from); `None` for not assessed.
    pub fn back(self) -> Option<Self> {
        match self {
            Self::NotAssessed => None,
            Self::Needed | Self::Declined | Self::NotApplicable => Some(Self::NotAssessed),
            Self::Planned => Some(Self::Needed),
            Self::InProgress => Some(Self::Planned),
            Self::Done => Some(Self::InProgress),
        }
    }

    /// True while something may still have to be done.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotAssessed | Self::Needed | Self::Planned | Self::InProgress)
    }
}

/// Who provides a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Provider {
    /// The centre itself.
    #[default]
    Internal,
    /// An organisation from the directory.
    Organisation(OrganisationId),
}

/// One line of a case's services checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceItem {
    /// Record id.
    pub id: ServiceItemId,
    /// The case.
    pub case_id: CaseId,
    /// Which service.
    pub kind: ServiceKind,
    /// Where it stands.
    pub status: ServiceStatus,
    /// Planned date.
    pub planned_on: Option<NaiveDate>,
    /// Date it was done.
    pub done_on: Option<NaiveDate>,
    /// Who provides it.
    pub provider: Provider,
    /// Amount (the reintegration grant).
    pub amount: Option<Money>,
    /// Note.
    pub note: String,
}

/// The twelve `NotAssessed` items of a new case, in programme order; `ids`
/// supplies fresh ids (the domain draws no randomness), which are put under
/// the case's prefix ([`ServiceItemId::in_case`]).
pub fn checklist(case_id: CaseId, mut ids: impl FnMut() -> ServiceItemId) -> Vec<ServiceItem> {
    ServiceKind::all()
        .map(|kind| ServiceItem {
            id: ServiceItemId::in_case(case_id, ids()),
            case_id,
            kind,
            status: ServiceStatus::NotAssessed,
            planned_on: None,
            done_on: None,
            provider: Provider::Internal,
            amount: None,
            note: String::new(),
        })
        .collect()
}

/// Why a service item cannot be saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum ServiceError {
    /// A grant that is planned, in progress or done needs its amount.
    #[error("grant needs an amount")]
    GrantNeedsAmount,
    /// A grant of zero.
    #[error("grant amount is zero")]
    GrantAmountZero,
    /// An amount below zero.
    #[error("negative amount")]
    NegativeAmount,
    /// Done needs the date it was done.
    #[error("done needs a date")]
    DoneNeedsDate,
    /// A done date on an item that is not done.
    #[error("done date on an item not done")]
    DoneDateWithoutDone,
    /// Planned needs a planned date.
    #[error("planned needs a date")]
    PlannedNeedsDate,
}

/// Checks the rules of one service item.
pub fn validate_service(item: &ServiceItem) -> Result<(), ServiceError> {
    if item.amount.is_some_and(|m| m.minor < 0) {
        return Err(ServiceError::NegativeAmount);
    }
    let committed = matches!(item.status, ServiceStatus::Planned | ServiceStatus::InProgress | ServiceStatus::Done);
    if item.kind.has_amount() && committed {
        match item.amount {
            None => return Err(ServiceError::GrantNeedsAmount),
            Some(m) if m.minor == 0 => return Err(ServiceError::GrantAmountZero),
            Some(_) => {}
        }
    }
    match (item.status, item.done_on) {
        (ServiceStatus::Done, None) => return Err(ServiceError::DoneNeedsDate),
        (s, Some(_)) if s != ServiceStatus::Done => return Err(ServiceError::DoneDateWithoutDone),
        _ => {}
    }
    if item.status == ServiceStatus::Planned && item.planned_on.is_none() {
        return Err(ServiceError::PlannedNeedsDate);
    }
    Ok(())
}

/// True when an open item's planned date has passed.
pub fn is_overdue(item: &ServiceItem, today: NaiveDate) -> bool {
    item.status.is_open() && item.planned_on.is_some_and(|p| p < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;
    use crate::domain::money::Currency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

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

    #[test]
    fn keys_match_the_design_table_in_order() {
        let keys: Vec<_> = ServiceKind::all().map(ServiceKind::key).collect();
        assert_eq!(
            keys,
            [
                "airport_reception",
                "temporary_housing",
                "medical_care",
                "psychological_support",
                "social_support",
                "legal_support",
                "domestic_transport",
                "repatriation",
                "travel_medical_escort",
                "reintegration_grant",
                "ngo_referral",
                "reintegration_counselling",
            ]
        );
        let statuses: Vec<_> = ServiceStatus::all().map(ServiceStatus::key).collect();
        assert_eq!(
            statuses,
            ["not_assessed", "needed", "planned", "in_progress", "done", "declined", "not_applicable"]
        );
    }

    #[test]
    fn a_new_case_gets_twelve_unassessed_items_with_fresh_ids() {
        let case = CaseId(Id([1; 16]));
        let mut n = 0u8;
        let list = checklist(case, || {
            n += 1;
            ServiceItemId(Id([n; 16]))
        });
        assert_eq!(list.len(), 12);
        assert!(list.iter().all(|i| i.status == ServiceStatus::NotAssessed && i.case_id == case));
        let mut ids: Vec<_> = list.iter().map(|i| i.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 12);
        assert!(list.iter().all(|i| i.id.is_in_case(case)), "every item under the case's prefix");
        assert!(list.iter().all(|i| validate_service(i).is_ok()));
    }

    #[test]
    fn status_steps_forward_to_done() {
        let mut s = ServiceStatus::NotAssessed;
        let mut path = vec![s];
        while let Some(n) = s.next() {
            s = n;
            path.push(s);
        }
        assert_eq!(
            path,
            [
                ServiceStatus::NotAssessed,
                ServiceStatus::Needed,
                ServiceStatus::Planned,
                ServiceStatus::InProgress,
                ServiceStatus::Done
            ]
        );
        assert_eq!(ServiceStatus::Declined.next(), None);
        assert_eq!(ServiceStatus::NotApplicable.next(), None);
        let open: Vec<_> = ServiceStatus::all().filter(|s| s.is_open()).collect();
        assert_eq!(open.len(), 4);
        assert!(!ServiceStatus::Done.is_open());
    }

    #[test]
    fn a_grant_needs_its_amount_once_committed() {
        for status in ServiceStatus::all() {
            let mut g = item(ServiceKind::ReintegrationGrant, status);
            g.planned_on = Some(d(2026, 1, 1));
            if status == ServiceStatus::Done {
                g.done_on = Some(d(2026, 1, 2));
            }
            let committed = matches!(status, ServiceStatus::Planned | ServiceStatus::InProgress | ServiceStatus::Done);
            let want = if committed { Err(ServiceError::GrantNeedsAmount) } else { Ok(()) };
            assert_eq!(validate_service(&g), want, "{status:?}");
            g.amount = Some(Money::new(0, Currency::RUB));
            if committed {
                assert_eq!(validate_service(&g), Err(ServiceError::GrantAmountZero));
            }
            g.amount = Some(Money::new(5_000_000, Currency::RUB));
            assert_eq!(validate_service(&g), Ok(()), "{status:?}");
        }
        let mut neg = item(ServiceKind::ReintegrationGrant, ServiceStatus::Needed);
        neg.amount = Some(Money::new(-1, Currency::EUR));
        assert_eq!(validate_service(&neg), Err(ServiceError::NegativeAmount));
    }

    #[test]
    fn done_goes_with_a_done_date_and_planned_with_a_plan_date() {
        let mut m = item(ServiceKind::MedicalCare, ServiceStatus::Done);
        assert_eq!(validate_service(&m), Err(ServiceError::DoneNeedsDate));
        m.done_on = Some(d(2026, 2, 1));
        assert_eq!(validate_service(&m), Ok(()));
        m.status = ServiceStatus::InProgress;
        assert_eq!(validate_service(&m), Err(ServiceError::DoneDateWithoutDone));
        let mut p = item(ServiceKind::LegalSupport, ServiceStatus::Planned);
        assert_eq!(validate_service(&p), Err(ServiceError::PlannedNeedsDate));
        p.planned_on = Some(d(2026, 2, 1));
        assert_eq!(validate_service(&p), Ok(()));
    }

    #[test]
    fn open_items_past_their_plan_date_are_overdue() {
        let today = d(2026, 3, 10);
        let mut p = item(ServiceKind::SocialSupport, ServiceStatus::Planned);
        assert!(!is_overdue(&p, today), "no date, not overdue");
        p.planned_on = Some(d(2026, 3, 10));
        assert!(!is_overdue(&p, today), "due today is not overdue yet");
        p.planned_on = Some(d(2026, 3, 9));
        assert!(is_overdue(&p, today));
        for status in [ServiceStatus::Done, ServiceStatus::Declined, ServiceStatus::NotApplicable] {
            p.status = status;
            assert!(!is_overdue(&p, today), "{status:?}");
        }
    }

    #[test]
    fn one_step_back_undoes_one_step_forward() {
        for s in ServiceStatus::all() {
            if let Some(next) = s.next() {
                assert_eq!(next.back(), Some(s), "{s:?}");
            }
        }
        assert_eq!(ServiceStatus::NotAssessed.back(), None);
        assert_eq!(ServiceStatus::NotApplicable.back(), Some(ServiceStatus::NotAssessed));
    }
}
