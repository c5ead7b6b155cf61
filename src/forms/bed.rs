//! A bed of the plan (room, label, place in the roll-call walk), and a bed
//! put out of service (why, until when).

use chrono::NaiveDate;

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::{BedId, RoomId};
use crate::domain::rooms::{Bed, OutOfService, Room};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::beds;
use crate::store::new_id;
use crate::store::record::live;

/// Shorthand for the bed form's fields.
type F = FieldSpec<BedEdit>;

/// What the bed form collects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BedEdit {
    /// The bed, when it exists.
    pub id: Option<BedId>,
    /// The room, as the hex of its id.
    pub room: Option<String>,
    /// Label on the bed.
    pub label: String,
    /// Place in the roll-call walk.
    pub walk_order: Option<i64>,
}

fn rooms_in_use(ctx: &Ctx) -> Vec<Room> {
    let mut rooms: Vec<Room> = ctx
        .store()
        .ok()
        .and_then(|s| s.scan::<Room>().ok())
        .map(live)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| !r.retired)
        .collect();
    rooms.sort_by(|a, b| a.floor.cmp(&b.floor).then(crate::domain::rooms::natural(&a.name, &b.name)));
    rooms
}

/// The rooms in use, labelled `101 · Family · floor 1`.
pub fn rooms(ctx: &Ctx) -> Vec<(String, String)> {
    rooms_in_use(ctx).iter().map(|r| (r.id.to_string(), text::room_line(ctx, r))).collect()
}

/// The declaration of the bed form.
pub fn def(existing: bool) -> FormDef<BedEdit> {
    FormDef {
        id: FormId::Bed,
        title: if existing { "form-bed-edit-title" } else { "form-bed-new-title" },
        fields: vec![
            F::new("room", "field-bed-room", FieldKind::Choice(rooms))
                .required()
                .load(|r| r.room.clone().map_or(Value::Empty, Value::Key))
                .store(|r, v| set(&mut r.room, v.key().map(String::from))),
            F::new("label", "field-bed-label", FieldKind::Text { max: 12 })
                .required()
                .load(|r| r.label.as_str().into())
                .store(|r, v| set(&mut r.label, v.text())),
            F::new("walk_order", "field-bed-walk-order", FieldKind::Number { min: 0, max: 1_000_000 })
                .required()
                .load(|r| r.walk_order.into())
                .store(|r, v| set(&mut r.walk_order, v.number())),
        ],
        validate: None,
    }
}

