//! The dashboard's figures, read from the store at a given time: today's
//! arrivals and the next one, free beds per wing, overdue pickups and
//! services, the last roll-call's absentees, reminders for managers, and the
//! people assisted this year. The screen only draws them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::domain::case::CaseFront;
use crate::domain::ids::BedId;
use crate::domain::occupancy::{BedState, bed_states, free_per_wing};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::rooms::{Bed, Room, Wing};
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};
use crate::ops::night::Absentee;
use crate::store::digest::{CaseDigest, OpenService};
use crate::store::record::live;
use crate::store::{AuditAction, Store, StoreError};

/// The next person expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextArrival {
    /// When the flight is expected (a delay counted).
    pub at: NaiveDateTime,
    /// The flight number.
    pub flight: String,
    /// Airport and terminal.
    pub place: String,
    /// Alias and case code of the person, empty when not known yet.
    pub who: String,
}

/// The people the last roll-call found away and who are neither back nor checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absentees {
    /// The night of that roll-call.
    pub night: NaiveDate,
    /// Who is still away (never empty).
    pub away: Vec<Absentee>,
}

/// Why a backup reminder shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReminder {
    /// No backup was ever verified.
    Never,
    /// The last verified backup is this many days old.
    DaysAgo(i64),
}

/// The centre's settings the reminders depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Years a closed case is kept.
    pub retention_years: u32,
    /// Days after which a backup is due.
    pub backup_reminder_days: u32,
}

/// What the dashboard shows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Pickups today per status.
    pub arrivals_today: Vec<(PickupStatus, u32)>,
    /// The next expected arrival.
    pub next_arrival: Option<NextArrival>,
    /// Pickups past their time and still scheduled.
    pub overdue_pickups: u32,
    /// Free beds per wing.
    pub free: Vec<(Wing, u32)>,
    /// Free beds in all.
    pub free_total: u32,
    /// Beds occupied tonight.
    pub occupied: u32,
    /// Usable beds.
    pub capacity: u32,
    /// Planned services past their date.
    pub overdue_services: u32,
    /// People who arrived this year.
    pub assisted_this_year: u32,
    /// Closed cases past the retention period (managers only).
    pub past_retention: u32,
    /// A backup is due (managers only).
    pub backup_overdue: Option<BackupReminder>,
    /// The last roll-call's absentees, if any is still away.
    pub absentees: Option<Absentees>,
}

impl Summary {
    /// Reads the figures at `now` (local time).
    pub fn load(store: &Store, now: NaiveDateTime, limits: Limits) -> Result<Summary, StoreError> {
        let today = now.date();
        // The digest holds only what can still change a figure (awaited or
        // recent pickups, open stays, open planned services, a line per case):
        // no full scan on the way to the first frame.
        let pickups: Vec<Pickup> = store.digest::<Pickup>()?;
        let cases: Vec<CaseDigest> = store.digest::<CaseFront>()?;
        let mut s = Summary::default();
        s.arrivals(store, &pickups, now)?;
        s.beds(store, today)?;
        let services: Vec<OpenService> = store.digest::<ServiceItem>()?;
        s.overdue_services = count(services.iter().filter(|i| i.is_overdue(today)));
        // Erased cases still count, through their anonymised trace.
        let erased = store.scan::<AnonymisedCase>()?.into_iter().filter(|t| t.body.year == today.year()).count();
        let arrived = cases.iter().filter(|c| c.arrived_on.is_some_and(|d| d.year() == today.year())).count();
        s.assisted_this_year = u32::try_from(arrived + erased).unwrap_or(u32::MAX);
        s.absentees = crate::ops::night::absentees(store)?
            .filter(|(_, away)| !away.is_empty())
            .map(|(night, away)| Absentees { night, away });
        s.reminders(store, &cases, today, limits)?;
        Ok(s)
    }

    /// Today's pickups per status, the overdue ones, and the next expected.
    fn arrivals(&mut self, store: &Store, pickups: &[Pickup], now: NaiveDateTime) -> Result<(), StoreError> {
        let today = now.date();
        for st in PickupStatus::all() {
            let n = count(pickups.iter().filter(|p| p.scheduled.date() == today && p.status == st));
            if n > 0 {
                self.arrivals_today.push((st, n));
            }
        }
        self.overdue_pickups = count(pickups.iter().filter(|p| p.is_overdue(now)));
        let next = pickups
            .iter()
            .filter(|p| matches!(p.status, PickupStatus::Scheduled | PickupStatus::Delayed) && p.expected_at() >= now)
            .min_by_key(|p| p.expected_at());
        if let Some(p) = next {
            let who = match p.case_id {
                Some(c) => store
                    .get::<CaseFront>(c.as_bytes())?
                    .map(|c| format!("{} {}", c.body.alias, c.body.code))
                    .unwrap_or_default(),
                None => String::new(),
            };
            let place = format!("{} {}", p.airport, p.terminal.clone().unwrap_or_default());
            self.next_arrival = Some(NextArrival {
                at: p.expected_at(),
                flight: p.flight.to_string(),
                place: place.trim().to_string(),
                who,
            });
        }
        Ok(())
    }

    /// Free beds per wing, occupied and usable beds tonight.
    fn beds(&mut self, store: &Store, today: NaiveDate) -> Result<(), StoreError> {
        let rooms: Vec<Room> = live(store.scan::<Room>()?);
        let beds: Vec<Bed> = live(store.scan::<Bed>()?);
        let stays: Vec<Stay> = store.digest::<Stay>()?;
        let reservations: Vec<Reservation> = live(store.scan::<Reservation>()?);
        let states = bed_states(&beds, &stays, &reservations, today);
        let (free, total) = free_per_wing(&rooms, &beds, &states);
        self.free = free;
        self.free_total = total;
        let occupied: std::collections::BTreeSet<BedId> =
            states.iter().filter(|(_, v)| matches!(v, BedState::Occupied(_))).map(|(id, _)| *id).collect();
        self.occupied = count(occupied.iter());
        self.capacity = crate::domain::occupancy::beds_in_use(&beds, &occupied, today);
        Ok(())
    }

    /// Cases past retention and a backup due, for the roles that act on them.
    fn reminders(
        &mut self,
        store: &Store,
        cases: &[CaseDigest],
        today: NaiveDate,
        limits: Limits,
    ) -> Result<(), StoreError> {
        if store.may(Act::Erase, DataClass::Case) {
            let limit = crate::ops::access::retention_limit(today, limits.retention_years);
            self.past_retention = count(cases.iter().filter(|c| c.closed && c.updated_on < limit));
        }
        if store.may(Act::ReviewAudit, DataClass::Front) {
            let last = store.last_audit_of(AuditAction::Backup)?;
            let days = last.map(|t| (store.now() - t).num_days());
            if days.is_none_or(|d| d >= i64::from(limits.backup_reminder_days)) {
                self.backup_overdue = Some(days.map_or(BackupReminder::Never, BackupReminder::DaysAgo));
            }
        }
        Ok(())
    }
}

fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}
