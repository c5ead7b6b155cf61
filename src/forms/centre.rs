//! The first-run form: the centre's code and name and its first manager.
//!
//! It produces a plain [`NewCentre`]; the caller decides what saving does
//! (creating the vault), so this form knows nothing of the store.

use crate::app::context::Ctx;
use crate::domain::case_code::valid_centre_code;
use crate::domain::user::valid_username;
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, set};

/// Shorthand for this form's field declarations.
type F = FieldSpec<NewCentre>;

/// The shortest passphrase accepted for a manager (also used by the user form).
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// What the first-run form collects.
#[derive(Clone, Default, PartialEq, Eq, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
pub struct NewCentre {
    /// Centre code, 2–5 uppercase letters (`MSK`), the prefix of case codes.
    pub code: String,
    /// The centre's name.
    pub name: String,
    /// The first manager's username.
    pub username: String,
    /// The first manager's display name.
    pub display_name: String,
    /// The first manager's passphrase.
    pub passphrase: String,
    /// The passphrase typed again.
    pub passphrase_again: String,
}

impl std::fmt::Debug for NewCentre {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewCentre")
            .field("code", &self.code)
            .field("name", &self.name)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Checks a new passphrase and its repetition; shared with the user form.
pub fn passphrase_errors(passphrase: &str, again: &str) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        errors.push(("passphrase", "form-error-passphrase-short"));
    } else if passphrase != again {
        errors.push(("passphrase_again", "form-error-passphrase-mismatch"));
    }
    errors
}

fn validate(r: &NewCentre, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if !valid_centre_code(&r.code) {
        errors.push(("code", "form-error-centre-code"));
    }
    if !valid_username(&r.username) {
        errors.push(("username", "form-error-username"));
    }
    errors.extend(passphrase_errors(&r.passphrase, &r.passphrase_again));
    errors
}

/// The declaration of the first-run form.
pub fn def() -> FormDef<NewCentre> {
    FormDef {
        id: FormId::Centre,
        title: "form-centre-title",
        fields: vec![
            F::new("code", "field-centre-code", FieldKind::Text { max: 5 })
                .required()
                .load(|r| r.code.as_str().into())
                .store(|r, v| set(&mut r.code, v.text().to_uppercase())),
            F::new("name", "field-centre-name", FieldKind::Text { max: 80 })
                .required()
                .load(|r| r.name.as_str().into())
                .store(|r, v| set(&mut r.name, v.text())),
            F::new("username", "field-username", FieldKind::Text { max: 32 })
                .required()
                .load(|r| r.username.as_str().into())
                .store(|r, v| set(&mut r.username, v.text().to_lowercase())),
            F::new("display_name", "field-display-name", FieldKind::Text { max: 80 })
                .required()
                .load(|r| r.display_name.as_str().into())
                .store(|r, v| set(&mut r.display_name, v.text())),
            F::new("passphrase", "field-passphrase", FieldKind::Passphrase)
                .required()
                .store(|r, v| set(&mut r.passphrase, v.text())),
            F::new("passphrase_again", "field-passphrase-again", FieldKind::Passphrase)
                .required()
                .store(|r, v| set(&mut r.passphrase_again, v.text())),
        ],
        validate: Some(validate),
    }
}

/// The first-run form; `on_save` creates the centre from the valid [`NewCentre`].
pub fn screen(ctx: &Ctx, on_save: OnSave<NewCentre>) -> FormScreen<NewCentre> {
    FormScreen::new(def(), NewCentre::default(), None, on_save, ctx)
}
