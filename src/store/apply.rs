//! Inside a save: keeping each record's merge state (docs/SYNC.md) beside it,
//! applying changes that arrived from the other laptops of the centre, and
//! writing the value chosen on the conflict screen. Remote changes are
//! applied in the same transaction as their batch, with history and audit,
//! and never appear in this installation's own change log.

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use super::changelog::{ChangeBody, ChangeEntry, FieldChange, Hlc, WHOLE_RECORD};
use super::codec::{self, Class};
use super::crypto::{Key, SigningKey};
use super::error::{Result, StoreError};
use super::keycache::{unwrap_case_key, wrap_case_key};
use super::kinds::{self, Kind};
use super::merge::{DELETED, Dot, Json, MergeState, Value, json_bytes};
use super::record::{Deletion, Meta, case_of_key};
use super::trees::{TreeId, history_prefix};
use super::tx::{PendingChange, Tx};

/// Key of this installation's signing key in the sync tree.
pub(crate) const INSTALL_KEY: &[u8] = b"install_key";
/// Key of the set of records with open conflicts in the sync tree.
pub(crate) const CONFLICTS_KEY: &[u8] = b"conflicts";

pub use super::merge::ConflictSet;
pub(crate) use super::merge::LocalMerge;

/// This installation's signing key, sealed at rest for the installation it
/// belongs to (a re-enrolled laptop gets a new one).
#[derive(Serialize, Deserialize)]
struct SealedIdentity {
    installation: [u8; 16],
    seed: [u8; 32],
}

impl Drop for SealedIdentity {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.seed.zeroize();
    }
}

/// What applying one remote change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// A record changed (tree, key), with whether it now has a conflict.
    Record(String, Vec<u8>, bool),
    /// Nothing new (a repetition, or superseded already).
    Unchanged,
    /// A case key was installed.
    CaseKey,
    /// An erasure of a case, to carry out after the batch.
    Erase([u8; 16], Vec<u8>),
}

/// A record's fields and its deletion as one JSON object.
pub(crate) fn record_json<T: Serialize>(body: &T, meta: &Meta) -> Result<Json> {
    let mut m = match serde_json::to_value(body) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => return Err(StoreError::Invalid("record not encodable as fields".into())),
    };
    m.insert(DELETED.into(), serde_json::to_value(&meta.deleted).unwrap_or(serde_json::Value::Null));
    Ok(m)
}

/// Merge state of a record written before merge states existed: every field
/// holds the value of its creation, named by its installation and sequence 0.
fn legacy_state(meta: &Meta) -> MergeState {
    MergeState::created(Value {
        dot: Dot { inst: meta.installation, seq: 0 },
        hlc: Hlc { ms: meta.created_at.timestamp_millis().max(0) as u64, counter: 0 },
        user: meta.created_by.clone(),
        json: None,
        base: Vec::new(),
    })
}

fn ms_time(ms: u64) -> chrono::DateTime<chrono::Utc> {
    DateTime::from_timestamp_millis(i64::try_from(ms).unwrap_or(i64::MAX)).unwrap_or_default()
}

impl<'a> Tx<'a> {
    /// The merge state of a record, if one was kept.
    pub(crate) fn load_merge(&self, k: &Key, tree: TreeId, key: &[u8]) -> Result<Option<MergeState>> {
        let mk = history_prefix(tree, key);
        match self.tget(TreeId::Merge, &mk)? {
            Some(raw) => codec::open(k, TreeId::Merge.name(), &mk, &raw).map(Some),
            None => Ok(None),
        }
    }

    fn store_merge(&mut self, k: &Key, class: Class, tree: TreeId, key: &[u8], s: &MergeState) -> Result<()> {
        let mk = history_prefix(tree, key);
        self.tput(TreeId::Merge, &mk, codec::seal(k, class, TreeId::Merge.name(), &mk, s)?)?;
        let entry = (tree.name().to_string(), key.to_vec());
        let open = s.has_conflict();
        let set = self.conflict_set()?;
        if open {
            set.insert(entry);
        } else {
            set.remove(&entry);
        }
        Ok(())
    }

    fn conflict_set(&mut self) -> Result<&mut ConflictSet> {
        if self.conflicts.is_none() {
            let set = match self.tget(TreeId::Sync, CONFLICTS_KEY)? {
                Some(raw) => codec::open(&self.session.keys.audit, TreeId::Sync.name(), CONFLICTS_KEY, &raw)?,
                None => ConflictSet::new(),
            };
            self.conflicts = Some(set);
        }
        self.conflicts.as_mut().ok_or(StoreError::Io("conflict set".into()))
    }

