//! What the bed screens read: rooms, beds, stays, reservations, and the
//! cases and pickups they name, loaded once and then looked up in memory so
//! that moving across the board never touches the store.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::live;
use crate::domain::case::{CaseFront, CaseStatus};
use crate::domain::ids::{BedId, CaseId, PickupId, RoomId};
use crate::domain::occupancy::covers;
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::rooms::{Bed, Room};
use crate::domain::stay::{Reservation, Stay};
use crate::store::{Store, StoreError};

/// The beds and who is in them, as of one load.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The day the snapshot is for (tonight).
    pub day: NaiveDate,
    /// Rooms, retired ones included (history), deleted ones not.
    pub rooms: Vec<Room>,
    /// Beds, retired ones included, in walking order.
    pub beds: Vec<Bed>,
    /// Every stay, open and closed.
    pub stays: Vec<Stay>,
    /// Every reservation.
    pub reservations: Vec<Reservation>,
    /// Case fronts by id.
    pub cases: HashMap<CaseId, CaseFront>,
    /// Pickups by id.
    pub pickups: HashMap<PickupId, Pickup>,
    open_by_bed: HashMap<BedId, usize>,
    open_by_case: HashMap<CaseId, usize>,
}

impl Snapshot {
    /// Reads everything the bed screens show for `day`.
    pub fn load(store: &Store, day: NaiveDate) -> Result<Snapshot, StoreError> {
        let pickups: HashMap<PickupId, Pickup> = live(store.scan::<Pickup>()?).into_iter().map(|p| (p.id, p)).collect();
        let statuses = pickups.iter().map(|(id, p)| (*id, p.status)).collect();
        let stays = live(store.scan::<Stay>()?);
        let reservations = super::without_lapsed(live(store.scan::<Reservation>()?), &statuses);
        // The cases the screens name: every case still open (candidates
        // for a bed) from the digest, and whoever an open stay, a
        // reservation or a pickup refers to — not every case the centre
        // ever had, nor the people of closed stays, whom no bed screen shows.
        let mut wanted: HashSet<Vec<u8>> =
            store.digest_keyed::<CaseFront>()?.into_iter().filter(|(_, c)| !c.closed).map(|(k, _)| k).collect();
        let open_stays = stays.iter().filter(|s| s.is_open());
        let named = open_stays.map(|s| Some(s.case_id)).chain(reservations.iter().map(|r| r.case_id));
        wanted.extend(named.chain(pickups.values().map(|p| p.case_id)).flatten().map(|c| c.as_bytes().to_vec()));
        let mut cases = HashMap::with_capacity(wanted.len());
        for key in wanted {
            if let Some(c) = store.get::<CaseFront>(&key)?.filter(|c| !c.is_deleted()) {
                cases.insert(c.body.id, c.body);
            }
        }
        Ok(Snapshot::from_parts(
            day,
            live(store.scan::<Room>()?),
            live(store.scan::<Bed>()?),
            stays,
            reservations,
            cases,
            pickups,
        ))
    }

    /// A snapshot of records already in memory.
    pub fn from_parts(
        day: NaiveDate,
        rooms: Vec<Room>,
        mut beds: Vec<Bed>,
        stays: Vec<Stay>,
        reservations: Vec<Reservation>,
        cases: HashMap<CaseId, CaseFront>,
        pickups: HashMap<PickupId, Pickup>,
    ) -> Snapshot {
        beds.sort_by(|a, b| a.walk_order.cmp(&b.walk_order).then_with(|| a.label.cmp(&b.label)));
        let mut open_by_bed = HashMap::new();
        let mut open_by_case = HashMap::new();
        for (i, s) in stays.iter().enumerate().filter(|(_, s)| s.is_open()) {
            open_by_bed.insert(s.bed_id, i);
            open_by_case.insert(s.case_id, i);
        }
        Snapshot { day, rooms, beds, stays, reservations, cases, pickups, open_by_bed, open_by_case }
    }

    /// The room with id `id`.
    pub fn room(&self, id: RoomId) -> Option<&Room> {
        self.rooms.iter().find(|r| r.id == id)
    }

    /// The bed with id `id`.
    pub fn bed(&self, id: BedId) -> Option<&Bed> {
        self.beds.iter().find(|b| b.id == id)
    }

    /// The room a bed is in.
    pub fn room_of(&self, bed: &Bed) -> Option<&Room> {
        self.room(bed.room_id)
    }

    /// The open stay in a bed.
    pub fn open_stay_in(&self, bed: BedId) -> Option<&Stay> {
        self.open_by_bed.get(&bed).and_then(|i| self.stays.get(*i))
    }

    /// The open stay of a case.
    pub fn open_stay_of(&self, case: CaseId) -> Option<&Stay> {
        self.open_by_case.get(&case).and_then(|i| self.stays.get(*i))
    }

