//! What ties a case to the world outside: who referred the person, where the
//! centre referred them (with the consent that covers it), the journey home,
//! and a few dated notes.

use chrono::NaiveDate;

use super::rng::{Rng, shift};
use crate::domain::case::{CaseFront, CasePrivate, CaseStatus, MedicalNote, MedicalNoteKind, Note};
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::ids::{ConsentId, MedicalNoteId, NoteId, ReferralId, TravelId};
use crate::domain::person::AgeGroup;
use crate::domain::referral::{
    Direction, Organisation, OrganisationType as T, Referral, ReferralReason, ReferralStatus,
};
use crate::domain::service::{ServiceItem, ServiceKind as K, ServiceStatus};
use crate::domain::travel::{Escort, Travel, TravelKind, TravelMode};

/// Referrals and consents of one case.
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// Incoming and outgoing referrals.
    pub referrals: Vec<Referral>,
    /// Consents and refusals.
    pub consents: Vec<Consent>,
}

fn org_of<'o>(orgs: &'o [Organisation], kinds: &[(T, u32)], rng: &mut Rng) -> Option<&'o Organisation> {
    let kind = rng.weighted(kinds)?;
    let of: Vec<&Organisation> = orgs.iter().filter(|o| o.kind == kind).collect();
    rng.pick(&of).copied()
}

/// Who recorded consents in the demo.
const RECORDER: &str = "caseworker";

/// Referrals in and out, with consents that cover the outgoing ones.
pub fn links(
    front: &CaseFront,
    private: &mut CasePrivate,
    registered: NaiveDate,
    left: Option<NaiveDate>,
    today: NaiveDate,
    orgs: &[Organisation],
    rng: &mut Rng,
) -> Links {
    let mut out = Links::default();
    let status = front.status;
    let arrival = front.arrived_on.unwrap_or(registered);

    if rng.chance(85) {
        let from = org_of(
            orgs,
            &[
                (T::LawEnforcement, 30),
                (T::InternationalOrganisation, 25),
                (T::Ngo, 25),
                (T::Government, 10),
                (T::Immigration, 10),
            ],
            rng,
        );
        if let Some(org) = from {
            let id = ReferralId::from(rng.id());
            out.referrals.push(Referral {
                id,
                case_id: front.id,
                direction: Direction::In,
                organisation: org.id,
                date: registered,
                reason: rng
                    .weighted(&[
                        (ReferralReason::AdditionalServicesRequired, 70),
                        (ReferralReason::MigrationOrChangeOfLocation, 25),
                        (ReferralReason::Other, 5),
                    ])
                    .unwrap_or(ReferralReason::AdditionalServicesRequired),
                services: vec![K::AirportReception, K::TemporaryHousing],
                status: if status.is_closed() || status == CaseStatus::Departed {
                    ReferralStatus::Completed
                } else {
                    ReferralStatus::Accepted
                },
                follow_up: None,
                consent: None,
                override_reason: None,
            });
            private.incoming_referral = Some(id);
        }
    }
    if status == CaseStatus::Expected {
        return out;
    }

    out.consents.push(Consent {
        id: ConsentId::from(rng.id()),
        case_id: front.id,
        purpose: ConsentPurpose::DataProcessing,
        given: true,
        date: arrival,
        recorded_by: RECORDER.into(),
        withdrawn_on: None,
    });
    let given = rng.chance(80);
    let withdrawn =
        (given && arrival < today && rng.chance(6)).then(|| shift(arrival, rng.range(1, (today - arrival).num_days())));
    out.consents.push(Consent {
        id: ConsentId::from(rng.id()),
        case_id: front.id,
        purpose: ConsentPurpose::AnonymisedStatistics,
        given,
        date: arrival,
        recorded_by: RECORDER.into(),
        withdrawn_on: withdrawn,
    });

    let (chance, kinds, services): (u64, &[(T, u32)], &[K]) = match status {
        CaseStatus::InResidence => (35, &[(T::Health, 50), (T::Legal, 35), (T::SocialSupport, 15)], &[K::MedicalCare]),
        CaseStatus::Departed => (70, &[(T::Ngo, 80), (T::SocialSupport, 20)], &[K::NgoReferral]),
        CaseStatus::Closed => (40, &[(T::Ngo, 60), (T::SocialSupport, 30), (T::Other, 10)], &[K::NgoReferral]),
        CaseStatus::ClosedReferred => (100, &[(T::Ngo, 90), (T::InternationalOrganisation, 10)], &[K::NgoReferral]),
        CaseStatus::Arrived | CaseStatus::Expected => (0, &[], &[]),
    };
    if !rng.chance(chance) {
        return out;
    }
    let Some(org) = org_of(orgs, kinds, rng) else {
        return out;
    };
    let end = left.unwrap_or(today);
    let date = shift(arrival, rng.range(1, (end - arrival).num_days().max(1))).min(today);
    let minor = front.effective_age_group(date) == AgeGroup::Minor;
    // A child at risk may be reported to the guardianship authority without consent.
    let consent_needed = !(minor && rng.chance(30));
    let mut consent_id = None;
    let mut revoked = false;
    if consent_needed {
        let withdrawn = (rng.chance(8) && date < today).then(|| shift(date, rng.range(1, 10)).min(today));
        revoked = withdrawn.is_some();
        let c = Consent {
            id: ConsentId::from(rng.id()),
            case_id: front.id,
            purpose: ConsentPurpose::SharingWith(org.id),
            given: true,
            date: shift(date, -rng.range(0, 2)).max(arrival),
            recorded_by: RECORDER.into(),
            withdrawn_on: withdrawn,
        };
        consent_id = Some(c.id);
        out.consents.push(c);
    }
    let referral_status = if revoked {
        ReferralStatus::Revoked
    } else {
        match status {
            CaseStatus::InResidence => rng.weighted(&[(ReferralStatus::Sent, 40), (ReferralStatus::Accepted, 60)]),
            CaseStatus::Departed => rng.weighted(&[
                (ReferralStatus::Sent, 20),
                (ReferralStatus::Accepted, 50),
                (ReferralStatus::Completed, 20),
                (ReferralStatus::Rejected, 10),
            ]),
            _ => rng.weighted(&[(ReferralStatus::Completed, 85), (ReferralStatus::Rejected, 15)]),
        }
        .unwrap_or(ReferralStatus::Sent)
    };
    out.referrals.push(Referral {
        id: ReferralId::from(rng.id()),
        case_id: front.id,
        direction: Direction::Out,
        organisation: org.id,
        date,
        reason: if status == CaseStatus::InResidence {
            ReferralReason::AdditionalServicesRequired
        } else {
            ReferralReason::MigrationOrChangeOfLocation
        },
        services: services.to_vec(),
        status: referral_status,
        follow_up: referral_status.is_open().then(|| shift(today, rng.range(-4, 14))),
        consent: consent_id,
        override_reason: (!consent_needed).then(|| "child protection: guardianship authority informed".to_string()),
    });
    out
}

