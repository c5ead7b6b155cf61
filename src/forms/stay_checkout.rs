//! Check-out: why the stay ends and on which day. Leaving (not a hospital
//! stay) marks the housing service done and the case departed.

use chrono::NaiveDate;

use super::bed_words as text;
use super::stay_open::{self, OpenStay, OverStay};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::stay::{Stay, StayEndReason};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::beds::{self, Snapshot};

/// Shorthand for this form's field declarations.
type F = FieldSpec<CheckOut>;

/// What the check-out form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOut {
    /// The stay, as shown.
    pub stay: OpenStay,
    /// Why the stay ends.
    pub reason: StayEndReason,
    /// Day of leaving.
    pub on: Option<NaiveDate>,
}

impl OverStay for CheckOut {
    fn stay(&self) -> &OpenStay {
        &self.stay
    }
}

/// The end reasons a check-out offers (a transfer has its own action).
pub fn reasons(ctx: &Ctx) -> Vec<(String, String)> {
    StayEndReason::all()
        .filter(|r| *r != StayEndReason::Transferred)
        .map(|r| (r.key().to_string(), ctx.t(&format!("stay-end-{}", r.key()))))
        .collect()
}

fn validate(r: &CheckOut, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match r.on {
        Some(on) if on < r.stay.from => vec![("on", "beds-error-checkout-before")],
        _ => Vec::new(),
    }
}

/// The declaration.
pub fn def() -> FormDef<CheckOut> {
    FormDef {
        id: FormId::StayCheckout,
        title: "form-stay-checkout-title",
        fields: stay_open::fields(vec![
            F::new("reason", "field-stay-end-reason", FieldKind::Choice(reasons))
                .required()
                .load(|r| Value::Key(r.reason.key().into()))
                .store(|r, v| StayEndReason::from_key(&v.text()).map(|e| r.reason = e).ok_or("form-error-choice")),
            F::new("on", "field-stay-check-out-date", FieldKind::Date)
                .required()
                .load(|r| r.on.into())
                .store(|r, v| set(&mut r.on, v.date())),
        ]),
        validate: Some(validate),
    }
}

fn save() -> OnSave<CheckOut> {
    Box::new(|r: &CheckOut, ctx: &mut Ctx| {
        let today = ctx.today();
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::check_out(store, r.stay.case, r.on.unwrap_or(today), r.reason, today) {
            Ok(_) => {
                Ok(Outcome::PopWith(ctx.i18n.t_args("beds-checked-out", &[("who", r.stay.person.clone().into())])))
            }
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The check-out form for `stay`.
pub fn screen(ctx: &Ctx, snap: &Snapshot, stay: &Stay) -> FormScreen<CheckOut> {
    let rec = CheckOut { stay: OpenStay::of(ctx, snap, stay), reason: StayEndReason::Departed, on: Some(ctx.today()) };
    stay_open::screen(ctx, def(), stay, rec, save())
}

/// Reopens a kept check-out draft (its record is the stay).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    stay_open::reopen(draft, ctx, |snap, s| screen(ctx, snap, s).with_draft(draft))
}
