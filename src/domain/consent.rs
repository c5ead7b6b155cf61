//! Consent records, and whether they cover sharing a case with an organisation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{CaseId, ConsentId, OrganisationId};

/// What the person consents (or refuses) to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentPurpose {
    /// Processing of their data by the centre.
    DataProcessing,
    /// Sharing their data with a named organisation.
    SharingWith(OrganisationId),
    /// Inclusion in anonymised statistics (e.g. CTDC).
    AnonymisedStatistics,
}

impl ConsentPurpose {
    /// Stable key of the purpose kind (without the organisation).
    pub fn key(&self) -> &'static str {
        match self {
            Self::DataProcessing => "data_processing",
            Self::SharingWith(_) => "sharing_with",
            Self::AnonymisedStatistics => "anonymised_statistics",
        }
    }
}

/// A recorded consent or refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Record id.
    pub id: ConsentId,
    /// The case.
    pub case_id: CaseId,
    /// What it is for.
    pub purpose: ConsentPurpose,
    /// Given (true) or refused (false).
    pub given: bool,
    /// Day recorded.
    pub date: NaiveDate,
    /// Username of who recorded it.
    pub recorded_by: String,
    /// Day withdrawn, if withdrawn.
    pub withdrawn_on: Option<NaiveDate>,
}

impl Consent {
    /// True if this record grants its purpose on `on`.
    pub fn in_force(&self, on: NaiveDate) -> bool {
        self.given && self.date <= on && self.withdrawn_on.is_none_or(|w| w > on)
    }
}

/// True if the latest decision about sharing with `org` made by `on` is a
/// consent still in force. A later refusal overrides an earlier consent; on
/// the same day a refusal wins.
pub fn covers_sharing(consents: &[Consent], org: OrganisationId, on: NaiveDate) -> bool {
    consents
        .iter()
        .filter(|c| c.purpose == ConsentPurpose::SharingWith(org) && c.date <= on)
        .max_by_key(|c| (c.date, !c.given))
        .is_some_and(|c| c.in_force(on))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }
    fn org(n: u8) -> OrganisationId {
        OrganisationId(Id([n; 16]))
    }
    fn consent(n: u8, purpose: ConsentPurpose, given: bool, date: NaiveDate) -> Consent {
        Consent {
            id: ConsentId(Id([n; 16])),
            case_id: CaseId(Id([1; 16])),
            purpose,
            given,
            date,
            recorded_by: "worker".into(),
            withdrawn_on: None,
        }
    }

    #[test]
    fn sharing_needs_a_consent_for_that_organisation() {
        let cs = vec![
            consent(1, ConsentPurpose::DataProcessing, true, d(1, 1)),
            consent(2, ConsentPurpose::SharingWith(org(5)), true, d(1, 10)),
        ];
        assert!(covers_sharing(&cs, org(5), d(1, 10)));
        assert!(covers_sharing(&cs, org(5), d(6, 1)));
        assert!(!covers_sharing(&cs, org(5), d(1, 9)), "not before it was given");
        assert!(!covers_sharing(&cs, org(6), d(6, 1)), "another organisation");
        assert!(!covers_sharing(&[], org(5), d(6, 1)));
    }

    #[test]
    fn withdrawal_and_later_refusal_end_the_cover() {
        let mut cs = vec![consent(2, ConsentPurpose::SharingWith(org(5)), true, d(1, 10))];
        cs[0].withdrawn_on = Some(d(2, 1));
        assert!(covers_sharing(&cs, org(5), d(1, 31)));
        assert!(!covers_sharing(&cs, org(5), d(2, 1)));
        let mut cs = vec![
            consent(2, ConsentPurpose::SharingWith(org(5)), true, d(1, 10)),
            consent(3, ConsentPurpose::SharingWith(org(5)), false, d(3, 1)),
        ];
        assert!(covers_sharing(&cs, org(5), d(2, 28)));
        assert!(!covers_sharing(&cs, org(5), d(3, 1)));
        cs.push(consent(4, ConsentPurpose::SharingWith(org(5)), true, d(4, 1)));
        assert!(covers_sharing(&cs, org(5), d(4, 1)), "given again later");
        cs.push(consent(5, ConsentPurpose::SharingWith(org(5)), false, d(4, 1)));
        assert!(!covers_sharing(&cs, org(5), d(4, 1)), "same-day refusal wins");
    }

    #[test]
    fn purpose_keys() {
        assert_eq!(ConsentPurpose::SharingWith(org(1)).key(), "sharing_with");
        assert_eq!(ConsentPurpose::AnonymisedStatistics.key(), "anonymised_statistics");
    }
}
