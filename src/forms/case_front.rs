//! The front part of a case — what reception and night staff may see — for
//! a new case or an existing one: alias, gender, age, languages, needs,
//! arrival, responsible worker, high-risk flag.

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, failed, saved};
use super::case_options::{age_groups, genders, languages, new_case_statuses, workers};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::{CaseFront, CaseStatus};
use crate::domain::case_code::CaseCode;
use crate::domain::ids::CaseId;
use crate::domain::person::{AgeBasis, AgeGroup, Gender};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::CaseFront;

type F = FieldSpec<FrontEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontEdit {
    /// The case, as code and alias (read-only).
    pub case: String,
    /// Alias.
    pub alias: String,
    /// Status of a new case (expected or arrived).
    pub status: CaseStatus,
    /// Gender.
    pub gender: Gender,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Estimated age in years, when the date of birth is not known.
    pub estimated_age: Option<i64>,
    /// Age group as stated, when neither is known.
    pub age_group: AgeGroup,
    /// Languages (ISO 639-1).
    pub languages: Vec<String>,
    /// An interpreter is needed.
    pub interpreter: bool,
    /// Special needs.
    pub special_needs: String,
    /// Day of arrival.
    pub arrived_on: Option<NaiveDate>,
    /// Responsible case worker.
    pub worker: Option<String>,
    /// Never confirm presence to callers.
    pub high_risk: bool,
}

impl FrontEdit {
    /// The form's values for `f` on `today`.
    pub fn of(f: &CaseFront, today: NaiveDate) -> FrontEdit {
        let (dob, estimate) = match f.age {
            AgeBasis::DateOfBirth(d) => (Some(d), None),
            AgeBasis::Estimated { .. } => (None, f.age_on(today).map(i64::from)),
            AgeBasis::Unknown => (None, None),
        };
        FrontEdit {
            case: case_label(f),
            alias: f.alias.clone(),
            status: f.status,
            gender: f.gender,
            date_of_birth: dob,
            estimated_age: estimate,
            age_group: f.age_group,
            languages: f.languages.clone(),
            interpreter: f.interpreter_needed,
            special_needs: f.special_needs.clone(),
            arrived_on: f.arrived_on,
            worker: f.worker.clone(),
            high_risk: f.high_risk,
        }
    }

    /// Writes the values into `f` (age basis and group derived on `today`).
    pub fn apply(&self, f: &mut CaseFront, today: NaiveDate) {
        f.alias = self.alias.trim().to_string();
        f.gender = self.gender;
        let was = f.age;
        f.age = match (self.date_of_birth, self.estimated_age) {
            (Some(d), _) => AgeBasis::DateOfBirth(d),
            // An estimate that still says the same keeps its original day.
            (None, Some(y))
                if was.age_on(today).map(i64::from) == Some(y) && matches!(was, AgeBasis::Estimated { .. }) =>
            {
                was
            }
            (None, Some(y)) => AgeBasis::Estimated { years: u8::try_from(y).unwrap_or(u8::MAX), on: today },
            (None, None) => AgeBasis::Unknown,
        };
        f.age_group = match f.age.age_group(today) {
            AgeGroup::Unknown => self.age_group,
            known => known,
        };
        f.languages = self.languages.clone();
        f.interpreter_needed = self.interpreter;
        f.special_needs = self.special_needs.trim().to_string();
        f.arrived_on = self.arrived_on;
        f.worker = self.worker.clone();
        f.high_risk = self.high_risk;
    }
}

fn validate(r: &FrontEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let today = ctx.today();
    let mut errors = Vec::new();
    if r.date_of_birth.is_some_and(|d| d > today) {
        errors.push(("date_of_birth", "cases-error-future"));
    }
    if r.arrived_on.is_some_and(|d| d > today) {
        errors.push(("arrived_on", "cases-error-future"));
    }
    if let (Some(a), Some(b)) = (r.arrived_on, r.date_of_birth)
        && a < b
    {
        errors.push(("arrived_on", "cases-error-arrival-before-birth"));
    }
    if r.status == CaseStatus::Arrived && r.arrived_on.is_none() {
        errors.push(("arrived_on", "form-error-required"));
    }
    errors
}

