//! A referral in or out: the organisation (from the directory), date, HTCDS
//! reason, services requested, status and follow-up. An outgoing referral
//! is saved only with a consent covering that organisation; a manager may
//! send it without, giving the reason in writing. Refused for want of
//! consent, the form offers to record the person's consent there and then
//! ("Consent given now") and goes on with the same referral.

use super::case_common::{case_field, case_label, case_of_draft, failed, revision};
use super::case_options::{all_organisations, directions, referral_reasons, referral_statuses, service_kinds};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::CaseFront;
use crate::domain::ids::{OrganisationId, ReferralId};
use crate::domain::referral::{Direction, Referral, ReferralReason, ReferralStatus};
use crate::domain::service::ServiceKind;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::record::case_scoped_key;
use crate::store::{Stored, new_id};

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Referral;

type F = FieldSpec<ReferralEdit>;

/// Stands for "no organisation chosen yet" in a new referral.
const NO_ORGANISATION: OrganisationId = OrganisationId::from_bytes([0; 16]);

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralEdit {
    /// The case (read-only).
    pub case: String,
    /// The referral with the form's values.
    pub referral: Referral,
    /// A manager's written reason to send without covering consent.
    pub override_reason: String,
    /// The person consents now to sharing with the organisation: the
    /// consent is recorded with the referral.
    pub consent_now: bool,
    /// The revision the form edits from (0 for a new referral).
    pub revision: u64,
}

fn validate(r: &ReferralEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if r.referral.organisation == NO_ORGANISATION {
        errors.push(("organisation", "form-error-required"));
    }
    if r.referral.follow_up.is_some_and(|f| f < r.referral.date) {
        errors.push(("follow_up", "rule-follow_up_before_referral"));
    }
    // Refused for want of consent: offer to record it now, on the field that does.
    if errors.is_empty()
        && !r.consent_now
        && r.override_reason.trim().is_empty()
        && ctx.store().ok().is_some_and(|s| {
            crate::ops::consent_now::needs_consent(s, &r.referral, r.revision, ctx.today()).unwrap_or(false)
        })
    {
        errors.push(("consent_now", "cases-referral-consent-ask"));
        // No field of that name: the whole offer goes to the message line.
        errors.push(("consent", "cases-referral-consent-offer"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<ReferralEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-referral",
        fields: vec![
            case_field(|r: &ReferralEdit| r.case.as_str().into()),
            F::new("direction", "cases-field-direction", FieldKind::Choice(directions))
                .required()
                .load(|r| Value::Key(r.referral.direction.key().into()))
                .store(|r, v| {
                    Direction::from_key(&v.text()).map(|d| r.referral.direction = d).ok_or("form-error-choice")
                }),
            F::new("organisation", "cases-field-organisation", FieldKind::Choice(all_organisations))
                .required()
                .load(|r| match r.referral.organisation {
                    NO_ORGANISATION => Value::Empty,
                    id => Value::Key(id.to_string()),
                })
                .store(|r, v| {
                    v.text()
                        .parse::<OrganisationId>()
                        .map(|o| r.referral.organisation = o)
                        .map_err(|_| "form-error-choice")
                }),
            F::new("date", "cases-field-date", FieldKind::Date)
                .required()
                .load(|r| r.referral.date.into())
                .store(|r, v| v.date().map(|d| r.referral.date = d).ok_or("form-error-date")),
            F::new("reason", "cases-field-reason", FieldKind::Choice(referral_reasons))
                .required()
                .load(|r| Value::Key(r.referral.reason.key().into()))
                .store(|r, v| {
                    ReferralReason::from_key(&v.text()).map(|x| r.referral.reason = x).ok_or("form-error-choice")
                }),
            F::new("services", "cases-field-services", FieldKind::MultiChoice(service_kinds))
                .load(|r| r.referral.services.iter().map(|s| s.key().to_string()).collect::<Vec<_>>().into())
                .store(|r, v| {
                    v.keys()
                        .iter()
                        .map(|k| ServiceKind::from_key(k).ok_or("form-error-choice"))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|s| r.referral.services = s)
                }),
            F::new("status", "cases-field-status", FieldKind::Choice(referral_statuses))
                .required()
                .load(|r| Value::Key(r.referral.status.key().into()))
                .store(|r, v| {
                    ReferralStatus::from_key(&v.text()).map(|s| r.referral.status = s).ok_or("form-error-choice")
                }),
            F::new("follow_up", "cases-field-follow-up", FieldKind::Date)
                .load(|r| r.referral.follow_up.into())
                .store(|r, v| set(&mut r.referral.follow_up, v.date())),
            F::new("consent_now", "cases-field-consent-now", FieldKind::YesNo)
                .load(|r| r.consent_now.into())
                .store(|r, v| set(&mut r.consent_now, v.bool().unwrap_or(false))),
            F::new("override_reason", "cases-field-override", FieldKind::Text { max: 300 })
                .load(|r| r.override_reason.as_str().into())
                .store(|r, v| set(&mut r.override_reason, v.text())),
        ],
        validate: Some(validate),
    }
}

/// The form over a referral of `front`'s case, or a new one going `direction`.
pub fn screen(
    ctx: &Ctx,
    front: &CaseFront,
    existing: Option<&Stored<Referral>>,
    direction: Direction,
) -> Result<FormScreen<ReferralEdit>, String> {
    let referral = match existing {
        Some(r) => r.body.clone(),
        None => Referral {
            id: new_id::<ReferralId>().map_err(|e| ctx.error_text(&e))?,
            case_id: front.id,
            direction,
            organisation: NO_ORGANISATION,
            date: ctx.today(),
            reason: ReferralReason::AdditionalServicesRequired,
            services: Vec::new(),
            status: ReferralStatus::Sent,
            follow_up: None,
            consent: None,
            override_reason: None,
        },
    };
    let revision = revision(existing);
    let record = ReferralEdit {
        case: case_label(front),
        override_reason: referral.override_reason.clone().unwrap_or_default(),
        referral,
        consent_now: false,
        revision,
    };
    let record_id = existing.map(|r| *r.body.id.as_bytes());
    let on_save: OnSave<ReferralEdit> = Box::new(move |r: &ReferralEdit, ctx| {
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        let reason = Some(r.override_reason.trim()).filter(|s| !s.is_empty());
        if r.consent_now && reason.is_none() {
            return match crate::ops::consent_now::refer_with_consent(store, &r.referral, revision, ctx.today()) {
                Ok(_) => Ok(Outcome::PopWith(ctx.t("cases-referral-saved-with-consent"))),
                Err(e) => Err(failed(ctx, &e)),
            };
        }
        match crate::ops::referrals::save_referral(store, &r.referral, revision, reason, ctx.today()) {
            Ok(saved) if saved.override_reason.is_some() && saved.consent.is_none() => {
                Ok(Outcome::PopWith(ctx.t("cases-referral-saved-override")))
            }
            Ok(_) => Ok(Outcome::PopWith(ctx.t("cases-referral-saved"))),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    Ok(FormScreen::new(def(), record, record_id, on_save, ctx))
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<ReferralEdit>> {
    let front = case_of_draft(draft, ctx)?;
    let existing = match draft.record {
        Some(id) => ctx.store().ok()?.get::<Referral>(&case_scoped_key(front.body.id, &id)).ok()?,
        None => None,
    };
    screen(ctx, &front.body, existing.as_ref(), Direction::Out).ok().map(|s| s.with_draft(draft))
}
