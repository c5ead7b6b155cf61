//! What every bench's centre shares: the Moscow code, one manager, and the
//! cheap key derivation of the tests (the benches time the console and the
//! store, not Argon2id).

use std::path::Path;

use haven::store::crypto::KdfParams;
use haven::store::{InitSpec, Store};

/// The manager's passphrase.
pub const PASS: &[u8] = b"bench passphrase";

/// A new centre in `dir`, logged in as its manager `anna`.
pub fn create(dir: &Path) -> Store {
    let spec = InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Bench".into(),
        admin: "anna".into(),
        admin_name: "Anna".into(),
        kdf: KdfParams::TESTING,
        demo: false,
    };
    Store::create(dir, &spec, PASS).expect("a bench centre")
}
