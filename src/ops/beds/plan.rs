//! The plan of the centre: rooms and beds, and beds put out of service and
//! back. The plan is managers' work (the permission matrix grants rooms to
//! them alone). Changing the plan never loses history: a room or bed that
//! ever had a stay is retired, not deleted.

use chrono::NaiveDate;

use super::index;
use super::{BedError, BedResult, is_manager, live};
use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, RoomId};
use crate::domain::placement::{Refusal, check_wing};
use crate::domain::rooms::{Bed, OutOfService, Room};
use crate::domain::stay::Stay;
use crate::store::{AuditAction, AuditEntry, Store, StoreError};

/// What removing a room or bed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// It had history: kept, marked no longer in use.
    Retired,
    /// It never had anyone: deleted (soft, with a reason).
    Deleted,
}

/// Why a soft delete happened, kept with the record.
const DELETE_REASON: &str = "removed from the plan in rooms setup";

fn manager_only(store: &Store) -> BedResult<()> {
    if is_manager(store) { Ok(()) } else { Err(Refusal::ManagerOnly.into()) }
}

fn live_beds(store: &Store) -> BedResult<Vec<Bed>> {
    Ok(live(store.scan::<Bed>()?))
}

fn open_stays(store: &Store) -> BedResult<Vec<Stay>> {
    Ok(live(store.scan::<Stay>()?).into_iter().filter(Stay::is_open).collect())
}

/// Each person in the beds of `beds` still fits `room`'s wing.
fn occupants_fit(store: &Store, room: &Room, beds: &[BedId], today: NaiveDate) -> BedResult<()> {
    for s in open_stays(store)?.iter().filter(|s| beds.contains(&s.bed_id)) {
        if let Some(front) = store.get::<CaseFront>(s.case_id.as_bytes())? {
            check_wing(room, &front.body, today)?;
        }
    }
    Ok(())
}

/// Creates a room or changes one (name, floor, wing, step-free). Managers only.
///
/// Refused when the name is taken by another room in use, the room is
/// retired, or a new wing would not fit someone sleeping in it.
pub fn save_room(store: &Store, room: Room, today: NaiveDate) -> BedResult<Room> {
    manager_only(store)?;
    let mut room = room;
    room.name = room.name.trim().to_string();
    if room.name.is_empty() {
        return Err(BedError::Store(StoreError::Invalid("room name".into())));
    }
    let rooms = live(store.scan::<Room>()?);
    if rooms.iter().any(|r| r.id != room.id && !r.retired && r.name.to_lowercase() == room.name.to_lowercase()) {
        return Err(Refusal::DuplicateName.into());
    }
    let existing = rooms.iter().find(|r| r.id == room.id).cloned();
    if let Some(old) = &existing {
        if old.retired {
            return Err(Refusal::Retired.into());
        }
        if old.wing != room.wing {
            let beds: Vec<BedId> =
                live_beds(store)?.into_iter().filter(|b| b.room_id == room.id).map(|b| b.id).collect();
            occupants_fit(store, &room, &beds, today)?;
        }
    }
    room.retired = false;
    let action = if existing.is_some() { AuditAction::Update } else { AuditAction::Create };
    let entry = AuditEntry::new(action, "room").id(*room.id.as_bytes()).summary("rooms setup");
    Ok(store.commit(entry, |tx| tx.put(room.clone()).map(|s| s.body))?)
}

/// Creates a bed or changes its label, walking order or room. Managers only.
/// Its out-of-service state is changed by [`set_out_of_service`].
pub fn save_bed(store: &Store, bed: Bed, today: NaiveDate) -> BedResult<Bed> {
    manager_only(store)?;
    let mut bed = bed;
    bed.label = bed.label.trim().to_string();
    if bed.label.is_empty() {
        return Err(BedError::Store(StoreError::Invalid("bed label".into())));
    }
    let room = store
        .get::<Room>(bed.room_id.as_bytes())?
        .filter(|r| !r.is_deleted())
        .ok_or(StoreError::NotFound("room"))?
        .body;
    if room.retired {
        return Err(Refusal::Retired.into());
    }
    let beds = live_beds(store)?;
    if beds.iter().any(|b| b.id != bed.id && !b.retired && b.label.to_lowercase() == bed.label.to_lowercase()) {
        return Err(Refusal::DuplicateName.into());
    }
    let existing = beds.iter().find(|b| b.id == bed.id).cloned();
    if let Some(old) = &existing {
        if old.retired {
            return Err(Refusal::Retired.into());
        }
        if old.room_id != bed.room_id {
            occupants_fit(store, &room, &[bed.id], today)?;
        }
        bed.out_of_service = old.out_of_service.clone();
    }
    bed.retired = false;
    let action = if existing.is_some() { AuditAction::Update } else { AuditAction::Create };
    let entry = AuditEntry::new(action, "bed").id(*bed.id.as_bytes()).summary("rooms setup");
    Ok(store.commit(entry, |tx| tx.put(bed.clone()).map(|s| s.body))?)
}

/// Whether any of `beds` has a reservation held from `today` on.
fn any_held(store: &Store, beds: &[BedId], today: NaiveDate) -> BedResult<bool> {
    Ok(super::reservations(store)?.iter().any(|r| beds.contains(&r.bed_id) && !r.released && r.for_date >= today))
}

