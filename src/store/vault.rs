//! The vault header: a small file beside the database holding the Argon2id
//! parameters and one keyslot per user. A keyslot wraps the class keys that
//! the user's role may hold, under a key derived from that user's passphrase.
//! The header is replaced atomically (write temp → fsync → rename → fsync the
//! folder), so an interrupted keyslot change leaves the old or the new file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::codec;
use super::crypto::{self, KdfParams, Key};
use super::error::{Result, StoreError};
use crate::domain::user::Role;

/// The header's file name inside the centre folder.
pub const HEADER_FILE: &str = "vault.haven";
const MAGIC: &[u8; 8] = b"HAVENVLT";
const FORMAT: u16 = 1;
/// A header never needs more than this; anything larger is refused unread.
const MAX_HEADER: u64 = 1024 * 1024;

/// The class keys one session holds; absent keys are simply not there.
#[derive(Clone, Debug)]
pub struct ClassKeys {
    /// Front data: every role.
    pub front: Key,
    /// Audit MAC and log sealing: every role (the app writes the chain).
    pub audit: Key,
    /// Case files: case workers and managers.
    pub case: Option<Key>,
    /// Medical and psychological notes: case workers and managers.
    pub medical: Option<Key>,
    /// Seed of the centre's Ed25519 roster key, which signs the list of
    /// installations (docs/SYNC.md): managers only.
    pub roster: Option<Key>,
}

