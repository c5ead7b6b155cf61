//! Referrals in and out, and the directory of organisations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::country::CountryCode;
use super::ids::{CaseId, ConsentId, OrganisationId, ReferralId};
use super::service::ServiceKind;

/// Whether a referral brought the person here or sends them elsewhere.
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
pub enum Direction {
    /// Referred to the centre.
    In,
    /// Referred by the centre to another organisation.
    Out,
}

/// Why a referral is made (HTCDS `ref_Reason`).
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
pub enum ReferralReason {
    /// HTCDS `AdditionalServicesRequired`.
    AdditionalServicesRequired,
    /// HTCDS `MigrationOrChangeOfLocation`.
    MigrationOrChangeOfLocation,
    /// HTCDS `Other`.
    Other,
}

/// Where a referral stands.
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
pub enum ReferralStatus {
    /// Sent, no answer yet.
    Sent,
    /// Accepted by the receiving organisation.
    Accepted,
    /// Refused by the receiving organisation.
    Rejected,
    /// Services delivered.
    Completed,
    /// Withdrawn (e.g. consent withdrawn).
    Revoked,
}

impl ReferralStatus {
    /// True while the referral still expects something to happen.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Sent | Self::Accepted)
    }
}

/// A referral of a case to or from an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    /// Record id.
    pub id: ReferralId,
    /// The case.
    pub case_id: CaseId,
    /// In or out.
    pub direction: Direction,
    /// The other organisation.
    pub organisation: OrganisationId,
    /// Date of the referral.
    pub date: NaiveDate,
    /// HTCDS reason.
    pub reason: ReferralReason,
    /// Services asked for.
    pub services: Vec<ServiceKind>,
    /// Where it stands.
    pub status: ReferralStatus,
    /// Date to follow up.
    pub follow_up: Option<NaiveDate>,
    /// The consent covering the data shared.
    pub consent: Option<ConsentId>,
    /// Why it was sent without covering consent (e.g. a child at risk), if so.
    pub override_reason: Option<String>,
}

/// Kind of organisation in the directory.
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
pub enum OrganisationType {
    /// Government authority.
    Government,
    /// Police, prosecution.
    LawEnforcement,
    /// Public health.
    Health,
    /// Social institution.
    SocialSupport,
    /// Non-governmental organisation.
    Ngo,
    /// International organisation.
    InternationalOrganisation,
    /// Lawyers, legal aid.
    Legal,
    /// Migration service.
    Immigration,
    /// Anything else.
    Other,
}

keyed!(Direction, ReferralReason, ReferralStatus, OrganisationType);

/// An organisation in the referral directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Record id.
    pub id: OrganisationId,
    /// Name.
    pub name: String,
    /// Kind of organisation.
    pub kind: OrganisationType,
    /// City.
    pub city: String,
    /// Country.
    pub country: Option<CountryCode>,
    /// Contact person, phone, e-mail.
    pub contact: String,
    /// Services it provides.
    pub services: Vec<ServiceKind>,
    /// No longer used; kept for history.
    pub retired: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_open_statuses() {
        assert_eq!(ReferralReason::MigrationOrChangeOfLocation.key(), "migration_or_change_of_location");
        assert_eq!(OrganisationType::InternationalOrganisation.key(), "international_organisation");
        assert_eq!(OrganisationType::Ngo.key(), "ngo");
        assert_eq!(Direction::In.key(), "in");
        assert_eq!(OrganisationType::all().count(), 9);
        let open: Vec<_> = ReferralStatus::all().filter(|s| s.is_open()).collect();
        assert_eq!(open, [ReferralStatus::Sent, ReferralStatus::Accepted]);
    }
}
