//! Turns an error into one line in the user's language, without personal data.

use crate::i18n::I18n;
use crate::store::StoreError;
pub use crate::ui::messages::store_error;

use super::creds::CliError;

/// One line describing `e` for the person at the keyboard.
pub fn describe(e: &anyhow::Error, i18n: &I18n) -> String {
    if let Some(s) = e.downcast_ref::<StoreError>() {
        return store_error(s, i18n);
    }
    if let Some(c) = e.downcast_ref::<CliError>() {
        return match c {
            CliError::Mismatch => i18n.t("error-passphrase-mismatch"),
            CliError::TooShort => {
                i18n.t_args("error-passphrase-too-short", &[("min", (super::creds::MIN_PASSPHRASE as i64).into())])
            }
            CliError::NotDemo => i18n.t("error-not-demo"),
        };
    }
    e.to_string()
}
