//! Rewriting the database into a fresh folder: sled keeps superseded values
//! in its log until it reuses the space, so after an erasure the centre is
//! copied live-values-only into `db.vacuum` and swapped in. Each step can be
//! interrupted: `recover` finishes or undoes it at the next open.

use std::fs;
use std::path::Path;

use super::db::{Store, open_parts};
use super::error::{Result, StoreError};
use super::vault::sync_dir;

const FRESH: &str = "db.vacuum";
const OLD: &str = "db.old";

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

impl Store {
    /// Copies every live value into a fresh database and swaps it in, so that
    /// no superseded or deleted value remains in the database files.
    pub fn vacuum(&mut self) -> Result<()> {
        self.make_durable()?;
        let dir = self.dir().to_path_buf();
        let fresh_dir = dir.join(FRESH);
        if fresh_dir.exists() {
            fs::remove_dir_all(&fresh_dir)?;
        }
        {
            let fresh = sled::Config::new().path(&fresh_dir).mode(sled::Mode::LowSpace).open()?;
            for name in self.sled().tree_names() {
                let from = self.sled().open_tree(&name)?;
                let to = fresh.open_tree(&name)?;
                let mut batch = sled::Batch::default();
                let mut n = 0usize;
                for item in from.iter() {
                    let (k, v) = item?;
                    batch.insert(k, v);
                    n += 1;
                    if n.is_multiple_of(2000) {
                        to.apply_batch(std::mem::take(&mut batch))?;
                    }
                }
                to.apply_batch(batch)?;
                if to.len() != from.len() {
                    return Err(StoreError::Database("vacuum copy incomplete".into()));
                }
            }
            fresh.flush()?;
            fs::OpenOptions::new().read(true).write(true).open(fresh_dir.join("db"))?.sync_all()?;
        }
        fs::rename(dir.join("db"), dir.join(OLD))?;
        fs::rename(&fresh_dir, dir.join("db"))?;
        sync_dir(&dir)?;
        let parts = open_parts(&dir.join("db"))?;
        self.replace_parts(parts);
        // Best effort: where the old files are still open (Windows), the
        // next open removes them.
        let _ = fs::remove_dir_all(dir.join(OLD));
        Ok(())
    }
}
