//! The digest: for the record kinds the dashboard sums up every time it is
//! shown (cases, service items, stays, pickups), a small sealed projection
//! of each record that can still change a figure, kept in 256 shards per
//! kind in the index tree and updated inside the transaction of every save.
//!
//! Opening a centre of 10,000 cases used to decrypt some 140,000 records to
//! draw the dashboard; with the digest it decrypts a few hundred shards.
//!
//! Saves through [`Tx::put`](super::tx::Tx::put) keep it exact. The rare
//! writes that bypass typed records (sync applying a remote change, erasure)
//! mark it stale in the same transaction instead, and the next reader
//! rebuilds it from the records, under the writer's lock, in one transaction.
//! A database written before the digest existed has no validity mark and is
//! rebuilt the same way on first use.
//!
//! This file is what a save needs (the kinds, their entries, the shards a
//! transaction touches); reading and rebuilding it from the store is
//! `digest_read.rs`.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codec::{self, Class};
use super::error::Result;
use super::record::{Record, Stored};
use super::trees::TreeId;
use crate::domain::case::CaseFront;
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;

/// Index-tree keys of the digest start with this.
pub(super) const PREFIX: &[u8] = b"digest\0";
/// Present (sealed, holding [`VERSION`]) while the digest matches the records.
pub(super) const VALID_KEY: &[u8] = b"digest\0\0valid";
/// Bumped whenever a projection changes, so older digests are rebuilt.
pub(super) const VERSION: u32 = 3;

/// A record kind with a digest.
pub trait Digested: Record {
    /// What the digest keeps of one record.
    type Entry: Serialize + DeserializeOwned;
    /// The shard name of the kind.
    const NAME: &'static str;
    /// The projection of this version, or `None` when the record can no
    /// longer change a figure (deleted, closed, long past).
    fn project(stored: &Stored<Self>) -> Option<Self::Entry>;
}

/// The encoded digest entry of a record of a digested kind (the hook
/// [`Record::digest_entry`] implementations call).
pub fn entry_of<T: Digested>(stored: &Stored<T>) -> Result<Option<Vec<u8>>> {
    T::project(stored).map(|e| codec::to_bytes(&e)).transpose()
}

/// What a case contributes to the dashboard.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CaseDigest {
    /// Day of arrival at the centre.
    pub arrived_on: Option<chrono::NaiveDate>,
    /// Whether the case is closed.
    pub closed: bool,
    /// Day of the last save (the retention period runs from it).
    pub updated_on: chrono::NaiveDate,
}

impl Digested for CaseFront {
    type Entry = CaseDigest;
    const NAME: &'static str = "case";
    fn project(s: &Stored<Self>) -> Option<CaseDigest> {
        (!s.is_deleted()).then(|| CaseDigest {
            arrived_on: s.body.arrived_on,
            closed: s.body.status.is_closed(),
            updated_on: s.meta.updated_at.date_naive(),
        })
    }
}

/// What an open service item contributes to the dashboard and the case list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OpenService {
    /// Its case.
    pub case_id: crate::domain::ids::CaseId,
    /// The date it is planned for.
    pub planned_on: Option<chrono::NaiveDate>,
}

impl OpenService {
    /// Whether it is overdue on `today` (it is open by construction).
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.planned_on.is_some_and(|p| p < today)
    }
}

impl Digested for ServiceItem {
    /// Only open items are kept (not assessed, needed, planned, in progress).
    type Entry = OpenService;
    const NAME: &'static str = "service";
    fn project(s: &Stored<Self>) -> Option<OpenService> {
        (!s.is_deleted() && s.body.status.is_open())
            .then_some(OpenService { case_id: s.body.case_id, planned_on: s.body.planned_on })
    }
}

impl Digested for Stay {
    /// The stay itself, while it is open.
    type Entry = Stay;
    const NAME: &'static str = "stay";
    fn project(s: &Stored<Self>) -> Option<Stay> {
        (!s.is_deleted() && s.body.is_open()).then(|| s.body.clone())
    }
}

/// Pickups scheduled this long before the day of a save still count as
/// "today" somewhere (time zones, a save just after midnight).
const PICKUP_DAYS_KEPT: i64 = 2;

