//! The arrivals screens: the board reception works from at the airport, its
//! prompts, and (through the forms) new pickups, edits and walk-ins.

mod actions;
mod board;
mod prompt;
mod view;

pub use board::Board;
pub use prompt::{Ask, Prompt};

use crate::app::context::Ctx;
use crate::app::screen::Screen;

/// Opens the board on today's arrivals.
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    Some(Box::new(Board::new(ctx)))
}
