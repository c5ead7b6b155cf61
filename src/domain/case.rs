//! The case: a front part reception may see, and the private file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case_code::CaseCode;
use super::country::CountryCode;
use super::ids::{CaseId, MedicalNoteId, NoteId, ReferralId};
use super::person::{AgeBasis, AgeGroup, Gender};
use super::translit::{icao_latin, nfc};

/// Where a case stands in the centre's process.
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
pub enum CaseStatus {
    /// Announced, not yet arrived.
    Expected,
    /// Met at the airport or walked in, not yet housed.
    Arrived,
    /// Sleeping at the centre.
    InResidence,
    /// Left the centre; follow-up continues.
    Departed,
    /// File closed.
    Closed,
    /// File closed because the person was referred on.
    ClosedReferred,
}

impl CaseStatus {
    /// True once the file is closed.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Closed | Self::ClosedReferred)
    }
}

/// What reception and night staff may see: alias and code, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFront {
    /// Record id.
    pub id: CaseId,
    /// Case code, e.g. `MSK-26-0042`.
    pub code: CaseCode,
    /// Alias used aloud and on screens instead of the name.
    pub alias: String,
    /// HTCDS `prs_Gender`.
    pub gender: Gender,
    /// What we know about the age.
    pub age: AgeBasis,
    /// Age group as stated; used when `age` gives none.
    pub age_group: AgeGroup,
    /// Languages spoken, ISO 639-1 codes (`ru`, `uz`, …).
    pub languages: Vec<String>,
    /// An interpreter is needed.
    pub interpreter_needed: bool,
    /// Special needs in plain words (mobility, diet, …).
    pub special_needs: String,
    /// Where the case stands.
    pub status: CaseStatus,
    /// Never confirm this person's presence to callers.
    pub high_risk: bool,
    /// Day of arrival at the centre.
    pub arrived_on: Option<NaiveDate>,
    /// Username of the responsible case worker.
    pub worker: Option<String>,
}

impl CaseFront {
    /// Age group on `today`: from the age basis if known, else as stated.
    pub fn effective_age_group(&self, today: NaiveDate) -> AgeGroup {
        match self.age.age_group(today) {
            AgeGroup::Unknown => self.age_group,
            known => known,
        }
    }

    /// Age in years on `today`, if known.
    pub fn age_on(&self, today: NaiveDate) -> Option<u32> {
        self.age.age_on(today)
    }
}

/// The private file: names, documents, trafficking profile. Case workers only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePrivate {
    /// Same id as the front part.
    pub case_id: CaseId,
    /// Family name, original script, NFC.
    pub family_name: String,
    /// Given names, original script, NFC.
    pub given_names: String,
    /// Patronymic, original script, NFC (empty if none).
    pub patronymic: String,
    /// ICAO 9303 Latin form of the names, derived by [`CasePrivate::refresh_latin`].
    pub latin: String,
    /// Date of birth, if known (HTCDS `prs_DateOfBirth`).
    pub date_of_birth: Option<NaiveDate>,
    /// Citizenships (HTCDS `prs_Citizenship`), several allowed.
    pub citizenship: Vec<CountryCode>,
    /// Town or region of origin.
    pub place_of_origin: String,
    /// Identity and travel documents.
    pub documents: Vec<Document>,
    /// Ways to reach the person or their relatives.
    pub contacts: Vec<Contact>,
    /// Trafficking profile (HTCDS victim fields).
    pub trafficking: TraffickingProfile,
    /// The referral that brought the person, if any.
    pub incoming_referral: Option<ReferralId>,
    /// How the case was closed.
    pub closing: Option<Closing>,
    /// Free notes.
    pub notes: String,
}

impl CasePrivate {
    /// An empty file for a case.
    pub fn new(case_id: CaseId) -> Self {
        Self {
            case_id,
            family_name: String::new(),
            given_names: String::new(),
            patronymic: String::new(),
            latin: String::new(),
            date_of_birth: None,
            citizenship: Vec::new(),
            place_of_origin: String::new(),
            documents: Vec::new(),
            contacts: Vec::new(),
            trafficking: TraffickingProfile::default(),
            incoming_referral: None,
            closing: None,
            notes: String::new(),
        }
    }

