//! sled 0.34 writes a snapshot of its page table as `snap.<lsn>.generating`,
//! syncs it, renames it to `snap.<lsn>`, then removes the older ones. When
//! the process dies before the rename, the unfinished file stays, and the
//! next open takes it for the newest snapshot and refuses the whole database
//! as corrupt (sled issues 1527 and 1533). The fault suite hit it: a kill in
//! the first milliseconds of an open left an empty `.generating` file and the
//! centre would not open again.
//!
//! Such a file is unfinished by construction: the previous snapshot is only
//! removed after the rename, and it and the log still hold every save. So
//! the store removes these files before sled opens the database, under its
//! folder lock.

use std::path::Path;

/// Removes the unfinished snapshots sled left in `db_dir`; a file another
/// handle of this process renamed or removed meanwhile is not an error.
pub(crate) fn remove(db_dir: &Path) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(db_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use crate::domain::rooms::{Room, Wing};
    use crate::store::tests::{PASS, centre};
    use crate::store::{AuditAction, AuditEntry, Store};

    #[test]
    fn a_snapshot_left_unfinished_by_a_kill_does_not_stop_the_centre_opening() {
        let (dir, store) = centre();
        let room = Room {
            id: crate::domain::ids::RoomId::from_bytes([4; 16]),
            name: "R1".into(),
            floor: 1,
            wing: Wing::Any,
            accessible: false,
            retired: false,
        };
        store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(room.clone()).map(|_| ())).unwrap();
        drop(store);
        let db = dir.path().join("db");
        // What a kill between creating the file and writing it leaves: the
        // newest name, empty; and one half written.
        std::fs::write(db.join("snap.FFFFFFFFFFFFFFF0.generating"), b"").unwrap();
        std::fs::write(db.join("snap.FFFFFFFFFFFFFFF1.generating"), [7u8; 40]).unwrap();
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        assert_eq!(store.get::<Room>(room.id.as_bytes()).unwrap().unwrap().body, room);
        assert!(store.check().unwrap().ok());
        let left: Vec<_> = std::fs::read_dir(&db)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".generating"))
            .collect();
        assert!(left.is_empty(), "the unfinished files are gone");
    }
}
