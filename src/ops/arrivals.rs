//! Airport arrivals: one function per reception action, each one store
//! transaction with one audit event. Screens and tests call these.
//!
//! Ids are drawn before a commit (its closure may run again), and every
//! rule is checked inside it, against the records as the transaction sees
//! them, so a board that was a moment stale cannot undo someone's change.

use chrono::{Datelike, NaiveDateTime};

use crate::domain::arrivals::{BoardView, sort_board};
use crate::domain::case::{CaseFront, CasePrivate, CaseStatus};
use crate::domain::case_code::CaseCode;
use crate::domain::duplicate::{DuplicateReason, Identity, find_duplicates};
use crate::domain::flight::FlightNumber;
use crate::domain::ids::{CaseId, PickupId, ServiceItemId};
use crate::domain::mrz::Mrz;
use crate::domain::person::{AgeBasis, AgeGroup, Gender};
use crate::domain::pickup::{Needs, Pickup, PickupError, PickupStatus};
use crate::domain::service::{ServiceItem, ServiceKind, ServiceStatus, checklist};
use crate::store::tx::Tx;
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError, new_id};

/// The unique index from a case to its airport-reception service item, so
/// that marking a person met does not read every service of the centre.
const RECEPTION_INDEX: &str = "arrivals_reception_service";

/// What reception knows of a person it has not met before: the minimum intake.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCase {
    /// Alias used aloud and on screens.
    pub alias: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth, if known.
    pub date_of_birth: Option<chrono::NaiveDate>,
    /// Age group as stated (used when the date of birth is unknown).
    pub age_group: AgeGroup,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<String>,
    /// An interpreter is needed.
    pub interpreter_needed: bool,
    /// A passport or ID-card zone read at intake (case-key holders only).
    pub mrz: Option<Mrz>,
}

impl NewCase {
    /// The identity the duplicate check compares, as of `today`.
    pub fn identity(&self, today: chrono::NaiveDate) -> Identity {
        let dob = self.date_of_birth.or_else(|| self.mrz.as_ref().and_then(|m| m.date_of_birth));
        let age = dob.map_or(AgeBasis::Unknown, AgeBasis::DateOfBirth);
        let age_group = match age.age_group(today) {
            AgeGroup::Unknown => self.age_group,
            known => known,
        };
        let name = self.mrz.as_ref().map(|m| format!("{} {}", m.family_name, m.given_names));
        Identity { name, date_of_birth: dob, alias: self.alias.clone(), gender: self.gender, age_group }
    }
}

/// The fields of a pickup that its form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct PickupDetails {
    /// Flight.
    pub flight: FlightNumber,
    /// Where the flight comes from.
    pub origin: String,
    /// Arrival airport.
    pub airport: String,
    /// Arrival terminal, if the airport has several.
    pub terminal: Option<String>,
    /// Scheduled arrival, local time.
    pub scheduled: NaiveDateTime,
    /// Meeting point.
    pub meeting_point: String,
    /// The staff member who meets the person (username).
    pub escort: Option<String>,
    /// How to recognise the person; a code word.
    pub recognition: String,
    /// Needs on arrival.
    pub needs: Needs,
    /// The case, if already known.
    pub case_id: Option<CaseId>,
}

/// Which case the person is.
#[derive(Debug, Clone, PartialEq)]
pub enum Person {
    /// Not known yet (a pickup may wait for its case until met).
    Unknown,
    /// A case the centre already has.
    Existing(CaseId),
    /// A new case to create with the minimum intake.
    New(Box<NewCase>),
}

/// What a save created.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The pickup.
    pub pickup: PickupId,
    /// The case the pickup is for, if any.
    pub case: Option<CaseId>,
    /// The code of a case created by this save.
    pub new_code: Option<CaseCode>,
}

/// A row of the board: the pickup and, when linked, the front of its case.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    /// The pickup.
    pub pickup: Pickup,
    /// Its case (alias and code; never the name).
    pub case: Option<CaseFront>,
}

