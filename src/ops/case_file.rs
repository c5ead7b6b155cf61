//! Everything the case file shows, read for the user logged in, and the
//! history of every record of the case: each version, who saved it and
//! when, and the fields it changed beside their earlier values.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::case_list::live;
use super::cases::{front, record_view};
use super::{journeys, notes, referrals, services};
use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::ids::{BedId, CaseId, RoomId};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::{ServiceItem, ServiceKind};
use crate::domain::stay::Stay;
use crate::domain::travel::Travel;
use crate::store::{Record, Store, StoreError, Stored};

/// Which parts of the file the user may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Readable {
    /// The case part: names, documents, profile, referrals, consent, travel, notes.
    pub case: bool,
    /// Medical and psychological notes.
    pub medical: bool,
}

/// A stay of the case with the bed and room it was in.
#[derive(Debug, Clone, PartialEq)]
pub struct StayLine {
    /// The stay.
    pub stay: Stay,
    /// The bed's label.
    pub bed: String,
    /// The room's name.
    pub room: String,
}

/// One case, as much of it as the user may read.
#[derive(Debug, Clone)]
pub struct CaseData {
    /// The front part.
    pub front: Stored<CaseFront>,
    /// The private file (case part), when readable and written.
    pub private: Option<Stored<CasePrivate>>,
    /// The twelve services, in programme order.
    pub services: Vec<Stored<ServiceItem>>,
    /// Stays, latest first.
    pub stays: Vec<StayLine>,
    /// Referrals, latest first.
    pub referrals: Vec<Stored<Referral>>,
    /// Consents, latest first.
    pub consents: Vec<Stored<Consent>>,
    /// Journeys, latest first.
    pub travel: Vec<Stored<Travel>>,
    /// Notes, latest first.
    pub notes: Vec<Stored<Note>>,
    /// Medical and psychological notes, latest first.
    pub medical: Vec<Stored<MedicalNote>>,
    /// The directory (retired organisations included, for names in history).
    pub organisations: Vec<Organisation>,
    /// Beds (`bed (room)`) and rooms by id, retired and removed ones
    /// included, so the history names the places a stay moved between.
    pub places: HashMap<[u8; 16], String>,
    /// What the user may read.
    pub readable: Readable,
    /// A passport zone entered at the gate and not yet applied or
    /// dismissed: who entered it and when (what it holds stays sealed).
    pub gate_zone: Option<(String, DateTime<Utc>)>,
}

