//! The user logged in and the class keys their role holds: what a save
//! acts as, without the store it is saved into.

use super::vault::ClassKeys;
use crate::domain::user::Role;

/// The user logged in, and the class keys their role holds.
#[derive(Debug)]
pub struct Session {
    /// Login name.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    pub(crate) keys: ClassKeys,
}

impl Session {
    /// Whether the session can read case files.
    pub fn holds_case_key(&self) -> bool {
        self.keys.case.is_some()
    }
}
