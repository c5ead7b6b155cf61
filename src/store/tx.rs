//! One save in progress: typed reads and writes inside the sled transaction
//! that `Store::commit` runs. Every write keeps the previous version in the
//! history tree and queues one change-log entry; `finish` appends the audit
//! events and the change-log entries and advances the counters.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::transaction::TransactionalTree;

use super::audit::{AuditEntry, AuditEvent};
use super::changelog::{CASE_KEY_TREE, ChangeBody, ChangeEntry, FieldChange, Hlc, WHOLE_RECORD, diff_fields};
use super::codec::{self, Class};
use super::crypto::{self, Key};
use super::error::{Result, StoreError};
use super::keycache::{CaseKeys, InstallKey, unwrap_case_key, wrap_case_key};
use super::record::{Deletion, Meta, Record, Stored, case_of_key, data_class};
use super::session::Session;
use super::trees::{TreeId, history_prefix};
use super::vault::Header;
use crate::domain::permissions::{Act, DataClass, allowed};

/// Sequence heads and clocks, one sealed value read and written by every
/// commit (so commits are serialised and sequences have no gaps).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counters {
    /// Last audit sequence.
    pub audit_seq: u64,
    /// MAC of the last audit event.
    pub audit_mac: [u8; 32],
    /// Last change-log sequence.
    pub change_seq: u64,
    /// Hash of the last change-log entry.
    pub change_hash: [u8; 32],
    /// Last clock value issued.
    pub hlc: Hlc,
    /// Last case sequence per two-digit year.
    pub case_seq: Vec<(u8, u32)>,
}

pub(crate) const COUNTERS_KEY: &[u8] = b"counters";

/// What a finished transaction hands back: the case keys it created and the
/// new audit and change-log heads.
pub(crate) type Finished = (HashMap<[u8; 16], Key>, (u64, u64));

pub(super) struct PendingChange {
    pub(super) class: Class,
    pub(super) key_case: Option<[u8; 16]>,
    pub(super) body: ChangeBody,
    /// How the change enters the record's merge state (records only).
    pub(super) merge: Option<super::merge::LocalMerge>,
}

/// What a save borrows from the open store: who this installation is, and
/// the keys the session has unsealed. Never the store itself: a save sees
/// the database only through the transaction's views.
pub(crate) struct TxBase<'a> {
    /// The vault header (centre and installation).
    pub(crate) header: &'a Header,
    /// The per-case keys unwrapped so far.
    pub(crate) case_keys: &'a CaseKeys,
    /// This installation's signing key, once unsealed.
    pub(crate) install_key: &'a InstallKey,
}

/// A save in progress.
pub struct Tx<'a> {
    pub(super) base: TxBase<'a>,
    pub(super) session: &'a Session,
    views: &'a [TransactionalTree],
    pub(super) now: DateTime<Utc>,
    audit: Vec<AuditEntry>,
    pub(super) changes: Vec<PendingChange>,
    pub(super) new_case_keys: HashMap<[u8; 16], Key>,
    counters: Option<Counters>,
    pub(super) conflicts: Option<super::merge::ConflictSet>,
    digest: super::digest::Pending,
    /// The import this batch belongs to: every key written is journalled
    /// first (`store::staged`).
    pub(super) undo: Option<[u8; 16]>,
    /// The keys this batch of a staged write created, listed for the
    /// journal in one entry (`store::undo`).
    fresh: std::cell::RefCell<Vec<u8>>,
    /// The case code this save's own audit event names when its caller
    /// could not know it before (a new case's code is drawn in the save).
    case_of_save: Option<String>,
}

