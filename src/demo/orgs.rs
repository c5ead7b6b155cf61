//! The referral directory: invented organisations of every type, named in
//! Russian and in English, in Moscow and in the countries people return to.

use super::people::phone;
use super::rng::Rng;
use crate::domain::country::CountryCode;
use crate::domain::ids::OrganisationId;
use crate::domain::referral::{Organisation, OrganisationType as T};
use crate::domain::service::ServiceKind as S;

/// Name, type, city, country, services of one invented organisation.
type Entry = (&'static str, T, &'static str, &'static str, &'static [S]);

/// Fictional organisations (any likeness to a real one is chance).
const DIRECTORY: &[Entry] = &[
    ("Отдел опеки и попечительства района Заречье", T::Government, "Москва", "RU", &[S::SocialSupport]),
    (
        "Northgate District Social Protection Office",
        T::Government,
        "Moscow",
        "RU",
        &[S::SocialSupport, S::ReintegrationGrant],
    ),
    ("Consular Desk of the Republic of Uzbekistan (demo)", T::Government, "Moscow", "RU", &[S::Repatriation]),
    (
        "ОВД «Светлый Бор», группа по противодействию торговле людьми",
        T::LawEnforcement,
        "Москва",
        "RU",
        &[S::LegalSupport],
    ),
    ("Riverside Anti-Trafficking Police Unit", T::LawEnforcement, "Chișinău", "MD", &[]),
    ("Линейный отдел полиции в аэропорту (демо)", T::LawEnforcement, "Москва", "RU", &[S::AirportReception]),
    ("Городская клиническая больница «Озёрная»", T::Health, "Москва", "RU", &[S::MedicalCare]),
    (
        "Центр психического здоровья «Тихая гавань»",
        T::Health,
        "Москва",
        "RU",
        &[S::PsychologicalSupport, S::MedicalCare],
    ),
    ("Lakeside Travel Medicine Service", T::Health, "Moscow", "RU", &[S::TravelMedicalEscort]),
    (
        "Центр социальной адаптации «Новый путь»",
        T::SocialSupport,
        "Москва",
        "RU",
        &[S::SocialSupport, S::ReintegrationCounselling],
    ),
    (
        "Northern Crisis Centre for Women",
        T::SocialSupport,
        "Saint Petersburg",
        "RU",
        &[S::TemporaryHousing, S::SocialSupport],
    ),
    (
        "АНО «Открытая дверь»",
        T::Ngo,
        "Москва",
        "RU",
        &[S::PsychologicalSupport, S::NgoReferral, S::ReintegrationCounselling],
    ),
    ("Общественный фонд «Мост доверия»", T::Ngo, "Бишкек", "KG", &[S::NgoReferral, S::ReintegrationCounselling]),
    ("Ҷамъияти «Чароғи умед»", T::Ngo, "Душанбе", "TJ", &[S::NgoReferral, S::PsychologicalSupport]),
    ("Hope Bridge Initiative", T::Ngo, "Benin City", "NG", &[S::NgoReferral, S::ReintegrationGrant]),
    ("Asociația «Drum Deschis» (demo)", T::Ngo, "Bălți", "MD", &[S::NgoReferral, S::ReintegrationCounselling]),
    ("Fondation Horizon Libre (demo)", T::Ngo, "Abidjan", "CI", &[S::NgoReferral]),
    ("«Yo‘l boshi» jamg‘armasi (demo)", T::Ngo, "Samarqand", "UZ", &[S::NgoReferral, S::ReintegrationGrant]),
    (
        "International Office for Safe Return (demo)",
        T::InternationalOrganisation,
        "Moscow",
        "RU",
        &[S::Repatriation, S::ReintegrationGrant],
    ),
    (
        "Transit Aid Network, Central Asia office",
        T::InternationalOrganisation,
        "Tashkent",
        "UZ",
        &[S::Repatriation, S::TravelMedicalEscort],
    ),
    ("Коллегия адвокатов «Правовой щит»", T::Legal, "Москва", "RU", &[S::LegalSupport]),
    ("Legal Aid Clinic «Lex Humana»", T::Legal, "Chișinău", "MD", &[S::LegalSupport]),
    ("Отдел по вопросам миграции «Восточный» (демо)", T::Immigration, "Москва", "RU", &[S::LegalSupport]),
    ("Airport Migration Desk, Terminal C (demo)", T::Immigration, "Moscow", "RU", &[S::AirportReception]),
    ("Благотворительная столовая «Тёплый дом»", T::Other, "Москва", "RU", &[S::SocialSupport]),
    ("Volunteer Drivers Club «Попутчик»", T::Other, "Moscow", "RU", &[S::DomesticTransport]),
];

/// The directory, with synthetic contacts.
pub fn directory(rng: &mut Rng) -> Vec<Organisation> {
    DIRECTORY
        .iter()
        .map(|(name, kind, city, country, services)| Organisation {
            id: OrganisationId::from(rng.id()),
            name: (*name).to_string(),
            kind: *kind,
            city: (*city).to_string(),
            country: CountryCode::parse(country).ok(),
            contact: format!("duty officer, {}, intake{}@example.org", phone(rng), rng.digits(2)),
            services: services.to_vec(),
            retired: false,
        })
        .collect()
}

/// The organisations of one type.
#[cfg(test)]
fn of_kind(orgs: &[Organisation], kind: T) -> Vec<&Organisation> {
    orgs.iter().filter(|o| o.kind == kind).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_at_least_two_organisations() {
        let orgs = directory(&mut Rng::new(1, "orgs"));
        for kind in T::all() {
            assert!(of_kind(&orgs, kind).len() >= 2, "{kind:?}");
        }
        assert!(orgs.iter().all(|o| o.country.is_some()));
    }
}
