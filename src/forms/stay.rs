//! Check-in and transfer: who, which bed, from which night, until when
//! expected. When the wing rule refuses and a manager goes on, the rule is
//! shown and a reason is required; it is kept on the housing service.

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::{BedId, CaseId};
use crate::domain::placement::Refusal;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, set};
use crate::ops::beds::{self, Placement, Snapshot};

/// Shorthand for this form's field declarations.
type F = FieldSpec<StayEdit>;

/// What the check-in and transfer forms collect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayEdit {
    /// The person.
    pub case: CaseId,
    /// The bed taken.
    pub bed: BedId,
    /// `MSK-26-0042 · Ayla` (shown).
    pub person: String,
    /// The bed the person leaves, for a transfer (shown).
    pub now_in: String,
    /// The bed taken, with its room (shown).
    pub bed_text: String,
    /// The wing rule that refuses, when a manager overrides it (shown).
    pub rule: String,
    /// First night (check-in) or day of the move (transfer).
    pub from: Option<NaiveDate>,
    /// Expected departure.
    pub expected_until: Option<NaiveDate>,
    /// Why the wing rule is overridden.
    pub override_reason: String,
}

fn validate(r: &StayEdit, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match (r.from, r.expected_until) {
        (Some(f), Some(u)) if u < f => vec![("expected_until", "beds-error-departure-before")],
        _ => Vec::new(),
    }
}

fn shown(name: &'static str, label: &'static str, load: fn(&StayEdit) -> crate::form_engine::Value) -> F {
    F::new(name, label, FieldKind::Text { max: 200 }).read_only().load(load)
}

/// The declaration; `transfer` adds the bed left and drops the expected
/// departure (it moves with the person); `overriding` adds the rule and its reason.
pub fn def(transfer: bool, overriding: bool) -> FormDef<StayEdit> {
    let mut fields = vec![shown("person", "field-stay-person", |r| r.person.as_str().into())];
    if transfer {
        fields.push(shown("now_in", "field-stay-now-in", |r| r.now_in.as_str().into()));
    }
    fields.push(shown("bed", "field-stay-bed", |r| r.bed_text.as_str().into()));
    if overriding {
        fields.push(shown("rule", "field-stay-wing-rule", |r| r.rule.as_str().into()));
    }
    fields.push(
        F::new("from", if transfer { "field-stay-moving-on" } else { "field-stay-first-night" }, FieldKind::Date)
            .required()
            .load(|r| r.from.into())
            .store(|r, v| set(&mut r.from, v.date())),
    );
    if !transfer {
        fields.push(
            F::new("expected_until", "field-stay-expected-departure", FieldKind::Date)
                .load(|r| r.expected_until.into())
                .store(|r, v| set(&mut r.expected_until, v.date())),
        );
    }
    if overriding {
        fields.push(
            F::new("override_reason", "field-stay-override-reason", FieldKind::Text { max: 200 })
                .required()
                .load(|r| r.override_reason.as_str().into())
                .store(|r, v| set(&mut r.override_reason, v.text())),
        );
    }
    FormDef {
        id: if transfer { FormId::StayTransfer } else { FormId::StayAssign },
        title: if transfer { "form-stay-transfer-title" } else { "form-stay-assign-title" },
        fields,
        validate: Some(validate),
    }
}

fn record(ctx: &Ctx, snap: &Snapshot, case: CaseId, bed: BedId, refusal: Option<&Refusal>) -> StayEdit {
    let person = snap.cases.get(&case).map(text::person).unwrap_or_default();
    let bed_line = |id: BedId| {
        snap.bed(id)
            .map(|b| {
                let room = snap.room_of(b).map(|r| text::room_line(ctx, r)).unwrap_or_default();
                format!("{} · {room}", crate::ui::sanitize::inert(&b.label))
            })
            .unwrap_or_default()
    };
    StayEdit {
        case,
        bed,
        person,
        now_in: snap.open_stay_of(case).map(|s| bed_line(s.bed_id)).unwrap_or_default(),
        bed_text: bed_line(bed),
        rule: refusal.map(|r| text::refusal(ctx, r)).unwrap_or_default(),
        from: Some(ctx.today()),
        expected_until: None,
        override_reason: String::new(),
    }
}

