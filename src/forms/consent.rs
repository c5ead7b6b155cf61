//! A consent given or refused: for data processing, for sharing with a named
//! organisation, or for anonymised statistics; its date, and its withdrawal.
//! Who recorded it is the user saving it.

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, case_of_draft, failed, revision};
use super::case_options::{all_organisations, consent_purposes};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::CaseFront;
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::ids::{ConsentId, OrganisationId};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::record::case_scoped_key;
use crate::store::{Stored, new_id};

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Consent;

type F = FieldSpec<ConsentEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentEdit {
    /// The case (read-only).
    pub case: String,
    /// What it is for (`data_processing`, `sharing_with`, `anonymised_statistics`).
    pub purpose: String,
    /// The organisation, for sharing.
    pub organisation: Option<OrganisationId>,
    /// Given (yes) or refused (no).
    pub given: Option<bool>,
    /// Day recorded.
    pub date: NaiveDate,
    /// Day withdrawn.
    pub withdrawn_on: Option<NaiveDate>,
}

impl ConsentEdit {
    fn purpose(&self) -> Option<ConsentPurpose> {
        match self.purpose.as_str() {
            "data_processing" => Some(ConsentPurpose::DataProcessing),
            "anonymised_statistics" => Some(ConsentPurpose::AnonymisedStatistics),
            "sharing_with" => self.organisation.map(ConsentPurpose::SharingWith),
            _ => None,
        }
    }
}

fn validate(r: &ConsentEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if r.purpose == "sharing_with" && r.organisation.is_none() {
        errors.push(("organisation", "rule-sharing_needs_organisation"));
    }
    if r.withdrawn_on.is_some_and(|w| w < r.date) {
        errors.push(("withdrawn_on", "rule-withdrawn_before_given"));
    }
    if r.date > ctx.today() {
        errors.push(("date", "cases-error-future"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<ConsentEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-consent",
        fields: vec![
            case_field(|r: &ConsentEdit| r.case.as_str().into()),
            F::new("purpose", "cases-field-purpose", FieldKind::Choice(consent_purposes))
                .required()
                .load(|r| Value::Key(r.purpose.clone()))
                .store(|r, v| set(&mut r.purpose, v.text())),
            F::new("organisation", "cases-field-organisation", FieldKind::Choice(all_organisations))
                .load(|r| r.organisation.map_or(Value::Empty, |o| Value::Key(o.to_string())))
                .store(|r, v| match v.key() {
                    Some(k) => {
                        k.parse::<OrganisationId>().map(|o| r.organisation = Some(o)).map_err(|_| "form-error-choice")
                    }
                    None => set(&mut r.organisation, None),
                }),
            F::new("given", "cases-field-given", FieldKind::YesNo)
                .required()
                .load(|r| r.given.into())
                .store(|r, v| set(&mut r.given, v.bool())),
            F::new("date", "cases-field-date", FieldKind::Date)
                .required()
                .load(|r| r.date.into())
                .store(|r, v| v.date().map(|d| r.date = d).ok_or("form-error-date")),
            F::new("withdrawn_on", "cases-field-withdrawn", FieldKind::Date)
                .load(|r| r.withdrawn_on.into())
                .store(|r, v| set(&mut r.withdrawn_on, v.date())),
        ],
        validate: Some(validate),
    }
}

/// The form over a consent of `front`'s case, or a new one (for sharing
/// with `organisation` when given).
pub fn screen(
    ctx: &Ctx,
    front: &CaseFront,
    existing: Option<&Stored<Consent>>,
    organisation: Option<OrganisationId>,
) -> Result<FormScreen<ConsentEdit>, String> {
    let base = match existing {
        Some(c) => c.body.clone(),
        None => Consent {
            id: new_id::<ConsentId>().map_err(|e| ctx.error_text(&e))?,
            case_id: front.id,
            purpose: organisation.map_or(ConsentPurpose::DataProcessing, ConsentPurpose::SharingWith),
            given: true,
            date: ctx.today(),
            recorded_by: String::new(),
            withdrawn_on: None,
        },
    };
    let record = ConsentEdit {
        case: case_label(front),
        purpose: base.purpose.key().to_string(),
        organisation: match base.purpose {
            ConsentPurpose::SharingWith(o) => Some(o),
            _ => None,
        },
        given: existing.map(|c| c.body.given),
        date: base.date,
        withdrawn_on: base.withdrawn_on,
    };
    let revision = revision(existing);
    let record_id = existing.map(|c| *c.body.id.as_bytes());
    let on_save: OnSave<ConsentEdit> = Box::new(move |r: &ConsentEdit, ctx| {
        let Some(purpose) = r.purpose() else { return Err(ctx.t("rule-sharing_needs_organisation")) };
        let mut c = base.clone();
        c.purpose = purpose;
        c.given = r.given.unwrap_or(false);
        c.date = r.date;
        c.withdrawn_on = r.withdrawn_on;
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::referrals::save_consent(store, &c, revision, ctx.today()) {
            Ok(saved) if saved.revoked > 0 => {
                let n = i64::try_from(saved.revoked).unwrap_or(0);
                Ok(Outcome::PopWith(ctx.i18n.t_args("cases-consent-saved-revoked", &[("count", n.into())])))
            }
            Ok(_) => Ok(Outcome::PopWith(ctx.t("cases-consent-saved"))),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    Ok(FormScreen::new(def(), record, record_id, on_save, ctx))
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<ConsentEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let existing = match draft.record {
        Some(id) => ctx.store().ok()?.get::<Consent>(&case_scoped_key(front.body.id, &id)).ok()?,
        None => None,
    };
    screen(ctx, &front.body, existing.as_ref(), None).ok().map(|s| s.with_draft(draft))
}