    /// Normalises the names to NFC and derives `latin` from them (family, given, patronymic).
    pub fn refresh_latin(&mut self) {
        self.family_name = nfc(self.family_name.trim());
        self.given_names = nfc(self.given_names.trim());
        self.patronymic = nfc(self.patronymic.trim());
        let parts: Vec<String> = [&self.family_name, &self.given_names, &self.patronymic]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|p| icao_latin(p))
            .collect();
        self.latin = parts.join(" ");
    }

    /// The full name in the original script, family name first.
    pub fn full_name(&self) -> String {
        [&self.family_name, &self.given_names, &self.patronymic]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Kind of identity document (HTCDS `doc_Type`).
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
pub enum DocumentKind {
    /// Passport.
    Passport,
    /// National identity card.
    IdCard,
    /// Birth certificate.
    BirthCertificate,
    /// Emergency or other travel document.
    TravelDocument,
    /// Residence permit.
    ResidencePermit,
    /// Anything else.
    Other,
}

/// Where a document physically is.
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
pub enum DocumentLocation {
    /// The person has it.
    WithPerson,
    /// Kept in the centre's safe.
    HeldByCentre,
    /// Withheld by the trafficker (CTDC `meansOfControlWithholdsDocuments`).
    HeldByTrafficker,
    /// Lost or destroyed.
    Lost,
    /// Not known.
    Unknown,
}

/// An identity or travel document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Kind of document.
    pub kind: DocumentKind,
    /// Document number as printed.
    pub number: String,
    /// Issuing country.
    pub issuing_country: Option<CountryCode>,
    /// Date of issue.
    pub issued_on: Option<NaiveDate>,
    /// Date of expiry.
    pub expires_on: Option<NaiveDate>,
    /// Where it is now.
    pub location: DocumentLocation,
}

impl Document {
    /// True if the document has expired by `today`.
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.expires_on.is_some_and(|e| e < today)
    }
}

/// Kind of contact.
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
pub enum ContactKind {
    /// Telephone number.
    Phone,
    /// E-mail address.
    Email,
    /// A relative (value says how to reach them).
    Relative,
    /// Anything else (messenger, social network).
    Other,
}

/// A way to reach the person or someone close to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Kind of contact.
    pub kind: ContactKind,
    /// Number, address, or name.
    pub value: String,
    /// Note (e.g. "only after 18:00", "mother").
    pub note: String,
}

/// Identification status (HTCDS `vic_TraffickingStatus`).
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
pub enum TraffickingStatus {
    /// Formally identified as a victim.
    ConfirmedVictim,
    /// Presumed victim, identification pending.
    PresumedVictim,
    /// At risk of trafficking.
    AtRisk,
    /// Assessed as not a victim.
    NotAVictim,
    /// Not assessed.
    #[default]
    Unknown,
}

/// Who decided the trafficking status (HTCDS `vic_DecidingOrganisation` type).
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
pub enum DecidingOrganisation {
    /// A government authority.
    Government,
    /// Police or prosecution.
    LawEnforcement,
    /// A non-governmental organisation.
    Ngo,
    /// An international organisation (e.g. IOM).
    InternationalOrganisation,
    /// This centre.
    Centre,
    /// Someone else.
    Other,
}

/// Type of exploitation (CTDC `typeOfExploit*` / HTCDS `exp_Type`).
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
pub enum ExploitationType {
    /// CTDC `isSexualExploit`.
    SexualExploitation,
    /// CTDC `isForcedLabour`.
    ForcedLabour,
    /// CTDC `isForcedMarriage`.
    ForcedMarriage,
    /// CTDC `typeOfExploitBegging`.
    Begging,
    /// CTDC `typeOfExploitForcedCriminality` (incl. drug trafficking).
    ForcedCriminality,
    /// CTDC `isOrganRemoval`.
    OrganRemoval,
    /// CTDC `typeOfLabourDomesticWork` (domestic servitude).
    DomesticServitude,
    /// CTDC `isOtherExploit`.
    Other,
}