/// A saved message: `Ayla is in bed 201A.`
fn placed(ctx: &Ctx, snap_person: &str, bed: &str, key: &str) -> String {
    ctx.i18n.t_args(key, &[("who", snap_person.to_string().into()), ("bed", bed.to_string().into())])
}

fn bed_label(bed_text: &str) -> String {
    bed_text.split(" · ").next().unwrap_or_default().to_string()
}

fn reason(r: &StayEdit) -> Option<String> {
    Some(r.override_reason.trim().to_string()).filter(|s| !s.is_empty())
}

fn save_assign() -> OnSave<StayEdit> {
    Box::new(|r: &StayEdit, ctx: &mut Ctx| {
        let today = ctx.today();
        let p = Placement {
            case: r.case,
            bed: r.bed,
            from: r.from.unwrap_or(today),
            expected_until: r.expected_until,
            override_reason: reason(r),
        };
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::assign(store, &p, today) {
            Ok(_) => Ok(Outcome::PopWith(placed(ctx, &r.person, &bed_label(&r.bed_text), "beds-assigned"))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

fn save_transfer() -> OnSave<StayEdit> {
    Box::new(|r: &StayEdit, ctx: &mut Ctx| {
        let today = ctx.today();
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        let why = reason(r);
        match beds::transfer(store, r.case, r.bed, r.from.unwrap_or(today), why.as_deref(), today) {
            Ok(_) => Ok(Outcome::PopWith(placed(ctx, &r.person, &bed_label(&r.bed_text), "beds-transferred"))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The check-in form for `case` in `bed` (`refusal`: the wing rule a manager overrides).
pub fn assign_screen(
    ctx: &Ctx,
    snap: &Snapshot,
    case: CaseId,
    bed: BedId,
    refusal: Option<Refusal>,
) -> FormScreen<StayEdit> {
    let rec = record(ctx, snap, case, bed, refusal.as_ref());
    FormScreen::new(def(false, refusal.is_some()), rec, Some(*bed.as_bytes()), save_assign(), ctx)
}

/// The transfer form moving `case` to `bed`.
pub fn transfer_screen(
    ctx: &Ctx,
    snap: &Snapshot,
    case: CaseId,
    bed: BedId,
    refusal: Option<Refusal>,
) -> FormScreen<StayEdit> {
    let rec = record(ctx, snap, case, bed, refusal.as_ref());
    FormScreen::new(def(true, refusal.is_some()), rec, Some(*bed.as_bytes()), save_transfer(), ctx)
}

/// Reopens a kept check-in or transfer draft: the bed is its record, the
/// person is found again by the case code the form showed.
pub fn reopen(id: FormId, draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let bed = BedId::from_bytes(draft.record?);
    let shown = draft.fields.iter().find(|(n, _)| n == "person").map(|(_, t)| t.as_str())?;
    let code = shown.split(" · ").next()?;
    let snap = Snapshot::load(ctx.store().ok()?, ctx.today()).ok()?;
    let case = snap.cases.values().find(|c| c.code.to_string() == code)?.id;
    let room = snap.bed(bed).and_then(|b| snap.room_of(b))?;
    let front = snap.cases.get(&case)?;
    let refusal = crate::domain::placement::check_wing(room, front, ctx.today()).err();
    let screen = if id == FormId::StayTransfer {
        transfer_screen(ctx, &snap, case, bed, refusal)
    } else {
        assign_screen(ctx, &snap, case, bed, refusal)
    };
    Some(Box::new(screen.with_draft(draft)))
}
