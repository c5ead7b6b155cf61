//! The keys a session has unsealed and keeps for its saves: the per-case
//! keys (wrapped under the case class key in the `case_keys` tree) and this
//! installation's signing key. Shared by the store and its transactions.

use std::collections::HashMap;
use std::sync::Mutex;

use super::codec::{self, Class};
use super::crypto::{Key, SigningKey};
use super::error::{Result, StoreError};
use super::trees::TreeId;

/// The per-case keys unwrapped so far.
pub(crate) type CaseKeys = Mutex<HashMap<[u8; 16], Key>>;

/// This installation's signing key, once unsealed, with the installation
/// it belongs to.
pub(crate) type InstallKey = Mutex<Option<([u8; 16], SigningKey)>>;

/// The signing key kept for `installation`, if it was unsealed.
pub(crate) fn cached_install_key(cache: &InstallKey, installation: [u8; 16]) -> Option<SigningKey> {
    let g = cache.lock().ok()?;
    g.as_ref().filter(|(i, _)| *i == installation).map(|(_, k)| k.clone())
}

/// Keeps the unsealed signing key for the session.
pub(crate) fn cache_install_key(cache: &InstallKey, installation: [u8; 16], key: &SigningKey) {
    if let Ok(mut g) = cache.lock() {
        *g = Some((installation, key.clone()));
    }
}

/// Opens a case's key as stored in the `case_keys` tree.
pub(crate) fn unwrap_case_key(class_key: &Key, case: &[u8; 16], raw: &[u8]) -> Result<Key> {
    let plain = codec::open_bytes(class_key, TreeId::CaseKeys.name(), case, raw)?;
    let bytes: [u8; 32] = plain.as_slice().try_into().map_err(|_| StoreError::Corrupt { tree: "case_keys" })?;
    Ok(Key::from_bytes(bytes))
}

/// Seals a case's key for the `case_keys` tree.
pub(crate) fn wrap_case_key(class_key: &Key, case: &[u8; 16], key: &Key) -> Result<Vec<u8>> {
    codec::seal_bytes(class_key, Class::Case, TreeId::CaseKeys.name(), case, key.as_bytes())
}
