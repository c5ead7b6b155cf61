//! Rules of the case file that span several records: which consent covers an
//! outgoing referral, what a withdrawal revokes, what a finished journey
//! completes, and the dates that must come in order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::{CaseFront, CaseStatus, ClosingOutcome, Document};
use super::consent::{Consent, ConsentPurpose, covers_sharing};
use super::ids::{ConsentId, OrganisationId, ReferralId};
use super::referral::{Direction, Referral};
use super::service::{ServiceItem, ServiceKind, ServiceStatus};
use super::travel::{Escort, Travel, TravelKind};

/// Why a record of the case file cannot be saved as it is; each has a
/// `rule-<key>` message.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    thiserror::Error,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum FileRule {
    /// An outgoing referral without a consent covering that organisation.
    #[error("no consent covers sharing with the organisation")]
    ReferralNeedsConsent,
    /// Only a manager may send a referral without covering consent.
    #[error("only a manager may override a missing consent")]
    OverrideManagersOnly,
    /// An override without its written reason.
    #[error("an override needs a written reason")]
    OverrideNeedsReason,
    /// A document that expires before it was issued.
    #[error("document expires before it was issued")]
    ExpiryBeforeIssue,
    /// A journey dated before the person arrived.
    #[error("journey before arrival")]
    TravelBeforeArrival,
    /// A journey completed before its date.
    #[error("journey completed before its date")]
    CompletedBeforeTravel,
    /// A repatriation without the country it goes to.
    #[error("repatriation needs a country")]
    RepatriationNeedsCountry,
    /// A consent withdrawn before it was recorded.
    #[error("withdrawn before recorded")]
    WithdrawnBeforeGiven,
    /// A sharing consent without its organisation.
    #[error("sharing needs an organisation")]
    SharingNeedsOrganisation,
    /// A follow-up date before the referral.
    #[error("follow-up before the referral")]
    FollowUpBeforeReferral,
    /// Closing a case that is closed already.
    #[error("case already closed")]
    AlreadyClosed,
    /// Reopening a case that is open.
    #[error("case not closed")]
    NotClosed,
    /// Closing a case whose person still has a bed.
    #[error("case has an open stay")]
    OpenStay,
    /// A reopening without its reason.
    #[error("reopening needs a reason")]
    ReopenNeedsReason,
    /// A closing dated before the arrival.
    #[error("closing before arrival")]
    ClosingBeforeArrival,
    /// Closing a case with something still open, without saying why.
    #[error("closing with open items needs a reason")]
    ClosingOpenNeedsReason,
}

