//! The CTDC global dataset: one anonymised row per person, in the columns of
//! the Counter Trafficking Data Collaborative, values mapped from the HTCDS
//! fields of the case file, `-99` for unknown. Only people whose consent to
//! anonymised statistics is in force are in it; rare combinations of the
//! quasi-identifiers (gender, age band, citizenship, country of
//! exploitation) are suppressed to k = 11. No name, document, date of birth
//! or free text is ever written: every value comes from a closed set.

use chrono::{Datelike, NaiveDate};

use super::consent;
use super::kanon::{self, Key};
use super::table::{Cell, Table};
use crate::domain::case::{
    CaseFront, CasePrivate, CaseStatus, DocumentLocation, ExploitationType as E, MeansOfControl as M,
    RecruiterRelation, RecruitmentMethod, TraffickingProfile, TraffickingStatus,
};
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::person::{AgeBand, AgeGroup, Gender};

/// The columns, in the order of the CTDC global dataset.
pub const COLUMNS: [&str; 63] = [
    "yearOfRegistration",
    "Datasource",
    "gender",
    "ageBroad",
    "majorityStatus",
    "majorityStatusAtExploit",
    "majorityEntry",
    "citizenship",
    "meansOfControlDebtBondage",
    "meansOfControlTakesEarnings",
    "meansOfControlRestrictsFinancialAccess",
    "meansOfControlThreats",
    "meansOfControlPsychologicalAbuse",
    "meansOfControlPhysicalAbuse",
    "meansOfControlSexualAbuse",
    "meansOfControlFalsePromises",
    "meansOfControlPsychoactiveSubstances",
    "meansOfControlRestrictsMovement",
    "meansOfControlRestrictsMedicalCare",
    "meansOfControlExcessiveWorkingHours",
    "meansOfControlUsesChildren",
    "meansOfControlThreatOfLawEnforcement",
    "meansOfControlWithholdsNecessities",
    "meansOfControlWithholdsDocuments",
    "meansOfControlOther",
    "meansOfControlNotSpecified",
    "meansOfControlConcatenated",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "isSexAndLabour",
    "isForcedMarriage",
    "isForcedMilitary",
    "isOrganRemoval",
    "isSlaveryAndPractices",
    "typeOfExploitConcatenated",
    "typeOfLabourAgriculture",
    "typeOfLabourAquafarming",
    "typeOfLabourBegging",
    "typeOfLabourConstruction",
    "typeOfLabourDomesticWork",
    "typeOfLabourHospitality",
    "typeOfLabourIllicitActivities",
    "typeOfLabourManufacturing",
    "typeOfLabourMiningOrDrilling",
    "typeOfLabourPeddling",
    "typeOfLabourTransportation",
    "typeOfLabourOther",
    "typeOfLabourNotSpecified",
    "typeOfLabourConcatenated",
    "typeOfSexProstitution",
    "typeOfSexPornography",
    "typeOfSexRemoteInteractiveServices",
    "typeOfSexPrivateSexualServices",
    "typeOfSexConcatenated",
    "isAbduction",
    "RecruiterRelationship",
    "CountryOfExploitation",
    "recruiterRelationIntimatePartner",
    "recruiterRelationFriend",
    "recruiterRelationFamily",
    "recruiterRelationOther",
    "recruiterRelationUnknown",
];

/// The quasi-identifiers, and the order they are suppressed in (country of
/// exploitation and citizenship are the rarest values, so the most telling).
pub const QUASI_IDENTIFIERS: [&str; 4] = ["gender", "ageBroad", "citizenship", "CountryOfExploitation"];
const SUPPRESS_ORDER: [usize; 4] = [3, 2, 1, 0];

/// CTDC's code for a value not known.
pub const UNKNOWN: i64 = -99;

/// `Datasource`: this centre's records are case management data.
pub const DATASOURCE: &str = "Case Management";

/// One case as the CTDC export reads it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The front part.
    pub front: &'a CaseFront,
    /// The private file, if written.
    pub file: Option<&'a CasePrivate>,
    /// Its consent records.
    pub consents: &'a [Consent],
    /// The day the case was registered (arrival, or the day it was opened).
    pub registered: NaiveDate,
}

/// Why rows are missing and what was suppressed: printed after the export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Cases looked at.
    pub cases: usize,
    /// Left out: no consent to anonymised statistics in force.
    pub without_consent: usize,
    /// Left out: not arrived yet, or assessed as not (or only at risk of being) a victim.
    pub not_victims: usize,
    /// Rows written.
    pub rows: usize,
    /// Rows dropped by k-anonymity.
    pub dropped: usize,
    /// Values suppressed to -99 per quasi-identifier, in [`QUASI_IDENTIFIERS`] order.
    pub suppressed: [usize; 4],
    /// The k used.
    pub k: usize,
}