    /// Writes the conflict set if this save touched it.
    pub(super) fn save_conflicts(&mut self) -> Result<()> {
        if let Some(set) = self.conflicts.take() {
            let k = self.session.keys.audit.clone();
            let v = codec::seal(&k, Class::Audit, TreeId::Sync.name(), CONFLICTS_KEY, &set)?;
            self.tput(TreeId::Sync, CONFLICTS_KEY, v)?;
        }
        Ok(())
    }

    /// This installation's signing key, created the first time it is needed.
    pub(super) fn install_key(&mut self) -> Result<SigningKey> {
        let installation = self.base.header.installation;
        if let Some(k) = super::keycache::cached_install_key(self.base.install_key, installation) {
            return Ok(k);
        }
        let audit = self.session.keys.audit.clone();
        if let Some(raw) = self.tget(TreeId::Sync, INSTALL_KEY)? {
            let id: SealedIdentity = codec::open(&audit, TreeId::Sync.name(), INSTALL_KEY, &raw)?;
            if id.installation == installation {
                let k = SigningKey::from_seed(&id.seed);
                super::keycache::cache_install_key(self.base.install_key, installation, &k);
                return Ok(k);
            }
        }
        let k = SigningKey::random()?;
        let id = SealedIdentity { installation, seed: *k.seed() };
        self.tput(
            TreeId::Sync,
            INSTALL_KEY,
            codec::seal(&audit, Class::Audit, TreeId::Sync.name(), INSTALL_KEY, &id)?,
        )?;
        super::keycache::cache_install_key(self.base.install_key, installation, &k);
        Ok(k)
    }

    /// Enters a local change into its record's merge state, filling in each
    /// field's base: the value the editor was shown (a deletion saw the
    /// whole record; a resolution names its own base).
    pub(super) fn merge_local(&mut self, body: &mut ChangeBody, m: &LocalMerge, dot: Dot, hlc: Hlc) -> Result<()> {
        let Some(kind) = kinds::by_tree(m.tree.name()) else { return Ok(()) };
        let k = self.key_for(kind.class, &body.key, false)?;
        let stamp = |json: Option<Vec<u8>>, base: Vec<Dot>| Value { dot, hlc, user: body.user.clone(), json, base };
        let Some(old) = &m.old else {
            let state = MergeState::created(stamp(None, Vec::new()));
            return self.store_merge(&k, kind.class, m.tree, &body.key, &state);
        };
        let mut state = match self.load_merge(&k, m.tree, &body.key)? {
            Some(s) => s,
            None => match self.tget(m.tree, &body.key)? {
                Some(raw) => legacy_state(&(kind.open)(&k, m.tree.name(), &body.key, &raw)?.0),
                None => return Ok(()),
            },
        };
        let mut rec = old.clone();
        state.fill(&rec);
        let shown_deleted = state.shown_dot(DELETED);
        for f in body.fields.iter_mut() {
            let base = match &m.explicit_base {
                Some(b) => b.clone(),
                None if f.name == DELETED => state.all_live_dots(),
                None => state.shown_dot(&f.name).into_iter().chain(shown_deleted).collect(),
            };
            let mut base = base;
            base.sort();
            base.dedup();
            f.base = base.clone();
            state.offer(&f.name, stamp(Some(f.value.clone()), base), &rec);
        }
        state.settle(&mut rec);
        state.forget_dead_of(&self.base.header.installation);
        self.store_merge(&k, kind.class, m.tree, &body.key, &state)
    }

