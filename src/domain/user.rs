//! Users and roles.

use serde::{Deserialize, Serialize};

/// What a user may do; decides which key classes they hold.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// Airport reception: front data only.
    Reception,
    /// Night shift: front data only.
    Night,
    /// Case worker: the full case file.
    CaseWorker,
    /// Manager: the full file, reports, users, rooms.
    Manager,
}

keyed!(Role);

impl Role {
    /// True for roles that may open the private case file (hold the case key).
    pub fn holds_case_key(self) -> bool {
        matches!(self, Self::CaseWorker | Self::Manager)
    }
}

/// A user of this installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Login name, see [`valid_username`].
    pub username: String,
    /// Name shown on screen.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Cannot log in.
    pub disabled: bool,
}

/// True for 2–32 characters of lowercase ASCII letters, digits, `.`, `-`, `_`.
pub fn valid_username(s: &str) -> bool {
    (2..=32).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_case_workers_and_managers_hold_the_case_key() {
        let holders: Vec<_> = Role::all().filter(|r| r.holds_case_key()).collect();
        assert_eq!(holders, [Role::CaseWorker, Role::Manager]);
        assert_eq!(Role::CaseWorker.key(), "case_worker");
    }

    #[test]
    fn usernames() {
        for ok in ["ab", "anna.k", "night-desk_2", "a1", &"x".repeat(32)] {
            assert!(valid_username(ok), "{ok}");
        }
        for bad in ["", "a", "Anna", "anna k", "анна", "anna@x", &"x".repeat(33), "ab\n"] {
            assert!(!valid_username(bad), "{bad}");
        }
    }
}
