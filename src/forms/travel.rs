//! A journey home: domestic transport or repatriation, destination (region
//! and city, or country), mode, date, ticket reference, escort (none, staff,
//! medical) and documents ready. Completing it marks its services done.

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, case_of_draft, failed, revision};
use super::case_options::{escorts, travel_kinds, travel_modes};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::CaseFront;
use crate::domain::casefile::{FileRule, validate_travel};
use crate::domain::ids::TravelId;
use crate::domain::travel::{Escort, Travel, TravelKind, TravelMode};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::record::case_scoped_key;
use crate::store::{Stored, new_id};

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Travel;

type F = FieldSpec<TravelEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelEdit {
    /// The case (read-only).
    pub case: String,
    /// The person's arrival day (journeys cannot come before it).
    pub arrived_on: Option<NaiveDate>,
    /// The journey with the form's values.
    pub travel: Travel,
}

fn validate(r: &TravelEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    match validate_travel(&r.travel, r.arrived_on) {
        Ok(()) => {}
        Err(FileRule::TravelBeforeArrival) => errors.push(("date", "rule-travel_before_arrival")),
        Err(FileRule::CompletedBeforeTravel) => errors.push(("completed_on", "rule-completed_before_travel")),
        Err(FileRule::RepatriationNeedsCountry) => errors.push(("country", "rule-repatriation_needs_country")),
        Err(_) => {}
    }
    if r.travel.completed_on.is_some_and(|d| d > ctx.today()) {
        errors.push(("completed_on", "cases-error-future"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<TravelEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-travel",
        fields: vec![
            case_field(|r: &TravelEdit| r.case.as_str().into()),
            F::new("kind", "cases-field-travel-kind", FieldKind::Choice(travel_kinds))
                .required()
                .load(|r| Value::Key(r.travel.kind.key().into()))
                .store(|r, v| TravelKind::from_key(&v.text()).map(|k| r.travel.kind = k).ok_or("form-error-choice")),
            F::new("destination", "cases-field-destination", FieldKind::Text { max: 120 })
                .load(|r| r.travel.destination.as_str().into())
                .store(|r, v| set(&mut r.travel.destination, v.text())),
            F::new("country", "cases-field-country", FieldKind::Country)
                .load(|r| r.travel.country.into())
                .store(|r, v| set(&mut r.travel.country, v.country())),
            F::new("mode", "cases-field-travel-mode", FieldKind::Choice(travel_modes))
                .required()
                .load(|r| Value::Key(r.travel.mode.key().into()))
                .store(|r, v| TravelMode::from_key(&v.text()).map(|m| r.travel.mode = m).ok_or("form-error-choice")),
            F::new("date", "cases-field-travel-date", FieldKind::Date)
                .load(|r| r.travel.date.into())
                .store(|r, v| set(&mut r.travel.date, v.date())),
            F::new("ticket", "cases-field-ticket", FieldKind::Text { max: 60 })
                .load(|r| r.travel.ticket.as_str().into())
                .store(|r, v| set(&mut r.travel.ticket, v.text())),
            F::new("escort", "cases-field-escort", FieldKind::Choice(escorts))
                .required()
                .load(|r| Value::Key(r.travel.escort.key().into()))
                .store(|r, v| Escort::from_key(&v.text()).map(|e| r.travel.escort = e).ok_or("form-error-choice")),
            F::new("documents_ready", "cases-field-documents-ready", FieldKind::YesNo)
                .load(|r| r.travel.documents_ready.into())
                .store(|r, v| set(&mut r.travel.documents_ready, v.bool().unwrap_or(false))),
            F::new("completed_on", "cases-field-completed", FieldKind::Date)
                .load(|r| r.travel.completed_on.into())
                .store(|r, v| set(&mut r.travel.completed_on, v.date())),
        ],
        validate: Some(validate),
    }
}

/// The form over a journey of `front`'s case, or a new one.
pub fn screen(
    ctx: &Ctx,
    front: &CaseFront,
    existing: Option<&Stored<Travel>>,
) -> Result<FormScreen<TravelEdit>, String> {
    let travel = match existing {
        Some(t) => t.body.clone(),
        None => Travel {
            id: new_id::<TravelId>().map_err(|e| ctx.error_text(&e))?,
            case_id: front.id,
            kind: TravelKind::Domestic,
            destination: String::new(),
            country: None,
            mode: TravelMode::Rail,
            date: None,
            ticket: String::new(),
            escort: Escort::None,
            documents_ready: false,
            completed_on: None,
        },
    };
    let revision = revision(existing);
    let record = TravelEdit { case: case_label(front), arrived_on: front.arrived_on, travel };
    let record_id = existing.map(|t| *t.body.id.as_bytes());
    let on_save: OnSave<TravelEdit> = Box::new(move |r: &TravelEdit, ctx| {
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::journeys::save(store, &r.travel, revision) {
            Ok(saved) if saved.services_done > 0 => {
                let n = i64::try_from(saved.services_done).unwrap_or(0);
                Ok(Outcome::PopWith(ctx.i18n.t_args("cases-travel-completed-status", &[("count", n.into())])))
            }
            Ok(_) => Ok(Outcome::PopWith(ctx.t("cases-saved"))),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    Ok(FormScreen::new(def(), record, record_id, on_save, ctx))
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<TravelEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let existing = match draft.record {
        Some(id) => ctx.store().ok()?.get::<Travel>(&case_scoped_key(front.body.id, &id)).ok()?,
        None => None,
    };
    screen(ctx, &front.body, existing.as_ref()).ok().map(|s| s.with_draft(draft))
}
