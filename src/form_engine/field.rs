//! How one field is declared: its stable name, label, kind, whether it is
//! required, and how it reads from and writes to the record.
//!
//! A form lists its fields once; rendering, parsing, validation, drafts and
//! saving all follow from that list, so adding a field is one declaration.

use super::value::Value;
use crate::app::context::Ctx;

/// The options of a choice: `(stable key, label in the user's language)`.
pub type OptionsFn = fn(&Ctx) -> Vec<(String, String)>;

/// Reads a field's value from the record.
pub type LoadFn<R> = fn(&R) -> Value;

/// Writes a parsed value into the record; an error is an i18n message key.
pub type StoreFn<R> = fn(&mut R, Value) -> Result<(), &'static str>;

/// What kind of input a field is, which decides its editor and its parser.
#[derive(Clone, Copy)]
pub enum FieldKind {
    /// One line of text, at most `max` characters.
    Text {
        /// Most characters accepted.
        max: usize,
    },
    /// Free text over several lines (notes).
    MultiLine,
    /// A date, typed in any common form (`01.12.2026`, `today`, `+3d`).
    Date,
    /// A time of day (`14:35`, `14h35`).
    Time,
    /// A date and a time (`tomorrow 06:10`).
    DateTime,
    /// One of a list of options, picked from a popup that filters as you type.
    Choice(OptionsFn),
    /// Any number of options from a list.
    MultiChoice(OptionsFn),
    /// Yes or no.
    YesNo,
    /// A whole number between `min` and `max`.
    Number {
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// An amount with an optional currency (the configured currency otherwise).
    Money,
    /// A telephone number.
    Phone,
    /// A flight number (`SU 2101`).
    Flight,
    /// An ISO 3166-1 country, picked by code or by name in any language.
    Country,
    /// An ISO 639-1 language from the centre's list.
    Language,
    /// A passphrase: masked, never kept in drafts.
    Passphrase,
}

impl FieldKind {
    /// Whether the field is edited as typed text (rather than picked).
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            FieldKind::Choice(_)
                | FieldKind::MultiChoice(_)
                | FieldKind::Country
                | FieldKind::Language
                | FieldKind::YesNo
        )
    }

    /// Whether the value is picked from a list in a popup.
    pub fn is_pick(self) -> bool {
        matches!(self, FieldKind::Choice(_) | FieldKind::MultiChoice(_) | FieldKind::Country | FieldKind::Language)
    }

    /// Whether the field takes several lines.
    pub fn is_multiline(self) -> bool {
        matches!(self, FieldKind::MultiLine)
    }

    /// Whether the value must never be shown or kept in a draft.
    pub fn is_secret(self) -> bool {
        matches!(self, FieldKind::Passphrase)
    }

    /// Rows the input takes on screen.
    pub fn rows(self) -> u16 {
        if self.is_multiline() { 4 } else { 1 }
    }
}

impl std::fmt::Debug for FieldKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            FieldKind::Text { max } => return write!(f, "Text {{ max: {max} }}"),
            FieldKind::Number { min, max } => return write!(f, "Number {{ min: {min}, max: {max} }}"),
            FieldKind::MultiLine => "MultiLine",
            FieldKind::Date => "Date",
            FieldKind::Time => "Time",
            FieldKind::DateTime => "DateTime",
            FieldKind::Choice(_) => "Choice",
            FieldKind::MultiChoice(_) => "MultiChoice",
            FieldKind::YesNo => "YesNo",
            FieldKind::Money => "Money",
            FieldKind::Phone => "Phone",
            FieldKind::Flight => "Flight",
            FieldKind::Country => "Country",
            FieldKind::Language => "Language",
            FieldKind::Passphrase => "Passphrase",
        };
        f.write_str(name)
    }
}

/// One field of a form over records of type `R`.
///
/// Built with [`FieldSpec::new`] and the chained setters, so each field is a
/// single expression in the form's list:
///
/// ```ignore
/// F::new("username", "field-username", FieldKind::Text { max: 32 })
///     .required()
///     .load(|r| r.username.as_str().into())
///     .store(|r, v| set(&mut r.username, v.text())),
/// ```
pub struct FieldSpec<R> {
    /// Stable name, used in drafts and by form-level validation.
    pub name: &'static str,
    /// The i18n key of the label.
    pub label: &'static str,
    /// The kind of input.
    pub kind: FieldKind,
    /// Whether the field must be filled in.
    pub required: bool,
    /// Shown but not editable (e.g. the username of an existing user).
    pub read_only: bool,
    /// Never kept in a draft (a passport zone typed by reception, which
    /// only a case worker may read).
    pub not_drafted: bool,
    /// Reads the value shown when the form opens.
    pub load: LoadFn<R>,
    /// Writes the parsed value into the record.
    pub store: StoreFn<R>,
}

impl<R> FieldSpec<R> {
    /// An optional, editable field that reads nothing and stores nothing yet.
    pub fn new(name: &'static str, label: &'static str, kind: FieldKind) -> Self {
        FieldSpec {
            name,
            label,
            kind,
            required: false,
            read_only: false,
            not_drafted: false,
            load: |_| Value::Empty,
            store: |_, _| Ok(()),
        }
    }

    /// Marks the field required.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Marks the field read-only.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// Keeps the field out of drafts.
    pub fn not_drafted(mut self) -> Self {
        self.not_drafted = true;
        self
    }

    /// Sets how the field reads from the record.
    pub fn load(mut self, load: LoadFn<R>) -> Self {
        self.load = load;
        self
    }

    /// Sets how the field writes to the record.
    pub fn store(mut self, store: StoreFn<R>) -> Self {
        self.store = store;
        self
    }
}

/// Puts `value` into `slot`: the usual body of a `store`, kept to one line
/// (`.store(|r, v| set(&mut r.name, v.text()))`).
pub fn set<T>(slot: &mut T, value: T) -> Result<(), &'static str> {
    *slot = value;
    Ok(())
}

impl<R> std::fmt::Debug for FieldSpec<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldSpec")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("required", &self.required)
            .finish_non_exhaustive()
    }
}
