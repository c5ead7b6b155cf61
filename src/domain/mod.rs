//! Pure types and rules of the centre: no I/O, no UI, no storage, no clock.
//!
//! Callers pass `today` / `now`; every value set is an enum; every enum a user
//! picks from has a stable snake_case `key()` used for i18n keys and exports.

/// Adds `key()`, `from_key()` and `all()` to a unit enum deriving
/// `strum::IntoStaticStr` (snake_case) and `strum::EnumIter`.
macro_rules! keyed {
    ($($t:ty),+ $(,)?) => {$(
        impl $t {
            /// Stable snake_case key: the i18n message-key suffix and the export value.
            pub fn key(self) -> &'static str {
                self.into()
            }
            /// The value whose [`key`](Self::key) is `key`, if any.
            pub fn from_key(key: &str) -> Option<Self> {
                <Self as strum::IntoEnumIterator>::iter().find(|v| v.key() == key)
            }
            /// Every value, in the order a picker shows them.
            pub fn all() -> impl Iterator<Item = Self> {
                <Self as strum::IntoEnumIterator>::iter()
            }
        }
    )+};
}

pub mod arrivals;
pub mod case;
pub mod case_code;
pub mod casefile;
pub mod consent;
pub mod country;
pub mod country_alpha3;
pub mod country_names;
pub mod dates;
pub mod duplicate;
pub mod flight;
pub mod gate_zone;
pub mod ids;
pub mod money;
pub mod mrz;
pub mod night;
pub mod occupancy;
pub mod permissions;
pub mod person;
pub mod pickup;
pub mod placement;
pub mod referral;
pub mod rooms;
pub mod service;
pub mod service_detail;
pub mod stats;
pub mod stay;
pub mod translit;
pub mod transport;
pub mod travel;
pub mod user;

#[cfg(test)]
pub mod strategies;

pub use case::*;
pub use case_code::*;
pub use consent::*;
pub use country::*;
pub use dates::*;
pub use flight::*;
pub use ids::*;
pub use money::*;
pub use night::*;
pub use person::*;
pub use pickup::*;
pub use referral::*;
pub use rooms::*;
pub use service::*;
pub use stay::*;
pub use translit::*;
pub use travel::*;
pub use user::*;