impl FileRule {
    /// The stable key; the message is `rule-<key>`.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// The consent in force on `on` that covers sharing with `org`, if any.
pub fn covering_consent(consents: &[Consent], org: OrganisationId, on: NaiveDate) -> Option<ConsentId> {
    if !covers_sharing(consents, org, on) {
        return None;
    }
    consents
        .iter()
        .filter(|c| c.purpose == ConsentPurpose::SharingWith(org) && c.in_force(on))
        .max_by_key(|c| c.date)
        .map(|c| c.id)
}

/// Whether a referral shares the person's data while it stands: outgoing and still open.
pub fn shares_data(r: &Referral) -> bool {
    r.direction == Direction::Out && r.status.is_open()
}

/// The consent an outgoing referral rests on, checked on the later of its
/// date and `today` (sharing continues while the referral is open).
///
/// Returns the covering consent; `None` for a referral that shares nothing
/// (incoming, or closed). Without cover, a manager's written reason lets it
/// through, recorded as an override.
pub fn referral_consent(
    r: &Referral,
    consents: &[Consent],
    today: NaiveDate,
    override_reason: Option<&str>,
    is_manager: bool,
) -> Result<Option<ConsentId>, FileRule> {
    if r.follow_up.is_some_and(|f| f < r.date) {
        return Err(FileRule::FollowUpBeforeReferral);
    }
    if !shares_data(r) {
        return Ok(r.consent);
    }
    if let Some(id) = covering_consent(consents, r.organisation, r.date.max(today)) {
        return Ok(Some(id));
    }
    match override_reason.map(str::trim) {
        None => Err(FileRule::ReferralNeedsConsent),
        Some(_) if !is_manager => Err(FileRule::OverrideManagersOnly),
        Some("") => Err(FileRule::OverrideNeedsReason),
        Some(_) => Ok(None),
    }
}

/// Outgoing open referrals a withdrawal or refusal on `on` leaves without
/// cover; they are revoked with it. Referrals a manager sent on an override
/// rest on no consent and are left to them.
pub fn uncovered_by(referrals: &[Referral], consents: &[Consent], on: NaiveDate) -> Vec<ReferralId> {
    referrals
        .iter()
        .filter(|r| shares_data(r) && r.override_reason.is_none())
        .filter(|r| !covers_sharing(consents, r.organisation, on))
        .map(|r| r.id)
        .collect()
}

/// Checks a consent record's own dates and purpose.
pub fn validate_consent(c: &Consent) -> Result<(), FileRule> {
    if c.withdrawn_on.is_some_and(|w| w < c.date) {
        return Err(FileRule::WithdrawnBeforeGiven);
    }
    Ok(())
}

/// Checks a document's dates.
pub fn validate_document(d: &Document) -> Result<(), FileRule> {
    match (d.issued_on, d.expires_on) {
        (Some(i), Some(e)) if e < i => Err(FileRule::ExpiryBeforeIssue),
        _ => Ok(()),
    }
}

/// Checks a journey against the arrival day of its case.
pub fn validate_travel(t: &Travel, arrived_on: Option<NaiveDate>) -> Result<(), FileRule> {
    if let (Some(date), Some(arrival)) = (t.date, arrived_on)
        && date < arrival
    {
        return Err(FileRule::TravelBeforeArrival);
    }
    if let (Some(done), Some(date)) = (t.completed_on, t.date)
        && done < date
    {
        return Err(FileRule::CompletedBeforeTravel);
    }
    if t.kind == TravelKind::Repatriation && t.country.is_none() {
        return Err(FileRule::RepatriationNeedsCountry);
    }
    Ok(())
}

/// The services a completed journey provides: the transport itself, and the
/// medical escort when a medic travelled along.
pub fn services_of_journey(t: &Travel) -> Vec<ServiceKind> {
    let mut out = vec![match t.kind {
        TravelKind::Domestic => ServiceKind::DomesticTransport,
        TravelKind::Repatriation => ServiceKind::Repatriation,
    }];
    if t.escort == Escort::Medical {
        out.push(ServiceKind::TravelMedicalEscort);
    }
    out
}

/// Something still open when a case closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAtClose {
    /// A service someone said is needed, planned or under way.
    Service(ServiceKind, ServiceStatus),
    /// An outgoing or incoming referral still sent or accepted.
    Referral(OrganisationId, super::referral::ReferralStatus),
    /// "Reintegrated at destination" with no journey completed.
    NoJourney,
}

impl OpenAtClose {
    /// A stable key for the audit summary (no values, no names).
    pub fn key(self) -> String {
        match self {
            Self::Service(k, s) => format!("{}:{}", k.key(), s.key()),
            Self::Referral(_, s) => format!("referral:{}", s.key()),
            Self::NoJourney => "no_journey".into(),
        }
    }
}

/// What is still open in a case about to close with `outcome`: services
/// needed, planned or in progress (not those nobody assessed), referrals
/// still sent or accepted, and a reintegration with no journey completed.
pub fn open_at_close(
    services: &[ServiceItem],
    referrals: &[Referral],
    travel: &[Travel],
    outcome: Option<ClosingOutcome>,
) -> Vec<OpenAtClose> {
    let mut out: Vec<OpenAtClose> = services
        .iter()
        .filter(|s| matches!(s.status, ServiceStatus::Needed | ServiceStatus::Planned | ServiceStatus::InProgress))
        .map(|s| OpenAtClose::Service(s.kind, s.status))
        .collect();
    out.extend(
        referrals.iter().filter(|r| r.status.is_open()).map(|r| OpenAtClose::Referral(r.organisation, r.status)),
    );
    if outcome == Some(ClosingOutcome::ReintegratedAtDestination) && !travel.iter().any(|t| t.completed_on.is_some()) {
        out.push(OpenAtClose::NoJourney);
    }
    out
}

/// Checks that a case may be closed on `on`.
pub fn check_close(front: &CaseFront, on: NaiveDate, has_open_stay: bool) -> Result<(), FileRule> {
    if front.status.is_closed() {
        return Err(FileRule::AlreadyClosed);
    }
    if has_open_stay {
        return Err(FileRule::OpenStay);
    }
    if front.arrived_on.is_some_and(|a| on < a) {
        return Err(FileRule::ClosingBeforeArrival);
    }
    Ok(())
}

