//! Encrypted, verified backups. The archive carries the vault header and
//! every stored value as it is on disk (so the data stays encrypted under the
//! centre's keys), and ends with an HMAC under a key derived from the audit
//! key: a flipped byte anywhere, a truncation or a forgery is refused. A
//! backup is read back and verified before it is reported written; a restore
//! builds the centre in a temporary folder, checks it, and only then swaps it
//! into place.

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::audit::{AuditAction, AuditEntry};
use super::crypto::{self, Key};
use super::db::Store;
use super::error::{Result, StoreError};
use super::head::Witness;
use super::lock::DirLock;
use super::private_file;
use super::vault::{Header, sync_dir};
use crate::domain::permissions::{Act, DataClass, allowed};
use crate::domain::user::Role;

const MAGIC: &[u8; 8] = b"HAVENBAK";
const VERSION: u16 = 1;
const MAX_NAME: usize = 256;
const MAX_KEY: usize = 4096;
const MAX_VALUE: usize = 32 * 1024 * 1024;
const MAX_HEADER: usize = 1024 * 1024;

/// What a backup or restore moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Stored values.
    pub values: u64,
    /// Trees.
    pub trees: u64,
    /// Archive size in bytes.
    pub bytes: u64,
}

fn mac_key(audit: &Key) -> Key {
    Key::from_bytes(crypto::mac(audit, &[b"haven-backup-v1"]))
}

fn new_mac(key: &Key) -> Result<Hmac<Sha256>> {
    <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).map_err(|_| StoreError::Io("mac".into()))
}

/// Writes through a MAC.
struct MacWriter<W: Write> {
    inner: W,
    mac: Hmac<Sha256>,
    written: u64,
}

impl<W: Write> MacWriter<W> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.mac.update(bytes);
        self.inner.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }
}

/// Reads through a MAC, refusing lengths past their limits.
struct MacReader<R: Read> {
    inner: R,
    mac: Hmac<Sha256>,
}

impl<R: Read> MacReader<R> {
    fn take(&mut self, n: usize) -> Result<Vec<u8>> {
        let mut buf = vec![0u8; n];
        self.inner.read_exact(&mut buf).map_err(|_| StoreError::Invalid("backup truncated".into()))?;
        self.mac.update(&buf);
        Ok(buf)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(u64::from_be_bytes(a))
    }

    fn sized(&mut self, limit: usize) -> Result<Vec<u8>> {
        let n = self.u32()? as usize;
        if n > limit {
            return Err(StoreError::Invalid("backup damaged (impossible length)".into()));
        }
        self.take(n)
    }
}

/// One tree of an archive.
pub type TreeDump = (String, Vec<(Vec<u8>, Vec<u8>)>);

/// A backup read back and verified.
pub struct Archive {
    /// The vault header bytes as they were.
    pub header: Vec<u8>,
    /// The witness heads.
    pub witness: Witness,
    /// Every tree with its entries.
    pub trees: Vec<TreeDump>,
}

impl Archive {
    /// The number of stored values.
    pub fn values(&self) -> u64 {
        self.trees.iter().map(|(_, e)| e.len() as u64).sum()
    }

    /// The archive's vault header, parsed.
    pub fn parsed_header(&self) -> Result<Header> {
        Header::decode(&self.header)
    }
}

impl Store {
    /// Writes an encrypted backup of the whole centre to `out`, reads it back
    /// and verifies it, and records the backup in the audit chain.
    pub fn backup_to(&self, out: &Path, progress: &mut dyn FnMut(u64)) -> Result<Counts> {
        self.authorize(Act::Backup, DataClass::Case)?;
        let key = mac_key(&self.session()?.keys.audit);
        self.make_durable()?;
        let tmp = out.with_extension("partial");
        let counts = {
            let file = private_file::create(&tmp)?;
            let mut w = MacWriter { inner: BufWriter::new(file), mac: new_mac(&key)?, written: 0 };
            w.put(MAGIC)?;
            w.put(&VERSION.to_be_bytes())?;
            let header = self.header().encode()?;
            w.put(&(header.len() as u32).to_be_bytes())?;
            w.put(&header)?;
            let witness = Witness::read(self.dir());
            w.put(&witness.audit.to_be_bytes())?;
            w.put(&witness.change.to_be_bytes())?;
            let mut counts = Counts::default();
            for name in self.sled().tree_names() {
                let tree = self.sled().open_tree(&name)?;
                w.put(&[1])?;
                w.put(&(name.len() as u16).to_be_bytes())?;
                w.put(&name)?;
                let tree_name = super::rows::tree_name(&name);
                let len = super::rows::count(&tree, tree_name)?;
                w.put(&len.to_be_bytes())?;
                let mut n = 0u64;
                for item in super::rows::Rows::all(&tree, tree_name) {
                    let (k, v) = item?;
                    w.put(&(k.len() as u32).to_be_bytes())?;
                    w.put(&k)?;
                    w.put(&(v.len() as u32).to_be_bytes())?;
                    w.put(&v)?;
                    n += 1;
                    counts.values += 1;
                    if counts.values.is_multiple_of(1000) {
                        progress(counts.values);
                    }
                }
                if n != len {
                    return Err(StoreError::Database("the database changed during the backup".into()));
                }
                counts.trees += 1;
            }
            w.put(&[0])?;
            let tag = w.mac.clone().finalize().into_bytes();
            w.inner.write_all(&tag)?;
            counts.bytes = w.written + 32;
            let file = w.inner.into_inner().map_err(|e| StoreError::from(e.into_error()))?;
            file.sync_all()?;
            counts
        };
        // Read it back before calling it written.
        let back = read_archive(&tmp, &self.session()?.keys.audit)?;
        if back.values() != counts.values {
            return Err(StoreError::Invalid("backup verification failed".into()));
        }
        fs::rename(&tmp, out)?;
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(parent)?;
        }
        self.audit(
            AuditEntry::new(AuditAction::Backup, "centre")
                .summary(format!("{} values, {} bytes, verified", counts.values, counts.bytes)),
        )?;
        progress(counts.values);
        Ok(counts)
    }
}

