//! The night roll-call (F5): occupied beds in walking order, one key per
//! bed, the discrepancies listed at the end. A full roll-call of N occupied
//! beds where everyone is in takes N + 2 keys: F5, N × present, Ctrl-S.

pub mod screen;
pub mod view;
pub mod walk;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::app::context::Ctx;
use crate::app::screen::{Draft, Screen};
use crate::domain::night::night_of;
use crate::ops::beds::Snapshot;

pub use screen::{DRAFT, RollCall};

fn roll_call(ctx: &Ctx, night: NaiveDate, started_at: NaiveDateTime) -> Option<RollCall> {
    let snap = Snapshot::load(ctx.store().ok()?, night).ok()?;
    Some(RollCall::new(ctx, Arc::new(snap), started_at))
}

/// Opens the roll-call of the night it is now (before 08:00, last night's).
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let now = ctx.now();
    Some(Box::new(roll_call(ctx, night_of(now), now)?))
}

/// Reopens a walk kept as a draft (after a lock), with its marks.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let field = |name: &str| draft.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    let night = field("night")?.parse::<NaiveDate>().ok()?;
    let started = field("started").and_then(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok());
    let mut screen = roll_call(ctx, night, started.unwrap_or_else(|| ctx.now()))?;
    screen.restore(draft);
    Some(Box::new(screen))
}