/// Takes `beds` (and `room`, if given) out of the plan: retired when any had
/// a stay, deleted otherwise. Refused while anyone sleeps in them or a
/// reservation holds one.
fn remove(store: &Store, room: Option<Room>, beds: Vec<Bed>, today: NaiveDate) -> BedResult<Removal> {
    manager_only(store)?;
    let ids: Vec<BedId> = beds.iter().map(|b| b.id).collect();
    let stays = live(store.scan::<Stay>()?);
    let occupied = if room.is_some() { Refusal::RoomOccupied } else { Refusal::Occupied };
    if stays.iter().any(|s| s.is_open() && ids.contains(&s.bed_id)) {
        return Err(occupied.into());
    }
    if any_held(store, &ids, today)? {
        return Err(Refusal::AlreadyReserved.into());
    }
    let how = if stays.iter().any(|s| ids.contains(&s.bed_id)) { Removal::Retired } else { Removal::Deleted };
    let (entity, id) = match (&room, beds.first()) {
        (Some(r), _) => ("room", *r.id.as_bytes()),
        (None, Some(b)) => ("bed", *b.id.as_bytes()),
        (None, None) => return Err(BedError::Store(StoreError::NotFound("bed"))),
    };
    let (action, summary) = match how {
        Removal::Retired => (AuditAction::Update, format!("retired with {} beds", beds.len())),
        Removal::Deleted => (AuditAction::Delete, format!("deleted with {} beds", beds.len())),
    };
    let entry = AuditEntry::new(action, entity).id(id).summary(summary);
    store.commit_with(entry, |tx| {
        for b in &beds {
            if index::open_stay_of_bed(tx, b.id)?.is_some() {
                return Err(BedError::Refused(occupied.clone()));
            }
            let Some(cur) = tx.get::<Bed>(b.id.as_bytes())? else { continue };
            match how {
                Removal::Retired => {
                    let mut body = cur.body;
                    body.retired = true;
                    tx.put(body)?;
                }
                Removal::Deleted => tx.delete::<Bed>(b.id.as_bytes(), DELETE_REASON)?,
            }
        }
        if let Some(r) = &room {
            match how {
                Removal::Retired => {
                    let mut body = r.clone();
                    body.retired = true;
                    tx.put(body)?;
                }
                Removal::Deleted => tx.delete::<Room>(r.id.as_bytes(), DELETE_REASON)?,
            }
        }
        Ok(how)
    })
}

/// Removes a room and its beds from the plan (retired if any had a stay).
pub fn remove_room(store: &Store, room: RoomId, today: NaiveDate) -> BedResult<Removal> {
    let r = store.get::<Room>(room.as_bytes())?.filter(|r| !r.is_deleted()).ok_or(StoreError::NotFound("room"))?.body;
    let beds: Vec<Bed> = live_beds(store)?.into_iter().filter(|b| b.room_id == room && !b.retired).collect();
    remove(store, Some(r), beds, today)
}

/// Removes a bed from the plan (retired if it ever had a stay).
pub fn remove_bed(store: &Store, bed: BedId, today: NaiveDate) -> BedResult<Removal> {
    let b = store.get::<Bed>(bed.as_bytes())?.filter(|b| !b.is_deleted()).ok_or(StoreError::NotFound("bed"))?.body;
    if b.retired {
        return Err(Refusal::Retired.into());
    }
    remove(store, None, vec![b], today)
}

/// Puts a bed out of service (with a reason and, if known, the last day) or
/// back in service (`None`). Managers only. Refused while someone sleeps in
/// it or it is held tonight.
pub fn set_out_of_service(store: &Store, bed: BedId, oos: Option<OutOfService>, today: NaiveDate) -> BedResult<Bed> {
    manager_only(store)?;
    let cur = store.get::<Bed>(bed.as_bytes())?.filter(|b| !b.is_deleted()).ok_or(StoreError::NotFound("bed"))?.body;
    if cur.retired {
        return Err(Refusal::Retired.into());
    }
    let oos = oos.map(|o| OutOfService { reason: o.reason.trim().to_string(), until: o.until });
    if let Some(o) = &oos {
        if o.reason.is_empty() {
            return Err(BedError::Store(StoreError::Invalid("reason".into())));
        }
        if o.until.is_some_and(|u| u < today) {
            return Err(Refusal::PastDate.into());
        }
        if open_stays(store)?.iter().any(|s| s.bed_id == bed) {
            return Err(Refusal::Occupied.into());
        }
        if super::reservations(store)?.iter().any(|r| r.bed_id == bed && r.holds(today)) {
            return Err(Refusal::AlreadyReserved.into());
        }
    }
    let summary = if oos.is_some() { "out_of_service" } else { "back_in_service" };
    let entry = AuditEntry::new(AuditAction::Update, "bed").id(*bed.as_bytes()).summary(summary);
    store.commit_with(entry, |tx| {
        if oos.is_some() && index::open_stay_of_bed(tx, bed)?.is_some() {
            return Err(BedError::Refused(Refusal::Occupied));
        }
        let mut body = tx.get::<Bed>(bed.as_bytes())?.ok_or(StoreError::NotFound("bed"))?.body;
        body.out_of_service = oos.clone();
        Ok(tx.put(body)?.body)
    })
}