fn rule(e: PickupError) -> StoreError {
    StoreError::Rule(match e {
        PickupError::Transition { .. } => "pickup_transition".into(),
        PickupError::NoCase => "pickup_no_case".into(),
    })
}

fn key_of(id: PickupId) -> Vec<u8> {
    id.as_bytes().to_vec()
}

fn case_key(id: CaseId) -> Vec<u8> {
    id.as_bytes().to_vec()
}

/// The pickups a view shows, in board order, each with its case front.
pub fn board(store: &Store, view: BoardView) -> Result<Vec<BoardRow>, StoreError> {
    let mut pickups: Vec<Pickup> = store
        .scan::<Pickup>()?
        .into_iter()
        .filter(|s| !s.is_deleted())
        .map(|s| s.body)
        .filter(|p| view.shows(p))
        .collect();
    sort_board(&mut pickups);
    pickups
        .into_iter()
        .map(|pickup| {
            let case = match pickup.case_id {
                Some(c) => store.get::<CaseFront>(&case_key(c))?.map(|s| s.body),
                None => None,
            };
            Ok(BoardRow { pickup, case })
        })
        .collect()
}

/// One pickup as stored now.
pub fn pickup(store: &Store, id: PickupId) -> Result<Pickup, StoreError> {
    store.get::<Pickup>(&key_of(id))?.map(|s| s.body).ok_or(StoreError::NotFound("pickup"))
}

/// The case code for the audit entry of an action on `p`, when it has a case.
fn code_of(store: &Store, p: &Pickup) -> Option<String> {
    let c = p.case_id?;
    store.get::<CaseFront>(&case_key(c)).ok().flatten().map(|s| s.body.code.to_string())
}

fn entry(action: AuditAction, id: PickupId, code: Option<String>, summary: impl Into<String>) -> AuditEntry {
    let e = AuditEntry::new(action, Pickup::KIND).id(*id.as_bytes()).summary(summary);
    match code {
        Some(c) => e.case(c),
        None => e,
    }
}

/// Ids drawn before a commit for a case that may be created in it.
struct CaseIds {
    case: CaseId,
    services: Vec<ServiceItemId>,
}

fn draw_case_ids() -> Result<CaseIds, StoreError> {
    let services = ServiceKind::all().map(|_| new_id::<ServiceItemId>()).collect::<Result<Vec<_>, _>>()?;
    Ok(CaseIds { case: new_id()?, services })
}

/// Writes a new case inside `tx`: its front (status `status`), the private
/// file when the user holds the case key, the twelve-item checklist, and the
/// reception index. Returns the front.
fn create_case(
    tx: &mut Tx<'_>,
    centre: &str,
    new: &NewCase,
    ids: &CaseIds,
    status: CaseStatus,
    now: NaiveDateTime,
) -> Result<CaseFront, StoreError> {
    let today = now.date();
    let yy = u8::try_from(today.year().rem_euclid(100)).map_err(|_| StoreError::Invalid("year".into()))?;
    let seq = tx.next_case_seq(yy)?;
    let code = CaseCode::new(centre, yy, seq).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let dob = new.date_of_birth.or_else(|| new.mrz.as_ref().and_then(|m| m.date_of_birth));
    let age = dob.map_or(AgeBasis::Unknown, AgeBasis::DateOfBirth);
    let front = CaseFront {
        id: ids.case,
        code,
        alias: new.alias.trim().to_string(),
        gender: new.gender,
        age,
        age_group: match age.age_group(today) {
            AgeGroup::Unknown => new.age_group,
            known => known,
        },
        languages: new.languages.clone(),
        interpreter_needed: new.interpreter_needed,
        special_needs: String::new(),
        status,
        high_risk: false,
        arrived_on: (status == CaseStatus::Arrived).then_some(today),
        worker: None,
    };
    tx.put(front.clone())?;
    if tx.session().holds_case_key() {
        let mut file = CasePrivate::new(ids.case);
        file.date_of_birth = dob;
        if let Some(m) = &new.mrz {
            m.fill(&mut file);
        }
        tx.put(file)?;
    }
    let mut next = ids.services.iter().copied();
    let mut fallback = 0u8;
    let items = checklist(ids.case, || {
        next.next().unwrap_or_else(|| {
            // Never reached: one id is drawn per service kind.
            fallback = fallback.wrapping_add(1);
            ServiceItemId::from_bytes([fallback; 16])
        })
    });
    for mut item in items {
        if item.kind == ServiceKind::AirportReception {
            tx.index_set(RECEPTION_INDEX, ids.case.as_bytes(), Some(item.id.as_bytes()))?;
            if status == CaseStatus::Arrived {
                item.status = ServiceStatus::Done;
                item.done_on = Some(today);
            }
        }
        tx.put(item)?;
    }
    Ok(front)
}

