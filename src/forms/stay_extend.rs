//! When the person in a bed is expected to leave: the night shift's "stay
//! ended" becomes an extension (or a nearer date) here.

use chrono::NaiveDate;

use super::bed_words as text;
use super::stay_open::{self, OpenStay, OverStay};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::stay::Stay;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, set};
use crate::ops::beds::{self, Snapshot};

/// Shorthand for this form's field declarations.
type F = FieldSpec<Extend>;

/// What the form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extend {
    /// The stay, as shown.
    pub stay: OpenStay,
    /// Expected departure.
    pub until: Option<NaiveDate>,
}

impl OverStay for Extend {
    fn stay(&self) -> &OpenStay {
        &self.stay
    }
}

fn validate(r: &Extend, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match r.until {
        Some(u) if u < r.stay.from => vec![("until", "beds-error-departure-before")],
        _ => Vec::new(),
    }
}

/// The declaration.
pub fn def() -> FormDef<Extend> {
    FormDef {
        id: FormId::StayExtend,
        title: "form-stay-extend-title",
        fields: stay_open::fields(vec![
            F::new("until", "field-stay-expected-departure", FieldKind::Date)
                .load(|r| r.until.into())
                .store(|r, v| set(&mut r.until, v.date())),
        ]),
        validate: Some(validate),
    }
}

fn save() -> OnSave<Extend> {
    Box::new(|r: &Extend, ctx: &mut Ctx| {
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::set_expected_departure(store, r.stay.case, r.until) {
            Ok(_) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-extended", &[("who", r.stay.person.clone().into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The form for the open `stay`.
pub fn screen(ctx: &Ctx, snap: &Snapshot, stay: &Stay) -> FormScreen<Extend> {
    let rec = Extend { stay: OpenStay::of(ctx, snap, stay), until: stay.expected_until };
    stay_open::screen(ctx, def(), stay, rec, save())
}

/// Reopens a kept draft (its record is the stay).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    stay_open::reopen(draft, ctx, |snap, s| screen(ctx, snap, s).with_draft(draft))
}
