//! The twelve-item services checklist of each case, filled in as far as the
//! case has come: unassessed for expected arrivals, in progress for residents
//! (some planned dates already passed), done or declined for closed files.

use chrono::NaiveDate;

use super::rng::{Rng, shift};
use crate::domain::case::CaseStatus;
use crate::domain::ids::{CaseId, ServiceItemId};
use crate::domain::money::{Currency, Money};
use crate::domain::referral::Organisation;
use crate::domain::service::{Provider, ServiceItem, ServiceKind as K, ServiceStatus as St, checklist};

/// What the checklist depends on.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts {
    /// Status today.
    pub status: CaseStatus,
    /// Arrival (expected arrival for `Expected`).
    pub arrival: NaiveDate,
    /// Departure, for people who left.
    pub left: Option<NaiveDate>,
    /// Closing day, for closed files.
    pub closed: Option<NaiveDate>,
    /// Today.
    pub today: NaiveDate,
    /// An own national (domestic transport) rather than a foreigner (repatriation).
    pub domestic: bool,
    /// Met at the airport (a pickup exists or existed).
    pub met_at_airport: bool,
    /// The person left without notice: the journey home never happened.
    pub left_without_notice: bool,
}

/// What an item ends up as before dates are filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Not,
    Needed,
    /// Planned: `true` when the planned date has already passed.
    Planned(bool),
    InProgress,
    Done,
    Declined,
    Na,
}

fn choose(rng: &mut Rng, options: &[(Step, u32)]) -> Step {
    rng.weighted(options).unwrap_or(Step::Not)
}