/// What a commit knows about where a case's reception item is, besides the index.
type Scanned = Option<Option<ServiceItemId>>;

/// The airport-reception item of `case`: through the index, or the id a
/// scan found before the commit.
fn reception_item(tx: &mut Tx<'_>, case: CaseId, scanned: Scanned) -> Result<Option<ServiceItem>, StoreError> {
    let id = match tx.index_get(RECEPTION_INDEX, case.as_bytes())? {
        Some(raw) => <[u8; 16]>::try_from(raw.as_slice()).ok().map(ServiceItemId::from_bytes),
        None => scanned.flatten(),
    };
    let Some(id) = id else { return Ok(None) };
    Ok(tx.get::<ServiceItem>(id.as_bytes())?.map(|s| s.body))
}

/// The airport-reception item of `case` by reading every service: only for
/// cases written before the index existed (demo data, imports).
fn scan_reception_item(store: &Store, case: CaseId) -> Result<Option<ServiceItemId>, StoreError> {
    Ok(store
        .scan::<ServiceItem>()?
        .into_iter()
        .find(|s| !s.is_deleted() && s.body.case_id == case && s.body.kind == ServiceKind::AirportReception)
        .map(|s| s.body.id))
}

/// Marks the person of `case` arrived: the case moves to Arrived (a person
/// who had left comes back into the file), the arrival day is stamped, and
/// the airport-reception service is done today.
fn case_arrived(
    tx: &mut Tx<'_>,
    case: CaseId,
    scanned: Scanned,
    spare_item: ServiceItemId,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let today = now.date();
    let mut front = tx.get::<CaseFront>(&case_key(case))?.ok_or(StoreError::NotFound("case"))?.body;
    match front.status {
        CaseStatus::Arrived | CaseStatus::InResidence => {}
        CaseStatus::Expected | CaseStatus::Departed | CaseStatus::Closed | CaseStatus::ClosedReferred => {
            front.status = CaseStatus::Arrived;
            front.arrived_on = Some(today);
        }
    }
    front.arrived_on.get_or_insert(today);
    tx.put(front)?;
    let mut item = match reception_item(tx, case, scanned)? {
        Some(item) => item,
        // A case without the item (an old import): the checklist gains it.
        None => ServiceItem {
            id: spare_item,
            case_id: case,
            kind: ServiceKind::AirportReception,
            status: ServiceStatus::NotAssessed,
            planned_on: None,
            done_on: None,
            provider: Default::default(),
            amount: None,
            note: String::new(),
        },
    };
    item.status = ServiceStatus::Done;
    item.done_on = Some(today);
    tx.index_set(RECEPTION_INDEX, case.as_bytes(), Some(item.id.as_bytes()))?;
    tx.put(item)?;
    Ok(())
}

