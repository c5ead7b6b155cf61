//! A field's value once parsed by its kind: what a form's `store` receives
//! and what its `load` gives back.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::country::CountryCode;
use crate::domain::flight::FlightNumber;
use crate::domain::money::Money;

/// A parsed field value; `Empty` when an optional field was left blank.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// Nothing entered.
    #[default]
    Empty,
    /// Text, multi-line text, a phone number (normalised) or a passphrase.
    Text(String),
    /// A calendar date.
    Date(NaiveDate),
    /// A time of day.
    Time(NaiveTime),
    /// A date and a time.
    DateTime(NaiveDateTime),
    /// The key of a choice, or an ISO 639-1 language code.
    Key(String),
    /// The keys of a multiple choice, in the order of the options.
    Keys(Vec<String>),
    /// Yes or no.
    Bool(bool),
    /// A whole number.
    Number(i64),
    /// An amount of money.
    Money(Money),
    /// A flight number.
    Flight(FlightNumber),
    /// A country.
    Country(CountryCode),
}

impl Value {
    /// Whether nothing was entered.
    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The text of a text or key value; empty for anything else.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) | Value::Key(s) => s.clone(),
            _ => String::new(),
        }
    }

    /// The text, or `None` when blank.
    pub fn opt_text(&self) -> Option<String> {
        Some(self.text()).filter(|s| !s.is_empty())
    }

    /// The date, if this is one.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// The time, if this is one.
    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            Value::Time(t) => Some(*t),
            _ => None,
        }
    }

    /// The date and time, if this is one.
    pub fn datetime(&self) -> Option<NaiveDateTime> {
        match self {
            Value::DateTime(t) => Some(*t),
            _ => None,
        }
    }

    /// The chosen key (choice or language), if any.
    pub fn key(&self) -> Option<&str> {
        match self {
            Value::Key(k) => Some(k),
            _ => None,
        }
    }

    /// The chosen keys of a multiple choice (none when blank).
    pub fn keys(&self) -> Vec<String> {
        match self {
            Value::Keys(k) => k.clone(),
            Value::Key(k) => vec![k.clone()],
            _ => Vec::new(),
        }
    }

    /// Yes or no, if answered.
    pub fn bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if one was entered.
    pub fn number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The amount, if one was entered.
    pub fn money(&self) -> Option<Money> {
        match self {
            Value::Money(m) => Some(*m),
            _ => None,
        }
    }

    /// The flight, if one was entered.
    pub fn flight(&self) -> Option<FlightNumber> {
        match self {
            Value::Flight(f) => Some(f.clone()),
            _ => None,
        }
    }

    /// The country, if one was chosen.
    pub fn country(&self) -> Option<CountryCode> {
        match self {
            Value::Country(c) => Some(*c),
            _ => None,
        }
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        if s.is_empty() { Value::Empty } else { Value::Text(s) }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::from(s.to_string())
    }
}

impl From<NaiveDate> for Value {
    fn from(d: NaiveDate) -> Value {
        Value::Date(d)
    }
}

impl From<NaiveTime> for Value {
    fn from(t: NaiveTime) -> Value {
        Value::Time(t)
    }
}

impl From<NaiveDateTime> for Value {
    fn from(t: NaiveDateTime) -> Value {
        Value::DateTime(t)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(n)
    }
}

impl From<Money> for Value {
    fn from(m: Money) -> Value {
        Value::Money(m)
    }
}

impl From<FlightNumber> for Value {
    fn from(f: FlightNumber) -> Value {
        Value::Flight(f)
    }
}

impl From<CountryCode> for Value {
    fn from(c: CountryCode) -> Value {
        Value::Country(c)
    }
}

impl From<Vec<String>> for Value {
    fn from(k: Vec<String>) -> Value {
        if k.is_empty() { Value::Empty } else { Value::Keys(k) }
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Empty, Into::into)
    }
}