/// The step of one service for a case at `facts.status`.
fn step_for(kind: K, f: &CaseFacts, rng: &mut Rng) -> Step {
    use CaseStatus::*;
    use Step::*;
    let wrong_transport = matches!((kind, f.domestic), (K::Repatriation, true) | (K::DomesticTransport, false));
    if kind == K::AirportReception {
        return match (f.status, f.met_at_airport) {
            (_, false) => Na,
            (Expected, true) => Planned(false),
            _ => Done,
        };
    }
    if wrong_transport && f.status != Expected {
        return Na;
    }
    match f.status {
        Expected => match kind {
            K::TemporaryHousing => Planned(false),
            K::MedicalCare => choose(rng, &[(Needed, 40), (Not, 60)]),
            _ => Not,
        },
        Arrived => match kind {
            K::TemporaryHousing => Planned(false),
            K::MedicalCare => choose(rng, &[(Planned(false), 50), (Needed, 50)]),
            K::PsychologicalSupport => Needed,
            K::SocialSupport => choose(rng, &[(Needed, 60), (InProgress, 40)]),
            K::LegalSupport => choose(rng, &[(Needed, 50), (Not, 50)]),
            _ => Not,
        },
        InResidence => match kind {
            K::TemporaryHousing => InProgress,
            K::MedicalCare => choose(
                rng,
                &[(Done, 50), (InProgress, 20), (Planned(false), 12), (Planned(true), 8), (Declined, 5), (Needed, 5)],
            ),
            K::PsychologicalSupport => choose(
                rng,
                &[(InProgress, 45), (Planned(false), 12), (Planned(true), 8), (Needed, 15), (Declined, 10), (Done, 10)],
            ),
            K::SocialSupport => choose(rng, &[(InProgress, 50), (Done, 20), (Planned(false), 15), (Needed, 15)]),
            K::LegalSupport => choose(
                rng,
                &[(Needed, 25), (Planned(false), 12), (Planned(true), 8), (InProgress, 25), (Done, 15), (Na, 15)],
            ),
            K::DomesticTransport | K::Repatriation => {
                choose(rng, &[(Needed, 35), (Planned(false), 40), (InProgress, 15), (Not, 10)])
            }
            K::TravelMedicalEscort => choose(rng, &[(Na, 65), (Needed, 20), (Planned(false), 10), (Not, 5)]),
            K::ReintegrationGrant => choose(
                rng,
                &[(Needed, 35), (Planned(false), 25), (Planned(true), 10), (InProgress, 10), (Declined, 10), (Not, 10)],
            ),
            K::NgoReferral => choose(rng, &[(Not, 30), (Needed, 30), (Planned(false), 25), (Declined, 5), (Na, 10)]),
            K::ReintegrationCounselling => {
                choose(rng, &[(InProgress, 40), (Planned(false), 20), (Planned(true), 10), (Not, 20), (Declined, 10)])
            }
            K::AirportReception => Done,
        },
        Departed => match kind {
            K::TemporaryHousing => Done,
            K::MedicalCare => choose(rng, &[(Done, 85), (Declined, 10), (Na, 5)]),
            K::PsychologicalSupport => choose(rng, &[(Done, 60), (InProgress, 20), (Declined, 20)]),
            K::SocialSupport => choose(rng, &[(Done, 80), (InProgress, 20)]),
            K::LegalSupport => choose(rng, &[(Done, 40), (InProgress, 25), (Na, 25), (Declined, 10)]),
            K::DomesticTransport | K::Repatriation => choose(rng, &[(Done, 90), (Declined, 10)]),
            K::TravelMedicalEscort => choose(rng, &[(Na, 75), (Done, 25)]),
            K::ReintegrationGrant => choose(rng, &[(Done, 55), (InProgress, 15), (Planned(true), 15), (Declined, 15)]),
            K::NgoReferral => {
                choose(rng, &[(Done, 30), (InProgress, 30), (Planned(true), 12), (Planned(false), 13), (Declined, 15)])
            }
            K::ReintegrationCounselling => choose(rng, &[(Done, 50), (InProgress, 30), (Declined, 20)]),
            K::AirportReception => Done,
        },
        Closed | ClosedReferred => match kind {
            K::TemporaryHousing => Done,
            K::MedicalCare => choose(rng, &[(Done, 85), (Declined, 15)]),
            K::PsychologicalSupport => choose(rng, &[(Done, 65), (Declined, 35)]),
            K::SocialSupport => Done,
            K::LegalSupport => choose(rng, &[(Done, 40), (Na, 45), (Declined, 15)]),
            K::DomesticTransport | K::Repatriation if f.left_without_notice => Na,
            K::DomesticTransport | K::Repatriation => choose(rng, &[(Done, 92), (Declined, 8)]),
            K::TravelMedicalEscort => choose(rng, &[(Na, 80), (Done, 20)]),
            K::ReintegrationGrant if f.left_without_notice => Na,
            K::ReintegrationGrant => choose(rng, &[(Done, 60), (Declined, 25), (Na, 15)]),
            K::NgoReferral if f.status == ClosedReferred => Done,
            K::NgoReferral => choose(rng, &[(Done, 40), (Declined, 30), (Na, 30)]),
            K::ReintegrationCounselling => choose(rng, &[(Done, 60), (Declined, 25), (Na, 15)]),
            K::AirportReception => Done,
        },
    }
}