impl<'a> Tx<'a> {
    /// A save over the transaction's `views`, as `session`.
    pub(crate) fn over(
        base: TxBase<'a>,
        session: &'a Session,
        views: &'a [TransactionalTree],
        now: DateTime<Utc>,
    ) -> Self {
        Tx {
            base,
            session,
            views,
            now,
            audit: Vec::new(),
            changes: Vec::new(),
            new_case_keys: HashMap::new(),
            counters: None,
            conflicts: None,
            digest: super::digest::Pending::default(),
            undo: None,
            fresh: std::cell::RefCell::new(Vec::new()),
            case_of_save: None,
        }
    }

    /// Starts from the digest changes earlier batches of a staged write made.
    pub(super) fn carry_digest(&mut self, d: super::digest::Pending) {
        self.digest = d;
    }

    /// How many digest changes this and earlier batches hold.
    pub(super) fn digest_entries(&self) -> usize {
        self.digest.entries()
    }

    /// The digest changes so far (a failed batch hands them back).
    pub(super) fn take_digest(&mut self) -> super::digest::Pending {
        std::mem::take(&mut self.digest)
    }

    /// Journals the key before its first write in a staged write; the
    /// change log and the audit chain are cut back by sequence instead.
    fn journal(&self, t: TreeId, key: &[u8]) -> Result<()> {
        match &self.undo {
            Some(id) if !matches!(t, TreeId::ChangeLog | TreeId::Audit) => {
                super::undo::journal(self.views, id, t, key, &mut self.fresh.borrow_mut())
            }
            _ => Ok(()),
        }
    }

    /// The time of this save.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The user saving.
    pub fn user(&self) -> &str {
        &self.session.username
    }

    /// The session saving.
    pub fn session(&self) -> &Session {
        self.session
    }

    fn view(&self, t: TreeId) -> &TransactionalTree {
        &self.views[t.index()]
    }

    pub(super) fn tget(&self, t: TreeId, key: &[u8]) -> Result<Option<sled::IVec>> {
        self.view(t).get(key).map_err(|e| StoreError::Database(format!("{e:?}")))
    }

    /// Writes a raw value. A write to a digested tree here bypasses the
    /// digest, so it is marked stale (typed saves go through `write`).
    pub(super) fn tput(&mut self, t: TreeId, key: &[u8], value: Vec<u8>) -> Result<()> {
        if super::digest::digested_tree(t) {
            self.digest.stale = true;
        }
        self.tput_kept(t, key, value)
    }

    /// Enters the new version of a record of a digested kind into the
    /// digest (nothing for other kinds).
    pub(super) fn note_digest<T: Record>(&mut self, key: &[u8], stored: &Stored<T>) -> Result<()> {
        let Some(kind) = T::DIGEST else { return Ok(()) };
        let entry = T::digest_entry(stored)?;
        self.digest.note(kind, key, entry);
        Ok(())
    }

    /// Leaves the digest to be rebuilt by the next reader.
    pub(super) fn digest_stale(&mut self) {
        self.digest.stale = true;
    }

    /// Writes a raw value the digest already accounts for.
    pub(super) fn tput_kept(&self, t: TreeId, key: &[u8], value: Vec<u8>) -> Result<()> {
        self.journal(t, key)?;
        self.view(t).insert(key, value).map(|_| ()).map_err(|e| StoreError::Database(format!("{e:?}")))
    }

    pub(super) fn tremove(&mut self, t: TreeId, key: &[u8]) -> Result<()> {
        if super::digest::digested_tree(t) {
            self.digest.stale = true;
        }
        self.journal(t, key)?;
        self.view(t).remove(key).map(|_| ()).map_err(|e| StoreError::Database(format!("{e:?}")))
    }

