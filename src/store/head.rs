//! A witness of the last acknowledged save, kept beside the database: sled
//! recovers from a damaged log by cutting it at the damage, which would lose
//! saves silently. After every durable commit the audit and change-log heads
//! are written to `head`; at login and in `check`, a database whose heads
//! are behind the witness is refused before anything is written over it.
//!
//! The witness is written after the commit is on disk and is not itself
//! synced, so after a power cut it can only be behind the database, never
//! ahead: it raises no false alarm. A centre is created with its witness;
//! a missing or unreadable one is refused (deleting it would otherwise
//! switch the check off), until a manager who knows why accepts the
//! database as it is (`haven check --accept-missing-witness`, audited).

use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
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
    /// Reads the witness; a missing or unreadable one counts as zero (no
    /// claim). For a backup's archive only: a login uses [`Witness::load`].
    pub fn read(dir: &Path) -> Witness {
        Witness::load(dir).unwrap_or_default()
    }

    /// Reads the witness, refusing a missing or unreadable one: without it
    /// a database cut back by recovery, or by hand, would go unnoticed.
    pub fn load(dir: &Path) -> Result<Witness> {
        let bytes = match std::fs::read(dir.join(FILE)) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::WitnessMissing),
            Err(_) => return Err(StoreError::WitnessUnreadable),
        };
        // The first line; a longer file rewritten in place keeps its tail.
        let line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
        let text = std::str::from_utf8(line).map_err(|_| StoreError::WitnessUnreadable)?;
        let mut parts = text.split(' ');
        let number = |p: Option<&str>| {
            p.filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())).and_then(|p| p.parse::<u64>().ok())
        };
        match (parts.next(), number(parts.next()), number(parts.next()), parts.next()) {
            (Some(MAGIC), Some(audit), Some(change), None) => Ok(Witness { audit, change }),
            _ => Err(StoreError::WitnessUnreadable),
        }
    }

    /// The witness as written: numbers of fixed width, so that a newer
    /// witness always covers an older one written in place.
    fn text(self) -> String {
        format!("{MAGIC} {:020} {:020}\n", self.audit, self.change)
    }

    /// Records the heads (a new folder: a restore's staging).
    pub fn write(self, dir: &Path) -> Result<()> {
        std::fs::write(dir.join(FILE), self.text())?;
        Ok(())
    }

    /// Opens the witness of `dir` for [`Witness::write_to`], creating it.
    pub fn open_file(dir: &Path) -> Result<File> {
        Ok(std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(FILE))?)
    }

    /// Records the heads after a durable commit, over the previous witness
    /// in the file the store keeps open: one small write to the page cache.
    /// Opening, truncating and rewriting the file took 0.1 ms of every save.
    pub fn write_to(self, file: &File) -> Result<()> {
        let mut f = file;
        f.seek(SeekFrom::Start(0))?;
        f.write_all(self.text().as_bytes())?;
        Ok(())
    }

    /// Refuses a database whose heads are behind this witness (saves were
    /// lost), naming the copy of what recovery cut when one was kept in
    /// `dir`. A witness behind the database is what a power cut before it
    /// was written leaves: it is said in the log and brought up to date by
    /// the next save.
    pub fn check(self, dir: &Path, audit: u64, change: u64) -> Result<()> {
        if audit < self.audit || change < self.change {
            return Err(StoreError::SavesLost {
                ends: audit,
                acknowledged: self.audit.max(audit),
                kept: newest_kept(dir),
            });
        }
        if audit > self.audit || change > self.change {
            tracing::warn!(
                witness = self.audit,
                database = audit,
                "the witness of the last save is behind the database (written after a save, not synced)"
            );
        }
        Ok(())
    }
}

/// The newest copy kept aside before sled's recovery (`store::replay`).
fn newest_kept(dir: &Path) -> Option<std::path::PathBuf> {
    let mut kept: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().map(|n| n.to_string_lossy()).is_some_and(|n| {
                (n.starts_with(super::replay::CUT_PREFIX) || n.starts_with(super::replay::DAMAGED_PREFIX))
                    && n.ends_with(".bin")
            })
        })
        .collect();
    kept.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    kept.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_witness_is_rewritten_in_place_over_an_older_one() {
        let dir = tempfile::tempdir().unwrap();
        // As versions before the fixed width wrote it.
        std::fs::write(dir.path().join(FILE), format!("{MAGIC} 7 3\n")).unwrap();
        let f = Witness::open_file(dir.path()).unwrap();
        for (audit, change) in [(8, 3), (9, 4), (1_000_000, 999_999), (u64::MAX, u64::MAX)] {
            Witness { audit, change }.write_to(&f).unwrap();
            assert_eq!(Witness::load(dir.path()).unwrap(), Witness { audit, change });
        }
    }

    #[test]
    fn a_database_behind_its_witness_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(Witness::load(dir.path()), Err(StoreError::WitnessMissing)));
        Witness { audit: 10, change: 4 }.write(dir.path()).unwrap();
        let w = Witness::read(dir.path());
        assert_eq!(w, Witness { audit: 10, change: 4 });
        assert!(w.check(dir.path(), 10, 4).is_ok());
        assert!(w.check(dir.path(), 12, 6).is_ok());
        assert!(matches!(w.check(dir.path(), 9, 4), Err(StoreError::SavesLost { ends: 9, acknowledged: 10, .. })));
        assert!(w.check(dir.path(), 10, 3).is_err());
    }

    #[test]
    fn an_emptied_or_garbage_witness_is_unreadable_not_zero() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            &b""[..],
            b"\n",
            b"garbage",
            b"haven-head-1 12",
            b"haven-head-1 x 3\n",
            b"haven-head-1 1 2 3\n",
            b"\xff\xfe",
        ] {
            std::fs::write(dir.path().join(FILE), bad).unwrap();
            assert!(matches!(Witness::load(dir.path()), Err(StoreError::WitnessUnreadable)), "{bad:?}");
        }
        std::fs::write(dir.path().join(FILE), format!("{MAGIC} 7 3\nleft over from a longer file")).unwrap();
        assert_eq!(Witness::load(dir.path()).unwrap(), Witness { audit: 7, change: 3 });
    }
}
