//! Pickups scheduled, changed and re-booked, and the walk-in at the gate.

use chrono::NaiveDateTime;

use super::cases::{Attempt, case_arrived, create_case, draw_case_ids, needs_scan, with_reception_item};
use super::{Person, PickupDetails, Saved, case_key, code_of, entry, key_of, pickup, rule};
use crate::domain::arrivals::is_awaited;
use crate::domain::case::{CaseFront, CaseStatus};
use crate::domain::flight::FlightNumber;
use crate::domain::ids::{CaseId, PickupId, ServiceItemId};
use crate::domain::person::AgeGroup;
use crate::domain::pickup::{MetEffect, Needs, Pickup, PickupStatus};
use crate::domain::service::ServiceStatus;
use crate::domain::transport::Transport;
use crate::store::{AuditAction, Store, StoreError, new_id};

fn apply_details(p: &mut Pickup, d: &PickupDetails) {
    p.by = d.by;
    p.flight = if d.by == Transport::Flight { d.flight.clone() } else { FlightNumber::none() };
    p.origin = d.origin.trim().to_string();
    p.airport = d.airport.clone();
    p.terminal = d.terminal.clone();
    p.scheduled = d.scheduled;
    p.meeting_point = d.meeting_point.trim().to_string();
    p.escort = d.escort.clone();
    p.recognition = d.recognition.trim().to_string();
    p.needs = d.needs.clone();
    p.case_id = d.case_id;
}

/// Names of the fields that differ, for the audit summary (no values).
fn changed_fields(a: &Pickup, d: &PickupDetails) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            out.push(name);
        }
    };
    check("flight", a.flight != d.flight || a.by != d.by);
    check("origin", a.origin != d.origin.trim());
    check("airport", a.airport != d.airport || a.terminal != d.terminal);
    check("scheduled", a.scheduled != d.scheduled);
    check("meeting_point", a.meeting_point != d.meeting_point.trim());
    check("escort", a.escort != d.escort);
    check("recognition", a.recognition != d.recognition.trim());
    check("needs", a.needs != d.needs);
    check("case", a.case_id != d.case_id);
    out
}

/// Schedules a new pickup, creating the person's case when it is new.
pub fn create_pickup(
    store: &Store,
    details: &PickupDetails,
    person: &Person,
    now: NaiveDateTime,
) -> Result<Saved, StoreError> {
    let id: PickupId = new_id()?;
    let case_ids = draw_case_ids()?;
    let summary = match person {
        Person::New(_) => "created with a new expected case",
        _ => "created",
    };
    let e = entry(AuditAction::Create, id, None, summary);
    let centre = store.header().centre_code.clone();
    store.commit(e, |tx| {
        let (case, new_code) = match person {
            Person::Unknown => (details.case_id, None),
            Person::Existing(c) => (Some(*c), None),
            Person::New(new) => {
                let front = create_case(tx, &centre, new, &case_ids, CaseStatus::Expected, now)?;
                (Some(front.id), Some(front.code))
            }
        };
        let mut p = Pickup {
            id,
            flight: details.flight.clone(),
            origin: String::new(),
            airport: String::new(),
            terminal: None,
            scheduled: details.scheduled,
            estimated: None,
            actual: None,
            meeting_point: String::new(),
            escort: None,
            recognition: String::new(),
            needs: Needs::default(),
            case_id: None,
            status: PickupStatus::Scheduled,
            changes: vec![(PickupStatus::Scheduled, now)],
            reason: String::new(),
            met_effect: None,
            corrected: false,
            by: Default::default(),
        };
        apply_details(&mut p, details);
        p.case_id = case;
        tx.put(p)?;
        Ok(Saved { pickup: id, case, new_code })
    })
}

/// Changes a pickup's details (and may create its case). A no-show or a
/// cancelled pickup given a new flight or time is booked again.
pub fn update_pickup(
    store: &Store,
    id: PickupId,
    details: &PickupDetails,
    person: &Person,
    now: NaiveDateTime,
) -> Result<Saved, StoreError> {
    let before = pickup(store, id)?;
    let mut fields = changed_fields(&before, details);
    if matches!(person, Person::New(_)) {
        fields.push("new_case");
    }
    if fields.is_empty() && !matches!(person, Person::New(_)) {
        // Saving an unchanged form writes nothing: no new revision, no audit event.
        return Ok(Saved { pickup: id, case: before.case_id, new_code: None });
    }
    let summary = format!("changed: {}", fields.join(", "));
    let e = entry(AuditAction::Update, id, code_of(store, &before), summary);
    let case_ids = draw_case_ids()?;
    let centre = store.header().centre_code.clone();
    store.commit(e, |tx| {
        let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
        let rebooked = matches!(p.status, PickupStatus::NoShow | PickupStatus::Cancelled)
            && (p.scheduled != details.scheduled || p.flight != details.flight || p.by != details.by);
        apply_details(&mut p, details);
        let mut new_code = None;
        match person {
            Person::Unknown => {}
            Person::Existing(c) => p.case_id = Some(*c),
            Person::New(new) => {
                let front = create_case(tx, &centre, new, &case_ids, CaseStatus::Expected, now)?;
                p.case_id = Some(front.id);
                new_code = Some(front.code);
            }
        }
        if rebooked {
            p.apply(PickupStatus::Scheduled, now).map_err(rule)?;
            p.estimated = None;
            p.reason.clear();
        }
        let case = p.case_id;
        tx.put(p)?;
        Ok(Saved { pickup: id, case, new_code })
    })
}

