//! The trafficking profile with HTCDS value sets: identification status and
//! who decided it, types of exploitation, means of control, relationship to
//! the recruiter, recruitment method and countries of exploitation.

use super::case_common::{case_field, case_label, case_of_draft, failed, saved};
use super::case_options::{
    deciding_organisations, exploitation_types, means_of_control, recruiter_relations, recruitment_methods,
    trafficking_statuses,
};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{
    CaseFront, CasePrivate, DecidingOrganisation, ExploitationType, MeansOfControl, RecruiterRelation,
    RecruitmentMethod, TraffickingProfile, TraffickingStatus,
};
use crate::domain::country::CountryCode;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::CaseTrafficking;

type F = FieldSpec<TraffickingEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct TraffickingEdit {
    /// The case (read-only).
    pub case: String,
    /// The profile.
    pub profile: TraffickingProfile,
    /// First country of exploitation.
    pub country: Option<CountryCode>,
    /// Second country of exploitation.
    pub country2: Option<CountryCode>,
}

fn keys<T: Copy>(v: &[T], key: fn(T) -> &'static str) -> Value {
    v.iter().map(|x| key(*x).to_string()).collect::<Vec<_>>().into()
}

fn parse_all<T>(keys: Vec<String>, from: fn(&str) -> Option<T>) -> Result<Vec<T>, &'static str> {
    keys.iter().map(|k| from(k).ok_or("form-error-choice")).collect()
}

fn opt_key<T>(v: &Value, from: fn(&str) -> Option<T>) -> Result<Option<T>, &'static str> {
    match v.key() {
        Some(k) => from(k).map(Some).ok_or("form-error-choice"),
        None => Ok(None),
    }
}

/// The declaration.
pub fn def() -> FormDef<TraffickingEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-trafficking",
        fields: vec![
            case_field(|r: &TraffickingEdit| r.case.as_str().into()),
            F::new("status", "cases-field-trafficking-status", FieldKind::Choice(trafficking_statuses))
                .required()
                .load(|r| Value::Key(r.profile.status.key().into()))
                .store(|r, v| {
                    TraffickingStatus::from_key(&v.text()).map(|s| r.profile.status = s).ok_or("form-error-choice")
                }),
            F::new("decided_by", "cases-field-decided-by", FieldKind::Choice(deciding_organisations))
                .load(|r| r.profile.decided_by.map_or(Value::Empty, |d| Value::Key(d.key().into())))
                .store(|r, v| opt_key(&v, DecidingOrganisation::from_key).map(|d| r.profile.decided_by = d)),
            F::new("exploitation", "cases-field-exploitation", FieldKind::MultiChoice(exploitation_types))
                .load(|r| keys(&r.profile.exploitation, ExploitationType::key))
                .store(|r, v| parse_all(v.keys(), ExploitationType::from_key).map(|x| r.profile.exploitation = x)),
            F::new("means_of_control", "cases-field-control", FieldKind::MultiChoice(means_of_control))
                .load(|r| keys(&r.profile.means_of_control, MeansOfControl::key))
                .store(|r, v| parse_all(v.keys(), MeansOfControl::from_key).map(|x| r.profile.means_of_control = x)),
            F::new("relationship", "cases-field-relation", FieldKind::Choice(recruiter_relations))
                .load(|r| r.profile.relationship.map_or(Value::Empty, |d| Value::Key(d.key().into())))
                .store(|r, v| opt_key(&v, RecruiterRelation::from_key).map(|d| r.profile.relationship = d)),
            F::new("recruitment", "cases-field-recruitment", FieldKind::Choice(recruitment_methods))
                .load(|r| r.profile.recruitment.map_or(Value::Empty, |d| Value::Key(d.key().into())))
                .store(|r, v| opt_key(&v, RecruitmentMethod::from_key).map(|d| r.profile.recruitment = d)),
            F::new("country", "cases-field-exploitation-country", FieldKind::Country)
                .load(|r| r.country.into())
                .store(|r, v| set(&mut r.country, v.country())),
            F::new("country2", "cases-field-exploitation-country2", FieldKind::Country)
                .load(|r| r.country2.into())
                .store(|r, v| set(&mut r.country2, v.country())),
        ],
        validate: None,
    }
}

/// The form over a case's trafficking profile.
pub fn screen(ctx: &Ctx, front: &CaseFront, file: Option<&Stored<CasePrivate>>) -> FormScreen<TraffickingEdit> {
    let base = file.map_or_else(|| CasePrivate::new(front.id), |f| f.body.clone());
    let revision = file.map_or(0, |f| f.meta.revision);
    let t = &base.trafficking;
    let record = TraffickingEdit {
        case: case_label(front),
        profile: t.clone(),
        country: t.country_of_exploitation.first().copied(),
        country2: t.country_of_exploitation.get(1).copied(),
    };
    let on_save: OnSave<TraffickingEdit> = Box::new(move |r: &TraffickingEdit, ctx| {
        let mut p = base.clone();
        let extra: Vec<CountryCode> = p.trafficking.country_of_exploitation.iter().skip(2).copied().collect();
        p.trafficking = r.profile.clone();
        p.trafficking.country_of_exploitation = r.country.into_iter().chain(r.country2).chain(extra).collect();
        p.trafficking.country_of_exploitation.dedup();
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::save_private(store, &p, revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<TraffickingEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let file = ctx.store().ok()?.get::<CasePrivate>(front.body.id.as_bytes()).ok()?;
    Some(screen(ctx, &front.body, file.as_ref()).with_draft(draft))
}
