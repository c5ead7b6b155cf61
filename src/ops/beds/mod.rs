//! Beds: check-in, transfer, check-out, reservations, out of service, and the
//! rooms-and-beds plan. One function per user action, each one transaction
//! with one audit event.
//!
//! "Two staff can never put two people in one bed": every write re-checks
//! the unique index entries `open_stay_bed/<bed>` and `open_stay_case/<case>`
//! inside the transaction that writes them. Stays written before the index
//! existed (demo data, imports, other laptops through sync) are found by a
//! scan before the commit and re-read inside it, so the check holds for them too.

mod before;
mod index;
mod plan;
mod reserve;
mod snapshot;
mod stays;

use std::collections::HashMap;

pub use plan::{Removal, remove_bed, remove_room, save_bed, save_room, set_out_of_service};
pub use reserve::{cancel_reservation, held_for_pickup, release_for_pickup, release_for_pickup_in, reserve};
pub use snapshot::{Candidate, CandidateGroup, Snapshot, candidates};
pub use stays::{Placement, assign, check_out, set_expected_departure, transfer};

use crate::domain::ids::PickupId;
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::placement::Refusal;
use crate::domain::stay::Reservation;
use crate::domain::user::Role;
use crate::store::{Store, StoreError};

/// Why a beds operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum BedError {
    /// A rule refused it; nothing was written.
    #[error("refused: {0}")]
    Refused(Refusal),
    /// The store failed; nothing was written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<Refusal> for BedError {
    fn from(r: Refusal) -> Self {
        BedError::Refused(r)
    }
}

/// Result of a beds operation.
pub type BedResult<T> = Result<T, BedError>;

pub(crate) use crate::store::record::live;

/// Whether a reservation made for a pickup has lapsed: the person did not
/// come, or the pickup was called off. It no longer holds its bed even if
/// nobody has released it yet.
pub fn lapsed(r: &Reservation, pickup_status: Option<PickupStatus>) -> bool {
    r.pickup_id.is_some() && matches!(pickup_status, Some(PickupStatus::NoShow | PickupStatus::Cancelled))
}

/// Every reservation, those whose pickup lapsed marked released (in memory).
pub(crate) fn reservations(store: &Store) -> crate::store::Result<Vec<Reservation>> {
    let pickups: HashMap<PickupId, PickupStatus> =
        live(store.scan::<Pickup>()?).into_iter().map(|p| (p.id, p.status)).collect();
    Ok(without_lapsed(live(store.scan::<Reservation>()?), &pickups))
}

/// `all` with the reservations of lapsed pickups marked released.
pub(crate) fn without_lapsed(mut all: Vec<Reservation>, pickups: &HashMap<PickupId, PickupStatus>) -> Vec<Reservation> {
    for r in &mut all {
        if lapsed(r, r.pickup_id.and_then(|p| pickups.get(&p).copied())) {
            r.released = true;
        }
    }
    all
}

/// Whether the logged-in user is a manager.
pub(crate) fn is_manager(store: &Store) -> bool {
    store.session().is_ok_and(|s| s.role == Role::Manager)
}

/// A reason typed for an override, trimmed; `None` when blank.
pub(crate) fn reason(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

#[cfg(test)]
pub(crate) mod tests;
