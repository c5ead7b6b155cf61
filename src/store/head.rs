//! A witness of the last acknowledged save, kept beside the database: sled
//! recovers from a damaged log by cutting it at the damage, which would lose
//! saves silently. After every durable commit the audit and change-log heads
//! are written to `head`; at login and in `check`, a database whose heads
//! are behind the witness is refused before anything is written over it.
//!
//! The witness is written after the commit is on disk and is not itself
//! synced, so after a power cut it can only be behind the database, never
//! ahead: it raises no false alarm.

use std::path::Path;

use super::error::{Result, StoreError};

const FILE: &str = "head";
const MAGIC: &str = "haven-head-1";

/// The heads the database must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Witness {
    /// Last audit sequence acknowledged.
    pub audit: u64,
    /// Last change-log sequence acknowledged.
    pub change: u64,
}

impl Witness {
    /// Reads the witness; a missing or unreadable one counts as zero (no claim).
    pub fn read(dir: &Path) -> Witness {
        let Ok(text) = std::fs::read_to_string(dir.join(FILE)) else { return Witness::default() };
        let mut parts = text.split_whitespace();
        if parts.next() != Some(MAGIC) {
            return Witness::default();
        }
        let audit = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let change = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        Witness { audit, change }
    }

    /// Records the heads after a durable commit.
    pub fn write(self, dir: &Path) -> Result<()> {
        std::fs::write(dir.join(FILE), format!("{MAGIC} {} {}\n", self.audit, self.change))?;
        Ok(())
    }

    /// Refuses a database whose heads are behind this witness.
    pub fn check(self, audit: u64, change: u64) -> Result<()> {
        if audit < self.audit || change < self.change {
            return Err(StoreError::Database(format!(
                "saves lost: the database ends at event {audit} but {} were acknowledged",
                self.audit
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_behind_its_witness_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Witness::read(dir.path()), Witness::default());
        Witness { audit: 10, change: 4 }.write(dir.path()).unwrap();
        let w = Witness::read(dir.path());
        assert!(w.check(10, 4).is_ok());
        assert!(w.check(12, 6).is_ok());
        assert!(w.check(9, 4).is_err());
        assert!(w.check(10, 3).is_err());
    }
}
