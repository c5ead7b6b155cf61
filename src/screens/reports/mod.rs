//! Reports (F6): the donor report of a month, quarter, year or any range,
//! figure by figure as tables, bar charts and sparklines, and exports of the
//! report or the records from here. The figures are those of `haven report`.

pub mod dialog;
pub mod grid;
pub mod screen;
pub mod tabs;

use crate::app::context::Ctx;
use crate::app::screen::Screen;

pub use screen::Reports;

/// Opens the reports of the current month.
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    Some(Box::new(Reports::open(ctx)))
}