impl ClassKeys {
    /// The key sealing values of `class` stored under `key`: a class key,
    /// or for case and medical values the per-case key that `case_key`
    /// finds from the case class key and the case named by `key`.
    pub(crate) fn sealing(
        &self,
        class: super::codec::Class,
        key: &[u8],
        case_key: impl FnOnce(&Key, [u8; 16]) -> super::error::Result<Key>,
    ) -> super::error::Result<Key> {
        use super::codec::Class;
        use super::error::StoreError;
        match class {
            Class::Front => Ok(self.front.clone()),
            Class::Audit => Ok(self.audit.clone()),
            Class::Case | Class::Medical => {
                if class == Class::Medical && self.medical.is_none() {
                    return Err(StoreError::Forbidden("medical notes"));
                }
                let case = super::record::case_of_key(key).ok_or(StoreError::Corrupt { tree: "key" })?;
                let class_key = self.case.as_ref().ok_or(StoreError::Forbidden("case files"))?;
                case_key(class_key, case.id().0)
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
struct WrappedKeys {
    front: [u8; 32],
    audit: [u8; 32],
    case: Option<[u8; 32]>,
    medical: Option<[u8; 32]>,
    roster: Option<[u8; 32]>,
}

/// Keyslots written before sync existed: no roster key.
#[derive(Serialize, Deserialize)]
struct WrappedKeysV1 {
    front: [u8; 32],
    audit: [u8; 32],
    case: Option<[u8; 32]>,
    medical: Option<[u8; 32]>,
}

impl ClassKeys {
    /// Fresh random keys for a new centre.
    pub fn generate() -> Result<ClassKeys> {
        Ok(ClassKeys {
            front: Key::random()?,
            audit: Key::random()?,
            case: Some(Key::random()?),
            medical: Some(Key::random()?),
            roster: Some(Key::random()?),
        })
    }

    /// The subset a role may hold (docs/ARCHITECTURE.md §4): reception and night hold only
    /// the front key (and the audit key the app needs to write the chain).
    pub fn for_role(&self, role: Role) -> ClassKeys {
        let full = role.holds_case_key();
        ClassKeys {
            front: self.front.clone(),
            audit: self.audit.clone(),
            case: if full { self.case.clone() } else { None },
            medical: if full { self.medical.clone() } else { None },
            roster: if role == Role::Manager { self.roster.clone() } else { None },
        }
    }

    fn to_wrapped(&self) -> WrappedKeys {
        WrappedKeys {
            front: *self.front.as_bytes(),
            audit: *self.audit.as_bytes(),
            case: self.case.as_ref().map(|k| *k.as_bytes()),
            medical: self.medical.as_ref().map(|k| *k.as_bytes()),
            roster: self.roster.as_ref().map(|k| *k.as_bytes()),
        }
    }

    fn from_wrapped(w: &WrappedKeys) -> ClassKeys {
        ClassKeys {
            front: Key::from_bytes(w.front),
            audit: Key::from_bytes(w.audit),
            case: w.case.map(Key::from_bytes),
            medical: w.medical.map(Key::from_bytes),
            roster: w.roster.map(Key::from_bytes),
        }
    }

    fn decode(plain: &[u8]) -> Result<ClassKeys> {
        if let Ok(w) = codec::from_bytes::<WrappedKeys>(plain, "vault") {
            return Ok(Self::from_wrapped(&w));
        }
        let old: WrappedKeysV1 =
            codec::from_bytes(plain, "vault").map_err(|_| StoreError::HeaderDamaged("keyslot undecodable"))?;
        let w = WrappedKeys { front: old.front, audit: old.audit, case: old.case, medical: old.medical, roster: None };
        Ok(Self::from_wrapped(&w))
    }
}

impl Drop for WrappedKeysV1 {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.front.zeroize();
        self.audit.zeroize();
        self.case.zeroize();
        self.medical.zeroize();
    }
}

impl Drop for WrappedKeys {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.front.zeroize();
        self.audit.zeroize();
        if let Some(k) = self.case.as_mut() {
            k.zeroize();
        }
        if let Some(k) = self.medical.as_mut() {
            k.zeroize();
        }
        if let Some(k) = self.roster.as_mut() {
            k.zeroize();
        }
    }
}

/// One user's entry: who they are and their wrapped keys.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Keyslot {
    /// Login name.
    pub username: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Role, bound into the wrapping so it cannot be edited in the file.
    pub role: Role,
    /// A disabled user cannot log in.
    pub disabled: bool,
    salt: [u8; 16],
    wrapped: Vec<u8>,
}

/// The whole header.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Header {
    /// Random id of the centre.
    pub centre_id: [u8; 16],
    /// Short code used in case codes (`MSK`).
    pub centre_code: String,
    /// Human name of the centre.
    pub centre_name: String,
    /// Random id of this installation (this laptop's copy).
    pub installation: [u8; 16],
    /// Whether this is a demo centre.
    pub demo: bool,
    /// Creation time, seconds since the epoch.
    pub created_at: i64,
    /// Argon2id costs for every keyslot.
    pub kdf: KdfParams,
    /// One slot per user.
    pub slots: Vec<Keyslot>,
    /// The case class's X25519 public key (`store::sealed_box`): what
    /// reception seals a passport zone to. Every role reads it; it is
    /// derived from the case class key, so a case-key holder's login puts
    /// back the true one if the file was given another. Absent in centres
    /// made before it, until a case worker or manager logs in.
    #[serde(default, deserialize_with = "added_later")]
    pub case_seal: Option<[u8; 32]>,
}

/// Reads a field added after centres had written headers: an older header
/// ends where the field begins, which reads as the default.
fn added_later<'de, D: serde::Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> std::result::Result<T, D::Error> {
    Ok(T::deserialize(d).unwrap_or_default())
}

