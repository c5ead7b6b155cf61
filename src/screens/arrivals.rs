//! The arrivals screen (not built yet: its key does nothing and is not advertised).

use crate::app::context::Ctx;
use crate::app::screen::Screen;

/// Whether this screen exists yet.
pub const READY: bool = false;

/// Opens the screen.
pub fn open(_ctx: &Ctx) -> Option<Box<dyn Screen>> {
    None
}
