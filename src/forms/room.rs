//! A room of the plan: name on the door, floor, wing, step-free or not.

use super::bed_words as text;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::ids::RoomId;
use crate::domain::rooms::{Room, Wing};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::beds;
use crate::store::new_id;

/// Shorthand for this form's field declarations.
type F = FieldSpec<RoomEdit>;

/// What the room form collects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomEdit {
    /// The room, when it exists.
    pub id: Option<RoomId>,
    /// Name or number on the door.
    pub name: String,
    /// Floor.
    pub floor: Option<i64>,
    /// Wing.
    pub wing: Wing,
    /// Step-free and fitted for a wheelchair.
    pub accessible: Option<bool>,
}

impl Default for RoomEdit {
    fn default() -> Self {
        RoomEdit { id: None, name: String::new(), floor: Some(1), wing: Wing::Any, accessible: Some(false) }
    }
}

/// The wings, in the user's language.
pub fn wings(ctx: &Ctx) -> Vec<(String, String)> {
    Wing::all().map(|w| (w.key().to_string(), text::wing(ctx, w))).collect()
}

/// The declaration.
pub fn def(existing: bool) -> FormDef<RoomEdit> {
    FormDef {
        id: FormId::Room,
        title: if existing { "form-room-edit-title" } else { "form-room-new-title" },
        fields: vec![
            F::new("name", "field-room-name", FieldKind::Text { max: 16 })
                .required()
                .load(|r| r.name.as_str().into())
                .store(|r, v| set(&mut r.name, v.text())),
            F::new("floor", "field-room-floor", FieldKind::Number { min: -5, max: 100 })
                .required()
                .load(|r| r.floor.into())
                .store(|r, v| set(&mut r.floor, v.number())),
            F::new("wing", "field-room-wing", FieldKind::Choice(wings))
                .required()
                .load(|r| Value::Key(r.wing.key().into()))
                .store(|r, v| Wing::from_key(&v.text()).map(|w| r.wing = w).ok_or("form-error-choice")),
            F::new("accessible", "field-room-step-free", FieldKind::YesNo)
                .load(|r| r.accessible.into())
                .store(|r, v| set(&mut r.accessible, v.bool())),
        ],
        validate: None,
    }
}

fn save() -> OnSave<RoomEdit> {
    Box::new(|r: &RoomEdit, ctx: &mut Ctx| {
        let id = match r.id {
            Some(id) => id,
            None => new_id::<RoomId>().map_err(|e| ctx.error_text(&e))?,
        };
        let room = Room {
            id,
            name: r.name.clone(),
            floor: i16::try_from(r.floor.unwrap_or(0)).unwrap_or(0),
            wing: r.wing,
            accessible: r.accessible.unwrap_or(false),
            retired: false,
        };
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        match beds::save_room(store, room, ctx.today()) {
            Ok(saved) => Ok(Outcome::PopWith(ctx.i18n.t_args("beds-room-saved", &[("room", saved.name.into())]))),
            Err(e) => Err(text::error(ctx, &e)),
        }
    })
}

/// The room form over `existing`, or a new room.
pub fn screen(ctx: &Ctx, existing: Option<&Room>) -> FormScreen<RoomEdit> {
    let rec = existing
        .map(|r| RoomEdit {
            id: Some(r.id),
            name: r.name.clone(),
            floor: Some(i64::from(r.floor)),
            wing: r.wing,
            accessible: Some(r.accessible),
        })
        .unwrap_or_default();
    FormScreen::new(def(existing.is_some()), rec, existing.map(|r| *r.id.as_bytes()), save(), ctx)
}

/// Reopens a kept room draft.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    let existing = match draft.record {
        Some(id) => Some(ctx.store().ok()?.get::<Room>(&id).ok()??.body),
        None => None,
    };
    Some(Box::new(screen(ctx, existing.as_ref()).with_draft(draft)))
}
