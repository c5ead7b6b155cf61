//! When the person in a bed is expected to leave: the night shift's "stay
//! ended" becomes an extension (or a nearer date) here.

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::{CaseId, StayId};
use crate::domain::stay::{Stay, nights};
use crate::form::FormId;
use crate::form::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, set};
use crate::ops::beds::{self, Snapshot};

/// Shorthand for this form's field declarations.
type F = FieldSpec<Extend>;

/// What the form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extend {
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
    /// Expected departure.
    pub until: Option<NaiveDate>,
}

fn validate(r: &Extend, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match r.until {
        Some(u) if u < r.from => vec![("until", "beds-error-departure-before")],
        _ => Vec::new(),
    }
}

/// The declaration.
pub fn def() -> FormDef<Extend> {
    FormDef {
        id: FormId::StayExtend,
        title: "form-stay-extend-title",
        fields: vec![
            F::new("person", "field-stay-person", FieldKind::Text { max: 200 })
                .read_only()
                .load(|r| r.person.as_str().into()),
            F::new("bed", "field-stay-bed", FieldKind::Text { max: 200 }).read_only().load(|r| r.bed.as_str().into()),
            F::new("since", "field-stay-since", FieldKind::Text { max: 200 })
                .read_only()
                .load(|r| r.since.as_str().into()),
            F::new("until", "field-stay-expected-departure", FieldKind::Date)
                .load(|r| r.until.into())
                .store(|r, v| set(&mut r.until, v.date())),
        ],
        validate: Some(validate),
    }
}

fn save() -> OnSave<Extend> {
    Box::new(|r: &Extend, ctx: &mut Ctx| {
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::set_expected_departure(store, r.case, r.until) {
            Ok(_) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-extended", &[("who", r.person.clone().into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The form for the open `stay`.
pub fn screen(ctx: &Ctx, snap: &Snapshot, stay: &Stay) -> FormScreen<Extend> {
    let since = ctx.i18n.t_args(
        "beds-detail-since",
        &[("date", ctx.i18n.format_date(stay.from).into()), ("count", i64::from(nights(stay, ctx.today())).into())],
    );
    let rec = Extend {
        case: stay.case_id,
        from: stay.from,
        person: snap.cases.get(&stay.case_id).map(text::person).unwrap_or_default(),
        bed: snap.bed(stay.bed_id).map(|b| crate::ui::sanitize::inert(&b.label).into_owned()).unwrap_or_default(),
        since,
        until: stay.expected_until,
    };
    FormScreen::new(def(), rec, Some(*stay.id.as_bytes()), save(), ctx)
}

/// Reopens a kept draft (its record is the stay).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let stay = StayId::from_bytes(draft.record?);
    let snap = Snapshot::load(ctx.store().ok()?, ctx.today()).ok()?;
    let s = snap.stays.iter().find(|s| s.id == stay && s.is_open())?;
    Some(Box::new(screen(ctx, &snap, s).with_draft(draft)))
}