/// Means of control (CTDC `meansOfControl*` columns).
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
pub enum MeansOfControl {
    /// CTDC `meansOfControlDebtBondage`.
    DebtBondage,
    /// CTDC `meansOfControlTakesEarnings`.
    TakesEarnings,
    /// CTDC `meansOfControlRestrictsFinancialAccess`.
    RestrictsFinancialAccess,
    /// CTDC `meansOfControlThreats` (threats of violence).
    ThreatsOfViolence,
    /// CTDC `meansOfControlPsychologicalAbuse`.
    PsychologicalAbuse,
    /// CTDC `meansOfControlPhysicalAbuse`.
    PhysicalAbuse,
    /// CTDC `meansOfControlSexualAbuse`.
    SexualAbuse,
    /// CTDC `meansOfControlFalsePromises`.
    FalsePromises,
    /// CTDC `meansOfControlPsychoactiveSubstances`.
    PsychoactiveSubstances,
    /// CTDC `meansOfControlRestrictsMovement`.
    RestrictsMovement,
    /// CTDC `meansOfControlRestrictsMedicalCare`.
    RestrictsMedicalCare,
    /// CTDC `meansOfControlExcessiveWorkingHours`.
    ExcessiveWorkingHours,
    /// CTDC `meansOfControlUsesChildren`.
    UsesChildren,
    /// Threats against the family; no own CTDC column, exported as `meansOfControlThreats`.
    ThreatensFamily,
    /// CTDC `meansOfControlThreatOfLawEnforcement`.
    ThreatOfLawEnforcement,
    /// CTDC `meansOfControlWithholdsNecessities`.
    WithholdsNecessities,
    /// CTDC `meansOfControlWithholdsDocuments`.
    WithholdsDocuments,
    /// CTDC `meansOfControlOther`.
    Other,
}

/// Relationship between the person and the recruiter (CTDC `recruiterRelation*`).
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
pub enum RecruiterRelation {
    /// CTDC `recruiterRelationIntimatePartner`.
    IntimatePartner,
    /// CTDC `recruiterRelationFriend`.
    Friend,
    /// CTDC `recruiterRelationFamily`.
    Family,
    /// CTDC `recruiterRelationOther`.
    Other,
    /// CTDC `recruiterRelationUnknown`.
    Unknown,
}

/// How the person was recruited (HTCDS `rec_Method`).
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
pub enum RecruitmentMethod {
    /// A (false) job offer.
    JobOffer,
    /// Marriage or a promise of marriage.
    Marriage,
    /// Abduction.
    Abduction,
    /// Through an acquaintance.
    Acquaintance,
    /// Online (social networks, dating, job sites).
    Online,
    /// Something else.
    Other,
    /// Not known.
    Unknown,
}

/// The trafficking profile of a case.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TraffickingProfile {
    /// HTCDS `vic_TraffickingStatus`.
    pub status: TraffickingStatus,
    /// Who decided the status.
    pub decided_by: Option<DecidingOrganisation>,
    /// Types of exploitation.
    pub exploitation: Vec<ExploitationType>,
    /// Means of control used.
    pub means_of_control: Vec<MeansOfControl>,
    /// Relationship to the recruiter.
    pub relationship: Option<RecruiterRelation>,
    /// Recruitment method.
    pub recruitment: Option<RecruitmentMethod>,
    /// Countries of exploitation (CTDC `CountryOfExploitation`).
    pub country_of_exploitation: Vec<CountryCode>,
}

/// How a case ended.
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
pub enum ClosingOutcome {
    /// Reintegrated at the destination.
    ReintegratedAtDestination,
    /// Referred on to another organisation.
    ReferredOn,
    /// Left without notice.
    LeftWithoutNotice,
    /// Something else (see note).
    Other,
}

/// The closing of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// Outcome.
    pub outcome: ClosingOutcome,
    /// Day of closing.
    pub on: NaiveDate,
    /// Note.
    pub note: String,
}

impl ClosingOutcome {
    /// The case status a closing with this outcome leads to.
    pub fn status(self) -> CaseStatus {
        match self {
            Self::ReferredOn => CaseStatus::ClosedReferred,
            _ => CaseStatus::Closed,
        }
    }
}

/// Kind of a medical-class note.
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
pub enum MedicalNoteKind {
    /// Medical.
    Medical,
    /// Psychological.
    Psychological,
}

