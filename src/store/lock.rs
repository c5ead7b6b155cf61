//! One process per centre folder: an exclusive lock on `haven.lock`, taken
//! before anything else is read or written, released when the process ends
//! (also when it is killed: the operating system drops the lock).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};

/// Holds the folder's lock for as long as it lives.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
    path: PathBuf,
}

impl DirLock {
    /// Takes the lock of `dir`, or says that another Haven holds it.
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        let path = dir.join("haven.lock");
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(DirLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse { path: dir.to_path_buf() }),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap();
        assert!(matches!(DirLock::acquire(dir.path()), Err(StoreError::InUse { .. })));
        drop(first);
        assert!(DirLock::acquire(dir.path()).is_ok());
    }
}