    /// The key sealing `class` for the record at `key`; creates the case's
    /// own key the first time a case-scoped record of it is written.
    pub(super) fn key_for(&mut self, class: Class, key: &[u8], create: bool) -> Result<Key> {
        match class {
            Class::Front => Ok(self.session.keys.front.clone()),
            Class::Audit => Ok(self.session.keys.audit.clone()),
            Class::Case | Class::Medical => {
                if class == Class::Medical && self.session.keys.medical.is_none() {
                    return Err(StoreError::Forbidden("medical notes"));
                }
                let class_key = self.session.keys.case.clone().ok_or(StoreError::Forbidden("case files"))?;
                let case = case_of_key(key).ok_or(StoreError::Corrupt { tree: "key" })?.id().0;
                if let Some(k) = self.new_case_keys.get(&case) {
                    return Ok(k.clone());
                }
                if let Some(k) = self.base.case_keys.lock().ok().and_then(|m| m.get(&case).cloned()) {
                    return Ok(k);
                }
                if let Some(raw) = self.tget(TreeId::CaseKeys, &case)? {
                    return unwrap_case_key(&class_key, &case, &raw);
                }
                if !create {
                    return Err(StoreError::NotFound("case key"));
                }
                let k = Key::random()?;
                self.tput(TreeId::CaseKeys, &case, wrap_case_key(&class_key, &case, &k)?)?;
                self.new_case_keys.insert(case, k.clone());
                // The other laptops need the case's key to read its records:
                // it travels ahead of them, sealed under the case class key.
                self.changes.push(PendingChange {
                    class: Class::Case,
                    key_case: None,
                    body: ChangeBody {
                        tree: CASE_KEY_TREE.to_string(),
                        key: case.to_vec(),
                        revision: 1,
                        deleted: false,
                        user: self.session.username.clone(),
                        fields: vec![FieldChange {
                            name: WHOLE_RECORD.into(),
                            value: k.as_bytes().to_vec(),
                            replaced_revision: 0,
                            base: Vec::new(),
                        }],
                    },
                    merge: None,
                });
                Ok(k)
            }
        }
    }

    /// Reads a record as this transaction sees it.
    pub fn get<T: Record>(&mut self, key: &[u8]) -> Result<Option<Stored<T>>> {
        let Some(raw) = self.tget(T::TREE, key)? else {
            return Ok(None);
        };
        let k = self.key_for(T::CLASS, key, false)?;
        codec::open(&k, T::TREE.name(), key, &raw).map(Some)
    }

    /// Creates or updates a record: bumps its revision, keeps the previous
    /// version in history, queues the change-log entry. Returns what was stored.
    pub fn put<T: Record>(&mut self, body: T) -> Result<Stored<T>> {
        self.write(body, None, None)
    }

    /// Like [`Tx::put`], but refuses when the stored revision is not
    /// `expected` (someone else saved in between).
    pub fn put_at<T: Record>(&mut self, body: T, expected: u64) -> Result<Stored<T>> {
        self.write(body, None, Some(expected))
    }

    /// Soft-deletes a record with a reason; it stays readable in history.
    pub fn delete<T: Record>(&mut self, key: &[u8], reason: &str) -> Result<()> {
        let cur = self.get::<T>(key)?.ok_or(StoreError::NotFound(T::KIND))?;
        let deletion = Deletion { at: self.now, by: self.session.username.clone(), reason: reason.to_string() };
        self.write(cur.body, Some(deletion), None).map(|_| ())
    }