fn save() -> OnSave<BedEdit> {
    Box::new(|r: &BedEdit, ctx: &mut Ctx| {
        let room =
            r.room.as_deref().and_then(|k| k.parse::<RoomId>().ok()).ok_or_else(|| ctx.t("form-error-choice"))?;
        let id = match r.id {
            Some(id) => id,
            None => new_id::<BedId>().map_err(|e| ctx.error_text(&e))?,
        };
        let bed = Bed {
            id,
            room_id: room,
            label: r.label.clone(),
            walk_order: u32::try_from(r.walk_order.unwrap_or(0)).unwrap_or(0),
            out_of_service: None,
            retired: false,
        };
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::save_bed(store, bed, ctx.today()) {
            Ok(b) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-bed-saved", &[("bed", b.label.into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The bed form: `existing` to change it, or a new bed in `room` placed at
/// the end of the walk (labelled after the room: `101D`).
pub fn screen(ctx: &Ctx, existing: Option<&Bed>, room: Option<RoomId>) -> FormScreen<BedEdit> {
    let rec = match existing {
        Some(b) => BedEdit {
            id: Some(b.id),
            room: Some(b.room_id.to_string()),
            label: b.label.clone(),
            walk_order: Some(i64::from(b.walk_order)),
        },
        None => {
            let all: Vec<Bed> = ctx.store().ok().and_then(|s| s.scan::<Bed>().ok()).map(live).unwrap_or_default();
            let room = room.or_else(|| rooms_in_use(ctx).first().map(|r| r.id));
            let name = room.and_then(|id| rooms_in_use(ctx).into_iter().find(|r| r.id == id)).map(|r| r.name);
            let in_room = all.iter().filter(|b| Some(b.room_id) == room).count();
            let letter = u8::try_from(in_room).ok().filter(|n| *n < 26).map(|n| char::from(b'A' + n));
            // Walking order: after the last bed of the room, or at the end of the walk.
            let after = all.iter().filter(|b| Some(b.room_id) == room).map(|b| b.walk_order).max();
            let end = all.iter().map(|b| b.walk_order).max().unwrap_or(0);
            BedEdit {
                id: None,
                room: room.map(|r| r.to_string()),
                label: match (name, letter) {
                    (Some(n), Some(l)) => format!("{n}{l}"),
                    _ => String::new(),
                },
                walk_order: Some(i64::from(after.map_or(end, |a| a) + if after.is_some() { 1 } else { 10 })),
            }
        }
    };
    FormScreen::new(def(existing.is_some()), rec, existing.map(|b| *b.id.as_bytes()), save(), ctx)
}

/// Shorthand for the out-of-service form's fields.
type O = FieldSpec<OutOfServiceEdit>;

/// What the out-of-service form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfServiceEdit {
    /// The bed.
    pub bed: BedId,
    /// Its label (shown).
    pub label: String,
    /// Why.
    pub reason: String,
    /// Last day out of service, if known.
    pub until: Option<NaiveDate>,
}

fn validate_oos(r: &OutOfServiceEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    match r.until {
        Some(u) if u < ctx.today() => vec![("until", "rule-bed-past_date")],
        _ => Vec::new(),
    }
}

/// The declaration of the out-of-service form.
pub fn out_of_service_def() -> FormDef<OutOfServiceEdit> {
    FormDef {
        id: FormId::BedOutOfService,
        title: "form-bed-oos-title",
        fields: vec![
            O::new("bed", "field-stay-bed", FieldKind::Text { max: 200 }).read_only().load(|r| r.label.as_str().into()),
            O::new("reason", "field-bed-oos-reason", FieldKind::Text { max: 120 })
                .required()
                .load(|r| r.reason.as_str().into())
                .store(|r, v| set(&mut r.reason, v.text())),
            O::new("until", "field-bed-oos-until", FieldKind::Date)
                .load(|r| r.until.into())
                .store(|r, v| set(&mut r.until, v.date())),
        ],
        validate: Some(validate_oos),
    }
}

fn save_oos() -> OnSave<OutOfServiceEdit> {
    Box::new(|r: &OutOfServiceEdit, ctx: &mut Ctx| {
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        let oos = OutOfService { reason: r.reason.clone(), until: r.until };
        match beds::set_out_of_service(store, r.bed, Some(oos), ctx.today()) {
            Ok(b) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-out-of-service-saved", &[("bed", b.label.into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The out-of-service form for `bed`.
pub fn out_of_service_screen(ctx: &Ctx, bed: &Bed) -> FormScreen<OutOfServiceEdit> {
    let label = crate::ui::sanitize::inert(&bed.label).into_owned();
    let rec = OutOfServiceEdit { bed: bed.id, label, reason: String::new(), until: None };
    FormScreen::new(out_of_service_def(), rec, Some(*bed.id.as_bytes()), save_oos(), ctx)
}

/// Reopens a kept bed or out-of-service draft.
pub fn reopen(id: FormId, draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let existing = match draft.record {
        Some(id) => Some(ctx.store().ok()?.get::<Bed>(&id).ok()??.body),
        None => None,
    };
    match (id, existing) {
        (FormId::BedOutOfService, Some(b)) => Some(Box::new(out_of_service_screen(ctx, &b).with_draft(draft))),
        (FormId::Bed, b) => Some(Box::new(screen(ctx, b.as_ref(), None).with_draft(draft))),
        _ => None,
    }
}
