//! The demo centre's accounts, one per role, with passphrases the login
//! screen of a demo shows: nothing here is secret.

use crate::domain::user::Role;

/// The demo's accounts: username, role, passphrase, display name.
pub const DEMO_USERS: [(&str, Role, &str, &str); 4] = [
    ("demo", Role::Manager, "haven-demo", "Demo Manager"),
    ("reception", Role::Reception, "haven-reception", "Airport Reception"),
    ("night", Role::Night, "haven-night", "Night Desk"),
    ("caseworker", Role::CaseWorker, "haven-caseworker", "Case Worker"),
];