    fn write<T: Record>(&mut self, body: T, deletion: Option<Deletion>, expected: Option<u64>) -> Result<Stored<T>> {
        let key = body.key();
        let k = self.key_for(T::CLASS, &key, true)?;
        let old: Option<Stored<T>> = match self.tget(T::TREE, &key)? {
            Some(raw) => Some(codec::open(&k, T::TREE.name(), &key, &raw)?),
            None => None,
        };
        let act = match (T::ADMIN_ACT, &old) {
            (Some(admin), _) => (admin, DataClass::Front),
            (None, None) => (Act::Create, data_class(T::CLASS)),
            (None, Some(_)) => (Act::Edit, data_class(T::CLASS)),
        };
        if !allowed(self.session.role, act.0, act.1) {
            return Err(StoreError::Forbidden(T::KIND));
        }
        if let Some(exp) = expected {
            let have = old.as_ref().map(|o| o.meta.revision).unwrap_or(0);
            if have != exp {
                return Err(StoreError::Rule(super::rule::Rule::StaleRevision));
            }
        }
        let meta = match &old {
            Some(o) => Meta {
                revision: o.meta.revision + 1,
                created_at: o.meta.created_at,
                created_by: o.meta.created_by.clone(),
                updated_at: self.now,
                updated_by: self.session.username.clone(),
                installation: self.base.header.installation,
                deleted: deletion.clone().or(o.meta.deleted.clone()),
            },
            None => Meta {
                revision: 1,
                created_at: self.now,
                created_by: self.session.username.clone(),
                updated_at: self.now,
                updated_by: self.session.username.clone(),
                installation: self.base.header.installation,
                deleted: deletion.clone(),
            },
        };
        let stored = Stored { meta, body };
        if let Some(o) = &old {
            let mut hk = history_prefix(T::TREE, &key);
            hk.extend_from_slice(&o.meta.revision.to_be_bytes());
            self.tput(TreeId::History, &hk, codec::seal(&k, T::CLASS, TreeId::History.name(), &hk, o)?)?;
        }
        self.tput_kept(T::TREE, &key, codec::seal(&k, T::CLASS, T::TREE.name(), &key, &stored)?)?;
        self.note_digest(&key, &stored)?;
        self.blind_after_write(&key, &stored)?;

        let replaced = old.as_ref().map(|o| o.meta.revision).unwrap_or(0);
        let (fields, old_fields) = match &old {
            // A new record travels whole, in the compact encoding.
            None => (
                vec![FieldChange {
                    name: WHOLE_RECORD.into(),
                    value: codec::to_bytes(&stored.body)?,
                    replaced_revision: 0,
                    base: Vec::new(),
                }],
                None,
            ),
            // A change carries only the fields that changed, as JSON, so a
            // merge can apply each field on its own; the deletion is one more
            // field, so that a deletion meets a concurrent edit as a conflict.
            Some(o) => {
                let (old_json, new_json) = (
                    super::apply::record_json(&o.body, &o.meta)?,
                    super::apply::record_json(&stored.body, &stored.meta)?,
                );
                let old_value = serde_json::Value::Object(old_json.clone());
                let new_value = serde_json::Value::Object(new_json);
                let changed = diff_fields(Some(&old_value), &new_value)
                    .into_iter()
                    .map(|(name, v)| FieldChange {
                        name,
                        value: v.to_string().into_bytes(),
                        replaced_revision: replaced,
                        base: Vec::new(),
                    })
                    .collect();
                (changed, Some(old_json))
            }
        };
        self.changes.push(PendingChange {
            class: T::CLASS,
            key_case: if matches!(T::CLASS, Class::Case | Class::Medical) {
                case_of_key(&key).map(|c| c.id().0)
            } else {
                None
            },
            body: ChangeBody {
                tree: T::TREE.name().to_string(),
                key: key.clone(),
                revision: stored.meta.revision,
                deleted: deletion.is_some(),
                user: self.session.username.clone(),
                fields,
            },
            merge: Some(super::merge::LocalMerge { tree: T::TREE, old: old_fields, explicit_base: None }),
        });
        Ok(stored)
    }

    /// Removes a stored value outright (erasure only: no history is kept).
    pub(crate) fn remove_raw(&mut self, t: TreeId, key: &[u8]) -> Result<()> {
        self.tremove(t, key)
    }

    /// Replaces a stored value as is (erasure redacting the change log).
    pub(crate) fn put_raw(&mut self, t: TreeId, key: &[u8], value: Vec<u8>) -> Result<()> {
        self.tput(t, key, value)
    }

    /// Marks the (empty) digest of a new centre valid, so that saves keep it
    /// from the first one on.
    pub(crate) fn start_digest(&mut self) -> Result<()> {
        let (k, v) = super::digest::valid_mark(&self.session.keys.front)?;
        self.tput_kept(TreeId::Index, k, v)
    }

