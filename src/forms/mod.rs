//! Form declarations, one file per form, each a list of fields for the
//! generic engine in [`crate::form`].

pub mod centre;
pub mod sample;
pub mod user;

use crate::app::context::Ctx;
use crate::app::screen::{Draft, Screen};

/// The form a kept draft belongs to, refilled, for reopening after login.
///
/// Only forms that know how to save on their own can come back: the
/// first-run form's saving belongs to its caller, and it never has a draft
/// (there is no centre to keep one in yet).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    match draft.form.as_str() {
        "user" => Some(Box::new(user::screen(ctx, None, user::save_to_store()).with_draft(draft))),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