enum V {
    N(i64),
    S(&'static str),
    Owned(String),
}

fn flag(known: bool, yes: bool) -> V {
    if known { V::N(i64::from(yes)) } else { V::N(UNKNOWN) }
}

fn text_or_unknown(parts: Vec<&'static str>) -> V {
    if parts.is_empty() { V::N(UNKNOWN) } else { V::Owned(parts.join(";")) }
}

fn gender(g: Gender) -> Option<&'static str> {
    match g {
        Gender::Feminine => Some("Female"),
        Gender::Masculine => Some("Male"),
        Gender::TransgenderFeminine | Gender::TransgenderMasculine | Gender::NonConforming => {
            Some("Transgender/NonConforming")
        }
        Gender::NonSpecifiedUnknown => None,
    }
}

const MEANS: [(M, &str); 17] = [
    (M::DebtBondage, "Debt bondage"),
    (M::TakesEarnings, "Takes earnings"),
    (M::RestrictsFinancialAccess, "Restricts financial access"),
    (M::ThreatsOfViolence, "Threats"),
    (M::PsychologicalAbuse, "Psychological abuse"),
    (M::PhysicalAbuse, "Physical abuse"),
    (M::SexualAbuse, "Sexual abuse"),
    (M::FalsePromises, "False promises"),
    (M::PsychoactiveSubstances, "Psychoactive substances"),
    (M::RestrictsMovement, "Restricts movement"),
    (M::RestrictsMedicalCare, "Restricts medical care"),
    (M::ExcessiveWorkingHours, "Excessive working hours"),
    (M::UsesChildren, "Uses children"),
    (M::ThreatOfLawEnforcement, "Threat of law enforcement"),
    (M::WithholdsNecessities, "Withholds necessities"),
    (M::WithholdsDocuments, "Withholds documents"),
    (M::Other, "Other"),
];

/// One case's values in the order of `COLUMNS`, and its quasi-identifiers.
fn row(s: &Source<'_>) -> (Vec<V>, Key<4>) {
    let profile = s.file.map(|p| &p.trafficking);
    let mut v: Vec<V> = Vec::with_capacity(COLUMNS.len());
    let key = person_columns(s, &mut v);
    means_columns(s, &mut v);
    let ex = Exploitation::of(profile);
    exploitation_columns(&ex, &mut v);
    sector_columns(&ex, &mut v);
    recruitment_columns(profile, &mut v);
    (v, key)
}

/// Year, source, age group and the placeholders for the key's columns
/// (gender, age, citizenship: filled in after suppression); returns the key.
fn person_columns(s: &Source<'_>, v: &mut Vec<V>) -> Key<4> {
    let f = s.front;
    let profile = s.file.map(|p| &p.trafficking);
    let band = f.age.age_band(s.registered);
    let group = match band {
        AgeBand::Unknown => f.effective_age_group(s.registered),
        AgeBand::Age0To8 | AgeBand::Age9To17 => AgeGroup::Minor,
        _ => AgeGroup::Adult,
    };
    let citizenship = s.file.and_then(|p| p.citizenship.first()).map(|c| c.to_string());
    let country = profile.and_then(|t| t.country_of_exploitation.first()).map(|c| c.to_string());
    let key: Key<4> = [
        gender(f.gender).map(str::to_string),
        (band != AgeBand::Unknown).then(|| band.ctdc_label().to_string()),
        citizenship,
        country,
    ];
    v.push(V::N(i64::from(s.registered.year())));
    v.push(V::S(DATASOURCE));
    v.push(V::S("")); // gender, ageBroad: from the key after suppression
    v.push(V::S(""));
    v.push(match group {
        AgeGroup::Minor => V::S("Minor"),
        AgeGroup::Adult => V::S("Adult"),
        AgeGroup::Unknown => V::N(UNKNOWN),
    });
    v.push(V::N(UNKNOWN)); // majorityStatusAtExploit: not recorded
    v.push(V::N(UNKNOWN)); // majorityEntry: not recorded
    v.push(V::S("")); // citizenship: from the key
    key
}