/// The status a reopened case returns to: expected if the person never
/// arrived, otherwise departed (a closed case has no bed; follow-up resumes).
pub fn reopened_status(front: &CaseFront) -> Result<CaseStatus, FileRule> {
    if !front.status.is_closed() {
        return Err(FileRule::NotClosed);
    }
    Ok(if front.arrived_on.is_some() { CaseStatus::Departed } else { CaseStatus::Expected })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{DocumentKind, DocumentLocation};
    use crate::domain::country::CountryCode;
    use crate::domain::ids::{CaseId, Id, TravelId};
    use crate::domain::referral::{ReferralReason, ReferralStatus};
    use crate::domain::travel::TravelMode;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }
    fn org(n: u8) -> OrganisationId {
        OrganisationId(Id([n; 16]))
    }
    fn consent(n: u8, o: u8, given: bool, date: NaiveDate) -> Consent {
        Consent {
            id: ConsentId(Id([n; 16])),
            case_id: CaseId(Id([1; 16])),
            purpose: ConsentPurpose::SharingWith(org(o)),
            given,
            date,
            recorded_by: "worker".into(),
            withdrawn_on: None,
        }
    }
    fn referral(o: u8, date: NaiveDate) -> Referral {
        Referral {
            id: ReferralId(Id([7; 16])),
            case_id: CaseId(Id([1; 16])),
            direction: Direction::Out,
            organisation: org(o),
            date,
            reason: ReferralReason::AdditionalServicesRequired,
            services: vec![],
            status: ReferralStatus::Sent,
            follow_up: None,
            consent: None,
            override_reason: None,
        }
    }

    #[test]
    fn an_outgoing_referral_rests_on_the_consent_for_that_organisation() {
        let r = referral(5, d(3, 1));
        assert_eq!(referral_consent(&r, &[], d(3, 1), None, false), Err(FileRule::ReferralNeedsConsent));
        let cs = vec![consent(2, 6, true, d(1, 1))];
        assert_eq!(referral_consent(&r, &cs, d(3, 1), None, false), Err(FileRule::ReferralNeedsConsent));
        let cs = vec![consent(2, 6, true, d(1, 1)), consent(3, 5, true, d(2, 1))];
        assert_eq!(referral_consent(&r, &cs, d(3, 1), None, false), Ok(Some(ConsentId(Id([3; 16])))));
    }

    #[test]
    fn a_manager_may_override_with_a_written_reason_and_nobody_else_may() {
        let r = referral(5, d(3, 1));
        assert_eq!(
            referral_consent(&r, &[], d(3, 1), Some("child at risk"), false),
            Err(FileRule::OverrideManagersOnly)
        );
        assert_eq!(referral_consent(&r, &[], d(3, 1), Some("  "), true), Err(FileRule::OverrideNeedsReason));
        assert_eq!(referral_consent(&r, &[], d(3, 1), Some("child at risk"), true), Ok(None));
    }

    #[test]
    fn incoming_and_closed_referrals_need_no_consent() {
        let mut r = referral(5, d(3, 1));
        r.direction = Direction::In;
        assert_eq!(referral_consent(&r, &[], d(3, 1), None, false), Ok(None));
        let mut r = referral(5, d(3, 1));
        r.status = ReferralStatus::Completed;
        assert_eq!(referral_consent(&r, &[], d(3, 1), None, false), Ok(None));
        r.follow_up = Some(d(2, 1));
        assert_eq!(referral_consent(&r, &[], d(3, 1), None, false), Err(FileRule::FollowUpBeforeReferral));
    }

    #[test]
    fn a_withdrawn_consent_uncovers_the_referrals_it_covered() {
        let mut c = consent(3, 5, true, d(2, 1));
        let r = referral(5, d(3, 1));
        assert!(uncovered_by(std::slice::from_ref(&r), std::slice::from_ref(&c), d(3, 2)).is_empty());
        c.withdrawn_on = Some(d(3, 5));
        assert!(uncovered_by(std::slice::from_ref(&r), std::slice::from_ref(&c), d(3, 4)).is_empty());
        assert_eq!(uncovered_by(std::slice::from_ref(&r), std::slice::from_ref(&c), d(3, 5)), vec![r.id]);
        let mut overridden = r.clone();
        overridden.override_reason = Some("court order".into());
        assert!(uncovered_by(&[overridden], &[c], d(3, 5)).is_empty());
        assert_eq!(validate_consent(&consent(3, 5, true, d(2, 1))), Ok(()));
        let mut back = consent(3, 5, true, d(2, 1));
        back.withdrawn_on = Some(d(1, 1));
        assert_eq!(validate_consent(&back), Err(FileRule::WithdrawnBeforeGiven));
    }

    #[test]
    fn document_and_journey_dates_come_in_order() {
        let mut doc = Document {
            kind: DocumentKind::Passport,
            number: "000".into(),
            issuing_country: None,
            issued_on: Some(d(5, 1)),
            expires_on: Some(d(4, 1)),
            location: DocumentLocation::WithPerson,
        };
        assert_eq!(validate_document(&doc), Err(FileRule::ExpiryBeforeIssue));
        doc.expires_on = Some(d(5, 1));
        assert_eq!(validate_document(&doc), Ok(()));
        let mut t = Travel {
            id: TravelId(Id([1; 16])),
            case_id: CaseId(Id([1; 16])),
            kind: TravelKind::Domestic,
            destination: "Kazan".into(),
            country: None,
            mode: TravelMode::Rail,
            date: Some(d(2, 1)),
            ticket: String::new(),
            escort: Escort::Medical,
            documents_ready: true,
            completed_on: None,
        };
        assert_eq!(validate_travel(&t, Some(d(2, 2))), Err(FileRule::TravelBeforeArrival));
        assert_eq!(validate_travel(&t, Some(d(2, 1))), Ok(()));
        t.completed_on = Some(d(1, 31));
        assert_eq!(validate_travel(&t, None), Err(FileRule::CompletedBeforeTravel));
        t.completed_on = None;
        t.kind = TravelKind::Repatriation;
        assert_eq!(validate_travel(&t, None), Err(FileRule::RepatriationNeedsCountry));
        t.country = CountryCode::parse("UZ").ok();
        assert_eq!(validate_travel(&t, None), Ok(()));
        assert_eq!(services_of_journey(&t), vec![ServiceKind::Repatriation, ServiceKind::TravelMedicalEscort]);
        t.escort = Escort::Staff;
        t.kind = TravelKind::Domestic;
        assert_eq!(services_of_journey(&t), vec![ServiceKind::DomesticTransport]);
    }

    #[test]
    fn closing_and_reopening_follow_the_status() {
        let mut front = crate::domain::strategies::sample_case_front();
        front.status = CaseStatus::Departed;
        front.arrived_on = Some(d(1, 10));
        assert_eq!(check_close(&front, d(3, 1), true), Err(FileRule::OpenStay));
        assert_eq!(check_close(&front, d(1, 9), false), Err(FileRule::ClosingBeforeArrival));
        assert_eq!(check_close(&front, d(3, 1), false), Ok(()));
        assert_eq!(reopened_status(&front), Err(FileRule::NotClosed));
        front.status = CaseStatus::Closed;
        assert_eq!(check_close(&front, d(3, 1), false), Err(FileRule::AlreadyClosed));
        assert_eq!(reopened_status(&front), Ok(CaseStatus::Departed));
        front.arrived_on = None;
        assert_eq!(reopened_status(&front), Ok(CaseStatus::Expected));
        assert_eq!(FileRule::ReferralNeedsConsent.key(), "referral_needs_consent");
    }

    #[test]
    fn what_is_open_at_closing_leaves_out_what_nobody_assessed() {
        use crate::domain::service::{ServiceStatus, checklist};
        let case = CaseId::from_bytes([1; 16]);
        let mut n = 0u8;
        let mut items = checklist(case, || {
            n += 1;
            crate::domain::ids::ServiceItemId::from_bytes([n; 16])
        });
        assert!(open_at_close(&items, &[], &[], Some(ClosingOutcome::ReferredOn)).is_empty());
        items[2].status = ServiceStatus::Needed;
        items[3].status = ServiceStatus::Done;
        let open = open_at_close(&items, &[], &[], Some(ClosingOutcome::ReintegratedAtDestination));
        assert_eq!(open, [OpenAtClose::Service(items[2].kind, ServiceStatus::Needed), OpenAtClose::NoJourney]);
        assert_eq!(open[0].key(), "medical_care:needed");
    }
}
