//! What the bed board and the rooms setup share about reading the beds:
//! the plan as of today, read again after any save, once a minute (the night
//! turns, reservations lapse), and on return from a form or list opened from
//! the screen.

use std::sync::Arc;

use crate::app::context::Ctx;
use crate::app::screen::Outcome;
use crate::ops::beds::Snapshot;
use crate::screens::fresh::Freshness;

/// Seconds after which the beds are read again even without a save.
const EVERY_SECONDS: i64 = 60;

/// When a bed screen reads the beds again.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    fresh: Freshness,
    returning: bool,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading { fresh: Freshness::on_save_or_every(EVERY_SECONDS), returning: false }
    }
}

impl Reading {
    /// Reads the beds as of today, or the error to show instead.
    pub fn read(&mut self, ctx: &Ctx) -> Result<Arc<Snapshot>, String> {
        self.fresh.loaded(ctx);
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        Snapshot::load(store, ctx.today()).map(Arc::new).map_err(|e| ctx.error_text(&e))
    }

    /// What an action led to: a screen opened from here means reading
    /// again when it closes (whatever it saved or not).
    pub fn after(&mut self, out: &Outcome) {
        if matches!(out, Outcome::Push(_)) {
            self.returning = true;
        }
    }

    /// Whether to read again now: a save since, a minute gone, or back from
    /// a screen opened here.
    pub fn due(&mut self, ctx: &Ctx) -> bool {
        let due = self.returning || self.fresh.due(ctx);
        self.returning = false;
        due
    }
}
