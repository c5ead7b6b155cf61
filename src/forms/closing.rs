//! Closing a case with its outcome (reintegrated at destination, referred
//! on, left without notice, other), and reopening a closed case with the
//! reason, which is kept as a note of the case. The closing form shows what
//! is still open (services under way, referrals awaiting an answer, a
//! reintegration with no journey home) and asks why the case closes anyway.

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, failed};
use super::case_options::closing_outcomes;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::{CaseFront, ClosingOutcome};
use crate::domain::casefile::OpenAtClose;
use crate::domain::referral::Organisation;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};

/// The closing form's stable name (drafts).
pub const CLOSE: FormId = FormId::CaseClose;
/// The reopening form's stable name (drafts).
pub const REOPEN: FormId = FormId::CaseReopen;

/// What the closing form collects.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingEdit {
    /// The case (read-only).
    pub case: String,
    /// The outcome.
    pub outcome: Option<ClosingOutcome>,
    /// Day of closing.
    pub on: NaiveDate,
    /// A note.
    pub note: String,
    /// What is still open, one line each (read-only).
    pub open: String,
    /// Whether anything is open whatever the outcome.
    pub has_open: bool,
    /// Whether a journey home was completed.
    pub journey_done: bool,
    /// Why the case closes with something still open.
    pub anyway: String,
    /// Whether the person still has a bed (checked out first, whatever else).
    pub open_stay: bool,
}

/// What the reopening form collects.
#[derive(Debug, Clone, PartialEq)]
pub struct ReopenEdit {
    /// The case (read-only).
    pub case: String,
    /// Why it is reopened.
    pub reason: String,
}

fn validate_close(r: &ClosingEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if r.on > ctx.today() {
        out.push(("on", "cases-error-future"));
    }
    if r.open_stay {
        out.push(("outcome", "rule-open_stay"));
    } else if r.anyway.trim().is_empty() {
        if r.has_open {
            out.push(("anyway", "cases-error-close-open"));
        } else if r.outcome == Some(ClosingOutcome::ReintegratedAtDestination) && !r.journey_done {
            out.push(("anyway", "cases-error-close-no-journey"));
        }
    }
    out
}

/// What is open in the case, one line each in the user's language.
fn open_lines(ctx: &Ctx, open: &[OpenAtClose]) -> String {
    let lines: Vec<String> = open
        .iter()
        .filter_map(|o| match *o {
            OpenAtClose::Service(kind, status) => Some(ctx.i18n.t_args(
                "cases-close-open-service",
                &[
                    ("service", ctx.t(&format!("service-{}", kind.key())).into()),
                    ("status", ctx.t(&format!("service-status-{}", status.key())).into()),
                ],
            )),
            OpenAtClose::Referral(org, status) => {
                let name = ctx
                    .store()
                    .ok()
                    .and_then(|s| s.get::<Organisation>(org.as_bytes()).ok().flatten())
                    .map_or_else(|| "?".to_string(), |o| o.body.name);
                Some(ctx.i18n.t_args(
                    "cases-close-open-referral",
                    &[
                        ("organisation", name.into()),
                        ("status", ctx.t(&format!("cases-referral-status-{}", status.key())).into()),
                    ],
                ))
            }
            OpenAtClose::NoJourney => None,
        })
        .collect();
    if lines.is_empty() { ctx.t("cases-close-open-none") } else { lines.join("\n") }
}

