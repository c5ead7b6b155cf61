//! Builds the whole demo centre in memory, deterministically, before anything
//! is written: the store's commit closure may be re-run, so it only clones.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::housing::{Beds, PastStay, may_sleep, reserve};
use super::links;
use super::orgs;
use super::people::{self, Person};
use super::pickups::{self, Kind, TODAY_AIRPORTS};
use super::plan::{self, Slot};
use super::rng::{Rng, shift};
use super::rooms::{self, Building};
use super::services::{self, CaseFacts};
use crate::domain::case::{CaseFront, CasePrivate, CaseStatus, Closing, ClosingOutcome, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::person::{AgeGroup, Gender};
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral, ReferralStatus};
use crate::domain::rooms::Bed;
use crate::domain::service::ServiceItem;
use crate::domain::stay::{Reservation, Stay, StayEndReason};
use crate::domain::travel::Travel;

/// The fixed seed: the same parameters always give the same centre.
const SEED: u64 = 0x4841_5645_4e5f_4445; // "HAVEN_DE"

/// One case and every record that belongs to it.
#[derive(Debug, Clone)]
pub struct CaseBundle {
    /// Two-digit year of the case code.
    pub year: u8,
    /// Front part (code filled in by the store's sequence).
    pub front: CaseFront,
    /// Private file.
    pub private: CasePrivate,
    /// The twelve services.
    pub services: Vec<ServiceItem>,
    /// Referrals in and out.
    pub referrals: Vec<Referral>,
    /// Consents.
    pub consents: Vec<Consent>,
    /// Journey home.
    pub travel: Option<Travel>,
    /// Case notes.
    pub notes: Vec<Note>,
    /// Medical and psychological notes.
    pub medical: Vec<MedicalNote>,
}

impl CaseBundle {
    /// How many records writing this case puts.
    pub fn records(&self) -> usize {
        2 + self.services.len()
            + self.referrals.len()
            + self.consents.len()
            + usize::from(self.travel.is_some())
            + self.notes.len()
            + self.medical.len()
    }
}

/// The whole demo centre.
#[derive(Debug, Clone)]
pub struct World {
    /// Rooms and beds.
    pub building: Building,
    /// Referral directory.
    pub organisations: Vec<Organisation>,
    /// Cases in the order they were opened.
    pub cases: Vec<CaseBundle>,
    /// Open and past stays.
    pub stays: Vec<Stay>,
    /// Airport pickups.
    pub pickups: Vec<Pickup>,
    /// Bed reservations.
    pub reservations: Vec<Reservation>,
}

fn make_person(slot: &Slot, building: &Building, centre: &str, today: NaiveDate, rng: &mut Rng) -> Person {
    let bed: Option<&Bed> = slot.bed.and_then(|i| building.beds.get(i));
    let wing = bed.and_then(|b| building.wing_of(b));
    let accessible = bed.is_some_and(|b| building.accessible(b));
    let reference = if bed.is_some() { today } else { slot.arrival.min(today) };
    let spec = people::spec_for(wing, rng);
    let mut p = people::person(rng, centre, slot.status, slot.arrival, reference, spec, accessible);
    // The spec fits the wing by construction; re-draw in the rare case an
    // estimated age has grown past it.
    for _ in 0..8 {
        match bed {
            Some(b) if !may_sleep(building, b, &p.front, today) => {
                let spec = people::spec_for(wing, rng);
                p = people::person(rng, centre, slot.status, slot.arrival, today, spec, accessible);
            }
            _ => break,
        }
    }
    p
}

/// Gives every few feminine cases a name the search demo looks for.
fn seed_search_names(persons: &mut [Person], rng: &mut Rng) {
    let feminine: Vec<usize> = persons
        .iter()
        .enumerate()
        .filter(|(_, p)| p.front.gender == Gender::Feminine && p.front.age_group == AgeGroup::Adult)
        .map(|(i, _)| i)
        .collect();
    let stride = (feminine.len() / 4).clamp(1, 6);
    for (k, i) in feminine.iter().enumerate().filter(|(k, _)| k % stride == 0).take(12) {
        if let Some(p) = persons.get_mut(*i) {
            people::give_search_demo_name(p, k / stride, rng);
        }
    }
}

/// Makes aliases unique among the cases staff still work with: a few fresh
/// draws first, then a number.
fn unique_aliases(persons: &mut [Person], rng: &mut Rng) {
    let mut used: HashSet<String> = HashSet::new();
    for p in persons.iter_mut().filter(|p| !p.front.status.is_closed()) {
        for _ in 0..6 {
            if !used.contains(&p.front.alias) {
                break;
            }
            p.front.alias = people::alias(p.nationality, rng);
        }
        let base = p.front.alias.clone();
        let mut n = 2;
        while used.contains(&p.front.alias) {
            p.front.alias = format!("{base} {n}");
            n += 1;
        }
        used.insert(p.front.alias.clone());
    }
}