/// Means of control: known when any is recorded; documents held by the
/// trafficker are a means of control even when none was ticked.
fn means_columns(s: &Source<'_>, v: &mut Vec<V>) {
    let profile = s.file.map(|p| &p.trafficking);
    let means: Vec<M> = profile.map(|t| t.means_of_control.clone()).unwrap_or_default();
    let specified = !means.is_empty();
    let docs_held =
        s.file.is_some_and(|p| p.documents.iter().any(|d| d.location == DocumentLocation::HeldByTrafficker));
    let has = |m: M| means.contains(&m) || (m == M::ThreatsOfViolence && means.contains(&M::ThreatensFamily));
    let mut listed: Vec<&'static str> = Vec::new();
    for (m, label) in MEANS {
        let yes = has(m) || (m == M::WithholdsDocuments && docs_held);
        if yes {
            listed.push(label);
        }
        v.push(if m == M::WithholdsDocuments && docs_held { V::N(1) } else { flag(specified, yes) });
    }
    v.push(V::N(i64::from(!specified && !docs_held))); // meansOfControlNotSpecified
    v.push(text_or_unknown(listed));
}

/// The types of exploitation recorded, as the columns group them.
struct Exploitation {
    types: Vec<E>,
    /// Known when any type is recorded.
    known: bool,
    labour: bool,
    sexual: bool,
}

impl Exploitation {
    fn of(profile: Option<&TraffickingProfile>) -> Exploitation {
        let types: Vec<E> = profile.map(|t| t.exploitation.clone()).unwrap_or_default();
        let labour_kinds = [E::ForcedLabour, E::DomesticServitude, E::Begging, E::ForcedCriminality];
        let labour = labour_kinds.iter().any(|e| types.contains(e));
        let sexual = types.contains(&E::SexualExploitation);
        Exploitation { known: !types.is_empty(), labour, sexual, types }
    }

    fn is(&self, e: E) -> bool {
        self.types.contains(&e)
    }
}

/// Types of exploitation: known when any is recorded.
fn exploitation_columns(ex: &Exploitation, v: &mut Vec<V>) {
    let (known, labour, sexual) = (ex.known, ex.labour, ex.sexual);
    v.push(flag(known, labour));
    v.push(flag(known, sexual));
    v.push(flag(known, ex.is(E::Other)));
    v.push(flag(known, labour && sexual));
    v.push(flag(known, ex.is(E::ForcedMarriage)));
    v.push(V::N(UNKNOWN)); // isForcedMilitary: not a type the centre records
    v.push(flag(known, ex.is(E::OrganRemoval)));
    v.push(V::N(UNKNOWN)); // isSlaveryAndPractices: not recorded
    let mut exploit: Vec<&'static str> = Vec::new();
    for (yes, label) in [
        (labour, "Forced labour"),
        (sexual, "Sexual exploitation"),
        (ex.is(E::ForcedMarriage), "Forced marriage"),
        (ex.is(E::OrganRemoval), "Organ removal"),
        (ex.is(E::Other), "Other"),
    ] {
        if yes {
            exploit.push(label);
        }
    }
    v.push(text_or_unknown(exploit));
}

/// Sectors of labour: the centre records domestic work, begging and
/// forced criminality; other sectors are unknown for labour victims and
/// do not apply to the others. Kinds of sexual exploitation are not recorded.
fn sector_columns(ex: &Exploitation, v: &mut Vec<V>) {
    let (known, labour, sexual) = (ex.known, ex.labour, ex.sexual);
    let sector = |recorded: Option<bool>| match recorded {
        Some(yes) => flag(known, yes && labour),
        None => {
            if known && !labour {
                V::N(0)
            } else {
                V::N(UNKNOWN)
            }
        }
    };
    let specific = ex.is(E::DomesticServitude) || ex.is(E::Begging) || ex.is(E::ForcedCriminality);
    v.push(sector(None)); // Agriculture
    v.push(sector(None)); // Aquafarming
    v.push(sector(Some(ex.is(E::Begging))));
    v.push(sector(None)); // Construction
    v.push(sector(Some(ex.is(E::DomesticServitude))));
    v.push(sector(None)); // Hospitality
    v.push(sector(Some(ex.is(E::ForcedCriminality))));
    v.push(sector(None)); // Manufacturing
    v.push(sector(None)); // MiningOrDrilling
    v.push(sector(None)); // Peddling
    v.push(sector(None)); // Transportation
    v.push(sector(None)); // Other
    v.push(flag(known, labour && !specific)); // typeOfLabourNotSpecified
    let mut sectors: Vec<&'static str> = Vec::new();
    for (yes, label) in [
        (ex.is(E::Begging), "Begging"),
        (ex.is(E::DomesticServitude), "Domestic work"),
        (ex.is(E::ForcedCriminality), "Illicit activities"),
    ] {
        if yes {
            sectors.push(label);
        }
    }
    v.push(text_or_unknown(sectors));
    for _ in 0..4 {
        v.push(if known && !sexual { V::N(0) } else { V::N(UNKNOWN) });
    }
    v.push(V::N(UNKNOWN)); // typeOfSexConcatenated
}

