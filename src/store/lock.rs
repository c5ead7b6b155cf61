//! One process per centre folder. The lock is taken on the folder itself
//! (an exclusive `flock` on the open directory), before anything else is
//! read or written, and released when the process ends (also when it is
//! killed: the operating system drops it). Deleting `haven.lock` therefore
//! frees nothing; the file only says who holds the folder (process id and
//! since when) for the refusal message, and is locked too so that an older
//! Haven, which locked only that file, is still kept out.
//!
//! A lock can be held for a moment by a process that is about to end or to
//! start another program: a descriptor is copied into every child forked
//! until that child runs its program, so a lock just released in one thread
//! can still be held by a child another thread is starting. The lock is
//! therefore tried again for a short bounded time before it is refused.
//!
//! The store asks [`DirLock::check`] before every save: a folder that was
//! moved away or replaced under a running console (a restore, a person with
//! a file manager) is no longer written to.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{Holder, Result, StoreError};

/// The file that names the holder.
pub const LOCK_FILE: &str = "haven.lock";

/// How long a held lock is tried again before it is refused.
const LOCK_WAIT: Duration = Duration::from_millis(2_000);
/// The pause between two tries.
const RETRY: Duration = Duration::from_millis(20);

/// Holds the folder's lock for as long as it lives.
#[derive(Debug)]
pub struct DirLock {
    /// The folder, open and locked.
    folder: File,
    /// `haven.lock`, open and locked.
    _file: File,
    path: PathBuf,
    dir: PathBuf,
}

/// Tries `lock` until it succeeds, fails otherwise than by being held, or
/// [`LOCK_WAIT`] has passed; true when taken.
fn take(lock: impl Fn() -> std::result::Result<(), TryLockError>, deadline: Instant) -> Result<bool> {
    loop {
        match lock() {
            Ok(()) => return Ok(true),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => std::thread::sleep(RETRY),
            Err(TryLockError::WouldBlock) => return Ok(false),
            Err(TryLockError::Error(e)) => return Err(e.into()),
        }
    }
}

impl DirLock {
    /// Takes the lock of `dir`, or says that another Haven holds it (and
    /// which process, since when, when it can be read).
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        let deadline = Instant::now() + LOCK_WAIT;
        let folder = open_folder(dir)?;
        // Windows refuses to delete an open file, so `haven.lock` cannot go
        // away under a running console there: its lock is enough.
        #[cfg(unix)]
        if !take(|| folder.try_lock(), deadline)? {
            return Err(in_use(dir));
        }
        let path = dir.join(LOCK_FILE);
        let mut file = OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path)?;
        if !take(|| file.try_lock(), deadline)? {
            return Err(in_use(dir));
        }
        let since = chrono::Utc::now().timestamp();
        // Best effort: the lock holds without the note.
        let note = format!("pid {}\nsince {since}\n", std::process::id());
        let _ = file.set_len(0).and_then(|()| file.write_all(note.as_bytes()));
        Ok(DirLock { folder, _file: file, path, dir: dir.to_path_buf() })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Refuses when the folder this lock holds is no longer the one at its
    /// path (moved away, deleted, replaced by another): nothing may be saved
    /// into a folder nobody will open again.
    pub fn check(&self) -> Result<()> {
        let replaced = || StoreError::FolderReplaced { path: self.dir.clone() };
        let now = std::fs::metadata(&self.dir).map_err(|_| replaced())?;
        let held = self.folder.metadata()?;
        if same_file(&now, &held) { Ok(()) } else { Err(replaced()) }
    }
}

#[cfg(unix)]
fn open_folder(dir: &Path) -> std::io::Result<File> {
    File::open(dir)
}

#[cfg(windows)]
fn open_folder(dir: &Path) -> std::io::Result<File> {
    use std::os::windows::fs::OpenOptionsExt;
    // FILE_FLAG_BACKUP_SEMANTICS: the flag a folder is opened with.
    OpenOptions::new().read(true).custom_flags(0x0200_0000).open(dir)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.created().ok() == b.created().ok()
}

/// The refusal, naming the holder when its note can be read.
fn in_use(dir: &Path) -> StoreError {
    let holder = std::fs::read_to_string(dir.join(LOCK_FILE)).ok().and_then(|t| {
        let field = |name: &str| {
            t.lines().find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')).and_then(|v| v.trim().parse::<i64>().ok())
        };
        let pid = u32::try_from(field("pid")?).ok()?;
        Some(Holder { pid, since: field("since")? })
    });
    StoreError::InUse { path: dir.to_path_buf(), holder }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_with_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap();
        let started = Instant::now();
        match DirLock::acquire(dir.path()) {
            Err(StoreError::InUse { holder: Some(h), .. }) => {
                assert_eq!(h.pid, std::process::id());
                assert!((chrono::Utc::now().timestamp() - h.since).abs() < 60);
            }
            other => panic!("{other:?}"),
        }
        assert!(started.elapsed() >= LOCK_WAIT, "refused only after the bounded wait");
        drop(first);
        assert!(DirLock::acquire(dir.path()).is_ok());
    }

    #[test]
    fn deleting_the_lock_file_does_not_free_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let _first = DirLock::acquire(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join(LOCK_FILE)).unwrap();
        assert!(matches!(DirLock::acquire(dir.path()), Err(StoreError::InUse { .. })));
    }

    #[test]
    fn a_lock_released_while_the_second_waits_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(first);
        });
        assert!(DirLock::acquire(dir.path()).is_ok(), "a lock released within the wait is not refused");
        release.join().unwrap();
    }

    #[test]
    fn a_folder_replaced_under_the_lock_is_noticed() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("centre");
        std::fs::create_dir(&dir).unwrap();
        let lock = DirLock::acquire(&dir).unwrap();
        assert!(lock.check().is_ok());
        std::fs::rename(&dir, parent.path().join("old")).unwrap();
        std::fs::create_dir(&dir).unwrap();
        assert!(matches!(lock.check(), Err(StoreError::FolderReplaced { .. })));
    }
}
