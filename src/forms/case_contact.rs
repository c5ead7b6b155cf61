//! One way to reach the person or someone close to them: kind, the number
//! or address, and a note (who, when to call).

use super::case_common::{case_field, case_label_at, case_of_draft, failed, index_of_draft, saved};
use super::case_options::contact_kinds;
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, CasePrivate, Contact, ContactKind};
use crate::form::FormId;
use crate::form::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
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
    let base = file.map_or_else(|| CasePrivate::new(front.id), |f| f.body.clone());
    let revision = file.map_or(0, |f| f.meta.revision);
    let index = index.filter(|i| *i < base.contacts.len());
    let c = index.and_then(|i| base.contacts.get(i)).cloned();
    let record = ContactEdit {
        case: case_label_at(front, index),
        kind: c.as_ref().map_or(ContactKind::Phone, |c| c.kind),
        value: c.as_ref().map(|c| c.value.clone()).unwrap_or_default(),
        note: c.as_ref().map(|c| c.note.clone()).unwrap_or_default(),
    };
    let on_save: OnSave<ContactEdit> = Box::new(move |r: &ContactEdit, ctx| {
        let mut p = base.clone();
        let contact = Contact { kind: r.kind, value: r.value.trim().to_string(), note: r.note.trim().to_string() };
        match index.and_then(|i| p.contacts.get_mut(i)) {
            Some(slot) => *slot = contact,
            None => p.contacts.push(contact),
        }
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::save_private(store, &p, revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Removes contact `index` from the file (the earlier version keeps it in history).
pub fn remove(ctx: &Ctx, file: &Stored<CasePrivate>, index: usize) -> Result<(), String> {
    let mut p = file.body.clone();
    if index >= p.contacts.len() {
        return Ok(());
    }
    p.contacts.remove(index);
    let store = ctx.store().map_err(|e| failed(ctx, &e))?;
    crate::ops::cases::save_private(store, &p, file.meta.revision).map(|_| ()).map_err(|e| failed(ctx, &e))
}

/// Reopens a kept draft of this form, on the contact it was editing.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<ContactEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let file = ctx.store().ok()?.get::<CasePrivate>(front.body.id.as_bytes()).ok()?;
    Some(screen(ctx, &front.body, file.as_ref(), index_of_draft(draft)).with_draft(draft))
}
