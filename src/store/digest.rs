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

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codec::{self, Class};
use super::db::Store;
use super::error::{Result, StoreError};
use super::record::{Record, Stored};
use super::rows::Rows;
use super::trees::TreeId;
use crate::domain::case::CaseFront;
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;

/// Index-tree keys of the digest start with this.
const PREFIX: &[u8] = b"digest\0";
/// Present (sealed, holding [`VERSION`]) while the digest matches the records.
const VALID_KEY: &[u8] = b"digest\0\0valid";
/// Bumped whenever a projection changes, so older digests are rebuilt.
const VERSION: u32 = 2;

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
type Shard = BTreeMap<Vec<u8>, Vec<u8>>;

fn shard_key(kind: &str, record_key: &[u8]) -> Vec<u8> {
    let mut k = PREFIX.to_vec();
    k.extend_from_slice(kind.as_bytes());
    k.push(0);
    k.push(record_key.first().copied().unwrap_or(0));
    k
}

fn kind_prefix(kind: &str) -> Vec<u8> {
    let mut k = PREFIX.to_vec();
    k.extend_from_slice(kind.as_bytes());
    k.push(0);
    k
}

/// The shards a save has touched, written once when it finishes.
#[derive(Default)]
pub(crate) struct Pending {
    shards: HashMap<Vec<u8>, Shard>,
    /// A digested tree was written around the typed path.
    pub(crate) stale: bool,
}