impl CaseData {
    /// The name of an organisation of the directory.
    pub fn organisation(&self, id: crate::domain::ids::OrganisationId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The name of a bed or room by its id.
    pub fn place(&self, id: &[u8; 16]) -> Option<&str> {
        self.places.get(id).map(String::as_str)
    }

    /// The service item of a kind.
    pub fn service(&self, kind: ServiceKind) -> Option<&Stored<ServiceItem>> {
        self.services.iter().find(|s| s.body.kind == kind)
    }
}

fn newest_first<T>(mut v: Vec<Stored<T>>, date: impl Fn(&T) -> chrono::NaiveDate) -> Vec<Stored<T>> {
    v.retain(|s| !s.is_deleted());
    v.sort_by_key(|s| std::cmp::Reverse((date(&s.body), s.meta.created_at)));
    v
}

/// Records that the user opened the file of `case`, then reads it: the
/// view event is written before any of the file is read for display.
pub fn open(store: &Store, case: CaseId) -> Result<CaseData, StoreError> {
    record_view(store, case)?;
    load(store, case)
}

/// Reads the file of `case` (again, after a save).
pub fn load(store: &Store, case: CaseId) -> Result<CaseData, StoreError> {
    let front = front(store, case)?;
    let readable =
        Readable { case: store.may(Act::View, DataClass::Case), medical: store.may(Act::View, DataClass::Medical) };
    let (all_beds, all_rooms) = (store.scan::<Bed>()?, store.scan::<Room>()?);
    let mut places: HashMap<[u8; 16], String> =
        all_rooms.iter().map(|r| (*r.body.id.as_bytes(), r.body.name.clone())).collect();
    for b in &all_beds {
        let room = all_rooms.iter().find(|r| r.body.id == b.body.room_id).map(|r| r.body.name.as_str());
        let name = room.map_or_else(|| b.body.label.clone(), |room| format!("{} ({room})", b.body.label));
        places.insert(*b.body.id.as_bytes(), name);
    }
    let beds: HashMap<BedId, Bed> = live(all_beds).into_iter().map(|b| (b.id, b)).collect();
    let rooms: HashMap<RoomId, Room> = live(all_rooms).into_iter().map(|r| (r.id, r)).collect();
    let mut stays: Vec<StayLine> = live(store.stays_of(case)?)
        .into_iter()
        .map(|stay| {
            let bed = beds.get(&stay.bed_id);
            let room = bed.and_then(|b| rooms.get(&b.room_id)).map(|r| r.name.clone()).unwrap_or_default();
            StayLine { bed: bed.map(|b| b.label.clone()).unwrap_or_default(), room, stay }
        })
        .collect();
    stays.sort_by_key(|s| std::cmp::Reverse(s.stay.from));
    let organisations = live(store.scan::<Organisation>()?);
    let mut data = CaseData {
        front,
        private: None,
        services: services::of_case(store, case)?,
        stays,
        referrals: Vec::new(),
        consents: Vec::new(),
        travel: Vec::new(),
        notes: Vec::new(),
        medical: Vec::new(),
        organisations,
        places,
        readable,
        gate_zone: store
            .get::<crate::domain::gate_zone::GateZone>(case.as_bytes())?
            .filter(|s| !s.is_deleted())
            .map(|s| (s.meta.created_by, s.meta.created_at)),
    };
    if readable.case {
        data.private = store.get::<CasePrivate>(case.as_bytes())?.filter(|s| !s.is_deleted());
        data.referrals = newest_first(referrals::referrals_of(store, case)?, |r| r.date);
        data.consents = newest_first(referrals::consents_of(store, case)?, |c| c.date);
        data.travel = newest_first(journeys::of_case(store, case)?, |t| t.date.unwrap_or_default());
        data.notes = newest_first(notes::notes_of(store, case)?, |n| n.date);
    }
    if readable.medical {
        data.medical = newest_first(notes::medical_of(store, case)?, |n| n.date);
    }
    Ok(data)
}

/// What a version belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// The front part of the case.
    Case,
    /// The private file.
    File,
    /// A service of the checklist.
    Service(ServiceKind),
    /// A stay in a bed.
    Stay,
    /// A referral.
    Referral,
    /// A consent.
    Consent,
    /// A journey.
    Travel,
    /// A note.
    Note,
    /// A medical or psychological note.
    Medical,
    /// The passport zone entered at the gate (its versions say who and
    /// when, never what it holds).
    GateZone,
}

/// One field a version changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The field's name in the record.
    pub field: String,
    /// Its value before (null for a new record).
    pub before: serde_json::Value,
    /// Its value in this version.
    pub after: serde_json::Value,
}

/// One saved version of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Which record.
    pub subject: Subject,
    /// Its revision (1 = created).
    pub revision: u64,
    /// When it was saved.
    pub at: DateTime<Utc>,
    /// Who saved it.
    pub by: String,
    /// Whether this version soft-deleted the record.
    pub deleted: bool,
    /// The fields it set or changed.
    pub changes: Vec<Change>,
}

