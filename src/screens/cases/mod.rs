//! The cases screens: the list (F4) with filters and search as you type
//! across scripts, the case file with its tabs, and the forms they open.

pub mod file;
mod filter;
mod forms;
mod list;
mod list_view;
mod search_bar;

pub use file::CaseFile;
pub use filter::StatusFilter;
pub use list::CaseList;
pub use search_bar::PENDING_MARK;

use crate::app::context::Ctx;
use crate::app::screen::Screen;

/// Opens the case list.
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    Some(Box::new(CaseList::new(ctx)))
}

/// Opens the file of one case (the view is recorded before it is shown).
pub fn open_file(ctx: &Ctx, case: crate::domain::ids::CaseId) -> Option<Box<dyn Screen>> {
    Some(Box::new(CaseFile::open(ctx, case)))
}