/// The journey home that the checklist's transport item describes, if it is
/// planned, under way or done.
pub fn travel(
    front: &CaseFront,
    private: &CasePrivate,
    items: &[ServiceItem],
    today: NaiveDate,
    rng: &mut Rng,
) -> Option<Travel> {
    let transport = items.iter().find(|i| {
        matches!(i.kind, K::DomesticTransport | K::Repatriation)
            && matches!(i.status, ServiceStatus::Planned | ServiceStatus::InProgress | ServiceStatus::Done)
    })?;
    let kind = if transport.kind == K::DomesticTransport { TravelKind::Domestic } else { TravelKind::Repatriation };
    let medical = items
        .iter()
        .any(|i| i.kind == K::TravelMedicalEscort && matches!(i.status, ServiceStatus::Planned | ServiceStatus::Done));
    let mode = match kind {
        TravelKind::Domestic => rng.weighted(&[(TravelMode::Rail, 60), (TravelMode::Road, 20), (TravelMode::Air, 20)]),
        TravelKind::Repatriation => {
            rng.weighted(&[(TravelMode::Air, 85), (TravelMode::Road, 8), (TravelMode::Rail, 5), (TravelMode::Other, 2)])
        }
    }
    .unwrap_or(TravelMode::Air);
    let done = transport.status == ServiceStatus::Done;
    let date = match transport.status {
        ServiceStatus::Done => transport.done_on,
        ServiceStatus::Planned => transport.planned_on,
        _ => Some(shift(today, rng.range(1, 10))),
    };
    let ticket = match mode {
        TravelMode::Air => format!(
            "PNR {}{}{}{}{}{}",
            rng.letter(),
            rng.digits(1),
            rng.letter(),
            rng.letter(),
            rng.digits(1),
            rng.letter()
        ),
        TravelMode::Rail => format!("№ {} {} {}", rng.digits(2), rng.digits(6), rng.digits(6)),
        TravelMode::Road => format!("bus, seat {}", rng.range(1, 48)),
        TravelMode::Other => String::new(),
    };
    let ticket = if !done && rng.chance(30) { String::new() } else { ticket };
    Some(Travel {
        id: TravelId::from(rng.id()),
        case_id: front.id,
        kind,
        destination: private.place_of_origin.clone(),
        country: private.citizenship.first().copied(),
        mode,
        date,
        ticket,
        escort: if medical {
            Escort::Medical
        } else if rng.chance(25) {
            Escort::Staff
        } else {
            Escort::None
        },
        documents_ready: done || rng.chance(55),
        completed_on: if done { date } else { None },
    })
}

