//! Configuring the hub on a laptop: `haven hub init --url URL --ca FILE`
//! creates (or completes) the schema as the hub's administrator, registers
//! this installation with a login role of its own and a random password,
//! and keeps only that role's settings, sealed in the store. The
//! administrator's password is never stored.

use super::hub::HubError;
use super::pg::{self, HUB_KEY, HubConfig, PgHub};
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
pub fn init(
    store: &Store,
    admin_url: &str,
    admin_password: Option<&str>,
    ca_pem: &[u8],
) -> Result<HubConfig, SetupError> {
    store.authorize(crate::domain::permissions::Act::AdministerUsers, crate::domain::permissions::DataClass::Front)?;
    let mut admin = pg::connect(admin_url, admin_password, ca_pem)?;
    pg::init_schema(&mut admin)?;
    let me = store.header().installation;
    let public = store.installation_public()?;
    let password = pg::register_device(&mut admin, &store.header().centre_id, &me, &public)?;
    let cfg = HubConfig { url: with_user(admin_url, &pg::device_role(&me))?, password, ca_pem: ca_pem.to_vec() };
    // The laptop's own role must reach the hub before anything is kept.
    let mut hub = PgHub::connect(&cfg, store.header().centre_id, me)?;
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
    }
}