/// Runs a commit that may need the reception item of a case: first through
/// the index; if the case has never been indexed (the attempt stops before
/// writing anything), once more with the item found by a scan.
fn with_reception_item<R>(
    store: &Store,
    case: Option<CaseId>,
    run: impl Fn(Scanned) -> Result<R, StoreError>,
) -> Result<R, StoreError> {
    match run(None) {
        Err(StoreError::Rule(r)) if r == NEED_SCAN => {
            let scanned = match case {
                Some(c) => scan_reception_item(store, c)?,
                None => None,
            };
            run(Some(scanned))
        }
        other => other,
    }
}

/// The reason a first attempt stops (and writes nothing) to scan for the item.
const NEED_SCAN: &str = "arrivals_need_scan";

/// Inside a commit: whether the reception item of `case` must be found by a
/// scan first (no index entry and no scan result handed in yet).
fn needs_scan(tx: &mut Tx<'_>, case: CaseId, scanned: Scanned) -> Result<bool, StoreError> {
    Ok(scanned.is_none() && tx.index_get(RECEPTION_INDEX, case.as_bytes())?.is_none())
}

/// Meets the person: the pickup is Met at `now`; its case is Arrived with
/// the airport-reception service done.
pub fn mark_met(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let e = entry(AuditAction::Update, id, code_of(store, &before), "status: met");
    let spare = new_id::<ServiceItemId>()?;
    with_reception_item(store, before.case_id, |scanned| {
        store.commit(e.clone(), |tx| {
            let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
            p.apply(PickupStatus::Met, now).map_err(rule)?;
            if let Some(case) = p.case_id {
                if needs_scan(tx, case, scanned)? {
                    return Err(StoreError::Rule(NEED_SCAN.into()));
                }
                case_arrived(tx, case, scanned, spare, now)?;
            }
            tx.put(p.clone())?;
            Ok(p)
        })
    })
}

/// Applies a plain status change with its reason or estimate.
fn change(
    store: &Store,
    id: PickupId,
    to: PickupStatus,
    now: NaiveDateTime,
    summary: &str,
    edit: impl Fn(&mut Pickup),
) -> Result<Pickup, StoreError> {
    let before = pickup(store, id)?;
    let e = entry(AuditAction::Update, id, code_of(store, &before), summary);
    store.commit(e, |tx| {
        let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
        p.apply(to, now).map_err(rule)?;
        edit(&mut p);
        tx.put(p.clone())?;
        Ok(p)
    })
}

