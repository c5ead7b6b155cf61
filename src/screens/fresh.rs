//! When a screen reads its data again: the one freshness rule. A screen
//! notes the store's generation (its count of saves) when it reads, and
//! reads again once the count has moved, whoever saved: this screen, another
//! one, sync. Screens whose figures also depend on the time of day (overdue,
//! tonight) read again after an age as well. The time of the last save is
//! no signal: two saves in one millisecond, or any under a fixed clock,
//! leave it unchanged.

use chrono::NaiveDateTime;

use crate::app::context::Ctx;
use crate::store::Store;

/// What a screen last read, as the store counts saves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Freshness {
    seen: u64,
    loaded_at: Option<NaiveDateTime>,
    max_age_seconds: Option<i64>,
}

/// The store's count of saves (0 while there is no open store).
fn generation(ctx: &Ctx) -> u64 {
    ctx.store().map_or(0, Store::generation)
}

impl Freshness {
    /// Read again after any save.
    pub fn on_save() -> Freshness {
        Freshness::default()
    }

    /// Read again after any save, and at least every `seconds`.
    pub fn on_save_or_every(seconds: i64) -> Freshness {
        Freshness { max_age_seconds: Some(seconds), ..Freshness::default() }
    }

    /// The screen reads its data now: what it reads includes every save
    /// counted so far.
    pub fn loaded(&mut self, ctx: &Ctx) {
        self.seen = generation(ctx);
        self.loaded_at = Some(ctx.now());
    }

    /// Whether the data is to be read again: a save since, or too old.
    pub fn due(&self, ctx: &Ctx) -> bool {
        if generation(ctx) != self.seen {
            return true;
        }
        match self.max_age_seconds {
            Some(max) => self.loaded_at.is_none_or(|t| (ctx.now() - t).num_seconds() >= max),
            None => false,
        }
    }

    /// The screen saved something that changes nothing it shows (a reveal
    /// recorded): if nothing else was saved since it read (the count was
    /// `before`), that save is no reason to read again.
    pub fn own_save(&mut self, before: u64, store: &Store) {
        if self.seen == before {
            self.seen = store.generation();
        }
    }
}
