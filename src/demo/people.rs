//! One invented person: the front of the case (alias, gender, age, languages)
//! and the private file (names, documents, contacts, trafficking profile).

use chrono::{Datelike, NaiveDate};

use super::names::{self, NATIONALITIES, Nationality};
use super::rng::{Rng, shift};
use crate::domain::case::{
    CaseFront, CasePrivate, CaseStatus, Contact, ContactKind, DecidingOrganisation, Document, DocumentKind,
    DocumentLocation, ExploitationType as E, MeansOfControl as M, RecruiterRelation, RecruitmentMethod,
    TraffickingProfile, TraffickingStatus,
};
use crate::domain::case_code::CaseCode;
use crate::domain::country::CountryCode;
use crate::domain::ids::CaseId;
use crate::domain::person::{AgeBasis, AgeGroup, Gender};
use crate::domain::rooms::Wing;

/// How old the person should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeKind {
    /// 6–12, with a parent in the family wing.
    Child,
    /// 13–17.
    Teen,
    /// 18 and over.
    Adult,
}

/// Who the person should be so that they fit a bed, or anyone at all.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Gender.
    pub gender: Gender,
    /// Age kind.
    pub age: AgeKind,
}

/// A person who may sleep in `wing` (or anyone, for people without a bed).
pub fn spec_for(wing: Option<Wing>, rng: &mut Rng) -> Spec {
    use Gender::*;
    let (gender, age) = match wing {
        Some(Wing::Women) => (rng.weighted(&[(Feminine, 90), (TransgenderFeminine, 10)]), AgeKind::Adult),
        Some(Wing::Men) => (rng.weighted(&[(Masculine, 92), (TransgenderMasculine, 8)]), AgeKind::Adult),
        Some(Wing::Minors) => (rng.weighted(&[(Feminine, 55), (Masculine, 45)]), AgeKind::Teen),
        Some(Wing::Family) => {
            let age = rng.weighted(&[(AgeKind::Adult, 60), (AgeKind::Child, 40)]).unwrap_or(AgeKind::Adult);
            let g = if age == AgeKind::Adult {
                rng.weighted(&[(Feminine, 85), (Masculine, 15)])
            } else {
                rng.weighted(&[(Feminine, 50), (Masculine, 50)])
            };
            (g, age)
        }
        Some(Wing::Any) => (
            rng.weighted(&[
                (NonConforming, 25),
                (NonSpecifiedUnknown, 20),
                (Feminine, 25),
                (Masculine, 15),
                (TransgenderFeminine, 10),
                (TransgenderMasculine, 5),
            ]),
            AgeKind::Adult,
        ),
        None => (
            rng.weighted(&[
                (Feminine, 62),
                (Masculine, 30),
                (TransgenderFeminine, 2),
                (TransgenderMasculine, 1),
                (NonConforming, 2),
                (NonSpecifiedUnknown, 3),
            ]),
            rng.weighted(&[(AgeKind::Adult, 88), (AgeKind::Teen, 9), (AgeKind::Child, 3)]).unwrap_or(AgeKind::Adult),
        ),
    };
    Spec { gender: gender.unwrap_or(Feminine), age }
}

/// A generated person, with the facts later steps need.
#[derive(Debug, Clone)]
pub struct Person {
    /// Front part (its code is a placeholder until the store numbers it).
    pub front: CaseFront,
    /// Private file.
    pub private: CasePrivate,
    /// Where they come from.
    pub nationality: &'static Nationality,
}

fn nationality(rng: &mut Rng) -> &'static Nationality {
    let weights: Vec<(usize, u32)> = NATIONALITIES.iter().enumerate().map(|(i, n)| (i, n.weight)).collect();
    let i = rng.weighted(&weights).unwrap_or(0);
    NATIONALITIES.get(i).unwrap_or(&NATIONALITIES[0])
}

fn feminine_names(gender: Gender, rng: &mut Rng) -> bool {
    match gender {
        Gender::Feminine | Gender::TransgenderFeminine => true,
        Gender::Masculine | Gender::TransgenderMasculine => false,
        Gender::NonConforming | Gender::NonSpecifiedUnknown => rng.chance(60),
    }
}

fn pick_str(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    rng.pick(items).copied().unwrap_or("")
}

/// `day` minus `years` years (29 February falls back to 28).
fn years_before(day: NaiveDate, years: u32) -> NaiveDate {
    let y = day.year() - i32::try_from(years).unwrap_or(0);
    day.with_year(y).or_else(|| shift(day, -1).with_year(y)).unwrap_or(day)
}

