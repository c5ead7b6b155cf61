//! Check-out: why the stay ends and on which day. Leaving (not a hospital
//! stay) marks the housing service done and the case departed.

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::{CaseId, StayId};
use crate::domain::stay::{Stay, StayEndReason, nights};
use crate::form::FormId;
use crate::form::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::beds::{self, Snapshot};

/// Shorthand for this form's field declarations.
type F = FieldSpec<CheckOut>;

/// What the check-out form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOut {
    /// The person.
    pub case: CaseId,
    /// The check-in day.
    pub from: NaiveDate,
    /// `MSK-26-0042 · Ayla` (shown).
    pub person: String,
    /// The bed (shown).
    pub bed: String,
    /// `since 1 Nov 2026, 30 nights` (shown).
    pub since: String,
    /// Why the stay ends.
    pub reason: StayEndReason,
    /// Day of leaving.
    pub on: Option<NaiveDate>,
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
        Some(on) if on < r.from => vec![("on", "beds-error-checkout-before")],
        _ => Vec::new(),
    }
}

/// The declaration.
pub fn def() -> FormDef<CheckOut> {
    FormDef {
        id: FormId::StayCheckout,
        title: "form-stay-checkout-title",
        fields: vec![
            F::new("person", "field-stay-person", FieldKind::Text { max: 200 })
                .read_only()
                .load(|r| r.person.as_str().into()),
            F::new("bed", "field-stay-bed", FieldKind::Text { max: 200 }).read_only().load(|r| r.bed.as_str().into()),
            F::new("since", "field-stay-since", FieldKind::Text { max: 200 })
                .read_only()
                .load(|r| r.since.as_str().into()),
            F::new("reason", "field-stay-end-reason", FieldKind::Choice(reasons))
                .required()
                .load(|r| Value::Key(r.reason.key().into()))
                .store(|r, v| StayEndReason::from_key(&v.text()).map(|e| r.reason = e).ok_or("form-error-choice")),
            F::new("on", "field-stay-check-out-date", FieldKind::Date)
                .required()
                .load(|r| r.on.into())
                .store(|r, v| set(&mut r.on, v.date())),
        ],
        validate: Some(validate),
    }
}

fn save() -> OnSave<CheckOut> {
    Box::new(|r: &CheckOut, ctx: &mut Ctx| {
        let today = ctx.today();
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::check_out(store, r.case, r.on.unwrap_or(today), r.reason, today) {
            Ok(_) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-checked-out", &[("who", r.person.clone().into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The check-out form for `stay`.
pub fn screen(ctx: &Ctx, snap: &Snapshot, stay: &Stay) -> FormScreen<CheckOut> {
    let bed = snap.bed(stay.bed_id).map(|b| crate::ui::sanitize::inert(&b.label).into_owned()).unwrap_or_default();
    let since = ctx.i18n.t_args(
        "beds-detail-since",
        &[("date", ctx.i18n.format_date(stay.from).into()), ("count", i64::from(nights(stay, ctx.today())).into())],
    );
    let rec = CheckOut {
        case: stay.case_id,
        from: stay.from,
        person: snap.cases.get(&stay.case_id).map(text::person).unwrap_or_default(),
        bed,
        since,
        reason: StayEndReason::Departed,
        on: Some(ctx.today()),
    };
    FormScreen::new(def(), rec, Some(*stay.id.as_bytes()), save(), ctx)
}

/// Reopens a kept check-out draft (its record is the stay).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let stay = StayId::from_bytes(draft.record?);
    let snap = Snapshot::load(ctx.store().ok()?, ctx.today()).ok()?;
    let s = snap.stays.iter().find(|s| s.id == stay && s.is_open())?;
    Some(Box::new(screen(ctx, &snap, s).with_draft(draft)))
}