    /// Reads a unique-index entry (`name` scopes it, e.g. `open_stay_bed`).
    pub fn index_get(&mut self, name: &str, key: &[u8]) -> Result<Option<Vec<u8>>> {
        let ik = index_key(name, key);
        let Some(raw) = self.tget(TreeId::Index, &ik)? else {
            return Ok(None);
        };
        let k = self.session.keys.front.clone();
        Ok(Some(codec::open_bytes(&k, TreeId::Index.name(), &ik, &raw)?.to_vec()))
    }

    /// Sets or clears a unique-index entry.
    pub fn index_set(&mut self, name: &str, key: &[u8], value: Option<&[u8]>) -> Result<()> {
        let ik = index_key(name, key);
        match value {
            Some(v) => {
                let k = self.session.keys.front.clone();
                self.tput(TreeId::Index, &ik, codec::seal_bytes(&k, Class::Front, TreeId::Index.name(), &ik, v)?)
            }
            None => self.tremove(TreeId::Index, &ik),
        }
    }

    fn counters(&mut self) -> Result<Counters> {
        if let Some(c) = &self.counters {
            return Ok(c.clone());
        }
        let c = match self.tget(TreeId::Meta, COUNTERS_KEY)? {
            Some(raw) => codec::open(&self.session.keys.audit, TreeId::Meta.name(), COUNTERS_KEY, &raw)?,
            None => Counters::default(),
        };
        self.counters = Some(c.clone());
        Ok(c)
    }