/// The closing form's declaration.
pub fn close_def() -> FormDef<ClosingEdit> {
    FormDef {
        id: CLOSE,
        title: "cases-form-close",
        fields: vec![
            case_field(|r: &ClosingEdit| r.case.as_str().into()),
            FieldSpec::new("open", "cases-field-still-open", FieldKind::MultiLine)
                .read_only()
                .load(|r: &ClosingEdit| r.open.as_str().into()),
            FieldSpec::new("outcome", "cases-field-outcome", FieldKind::Choice(closing_outcomes))
                .required()
                .load(|r: &ClosingEdit| r.outcome.map_or(Value::Empty, |o| Value::Key(o.key().into())))
                .store(|r, v| {
                    ClosingOutcome::from_key(&v.text()).map(|o| r.outcome = Some(o)).ok_or("form-error-choice")
                }),
            FieldSpec::new("on", "cases-field-closed", FieldKind::Date)
                .required()
                .load(|r: &ClosingEdit| r.on.into())
                .store(|r, v| v.date().map(|d| r.on = d).ok_or("form-error-date")),
            FieldSpec::new("note", "cases-field-note", FieldKind::MultiLine)
                .load(|r: &ClosingEdit| r.note.as_str().into())
                .store(|r, v| set(&mut r.note, v.text())),
            FieldSpec::new("anyway", "cases-field-close-anyway", FieldKind::MultiLine)
                .load(|r: &ClosingEdit| r.anyway.as_str().into())
                .store(|r, v| set(&mut r.anyway, v.text())),
        ],
        validate: Some(validate_close),
    }
}

/// The reopening form's declaration.
pub fn reopen_def() -> FormDef<ReopenEdit> {
    FormDef {
        id: REOPEN,
        title: "cases-form-reopen",
        fields: vec![
            case_field(|r: &ReopenEdit| r.case.as_str().into()),
            FieldSpec::new("reason", "cases-field-reopen-reason", FieldKind::MultiLine)
                .required()
                .load(|r: &ReopenEdit| r.reason.as_str().into())
                .store(|r, v| set(&mut r.reason, v.text())),
        ],
        validate: None,
    }
}

/// The form that closes `front`'s case.
pub fn close(ctx: &Ctx, front: &CaseFront) -> FormScreen<ClosingEdit> {
    let case = front.id;
    let store = ctx.store().ok();
    let open = store.and_then(|s| crate::ops::cases::open_items(s, case, None).ok()).unwrap_or_default();
    let journey_done = store
        .and_then(|s| crate::ops::journeys::of_case(s, case).ok())
        .is_some_and(|t| t.iter().any(|t| !t.is_deleted() && t.body.completed_on.is_some()));
    let record = ClosingEdit {
        case: case_label(front),
        outcome: None,
        on: ctx.today(),
        note: String::new(),
        open: open_lines(ctx, &open),
        has_open: !open.is_empty(),
        journey_done,
        anyway: String::new(),
        open_stay: store
            .and_then(|s| s.stays_of(case).ok())
            .is_some_and(|st| st.iter().any(|s| !s.is_deleted() && s.body.is_open())),
    };
    let on_save: OnSave<ClosingEdit> = Box::new(move |r: &ClosingEdit, ctx| {
        let Some(outcome) = r.outcome else { return Err(ctx.t("form-error-summary")) };
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::close_case(store, case, outcome, r.on, &r.note, &r.anyway) {
            Ok(f) => Ok(Outcome::PopWith(ctx.i18n.t_args(
                "cases-closed-status",
                &[("status", ctx.t(&format!("case-status-{}", f.status.key())).into())],
            ))),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(close_def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// The form that reopens `front`'s case.
pub fn reopen(ctx: &Ctx, front: &CaseFront) -> FormScreen<ReopenEdit> {
    let case = front.id;
    let record = ReopenEdit { case: case_label(front), reason: String::new() };
    let on_save: OnSave<ReopenEdit> = Box::new(move |r: &ReopenEdit, ctx| {
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::reopen_case(store, case, &r.reason, ctx.today()) {
            Ok(f) => Ok(Outcome::PopWith(ctx.i18n.t_args(
                "cases-reopened-status",
                &[("status", ctx.t(&format!("case-status-{}", f.status.key())).into())],
            ))),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(reopen_def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Reopens a kept draft of either form.
pub fn reopen_draft(id: FormId, draft: &Draft, ctx: &Ctx) -> Option<Box<dyn crate::app::screen::Screen>> {
    let front = ctx.store().ok()?.get::<CaseFront>(&draft.record?).ok()??;
    match id {
        CLOSE => Some(Box::new(close(ctx, &front.body).with_draft(draft))),
        REOPEN => Some(Box::new(reopen(ctx, &front.body).with_draft(draft))),
        _ => None,
    }
}