const NOTES: &[&str] = &[
    "Settled in, received a hygiene kit and clothes.",
    "Прибыла поздно вечером, ужин, отдых.",
    "Call with the consulate about a travel document; waiting for a reply.",
    "Attended the group art session.",
    "Повторная консультация юриста назначена на следующую неделю.",
    "Asked to call family; call made from the centre phone.",
    "Interpreter booked for Thursday.",
    "Follow-up call after return: doing well, looking for work.",
    "Не вышел на связь после отъезда, повторить звонок через неделю.",
    "Prefers to speak with a female staff member.",
];

const MEDICAL: &[(MedicalNoteKind, &str)] = &[
    (MedicalNoteKind::Medical, "GP check-up: no acute complaints; follow-up in two weeks."),
    (MedicalNoteKind::Medical, "Осмотр терапевта: назначены анализы, повторный приём через 10 дней."),
    (MedicalNoteKind::Psychological, "First session: poor sleep; weekly sessions agreed."),
    (MedicalNoteKind::Psychological, "Первичная консультация психолога: тревожность, встречи раз в неделю."),
];

/// A few dated notes (residents get more), in the period the person was here.
pub fn notes(
    front: &CaseFront,
    left: Option<NaiveDate>,
    today: NaiveDate,
    rng: &mut Rng,
) -> (Vec<Note>, Vec<MedicalNote>) {
    let Some(arrival) = front.arrived_on else {
        return (Vec::new(), Vec::new());
    };
    let end = left.unwrap_or(today);
    let span = (end - arrival).num_days().max(0);
    let count = match front.status {
        CaseStatus::InResidence => rng.range(1, 3),
        CaseStatus::Arrived => 1,
        _ if rng.chance(25) => 1,
        _ => 0,
    };
    let notes = (0..count)
        .map(|_| Note {
            id: NoteId::from(rng.id()),
            case_id: front.id,
            date: shift(arrival, rng.range(0, span)),
            text: rng.pick(NOTES).copied().unwrap_or_default().to_string(),
        })
        .collect();
    let mut medical = Vec::new();
    if front.status == CaseStatus::InResidence && rng.chance(35) {
        let (kind, text) = rng.pick_or(MEDICAL, (MedicalNoteKind::Medical, ""));
        medical.push(MedicalNote {
            id: MedicalNoteId::from(rng.id()),
            case_id: front.id,
            date: shift(arrival, rng.range(0, span.min(5))),
            kind,
            text: text.to_string(),
        });
    }
    (notes, medical)
}

/// Makes sure the demo shows a withdrawn consent and the referral it revoked:
/// withdraws the consent covering one of the case's past outgoing referrals.
pub fn ensure_a_withdrawal(referrals: &mut [Referral], consents: &mut [Consent], today: NaiveDate) -> bool {
    for r in referrals.iter_mut().filter(|r| r.direction == Direction::Out && r.date < today) {
        let Some(c) = consents.iter_mut().find(|c| Some(c.id) == r.consent) else {
            continue;
        };
        c.withdrawn_on = Some(shift(r.date, 1));
        r.status = ReferralStatus::Revoked;
        r.follow_up = None;
        return true;
    }
    false
}
