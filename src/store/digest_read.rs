//! The digest read back by the store: every entry of a kind for the
//! dashboard, rebuilding it from the records when it is missing or stale,
//! and the check that it still matches them (`digest.rs` says what it is).

use std::collections::HashMap;

use super::codec;
use super::db::Store;
use super::digest::{
    Digested, PREFIX, Shard, VALID_KEY, VERSION, entry_of, kind_prefix, open_shard, seal_shard, shard_key, valid_mark,
};
use super::error::{Result, StoreError};
use super::rows::Rows;
use super::trees::TreeId;
use crate::domain::case::CaseFront;
use crate::domain::pickup::Pickup;
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;

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