    /// The reservation holding a bed on `day`, if any.
    pub fn holding(&self, bed: BedId, day: NaiveDate) -> Option<&Reservation> {
        self.reservations.iter().find(|r| r.bed_id == bed && r.holds(day))
    }

    /// Every reservation held on the bed (any night from `day` on).
    pub fn held_from(&self, bed: BedId, day: NaiveDate) -> impl Iterator<Item = &Reservation> {
        self.reservations.iter().filter(move |r| r.bed_id == bed && !r.released && r.for_date >= day)
    }

    /// The case a reservation is for: its own, or its pickup's.
    pub fn reservation_case(&self, r: &Reservation) -> Option<&CaseFront> {
        r.case_id
            .or_else(|| r.pickup_id.and_then(|p| self.pickups.get(&p)).and_then(|p| p.case_id))
            .and_then(|c| self.cases.get(&c))
    }

    /// Beds in service in rooms in service, in walking order.
    pub fn beds_in_plan(&self) -> impl Iterator<Item = &Bed> {
        self.beds.iter().filter(|b| !b.retired && self.room_of(b).is_some_and(|r| !r.retired))
    }

    /// Stays open on the night of `day`.
    pub fn open_on(&self, day: NaiveDate) -> impl Iterator<Item = &Stay> {
        self.stays.iter().filter(move |s| s.is_open() && covers(s, day))
    }

    /// The pickups linked to a case.
    pub fn pickups_of(&self, case: CaseId) -> impl Iterator<Item = &Pickup> {
        self.pickups.values().filter(move |p| p.case_id == Some(case))
    }
}

/// Why a person is offered first for a bed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum CandidateGroup {
    /// Brought to the centre today.
    AtCentre,
    /// Met at the airport today, on the way.
    Met,
    /// Arrived (met earlier or walked in), not yet housed.
    Arrived,
    /// A pickup expected today.
    ExpectedToday,
    /// Expected on a later day, or without a pickup.
    Expected,
    /// In residence but without a bed (back from hospital).
    Resident,
    /// Left the centre, coming back.
    Departed,
}

impl CandidateGroup {
    /// Stable key (i18n suffix).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// A person who may be given a bed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The case.
    pub case: CaseId,
    /// Why they are listed where they are.
    pub group: CandidateGroup,
    /// The pickup that brings them, if any.
    pub pickup: Option<PickupId>,
    /// When: arrival at the centre, meeting, or expected landing.
    pub at: Option<NaiveDateTime>,
}

/// The last time a pickup took `status`.
fn when(p: &Pickup, status: PickupStatus) -> Option<NaiveDateTime> {
    p.changes.iter().rev().find(|(s, _)| *s == status).map(|(_, t)| *t)
}

/// Everyone without a bed who may get one, today's arrivals at the centre
/// first, then people met at the airport, arrived, expected today, expected,
/// residents without a bed, and people who left; closed cases are not offered.
pub fn candidates(snap: &Snapshot, today: NaiveDate) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for c in snap.cases.values() {
        if c.status.is_closed() || snap.open_stay_of(c.id).is_some() {
            continue;
        }
        let mut best: Option<Candidate> = None;
        let mut offer = |group: CandidateGroup, pickup: Option<PickupId>, at: Option<NaiveDateTime>| {
            let cand = Candidate { case: c.id, group, pickup, at };
            if best.as_ref().is_none_or(|b| (cand.group, cand.at) < (b.group, b.at)) {
                best = Some(cand);
            }
        };
        for p in snap.pickups_of(c.id) {
            match p.status {
                PickupStatus::AtCentre => {
                    if let Some(t) = when(p, PickupStatus::AtCentre).filter(|t| t.date() == today) {
                        offer(CandidateGroup::AtCentre, Some(p.id), Some(t));
                    }
                }
                PickupStatus::Met => offer(CandidateGroup::Met, Some(p.id), p.actual.or(when(p, PickupStatus::Met))),
                PickupStatus::Scheduled | PickupStatus::Delayed if p.expected_at().date() == today => {
                    offer(CandidateGroup::ExpectedToday, Some(p.id), Some(p.expected_at()));
                }
                PickupStatus::Scheduled | PickupStatus::Delayed if p.expected_at().date() > today => {
                    offer(CandidateGroup::Expected, Some(p.id), Some(p.expected_at()));
                }
                _ => {}
            }
        }
        match c.status {
            CaseStatus::Arrived => offer(CandidateGroup::Arrived, None, None),
            CaseStatus::Expected => offer(CandidateGroup::Expected, None, None),
            CaseStatus::InResidence => offer(CandidateGroup::Resident, None, None),
            CaseStatus::Departed => offer(CandidateGroup::Departed, None, None),
            CaseStatus::Closed | CaseStatus::ClosedReferred => {}
        }
        out.extend(best);
    }
    // Arrivals first come first; the others newest case first.
    out.sort_by_cached_key(|c| (c.group, c.at, std::cmp::Reverse(snap.cases.get(&c.case).map(|f| f.code.clone()))));
    out
}