/// What we know of the age: mostly a date of birth, sometimes an estimate.
/// `reference` is the day the age must hold on (today for residents, so
/// wing rules hold today; the arrival day otherwise).
fn age_basis(spec: Spec, reference: NaiveDate, arrival: NaiveDate, rng: &mut Rng) -> (AgeBasis, AgeGroup) {
    let years = match spec.age {
        AgeKind::Child => rng.range(6, 12),
        AgeKind::Teen => rng.range(13, 17),
        AgeKind::Adult => match rng.below(10) {
            0..=5 => rng.range(19, 29),
            6..=8 => rng.range(30, 44),
            _ => rng.range(45, 58),
        },
    };
    let years = u32::try_from(years).unwrap_or(18);
    let group = AgeGroup::of_age(years);
    let roll = rng.below(100);
    // An estimate made on arrival grows with time: keep a 17-year-old resident's
    // estimate a year lower so they are still a minor today.
    if roll < 22 && (years <= 16 || spec.age == AgeKind::Adult) {
        let est = u8::try_from(years).unwrap_or(18);
        return (AgeBasis::Estimated { years: est, on: arrival.min(reference) }, group);
    }
    if roll >= 96 && spec.age == AgeKind::Adult {
        return (AgeBasis::Unknown, if rng.chance(50) { AgeGroup::Adult } else { AgeGroup::Unknown });
    }
    let dob = shift(years_before(reference, years), -rng.range(1, 360));
    (AgeBasis::DateOfBirth(dob), group)
}

fn documents(n: &Nationality, spec: Spec, arrival: NaiveDate, rng: &mut Rng) -> (Vec<Document>, bool) {
    let country = CountryCode::parse(n.country).ok();
    let mut docs = Vec::new();
    let location = rng
        .weighted(&[
            (DocumentLocation::WithPerson, 38),
            (DocumentLocation::HeldByCentre, 25),
            (DocumentLocation::HeldByTrafficker, 22),
            (DocumentLocation::Lost, 11),
            (DocumentLocation::Unknown, 4),
        ])
        .unwrap_or(DocumentLocation::WithPerson);
    let missing = matches!(location, DocumentLocation::HeldByTrafficker | DocumentLocation::Lost);
    if spec.age != AgeKind::Child || rng.chance(40) {
        let issued = shift(arrival, -rng.range(120, 3900));
        docs.push(Document {
            kind: DocumentKind::Passport,
            number: names::passport_number(n.passport, rng),
            issuing_country: country,
            issued_on: Some(issued),
            expires_on: Some(shift(issued, 3652)),
            location,
        });
    }
    if spec.age != AgeKind::Adult {
        docs.push(Document {
            kind: DocumentKind::BirthCertificate,
            number: format!("{}-{}", rng.letter(), rng.digits(6)),
            issuing_country: country,
            issued_on: None,
            expires_on: None,
            location: DocumentLocation::HeldByCentre,
        });
    }
    if missing && !n.is_domestic() && rng.chance(50) {
        // An emergency travel document from the consulate, kept in the safe.
        let issued = shift(arrival, rng.range(2, 20));
        docs.push(Document {
            kind: DocumentKind::TravelDocument,
            number: format!("TD{}", rng.digits(7)),
            issuing_country: country,
            issued_on: Some(issued),
            expires_on: Some(shift(issued, 90)),
            location: DocumentLocation::HeldByCentre,
        });
    }
    (docs, missing)
}

/// A synthetic phone number in a range no subscriber has.
pub fn phone(rng: &mut Rng) -> String {
    format!("+7 900 000-{}-{}", rng.digits(2), rng.digits(2))
}

fn contacts(rng: &mut Rng) -> Vec<Contact> {
    let mut out = Vec::new();
    if rng.chance(55) {
        out.push(Contact { kind: ContactKind::Phone, value: phone(rng), note: "new SIM from the centre".into() });
    }
    if rng.chance(35) {
        let who = pick_str(rng, &["mother", "sister", "brother", "aunt", "grandmother"]);
        let value = if rng.chance(50) { phone(rng) } else { format!("555-01{}", rng.digits(2)) };
        out.push(Contact { kind: ContactKind::Relative, value, note: format!("{who}; only after 18:00") });
    }
    if rng.chance(15) {
        out.push(Contact {
            kind: ContactKind::Email,
            value: format!("person{}@example.org", rng.digits(5)),
            note: String::new(),
        });
    }
    out
}

