//! Holding a bed: for whom (an expected arrival or a pickup) and which night.

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::case::CaseStatus;
use crate::domain::ids::{BedId, CaseId, PickupId};
use crate::domain::pickup::PickupStatus;
use crate::domain::placement::Holder;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::beds::{self, Snapshot};
use crate::ui::sanitize::inert;

/// Shorthand for this form's field declarations.
type F = FieldSpec<ReserveEdit>;

/// What the reservation form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReserveEdit {
    /// The bed.
    pub bed: BedId,
    /// The bed with its room (shown).
    pub bed_text: String,
    /// `p<pickup id>` or `c<case id>`.
    pub holder: Option<String>,
    /// The night held.
    pub night: Option<NaiveDate>,
}

/// The key of a holder in the choice.
pub fn holder_key(h: &Holder) -> Option<String> {
    match (h.pickup, h.case) {
        (Some(p), _) => Some(format!("p{p}")),
        (None, Some(c)) => Some(format!("c{c}")),
        (None, None) => None,
    }
}

/// The holder a choice key stands for.
pub fn parse_holder(key: &str) -> Option<Holder> {
    match key.split_at_checked(1)? {
        ("p", id) => Some(Holder { case: None, pickup: Some(id.parse::<PickupId>().ok()?) }),
        ("c", id) => Some(Holder { case: Some(id.parse::<CaseId>().ok()?), pickup: None }),
        _ => None,
    }
}

/// The people a bed may be held for: pickups still to come (by time), then
/// expected or arrived people without a bed.
pub fn holders(ctx: &Ctx) -> Vec<(String, String)> {
    let Some(snap) = ctx.store().ok().and_then(|s| Snapshot::load(s, ctx.today()).ok()) else { return Vec::new() };
    let mut pickups: Vec<_> = snap
        .pickups
        .values()
        .filter(|p| matches!(p.status, PickupStatus::Scheduled | PickupStatus::Delayed | PickupStatus::Met))
        .filter(|p| p.expected_at().date() >= ctx.today() || p.status == PickupStatus::Met)
        .filter(|p| p.case_id.is_none_or(|c| snap.open_stay_of(c).is_none()))
        .collect();
    pickups.sort_by_key(|p| p.expected_at());
    let mut out = Vec::new();
    let mut listed: Vec<CaseId> = Vec::new();
    for p in pickups {
        let at = p.expected_at();
        let when = format!("{} {}", text::short_date(ctx, at.date()), ctx.i18n.format_time(at.time()));
        let who =
            p.case_id.and_then(|c| snap.cases.get(&c)).map(|f| format!(" · {}", text::person(f))).unwrap_or_default();
        listed.extend(p.case_id);
        out.push((format!("p{}", p.id), inert(&format!("{when} {} {}{who}", p.flight, p.airport)).into_owned()));
    }
    let mut cases: Vec<_> = snap
        .cases
        .values()
        .filter(|c| matches!(c.status, CaseStatus::Expected | CaseStatus::Arrived))
        .filter(|c| snap.open_stay_of(c.id).is_none() && !listed.contains(&c.id))
        .collect();
    cases.sort_by(|a, b| b.code.cmp(&a.code));
    for c in cases {
        let status = ctx.t(&format!("case-status-{}", c.status.key()));
        out.push((format!("c{}", c.id), inert(&format!("{} · {status}", text::person(c))).into_owned()));
    }
    out
}

fn validate(r: &ReserveEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match r.night {
        Some(n) if n < ctx.today() => vec![("night", "rule-bed-past_date")],
        _ => Vec::new(),
    }
}

/// The declaration.
pub fn def() -> FormDef<ReserveEdit> {
    FormDef {
        id: FormId::StayReserve,
        title: "form-stay-reserve-title",
        fields: vec![
            F::new("bed", "field-stay-bed", FieldKind::Text { max: 200 })
                .read_only()
                .load(|r| r.bed_text.as_str().into()),
            F::new("holder", "field-stay-reserved-for", FieldKind::Choice(holders))
                .required()
                .load(|r| r.holder.clone().map_or(Value::Empty, Value::Key))
                .store(|r, v| set(&mut r.holder, v.key().map(String::from))),
            F::new("night", "field-stay-night", FieldKind::Date)
                .required()
                .load(|r| r.night.into())
                .store(|r, v| set(&mut r.night, v.date())),
        ],
        validate: Some(validate),
    }
}

fn save() -> OnSave<ReserveEdit> {
    Box::new(|r: &ReserveEdit, ctx: &mut Ctx| {
        let today = ctx.today();
        let Some(holder) = r.holder.as_deref().and_then(parse_holder) else { return Err(ctx.t("form-error-choice")) };
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::reserve(store, r.bed, r.night.unwrap_or(today), holder, today) {
            Ok(_) => Ok(Outcome::PopWith(ctx.i18n.t_args(
                "beds-reserved",
                &[("bed", r.bed_text.split(" · ").next().unwrap_or_default().to_string().into())],
            ))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The reservation form for `bed`, for `holder` when known (from the arrivals board).
pub fn screen(ctx: &Ctx, snap: &Snapshot, bed: BedId, holder: Option<Holder>) -> FormScreen<ReserveEdit> {
    let bed_text = snap
        .bed(bed)
        .map(|b| {
            format!("{} · {}", inert(&b.label), snap.room_of(b).map(|r| text::room_line(ctx, r)).unwrap_or_default())
        })
        .unwrap_or_default();
    let rec = ReserveEdit { bed, bed_text, holder: holder.as_ref().and_then(holder_key), night: Some(ctx.today()) };
    FormScreen::new(def(), rec, Some(*bed.as_bytes()), save(), ctx)
}

/// Reopens a kept reservation draft (its record is the bed).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let bed = BedId::from_bytes(draft.record?);
    let snap = Snapshot::load(ctx.store().ok()?, ctx.today()).ok()?;
    snap.bed(bed)?;
    Some(Box::new(screen(ctx, &snap, bed, None).with_draft(draft)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    #[test]
    fn holder_keys_round_trip() {
        let p = Holder { case: None, pickup: Some(PickupId(Id([3; 16]))) };
        let c = Holder { case: Some(CaseId(Id([4; 16]))), pickup: None };
        assert_eq!(parse_holder(&holder_key(&p).unwrap()), Some(p));
        assert_eq!(parse_holder(&holder_key(&c).unwrap()), Some(c));
        assert_eq!(parse_holder("x00"), None);
        assert_eq!(parse_holder("p12"), None);
        assert_eq!(parse_holder(""), None);
    }
}
