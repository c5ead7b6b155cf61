//! Files and folders that hold personal or key material: created owner-only
//! (files 0600, folders 0700 on Unix) whatever the umask, and tightened when
//! an existing one is found wider. On other systems the folder's ACL (the
//! user's profile) is what protects them and these are plain creates.
//!
//! Use [`create`] for any file Haven writes that holds names, case data,
//! keys or encrypted copies of them (backups, bundles, exports with names,
//! bad-rows files of an import), [`create_dir_all`] for a folder of them.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// The mode of a private file.
pub const FILE_MODE: u32 = 0o600;
/// The mode of a private folder.
pub const DIR_MODE: u32 = 0o700;

/// Creates (or truncates) `path` for writing, owner-only. An existing file
/// keeps its inode but loses any wider permission before anything is written.
pub fn create(path: &Path) -> io::Result<File> {
    let file = options(true).open(path)?;
    tighten_open(&file)?;
    Ok(file)
}

/// Creates `path` for writing, owner-only; fails if it already exists.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut o = options(false);
    o.create_new(true);
    o.open(path)
}

/// Writes `bytes` to a new or truncated owner-only `path` (not synced).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = create(path)?;
    f.write_all(bytes)?;
    f.flush()
}

/// Creates `path` and any missing parents; `path` itself ends owner-only
/// (0700) even when it already existed with wider permissions. Parents that
/// had to be created are owner-only too.
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(path)?;
    }
    #[cfg(not(unix))]
    fs::create_dir_all(path)?;
    restrict(path).map(|_| ())
}

/// Makes an existing file owner-only (0600) or folder owner-only (0700).
/// Returns whether it was wider than that. A missing path is not an error
/// (returns false).
pub fn restrict(path: &Path) -> io::Result<bool> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    if meta.file_type().is_symlink() {
        return Ok(false);
    }
    restrict_meta(path, &meta)
}

#[cfg(unix)]
fn restrict_meta(path: &Path, meta: &fs::Metadata) -> io::Result<bool> {
    use std::os::unix::fs::PermissionsExt;
    let want = if meta.is_dir() { DIR_MODE } else { FILE_MODE };
    let mode = meta.permissions().mode() & 0o7777;
    if mode & !want == 0 {
        return Ok(false);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode & want))?;
    Ok(true)
}

#[cfg(not(unix))]
fn restrict_meta(_path: &Path, _meta: &fs::Metadata) -> io::Result<bool> {
    Ok(false)
}

/// Whether the file or folder at `path` is readable or writable by anyone
/// but its owner (always false where modes do not exist).
pub fn is_wider(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_symlink() && m.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Tightens the centre folder `dir` (0700), its vault header, database and
/// logs (files 0600, folders 0700). Returns the paths that were wider, so the
/// caller can say so; nothing is read or opened for data.
pub fn restrict_centre(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    let mut fixed = Vec::new();
    let mut visit = |p: &Path| -> io::Result<()> {
        if restrict(p)? {
            fixed.push(p.to_path_buf());
        }
        Ok(())
    };
    visit(dir)?;
    let Ok(entries) = fs::read_dir(dir) else { return Ok(fixed) };
    for e in entries.flatten() {
        let p = e.path();
        visit(&p)?;
        if e.file_type().is_ok_and(|t| t.is_dir())
            && let Ok(inner) = fs::read_dir(&p)
        {
            for f in inner.flatten() {
                visit(&f.path())?;
            }
        }
    }
    Ok(fixed)
}

fn options(truncate: bool) -> OpenOptions {
    let mut o = OpenOptions::new();
    o.write(true).create(true).truncate(truncate);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(FILE_MODE);
    }
    o
}

#[cfg(unix)]
fn tighten_open(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = file.metadata()?.permissions().mode() & 0o7777;
    if mode & 0o077 != 0 {
        file.set_permissions(fs::Permissions::from_mode(mode & FILE_MODE))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn tighten_open(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_private_file_is_owner_only_and_an_existing_one_is_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write(&p, b"x").unwrap();
        assert_eq!(mode(&p), 0o600);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o666)).unwrap();
        write(&p, b"y").unwrap();
        assert_eq!(mode(&p), 0o600);
        assert_eq!(fs::read(&p).unwrap(), b"y");
        assert!(create_new(&p).is_err());
    }

    #[test]
    fn a_private_folder_is_0700_and_the_centre_is_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("centre");
        create_dir_all(&c.join("db")).unwrap();
        assert_eq!(mode(&c.join("db")), 0o700);
        fs::set_permissions(&c, fs::Permissions::from_mode(0o755)).unwrap();
        fs::write(c.join("vault.haven"), b"v").unwrap();
        fs::set_permissions(c.join("vault.haven"), fs::Permissions::from_mode(0o644)).unwrap();
        fs::write(c.join("db").join("db"), b"d").unwrap();
        fs::set_permissions(c.join("db").join("db"), fs::Permissions::from_mode(0o666)).unwrap();
        assert!(is_wider(&c));
        let fixed = restrict_centre(&c).unwrap();
        assert_eq!(fixed.len(), 3, "{fixed:?}");
        assert_eq!(mode(&c), 0o700);
        assert_eq!(mode(&c.join("vault.haven")), 0o600);
        assert_eq!(mode(&c.join("db").join("db")), 0o600);
        assert!(restrict_centre(&c).unwrap().is_empty());
    }
}
