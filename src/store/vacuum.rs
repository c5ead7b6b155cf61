//! Rewriting the database into a fresh folder: sled keeps superseded values
//! in its log until it reuses the space, so after an erasure (and when the
//! compaction policy says so) the centre is copied live-values-only into
//! `db.vacuum` and swapped in. Each step can be interrupted: `recover`
//! finishes or undoes it at the next open.

use std::fs;
use std::path::Path;

use super::db::{Store, open_parts, open_sled, sled_config};
use super::error::{Result, StoreError};
use super::vault::sync_dir;

const FRESH: &str = "db.vacuum";
const OLD: &str = "db.old";

/// What a vacuum copied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Copied {
    /// Entries, every tree together.
    pub entries: u64,
    /// Bytes of keys and values: the live content, without sled's overhead.
    pub live_bytes: u64,
}

/// Finishes or undoes a vacuum that was interrupted.
pub fn recover(dir: &Path) -> Result<()> {
    let (db, fresh, old) = (dir.join("db"), dir.join(FRESH), dir.join(OLD));
    if !db.exists() && fresh.exists() {
        // Interrupted between the two renames: the fresh copy was complete.
        fs::rename(&fresh, &db)?;
        sync_dir(dir)?;
    }
    if fresh.exists() {
        // Interrupted while copying: the original is intact.
        fs::remove_dir_all(&fresh)?;
    }
    if old.exists() && db.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// Copies every tree of `from` into a new database at `dir`/`db.vacuum` and
/// forces it to the disk. On an error the partial copy is removed (so that a
/// full disk gets its space back) and the original is untouched.
fn copy_live(from: &sled::Db, dir: &Path) -> Result<Copied> {
    let fresh_dir = dir.join(FRESH);
    if fresh_dir.exists() {
        fs::remove_dir_all(&fresh_dir)?;
    }
    let copied = copy_into(from, &fresh_dir).and_then(|c| sync_tree(&fresh_dir).map(|()| c));
    if copied.is_err() {
        let _ = fs::remove_dir_all(&fresh_dir);
    }
    copied
}

fn copy_into(from: &sled::Db, fresh_dir: &Path) -> Result<Copied> {
    let fresh = sled_config(fresh_dir).open()?;
    let mut copied = Copied::default();
    for name in from.tree_names() {
        let source = from.open_tree(&name)?;
        let to = fresh.open_tree(&name)?;
        // Batches of 2,000 entries: measured smaller on disk than one insert
        // at a time and than batches of 20,000 or of a whole tree.
        let mut batch = sled::Batch::default();
        let mut n = 0usize;
        for item in super::rows::Rows::all(&source, super::rows::tree_name(&name)) {
            let (k, v) = item?;
            copied.live_bytes += (k.len() + v.len()) as u64;
            batch.insert(k, v);
            n += 1;
            if n.is_multiple_of(2000) {
                to.apply_batch(std::mem::take(&mut batch))?;
            }
        }
        to.apply_batch(batch)?;
        copied.entries += n as u64;
        if to.len() != n {
            return Err(StoreError::Database("vacuum copy incomplete".into()));
        }
    }
    fresh.flush()?;
    Ok(copied)
}

/// Forces every file of a freshly written sled folder, and the folder's own
/// entries, to the disk: sled writes its `conf` without syncing it, and a
/// copy swapped in must be whole after a power cut.
fn sync_tree(dir: &Path) -> Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            sync_tree(&e.path())?;
        } else {
            fs::OpenOptions::new().read(true).write(true).open(e.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

/// Whether a failed swap left the database where it was: the first rename
/// did not happen, so the original is still `db` and may be used.
fn untouched(dir: &Path) -> bool {
    dir.join("db").exists() && !dir.join(OLD).exists()
}

/// Moves the original to `db.old` and the copy to `db`. From the first
/// rename on, an interruption is finished by [`recover`].
fn swap(dir: &Path) -> Result<()> {
    fs::rename(dir.join("db"), dir.join(OLD))?;
    fs::rename(dir.join(FRESH), dir.join("db"))?;
    sync_dir(dir)
}

/// How a vacuum of a centre that is not open ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// The copy is in place.
    Done(Copied),
    /// The copy could not be made or moved (no room, a read error, a file
    /// still open): the original database is in place, unchanged.
    Skipped,
}

/// Vacuums the database of the centre in `dir` while nobody has it open (the
/// caller holds the folder's lock), leaving the original in `db.old` for
/// [`remove_old`]. An error means the swap had begun: the centre must not be
/// opened now; the next open's [`recover`] finishes it.
pub(crate) fn vacuum_closed(dir: &Path) -> Result<Closed> {
    let copied = {
        let Ok(db) = open_sled(&dir.join("db")) else { return Ok(Closed::Skipped) };
        match copy_live(&db, dir) {
            Ok(c) => c,
            Err(_) => return Ok(Closed::Skipped),
        }
    };
    // sled lets go of its files from a background thread: retry briefly.
    let mut tries = 0;
    loop {
        match swap(dir) {
            Ok(()) => break,
            Err(_) if untouched(dir) && tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(_) if untouched(dir) => {
                let _ = fs::remove_dir_all(dir.join(FRESH));
                return Ok(Closed::Skipped);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Closed::Done(copied))
}

/// Removes the original a swap moved aside (best effort: otherwise the next
/// open's [`recover`] does).
pub(crate) fn remove_old(dir: &Path) {
    let _ = fs::remove_dir_all(dir.join(OLD));
}

impl Store {
    /// Copies every live value into a fresh database and swaps it in, so that
    /// no superseded or deleted value remains in the database files.
    pub fn vacuum(&mut self) -> Result<()> {
        self.make_durable()?;
        let dir = self.dir().to_path_buf();
        copy_live(self.sled(), &dir)?;
        swap(&dir)?;
        let parts = open_parts(&dir.join("db"))?;
        self.replace_parts(parts);
        // Where the old files are still open (Windows), the next open removes them.
        remove_old(&dir);
        Ok(())
    }
}
