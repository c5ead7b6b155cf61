//! Text to value and back, by field kind, with the domain parsers.
//!
//! Every field keeps its content as text (a picked field keeps its keys), so
//! drafts, dirtiness and validation all work on the same representation.
//! Parse errors are i18n keys; the few that need numbers get arguments.

use chrono::NaiveDate;

use super::field::FieldKind;
use super::options::PickOption;
use super::value::Value;
use crate::app::context::Ctx;
use crate::domain::country::CountryCode;
use crate::domain::dates::{DateError, parse_time};
use crate::domain::flight::FlightNumber;
use crate::domain::money::{Currency, Money, MoneyError};
use crate::i18n::{FluentValue, Lang};

/// Separates the keys of a multiple choice in its text form.
pub const KEY_SEPARATOR: char = ',';

/// A validation message: an i18n key with optional numeric arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The message key.
    pub key: &'static str,
    /// Arguments of the message (`min`, `max`).
    pub args: Vec<(&'static str, i64)>,
}

impl FieldError {
    /// A message without arguments.
    pub fn new(key: &'static str) -> FieldError {
        FieldError { key, args: Vec::new() }
    }

    /// The message in the user's language.
    pub fn text(&self, ctx: &Ctx) -> String {
        if self.args.is_empty() {
            return ctx.t(self.key);
        }
        let args: Vec<(&str, FluentValue<'_>)> = self.args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
        ctx.i18n.t_args(self.key, &args)
    }
}

impl From<&'static str> for FieldError {
    fn from(key: &'static str) -> FieldError {
        FieldError::new(key)
    }
}

fn date_error(e: DateError) -> FieldError {
    FieldError::new(match e {
        DateError::Empty => "form-error-required",
        DateError::Unrecognised => "form-error-date",
        DateError::InvalidDate => "form-error-no-such-date",
        DateError::InvalidTime => "form-error-no-such-time",
        DateError::OutOfRange => "form-error-date-range",
        DateError::MissingTime => "form-error-time-missing",
    })
}

fn money_error(e: MoneyError) -> FieldError {
    FieldError::new(match e {
        MoneyError::Empty => "form-error-required",
        MoneyError::Currency | MoneyError::TwoCurrencies => "form-error-currency",
        MoneyError::Precision => "form-error-money-decimals",
        MoneyError::Negative => "form-error-money-negative",
        MoneyError::Amount | MoneyError::Overflow => "form-error-money",
    })
}

/// A phone number as `+` and digits; spaces, dots, hyphens and brackets dropped.
fn phone(text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    let (plus, rest) = match t.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", t),
    };
    if !rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')) {
        return Err(FieldError::new("form-error-phone"));
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !(5..=15).contains(&digits.len()) {
        return Err(FieldError::new("form-error-phone"));
    }
    Ok(format!("{plus}{digits}"))
}

/// The keys of a picked field's text.
pub fn split_keys(text: &str) -> Vec<String> {
    text.split(KEY_SEPARATOR).map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect()
}

/// Parses a field's non-blank `text` by `kind`; `options` are the field's picker options.
pub fn parse(kind: FieldKind, text: &str, options: &[PickOption], ctx: &Ctx) -> Result<Value, FieldError> {
    let known = |k: &str| options.iter().any(|o| o.key == k);
    match kind {
        FieldKind::Text { max } => {
            let t = text.trim();
            if t.chars().count() > max {
                return Err(FieldError { key: "form-error-too-long", args: vec![("max", max as i64)] });
            }
            Ok(Value::Text(t.to_string()))
        }
        FieldKind::MultiLine => Ok(Value::Text(text.trim_end().to_string())),
        // A passphrase is taken exactly as typed: spaces may be part of it.
        FieldKind::Passphrase => Ok(Value::Text(text.to_string())),
        FieldKind::Date => ctx.i18n.parse_date(text, ctx.today()).map(Value::Date).map_err(date_error),
        FieldKind::Time => parse_time(text).map(Value::Time).map_err(date_error),
        FieldKind::DateTime => {
            crate::i18n::parse_datetime(ctx.i18n.lang(), text, ctx.now()).map(Value::DateTime).map_err(date_error)
        }
        FieldKind::Number { min, max } => {
            let n: i64 = text.trim().parse().map_err(|_| FieldError::new("form-error-number"))?;
            if n < min || n > max {
                return Err(FieldError { key: "form-error-number-range", args: vec![("min", min), ("max", max)] });
            }
            Ok(Value::Number(n))
        }
        FieldKind::Money => {
            let default = Currency::parse(&ctx.config.currency).unwrap_or(Currency::RUB);
            Money::parse(text, default).map(Value::Money).map_err(money_error)
        }
        FieldKind::Phone => phone(text).map(Value::Text),
        FieldKind::Flight => {
            FlightNumber::parse(text).map(Value::Flight).map_err(|_| FieldError::new("form-error-flight"))
        }
        FieldKind::Country => {
            CountryCode::parse(text).map(Value::Country).map_err(|_| FieldError::new("form-error-country"))
        }
        FieldKind::Language | FieldKind::Choice(_) => {
            let k = text.trim();
            if known(k) { Ok(Value::Key(k.to_string())) } else { Err(FieldError::new("form-error-choice")) }
        }
        FieldKind::MultiChoice(_) => {
            let keys = split_keys(text);
            if keys.iter().all(|k| known(k)) {
                Ok(Value::Keys(keys))
            } else {
                Err(FieldError::new("form-error-choice"))
            }
        }
        FieldKind::YesNo => match text.trim() {
            "yes" => Ok(Value::Bool(true)),
            "no" => Ok(Value::Bool(false)),
            _ => Err(FieldError::new("form-error-choice")),
        },
    }
}

/// A date as it is put in an input: the language's one date format, the
/// same as screens show, which the date parser reads back.
pub fn edit_date(lang: Lang, d: NaiveDate) -> String {
    crate::i18n::format_date(lang, d)
}

/// The text an input starts with for a loaded value (the inverse of [`parse`]).
pub fn to_text(value: &Value, lang: Lang) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(s) | Value::Key(s) => s.clone(),
        Value::Date(d) => edit_date(lang, *d),
        Value::Time(t) => t.format("%H:%M").to_string(),
        Value::DateTime(t) => format!("{} {}", edit_date(lang, t.date()), t.format("%H:%M")),
        Value::Keys(k) => k.join(&KEY_SEPARATOR.to_string()),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Money(m) => m.to_string(),
        Value::Flight(f) => f.to_string(),
        Value::Country(c) => c.as_str().to_string(),
    }
}