/// Recruitment: abduction or not, and the recruiter's relation to the person.
fn recruitment_columns(profile: Option<&TraffickingProfile>, v: &mut Vec<V>) {
    let recruitment = profile.and_then(|t| t.recruitment).filter(|r| *r != RecruitmentMethod::Unknown);
    v.push(match recruitment {
        Some(r) => V::N(i64::from(r == RecruitmentMethod::Abduction)),
        None => V::N(UNKNOWN),
    });
    let relation = profile.and_then(|t| t.relationship);
    v.push(match relation {
        Some(RecruiterRelation::IntimatePartner) => V::S("Intimate Partner"),
        Some(RecruiterRelation::Friend) => V::S("Friend"),
        Some(RecruiterRelation::Family) => V::S("Family/Relative"),
        Some(RecruiterRelation::Other) => V::S("Other"),
        Some(RecruiterRelation::Unknown) => V::S("Unknown"),
        None => V::N(UNKNOWN),
    });
    v.push(V::S("")); // CountryOfExploitation: from the key
    for r in [
        RecruiterRelation::IntimatePartner,
        RecruiterRelation::Friend,
        RecruiterRelation::Family,
        RecruiterRelation::Other,
        RecruiterRelation::Unknown,
    ] {
        v.push(flag(relation.is_some(), relation == Some(r)));
    }
}

/// Whether the case belongs in a dataset of victims: arrived, and not assessed
/// as no victim (or only at risk).
fn is_victim(s: &Source<'_>) -> bool {
    let status = s.file.map(|p| p.trafficking.status).unwrap_or_default();
    s.front.status != CaseStatus::Expected
        && !matches!(status, TraffickingStatus::NotAVictim | TraffickingStatus::AtRisk)
}

/// The CTDC table of `cases` as of `today`, with what was left out and suppressed.
pub fn build(cases: &[Source<'_>], today: NaiveDate) -> (Table, Summary) {
    let mut summary = Summary { cases: cases.len(), k: kanon::K, ..Summary::default() };
    let mut rows: Vec<Vec<V>> = Vec::new();
    let mut keys: Vec<Key<4>> = Vec::new();
    for s in cases {
        if !consent::in_force(s.consents, ConsentPurpose::AnonymisedStatistics, today) {
            summary.without_consent += 1;
            continue;
        }
        if !is_victim(s) {
            summary.not_victims += 1;
            continue;
        }
        let (r, k) = row(s);
        rows.push(r);
        keys.push(k);
    }
    let (kept, done) = kanon::anonymise(&mut keys, kanon::K, SUPPRESS_ORDER);
    summary.dropped = done.dropped;
    summary.suppressed = done.cells;
    let mut table = Table::new("ctdc", "CTDC", COLUMNS.iter().map(|c| (*c).to_string()).collect());
    // Rows in a stable order that says nothing about the order of arrival.
    let mut out: Vec<(Vec<V>, Key<4>)> =
        rows.into_iter().zip(keys).zip(kept).filter(|(_, k)| *k).map(|(rk, _)| rk).collect();
    out.sort_by_key(sort_key);
    for (mut r, key) in out {
        let [g, a, c, x] = key;
        let cell = |v: Option<String>| v.map_or(V::N(UNKNOWN), V::Owned);
        for (idx, value) in [(2, cell(g)), (3, cell(a)), (7, cell(c)), (57, cell(x))] {
            if let Some(slot) = r.get_mut(idx) {
                *slot = value;
            }
        }
        table.rows.push(
            r.into_iter()
                .map(|v| match v {
                    V::N(n) => Cell::Int(n),
                    V::S(s) => Cell::text(s),
                    V::Owned(s) => Cell::Text(s),
                })
                .collect(),
        );
    }
    summary.rows = table.rows.len();
    (table, summary)
}

fn sort_key(r: &(Vec<V>, Key<4>)) -> (Option<i64>, Key<4>) {
    let year = match r.0.first() {
        Some(V::N(n)) => Some(*n),
        _ => None,
    };
    (year, r.1.clone())
}
