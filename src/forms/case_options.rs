//! The choices the case forms offer, labelled in the user's language, and
//! the label of one value (for the case screens). Keys are the domain's
//! stable snake_case keys, so a choice maps straight back to its value.

use crate::app::context::Ctx;
use crate::domain::case::{
    CaseStatus, ClosingOutcome, ContactKind, DecidingOrganisation, DocumentKind, DocumentLocation, ExploitationType,
    MeansOfControl, MedicalNoteKind, RecruiterRelation, RecruitmentMethod, TraffickingStatus,
};
use crate::domain::person::{AgeGroup, Gender};
use crate::domain::referral::{Direction, OrganisationType, ReferralReason, ReferralStatus};
use crate::domain::service::{ServiceKind, ServiceStatus};
use crate::domain::stay::StayEndReason;
use crate::domain::travel::{Escort, TravelKind, TravelMode};
use crate::form_engine::languages::LANGUAGES;

/// The label of the value `key` whose messages start with `prefix` (`gender` + `feminine`).
pub fn label(ctx: &Ctx, prefix: &str, key: &str) -> String {
    ctx.t(&format!("{prefix}-{key}"))
}

macro_rules! choices {
    ($($name:ident: $t:ty => $prefix:literal),+ $(,)?) => {$(
        #[doc = concat!("Every `", stringify!($t), "`, labelled (messages `", $prefix, "-<key>`).")]
        pub fn $name(ctx: &Ctx) -> Vec<(String, String)> {
            <$t>::all().map(|v| (v.key().to_string(), label(ctx, $prefix, v.key()))).collect()
        }
    )+};
}

choices! {
    genders: Gender => "gender",
    age_groups: AgeGroup => "cases-age-group",
    case_statuses: CaseStatus => "case-status",
    document_kinds: DocumentKind => "cases-doc-kind",
    document_locations: DocumentLocation => "cases-doc-location",
    contact_kinds: ContactKind => "cases-contact-kind",
    trafficking_statuses: TraffickingStatus => "cases-trafficking-status",
    deciding_organisations: DecidingOrganisation => "cases-decided-by",
    exploitation_types: ExploitationType => "cases-exploitation",
    means_of_control: MeansOfControl => "cases-control",
    recruiter_relations: RecruiterRelation => "cases-relation",
    recruitment_methods: RecruitmentMethod => "cases-recruitment",
    closing_outcomes: ClosingOutcome => "cases-outcome",
    service_kinds: ServiceKind => "service",
    service_statuses: ServiceStatus => "service-status",
    directions: Direction => "cases-direction",
    referral_reasons: ReferralReason => "cases-reason",
    referral_statuses: ReferralStatus => "cases-referral-status",
    organisation_types: OrganisationType => "cases-org-type",
    travel_kinds: TravelKind => "cases-travel-kind",
    travel_modes: TravelMode => "cases-travel-mode",
    escorts: Escort => "cases-escort",
    medical_kinds: MedicalNoteKind => "cases-note-kind",
    stay_end_reasons: StayEndReason => "cases-stay-end",
}

/// A new case starts expected or already arrived.
pub fn new_case_statuses(ctx: &Ctx) -> Vec<(String, String)> {
    [CaseStatus::Expected, CaseStatus::Arrived]
        .into_iter()
        .map(|s| (s.key().to_string(), label(ctx, "case-status", s.key())))
        .collect()
}

/// The centre's languages, labelled in the user's language.
pub fn languages(ctx: &Ctx) -> Vec<(String, String)> {
    let lang = ctx.i18n.lang().code();
    LANGUAGES
        .iter()
        .map(|(code, en, ru, fr)| {
            let name = match lang {
                "ru" => ru,
                "fr" => fr,
                _ => en,
            };
            ((*code).to_string(), (*name).to_string())
        })
        .collect()
}

/// The organisations of the directory still in use, by name (id as key).
pub fn organisations(ctx: &Ctx) -> Vec<(String, String)> {
    let Ok(store) = ctx.store() else { return Vec::new() };
    let Ok(all) = crate::ops::referrals::organisations(store) else { return Vec::new() };
    all.into_iter()
        .filter(|o| !o.body.retired)
        .map(|o| {
            let kind = label(ctx, "cases-org-type", o.body.kind.key());
            let place = if o.body.city.is_empty() { String::new() } else { format!(", {}", o.body.city) };
            (o.body.id.to_string(), format!("{} ({kind}{place})", o.body.name))
        })
        .collect()
}

/// Every organisation of the directory, retired ones marked (a referral or
/// consent on file may name one).
pub fn all_organisations(ctx: &Ctx) -> Vec<(String, String)> {
    let Ok(store) = ctx.store() else { return Vec::new() };
    let Ok(all) = crate::ops::referrals::organisations(store) else { return Vec::new() };
    all.into_iter()
        .map(|o| {
            let kind = label(ctx, "cases-org-type", o.body.kind.key());
            let retired = if o.body.retired { format!(" — {}", ctx.t("cases-retired")) } else { String::new() };
            (o.body.id.to_string(), format!("{} ({kind}){retired}", o.body.name))
        })
        .collect()
}

/// Who provides a service: the centre itself, or an organisation.
pub fn providers(ctx: &Ctx) -> Vec<(String, String)> {
    let mut out = vec![(INTERNAL.to_string(), ctx.t("cases-provider-internal"))];
    out.extend(organisations(ctx));
    out
}

/// The key of the centre itself among the providers.
pub const INTERNAL: &str = "internal";

/// Users who may hold a case (case workers and managers), by username.
pub fn workers(ctx: &Ctx) -> Vec<(String, String)> {
    let Ok(store) = ctx.store() else { return Vec::new() };
    store
        .header()
        .slots
        .iter()
        .filter(|s| !s.disabled && s.role.holds_case_key())
        .map(|s| (s.username.clone(), format!("{} ({})", s.display_name, s.username)))
        .collect()
}

/// What a consent is for (sharing names its organisation in its own field).
pub fn consent_purposes(ctx: &Ctx) -> Vec<(String, String)> {
    ["data_processing", "sharing_with", "anonymised_statistics"]
        .into_iter()
        .map(|k| (k.to_string(), label(ctx, "cases-purpose", k)))
        .collect()
}

/// Kinds of note: a case note, or a medical or psychological one (only for
/// those who may write medical notes).
pub fn note_kinds(ctx: &Ctx) -> Vec<(String, String)> {
    let mut out = vec![(NOTE.to_string(), label(ctx, "cases-note-kind", NOTE))];
    let medical = ctx
        .store()
        .is_ok_and(|s| s.may(crate::domain::permissions::Act::Create, crate::domain::permissions::DataClass::Medical));
    if medical {
        out.extend(medical_kinds(ctx));
    }
    out
}

/// The key of a plain case note among the note kinds.
pub const NOTE: &str = "note";
