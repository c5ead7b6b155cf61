//! Every page read once at login, without decrypting anything: damage below
//! sled's last snapshot, which its recovery does not read, is found at login
//! rather than by the screen that happens to need the page.
//!
//! The scan starts with the login and runs while the passphrase is
//! stretched. A small centre's scan ends well within that, and a page sled
//! cannot read refuses the login before anything is written. A large
//! centre's (7.6 s at 10,000 cases on a loaded machine) goes on in the
//! background after a short grace; if it then meets such a page, every
//! later save is refused with the tree named (the centre stays readable,
//! and nothing is written on it).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::error::{Result, StoreError};
use super::rows::Rows;

/// How long a login waits for the scan in all, when the stretching of the
/// passphrase is shorter. Debug builds (the tests) read ten times slower.
pub(crate) const GRACE: Duration =
    if cfg!(debug_assertions) { Duration::from_secs(3) } else { Duration::from_millis(250) };

/// A scan of every tree, running or finished.
pub(crate) struct PageScan {
    cancel: Arc<AtomicBool>,
    found: Arc<Mutex<Option<(&'static str, u64)>>>,
    done: Mutex<Receiver<Result<()>>>,
}

impl PageScan {
    /// Starts reading every entry of `trees`.
    pub(crate) fn start(trees: Vec<(&'static str, sled::Tree)>) -> PageScan {
        let cancel = Arc::new(AtomicBool::new(false));
        let found: Arc<Mutex<Option<(&'static str, u64)>>> = Arc::new(Mutex::new(None));
        let (tx, done) = channel();
        let (c, f) = (cancel.clone(), found.clone());
        std::thread::spawn(move || {
            let r = scan(&trees, &c);
            if let Err(StoreError::Unreadable { tree, after }) = &r
                && let Ok(mut g) = f.lock()
            {
                *g = Some((*tree, *after));
            }
            let _ = tx.send(r);
        });
        PageScan { cancel, found, done: Mutex::new(done) }
    }

    /// Waits up to `timeout` for the end of the scan: `None` while it runs.
    pub(crate) fn wait(&self, timeout: Duration) -> Option<Result<()>> {
        let Ok(done) = self.done.lock() else { return Some(Ok(())) };
        match done.recv_timeout(timeout) {
            Ok(r) => Some(r),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Ok(())),
        }
    }

    /// Records damage as if the scan had met it (screen tests of what the
    /// console says when a background scan finds a damaged page).
    #[cfg(any(test, debug_assertions))]
    pub(crate) fn mark(&self, tree: &'static str, after: u64) {
        if let Ok(mut g) = self.found.lock() {
            *g = Some((tree, after));
        }
    }

    /// The page the scan could not read, once it met one.
    pub(crate) fn damage(&self) -> Option<StoreError> {
        let g = self.found.lock().ok()?;
        g.map(|(tree, after)| StoreError::Unreadable { tree, after })
    }
}

impl Drop for PageScan {
    fn drop(&mut self) {
        // The thread holds sled's trees: it lets go at its next entry, so
        // that the database can close and open again.
        self.cancel.store(true, Ordering::SeqCst);
    }
}

fn scan(trees: &[(&'static str, sled::Tree)], cancel: &AtomicBool) -> Result<()> {
    for (name, tree) in trees {
        for item in Rows::all(tree, name) {
            item?;
            if cancel.load(Ordering::Relaxed) {
                return Ok(());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_scan_of_healthy_trees_finds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let t = db.open_tree("cases").unwrap();
        for i in 0u32..100 {
            t.insert(i.to_be_bytes(), &[1u8; 8]).unwrap();
        }
        let s = PageScan::start(vec![("cases", t)]);
        assert!(matches!(s.wait(Duration::from_secs(30)), Some(Ok(()))));
        assert!(s.damage().is_none());
    }

    /// A value's page below sled's last snapshot, which its recovery does
    /// not read, damaged: the scan ends at it with the tree named (sled's
    /// own iterator would return that error for ever).
    #[test]
    fn a_damaged_page_below_the_snapshot_is_found_and_named() {
        const SEG: usize = 512 * 1024;
        let dir = tempfile::tempdir().unwrap();
        let value = |i: u32| format!("value {i:08} {}", "x".repeat(300)).into_bytes();
        {
            let db = sled::Config::new().path(dir.path()).open().unwrap();
            let t = db.open_tree("cases").unwrap();
            for i in 0u32..4000 {
                t.insert(i.to_be_bytes(), value(i)).unwrap();
            }
            db.flush().unwrap();
        }
        // Opening again writes a snapshot at the end of the log.
        drop(sled::Config::new().path(dir.path()).open().unwrap());
        let stable = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_prefix("snap.").map(str::to_string))
            .filter_map(|n| i64::from_str_radix(&n, 16).ok())
            .max()
            .unwrap();
        let min = stable - stable % SEG as i64;
        let path = dir.path().join("db");
        let mut bytes = std::fs::read(&path).unwrap();
        let needle = value(10);
        let mut flipped = 0;
        for seg in (0..bytes.len()).step_by(SEG) {
            let mut l = [0u8; 8];
            l.copy_from_slice(&bytes[seg + 4..seg + 12]);
            let lsn = i64::from_le_bytes(l) ^ 0x7FFF_FFFF_FFFF_FFFF;
            if bytes[seg..seg + 20].iter().all(|b| *b == 0) || lsn >= min {
                continue;
            }
            let end = (seg + SEG).min(bytes.len());
            for at in seg..end.saturating_sub(needle.len()) {
                if bytes[at..at + needle.len()] == needle[..] {
                    bytes[at + 20] ^= 0x10;
                    flipped += 1;
                }
            }
        }
        assert!(flipped > 0, "no copy of the value below the snapshot");
        std::fs::write(&path, &bytes).unwrap();

        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let t = db.open_tree("cases").unwrap();
        let s = PageScan::start(vec![("cases", t.clone())]);
        assert!(matches!(s.wait(Duration::from_secs(60)), Some(Err(StoreError::Unreadable { tree: "cases", .. }))));
        assert!(matches!(s.damage(), Some(StoreError::Unreadable { tree: "cases", .. })));
        assert!(Rows::all(&t, "cases").count() <= 4001);
    }
}