impl Header {
    /// Path of the header file in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(HEADER_FILE)
    }

    /// Whether `dir` holds a header at all.
    pub fn exists(dir: &Path) -> bool {
        Self::path(dir).is_file()
    }

    /// Reads and validates the header: framing, checksum, size and KDF caps.
    pub fn read(dir: &Path) -> Result<Header> {
        let path = Self::path(dir);
        let meta = fs::metadata(&path).map_err(|_| StoreError::NotACentre { path: dir.to_path_buf() })?;
        if meta.len() > MAX_HEADER {
            return Err(StoreError::HeaderDamaged("too large"));
        }
        let bytes = fs::read(&path)?;
        Self::decode(&bytes)
    }

    /// Parses header bytes (the fuzzing and bit-flip tests call this).
    pub fn decode(bytes: &[u8]) -> Result<Header> {
        if bytes.len() < 8 + 2 + 4 + 32 || &bytes[..8] != MAGIC {
            return Err(StoreError::HeaderDamaged("not a Haven vault header"));
        }
        let format = u16::from_be_bytes([bytes[8], bytes[9]]);
        if format != FORMAT {
            return Err(StoreError::HeaderDamaged("unknown format version"));
        }
        let len = u32::from_be_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]) as usize;
        if bytes.len() != 14 + len + 32 {
            return Err(StoreError::HeaderDamaged("wrong length"));
        }
        let body = &bytes[14..14 + len];
        let sum = &bytes[14 + len..];
        if !crypto::ct_eq(&crypto::hash(&[&bytes[..14], body]), sum) {
            return Err(StoreError::HeaderDamaged("checksum mismatch"));
        }
        let header: Header = codec::from_bytes(body, "vault").map_err(|_| StoreError::HeaderDamaged("undecodable"))?;
        header.kdf.check()?;
        Ok(header)
    }

    /// Serialises the header with its framing and checksum.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let body = codec::to_bytes(self)?;
        let mut out = Vec::with_capacity(14 + body.len() + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(&body);
        let sum = crypto::hash(&[&out[..14], &body]);
        out.extend_from_slice(&sum);
        Ok(out)
    }

    /// Replaces the header on disk atomically and durably.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let bytes = self.encode()?;
        let tmp = dir.join(format!("{HEADER_FILE}.tmp"));
        {
            let mut f = super::private_file::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
        }
        fs::rename(&tmp, Self::path(dir))?;
        sync_dir(dir)?;
        Ok(())
    }

    /// The header with the case class's public key made right for `keys`
    /// (a case-key holder's session), or `None` when it already is.
    pub fn with_case_seal(&self, keys: &ClassKeys) -> Option<Header> {
        let public = super::sealed_box::case_public(keys.case.as_ref()?);
        if self.case_seal == Some(public) {
            return None;
        }
        let mut next = self.clone();
        next.case_seal = Some(public);
        Some(next)
    }

    /// The slot of `username`, if any.
    pub fn slot(&self, username: &str) -> Option<&Keyslot> {
        self.slots.iter().find(|s| s.username == username)
    }

    fn slot_aad(&self, slot_user: &str, role: Role, salt: &[u8; 16]) -> Vec<u8> {
        let mut a = b"haven-keyslot\0".to_vec();
        a.extend_from_slice(&self.centre_id);
        a.extend_from_slice(slot_user.as_bytes());
        a.push(0);
        a.push(role_byte(role));
        a.extend_from_slice(&self.kdf.m_kib.to_be_bytes());
        a.extend_from_slice(&self.kdf.t.to_be_bytes());
        a.extend_from_slice(&self.kdf.p.to_be_bytes());
        a.extend_from_slice(salt);
        a
    }

    /// Unwraps the keys of `username`. Unknown user and wrong passphrase give
    /// the same error after the same amount of work.
    pub fn unlock(&self, username: &str, passphrase: &[u8]) -> Result<(Keyslot, ClassKeys)> {
        let Some(slot) = self.slot(username) else {
            let _ = crypto::derive(&self.kdf, passphrase, &[0u8; 16]);
            return Err(StoreError::BadCredentials);
        };
        let kek = crypto::derive(&self.kdf, passphrase, &slot.salt)?;
        let aad = self.slot_aad(&slot.username, slot.role, &slot.salt);
        let plain = Zeroizing::new(crypto::open(&kek, &aad, &slot.wrapped).ok_or(StoreError::BadCredentials)?);
        let keys = ClassKeys::decode(&plain)?;
        if slot.disabled {
            return Err(StoreError::Disabled);
        }
        Ok((slot.clone(), keys))
    }

    /// Adds or replaces the slot of `username`, wrapping the subset of `keys`
    /// that `role` may hold. Only changes this value; call [`Header::write`].
    pub fn set_slot(
        &mut self,
        keys: &ClassKeys,
        username: &str,
        display_name: &str,
        role: Role,
        passphrase: &[u8],
    ) -> Result<()> {
        let salt = crypto::random16()?;
        let kek = crypto::derive(&self.kdf, passphrase, &salt)?;
        let plain = Zeroizing::new(codec::to_bytes(&keys.for_role(role).to_wrapped())?);
        let aad = self.slot_aad(username, role, &salt);
        let wrapped = crypto::seal(&kek, &aad, &plain)?;
        let slot = Keyslot {
            username: username.to_string(),
            display_name: display_name.to_string(),
            role,
            disabled: false,
            salt,
            wrapped,
        };
        match self.slots.iter_mut().find(|s| s.username == username) {
            Some(s) => *s = slot,
            None => self.slots.push(slot),
        }
        Ok(())
    }

    /// Disables a user and destroys their wrapped keys.
    pub fn disable(&mut self, username: &str) -> Result<()> {
        let slot = self.slots.iter_mut().find(|s| s.username == username).ok_or(StoreError::NotFound("user"))?;
        slot.disabled = true;
        slot.wrapped.clear();
        Ok(())
    }
}

