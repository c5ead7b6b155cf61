//! The cases screen (not built yet: its key does nothing and is not advertised).

use crate::app::context::Ctx;
use crate::app::screen::Screen;

/// Whether this screen exists yet.
pub const READY: bool = false;

/// Opens the screen.
pub fn open(_ctx: &Ctx) -> Option<Box<dyn Screen>> {
    None
}

/// Opens the file of one case.
pub fn open_file(_ctx: &Ctx, _case: crate::domain::ids::CaseId) -> Option<Box<dyn Screen>> {
    None
}