/// Reads and verifies an archive with the audit key of its centre.
pub fn read_archive(path: &Path, audit: &Key) -> Result<Archive> {
    let file = File::open(path).map_err(|_| StoreError::NotFound("backup file"))?;
    let len = file.metadata()?.len();
    if len < 8 + 2 + 4 + 16 + 1 + 32 {
        return Err(StoreError::Invalid("not a Haven backup".into()));
    }
    let mut r = MacReader { inner: BufReader::new(file), mac: new_mac(&mac_key(audit))? };
    if r.take(8)? != MAGIC {
        return Err(StoreError::Invalid("not a Haven backup".into()));
    }
    if r.u16()? != VERSION {
        return Err(StoreError::Invalid("backup format not supported".into()));
    }
    let header = r.sized(MAX_HEADER)?;
    let witness = Witness { audit: r.u64()?, change: r.u64()? };
    let mut trees = Vec::new();
    loop {
        match r.u8()? {
            0 => break,
            1 => {
                let n = r.u16()? as usize;
                if n > MAX_NAME {
                    return Err(StoreError::Invalid("backup damaged (impossible length)".into()));
                }
                let name = String::from_utf8(r.take(n)?).map_err(|_| StoreError::Invalid("backup damaged".into()))?;
                let count = r.u64()?;
                let mut entries = Vec::new();
                for _ in 0..count {
                    let k = r.sized(MAX_KEY)?;
                    let v = r.sized(MAX_VALUE)?;
                    entries.push((k, v));
                }
                trees.push((name, entries));
            }
            _ => return Err(StoreError::Invalid("backup damaged".into())),
        }
    }
    let expected = r.mac.finalize().into_bytes();
    let mut tag = [0u8; 32];
    r.inner.read_exact(&mut tag).map_err(|_| StoreError::Invalid("backup truncated".into()))?;
    let mut rest = Vec::new();
    r.inner.read_to_end(&mut rest)?;
    if !rest.is_empty() || !crypto::ct_eq(&expected, &tag) {
        return Err(StoreError::Invalid("backup altered or damaged: integrity check failed".into()));
    }
    Ok(Archive { header, witness, trees })
}

/// Reads only the vault header of an archive (to unlock it before verifying).
pub fn archive_header(path: &Path) -> Result<Header> {
    let mut f = File::open(path).map_err(|_| StoreError::NotFound("backup file"))?;
    let mut head = [0u8; 14];
    f.read_exact(&mut head).map_err(|_| StoreError::Invalid("not a Haven backup".into()))?;
    if &head[..8] != MAGIC {
        return Err(StoreError::Invalid("not a Haven backup".into()));
    }
    let n = u32::from_be_bytes([head[10], head[11], head[12], head[13]]) as usize;
    if n > MAX_HEADER {
        return Err(StoreError::Invalid("backup damaged (impossible length)".into()));
    }
    let mut bytes = vec![0u8; n];
    f.read_exact(&mut bytes).map_err(|_| StoreError::Invalid("backup truncated".into()))?;
    Header::decode(&bytes)
}

/// What a restore did.
pub struct Restored {
    /// What it moved.
    pub counts: Counts,
    /// The restored centre, logged in.
    pub store: Store,
    /// Where the centre it replaced was moved aside (kept until a manager
    /// removes it), if there was one.
    pub replaced: Option<PathBuf>,
}

/// Restores `archive_path` into `dir`. An existing centre is replaced only
/// with `force`, only by a backup of the same centre, and only by a manager
/// of the live centre who is a manager in the backup too; an empty folder (a
/// new laptop) takes a backup from a manager of that backup. Returns the
/// counts and the restored store, logged in.
pub fn restore(archive_path: &Path, dir: &Path, user: &str, pass: &[u8], force: bool) -> Result<(Counts, Store)> {
    let r = restore_over(archive_path, dir, user, pass, force)?;
    Ok((r.counts, r.store))
}

