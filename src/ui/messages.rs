//! The message, in the user's language and without personal data, for
//! an error of the store: one place the console, the operations and the
//! command line all take it from.

use crate::i18n::I18n;
use crate::store::StoreError;

/// The message for a store error.
pub fn store_error(e: &StoreError, i18n: &I18n) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        StoreError::BadCredentials => i18n.t("error-auth-failed"),
        StoreError::Throttled { seconds } => i18n.t_args("login-throttled", &[("seconds", (*seconds as i64).into())]),
        StoreError::Disabled => i18n.t("error-disabled"),
        StoreError::NotACentre { path: p } => i18n.t_args("error-not-a-centre", &[("path", path(p).into())]),
        StoreError::AlreadyExists { path: p } => i18n.t_args("error-centre-exists", &[("path", path(p).into())]),
        StoreError::InUse { path: p, holder: None } => {
            i18n.t_args("error-already-running", &[("path", path(p).into())])
        }
        StoreError::InUse { path: p, holder: Some(h) } => {
            let since = chrono::DateTime::from_timestamp(h.since, 0)
                .map(|t| i18n.format_datetime(t.with_timezone(&chrono::Local).naive_local()))
                .unwrap_or_default();
            i18n.t_args(
                "error-already-running-by",
                &[("path", path(p).into()), ("pid", h.pid.to_string().into()), ("since", since.into())],
            )
        }
        StoreError::FolderReplaced { path: p } => i18n.t_args("error-folder-replaced", &[("path", path(p).into())]),
        StoreError::HeaderDamaged(_) => i18n.t("error-vault-damaged"),
        StoreError::ForgedKdf => i18n.t("error-kdf-forged"),
        StoreError::Corrupt { tree } => i18n.t_args("error-corrupt", &[("tree", (*tree).into())]),
        StoreError::Database(_) => i18n.t("error-database-damaged"),
        StoreError::Unreadable { tree, after } => {
            i18n.t_args("error-tree-unreadable", &[("tree", (*tree).into()), ("after", (*after as i64).into())])
        }
        StoreError::Damaged { at, kept } => {
            i18n.t_args("error-database-log-damaged", &[("at", (*at as i64).into()), ("path", path(kept).into())])
        }
        StoreError::WitnessMissing => i18n.t("error-witness-missing"),
        StoreError::WitnessUnreadable => i18n.t("error-witness-unreadable"),
        StoreError::SavesLost { ends, acknowledged, kept } => {
            let lost = i18n.t_args(
                "error-saves-lost",
                &[("ends", (*ends as i64).into()), ("acknowledged", (*acknowledged as i64).into())],
            );
            match kept {
                Some(k) => format!("{lost} {}", i18n.t_args("error-saves-lost-kept", &[("path", path(k).into())])),
                None => lost,
            }
        }
        StoreError::Forbidden(_) => i18n.t("error-forbidden"),
        StoreError::DiskFull => i18n.t("error-disk-full"),
        StoreError::Rule(r) => i18n.t(&r.message_id()),
        StoreError::NotFound(what) => i18n.t_args("error-not-found", &[("what", (*what).into())]),
        StoreError::Io(_) => i18n.t("error-io"),
        StoreError::Closed => i18n.t("error-closed"),
        StoreError::Invalid(what) => i18n.t_args("error-invalid", &[("what", what.clone().into())]),
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use crate::domain::casefile::FileRule;
    use crate::i18n::{I18n, Lang};
    use crate::store::Rule;

    #[test]
    fn every_refusal_has_its_message_in_every_language() {
        let mut every: Vec<Rule> = Rule::PLAIN.to_vec();
        every.extend(FileRule::iter().map(Rule::File));
        for lang in Lang::all() {
            let i18n = I18n::new(lang);
            let missing: Vec<String> = every.iter().map(|r| r.message_id()).filter(|id| !i18n.has(id)).collect();
            assert!(missing.is_empty(), "{lang}: missing {missing:?}");
        }
    }
}
