//! The beds screen (not built yet: its key does nothing and is not advertised).

use crate::app::context::Ctx;
use crate::app::screen::Screen;

/// Whether this screen exists yet.
pub const READY: bool = false;

/// Opens the screen.
pub fn open(_ctx: &Ctx) -> Option<Box<dyn Screen>> {
    None
}

/// Offers to assign a bed to a case that has just arrived at the centre.
pub fn assign_for(_ctx: &Ctx, _case: crate::domain::ids::CaseId) -> Option<Box<dyn Screen>> {
    None
}