/// The manager role, or a refusal naming restore.
fn may_restore(role: Role) -> Result<()> {
    if allowed(role, Act::Restore, DataClass::Case) { Ok(()) } else { Err(StoreError::Forbidden(Act::Restore.name())) }
}

/// A header that cannot be read inside a backup is a damaged backup (the
/// vault's own message would send the user to a backup).
fn archive_damage(e: StoreError) -> StoreError {
    match e {
        StoreError::HeaderDamaged(why) => StoreError::Invalid(format!("backup damaged (its vault header: {why})")),
        other => other,
    }
}

/// [`restore`], saying also where the replaced centre was kept.
pub fn restore_over(archive_path: &Path, dir: &Path, user: &str, pass: &[u8], force: bool) -> Result<Restored> {
    // A relative folder has an empty parent, which cannot be synced.
    let dir = &std::path::absolute(dir)?;
    let archive_path = &std::path::absolute(archive_path)?;
    let header = archive_header(archive_path).map_err(archive_damage)?;
    let (slot, keys) = header.unlock(user, pass)?;
    let archive = read_archive(archive_path, &keys.audit)?;
    let (_lock, live) = if Header::exists(dir) {
        if !force {
            return Err(StoreError::AlreadyExists { path: dir.to_path_buf() });
        }
        let lock = DirLock::acquire(dir)?;
        let existing = Header::read(dir)?;
        // The live centre decides: a user disabled or demoted since the
        // backup is refused even though the backup still lets them in.
        let live_slot = match existing.unlock(user, pass) {
            Ok((s, _)) => s,
            // A disabled slot has no keys left to unwrap: say what it is.
            Err(StoreError::BadCredentials) if existing.slot(user).is_some_and(|s| s.disabled) => {
                return Err(StoreError::Disabled);
            }
            Err(e) => return Err(e),
        };
        may_restore(live_slot.role)?;
        may_restore(slot.role)?;
        if existing.centre_id != header.centre_id {
            return Err(StoreError::Rule(super::rule::Rule::BackupOtherCentre));
        }
        (Some(lock), Some(Witness::read(dir)))
    } else {
        may_restore(slot.role)?;
        (None, None)
    };
    let staging = sibling(dir, "restoring");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent)?;
    }
    private_file::create_dir_all(&staging.join("db"))?;
    private_file::restrict(&staging)?;
    private_file::write(&staging.join(super::vault::HEADER_FILE), &archive.header)?;
    {
        let db = sled::Config::new().path(staging.join("db")).mode(sled::Mode::LowSpace).open()?;
        for (name, entries) in &archive.trees {
            let tree = db.open_tree(name.as_bytes())?;
            let mut batch = sled::Batch::default();
            for (k, v) in entries {
                batch.insert(k.as_slice(), v.as_slice());
            }
            tree.apply_batch(batch)?;
        }
        db.flush()?;
        File::open(staging.join("db").join("db"))?.sync_all()?;
    }
    archive.witness.write(&staging)?;
    private_file::restrict_centre(&staging)?;
    sync_dir(&staging)?;
    // Check the staged centre before it replaces anything.
    {
        let staged = Store::open_as(&staging, user, pass)?;
        let report = staged.check()?;
        if !report.ok() {
            return Err(StoreError::Database(format!(
                "the restored centre fails its check: {}",
                report.problems.join("; ")
            )));
        }
    }
    // The replaced centre is moved aside, named with the time, and kept.
    let empty = fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
    if empty {
        fs::remove_dir(dir)?;
    }
    let replaced = if dir.exists() {
        let old = aside(dir);
        fs::rename(dir, &old)?;
        Some(old)
    } else {
        None
    };
    fs::rename(&staging, dir)?;
    if let Some(parent) = dir.parent() {
        sync_dir(parent)?;
    }
    drop(_lock);
    let store = Store::open_as(dir, user, pass)?;
    let counts = Counts {
        values: archive.values(),
        trees: archive.trees.len() as u64,
        bytes: fs::metadata(archive_path)?.len(),
    };
    let what = match (&replaced, live) {
        (Some(old), Some(w)) => format!(
            "; replaced the centre at audit event {} (change {}), kept in {}",
            w.audit,
            w.change,
            old.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        ),
        (Some(old), None) => format!(
            "; replaced the folder, kept in {}",
            old.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        ),
        _ => "; into an empty folder".to_string(),
    };
    store.audit(AuditEntry::new(AuditAction::Restore, "centre").summary(format!(
        "from {} ({} values, {} bytes, backup at audit event {}){what}",
        archive_path.display(),
        counts.values,
        counts.bytes,
        archive.witness.audit,
    )))?;
    Ok(Restored { counts, store, replaced })
}

/// A free name beside `dir` for the centre a restore replaces:
/// `centre.replaced-20261207-153000` (UTC), with a number if taken.
fn aside(dir: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S").to_string();
    let first = sibling(dir, &format!("replaced-{stamp}"));
    let mut n = 2;
    let mut candidate = first.clone();
    while candidate.exists() {
        candidate = sibling(dir, &format!("replaced-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "centre".into());
    dir.with_file_name(format!("{name}.{suffix}"))
}
