//! What the check-out and extension forms share: a form over one open stay,
//! headed by three read-only lines (the person, the bed, since when and how
//! many nights), kept as a draft under the stay's id and reopened on it
//! while it is still open. Each form declares only what it asks.

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Screen};
use crate::domain::ids::{CaseId, StayId};
use crate::domain::stay::{Stay, nights};
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave};
use crate::ops::beds::Snapshot;

/// The open stay a form is over, as shown at its top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenStay {
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
}

impl OpenStay {
    /// How `stay` is shown today.
    pub fn of(ctx: &Ctx, snap: &Snapshot, stay: &Stay) -> OpenStay {
        let since = ctx.i18n.t_args(
            "beds-detail-since",
            &[("date", ctx.i18n.format_date(stay.from).into()), ("count", i64::from(nights(stay, ctx.today())).into())],
        );
        OpenStay {
            case: stay.case_id,
            from: stay.from,
            person: snap.cases.get(&stay.case_id).map(text::person).unwrap_or_default(),
            bed: snap.bed(stay.bed_id).map(|b| crate::ui::sanitize::inert(&b.label).into_owned()).unwrap_or_default(),
            since,
        }
    }
}

/// A form's record over an open stay.
pub trait OverStay {
    /// The stay it is over.
    fn stay(&self) -> &OpenStay;
}

/// The three read-only lines at the top of the form, then `asked`.
pub fn fields<R: OverStay>(asked: Vec<FieldSpec<R>>) -> Vec<FieldSpec<R>> {
    let mut fields = vec![
        FieldSpec::new("person", "field-stay-person", FieldKind::Text { max: 200 })
            .read_only()
            .load(|r: &R| r.stay().person.as_str().into()),
        FieldSpec::new("bed", "field-stay-bed", FieldKind::Text { max: 200 })
            .read_only()
            .load(|r: &R| r.stay().bed.as_str().into()),
        FieldSpec::new("since", "field-stay-since", FieldKind::Text { max: 200 })
            .read_only()
            .load(|r: &R| r.stay().since.as_str().into()),
    ];
    fields.extend(asked);
    fields
}

/// The form `def` over `stay`, its record made by `record`.
pub fn screen<R: OverStay + Clone + 'static>(
    ctx: &Ctx,
    def: FormDef<R>,
    stay: &Stay,
    record: R,
    save: OnSave<R>,
) -> FormScreen<R> {
    FormScreen::new(def, record, Some(*stay.id.as_bytes()), save, ctx)
}

/// Reopens a kept draft whose record is a stay still open, with the form
/// `screen` opens over it.
pub fn reopen<S: Screen + 'static>(
    draft: &Draft,
    ctx: &Ctx,
    screen: impl FnOnce(&Snapshot, &Stay) -> S,
) -> Option<Box<dyn Screen>> {
    let stay = StayId::from_bytes(draft.record?);
    let snap = Snapshot::load(ctx.store().ok()?, ctx.today()).ok()?;
    let s = snap.stays.iter().find(|s| s.id == stay && s.is_open())?;
    Some(Box::new(screen(&snap, s)))
}