    /// Applies one verified, decrypted change of another installation.
    pub(crate) fn apply_remote(&mut self, entry: &ChangeEntry, body: &ChangeBody) -> Result<Applied> {
        self.observe_hlc(entry.hlc)?;
        match body.tree.as_str() {
            super::changelog::CASE_KEY_TREE => return self.install_case_key(entry, body),
            super::changelog::ERASE_TREE => {
                let case: [u8; 16] =
                    body.key.as_slice().try_into().map_err(|_| StoreError::Rule(super::rule::Rule::SyncMalformed))?;
                let payload = body.fields.first().map(|f| f.value.clone()).unwrap_or_default();
                return Ok(Applied::Erase(case, payload));
            }
            _ => {}
        }
        let kind = kinds::by_tree(&body.tree).ok_or(StoreError::Rule(super::rule::Rule::SyncUnknownRecord))?;
        check_class(&kind, entry, &body.key)?;
        let k = self.key_for(kind.class, &body.key, false)?;
        let old = match self.tget(kind.tree, &body.key)? {
            Some(raw) => Some((kind.open)(&k, kind.tree.name(), &body.key, &raw)?),
            None => None,
        };
        let mut state = match self.load_merge(&k, kind.tree, &body.key)? {
            Some(s) => s,
            None => match &old {
                Some((meta, _)) => legacy_state(meta),
                None => MergeState::default(),
            },
        };
        let mut rec: Json = match &old {
            Some((meta, fields)) => {
                let mut r = fields.clone();
                r.insert(DELETED.into(), serde_json::to_value(&meta.deleted).unwrap_or(serde_json::Value::Null));
                r
            }
            None => Json::new(),
        };
        let before = state.clone();
        state.fill(&rec);
        let dot = entry.dot();
        let stamp =
            |json: Option<Vec<u8>>, base: Vec<Dot>| Value { dot, hlc: entry.hlc, user: body.user.clone(), json, base };
        for f in &body.fields {
            if f.name == WHOLE_RECORD {
                let mut whole = (kind.whole)(&f.value)?;
                if (kind.key_of)(&whole)? != body.key {
                    return Err(StoreError::Rule(super::rule::Rule::SyncWrongKey));
                }
                whole.insert(DELETED.into(), serde_json::Value::Null);
                if state.origin.is_none() {
                    state.set_origin(stamp(None, Vec::new()), &whole);
                    for (name, v) in whole {
                        rec.entry(name).or_insert(v);
                    }
                }
            } else {
                state.offer(&f.name, stamp(Some(f.value.clone()), f.base.clone()), &rec);
            }
        }
        state.forget_dead_of(&self.base.header.installation);
        if state.origin.is_none() {
            // Changes to a record whose creation has not arrived yet: keep
            // them (with their values) until it does.
            if state != before {
                self.store_merge(&k, kind.class, kind.tree, &body.key, &state)?;
            }
            return Ok(Applied::Unchanged);
        }
        state.settle(&mut rec);
        if state == before && old.is_some() {
            return Ok(Applied::Unchanged);
        }
        let deleted: Option<Deletion> = rec.remove(DELETED).and_then(|v| serde_json::from_value(v).ok()).flatten();
        if (kind.key_of)(&rec)? != body.key {
            return Err(StoreError::Rule(super::rule::Rule::SyncWrongKey));
        }
        let origin = state.origin.clone().ok_or(StoreError::Io("origin".into()))?;
        let meta = Meta {
            revision: old.as_ref().map(|(m, _)| m.revision + 1).unwrap_or(1),
            created_at: old.as_ref().map(|(m, _)| m.created_at).unwrap_or_else(|| ms_time(origin.hlc.ms)),
            created_by: old.as_ref().map(|(m, _)| m.created_by.clone()).unwrap_or_else(|| origin.user.clone()),
            updated_at: ms_time(entry.hlc.ms),
            updated_by: body.user.clone(),
            installation: entry.installation,
            deleted,
        };
        let changed_record = old.as_ref().is_none_or(|(m, f)| *f != rec || m.deleted != meta.deleted);
        if changed_record {
            // Written first: a value that does not fit the record writes
            // nothing (the transaction is abandoned with the error).
            (kind.write)(self, &k, &body.key, meta, &rec)?;
            if let Some((m, f)) = &old {
                let mut hk = history_prefix(kind.tree, &body.key);
                hk.extend_from_slice(&m.revision.to_be_bytes());
                self.tput(TreeId::History, &hk, (kind.seal)(&k, TreeId::History.name(), &hk, m.clone(), f)?)?;
            }
        }
        self.store_merge(&k, kind.class, kind.tree, &body.key, &state)?;
        Ok(Applied::Record(body.tree.clone(), body.key.clone(), state.has_conflict()))
    }

    fn install_case_key(&mut self, entry: &ChangeEntry, body: &ChangeBody) -> Result<Applied> {
        if entry.class != Class::Case || entry.key_case.is_some() {
            return Err(StoreError::Rule(super::rule::Rule::SyncMalformed));
        }
        let case: [u8; 16] =
            body.key.as_slice().try_into().map_err(|_| StoreError::Rule(super::rule::Rule::SyncMalformed))?;
        let raw: [u8; 32] = body
            .fields
            .first()
            .and_then(|f| f.value.as_slice().try_into().ok())
            .ok_or(StoreError::Rule(super::rule::Rule::SyncMalformed))?;
        let class_key = self.session.keys.case.clone().ok_or(StoreError::Forbidden("case files"))?;
        if let Some(existing) = self.tget(TreeId::CaseKeys, &case)? {
            // The first key of a case stays; a second one would hide records.
            let have = unwrap_case_key(&class_key, &case, &existing)?;
            return if have.as_bytes() == &raw {
                Ok(Applied::Unchanged)
            } else {
                Err(StoreError::Rule(super::rule::Rule::SyncCaseKeyDiffers))
            };
        }
        let key = Key::from_bytes(raw);
        self.tput(TreeId::CaseKeys, &case, wrap_case_key(&class_key, &case, &key)?)?;
        self.new_case_keys.insert(case, key);
        Ok(Applied::CaseKey)
    }

