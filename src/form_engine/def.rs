//! A form declared once: its stable name, title, fields and cross-field rules.

use super::field::FieldSpec;
use crate::app::context::Ctx;
use crate::app::screen::Outcome;

/// Cross-field checks run after every field parsed: `(field name, i18n error key)`.
pub type Validator<R> = fn(&R, &Ctx) -> Vec<(&'static str, &'static str)>;

/// What saving does with a valid record; the error is already translated.
pub type OnSave<R> = Box<dyn Fn(&R, &mut Ctx) -> Result<Outcome, String>>;

/// The declaration of a form over records of type `R`.
pub struct FormDef<R> {
    /// Which form this is; its drafts are kept under its name.
    pub id: super::FormId,
    /// The i18n key of the title.
    pub title: &'static str,
    /// The fields, in the order shown and tabbed through.
    pub fields: Vec<FieldSpec<R>>,
    /// Checks that involve several fields, run after each field parsed.
    pub validate: Option<Validator<R>>,
}

impl<R> FormDef<R> {
    /// The index of the field called `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

impl<R> std::fmt::Debug for FormDef<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormDef").field("id", &self.id).field("fields", &self.fields).finish_non_exhaustive()
    }
}