/// A day between `from` and `to` (inclusive), never after `today`.
fn between(rng: &mut Rng, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> NaiveDate {
    let to = to.min(today).max(from);
    shift(from, rng.range(0, (to - from).num_days()))
}

/// When a service was (or will be) done, by kind and the case's dates.
fn done_day(kind: K, f: &CaseFacts, rng: &mut Rng) -> NaiveDate {
    let end = f.left.unwrap_or(f.today);
    match kind {
        K::AirportReception => f.arrival,
        K::TemporaryHousing | K::DomesticTransport | K::Repatriation | K::TravelMedicalEscort => end.min(f.today),
        K::ReintegrationGrant | K::NgoReferral => {
            let last = f.closed.unwrap_or(f.today);
            between(rng, end, shift(end, 20).min(last), f.today)
        }
        K::MedicalCare => between(rng, f.arrival, shift(f.arrival, 4), f.today),
        _ => between(rng, f.arrival, end, f.today),
    }
}

/// Which organisation provides a service, if not the centre itself.
fn provider(kind: K, orgs: &[Organisation], rng: &mut Rng) -> Provider {
    let percent = match kind {
        K::NgoReferral => 100,
        K::Repatriation => 70,
        K::TravelMedicalEscort => 60,
        K::MedicalCare | K::LegalSupport => 50,
        K::PsychologicalSupport | K::ReintegrationCounselling => 40,
        K::SocialSupport | K::ReintegrationGrant => 30,
        K::DomesticTransport => 15,
        K::AirportReception | K::TemporaryHousing => 0,
    };
    if !rng.chance(percent) {
        return Provider::Internal;
    }
    let offering: Vec<&Organisation> = orgs.iter().filter(|o| o.services.contains(&kind)).collect();
    rng.pick(&offering).map_or(Provider::Internal, |o| Provider::Organisation(o.id))
}

/// A reintegration grant: 15 000–75 000 RUB in steps of 5 000.
fn grant(rng: &mut Rng) -> Money {
    Money::new(rng.range(3, 15) * 5_000 * 100, Currency::RUB)
}

/// The case's checklist, every item at the stage the case has reached.
pub fn checklist_for(case_id: CaseId, f: &CaseFacts, orgs: &[Organisation], rng: &mut Rng) -> Vec<ServiceItem> {
    let mut items = checklist(case_id, || ServiceItemId::from(rng.id()));
    for item in &mut items {
        let step = step_for(item.kind, f, rng);
        match step {
            Step::Not => {}
            Step::Needed => item.status = St::Needed,
            Step::Planned(overdue) => {
                item.status = St::Planned;
                let day = match item.kind {
                    K::AirportReception | K::TemporaryHousing if f.status == CaseStatus::Expected => f.arrival,
                    K::TemporaryHousing => f.today,
                    _ if overdue => shift(f.today, -rng.range(1, 9)),
                    _ => shift(f.today, rng.range(1, 21)),
                };
                item.planned_on = Some(day);
                if overdue {
                    item.note = "date passed, to be rebooked".into();
                }
            }
            Step::InProgress => {
                item.status = St::InProgress;
                item.planned_on = Some(between(rng, f.arrival, f.today, f.today));
            }
            Step::Done => {
                let day = done_day(item.kind, f, rng);
                item.status = St::Done;
                item.planned_on = Some(day);
                item.done_on = Some(day);
            }
            Step::Declined => {
                item.status = St::Declined;
                item.note = "declined by the person".into();
            }
            Step::Na => item.status = St::NotApplicable,
        }
        if matches!(step, Step::Planned(_) | Step::InProgress | Step::Done) {
            item.provider = provider(item.kind, orgs, rng);
        }
        if item.kind.has_amount()
            && (matches!(item.status, St::Planned | St::InProgress | St::Done)
                || (item.status == St::Needed && rng.chance(30)))
        {
            item.amount = Some(grant(rng));
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;
    use crate::domain::service::validate_service;

    #[test]
    fn every_stage_gives_valid_items() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut rng = Rng::new(3, "services");
        let orgs = super::super::orgs::directory(&mut rng);
        let mut seen = std::collections::HashSet::new();
        for status in CaseStatus::all() {
            for n in 0..40 {
                let (arrival, left, closed) = match status {
                    CaseStatus::Expected => (shift(today, 1), None, None),
                    CaseStatus::Arrived => (today, None, None),
                    CaseStatus::InResidence => (shift(today, -20), None, None),
                    CaseStatus::Departed => (shift(today, -40), Some(shift(today, -10)), None),
                    _ => (shift(today, -90), Some(shift(today, -50)), Some(shift(today, -40))),
                };
                let f = CaseFacts {
                    status,
                    arrival,
                    left,
                    closed,
                    today,
                    domestic: n % 3 == 0,
                    met_at_airport: n % 4 != 0,
                    left_without_notice: n % 7 == 0,
                };
                let items = checklist_for(CaseId(Id([1; 16])), &f, &orgs, &mut rng);
                assert_eq!(items.len(), 12);
                for i in &items {
                    assert_eq!(validate_service(i), Ok(()), "{status:?} {:?}", i.kind);
                    assert!(i.done_on.is_none_or(|d| d <= today));
                    seen.insert(i.status);
                }
            }
        }
        assert_eq!(seen.len(), St::all().count(), "every status occurs");
    }
}
