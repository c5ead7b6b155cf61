//! A dated note of the case, or a medical or psychological note, which is a
//! record of its own that only case workers and managers can read. The kind
//! of an existing note cannot change (it would move between records).

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, case_of_draft, failed, saved};
use super::case_options::{NOTE, note_kinds};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, MedicalNote, MedicalNoteKind, Note};
use crate::domain::ids::{MedicalNoteId, NoteId};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::record::case_scoped_key;
use crate::store::{Stored, new_id};

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Note;

type F = FieldSpec<NoteEdit>;

/// The note being edited, if it exists.
#[derive(Debug, Clone, PartialEq)]
pub enum Existing {
    /// A case note.
    Note(Stored<Note>),
    /// A medical or psychological note.
    Medical(Stored<MedicalNote>),
}

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteEdit {
    /// The case (read-only).
    pub case: String,
    /// `note`, `medical` or `psychological`.
    pub kind: String,
    /// Day of the note.
    pub date: NaiveDate,
    /// The note.
    pub text: String,
}

fn validate(r: &NoteEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if r.date > ctx.today() {
        errors.push(("date", "cases-error-future"));
    }
    errors
}

/// The declaration; an existing note keeps its kind.
pub fn def(existing: bool) -> FormDef<NoteEdit> {
    let kind = F::new("kind", "cases-field-note-kind", FieldKind::Choice(note_kinds))
        .required()
        .load(|r| Value::Key(r.kind.clone()))
        .store(|r, v| set(&mut r.kind, v.text()));
    FormDef {
        id: NAME,
        title: "cases-form-note",
        fields: vec![
            case_field(|r: &NoteEdit| r.case.as_str().into()),
            if existing { kind.read_only() } else { kind },
            F::new("date", "cases-field-date", FieldKind::Date)
                .required()
                .load(|r| r.date.into())
                .store(|r, v| v.date().map(|d| r.date = d).ok_or("form-error-date")),
            F::new("text", "cases-field-note", FieldKind::MultiLine)
                .required()
                .load(|r| r.text.as_str().into())
                .store(|r, v| set(&mut r.text, v.text())),
        ],
        validate: Some(validate),
    }
}

/// The form over a note of `front`'s case, or a new one.
pub fn screen(ctx: &Ctx, front: &CaseFront, existing: Option<Existing>) -> FormScreen<NoteEdit> {
    let record = match &existing {
        Some(Existing::Note(n)) => {
            NoteEdit { case: case_label(front), kind: NOTE.into(), date: n.body.date, text: n.body.text.clone() }
        }
        Some(Existing::Medical(n)) => NoteEdit {
            case: case_label(front),
            kind: n.body.kind.key().into(),
            date: n.body.date,
            text: n.body.text.clone(),
        },
        None => NoteEdit { case: case_label(front), kind: NOTE.into(), date: ctx.today(), text: String::new() },
    };
    let record_id = match &existing {
        Some(Existing::Note(n)) => Some(*n.body.id.as_bytes()),
        Some(Existing::Medical(n)) => Some(*n.body.id.as_bytes()),
        None => None,
    };
    let case = front.id;
    let is_existing = existing.is_some();
    let on_save: OnSave<NoteEdit> = Box::new(move |r: &NoteEdit, ctx| {
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        let result = match (&existing, MedicalNoteKind::from_key(&r.kind)) {
            (Some(Existing::Note(n)), _) => {
                let note = Note { date: r.date, text: r.text.clone(), ..n.body.clone() };
                crate::ops::notes::save_note(store, &note, n.meta.revision).map(|_| ())
            }
            (Some(Existing::Medical(n)), _) => {
                let note = MedicalNote { date: r.date, text: r.text.clone(), ..n.body.clone() };
                crate::ops::notes::save_medical(store, &note, n.meta.revision).map(|_| ())
            }
            (None, Some(kind)) => new_id::<MedicalNoteId>().and_then(|id| {
                let note = MedicalNote { id, case_id: case, date: r.date, kind, text: r.text.clone() };
                crate::ops::notes::save_medical(store, &note, 0).map(|_| ())
            }),
            (None, None) => new_id::<NoteId>().and_then(|id| {
                let note = Note { id, case_id: case, date: r.date, text: r.text.clone() };
                crate::ops::notes::save_note(store, &note, 0).map(|_| ())
            }),
        };
        match result {
            Ok(()) => saved(ctx, "cases-note-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(is_existing), record, record_id, on_save, ctx)
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<NoteEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let store = ctx.store().ok()?;
    let existing = match draft.record {
        Some(id) => {
            let key = case_scoped_key(front.body.id, &id);
            match store.get::<Note>(&key).ok().flatten() {
                Some(n) => Some(Existing::Note(n)),
                None => Some(Existing::Medical(store.get::<MedicalNote>(&key).ok()??)),
            }
        }
        None => None,
    };
    Some(screen(ctx, &front.body, existing).with_draft(draft))
}