/// The flight is late: a new estimated arrival.
pub fn mark_delayed(
    store: &Store,
    id: PickupId,
    estimated: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<Pickup, StoreError> {
    change(store, id, PickupStatus::Delayed, now, "status: delayed", |p| p.estimated = Some(estimated))
}

/// The person did not come out; `reason` says what is known.
pub fn mark_no_show(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    if reason.is_empty() {
        return Err(StoreError::Rule("pickup_reason_needed".into()));
    }
    change(store, id, PickupStatus::NoShow, now, "status: no_show", |p| p.reason = reason.clone())
}

/// The pickup is called off.
pub fn mark_cancelled(store: &Store, id: PickupId, reason: &str, now: NaiveDateTime) -> Result<Pickup, StoreError> {
    let reason = reason.trim().to_string();
    change(store, id, PickupStatus::Cancelled, now, "status: cancelled", |p| p.reason = reason.clone())
}

/// The person is at the centre: the pickup is closed. Returns the case.
pub fn mark_at_centre(store: &Store, id: PickupId, now: NaiveDateTime) -> Result<CaseId, StoreError> {
    let p = change(store, id, PickupStatus::AtCentre, now, "status: at_centre", |_| {})?;
    p.case_id.ok_or(StoreError::Rule("pickup_no_case".into()))
}

fn apply_details(p: &mut Pickup, d: &PickupDetails) {
    p.flight = d.flight.clone();
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
    check("flight", a.flight != d.flight);
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
    let summary = if fields.is_empty() { "no change".to_string() } else { format!("changed: {}", fields.join(", ")) };
    let e = entry(AuditAction::Update, id, code_of(store, &before), summary);
    let case_ids = draw_case_ids()?;
    let centre = store.header().centre_code.clone();
    store.commit(e, |tx| {
        let mut p = tx.get::<Pickup>(&key_of(id))?.ok_or(StoreError::NotFound("pickup"))?.body;
        let rebooked = matches!(p.status, PickupStatus::NoShow | PickupStatus::Cancelled)
            && (p.scheduled != details.scheduled || p.flight != details.flight);
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

/// An unexpected arrival at the gate: the person's case (new, Arrived, or an
/// existing one brought back to Arrived) and a pickup already met at `now`.
pub fn walk_in(
    store: &Store,
    flight: &FlightNumber,
    airport: &str,
    terminal: Option<&str>,
    person: &Person,
    now: NaiveDateTime,
) -> Result<Saved, StoreError> {
    let id: PickupId = new_id()?;
    let case_ids = draw_case_ids()?;
    let spare = new_id::<ServiceItemId>()?;
    let existing = match person {
        Person::Existing(c) => Some(*c),
        _ => None,
    };
    let code =
        existing.and_then(|c| store.get::<CaseFront>(&case_key(c)).ok().flatten()).map(|s| s.body.code.to_string());
    let e = entry(AuditAction::Create, id, code, "walk-in: met at the gate");
    let centre = store.header().centre_code.clone();
    with_reception_item(store, existing, |scanned| {
        store.commit(e.clone(), |tx| {
            let (case, new_code) = match person {
                Person::Unknown => (None, None),
                Person::Existing(c) => {
                    if needs_scan(tx, *c, scanned)? {
                        return Err(StoreError::Rule(NEED_SCAN.into()));
                    }
                    case_arrived(tx, *c, scanned, spare, now)?;
                    (Some(*c), None)
                }
                Person::New(new) => {
                    let front = create_case(tx, &centre, new, &case_ids, CaseStatus::Arrived, now)?;
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
            };
            tx.put(p)?;
            Ok(Saved { pickup: id, case, new_code })
        })
    })
}

/// Cases that may be the person about to be created, strongest reason first.
/// Names are compared only when a zone was read and the user holds the case key.
pub fn possible_duplicates(
    store: &Store,
    new: &NewCase,
    today: chrono::NaiveDate,
) -> Result<Vec<(CaseFront, DuplicateReason)>, StoreError> {
    let me = new.identity(today);
    let fronts: Vec<CaseFront> =
        store.scan::<CaseFront>()?.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect();
    let files: Vec<CasePrivate> = if me.name.is_some() && store.session()?.holds_case_key() {
        store.scan::<CasePrivate>()?.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
    } else {
        Vec::new()
    };
    let known: Vec<(CaseId, Identity)> = fronts
        .iter()
        .map(|f| {
            let file = files.iter().find(|p| p.case_id == f.id);
            let dob = file.and_then(|p| p.date_of_birth).or(match f.age {
                AgeBasis::DateOfBirth(d) => Some(d),
                _ => None,
            });
            let identity = Identity {
                name: file.map(CasePrivate::full_name).filter(|n| !n.is_empty()),
                date_of_birth: dob,
                alias: f.alias.clone(),
                gender: f.gender,
                age_group: f.effective_age_group(today),
            };
            (f.id, identity)
        })
        .collect();
    let found = find_duplicates(&me, known.iter().map(|(id, i)| (*id, i)));
    Ok(found
        .into_iter()
        .filter_map(|(id, reason)| fronts.iter().find(|f| f.id == id).map(|f| (f.clone(), reason)))
        .collect())
}

/// Cases a pickup may be for: every case not closed, by code.
pub fn open_cases(store: &Store) -> Result<Vec<CaseFront>, StoreError> {
    let mut out: Vec<CaseFront> = store
        .scan::<CaseFront>()?
        .into_iter()
        .filter(|s| !s.is_deleted() && !s.body.status.is_closed())
        .map(|s| s.body)
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}
