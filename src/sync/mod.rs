//! Several laptops, one centre (docs/SYNC.md): the change logs of the
//! installations travel as signed, encrypted envelopes through a PostgreSQL
//! hub that never reads them, or in sync bundles on a USB stick; every
//! laptop verifies before it applies, merges per field, and shows real
//! conflicts instead of hiding them.

pub mod background;
pub mod bundle;
pub mod checkpoint;
pub mod conflicts;
pub mod delay;
pub mod device;
pub mod doctor;
pub mod erasure;
pub mod hub;
pub mod indexes;
pub mod load;
pub mod memhub;
pub mod pg;
pub mod provision;
pub mod receive;
pub mod retention;
pub mod scram;
pub mod setup;
pub mod state;
pub mod verify;
pub mod wake;
pub mod wire;

pub use conflicts::has_conflict;
