//! Form declarations, one file per form, each a list of fields for the
//! generic engine in [`crate::form_engine`].

pub mod arrivals_flow;
pub mod arrivals_walkin;
pub mod bed;
pub mod bed_words;
pub mod case_common;
pub mod case_contact;
pub mod case_document;
pub mod case_entry;
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
pub mod stay_open;
pub mod stay_reserve;
pub mod travel;
pub mod user;

use crate::app::context::Ctx;
use crate::app::screen::{Draft, Screen};
use crate::form_engine::FormId;

/// The form `id` a kept draft belongs to, refilled, for reopening after
/// login (`screens::reopen_draft` reads the id from the draft).
///
/// Only forms that know how to save on their own can come back: the
/// first-run form's saving belongs to its caller, and it never has a draft
/// (there is no centre to keep one in yet); the night walk is a screen.
pub fn reopen(id: FormId, draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    fn boxed<S: Screen + 'static>(s: Option<S>) -> Option<Box<dyn Screen>> {
        s.map(|s| Box::new(s) as Box<dyn Screen>)
    }
    match id {
        FormId::User => Some(Box::new(user::screen(ctx, None, user::save_to_store()).with_draft(draft))),
        FormId::Pickup => boxed(pickup::reopen(draft, ctx)),
        FormId::WalkIn => Some(Box::new(arrivals_walkin::reopen(draft, ctx))),
        FormId::CaseFront => boxed(case_front::reopen(draft, ctx)),
        FormId::CaseIdentity => boxed(case_identity::reopen(draft, ctx)),
        FormId::CaseDocument => boxed(case_document::reopen(draft, ctx)),
        FormId::CaseContact => boxed(case_contact::reopen(draft, ctx)),
        FormId::CaseTrafficking => boxed(case_trafficking::reopen(draft, ctx)),
        FormId::Service => boxed(service::reopen(draft, ctx)),
        FormId::Referral => boxed(referral::reopen(draft, ctx)),
        FormId::Consent => boxed(consent::reopen(draft, ctx)),
        FormId::Travel => boxed(travel::reopen(draft, ctx)),
        FormId::Note => boxed(note::reopen(draft, ctx)),
        FormId::Organisation => boxed(organisation::reopen(draft, ctx)),
        FormId::CaseClose | FormId::CaseReopen => closing::reopen_draft(id, draft, ctx),
        FormId::StayAssign | FormId::StayTransfer => stay::reopen(id, draft, ctx),
        FormId::StayCheckout => stay_checkout::reopen(draft, ctx),
        FormId::StayExtend => stay_extend::reopen(draft, ctx),
        FormId::StayReserve => stay_reserve::reopen(draft, ctx),
        FormId::Bed | FormId::BedOutOfService => bed::reopen(id, draft, ctx),
        FormId::Room => room::reopen(draft, ctx),
        FormId::Centre | FormId::Sample | FormId::NightRollCall => None,
    }
}

#[cfg(test)]
mod tests;
