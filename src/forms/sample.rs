//! A small form with one field of every kind: the engine's own test bed and
//! the form shown in the "one form" snapshots.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::app::context::Ctx;
use crate::domain::country::CountryCode;
use crate::domain::flight::FlightNumber;
use crate::domain::money::Money;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::forms::user::roles;

/// Shorthand for this form's field declarations.
type F = FieldSpec<Sample>;

/// A record with one member per field kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sample {
    /// Text.
    pub name: String,
    /// Multi-line text.
    pub notes: String,
    /// Date.
    pub born: Option<NaiveDate>,
    /// Time.
    pub at: Option<NaiveTime>,
    /// Date and time.
    pub arrives: Option<NaiveDateTime>,
    /// Choice.
    pub role: Option<String>,
    /// Multiple choice.
    pub services: Vec<String>,
    /// Yes / no.
    pub consent: Option<bool>,
    /// Number.
    pub nights: Option<i64>,
    /// Money.
    pub grant: Option<Money>,
    /// Phone.
    pub phone: String,
    /// Flight.
    pub flight: Option<FlightNumber>,
    /// Country.
    pub country: Option<CountryCode>,
    /// Language.
    pub language: Option<String>,
    /// Passphrase.
    pub secret: String,
}

/// The declaration: every kind once, name and date of birth required.
pub fn def() -> FormDef<Sample> {
    FormDef {
        id: FormId::Sample,
        title: "form-sample-title",
        fields: vec![
            F::new("name", "field-name", FieldKind::Text { max: 40 })
                .required()
                .load(|r| r.name.as_str().into())
                .store(|r, v| set(&mut r.name, v.text())),
            F::new("notes", "field-notes", FieldKind::MultiLine)
                .load(|r| r.notes.as_str().into())
                .store(|r, v| set(&mut r.notes, v.text())),
            F::new("born", "field-date-of-birth", FieldKind::Date)
                .required()
                .load(|r| r.born.into())
                .store(|r, v| set(&mut r.born, v.date())),
            F::new("at", "field-time", FieldKind::Time).load(|r| r.at.into()).store(|r, v| set(&mut r.at, v.time())),
            F::new("arrives", "field-arrival", FieldKind::DateTime)
                .load(|r| r.arrives.into())
                .store(|r, v| set(&mut r.arrives, v.datetime())),
            F::new("role", "field-role", FieldKind::Choice(roles))
                .load(|r| r.role.clone().map_or(Value::Empty, Value::Key))
                .store(|r, v| set(&mut r.role, v.key().map(String::from))),
            F::new("services", "field-services", FieldKind::MultiChoice(roles))
                .load(|r| r.services.clone().into())
                .store(|r, v| set(&mut r.services, v.keys())),
            F::new("consent", "field-consent", FieldKind::YesNo)
                .load(|r| r.consent.into())
                .store(|r, v| set(&mut r.consent, v.bool())),
            F::new("nights", "field-nights", FieldKind::Number { min: 0, max: 365 })
                .load(|r| r.nights.into())
                .store(|r, v| set(&mut r.nights, v.number())),
            F::new("grant", "field-amount", FieldKind::Money)
                .load(|r| r.grant.into())
                .store(|r, v| set(&mut r.grant, v.money())),
            F::new("phone", "field-phone", FieldKind::Phone)
                .load(|r| r.phone.as_str().into())
                .store(|r, v| set(&mut r.phone, v.text())),
            F::new("flight", "field-flight", FieldKind::Flight)
                .load(|r| r.flight.clone().into())
                .store(|r, v| set(&mut r.flight, v.flight())),
            F::new("country", "field-country", FieldKind::Country)
                .load(|r| r.country.into())
                .store(|r, v| set(&mut r.country, v.country())),
            F::new("language", "field-language", FieldKind::Language)
                .load(|r| r.language.clone().map_or(Value::Empty, Value::Key))
                .store(|r, v| set(&mut r.language, v.key().map(String::from))),
            F::new("secret", "field-passphrase", FieldKind::Passphrase).store(|r, v| set(&mut r.secret, v.text())),
        ],
        validate: None,
    }
}

/// The sample form over `record`.
pub fn screen(ctx: &Ctx, record: Sample, on_save: OnSave<Sample>) -> FormScreen<Sample> {
    FormScreen::new(def(), record, None, on_save, ctx)
}
