//! When the database is compacted. sled frees a log segment only once at
//! most half of it is live and never moves data out of a fuller one, so a
//! database written in bulk (an import, a restore, months of saves) stays at
//! about 2.7 times its live bytes; a vacuum rewrites it at about 1.6–1.8
//! times (PERFORMANCE.md, "Database size, measured"). The check runs at
//! open, before sled opens the database: it reads the size of the database
//! files and a note left by the last compaction, and compacts when the
//! database is at least [`MIN_BYTES`] and has grown by half since that
//! compaction, or was never compacted. The note is only a hint: lost or
//! damaged, it costs one compaction more, never data.

use std::fs;
use std::path::Path;

use super::error::Result;
use super::vacuum::{Closed, remove_old, vacuum_closed};

/// The note beside the database: its size after the last compaction.
const NOTE: &str = "compacted";

/// Below this the database is left alone: about 250 synthetic cases, a
/// quarter of a second to compact, a few MB to gain.
pub const MIN_BYTES: u64 = 8 * 1024 * 1024;

/// What the last compaction left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Baseline {
    /// Bytes of the database files right after it.
    pub size: u64,
    /// Bytes of keys and values it copied (0 when it could not be made).
    pub live: u64,
}

/// Whether a database of `size` bytes is due for compaction.
pub fn due(size: u64, last: Option<Baseline>) -> bool {
    due_above(size, last, MIN_BYTES)
}

fn due_above(size: u64, last: Option<Baseline>, min: u64) -> bool {
    // Growth by half: the file stays under 1.5 times its compacted size, and
    // a compaction writes at most three times what sled added since the
    // last one, so its cost stays proportional to the saves.
    size >= min && last.is_none_or(|b| size.saturating_mul(2) > b.size.saturating_mul(3))
}

/// Apparent size of the files under `dir` (sled leaves no holes: allocated
/// and apparent sizes agree to 0.01 %).
pub fn db_bytes(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => db_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// The note of the centre in `dir`, if there is a readable one.
pub fn read_note(dir: &Path) -> Option<Baseline> {
    let text = fs::read_to_string(dir.join(NOTE)).ok()?;
    let mut size = None;
    let mut live = None;
    for line in text.lines() {
        match line.split_once(' ') {
            Some(("size", n)) => size = n.trim().parse().ok(),
            Some(("live", n)) => live = n.trim().parse().ok(),
            _ => {}
        }
    }
    Some(Baseline { size: size?, live: live? })
}

fn write_note(dir: &Path, b: Baseline) -> Result<()> {
    // Written beside and renamed; not synced: a lost note costs one
    // compaction more at a later open.
    let tmp = dir.join(format!("{NOTE}.tmp"));
    fs::write(&tmp, format!("haven compaction note\nsize {}\nlive {}\n", b.size, b.live))?;
    fs::rename(&tmp, dir.join(NOTE))?;
    Ok(())
}

/// What [`compact_if_due`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compaction {
    /// Bytes of the database files before.
    pub before: u64,
    /// Bytes after.
    pub after: u64,
    /// Bytes of keys and values (the live content).
    pub live: u64,
}

/// Whether opening the centre in `dir` will compact its database first (so
/// that the console can say why it takes a while).
pub fn is_due(dir: &Path) -> bool {
    due(db_bytes(&dir.join("db")), read_note(dir))
}

/// Compacts the database of the centre in `dir` if [`due`]; the caller holds
/// the folder's lock and has not opened the database. `Ok(None)` when it was
/// not due or could not be done (the database is then unchanged and is not
/// tried again until it has grown by half). An error means a swap was
/// interrupted: the next open finishes it.
pub fn compact_if_due(dir: &Path) -> Result<Option<Compaction>> {
    compact_above(dir, MIN_BYTES)
}

fn compact_above(dir: &Path, min: u64) -> Result<Option<Compaction>> {
    let db = dir.join("db");
    let before = db_bytes(&db);
    if !due_above(before, read_note(dir), min) {
        return Ok(None);
    }
    match vacuum_closed(dir)? {
        Closed::Done(copied) => {
            // The note first: a crash before it costs one compaction more,
            // and removing the original can take a while.
            let after = db_bytes(&db);
            let _ = write_note(dir, Baseline { size: after, live: copied.live_bytes });
            remove_old(dir);
            Ok(Some(Compaction { before, after, live: copied.live_bytes }))
        }
        Closed::Skipped => {
            let _ = write_note(dir, Baseline { size: before, live: 0 });
            Ok(None)
        }
    }
}

