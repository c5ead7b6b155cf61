//! The bed board (F3) and what is done from it: check-in, transfer,
//! check-out, reservations, beds out of service, and the way into the rooms
//! setup. Names are never shown: the alias and the case code are enough.

pub mod ask;
pub mod board;
pub mod layout;
pub mod pick;
pub mod reading;
mod rows;
pub mod view;

use std::sync::Arc;

use crate::app::context::Ctx;
use crate::app::screen::Screen;
use crate::domain::ids::{CaseId, PickupId};
use crate::domain::placement::Holder;
use crate::ops::beds::Snapshot;

/// The bed words the forms share with these screens.
pub use crate::forms::bed_words as text;
pub use board::Board;
pub use pick::Pick;

/// Opens the board.
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    ctx.store().ok()?;
    Some(Box::new(Board::new(ctx)))
}

fn snapshot(ctx: &Ctx) -> Option<Arc<Snapshot>> {
    let store = ctx.store().ok()?;
    Snapshot::load(store, ctx.today()).ok().map(Arc::new)
}

/// Offers to assign a bed to a case that has just arrived at the centre:
/// the free beds, those that fit the person first.
pub fn assign_for(ctx: &Ctx, case: CaseId) -> Option<Box<dyn Screen>> {
    let snap = snapshot(ctx)?;
    snap.cases.get(&case)?;
    Some(Box::new(Pick::bed_for_person(ctx, snap, case)))
}

/// Offers to hold a bed tonight for a pickup (reception, before leaving the airport).
pub fn reserve_for_pickup(ctx: &Ctx, pickup: PickupId) -> Option<Box<dyn Screen>> {
    let snap = snapshot(ctx)?;
    let case = snap.pickups.get(&pickup)?.case_id;
    Some(Box::new(Pick::bed_for_holder(ctx, snap, Holder { case, pickup: Some(pickup) })))
}
