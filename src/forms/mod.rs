//! Form declarations, one file per form, each a list of fields for the
//! generic engine in [`crate::form`].

pub mod bed;
pub mod arrivals_flow;
pub mod arrivals_walkin;
pub mod centre;
pub mod intake;
pub mod pickup;
pub mod room;
pub mod sample;
pub mod stay;
pub mod stay_checkout;
pub mod stay_reserve;
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
        pickup::NAME => pickup::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        arrivals_walkin::NAME => Some(Box::new(arrivals_walkin::reopen(draft, ctx))),
        "stay_assign" | "stay_transfer" => stay::reopen(draft, ctx),
        "stay_checkout" => stay_checkout::reopen(draft, ctx),
        "stay_reserve" => stay_reserve::reopen(draft, ctx),
        "bed" | "bed_out_of_service" => bed::reopen(draft, ctx),
        "room" => room::reopen(draft, ctx),
        crate::screens::night::DRAFT => crate::screens::night::reopen(draft, ctx),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
