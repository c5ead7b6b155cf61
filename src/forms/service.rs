//! One service of the checklist in detail: status, planned and done dates,
//! who provides it (the centre or an organisation of the directory), a
//! note, and for the reintegration grant its amount and currency (the
//! configured currency when none is typed).

use chrono::NaiveDate;

use super::case_common::{case_field, case_label, failed, saved};
use super::case_options::{INTERNAL, providers, service_statuses};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::CaseFront;
use crate::domain::ids::OrganisationId;
use crate::domain::service::{Provider, ServiceError, ServiceItem, ServiceStatus, validate_service};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Service;

type F = FieldSpec<ServiceEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceEdit {
    /// The case (read-only).
    pub case: String,
    /// The service's name (read-only).
    pub service: String,
    /// The item as it was, with the form's values applied.
    pub item: ServiceItem,
}

/// The provider's key in the picker.
fn provider_key(p: Provider) -> String {
    match p {
        Provider::Internal => INTERNAL.into(),
        Provider::Organisation(id) => id.to_string(),
    }
}

fn provider_of(key: &str) -> Result<Provider, &'static str> {
    if key == INTERNAL {
        return Ok(Provider::Internal);
    }
    key.parse::<OrganisationId>().map(Provider::Organisation).map_err(|_| "form-error-choice")
}

fn validate(r: &ServiceEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    match validate_service(&r.item) {
        Ok(()) => {}
        Err(ServiceError::GrantNeedsAmount) => errors.push(("amount", "rule-service_grant_needs_amount")),
        Err(ServiceError::GrantAmountZero) => errors.push(("amount", "rule-service_grant_amount_zero")),
        Err(ServiceError::NegativeAmount) => errors.push(("amount", "form-error-money-negative")),
        Err(ServiceError::DoneNeedsDate) => errors.push(("done_on", "rule-service_done_needs_date")),
        Err(ServiceError::DoneDateWithoutDone) => errors.push(("done_on", "rule-service_done_date_without_done")),
        Err(ServiceError::PlannedNeedsDate) => errors.push(("planned_on", "rule-service_planned_needs_date")),
    }
    if r.item.done_on.is_some_and(|d: NaiveDate| d > ctx.today()) {
        errors.push(("done_on", "cases-error-future"));
    }
    errors
}

/// What a withheld provider or note shows.
const WITHHELD: &str = "●●●";

/// The declaration; the grant also has its amount. With `hidden`, the
/// provider and note (medical data for this item and this role) are shown
/// withheld and read-only: the store keeps them as they are.
pub fn def(with_amount: bool, hidden: bool) -> FormDef<ServiceEdit> {
    let mut fields = vec![
        case_field(|r: &ServiceEdit| r.case.as_str().into()),
        F::new("service", "cases-field-service", FieldKind::Text { max: 120 })
            .read_only()
            .load(|r| r.service.as_str().into()),
        F::new("status", "cases-field-status", FieldKind::Choice(service_statuses))
            .required()
            .load(|r| Value::Key(r.item.status.key().into()))
            .store(|r, v| ServiceStatus::from_key(&v.text()).map(|s| r.item.status = s).ok_or("form-error-choice")),
        F::new("planned_on", "cases-field-planned", FieldKind::Date)
            .load(|r| r.item.planned_on.into())
            .store(|r, v| set(&mut r.item.planned_on, v.date())),
        F::new("done_on", "cases-field-done", FieldKind::Date)
            .load(|r| r.item.done_on.into())
            .store(|r, v| set(&mut r.item.done_on, v.date())),
        F::new("provider", "cases-field-provider", FieldKind::Choice(providers))
            .required()
            .load(|r| Value::Key(provider_key(r.item.provider)))
            .store(|r, v| provider_of(&v.text()).map(|p| r.item.provider = p)),
    ];
    if hidden {
        fields.pop();
        fields.push(
            F::new("provider", "cases-field-provider", FieldKind::Text { max: 10 })
                .read_only()
                .load(|_| WITHHELD.into()),
        );
    }
    if with_amount {
        fields.push(
            F::new("amount", "cases-field-amount", FieldKind::Money)
                .load(|r| r.item.amount.into())
                .store(|r, v| set(&mut r.item.amount, v.money())),
        );
    }
    fields.push(if hidden {
        F::new("note", "cases-field-note", FieldKind::Text { max: 10 }).read_only().load(|_| WITHHELD.into())
    } else {
        F::new("note", "cases-field-note", FieldKind::MultiLine)
            .load(|r| r.item.note.as_str().into())
            .store(|r, v| set(&mut r.item.note, v.text()))
    });
    FormDef { id: NAME, title: "cases-form-service", fields, validate: Some(validate) }
}

/// The form over one service item of `front`'s case.
pub fn screen(ctx: &Ctx, front: &CaseFront, item: &Stored<ServiceItem>) -> FormScreen<ServiceEdit> {
    let revision = item.meta.revision;
    let record = ServiceEdit {
        case: case_label(front),
        service: ctx.t(&format!("service-{}", item.body.kind.key())),
        item: item.body.clone(),
    };
    let on_save: OnSave<ServiceEdit> = Box::new(move |r: &ServiceEdit, ctx| {
        let mut it = r.item.clone();
        it.note = it.note.trim_end().to_string();
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::services::save(store, &it, revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    let hidden = ctx.store().map_or(true, |s| crate::ops::services::detail_hidden(s, item.body.kind));
    FormScreen::new(def(item.body.kind.has_amount(), hidden), record, Some(*item.body.id.as_bytes()), on_save, ctx)
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<ServiceEdit>> {
    let store = ctx.store().ok()?;
    let item = store.get::<ServiceItem>(&draft.record?).ok()??;
    let front = store.get::<CaseFront>(item.body.case_id.as_bytes()).ok()??;
    Some(screen(ctx, &front.body, &item).with_draft(draft))
}
