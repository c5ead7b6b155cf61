//! Form declarations, one file per form, each a list of fields for the
//! generic engine in [`crate::form`].

pub mod arrivals_flow;
pub mod arrivals_walkin;
pub mod bed;
pub mod bed_words;
pub mod case_common;
pub mod case_contact;
pub mod case_document;
pub mod case_front;
pub mod case_identity;
pub mod case_options;
pub mod case_trafficking;
pub mod centre;
pub mod closing;
pub mod consent;
pub mod intake;
pub mod note;
pub mod organisation;
pub mod pickup;
pub mod referral;
pub mod room;
pub mod sample;
pub mod service;
pub mod stay;
pub mod stay_checkout;
pub mod stay_extend;
pub mod stay_reserve;
pub mod travel;
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
        case_front::NAME => case_front::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        case_identity::NAME => case_identity::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        case_document::NAME => case_document::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        case_contact::NAME => case_contact::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        case_trafficking::NAME => case_trafficking::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        service::NAME => service::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        referral::NAME => referral::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        consent::NAME => consent::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        travel::NAME => travel::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        note::NAME => note::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        organisation::NAME => organisation::reopen(draft, ctx).map(|s| Box::new(s) as Box<dyn Screen>),
        closing::CLOSE | closing::REOPEN => closing::reopen_draft(draft, ctx),
        "stay_assign" | "stay_transfer" => stay::reopen(draft, ctx),
        "stay_checkout" => stay_checkout::reopen(draft, ctx),
        "stay_extend" => stay_extend::reopen(draft, ctx),
        "stay_reserve" => stay_reserve::reopen(draft, ctx),
        "bed" | "bed_out_of_service" => bed::reopen(draft, ctx),
        "room" => room::reopen(draft, ctx),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