/// A medical or psychological note: a separate record with its own access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicalNote {
    /// Record id.
    pub id: MedicalNoteId,
    /// The case it belongs to.
    pub case_id: CaseId,
    /// Day of the consultation.
    pub date: NaiveDate,
    /// Medical or psychological.
    pub kind: MedicalNoteKind,
    /// The note.
    pub text: String,
}

/// A dated case note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Record id.
    pub id: NoteId,
    /// The case it belongs to.
    pub case_id: CaseId,
    /// Day of the note.
    pub date: NaiveDate,
    /// The note.
    pub text: String,
}

keyed!(
    CaseStatus,
    DocumentKind,
    DocumentLocation,
    ContactKind,
    TraffickingStatus,
    DecidingOrganisation,
    ExploitationType,
    MeansOfControl,
    RecruiterRelation,
    RecruitmentMethod,
    ClosingOutcome,
    MedicalNoteKind,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn latin_form_is_derived_from_the_names() {
        let mut p = CasePrivate::new(CaseId(Id([1; 16])));
        p.family_name = " Щукина ".into();
        p.given_names = "Юлия".into();
        p.patronymic = "Сергеевна".into();
        p.refresh_latin();
        assert_eq!(p.latin, "SHCHUKINA IULIIA SERGEEVNA");
        assert_eq!(p.family_name, "Щукина");
        assert_eq!(p.full_name(), "Щукина Юлия Сергеевна");
        p.patronymic.clear();
        p.given_names = "Е\u{308}ва".into();
        p.refresh_latin();
        assert_eq!(p.given_names, "Ёва", "names are stored in NFC");
        assert_eq!(p.latin, "SHCHUKINA EVA");
    }

    #[test]
    fn effective_age_group_prefers_the_age_basis() {
        let mut front = crate::domain::strategies::sample_case_front();
        front.age = AgeBasis::Unknown;
        front.age_group = AgeGroup::Minor;
        assert_eq!(front.effective_age_group(d(2026, 1, 1)), AgeGroup::Minor);
        front.age = AgeBasis::DateOfBirth(d(2000, 1, 1));
        assert_eq!(front.effective_age_group(d(2026, 1, 1)), AgeGroup::Adult);
        assert_eq!(front.age_on(d(2026, 1, 1)), Some(26));
    }

    #[test]
    fn keys_are_snake_case_and_round_trip() {
        assert_eq!(CaseStatus::ClosedReferred.key(), "closed_referred");
        assert_eq!(CaseStatus::InResidence.key(), "in_residence");
        assert_eq!(TraffickingStatus::NotAVictim.key(), "not_a_victim");
        assert_eq!(MeansOfControl::UsesChildren.key(), "uses_children");
        assert_eq!(MeansOfControl::RestrictsMovement.key(), "restricts_movement");
        assert_eq!(DocumentLocation::HeldByTrafficker.key(), "held_by_trafficker");
        assert_eq!(MeansOfControl::all().count(), 18);
        for m in MeansOfControl::all() {
            assert_eq!(MeansOfControl::from_key(m.key()), Some(m));
        }
        for e in ExploitationType::all() {
            assert_eq!(ExploitationType::from_key(e.key()), Some(e));
        }
        assert_eq!(CaseStatus::from_key("nope"), None);
    }

    #[test]
    fn closing_outcome_sets_the_status() {
        assert_eq!(ClosingOutcome::ReferredOn.status(), CaseStatus::ClosedReferred);
        assert_eq!(ClosingOutcome::LeftWithoutNotice.status(), CaseStatus::Closed);
        assert!(CaseStatus::ClosedReferred.is_closed());
        assert!(!CaseStatus::Departed.is_closed());
    }

    #[test]
    fn documents_expire_after_their_date() {
        let doc = Document {
            kind: DocumentKind::Passport,
            number: "0000000".into(),
            issuing_country: None,
            issued_on: None,
            expires_on: Some(d(2026, 5, 1)),
            location: DocumentLocation::HeldByCentre,
        };
        assert!(!doc.is_expired(d(2026, 5, 1)));
        assert!(doc.is_expired(d(2026, 5, 2)));
    }
}