/// The check [`super::db::Store`] runs at every open.
pub(crate) fn before_open(dir: &Path) -> Result<()> {
    compact_if_due(dir).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rooms::{Room, Wing};
    use crate::store::record::Record;
    use crate::store::tests::{PASS, centre};
    use crate::store::{AuditAction, AuditEntry, Store};

    fn rooms(store: &Store, n: usize) -> Vec<Room> {
        let rooms: Vec<Room> = (0..n)
            .map(|i| Room {
                id: crate::store::new_id().unwrap(),
                name: format!("Room {i}"),
                floor: 1,
                wing: Wing::Any,
                accessible: false,
                retired: false,
            })
            .collect();
        for r in &rooms {
            store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(r.clone()).map(|_| ())).unwrap();
        }
        rooms
    }

    #[test]
    fn a_compaction_at_open_keeps_every_record_and_leaves_its_note() {
        let (dir, store) = centre();
        let saved = rooms(&store, 40);
        drop(store);
        let done = compact_above(dir.path(), 0).unwrap().unwrap();
        assert!(done.live > 0 && done.after > 0);
        assert_eq!(read_note(dir.path()), Some(Baseline { size: done.after, live: done.live }));
        assert!(!dir.path().join("db.vacuum").exists() && !dir.path().join("db.old").exists());
        // Not due again until it has grown by half.
        assert_eq!(compact_above(dir.path(), 0).unwrap(), None);
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        for r in &saved {
            assert_eq!(store.get::<Room>(&r.key()).unwrap().unwrap().body, *r);
        }
        assert!(store.check().unwrap().ok());
        // And the centre keeps saving.
        rooms(&store, 1);
    }

    #[test]
    fn a_copy_that_cannot_be_made_leaves_the_database_and_is_not_retried_at_once() {
        let (dir, store) = centre();
        let saved = rooms(&store, 5);
        drop(store);
        let before = db_bytes(&dir.path().join("db"));
        // A file where the copy's folder goes: the copy fails.
        std::fs::write(dir.path().join("db.vacuum"), b"in the way").unwrap();
        assert_eq!(compact_above(dir.path(), 0).unwrap(), None);
        assert_eq!(read_note(dir.path()), Some(Baseline { size: before, live: 0 }));
        std::fs::remove_file(dir.path().join("db.vacuum")).unwrap();
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        for r in &saved {
            assert!(store.get::<Room>(&r.key()).unwrap().is_some());
        }
    }

    #[test]
    fn a_compaction_interrupted_between_its_renames_is_finished_by_the_next_open() {
        let (dir, store) = centre();
        let saved = rooms(&store, 5);
        drop(store);
        assert!(matches!(vacuum_closed(dir.path()).unwrap(), Closed::Done(_)));
        // Re-create the state of a crash after the first rename: the copy
        // still under its temporary name, the original moved away.
        assert!(dir.path().join("db.old").exists());
        std::fs::rename(dir.path().join("db"), dir.path().join("db.vacuum")).unwrap();
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        for r in &saved {
            assert!(store.get::<Room>(&r.key()).unwrap().is_some());
        }
        assert!(!dir.path().join("db.vacuum").exists() && !dir.path().join("db.old").exists());
    }

    #[test]
    fn small_databases_are_left_alone() {
        assert!(!due(MIN_BYTES - 1, None));
        assert!(due(MIN_BYTES, None));
    }

    #[test]
    fn a_compacted_database_waits_until_it_has_grown_by_half() {
        let last = Some(Baseline { size: 20 * MIN_BYTES, live: 12 * MIN_BYTES });
        assert!(!due(30 * MIN_BYTES, last));
        assert!(due(30 * MIN_BYTES + 1, last));
        // A failed attempt (live 0) counts the same way.
        assert!(!due(MIN_BYTES + 1, Some(Baseline { size: MIN_BYTES, live: 0 })));
    }

    #[test]
    fn the_note_round_trips_and_a_damaged_one_is_no_note() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_note(dir.path()), None);
        let b = Baseline { size: 123_456, live: 78_910 };
        write_note(dir.path(), b).unwrap();
        assert_eq!(read_note(dir.path()), Some(b));
        fs::write(dir.path().join(NOTE), "size 12\nlive x\n").unwrap();
        assert_eq!(read_note(dir.path()), None);
    }
}
