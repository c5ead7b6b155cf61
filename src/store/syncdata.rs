//! What sync keeps in the store: sealed values in the sync tree (roster,
//! state, hub settings, quarantine), the envelopes of the other
//! installations, this installation's identity, and re-enrolment — a laptop
//! restored from a backup (or cloned) becomes a new installation, and the
//! changes it made after the fork are issued again under its new identity.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::changelog::{ChangeBody, ChangeEntry};
use super::codec::{self, Class};
use super::crypto::{self, Key, SigningKey};
use super::db::{Store, history_prefix};
use super::error::{Result, StoreError};
use super::merge::{Dot, MergeState};
use super::roster::{Roster, SignedStatement, Statement};
use super::rows::Rows;
use super::trees::TreeId;
use super::tx::Tx;
use super::{AuditAction, AuditEntry};
use crate::domain::permissions::{Act, DataClass};

/// Key of the roster in the sync tree.
pub const ROSTER_KEY: &[u8] = b"roster";

/// Key of an envelope of another installation: installation ‖ sequence.
pub fn envelope_key(inst: &[u8; 16], seq: u64) -> Vec<u8> {
    let mut k = inst.to_vec();
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

impl Store {
    /// A sealed value of the sync tree.
    pub fn sync_get<T: DeserializeOwned>(&self, name: &[u8]) -> Result<Option<T>> {
        let audit = self.session()?.keys.audit.clone();
        match self.tree(TreeId::Sync).get(name)? {
            Some(raw) => codec::open(&audit, TreeId::Sync.name(), name, &raw).map(Some),
            None => Ok(None),
        }
    }

    /// Writes a sealed value of the sync tree on its own (bookkeeping that is
    /// no user action, so no audit event), durably.
    pub fn sync_set<T: Serialize>(&self, name: &[u8], v: &T) -> Result<()> {
        let audit = self.session()?.keys.audit.clone();
        let sealed = codec::seal(&audit, Class::Audit, TreeId::Sync.name(), name, v)?;
        self.tree(TreeId::Sync).insert(name, sealed)?;
        self.make_durable()
    }

    /// Sealed values of the sync tree under a prefix, with their keys.
    pub fn sync_scan<T: DeserializeOwned>(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, T)>> {
        let audit = self.session()?.keys.audit.clone();
        let mut out = Vec::new();
        for item in Rows::of(self.tree(TreeId::Sync).scan_prefix(prefix), TreeId::Sync.name()) {
            let (k, raw) = item?;
            out.push((k.to_vec(), codec::open(&audit, TreeId::Sync.name(), &k, &raw)?));
        }
        Ok(out)
    }

    /// The roster (at least its anchor, when this laptop's session can
    /// derive it).
    pub fn roster(&self) -> Result<Roster> {
        if let Some(r) = self.sync_get::<Roster>(ROSTER_KEY)? {
            return Ok(r);
        }
        let anchor = match &self.session()?.keys.roster {
            Some(seed) => SigningKey::from_seed(seed.as_bytes()).public(),
            None => [0u8; 32],
        };
        Ok(Roster { anchor, statements: Vec::new() })
    }

    /// The centre's roster signing key (managers only).
    pub fn roster_key(&self) -> Result<SigningKey> {
        self.authorize(Act::AdministerUsers, DataClass::Front)?;
        let seed = self.session()?.keys.roster.as_ref().ok_or(StoreError::Rule(super::rule::Rule::SyncNoRosterKey))?;
        Ok(SigningKey::from_seed(seed.as_bytes()))
    }

    /// This installation's entries from `from` on (at most `limit`).
    pub fn own_entries(&self, from: u64, limit: usize) -> Result<Vec<ChangeEntry>> {
        let mut out = Vec::new();
        for item in Rows::of(self.tree(TreeId::ChangeLog).range(from.max(1).to_be_bytes()..), TreeId::ChangeLog.name())
        {
            let (_, raw) = item?;
            out.push(codec::from_bytes::<ChangeEntry>(&raw, "changelog")?);
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// The last sequence and hash of this installation's log.
    pub fn own_head(&self) -> Result<(u64, [u8; 32])> {
        let c = self.counters()?;
        Ok((c.change_seq, c.change_hash))
    }

    /// The entry `seq` of installation `inst`, own or relayed, if held here.
    pub fn held_entry(&self, inst: &[u8; 16], seq: u64) -> Result<Option<ChangeEntry>> {
        let raw = if *inst == self.header().installation {
            self.tree(TreeId::ChangeLog).get(seq.to_be_bytes())?
        } else {
            self.tree(TreeId::Envelopes).get(envelope_key(inst, seq))?
        };
        raw.map(|r| codec::from_bytes(&r, "envelopes")).transpose()
    }

    /// Entries of other installations held here, by installation then
    /// sequence, from `from` (an envelope key) on, at most `limit`.
    pub fn relayed_entries(&self, from: &[u8], limit: usize) -> Result<Vec<ChangeEntry>> {
        let mut out = Vec::new();
        for item in Rows::of(self.tree(TreeId::Envelopes).range(from.to_vec()..), TreeId::Envelopes.name()) {
            let (_, raw) = item?;
            out.push(codec::from_bytes::<ChangeEntry>(&raw, "envelopes")?);
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// The key that opens an entry's body in this session, if it holds one
    /// (`Ok(None)`: wait for a session with the key, or for the case's key).
    pub fn entry_key(&self, entry: &ChangeEntry) -> Result<Option<Key>> {
        let s = self.session()?;
        Ok(match (entry.class, entry.key_case) {
            (Class::Front, None) => Some(s.keys.front.clone()),
            (Class::Case, None) => s.keys.case.clone(),
            (Class::Case | Class::Medical, Some(case)) => {
                if entry.class == Class::Medical && s.keys.medical.is_none() {
                    return Ok(None);
                }
                if s.keys.case.is_none() {
                    return Ok(None);
                }
                self.case_key(s, case)?
            }
            _ => return Err(StoreError::Rule(super::rule::Rule::SyncWrongClass)),
        })
    }

    /// Opens an entry's body with `key`; `None` when it does not decrypt.
    pub fn open_entry(entry: &ChangeEntry, key: &Key) -> Option<ChangeBody> {
        let plain = zeroize::Zeroizing::new(crypto::open(key, &entry.header_aad(), &entry.body)?);
        codec::from_bytes(&plain, "changelog").ok()
    }

    /// The merge state of a record and its fields as shown (with the
    /// deletion as [`crate::store::merge::DELETED`]).
    pub fn merge_state(&self, tree: &str, key: &[u8]) -> Result<Option<(MergeState, crate::store::merge::Json)>> {
        let kind = super::kinds::by_tree(tree).ok_or(StoreError::NotFound("record"))?;
        self.authorize(Act::View, super::record::data_class(kind.class))?;
        let session = self.session()?;
        let k = self.key_for(session, kind.class, key)?;
        let Some(raw) = self.tree(kind.tree).get(key)? else { return Ok(None) };
        let (meta, mut fields) = (kind.open)(&k, kind.tree.name(), key, &raw)?;
        fields.insert(
            crate::store::merge::DELETED.into(),
            serde_json::to_value(&meta.deleted).unwrap_or(serde_json::Value::Null),
        );
        let mk = history_prefix(kind.tree, key);
        let state = match self.tree(TreeId::Merge).get(&mk)? {
            Some(raw) => codec::open(&k, TreeId::Merge.name(), &mk, &raw)?,
            None => return Ok(None),
        };
        Ok(Some((state, fields)))
    }

    /// The records with an open conflict: (tree name, key).
    pub fn conflict_set(&self) -> Result<super::apply::ConflictSet> {
        Ok(self.sync_get(super::apply::CONFLICTS_KEY)?.unwrap_or_default())
    }

    /// This installation's public key (its key is created if needed).
    pub fn installation_public(&self) -> Result<[u8; 32]> {
        if let Some(k) = self.cached_install_key(self.header().installation) {
            return Ok(k.public());
        }
        self.commit(AuditEntry::new(AuditAction::Update, "installation").summary("signing key"), |tx| {
            Ok(tx.install_key()?.public())
        })
    }

    /// Signs with this installation's key (checkpoints, bundles).
    pub fn sign_as_installation(&self, parts: &[&[u8]]) -> Result<Vec<u8>> {
        self.installation_public()?;
        let k = self.cached_install_key(self.header().installation).ok_or(StoreError::Forbidden("not logged in"))?;
        Ok(k.sign(parts).to_vec())
    }

    /// Enrols this installation in the roster under `name` (managers).
    pub fn enrol_self(&self, name: &str) -> Result<SignedStatement> {
        let key = self.roster_key()?;
        let public = self.installation_public()?;
        let centre = self.header().centre_id;
        let st = SignedStatement::sign(
            &centre,
            Statement::Enrol { installation: self.header().installation, public, name: name.to_string() },
            &self.session()?.username,
            self.now().timestamp_millis(),
            &key,
        );
        self.add_statements(std::slice::from_ref(&st), "enrol")?;
        Ok(st)
    }

    /// Revokes an installation after its change `after_seq` (managers).
    pub fn revoke(&self, installation: [u8; 16], after_seq: u64) -> Result<SignedStatement> {
        let key = self.roster_key()?;
        let st = SignedStatement::sign(
            &self.header().centre_id,
            Statement::Revoke { installation, after_seq },
            &self.session()?.username,
            self.now().timestamp_millis(),
            &key,
        );
        self.add_statements(std::slice::from_ref(&st), "revoke")?;
        Ok(st)
    }

    /// Adds roster statements received (only validly signed ones count);
    /// returns how many were new.
    pub fn add_statements(&self, statements: &[SignedStatement], why: &str) -> Result<usize> {
        let mut roster = self.roster()?;
        let centre = self.header().centre_id;
        let added = statements.iter().filter(|s| roster.add(&centre, (*s).clone())).count();
        if added == 0 {
            return Ok(0);
        }
        self.commit(
            AuditEntry::new(AuditAction::Update, "roster").summary(format!("{why}: {added} statement(s)")),
            |tx| tx.sync_put(ROSTER_KEY, &roster),
        )?;
        Ok(added)
    }

    /// Makes this laptop a new installation: a new id and signing key,
    /// enrolled by the manager logged in. The entries of the old identity up
    /// to `keep` stay (as the old installation's, identical elsewhere); the
    /// changes made here after them are issued again under the new identity,
    /// so nothing done on this laptop is lost and no sequence is reused.
    pub fn reenrol(&mut self, name: &str, keep: u64) -> Result<ReEnrolled> {
        let roster_key = self.roster_key()?;
        if !self.session()?.holds_case_key() {
            return Err(StoreError::Forbidden("case files"));
        }
        let old = self.header().installation;
        let (head, _) = self.own_head()?;
        let keep = keep.min(head);
        let kept = self.own_entries(1, usize::MAX)?;
        let mut bodies: Vec<(ChangeEntry, ChangeBody)> = Vec::new();
        for e in kept.iter().filter(|e| e.seq > keep) {
            let key = self.entry_key(e)?.ok_or(StoreError::NotFound("case key"))?;
            let body = Store::open_entry(e, &key).ok_or(StoreError::Corrupt { tree: "changelog" })?;
            bodies.push((e.clone(), body));
        }
        let new_id = crypto::random16()?;
        let mut header = self.header().clone();
        header.installation = new_id;
        header.write(self.dir())?;
        self.replace_header(header);
        let entry = AuditEntry::new(AuditAction::Update, "installation")
            .summary(format!("re-enrolled: kept {keep}, issued {} again", bodies.len()));
        let user = self.session()?.username.clone();
        let now_ms = self.now().timestamp_millis();
        let centre = self.header().centre_id;
        let name = name.to_string();
        let report = self.commit(entry, |tx| {
            // The old identity's entries become another installation's.
            for e in kept.iter().filter(|e| e.seq <= keep) {
                tx.store_envelope(e)?;
            }
            for e in &kept {
                tx.remove_raw(TreeId::ChangeLog, &e.seq.to_be_bytes())?;
            }
            tx.restart_log()?;
            let public = tx.install_key()?.public();
            let st = SignedStatement::sign(
                &centre,
                Statement::Enrol { installation: new_id, public, name: name.clone() },
                &user,
                now_ms,
                &roster_key,
            );
            let mut roster: Roster = tx.sync_get(ROSTER_KEY)?.unwrap_or_default();
            roster.add(&centre, st);
            tx.sync_put(ROSTER_KEY, &roster)?;
            let mut renamed = Vec::new();
            for (i, (e, body)) in bodies.iter().enumerate() {
                let new_dot = Dot { inst: new_id, seq: i as u64 + 1 };
                renamed.push((e.dot(), new_dot));
                tx.reissue(e, body.clone())?;
            }
            tx.rename_dots(&bodies, &renamed)?;
            Ok(ReEnrolled { old, new: new_id, kept: keep, reissued: bodies.len() as u64 })
        })?;
        Ok(report)
    }
}

/// What a re-enrolment did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReEnrolled {
    /// The identity left behind.
    pub old: [u8; 16],
    /// The new one.
    pub new: [u8; 16],
    /// Entries of the old identity kept.
    pub kept: u64,
    /// Changes issued again under the new identity.
    pub reissued: u64,
}

impl<'a> Tx<'a> {
    /// Writes a sealed value of the sync tree.
    pub fn sync_put<T: Serialize>(&mut self, name: &[u8], v: &T) -> Result<()> {
        let k = self.session.keys.audit.clone();
        let sealed = codec::seal(&k, Class::Audit, TreeId::Sync.name(), name, v)?;
        self.tput(TreeId::Sync, name, sealed)
    }

    /// Reads a sealed value of the sync tree as this save sees it.
    pub fn sync_get<T: DeserializeOwned>(&mut self, name: &[u8]) -> Result<Option<T>> {
        let k = self.session.keys.audit.clone();
        match self.tget(TreeId::Sync, name)? {
            Some(raw) => codec::open(&k, TreeId::Sync.name(), name, &raw).map(Some),
            None => Ok(None),
        }
    }

    /// Removes a value of the sync tree.
    pub fn sync_remove(&mut self, name: &[u8]) -> Result<()> {
        self.tremove(TreeId::Sync, name)
    }

    /// Keeps another installation's entry (verified by the caller).
    pub fn store_envelope(&mut self, e: &ChangeEntry) -> Result<()> {
        self.tput(TreeId::Envelopes, &envelope_key(&e.installation, e.seq), codec::to_bytes(e)?)
    }

    /// Enrols this installation at the centre's creation, signed with the
    /// roster key the creating manager holds.
    pub(crate) fn init_roster(&mut self, name: &str) -> Result<()> {
        let Some(seed) = self.session.keys.roster.clone() else { return Ok(()) };
        let key = SigningKey::from_seed(seed.as_bytes());
        let public = self.install_key()?.public();
        let centre = self.base.header.centre_id;
        let st = SignedStatement::sign(
            &centre,
            Statement::Enrol { installation: self.base.header.installation, public, name: name.to_string() },
            &self.session.username,
            self.now.timestamp_millis(),
            &key,
        );
        let mut roster = Roster { anchor: key.public(), statements: Vec::new() };
        roster.add(&centre, st);
        self.sync_put(ROSTER_KEY, &roster)
    }

    /// Queues a change made under the old identity again, under the new one.
    fn reissue(&mut self, old: &ChangeEntry, body: ChangeBody) -> Result<()> {
        self.changes.push(super::tx::PendingChange { class: old.class, key_case: old.key_case, body, merge: None });
        Ok(())
    }

    /// Renames the dots of re-issued changes in the merge states they touch.
    fn rename_dots(&mut self, bodies: &[(ChangeEntry, ChangeBody)], renamed: &[(Dot, Dot)]) -> Result<()> {
        let mut touched: Vec<(String, Vec<u8>)> = bodies.iter().map(|(_, b)| (b.tree.clone(), b.key.clone())).collect();
        touched.sort();
        touched.dedup();
        let map = |d: &mut Dot| {
            if let Some((_, n)) = renamed.iter().find(|(o, _)| o == d) {
                *d = *n;
            }
        };
        for (tree, key) in touched {
            let Some(kind) = super::kinds::by_tree(&tree) else { continue };
            let k = self.key_for(kind.class, &key, false)?;
            let Some(mut s): Option<MergeState> = self.load_merge(&k, kind.tree, &key)? else { continue };
            if let Some(o) = s.origin.as_mut() {
                map(&mut o.dot);
            }
            for f in s.fields.values_mut() {
                for v in f.values.iter_mut().chain(f.past.iter_mut()) {
                    map(&mut v.dot);
                    v.base.iter_mut().for_each(map);
                }
                f.dead.iter_mut().for_each(map);
                f.dead.sort();
                f.values.sort_by_key(|v| v.dot);
            }
            let mk = history_prefix(kind.tree, &key);
            self.tput(TreeId::Merge, &mk, codec::seal(&k, kind.class, TreeId::Merge.name(), &mk, &s)?)?;
        }
        // The bases inside the re-issued bodies name the old dots too.
        for ch in self.changes.iter_mut() {
            for f in ch.body.fields.iter_mut() {
                f.base.iter_mut().for_each(map);
            }
        }
        Ok(())
    }
}
