//! An organisation of the referral directory: name, type, city, country,
//! contact and the services it offers.

use super::case_common::{failed, saved};
use super::case_options::{organisation_types, service_kinds};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::ids::OrganisationId;
use crate::domain::referral::{Organisation, OrganisationType};
use crate::domain::service::ServiceKind;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::store::{Stored, new_id};

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::Organisation;

type F = FieldSpec<Organisation>;

/// The declaration.
pub fn def(existing: bool) -> FormDef<Organisation> {
    FormDef {
        id: NAME,
        title: if existing { "cases-form-organisation-edit" } else { "cases-form-organisation-new" },
        fields: vec![
            F::new("name", "cases-field-org-name", FieldKind::Text { max: 120 })
                .required()
                .load(|r| r.name.as_str().into())
                .store(|r, v| set(&mut r.name, v.text())),
            F::new("kind", "cases-field-org-type", FieldKind::Choice(organisation_types))
                .required()
                .load(|r| Value::Key(r.kind.key().into()))
                .store(|r, v| OrganisationType::from_key(&v.text()).map(|k| r.kind = k).ok_or("form-error-choice")),
            F::new("city", "cases-field-city", FieldKind::Text { max: 80 })
                .load(|r| r.city.as_str().into())
                .store(|r, v| set(&mut r.city, v.text())),
            F::new("country", "cases-field-country", FieldKind::Country)
                .load(|r| r.country.into())
                .store(|r, v| set(&mut r.country, v.country())),
            F::new("contact", "cases-field-org-contact", FieldKind::Text { max: 200 })
                .load(|r| r.contact.as_str().into())
                .store(|r, v| set(&mut r.contact, v.text())),
            F::new("services", "cases-field-services-offered", FieldKind::MultiChoice(service_kinds))
                .load(|r| r.services.iter().map(|s| s.key().to_string()).collect::<Vec<_>>().into())
                .store(|r, v| {
                    v.keys()
                        .iter()
                        .map(|k| ServiceKind::from_key(k).ok_or("form-error-choice"))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|s| r.services = s)
                }),
        ],
        validate: None,
    }
}

/// The form over an organisation, or a new one.
pub fn screen(ctx: &Ctx, existing: Option<&Stored<Organisation>>) -> Result<FormScreen<Organisation>, String> {
    let record = match existing {
        Some(o) => o.body.clone(),
        None => Organisation {
            id: new_id::<OrganisationId>().map_err(|e| ctx.error_text(&e))?,
            name: String::new(),
            kind: OrganisationType::Ngo,
            city: String::new(),
            country: None,
            contact: String::new(),
            services: Vec::new(),
            retired: false,
        },
    };
    let revision = existing.map_or(0, |o| o.meta.revision);
    let record_id = existing.map(|o| *o.body.id.as_bytes());
    let on_save: OnSave<Organisation> = Box::new(move |r: &Organisation, ctx| {
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::referrals::save_organisation(store, r, revision) {
            Ok(_) => saved(ctx, "cases-organisation-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    Ok(FormScreen::new(def(existing.is_some()), record, record_id, on_save, ctx))
}

/// Reopens a kept draft of this form.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<Organisation>> {
    let existing = match draft.record {
        Some(id) => ctx.store().ok()?.get::<Organisation>(&id).ok()?,
        None => None,
    };
    screen(ctx, existing.as_ref()).ok().map(|s| s.with_draft(draft))
}
