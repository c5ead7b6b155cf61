//! Synthetic, deterministic demo data for a freshly created centre: rooms and
//! beds, a directory of organisations, cases at every stage with their
//! services, stays, pickups, referrals, consents, journeys and notes.
//!
//! Everything is invented. Names are random combinations from small pools;
//! phone numbers are in the unassigned `+7 900 000-…` range or `555-01xx`;
//! e-mail addresses use `example.org`. The same `cases` and `today` always
//! give the same records (ids included): the generator has its own seeded
//! PRNG and draws no system randomness.

mod housing;
mod links;
mod names;
mod orgs;
mod people;
mod pickups;
mod plan;
mod rng;
mod rooms;
mod services;
pub mod users;
mod world;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::domain::case_code::CaseCode;
use crate::store::{AuditAction, AuditEntry, Record, Result, Store, StoreError};
pub use world::{CaseBundle, World};

/// The default number of demo cases.
pub const DEFAULT_CASES: usize = 60;

/// Records written per commit: each commit fsyncs, so batch, but keep one
/// sled transaction small enough to stay quick.
const BATCH: usize = 1000;

/// What the demo created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoSummary {
    /// Cases.
    pub cases: usize,
    /// Rooms.
    pub rooms: usize,
    /// Beds.
    pub beds: usize,
    /// Beds with an open stay.
    pub occupied: usize,
    /// Reservations still holding a bed (today or later).
    pub reserved: usize,
    /// Beds out of service today.
    pub out_of_service: usize,
    /// Airport pickups.
    pub pickups: usize,
    /// Organisations in the directory.
    pub organisations: usize,
}

/// Builds the demo centre in memory (no store needed): what `populate` writes.
pub fn generate(centre: &str, cases: usize, today: NaiveDate) -> World {
    world::build(centre, cases, today)
}

/// Fills a freshly created centre with `cases` synthetic cases as of `today`.
///
/// Case codes come from the store's own sequence, so the centre should be
/// empty; everything else is the same for the same `cases` and `today`.
pub fn populate(store: &Store, cases: usize, today: NaiveDate) -> Result<DemoSummary> {
    let centre = store.header().centre_code.clone();
    let world = world::build(&centre, cases, today);
    write(store, &world)?;
    Ok(summary(&world, today))
}

/// Counts for the message shown after `haven demo`.
pub fn summary(world: &World, today: NaiveDate) -> DemoSummary {
    DemoSummary {
        cases: world.cases.len(),
        rooms: world.building.rooms.len(),
        beds: world.building.beds.len(),
        occupied: world.stays.iter().filter(|s| s.is_open()).count(),
        reserved: world.reservations.iter().filter(|r| !r.released && r.for_date >= today).count(),
        out_of_service: world.building.beds.iter().filter(|b| !b.usable_on(today)).count(),
        pickups: world.pickups.len(),
        organisations: world.organisations.len(),
    }
}

/// Writes a list of records of one type in batches of [`BATCH`].
fn put_all<T: Record>(store: &Store, what: &str, records: &[T]) -> Result<()> {
    for chunk in records.chunks(BATCH) {
        let entry = AuditEntry::new(AuditAction::Create, "demo")
            .said("demo-data", &[("count", chunk.len().to_string()), ("what", what.to_string())]);
        store.commit(entry, |tx| {
            for r in chunk {
                tx.put(r.clone())?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Writes every case with its records, a few dozen cases per commit; each
/// case is numbered by the store's sequence inside the commit.
fn put_cases(store: &Store, centre: &str, cases: &[CaseBundle]) -> Result<()> {
    let mut start = 0;
    while start < cases.len() {
        let mut end = start;
        let mut records = 0;
        while end < cases.len() && (records < BATCH || end == start) {
            records += cases.get(end).map_or(1, CaseBundle::records);
            end += 1;
        }
        let chunk = cases.get(start..end).unwrap_or_default();
        let entry = AuditEntry::new(AuditAction::Create, "demo")
            .said("demo-data", &[("count", chunk.len().to_string()), ("what", "cases".to_string())]);
        store.commit(entry, |tx| {
            for b in chunk {
                let seq = tx.next_case_seq(b.year)?;
                let mut front = b.front.clone();
                front.code = CaseCode::new(centre, b.year, seq).map_err(|e| StoreError::Invalid(e.to_string()))?;
                tx.put(front)?;
                tx.put(b.private.clone())?;
                for r in &b.services {
                    crate::ops::services::put_new(tx, r)?;
                }
                for r in &b.referrals {
                    tx.put(r.clone())?;
                }
                for r in &b.consents {
                    tx.put(r.clone())?;
                }
                if let Some(t) = &b.travel {
                    tx.put(t.clone())?;
                }
                for r in &b.notes {
                    tx.put(r.clone())?;
                }
                for r in &b.medical {
                    tx.put(r.clone())?;
                }
            }
            Ok(())
        })?;
        start = end;
    }
    Ok(())
}

fn write(store: &Store, world: &World) -> Result<()> {
    put_all(store, "rooms", &world.building.rooms)?;
    put_all(store, "beds", &world.building.beds)?;
    put_all(store, "organisations", &world.organisations)?;
    put_cases(store, &store.header().centre_code, &world.cases)?;
    put_all(store, "stays", &world.stays)?;
    put_all(store, "pickups", &world.pickups)?;
    put_all(store, "reservations", &world.reservations)?;
    Ok(())
}