/// The declaration; a new case also chooses expected or arrived.
pub fn def(new: bool) -> FormDef<FrontEdit> {
    let mut fields = vec![case_field(|r: &FrontEdit| r.case.as_str().into())];
    fields.push(
        F::new("alias", "cases-field-alias", FieldKind::Text { max: 40 })
            .required()
            .load(|r| r.alias.as_str().into())
            .store(|r, v| set(&mut r.alias, v.text())),
    );
    if new {
        fields.push(
            F::new("status", "cases-field-status", FieldKind::Choice(new_case_statuses))
                .required()
                .load(|r| Value::Key(r.status.key().into()))
                .store(|r, v| CaseStatus::from_key(&v.text()).map(|s| r.status = s).ok_or("form-error-choice")),
        );
    }
    fields.extend([
        F::new("gender", "cases-field-gender", FieldKind::Choice(genders))
            .required()
            .load(|r| Value::Key(r.gender.key().into()))
            .store(|r, v| Gender::from_key(&v.text()).map(|g| r.gender = g).ok_or("form-error-choice")),
        F::new("date_of_birth", "cases-field-date-of-birth", FieldKind::Date)
            .load(|r| r.date_of_birth.into())
            .store(|r, v| set(&mut r.date_of_birth, v.date())),
        F::new("estimated_age", "cases-field-estimated-age", FieldKind::Number { min: 0, max: 120 })
            .load(|r| r.estimated_age.into())
            .store(|r, v| set(&mut r.estimated_age, v.number())),
        F::new("age_group", "cases-field-age-group", FieldKind::Choice(age_groups))
            .required()
            .load(|r| Value::Key(r.age_group.key().into()))
            .store(|r, v| AgeGroup::from_key(&v.text()).map(|g| r.age_group = g).ok_or("form-error-choice")),
        F::new("languages", "cases-field-languages", FieldKind::MultiChoice(languages))
            .load(|r| r.languages.clone().into())
            .store(|r, v| set(&mut r.languages, v.keys())),
        F::new("interpreter", "cases-field-interpreter", FieldKind::YesNo)
            .load(|r| r.interpreter.into())
            .store(|r, v| set(&mut r.interpreter, v.bool().unwrap_or(false))),
        F::new("special_needs", "cases-field-special-needs", FieldKind::Text { max: 200 })
            .load(|r| r.special_needs.as_str().into())
            .store(|r, v| set(&mut r.special_needs, v.text())),
        F::new("arrived_on", "cases-field-arrived", FieldKind::Date)
            .load(|r| r.arrived_on.into())
            .store(|r, v| set(&mut r.arrived_on, v.date())),
        F::new("worker", "cases-field-worker", FieldKind::Choice(workers))
            .load(|r| r.worker.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.worker, v.key().map(String::from))),
        F::new("high_risk", "cases-field-high-risk", FieldKind::YesNo)
            .load(|r| r.high_risk.into())
            .store(|r, v| set(&mut r.high_risk, v.bool().unwrap_or(false))),
    ]);
    FormDef {
        id: NAME,
        title: if new { "cases-form-new-case" } else { "cases-form-front" },
        fields,
        validate: Some(validate),
    }
}

/// The form for a new case; saving creates it with its checklist.
pub fn new_case(ctx: &Ctx) -> FormScreen<FrontEdit> {
    let me =
        ctx.store().ok().and_then(|s| s.session().ok()).filter(|s| s.role.holds_case_key()).map(|s| s.username.clone());
    let record = FrontEdit {
        case: ctx.t("cases-new-case-label"),
        alias: String::new(),
        status: CaseStatus::Expected,
        gender: Gender::NonSpecifiedUnknown,
        date_of_birth: None,
        estimated_age: None,
        age_group: AgeGroup::Unknown,
        languages: Vec::new(),
        interpreter: false,
        special_needs: String::new(),
        arrived_on: None,
        worker: me,
        high_risk: false,
    };
    let on_save: OnSave<FrontEdit> = Box::new(|r: &FrontEdit, ctx: &mut Ctx| {
        let today = ctx.today();
        let mut front = CaseFront {
            id: CaseId::from_bytes([0; 16]),
            code: CaseCode { centre: String::new(), year: 0, seq: 0 },
            alias: String::new(),
            gender: r.gender,
            age: AgeBasis::Unknown,
            age_group: r.age_group,
            languages: Vec::new(),
            interpreter_needed: false,
            special_needs: String::new(),
            status: r.status,
            high_risk: false,
            arrived_on: None,
            worker: None,
        };
        r.apply(&mut front, today);
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::create_case(store, &front, today) {
            Ok(created) => {
                let msg = ctx.i18n.t_args("cases-created", &[("code", created.code.to_string().into())]);
                Ok(Outcome::OpenCase { case: created.id, or_else: msg })
            }
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(true), record, None, on_save, ctx)
}

/// The form over an existing case's front part.
pub fn edit(ctx: &Ctx, front: &Stored<CaseFront>) -> FormScreen<FrontEdit> {
    let base = front.clone();
    let on_save: OnSave<FrontEdit> = Box::new(move |r: &FrontEdit, ctx: &mut Ctx| {
        let mut f = base.body.clone();
        r.apply(&mut f, ctx.today());
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::save_front(store, &f, base.meta.revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def(false), FrontEdit::of(&front.body, ctx.today()), Some(*front.body.id.as_bytes()), on_save, ctx)
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<FrontEdit>> {
    match draft.record {
        None => Some(new_case(ctx).with_draft(draft)),
        Some(id) => {
            let front = ctx.store().ok()?.get::<CaseFront>(&id).ok()??;
            Some(edit(ctx, &front).with_draft(draft))
        }
    }
}