    /// Writes `value` (JSON; for [`DELETED`], a deletion or `null`) into
    /// `field` of the record at `tree`/`key`, replacing every live value:
    /// the conflict closes here and, once synced, on every laptop.
    pub fn resolve_field(&mut self, tree: &str, key: &[u8], field: &str, value: &serde_json::Value) -> Result<()> {
        let kind = kinds::by_tree(tree).ok_or(StoreError::NotFound("record"))?;
        let act = if kind.class == Class::Front {
            crate::domain::permissions::DataClass::Front
        } else {
            super::record::data_class(kind.class)
        };
        if !crate::domain::permissions::allowed(self.session.role, crate::domain::permissions::Act::Edit, act) {
            return Err(StoreError::Forbidden(kind.kind));
        }
        let k = self.key_for(kind.class, key, false)?;
        let raw = self.tget(kind.tree, key)?.ok_or(StoreError::NotFound("record"))?;
        let (meta, fields) = (kind.open)(&k, kind.tree.name(), key, &raw)?;
        let state = match self.load_merge(&k, kind.tree, key)? {
            Some(s) => s,
            None => legacy_state(&meta),
        };
        let mut old = fields.clone();
        old.insert(DELETED.into(), serde_json::to_value(&meta.deleted).unwrap_or(serde_json::Value::Null));
        let mut new = fields;
        let mut new_meta = Meta {
            revision: meta.revision + 1,
            updated_at: self.now,
            updated_by: self.session.username.clone(),
            installation: self.base.header.installation,
            ..meta.clone()
        };
        let base = if field == DELETED {
            let deletion: Option<Deletion> = serde_json::from_value(value.clone())
                .map_err(|_| StoreError::Rule(super::rule::Rule::SyncValueUnfit))?;
            new_meta.deleted = deletion;
            if new_meta.deleted.is_some() { state.all_live_dots() } else { state.live_dots(DELETED) }
        } else {
            new.insert(field.to_string(), value.clone());
            state.live_dots(field)
        };
        if (kind.key_of)(&new)? != key {
            return Err(StoreError::Rule(super::rule::Rule::SyncWrongKey));
        }
        let mut hk = history_prefix(kind.tree, key);
        hk.extend_from_slice(&meta.revision.to_be_bytes());
        self.tput(TreeId::History, &hk, (kind.seal)(&k, TreeId::History.name(), &hk, meta.clone(), &old)?)?;
        (kind.write)(self, &k, key, new_meta.clone(), &new)?;
        self.changes.push(PendingChange {
            class: kind.class,
            key_case: if matches!(kind.class, Class::Case | Class::Medical) {
                case_of_key(key).map(|c| c.id().0)
            } else {
                None
            },
            body: ChangeBody {
                tree: tree.to_string(),
                key: key.to_vec(),
                revision: new_meta.revision,
                deleted: new_meta.deleted.is_some(),
                user: self.session.username.clone(),
                fields: vec![FieldChange {
                    name: field.to_string(),
                    value: json_bytes(value),
                    replaced_revision: meta.revision,
                    base: Vec::new(),
                }],
            },
            merge: Some(LocalMerge { tree: kind.tree, old: Some(old), explicit_base: Some(base) }),
        });
        Ok(())
    }

    /// Drops erased records from the set of open conflicts.
    pub(crate) fn forget_conflicts(&mut self, records: &std::collections::HashSet<(String, Vec<u8>)>) -> Result<()> {
        let set = self.conflict_set()?;
        set.retain(|e| !records.contains(e));
        Ok(())
    }

    /// Queues the change that erases a case on the other laptops.
    pub(crate) fn log_erase(&mut self, case: [u8; 16], payload: Vec<u8>) {
        self.changes.push(PendingChange {
            class: Class::Front,
            key_case: None,
            body: ChangeBody {
                tree: super::changelog::ERASE_TREE.to_string(),
                key: case.to_vec(),
                revision: 1,
                deleted: true,
                user: self.session.username.clone(),
                fields: vec![FieldChange {
                    name: "erase".into(),
                    value: payload,
                    replaced_revision: 0,
                    base: Vec::new(),
                }],
            },
            merge: None,
        });
    }
}

/// A change must be sealed under the class of the record it writes, and a
/// per-case record under its own case's key.
fn check_class(kind: &Kind, entry: &ChangeEntry, key: &[u8]) -> Result<()> {
    let ok = match kind.class {
        Class::Case | Class::Medical => {
            entry.class == kind.class
                && entry.key_case.is_some()
                && entry.key_case == case_of_key(key).map(|c| c.id().0)
        }
        other => entry.class == other && entry.key_case.is_none(),
    };
    if ok { Ok(()) } else { Err(StoreError::Rule(super::rule::Rule::SyncWrongClass)) }
}