    /// The next case sequence number for a two-digit year.
    pub fn next_case_seq(&mut self, year: u8) -> Result<u32> {
        let mut c = self.counters()?;
        let next = match c.case_seq.iter_mut().find(|(y, _)| *y == year) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                c.case_seq.push((year, 1));
                1
            }
        };
        self.counters = Some(c);
        Ok(next)
    }

    /// Queues one more audit event in this save; one without a case code
    /// takes the code named by [`Tx::case_of_save`], if any.
    pub fn audit(&mut self, mut entry: AuditEntry) {
        if entry.case_code.is_none() {
            entry.case_code = self.case_of_save.clone();
        }
        self.audit.push(entry);
    }

    /// Names the case of this save's audit event (a created case, whose code
    /// is drawn inside the save).
    pub fn case_of_save(&mut self, code: String) {
        self.case_of_save = Some(code);
    }

    /// Takes a remote clock value into account, so that the next local
    /// change is ordered after everything this laptop has seen.
    pub(super) fn observe_hlc(&mut self, h: Hlc) -> Result<()> {
        let mut c = self.counters()?;
        if h > c.hlc {
            c.hlc = h;
            self.counters = Some(c);
        }
        Ok(())
    }

    /// Starts the change log again at sequence 1 (a new installation).
    pub(super) fn restart_log(&mut self) -> Result<()> {
        let mut c = self.counters()?;
        c.change_seq = 0;
        c.change_hash = [0; 32];
        self.counters = Some(c);
        Ok(())
    }

    /// Writes the queued audit events and change-log entries and the counters.
    pub(crate) fn finish(self) -> Result<Finished> {
        self.finish_keeping(false).map(|(f, _)| f)
    }

    /// Like [`Tx::finish`]; with `keep_digest`, the digest shards touched
    /// are handed back instead of written (a batch of a staged write).
    pub(crate) fn finish_keeping(mut self, keep_digest: bool) -> Result<(Finished, Option<super::digest::Pending>)> {
        let mut c = self.counters()?;
        let installation = self.base.header.installation;
        let audit_key = self.session.keys.audit.clone();
        for e in std::mem::take(&mut self.audit) {
            c.audit_seq += 1;
            let mut ev = AuditEvent {
                seq: c.audit_seq,
                at: e.at.unwrap_or(self.now),
                user: e.user.unwrap_or_else(|| self.session.username.clone()),
                installation,
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id,
                case_code: e.case_code,
                summary: e.summary,
                prev_mac: c.audit_mac,
                mac: [0; 32],
            };
            ev.mac = ev.compute_mac(&audit_key);
            c.audit_mac = ev.mac;
            let k = c.audit_seq.to_be_bytes();
            self.tput(TreeId::Audit, &k, codec::seal(&audit_key, Class::Audit, TreeId::Audit.name(), &k, &ev)?)?;
        }
        let now_ms = self.now.timestamp_millis().max(0) as u64;
        let changes = std::mem::take(&mut self.changes);
        let signer = if changes.is_empty() { None } else { Some(self.install_key()?) };
        let centre = self.base.header.centre_id;
        for mut ch in changes {
            c.change_seq += 1;
            c.hlc = c.hlc.tick(now_ms);
            let mut entry = ChangeEntry {
                seq: c.change_seq,
                installation,
                hlc: c.hlc,
                class: ch.class,
                key_case: ch.key_case,
                prev_hash: c.change_hash,
                body_hash: [0; 32],
                body: Vec::new(),
                sig: Vec::new(),
            };
            if let Some(m) = ch.merge.take() {
                self.merge_local(&mut ch.body, &m, entry.dot(), entry.hlc)?;
            }
            let body_key = if ch.body.tree == CASE_KEY_TREE {
                self.session.keys.case.clone().ok_or(StoreError::Forbidden("case files"))?
            } else {
                self.key_for(ch.class, &entry_key_hint(&ch), false)?
            };
            let plain = zeroize::Zeroizing::new(codec::to_bytes(&ch.body)?);
            entry.body = crypto::seal(&body_key, &entry.header_aad(), &plain)?;
            entry.body_hash = crypto::hash(&[&entry.body]);
            if let Some(k) = &signer {
                entry.sign(&centre, k);
            }
            c.change_hash = entry.hash();
            let k = c.change_seq.to_be_bytes();
            // The body is sealed under the record's key and the header is
            // chained by hash, so the entry is stored as it will travel: a
            // laptop without the class key can still verify and relay it.
            self.tput(TreeId::ChangeLog, &k, codec::to_bytes(&entry)?)?;
        }
        self.save_conflicts()?;
        let digest = std::mem::take(&mut self.digest);
        let mut kept = None;
        if digest.stale {
            self.tremove(TreeId::Index, super::digest::Pending::valid_key())?;
        } else if keep_digest {
            kept = Some(digest);
        } else {
            let front = self.session.keys.front.clone();
            let view = self.view(TreeId::Index);
            let load = |sk: &[u8]| match view.get(sk) {
                Ok(Some(raw)) => super::digest::open_shard(&front, sk, &raw),
                Ok(None) => Ok(Default::default()),
                Err(e) => Err(StoreError::Database(format!("{e:?}"))),
            };
            digest.seal_each(&front, load, |k, v| self.tput_kept(TreeId::Index, k, v))?;
        }
        self.tput(
            TreeId::Meta,
            COUNTERS_KEY,
            codec::seal(&audit_key, Class::Audit, TreeId::Meta.name(), COUNTERS_KEY, &c)?,
        )?;
        if let Some(id) = &self.undo {
            super::undo::journal_fresh(self.views, id, (c.audit_seq, c.change_seq), &self.fresh.borrow())?;
        }
        Ok(((self.new_case_keys, (c.audit_seq, c.change_seq)), kept))
    }
}

fn entry_key_hint(ch: &PendingChange) -> Vec<u8> {
    match ch.key_case {
        Some(c) => c.to_vec(),
        None => ch.body.key.clone(),
    }
}

fn index_key(name: &str, key: &[u8]) -> Vec<u8> {
    let mut k = name.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(key);
    k
}