impl Digested for Pickup {
    /// The pickup itself, while it is awaited or scheduled around the day of the save.
    type Entry = Pickup;
    const NAME: &'static str = "pickup";
    fn project(s: &Stored<Self>) -> Option<Pickup> {
        let awaited = matches!(s.body.status, PickupStatus::Scheduled | PickupStatus::Delayed);
        let recent =
            s.body.scheduled.date() >= s.meta.updated_at.date_naive() - chrono::Duration::days(PICKUP_DAYS_KEPT);
        (!s.is_deleted() && (awaited || recent)).then(|| s.body.clone())
    }
}

/// The trees whose records are digested: a write to them that bypasses
/// typed records marks the digest stale.
pub fn digested_tree(t: TreeId) -> bool {
    [CaseFront::TREE, ServiceItem::TREE, Stay::TREE, Pickup::TREE].contains(&t)
}

/// One shard: record key → encoded entry.
pub(super) type Shard = BTreeMap<Vec<u8>, Vec<u8>>;

pub(super) fn shard_key(kind: &str, record_key: &[u8]) -> Vec<u8> {
    let mut k = PREFIX.to_vec();
    k.extend_from_slice(kind.as_bytes());
    k.push(0);
    k.push(record_key.first().copied().unwrap_or(0));
    k
}

pub(super) fn kind_prefix(kind: &str) -> Vec<u8> {
    let mut k = PREFIX.to_vec();
    k.extend_from_slice(kind.as_bytes());
    k.push(0);
    k
}

/// The shards a save has touched, written once when it finishes.
/// The changes a transaction (or a staged write, from batch to batch) makes
/// to the digest, by shard: only what changed is held, and each shard
/// touched is read, changed and sealed once, when the changes are written.
/// Holding whole shards instead made a large import quadratic: at 100,000
/// cases a batch of twenty loaded and rewrote some 160 service shards of
/// thousands of entries each.
/// A shard's changes: each record's new entry, or `None` to drop it.
type ShardChanges = BTreeMap<Vec<u8>, Option<Vec<u8>>>;

#[derive(Default)]
pub(crate) struct Pending {
    changes: HashMap<Vec<u8>, ShardChanges>,
    /// A digested tree was written around the typed path.
    pub(crate) stale: bool,
}

impl Pending {
    /// Records `entry` (or its absence) for `record_key` in the shard of `kind`.
    pub(crate) fn note(&mut self, kind: &str, record_key: &[u8], entry: Option<Vec<u8>>) {
        self.changes.entry(shard_key(kind, record_key)).or_default().insert(record_key.to_vec(), entry);
    }

    /// The shards to write, each read through `load`, changed, sealed with
    /// the front key and handed to `put` one at a time: at 100,000 cases
    /// the shards together hold tens of megabytes, never all sealed at once.
    pub(crate) fn seal_each(
        self,
        front: &super::crypto::Key,
        mut load: impl FnMut(&[u8]) -> Result<Shard>,
        mut put: impl FnMut(&[u8], Vec<u8>) -> Result<()>,
    ) -> Result<()> {
        for (k, changes) in self.changes {
            let mut shard = load(&k)?;
            for (record, entry) in changes {
                match entry {
                    Some(e) => shard.insert(record, e),
                    None => shard.remove(&record),
                };
            }
            let sealed = seal_shard(front, &k, &shard)?;
            drop(shard);
            put(&k, sealed)?;
        }
        Ok(())
    }

    /// How many changes are held (a staged write hands them on from batch
    /// to batch while they are fewer than a bound).
    pub(crate) fn entries(&self) -> usize {
        self.changes.values().map(BTreeMap::len).sum()
    }

    /// The key of the validity mark, which a stale save removes.
    pub(crate) fn valid_key() -> &'static [u8] {
        VALID_KEY
    }
}

/// The validity mark: its key and sealed value.
pub(crate) fn valid_mark(front: &super::crypto::Key) -> Result<(&'static [u8], Vec<u8>)> {
    Ok((VALID_KEY, codec::seal(front, Class::Front, TreeId::Index.name(), VALID_KEY, &VERSION)?))
}

pub(super) fn seal_shard(front: &super::crypto::Key, key: &[u8], shard: &Shard) -> Result<Vec<u8>> {
    codec::seal(front, Class::Front, TreeId::Index.name(), key, shard)
}

/// Opens a stored shard.
pub(crate) fn open_shard(front: &super::crypto::Key, key: &[u8], raw: &[u8]) -> Result<Shard> {
    codec::open(front, TreeId::Index.name(), key, raw)
}
