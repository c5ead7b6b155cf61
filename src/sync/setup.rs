//! Configuring the hub on a laptop: `haven hub init --url URL --ca FILE`
//! with the centre's enrolment credential (`hub provision`, made once by
//! the hub's operator) enrols this installation through the operator's
//! `haven_enrol` function: a login role of its own whose random password
//! is made here and reaches PostgreSQL only as a SCRAM verifier. Only that
//! role's settings are kept, sealed in the store; the enrolment password
//! is never stored. Given the operator's own credential instead (a hub
//! serving one centre), it provisions the centre first.

use super::hub::HubError;
use super::pg::{self, HUB_KEY, HubConfig, PgHub};
use super::provision::{self, EnrolError};
use crate::store::{AuditAction, AuditEntry, Store, StoreError};

/// A hub setup failure.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The hub.
    #[error(transparent)]
    Hub(#[from] HubError),
    /// The store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The URL with its user replaced by `role` and no password.
pub fn with_user(url: &str, role: &str) -> Result<String, HubError> {
    let (scheme, rest) = url.split_once("://").ok_or_else(|| HubError::Other("hub URL: postgres://…".into()))?;
    let slash = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(slash);
    let host = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    Ok(format!("{scheme}://{role}@{host}{path}"))
}

/// Sets the hub up from this laptop (see the module comment).
pub fn init(store: &Store, url: &str, password: Option<&str>, ca_pem: &[u8]) -> Result<HubConfig, SetupError> {
    init_with(store, url, password, ca_pem, false)
}

/// [`init`]; with `replace`, a credential this installation already has at
/// the hub is replaced (only for a laptop that lost its hub settings: the
/// hub refuses it for another key).
pub fn init_with(
    store: &Store,
    url: &str,
    password: Option<&str>,
    ca_pem: &[u8],
    replace: bool,
) -> Result<HubConfig, SetupError> {
    store.authorize(crate::domain::permissions::Act::AdministerUsers, crate::domain::permissions::DataClass::Front)?;
    let centre = store.header().centre_id;
    let mut client = pg::connect(url, password, ca_pem)?;
    if provision::is_operator(&mut client)? {
        provision::provision(&mut client, &centre, None)?;
    }
    let me = store.header().installation;
    let public = store.installation_public()?;
    let device_password = super::scram::new_password()?;
    let verifier = super::scram::verifier(&device_password)?;
    let role = provision::enrol(&mut client, &centre, &me, &public, &verifier, replace).map_err(|e| match e {
        EnrolError::Hub(h) => h,
        already => HubError::Refused(already.to_string()),
    })?;
    let cfg = HubConfig { url: with_user(url, &role)?, password: device_password, ca_pem: ca_pem.to_vec() };
    // The laptop's own role must reach the hub before anything is kept.
    let mut hub = PgHub::connect(&cfg, centre, me)?;
    super::hub::Hub::pull(&mut hub, &Default::default(), 1)?;
    store.commit(AuditEntry::new(AuditAction::Update, "hub").summary("hub configured"), |tx| {
        tx.sync_put(HUB_KEY, &cfg)
    })?;
    Ok(cfg)
}

/// This laptop's hub settings, if a hub is configured.
pub fn config(store: &Store) -> Result<Option<HubConfig>, StoreError> {
    store.sync_get(HUB_KEY)
}

/// Connects to the configured hub.
pub fn connect(store: &Store) -> Result<Option<PgHub>, SetupError> {
    let Some(cfg) = config(store)? else { return Ok(None) };
    Ok(Some(PgHub::connect(&cfg, store.header().centre_id, store.header().installation)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_laptop_url_carries_its_own_role_and_no_password() {
        assert_eq!(
            with_user("postgres://admin:secret@hub.centre:5432/haven?sslmode=verify-full", "haven_d_01").unwrap(),
            "postgres://haven_d_01@hub.centre:5432/haven?sslmode=verify-full"
        );
        assert_eq!(with_user("postgresql://hub/haven", "r").unwrap(), "postgresql://r@hub/haven");
        assert!(with_user("hub/haven", "r").is_err());
        assert_eq!(
            with_user("postgres://haven_c_01@a:5432,b:5432/haven?target_session_attrs=read-write", "haven_d_02")
                .unwrap(),
            "postgres://haven_d_02@a:5432,b:5432/haven?target_session_attrs=read-write"
        );
    }

    #[test]
    fn a_password_in_a_hub_url_is_refused_and_only_then() {
        for bad in [
            "postgres://op:secret@hub:5432/haven",
            "postgresql://op:secret@hub/haven?sslmode=verify-full",
            "postgres://op@hub/haven?password=secret",
            "postgres://op@hub/haven?sslmode=verify-full&password=secret",
        ] {
            let e = pg::refuse_url_password(bad).unwrap_err().to_string();
            assert!(e.contains("HAVEN_HUB_PASSWORD") && e.contains("prompt") && !e.contains("secret"), "{e}");
        }
        for good in [
            "postgres://op@hub:5432/haven?sslmode=verify-full",
            "postgres://op@[::1]:5432/haven",
            "postgres://hub/haven",
            "postgres://op@a:1,b:2/haven?target_session_attrs=read-write",
        ] {
            assert!(pg::refuse_url_password(good).is_ok(), "{good}");
        }
    }
}
