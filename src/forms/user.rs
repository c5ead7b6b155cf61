//! Adding a user or changing one: username, display name, role, passphrase.
//!
//! The store replaces a user's keyslot as a whole, so a change always sets
//! the passphrase too; the username of an existing user cannot change.

use super::centre::passphrase_errors;
use crate::app::context::Ctx;
use crate::app::screen::Outcome;
use crate::domain::user::{Role, User, valid_username};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};

/// Shorthand for this form's field declarations.
type F = FieldSpec<UserEdit>;

/// What the user form collects.
#[derive(Clone, PartialEq, Eq, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
pub struct UserEdit {
    /// Login name.
    pub username: String,
    /// Name shown on screen.
    pub display_name: String,
    /// Role.
    #[zeroize(skip)]
    pub role: Role,
    /// New passphrase.
    pub passphrase: String,
    /// The passphrase typed again.
    pub passphrase_again: String,
}

impl Default for UserEdit {
    fn default() -> Self {
        UserEdit {
            username: String::new(),
            display_name: String::new(),
            role: Role::Reception,
            passphrase: String::new(),
            passphrase_again: String::new(),
        }
    }
}

impl std::fmt::Debug for UserEdit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserEdit")
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl From<&User> for UserEdit {
    fn from(u: &User) -> Self {
        UserEdit {
            username: u.username.clone(),
            display_name: u.display_name.clone(),
            role: u.role,
            passphrase: String::new(),
            passphrase_again: String::new(),
        }
    }
}

/// The roles, in the user's language.
pub fn roles(ctx: &Ctx) -> Vec<(String, String)> {
    Role::all().map(|r| (r.key().to_string(), ctx.t(&format!("role-{}", r.key())))).collect()
}

fn validate(r: &UserEdit, _ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if !valid_username(&r.username) {
        errors.push(("username", "form-error-username"));
    }
    errors.extend(passphrase_errors(&r.passphrase, &r.passphrase_again));
    errors
}

/// The declaration of the user form; `existing` makes the username read-only.
pub fn def(existing: bool) -> FormDef<UserEdit> {
    let username = F::new("username", "field-username", FieldKind::Text { max: 32 })
        .required()
        .load(|r| r.username.as_str().into())
        .store(|r, v| set(&mut r.username, v.text().to_lowercase()));
    FormDef {
        id: FormId::User,
        title: if existing { "form-user-edit-title" } else { "form-user-new-title" },
        fields: vec![
            if existing { username.read_only() } else { username },
            F::new("display_name", "field-display-name", FieldKind::Text { max: 80 })
                .required()
                .load(|r| r.display_name.as_str().into())
                .store(|r, v| set(&mut r.display_name, v.text())),
            F::new("role", "field-role", FieldKind::Choice(roles))
                .required()
                .load(|r| Value::Key(r.role.key().into()))
                .store(|r, v| Role::from_key(&v.text()).map(|role| r.role = role).ok_or("form-error-choice")),
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

/// Saves through the store: adds the user or replaces their role and passphrase.
pub fn save_to_store() -> OnSave<UserEdit> {
    Box::new(|r: &UserEdit, ctx: &mut Ctx| {
        let result = ctx
            .store_mut()
            .and_then(|store| store.set_user(&r.username, &r.display_name, r.role, r.passphrase.as_bytes()));
        match result {
            Ok(()) => Ok(Outcome::PopWith(ctx.t("form-user-saved"))),
            Err(e) => Err(ctx.error_text(&e)),
        }
    })
}

/// The user form over `existing` (or a new user), saving with `on_save`.
pub fn screen(ctx: &Ctx, existing: Option<&User>, on_save: OnSave<UserEdit>) -> FormScreen<UserEdit> {
    let record = existing.map(UserEdit::from).unwrap_or_default();
    FormScreen::new(def(existing.is_some()), record, None, on_save, ctx)
}