/// Builds the demo centre for `cases` cases as of `today`.
pub fn build(centre: &str, cases: usize, today: NaiveDate) -> World {
    let building = rooms::build(&mut Rng::new(SEED, "rooms"), today);
    let organisations = orgs::directory(&mut Rng::new(SEED, "organisations"));
    let slots = plan::plan(&mut Rng::new(SEED, "plan"), cases, today, &building);

    let mut rng = Rng::new(SEED, "people");
    let mut persons: Vec<Person> = slots.iter().map(|s| make_person(s, &building, centre, today, &mut rng)).collect();
    seed_search_names(&mut persons, &mut rng);
    unique_aliases(&mut persons, &mut rng);

    // Closing outcomes decide how stays ended and which services happened.
    let mut rng = Rng::new(SEED, "closing");
    let outcomes: Vec<Option<ClosingOutcome>> = slots
        .iter()
        .map(|s| match s.status {
            CaseStatus::ClosedReferred => Some(ClosingOutcome::ReferredOn),
            CaseStatus::Closed => rng.weighted(&[
                (ClosingOutcome::ReintegratedAtDestination, 70),
                (ClosingOutcome::LeftWithoutNotice, 20),
                (ClosingOutcome::Other, 10),
            ]),
            _ => None,
        })
        .collect();

    let pickups = make_pickups(&slots, &persons, today);
    let (stays, reservations) = make_housing(&slots, &persons, &outcomes, &pickups, &building, today);

    let mut rng = Rng::new(SEED, "services");
    let mut lrng = Rng::new(SEED, "links");
    let mut bundles = Vec::with_capacity(persons.len());
    for ((slot, p), outcome) in slots.iter().zip(persons).zip(outcomes) {
        let Person { front, mut private, nationality, .. } = p;
        let lwn = outcome == Some(ClosingOutcome::LeftWithoutNotice);
        let picked_up = pickups.iter().any(|x| x.case_id == Some(front.id));
        // Older arrivals' pickups are not kept; most of them came by air too.
        let met_at_airport = picked_up
            || match slot.status {
                CaseStatus::InResidence => rng.chance(80),
                CaseStatus::Departed | CaseStatus::Closed | CaseStatus::ClosedReferred => rng.chance(75),
                CaseStatus::Expected | CaseStatus::Arrived => false,
            };
        let facts = CaseFacts {
            status: slot.status,
            arrival: slot.arrival,
            left: slot.left,
            closed: slot.closed,
            today,
            domestic: nationality.is_domestic(),
            met_at_airport,
            left_without_notice: lwn,
        };
        let services = services::checklist_for(front.id, &facts, &organisations, &mut rng);
        if let (Some(outcome), Some(on)) = (outcome, slot.closed) {
            private.closing = Some(Closing {
                outcome,
                on,
                note: match outcome {
                    ClosingOutcome::ReintegratedAtDestination => "returned home; follow-up completed",
                    ClosingOutcome::ReferredOn => "follow-up handed to the partner organisation",
                    ClosingOutcome::LeftWithoutNotice => "left the centre without notice",
                    ClosingOutcome::Other => "closed at the person's request",
                }
                .into(),
            });
        }
        let l = links::links(&front, &mut private, slot.registered, slot.left, today, &organisations, &mut lrng);
        let travel = if lwn { None } else { links::travel(&front, &private, &services, today, &mut lrng) };
        let (notes, medical) = links::notes(&front, slot.left, today, &mut lrng);
        bundles.push(CaseBundle {
            year: u8::try_from(slot.registered.year().rem_euclid(100)).unwrap_or(0),
            front,
            private,
            services,
            referrals: l.referrals,
            consents: l.consents,
            travel,
            notes,
            medical,
        });
    }
    let revoked = bundles.iter().flat_map(|b| &b.referrals).any(|r| r.status == ReferralStatus::Revoked);
    if !revoked {
        for b in &mut bundles {
            if links::ensure_a_withdrawal(&mut b.referrals, &mut b.consents, today) {
                break;
            }
        }
    }
    World { building, organisations, cases: bundles, stays, pickups, reservations }
}

