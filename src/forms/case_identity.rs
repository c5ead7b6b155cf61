//! Identity in the private file: legal names in the original script (the
//! Latin form is derived, ICAO 9303), date of birth, citizenships, place of
//! origin. Opening it shows the names, so it is opened only after a reveal.

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, case_of_draft, failed, saved};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::country::CountryCode;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::CaseIdentity;

type F = FieldSpec<IdentityEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdentityEdit {
    /// The case (read-only).
    pub case: String,
    /// Family name.
    pub family_name: String,
    /// Given names.
    pub given_names: String,
    /// Patronymic.
    pub patronymic: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Citizenship.
    pub citizenship: Option<CountryCode>,
    /// A second citizenship.
    pub citizenship2: Option<CountryCode>,
    /// Town or region of origin.
    pub place_of_origin: String,
    /// Free notes of the file.
    pub notes: String,
}

impl IdentityEdit {
    fn of(front: &CaseFront, p: &CasePrivate) -> IdentityEdit {
        IdentityEdit {
            case: case_label(front),
            family_name: p.family_name.clone(),
            given_names: p.given_names.clone(),
            patronymic: p.patronymic.clone(),
            date_of_birth: p.date_of_birth,
            citizenship: p.citizenship.first().copied(),
            citizenship2: p.citizenship.get(1).copied(),
            place_of_origin: p.place_of_origin.clone(),
            notes: p.notes.clone(),
        }
    }

    fn apply(&self, p: &mut CasePrivate) {
        p.family_name = self.family_name.clone();
        p.given_names = self.given_names.clone();
        p.patronymic = self.patronymic.clone();
        p.date_of_birth = self.date_of_birth;
        // Further citizenships beyond the two shown are kept.
        let extra: Vec<CountryCode> = p.citizenship.iter().skip(2).copied().collect();
        p.citizenship = self.citizenship.into_iter().chain(self.citizenship2).chain(extra).collect();
        p.citizenship.dedup();
        p.place_of_origin = self.place_of_origin.trim().to_string();
        p.notes = self.notes.clone();
    }
}

fn validate(r: &IdentityEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if r.date_of_birth.is_some_and(|d| d > ctx.today()) {
        errors.push(("date_of_birth", "cases-error-future"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<IdentityEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-identity",
        fields: vec![
            case_field(|r: &IdentityEdit| r.case.as_str().into()),
            F::new("family_name", "cases-field-family-name", FieldKind::Text { max: 80 })
                .load(|r| r.family_name.as_str().into())
                .store(|r, v| set(&mut r.family_name, v.text())),
            F::new("given_names", "cases-field-given-names", FieldKind::Text { max: 80 })
                .load(|r| r.given_names.as_str().into())
                .store(|r, v| set(&mut r.given_names, v.text())),
            F::new("patronymic", "cases-field-patronymic", FieldKind::Text { max: 80 })
                .load(|r| r.patronymic.as_str().into())
                .store(|r, v| set(&mut r.patronymic, v.text())),
            F::new("date_of_birth", "cases-field-date-of-birth", FieldKind::Date)
                .load(|r| r.date_of_birth.into())
                .store(|r, v| set(&mut r.date_of_birth, v.date())),
            F::new("citizenship", "cases-field-citizenship", FieldKind::Country)
                .load(|r| r.citizenship.into())
                .store(|r, v| set(&mut r.citizenship, v.country())),
            F::new("citizenship2", "cases-field-citizenship2", FieldKind::Country)
                .load(|r| r.citizenship2.into())
                .store(|r, v| set(&mut r.citizenship2, v.country())),
            F::new("place_of_origin", "cases-field-origin", FieldKind::Text { max: 120 })
                .load(|r| r.place_of_origin.as_str().into())
                .store(|r, v| set(&mut r.place_of_origin, v.text())),
            F::new("notes", "cases-field-file-notes", FieldKind::MultiLine)
                .load(|r| r.notes.as_str().into())
                .store(|r, v| set(&mut r.notes, v.text())),
        ],
        validate: Some(validate),
    }
}

/// The identity form of a case (its private file, or a new one).
pub fn screen(ctx: &Ctx, front: &CaseFront, file: Option<&Stored<CasePrivate>>) -> FormScreen<IdentityEdit> {
    let base = file.map_or_else(|| CasePrivate::new(front.id), |f| f.body.clone());
    let revision = file.map_or(0, |f| f.meta.revision);
    let record = IdentityEdit::of(front, &base);
    let on_save: OnSave<IdentityEdit> = Box::new(move |r: &IdentityEdit, ctx| {
        let mut p = base.clone();
        r.apply(&mut p);
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::save_private(store, &p, revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Reopens a kept draft of this form (the names come back only as typed).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<IdentityEdit>> {
    let front = match draft.record {
        Some(id) => ctx.store().ok()?.get::<CaseFront>(&id).ok()??,
        None => case_of_draft(draft, ctx)?,
    };
    let file = ctx.store().ok()?.get::<CasePrivate>(front.body.id.as_bytes()).ok()?;
    Some(screen(ctx, &front.body, file.as_ref()).with_draft(draft))
}
