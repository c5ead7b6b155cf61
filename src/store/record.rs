//! What the store knows about a record: which tree it lives in, which class
//! key seals it, its storage key, and the metadata kept beside every version.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::codec::Class;
use super::trees::TreeId;
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};

/// A record type the store can keep.
pub trait Record: Serialize + DeserializeOwned + Clone + 'static {
    /// Its tree.
    const TREE: TreeId;
    /// Its class key. `Case` and `Medical` records are sealed under the key
    /// of the case they belong to, so their storage key starts with the case id.
    const CLASS: Class;
    /// Entity name used in audit events and the change log.
    const KIND: &'static str;
    /// The storage key: a random id (16 bytes), or case id ‖ id for records
    /// under a per-case key.
    fn key(&self) -> Vec<u8>;
    /// The case whose key seals this record (per-case classes only).
    fn owner_case(&self) -> Option<CaseId> {
        None
    }
    /// Administered data (rooms, the directory) is written under this act
    /// instead of plain create/edit of its class.
    const ADMIN_ACT: Option<Act> = None;
    /// The digest this kind keeps (`store::digest`), by shard name.
    const DIGEST: Option<&'static str> = None;
    /// This version's digest entry, encoded; `None` keeps it out of the digest.
    fn digest_entry(_stored: &Stored<Self>) -> super::error::Result<Option<Vec<u8>>> {
        Ok(None)
    }
}

/// The permission class of a storage class.
pub fn data_class(class: Class) -> DataClass {
    match class {
        Class::Front | Class::Audit => DataClass::Front,
        Class::Case => DataClass::Case,
        Class::Medical => DataClass::Medical,
    }
}

/// Who deleted a record, when and why (a soft delete keeps the record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deletion {
    /// When.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    /// Username.
    pub by: String,
    /// The reason given.
    pub reason: String,
}

/// Kept with every version of every record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// 1 for the first version, +1 per save.
    pub revision: u64,
    /// When the record was created (stored as milliseconds: 8 bytes, not a string).
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    /// Who created it (username).
    pub created_by: String,
    /// When this version was saved.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    /// Who saved this version.
    pub updated_by: String,
    /// The installation that saved this version.
    pub installation: [u8; 16],
    /// Set when soft-deleted.
    pub deleted: Option<Deletion>,
}

/// A record with its metadata, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored<T> {
    /// Revision, times, users.
    pub meta: Meta,
    /// The record itself.
    pub body: T,
}

impl<T> Stored<T> {
    /// Whether the record is soft-deleted.
    pub fn is_deleted(&self) -> bool {
        self.meta.deleted.is_some()
    }
}

/// The records of a scan that are not soft-deleted, with their metadata.
pub fn not_deleted<T>(v: Vec<Stored<T>>) -> Vec<Stored<T>> {
    v.into_iter().filter(|s| !s.is_deleted()).collect()
}

/// The bodies of the records of a scan that are not soft-deleted.
pub fn live<T>(v: Vec<Stored<T>>) -> Vec<T> {
    v.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
}

/// Storage key for a record under a per-case key.
pub fn case_scoped_key(case: CaseId, id: &[u8; 16]) -> Vec<u8> {
    let mut k = Vec::with_capacity(32);
    k.extend_from_slice(case.id().as_bytes());
    k.extend_from_slice(id);
    k
}

/// The case id at the start of a case-scoped key.
pub fn case_of_key(key: &[u8]) -> Option<CaseId> {
    let b: [u8; 16] = key.get(..16)?.try_into().ok()?;
    Some(CaseId::from(crate::domain::ids::Id(b)))
}