fn make_pickups(slots: &[Slot], persons: &[Person], today: NaiveDate) -> Vec<Pickup> {
    let mut rng = Rng::new(SEED, "pickups");
    let mut out = Vec::new();
    let mut forced = TODAY_AIRPORTS.iter();
    let mut met_today = false;
    for (slot, p) in slots.iter().zip(persons) {
        let days = (slot.arrival - today).num_days();
        let kind = match slot.status {
            CaseStatus::Expected if days == 0 => Some(if rng.chance(25) { Kind::Delayed } else { Kind::Upcoming }),
            CaseStatus::Expected if days == 1 || rng.chance(40) => Some(Kind::Upcoming),
            // At least one arrival of today shows as met on the board.
            CaseStatus::Arrived if !met_today || rng.chance(80) => {
                met_today = true;
                Some(Kind::MetToday)
            }
            CaseStatus::InResidence if days >= -7 && rng.chance(75) => Some(Kind::BroughtIn),
            _ => None,
        };
        let Some(kind) = kind else {
            continue;
        };
        // Today's first pickups go one to each airport, so the board shows all three.
        let airport = if slot.arrival == today && matches!(kind, Kind::Upcoming | Kind::Delayed) {
            forced.next().copied()
        } else {
            None
        };
        out.push(pickups::pickup(kind, Some(&p.front), p.nationality, slot.arrival, airport, &mut rng));
    }
    let n = &super::names::NATIONALITIES;
    for _ in 0..2 {
        let nat = rng.pick(n).unwrap_or(&n[0]);
        let day = pickups::recent_day(today, 3, &mut rng);
        out.push(pickups::pickup(Kind::NoShow, None, nat, day, None, &mut rng));
    }
    let nat = rng.pick(n).unwrap_or(&n[0]);
    out.push(pickups::pickup(Kind::Cancelled, None, nat, shift(today, 1), None, &mut rng));
    out
}

fn make_housing(
    slots: &[Slot],
    persons: &[Person],
    outcomes: &[Option<ClosingOutcome>],
    pickups: &[Pickup],
    building: &Building,
    today: NaiveDate,
) -> (Vec<Stay>, Vec<Reservation>) {
    let mut rng = Rng::new(SEED, "housing");
    let mut beds = Beds::new(building);
    for (slot, p) in slots.iter().zip(persons) {
        if let Some(bed) = slot.bed {
            beds.open(&p.front, bed, slot.transfer.unwrap_or(slot.arrival), today, &mut rng);
        }
    }
    let mut past = Vec::new();
    for ((slot, p), outcome) in slots.iter().zip(persons).zip(outcomes) {
        if let (Some(t), Some(bed)) = (slot.transfer, slot.bed) {
            past.push(PastStay {
                front: &p.front,
                from: slot.arrival,
                until: t,
                reason: StayEndReason::Transferred,
                not_bed: building.beds.get(bed).map(|b| b.id),
            });
        }
        if let Some(left) = slot.left {
            if !rng.chance(92) {
                continue;
            }
            let reason = if *outcome == Some(ClosingOutcome::LeftWithoutNotice) {
                StayEndReason::LeftWithoutNotice
            } else {
                rng.weighted(&[
                    (StayEndReason::Departed, 92),
                    (StayEndReason::Hospitalised, 4),
                    (StayEndReason::Other, 4),
                ])
                .unwrap_or(StayEndReason::Departed)
            };
            past.push(PastStay { front: &p.front, from: slot.arrival, until: left, reason, not_bed: None });
        }
    }
    beds.place_past(past, &mut rng);

    let mut reservations: Vec<Reservation> = Vec::new();
    for (slot, p) in slots.iter().zip(persons) {
        let days = (slot.arrival - today).num_days();
        let pickup = pickups.iter().find(|x| x.case_id == Some(p.front.id)).map(|x| x.id);
        match slot.status {
            CaseStatus::Expected | CaseStatus::Arrived if (0..=1).contains(&days) && rng.chance(75) => {
                if let Some(r) = reserve(building, &beds, &reservations, &p.front, pickup, slot.arrival, &mut rng) {
                    reservations.push(r);
                }
            }
            // The reservation that was used when a recent arrival moved in.
            CaseStatus::InResidence if days >= -3 && slot.transfer.is_none() => {
                if let Some(bed) = slot.bed.and_then(|i| building.beds.get(i)) {
                    reservations.push(Reservation {
                        id: crate::domain::ids::ReservationId::from(rng.id()),
                        bed_id: bed.id,
                        case_id: Some(p.front.id),
                        pickup_id: pickup,
                        for_date: slot.arrival,
                        released: true,
                    });
                }
            }
            _ => {}
        }
    }
    (beds.stays, reservations)
}