fn trafficking(n: &Nationality, spec: Spec, docs_withheld: bool, rng: &mut Rng) -> TraffickingProfile {
    let feminine = matches!(spec.gender, Gender::Feminine | Gender::TransgenderFeminine);
    let main = match (spec.age, feminine) {
        (AgeKind::Adult, true) => rng.weighted(&[
            (E::SexualExploitation, 45),
            (E::ForcedLabour, 28),
            (E::DomesticServitude, 15),
            (E::ForcedMarriage, 6),
            (E::Begging, 3),
            (E::Other, 3),
        ]),
        (AgeKind::Adult, false) => rng.weighted(&[
            (E::ForcedLabour, 75),
            (E::ForcedCriminality, 12),
            (E::Begging, 6),
            (E::SexualExploitation, 4),
            (E::OrganRemoval, 1),
            (E::Other, 2),
        ]),
        (AgeKind::Child, _) => rng.weighted(&[(E::Begging, 60), (E::ForcedLabour, 20), (E::DomesticServitude, 20)]),
        (AgeKind::Teen, _) => rng.weighted(&[
            (E::Begging, 30),
            (E::SexualExploitation, 25),
            (E::ForcedCriminality, 20),
            (E::ForcedLabour, 15),
            (E::DomesticServitude, 10),
        ]),
    }
    .unwrap_or(E::ForcedLabour);
    let mut exploitation = vec![main];
    if rng.chance(15) && spec.age != AgeKind::Child {
        let second = rng.pick_or(&[E::ForcedLabour, E::DomesticServitude, E::SexualExploitation, E::Begging], main);
        if second != main {
            exploitation.push(second);
        }
    }
    let pool = [
        M::DebtBondage,
        M::TakesEarnings,
        M::RestrictsFinancialAccess,
        M::ThreatsOfViolence,
        M::PsychologicalAbuse,
        M::PhysicalAbuse,
        M::FalsePromises,
        M::PsychoactiveSubstances,
        M::RestrictsMovement,
        M::RestrictsMedicalCare,
        M::ExcessiveWorkingHours,
        M::ThreatensFamily,
        M::ThreatOfLawEnforcement,
        M::WithholdsNecessities,
    ];
    let k = usize::try_from(rng.range(2, 5)).unwrap_or(2);
    let mut means = rng.sample(&pool, k);
    if docs_withheld {
        means.push(M::WithholdsDocuments);
    }
    if main == E::SexualExploitation && rng.chance(50) {
        means.push(M::SexualAbuse);
    }
    if spec.age == AgeKind::Adult && feminine && rng.chance(8) {
        means.push(M::UsesChildren);
    }
    means.sort();
    means.dedup();
    let exploited_in: &[&str] =
        if n.is_domestic() { &["TR", "AE", "TH", "CY", "RU"] } else { &["RU", "RU", "RU", "TR"] };
    let country: Vec<CountryCode> =
        rng.pick(exploited_in).and_then(|c| CountryCode::parse(c).ok()).into_iter().collect();
    TraffickingProfile {
        status: rng
            .weighted(&[
                (TraffickingStatus::PresumedVictim, 45),
                (TraffickingStatus::ConfirmedVictim, 40),
                (TraffickingStatus::AtRisk, 8),
                (TraffickingStatus::Unknown, 6),
                (TraffickingStatus::NotAVictim, 1),
            ])
            .unwrap_or(TraffickingStatus::PresumedVictim),
        decided_by: rng.weighted(&[
            (DecidingOrganisation::Centre, 35),
            (DecidingOrganisation::LawEnforcement, 25),
            (DecidingOrganisation::Ngo, 15),
            (DecidingOrganisation::InternationalOrganisation, 15),
            (DecidingOrganisation::Government, 8),
            (DecidingOrganisation::Other, 2),
        ]),
        exploitation,
        means_of_control: means,
        relationship: rng.weighted(&[
            (RecruiterRelation::Friend, 25),
            (RecruiterRelation::Other, 30),
            (RecruiterRelation::Family, 10),
            (RecruiterRelation::IntimatePartner, 15),
            (RecruiterRelation::Unknown, 20),
        ]),
        recruitment: rng.weighted(&[
            (RecruitmentMethod::JobOffer, 45),
            (RecruitmentMethod::Online, 20),
            (RecruitmentMethod::Acquaintance, 15),
            (RecruitmentMethod::Marriage, 6),
            (RecruitmentMethod::Abduction, 3),
            (RecruitmentMethod::Other, 4),
            (RecruitmentMethod::Unknown, 7),
        ]),
        country_of_exploitation: country,
    }
}

/// An alias: a word in the person's script, or invented initials.
pub fn alias(n: &Nationality, rng: &mut Rng) -> String {
    let cyrillic = n.given_f.first().is_some_and(|g| g.chars().next().is_some_and(|c| ('Ѐ'..='ӿ').contains(&c)));
    if rng.chance(15) {
        return format!("{}.{}.", rng.letter(), rng.letter());
    }
    let pool = if cyrillic { names::ALIASES_CYRILLIC } else { names::ALIASES_LATIN };
    pick_str(rng, pool).to_string()
}

