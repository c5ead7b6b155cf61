//! One way to reach the person or someone close to them: kind, the number
//! or address, and a note (who, when to call).

use super::case_common::case_field;
use super::case_entry;
use super::case_options::contact_kinds;
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, CasePrivate, Contact, ContactKind};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, Value, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::CaseContact;

type F = FieldSpec<ContactEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactEdit {
    /// The case (read-only).
    pub case: String,
    /// Kind of contact.
    pub kind: ContactKind,
    /// Number, address or name.
    pub value: String,
    /// Note.
    pub note: String,
}

fn validate(r: &ContactEdit, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if r.kind == ContactKind::Email && !r.value.contains('@') {
        errors.push(("value", "cases-error-email"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<ContactEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-contact",
        fields: vec![
            case_field(|r: &ContactEdit| r.case.as_str().into()),
            F::new("kind", "cases-field-contact-kind", FieldKind::Choice(contact_kinds))
                .required()
                .load(|r| Value::Key(r.kind.key().into()))
                .store(|r, v| ContactKind::from_key(&v.text()).map(|k| r.kind = k).ok_or("form-error-choice")),
            F::new("value", "cases-field-contact-value", FieldKind::Text { max: 120 })
                .required()
                .load(|r| r.value.as_str().into())
                .store(|r, v| set(&mut r.value, v.text())),
            F::new("note", "cases-field-note", FieldKind::Text { max: 200 })
                .load(|r| r.note.as_str().into())
                .store(|r, v| set(&mut r.note, v.text())),
        ],
        validate: Some(validate),
    }
}

/// The form over contact `index` of the file (a new contact without one).
pub fn screen(
    ctx: &Ctx,
    front: &CaseFront,
    file: Option<&Stored<CasePrivate>>,
    index: Option<usize>,
) -> FormScreen<ContactEdit> {
    let record = |case, c: Option<Contact>| ContactEdit {
        case,
        kind: c.as_ref().map_or(ContactKind::Phone, |c| c.kind),
        value: c.as_ref().map(|c| c.value.clone()).unwrap_or_default(),
        note: c.as_ref().map(|c| c.note.clone()).unwrap_or_default(),
    };
    let entry = |r: &ContactEdit, _: &Ctx, _: &mut CasePrivate| Contact {
        kind: r.kind,
        value: r.value.trim().to_string(),
        note: r.note.trim().to_string(),
    };
    case_entry::screen(ctx, def(), (front, file, index), contacts, record, entry)
}

fn contacts(p: &mut CasePrivate) -> &mut Vec<Contact> {
    &mut p.contacts
}

/// Removes contact `index` from the file (the earlier version keeps it in history).
pub fn remove(ctx: &Ctx, file: &Stored<CasePrivate>, index: usize) -> Result<(), String> {
    case_entry::remove(ctx, file, index, contacts)
}

/// Reopens a kept draft of this form, on the contact it was editing.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<ContactEdit>> {
    case_entry::reopen(draft, ctx, screen)
}