impl Pending {
    /// Records `entry` (or its absence) for `record_key` in the shard of
    /// `kind`, loading the shard through `load` the first time.
    pub(crate) fn note(
        &mut self,
        kind: &str,
        record_key: &[u8],
        entry: Option<Vec<u8>>,
        load: impl FnOnce(&[u8]) -> Result<Shard>,
    ) -> Result<()> {
        let sk = shard_key(kind, record_key);
        let shard = match self.shards.entry(sk) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let loaded = load(v.key())?;
                v.insert(loaded)
            }
        };
        match entry {
            Some(e) => shard.insert(record_key.to_vec(), e),
            None => shard.remove(record_key),
        };
        Ok(())
    }

    /// The shards to write, sealed with the front key.
    pub(crate) fn sealed(self, front: &super::crypto::Key) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.shards.into_iter().map(|(k, shard)| seal_shard(front, &k, &shard).map(|v| (k, v))).collect()
    }

    /// How many entries the shards touched hold (a staged write hands them
    /// on from batch to batch only while they are few).
    pub(crate) fn entries(&self) -> usize {
        self.shards.values().map(BTreeMap::len).sum()
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

fn seal_shard(front: &super::crypto::Key, key: &[u8], shard: &Shard) -> Result<Vec<u8>> {
    codec::seal(front, Class::Front, TreeId::Index.name(), key, shard)
}

/// Opens a stored shard.
pub(crate) fn open_shard(front: &super::crypto::Key, key: &[u8], raw: &[u8]) -> Result<Shard> {
    codec::open(front, TreeId::Index.name(), key, raw)
}

impl Store {
    /// Every digest entry of kind `T`, in no particular order. Rebuilds the
    /// digest first when it is missing or stale.
    pub fn digest<T: Digested>(&self) -> Result<Vec<T::Entry>> {
        Ok(self.digest_keyed::<T>()?.into_iter().map(|(_, e)| e).collect())
    }

    /// [`Store::digest`] with each entry's record key.
    pub fn digest_keyed<T: Digested>(&self) -> Result<Vec<(Vec<u8>, T::Entry)>> {
        self.authorize(crate::domain::permissions::Act::View, super::record::data_class(T::CLASS))?;
        let front = self.session()?.keys.front.clone();
        if !self.digest_valid(&front)? {
            self.rebuild_digest()?;
        }
        let mut out = Vec::new();
        for item in Rows::of(self.tree(TreeId::Index).scan_prefix(kind_prefix(T::NAME)), TreeId::Index.name()) {
            let (k, raw) = item?;
            for (key, bytes) in open_shard(&front, &k, &raw)? {
                out.push((key, codec::from_bytes(&bytes, TreeId::Index.name())?));
            }
        }
        Ok(out)
    }

    fn digest_valid(&self, front: &super::crypto::Key) -> Result<bool> {
        let Some(raw) = self.tree(TreeId::Index).get(VALID_KEY)? else { return Ok(false) };
        let v: u32 = codec::open(front, TreeId::Index.name(), VALID_KEY, &raw)?;
        Ok(v == VERSION)
    }

    /// Derives the digest from the records and replaces the stored one in
    /// one transaction, under the writer's lock so no save slips between.
    pub fn rebuild_digest(&self) -> Result<()> {
        let front = self.session()?.keys.front.clone();
        let _guard = self.write_guard()?;
        let mut shards: HashMap<Vec<u8>, Shard> = HashMap::new();
        collect::<CaseFront>(self, &mut shards)?;
        collect::<ServiceItem>(self, &mut shards)?;
        collect::<Stay>(self, &mut shards)?;
        collect::<Pickup>(self, &mut shards)?;
        let mut sealed = Vec::with_capacity(shards.len());
        for (k, shard) in &shards {
            sealed.push((k.clone(), seal_shard(&front, k, shard)?));
        }
        let (_, valid) = valid_mark(&front)?;
        let old: Vec<sled::IVec> = Rows::of(self.tree(TreeId::Index).scan_prefix(PREFIX), TreeId::Index.name())
            .map(|r| r.map(|(k, _)| k))
            .collect::<Result<_>>()?;
        let index = self.tree(TreeId::Index);
        let r: std::result::Result<(), sled::transaction::TransactionError<StoreError>> = index.transaction(|t| {
            for k in &old {
                t.remove(k.as_ref())?;
            }
            for (k, v) in &sealed {
                t.insert(k.as_slice(), v.as_slice())?;
            }
            t.insert(VALID_KEY, valid.as_slice())?;
            Ok(())
        });
        match r {
            Ok(()) => Ok(()),
            Err(sled::transaction::TransactionError::Abort(e)) => Err(e),
            Err(sled::transaction::TransactionError::Storage(e)) => Err(e.into()),
        }
    }
}

impl Store {
    /// The kinds whose stored digest differs from what the records give
    /// (`check`). A differing digest is dropped, to be rebuilt on next use:
    /// it is derived data, never the only copy of anything.
    pub(crate) fn digest_mismatches(&self) -> Result<Vec<&'static str>> {
        let front = self.session()?.keys.front.clone();
        if !self.digest_valid(&front)? {
            return Ok(Vec::new());
        }
        let mut bad = Vec::new();
        for (name, same) in [
            (CaseFront::NAME, same_as_records::<CaseFront>(self)?),
            (ServiceItem::NAME, same_as_records::<ServiceItem>(self)?),
            (Stay::NAME, same_as_records::<Stay>(self)?),
            (Pickup::NAME, same_as_records::<Pickup>(self)?),
        ] {
            if !same {
                bad.push(name);
            }
        }
        if !bad.is_empty() {
            self.tree(TreeId::Index).remove(VALID_KEY)?;
        }
        Ok(bad)
    }
}

fn same_as_records<T: Digested>(store: &Store) -> Result<bool> {
    let front = store.session()?.keys.front.clone();
    let mut derived: HashMap<Vec<u8>, Shard> = HashMap::new();
    collect::<T>(store, &mut derived)?;
    let mut stored: HashMap<Vec<u8>, Shard> = HashMap::new();
    for item in Rows::of(store.tree(TreeId::Index).scan_prefix(kind_prefix(T::NAME)), TreeId::Index.name()) {
        let (k, raw) = item?;
        let shard = open_shard(&front, &k, &raw)?;
        if !shard.is_empty() {
            stored.insert(k.to_vec(), shard);
        }
    }
    Ok(derived == stored)
}

fn collect<T: Digested>(store: &Store, shards: &mut HashMap<Vec<u8>, Shard>) -> Result<()> {
    for s in store.scan::<T>()? {
        if let Some(e) = entry_of(&s)? {
            let key = s.body.key();
            shards.entry(shard_key(T::NAME, &key)).or_default().insert(key, e);
        }
    }
    Ok(())
}