fn role_byte(role: Role) -> u8 {
    match role {
        Role::Reception => 1,
        Role::Night => 2,
        Role::CaseWorker => 3,
        Role::Manager => 4,
    }
}

/// Makes a rename in `dir` durable.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Windows has no directory handle to sync; NTFS journals the rename.
#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> Result<()> {
    Ok(())
}

/// The Argon2id costs for a new vault: calibrated to about half a second.
/// Debug builds (the test suite) may ask for cheap costs with
/// `HAVEN_INSECURE_FAST_KDF=1`; release builds ignore it.
pub fn kdf_for_new_vault() -> KdfParams {
    if cfg!(debug_assertions) && std::env::var("HAVEN_INSECURE_FAST_KDF").is_ok_and(|v| v == "1") {
        return KdfParams::TESTING;
    }
    calibrate()
}

/// Picks Argon2id costs taking about half a second here, never below 64 MiB
/// and two passes.
pub fn calibrate() -> KdfParams {
    let m_kib = 64 * 1024;
    let probe = KdfParams { m_kib, t: 1, p: 1 };
    let start = std::time::Instant::now();
    let _ = crypto::derive(&probe, b"calibration", &[0u8; 16]);
    let one = start.elapsed().as_secs_f64().max(0.001);
    let t = (0.5 / one).ceil() as u32;
    KdfParams { m_kib, t: t.clamp(2, 12), p: 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> (Header, ClassKeys) {
        let keys = ClassKeys::generate().unwrap();
        let mut h = Header {
            centre_id: [7; 16],
            centre_code: "MSK".into(),
            centre_name: "Test".into(),
            installation: [1; 16],
            demo: false,
            created_at: 0,
            kdf: KdfParams::TESTING,
            slots: vec![],
            case_seal: None,
        };
        h.set_slot(&keys, "anna", "Anna", Role::Manager, b"correct horse battery").unwrap();
        h.set_slot(&keys, "rita", "Rita", Role::Reception, b"reception pass 1").unwrap();
        (h, keys)
    }

    #[test]
    fn unlock_gives_the_keys_of_the_role() {
        let (h, keys) = header();
        let (_, k) = h.unlock("anna", b"correct horse battery").unwrap();
        assert_eq!(k.case, keys.case);
        let (_, k) = h.unlock("rita", b"reception pass 1").unwrap();
        assert!(k.case.is_none() && k.medical.is_none() && k.roster.is_none());
        assert_eq!(k.front, keys.front);
        let (_, k) = h.unlock("anna", b"correct horse battery").unwrap();
        assert_eq!(k.roster, keys.roster, "managers hold the roster key");
        assert!(keys.for_role(Role::CaseWorker).roster.is_none(), "case workers do not");
    }

    #[test]
    fn a_keyslot_written_before_sync_still_unlocks() {
        let keys = ClassKeys::generate().unwrap();
        let old =
            WrappedKeysV1 { front: *keys.front.as_bytes(), audit: *keys.audit.as_bytes(), case: None, medical: None };
        let back = ClassKeys::decode(&codec::to_bytes(&old).unwrap()).unwrap();
        assert_eq!(back.front, keys.front);
        assert!(back.roster.is_none());
    }

    /// A header written before the case class's public key existed (the
    /// same fields, without it) still reads, with no key: the next login
    /// of a case-key holder adds it.
    #[test]
    fn a_header_written_before_the_case_seal_still_reads() {
        #[derive(Serialize)]
        struct Before<'a> {
            centre_id: [u8; 16],
            centre_code: &'a str,
            centre_name: &'a str,
            installation: [u8; 16],
            demo: bool,
            created_at: i64,
            kdf: KdfParams,
            slots: &'a [Keyslot],
        }
        let (h, keys) = header();
        let before = Before {
            centre_id: h.centre_id,
            centre_code: &h.centre_code,
            centre_name: &h.centre_name,
            installation: h.installation,
            demo: h.demo,
            created_at: h.created_at,
            kdf: h.kdf,
            slots: &h.slots,
        };
        let body = codec::to_bytes(&before).unwrap();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT.to_be_bytes());
        bytes.extend_from_slice(&(body.len() as u32).to_be_bytes());
        bytes.extend_from_slice(&body);
        let sum = crypto::hash(&[&bytes[..14], &body]);
        bytes.extend_from_slice(&sum);
        let back = Header::decode(&bytes).unwrap();
        assert_eq!(back.case_seal, None);
        assert!(back.unlock("anna", b"correct horse battery").is_ok());
        let with = back.with_case_seal(&keys).unwrap();
        assert_eq!(with.case_seal, Some(super::super::sealed_box::case_public(keys.case.as_ref().unwrap())));
        assert!(with.with_case_seal(&keys).is_none(), "already right: nothing to write");
        assert!(with.with_case_seal(&keys.for_role(Role::Reception)).is_none(), "reception cannot set it");
        let again = Header::decode(&with.encode().unwrap()).unwrap();
        assert_eq!(again.case_seal, with.case_seal);
    }

    #[test]
    fn wrong_passphrase_and_unknown_user_look_the_same() {
        let (h, _) = header();
        assert!(matches!(h.unlock("anna", b"nope"), Err(StoreError::BadCredentials)));
        assert!(matches!(h.unlock("nobody", b"nope"), Err(StoreError::BadCredentials)));
    }

    #[test]
    fn every_bit_flip_of_the_header_is_detected() {
        let (h, _) = header();
        let bytes = h.encode().unwrap();
        assert!(Header::decode(&bytes).is_ok());
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(Header::decode(&b).is_err(), "flip at {i}:{bit}");
            }
        }
        for n in 0..bytes.len() {
            assert!(Header::decode(&bytes[..n]).is_err());
        }
    }

    #[test]
    fn a_forged_kdf_with_a_valid_checksum_is_refused_before_derivation() {
        let (mut h, _) = header();
        h.kdf = KdfParams { m_kib: u32::MAX, t: u32::MAX, p: 1 };
        let bytes = h.encode().unwrap();
        assert!(matches!(Header::decode(&bytes), Err(StoreError::ForgedKdf)));
    }

    #[test]
    fn a_role_edited_in_the_file_no_longer_unlocks() {
        let (mut h, _) = header();
        for s in h.slots.iter_mut() {
            if s.username == "rita" {
                s.role = Role::Manager;
            }
        }
        assert!(matches!(h.unlock("rita", b"reception pass 1"), Err(StoreError::BadCredentials)));
    }

    #[test]
    fn disabled_user_cannot_log_in() {
        let (mut h, _) = header();
        h.disable("rita").unwrap();
        assert!(h.unlock("rita", b"reception pass 1").is_err());
    }

    #[test]
    fn write_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let (h, _) = header();
        h.write(dir.path()).unwrap();
        let back = Header::read(dir.path()).unwrap();
        assert_eq!(back.slots.len(), 2);
        assert!(back.unlock("anna", b"correct horse battery").is_ok());
    }
}
