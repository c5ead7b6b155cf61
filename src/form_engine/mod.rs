//! The form engine (docs/ARCHITECTURE.md §5): a form is declared once — fields, kinds,
//! labels, required-ness, validation and how each maps to its record — and
//! one generic screen renders, edits, validates, saves and drafts any form.
//!
//! - [`field`]: [`FieldKind`] and [`FieldSpec`], one declaration per field.
//! - [`def`]: [`FormDef`], the whole form, and its save callback type.
//! - [`FormScreen`]: the screen; typing goes to the focused field, Tab moves,
//!   Ctrl-S validates and saves, Esc on a changed form asks first.

pub mod confirm;
pub mod def;
mod dispatch;
pub mod field;
pub mod id;
pub mod input;
pub mod languages;
pub mod options;
pub mod parse;
pub mod picker;
pub mod screen;
pub mod value;
mod view;

#[cfg(test)]
pub(crate) mod tests;

pub use def::{FormDef, OnSave, Validator};
pub use field::{FieldKind, FieldSpec, OptionsFn, set};
pub use id::FormId;
pub use screen::FormScreen;
pub use value::Value;