/// The pickup of `case` that is this arrival: one still awaited and expected
/// within a day of `now` (the closest), or one met today.
fn same_arrival(store: &Store, case: CaseId, now: NaiveDateTime) -> Result<Option<PickupId>, StoreError> {
    let near = |t: NaiveDateTime| (t - now).num_hours().abs() <= 24;
    let mut mine: Vec<Pickup> = store
        .scan::<Pickup>()?
        .into_iter()
        .filter(|s| !s.is_deleted())
        .map(|s| s.body)
        .filter(|p| p.case_id == Some(case))
        .filter(|p| {
            (is_awaited(p.status) && near(p.expected_at()))
                || (p.status == PickupStatus::Met && p.actual.is_some_and(|a| a.date() == now.date()))
        })
        .collect();
    mine.sort_by_key(|p| (p.expected_at() - now).num_minutes().abs());
    Ok(mine.first().map(|p| p.id))
}

/// An unexpected arrival at the gate: the person's case (new, Arrived, or an
/// existing one brought back to Arrived) and a pickup already met at `now`.
/// The person came `by` air on `flight`, or another way without one.
pub fn walk_in(
    store: &Store,
    (by, flight): (Transport, Option<&FlightNumber>),
    airport: &str,
    terminal: Option<&str>,
    person: &Person,
    now: NaiveDateTime,
) -> Result<Saved, StoreError> {
    let id: PickupId = new_id()?;
    let case_ids = draw_case_ids()?;
    let spare = new_id::<ServiceItemId>()?;
    let flight = match by {
        Transport::Flight => flight.cloned().ok_or(StoreError::Invalid("flight".into()))?,
        _ => FlightNumber::none(),
    };
    let flight = &flight;
    let existing = match person {
        Person::Existing(c) => Some(*c),
        _ => None,
    };
    let code =
        existing.and_then(|c| store.get::<CaseFront>(&case_key(c)).ok().flatten()).map(|s| s.body.code.to_string());
    // The same person with a pickup booked for this arrival: that row is met,
    // no second one is added (the board would count the arrival twice).
    if let Some(booked) = existing.map(|c| same_arrival(store, c, now)).transpose()?.flatten() {
        let e = entry(AuditAction::Update, booked, code, "walk-in: met at the gate (booked pickup)");
        return with_reception_item(store, existing, |scanned| {
            store.commit_with(e.clone(), |tx| {
                let mut p = tx.get::<Pickup>(&key_of(booked))?.ok_or(StoreError::NotFound("pickup"))?.body;
                let case = p.case_id;
                if let Some(c) = case
                    && needs_scan(tx, c, scanned)?
                {
                    return Err(Attempt::NeedScan);
                }
                if is_awaited(p.status) {
                    p.apply(PickupStatus::Met, now).map_err(rule)?;
                    if let Some(c) = case {
                        p.met_effect = Some(case_arrived(tx, c, scanned, spare, now)?);
                    }
                }
                // Where and how the person actually came.
                p.flight = flight.clone();
                p.by = by;
                p.airport = airport.to_string();
                p.terminal = terminal.map(str::to_string);
                tx.put(p)?;
                Ok(Saved { pickup: booked, case, new_code: None })
            })
        });
    }
    let e = entry(AuditAction::Create, id, code, "walk-in: met at the gate");
    let centre = store.header().centre_code.clone();
    with_reception_item(store, existing, |scanned| {
        store.commit_with(e.clone(), |tx| {
            let mut effect = None;
            let (case, new_code) = match person {
                Person::Unknown => (None, None),
                Person::Existing(c) => {
                    if needs_scan(tx, *c, scanned)? {
                        return Err(Attempt::NeedScan);
                    }
                    effect = Some(case_arrived(tx, *c, scanned, spare, now)?);
                    (Some(*c), None)
                }
                Person::New(new) => {
                    let front = create_case(tx, &centre, new, &case_ids, CaseStatus::Arrived, now)?;
                    // Undoing this meeting leaves the new case expected, its reception not done.
                    effect = Some(MetEffect {
                        case_status: CaseStatus::Expected,
                        arrived_on: None,
                        item: Some((ServiceStatus::NotAssessed, None)),
                    });
                    (Some(front.id), Some(front.code))
                }
            };
            let needs = Needs {
                minor: case
                    .and_then(|c| tx.get::<CaseFront>(&case_key(c)).ok().flatten())
                    .is_some_and(|f| f.body.effective_age_group(now.date()) == AgeGroup::Minor),
                ..Needs::default()
            };
            let p = Pickup {
                id,
                flight: flight.clone(),
                origin: String::new(),
                airport: airport.to_string(),
                terminal: terminal.map(str::to_string),
                scheduled: now,
                estimated: None,
                actual: Some(now),
                meeting_point: String::new(),
                escort: Some(tx.user().to_string()),
                recognition: String::new(),
                needs,
                case_id: case,
                status: PickupStatus::Met,
                changes: vec![(PickupStatus::Scheduled, now), (PickupStatus::Met, now)],
                reason: String::new(),
                met_effect: effect,
                corrected: false,
                by,
            };
            tx.put(p)?;
            Ok(Saved { pickup: id, case, new_code })
        })
    })
}