/// The fields of `new` that differ from `old` (every field set, for a new record).
fn changes(old: Option<&serde_json::Value>, new: &serde_json::Value) -> Vec<Change> {
    let serde_json::Value::Object(n) = new else { return Vec::new() };
    let empty = serde_json::Map::new();
    let o = match old {
        Some(serde_json::Value::Object(o)) => o,
        _ => &empty,
    };
    let blank = |v: &serde_json::Value| match v {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        _ => false,
    };
    // Ids say nothing to a reader and never change.
    n.iter()
        .filter(|(k, _)| !matches!(k.as_str(), "id" | "case_id"))
        .filter(|(k, v)| match o.get(*k) {
            Some(before) => before != *v,
            None => old.is_some() || !blank(v),
        })
        .map(|(k, v)| Change {
            field: k.clone(),
            before: o.get(k).cloned().unwrap_or(serde_json::Value::Null),
            after: v.clone(),
        })
        .collect()
}

fn versions_of<T: Record + Serialize>(
    store: &Store,
    current: &Stored<T>,
    subject: Subject,
    out: &mut Vec<Version>,
) -> Result<(), StoreError> {
    let mut all = store.history::<T>(&current.body.key())?;
    all.push(current.clone());
    let mut previous: Option<serde_json::Value> = None;
    for v in all {
        let json = serde_json::to_value(&v.body).map_err(|_| StoreError::Invalid("unencodable".into()))?;
        out.push(Version {
            subject,
            revision: v.meta.revision,
            at: v.meta.updated_at,
            by: v.meta.updated_by.clone(),
            deleted: v.meta.deleted.is_some(),
            changes: changes(previous.as_ref(), &json),
        });
        previous = Some(json);
    }
    Ok(())
}

/// Every version of every record of the case the user may read, newest first.
pub fn history(store: &Store, data: &CaseData) -> Result<Vec<Version>, StoreError> {
    let mut out = Vec::new();
    versions_of(store, &data.front, Subject::Case, &mut out)?;
    if let Some(p) = &data.private {
        versions_of(store, p, Subject::File, &mut out)?;
    }
    for s in &data.services {
        versions_of(store, s, Subject::Service(s.body.kind), &mut out)?;
    }
    for s in &store.stays_of(data.front.body.id)? {
        versions_of(store, s, Subject::Stay, &mut out)?;
    }
    for r in &data.referrals {
        versions_of(store, r, Subject::Referral, &mut out)?;
    }
    for c in &data.consents {
        versions_of(store, c, Subject::Consent, &mut out)?;
    }
    for t in &data.travel {
        versions_of(store, t, Subject::Travel, &mut out)?;
    }
    for n in &data.notes {
        versions_of(store, n, Subject::Note, &mut out)?;
    }
    for m in &data.medical {
        versions_of(store, m, Subject::Medical, &mut out)?;
    }
    // The zone entered at the gate: who entered it, and who applied or
    // dismissed it; its sealed value is never listed as a change.
    let gate_key = data.front.body.id.as_bytes();
    let gate = store.history::<crate::domain::gate_zone::GateZone>(gate_key)?;
    let current = store.get::<crate::domain::gate_zone::GateZone>(gate_key)?;
    for v in gate.into_iter().chain(current) {
        out.push(Version {
            subject: Subject::GateZone,
            revision: v.meta.revision,
            at: v.meta.updated_at,
            by: v.meta.updated_by.clone(),
            deleted: v.meta.deleted.is_some(),
            changes: Vec::new(),
        });
    }
    // Within one moment, later revisions first: they are what changed.
    out.sort_by_key(|v| std::cmp::Reverse((v.at, v.revision, v.subject)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_lists_only_what_it_changed() {
        let old = serde_json::json!({"status": "Needed", "note": "", "planned_on": null});
        let new = serde_json::json!({"status": "Planned", "note": "", "planned_on": "2026-12-01"});
        let c = changes(Some(&old), &new);
        assert_eq!(c.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(), ["planned_on", "status"]);
        assert_eq!(c[1].before, serde_json::json!("Needed"));
        let created = changes(None, &new);
        assert_eq!(created.len(), 2, "blank fields of a new record are left out");
        let with_ids = serde_json::json!({"id": [1], "case_id": [2], "text": "x"});
        assert_eq!(changes(None, &with_ids).len(), 1, "ids are not shown");
    }
}
