//! Airport arrivals: one function per reception action, each one store
//! transaction with one audit event. Screens and tests call these.
//!
//! Ids are drawn before a commit (its closure may run again), and every
//! rule is checked inside it, against the records as the transaction sees
//! them, so a board that was a moment stale cannot undo someone's change.

//!
//! - `cases`: new cases (code, file, checklist) and the person arriving
//!   (case Arrived, airport-reception service done), possible duplicates;
//! - `status`: met, delayed, no-show, cancelled, at the centre;
//! - `schedule`: new and changed pickups, and the walk-in;
//! - `gate`: a passport zone entered at the gate, sealed for the case worker.

mod cases;
pub mod gate;
mod schedule;
mod status;

pub use cases::{cases_holding_document, possible_duplicates};
pub use schedule::{create_pickup, update_pickup, walk_in};
pub use status::{mark_at_centre, mark_cancelled, mark_delayed, mark_met, mark_no_show, may_undo, undo_status};

use chrono::NaiveDateTime;

use crate::domain::arrivals::{BoardView, sort_board};
use crate::domain::case::CaseFront;
use crate::domain::case_code::CaseCode;
use crate::domain::duplicate::Identity;
use crate::domain::flight::FlightNumber;
use crate::domain::ids::{CaseId, PickupId};
use crate::domain::mrz::Mrz;
use crate::domain::person::{AgeBasis, AgeGroup, Gender};
use crate::domain::pickup::{Needs, Pickup, PickupError};
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError};

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
    /// How the person comes: by air, or another way (the flight is then
    /// [`FlightNumber::none`]).
    pub by: crate::domain::transport::Transport,
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
        PickupError::Transition { .. } => crate::store::Rule::PickupTransition,
        PickupError::NoCase => crate::store::Rule::PickupNoCase,
        PickupError::NothingToUndo => crate::store::Rule::PickupNothingToUndo,
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