const SPECIAL_NEEDS: &[&str] = &[
    "diabetic diet",
    "halal food",
    "vegetarian",
    "pregnant, second trimester",
    "needs glasses, lost on the way",
    "afraid of the dark: night light",
    "asthma inhaler",
    "ground floor preferred",
];

/// Builds a person for a slot: `spec` decides who they are, `reference` the
/// day the age is measured on.
pub fn person(
    rng: &mut Rng,
    centre: &str,
    status: CaseStatus,
    arrival: NaiveDate,
    reference: NaiveDate,
    spec: Spec,
    accessible_bed: bool,
) -> Person {
    let n = nationality(rng);
    let id = CaseId::from(rng.id());
    let fem = feminine_names(spec.gender, rng);
    let (given, family, patronymic) =
        if fem { (n.given_f, n.family_f, n.patronymic_f) } else { (n.given_m, n.family_m, n.patronymic_m) };
    let (age, age_group) = age_basis(spec, reference, arrival, rng);
    let mut private = CasePrivate::new(id);
    private.given_names = pick_str(rng, given).to_string();
    private.family_name = pick_str(rng, family).to_string();
    private.patronymic =
        if spec.age == AgeKind::Child && rng.chance(30) { "" } else { pick_str(rng, patronymic) }.into();
    private.refresh_latin();
    private.date_of_birth = match age {
        AgeBasis::DateOfBirth(d) => Some(d),
        _ => None,
    };
    private.citizenship = CountryCode::parse(n.country).ok().into_iter().collect();
    if rng.chance(3) && !n.is_domestic() {
        private.citizenship.extend(CountryCode::parse("RU").ok());
    }
    private.place_of_origin = pick_str(rng, n.towns).to_string();
    let (docs, missing) = documents(n, spec, arrival, rng);
    private.documents = docs;
    private.contacts = contacts(rng);
    private.trafficking = trafficking(n, spec, missing, rng);

    let languages: Vec<String> =
        rng.pick(n.languages).map(|l| l.iter().map(|s| (*s).to_string()).collect()).unwrap_or_default();
    let speaks_staff_language =
        languages.iter().any(|l| l == "ru") || (languages.iter().any(|l| l == "en") && rng.chance(60));
    let mut special = String::new();
    if accessible_bed && rng.chance(45) {
        special = "wheelchair user".into();
    } else if rng.chance(12) {
        special = pick_str(rng, SPECIAL_NEEDS).into();
    }
    let front = CaseFront {
        id,
        code: CaseCode { centre: centre.to_string(), year: 0, seq: 0 },
        alias: alias(n, rng),
        gender: spec.gender,
        age,
        age_group,
        languages,
        interpreter_needed: !speaks_staff_language,
        special_needs: special,
        status,
        high_risk: rng.chance(15),
        arrived_on: (status != CaseStatus::Expected).then_some(arrival),
        worker: Some(if rng.chance(75) { "caseworker" } else { "demo" }.to_string()),
    };
    Person { front, private, nationality: n }
}

/// Gives a feminine Russian-speaking person one of the names the search demo
/// needs (Юлия, Наталья, Щукина), keeping everything else.
pub fn give_search_demo_name(p: &mut Person, which: usize, rng: &mut Rng) {
    let Some((family, given, patronymic)) = names::SEARCH_DEMO_NAMES.get(which % names::SEARCH_DEMO_NAMES.len()) else {
        return;
    };
    let Some(ru) = NATIONALITIES.iter().find(|n| n.country == "RU") else {
        return;
    };
    p.nationality = ru;
    p.private.family_name = (*family).into();
    p.private.given_names = (*given).into();
    p.private.patronymic = (*patronymic).into();
    p.private.refresh_latin();
    p.private.citizenship = CountryCode::parse("RU").ok().into_iter().collect();
    p.front.languages = vec!["ru".into()];
    p.front.interpreter_needed = false;
    p.private.place_of_origin = pick_str(rng, ru.towns).to_string();
    for d in &mut p.private.documents {
        d.issuing_country = CountryCode::parse("RU").ok();
        if d.kind == DocumentKind::Passport {
            d.number = names::passport_number(ru.passport, rng);
        }
    }
    // Russian nationals need no emergency travel document from a consulate.
    p.private.documents.retain(|d| d.kind != DocumentKind::TravelDocument);
    if !p.private.trafficking.country_of_exploitation.iter().any(|c| c.as_str() != "RU") {
        p.private.trafficking.country_of_exploitation = CountryCode::parse("TR").ok().into_iter().collect();
    }
}
