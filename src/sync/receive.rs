//! The one path every change from another laptop takes, from the hub or a
//! bundle alike: verify → store → apply, in one transaction per batch with
//! its history and one audit event. What fails verification is quarantined
//! and raises an alarm; what this session cannot decrypt waits, stored, for
//! a session that can; nothing local is ever overwritten without a trace.

use std::cell::RefCell;

use super::indexes;
use super::state::{AlarmKind, MAX_QUARANTINE, QUARANTINE_PREFIX, Quarantined, STATE_KEY, Source, SyncState};
use super::verify::{Finding, verify};
use crate::store::apply::Applied;
use crate::store::changelog::{ChangeBody, ChangeEntry, WHOLE_RECORD};
use crate::store::erase::EraseOrder;
use crate::store::{AuditAction, AuditEntry, Store, StoreError, codec, kinds};

/// What receiving a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received {
    /// Changes verified and stored.
    pub accepted: usize,
    /// Records changed by them.
    pub applied: usize,
    /// Repetitions and replays (harmless).
    pub repeated: usize,
    /// Stored, waiting for a session (or a case key) that can read them.
    pub pending: usize,
    /// Left for later: an earlier change of their laptop is missing here.
    pub waiting: usize,
    /// Set aside with an alarm.
    pub rejected: usize,
    /// Cases erased by order of another laptop.
    pub erased: usize,
    /// Records that now have a conflict.
    pub conflicts: usize,
}

impl Received {
    /// Adds another batch's counts.
    pub fn add(&mut self, o: Received) {
        self.accepted += o.accepted;
        self.applied += o.applied;
        self.repeated += o.repeated;
        self.pending += o.pending;
        self.waiting += o.waiting;
        self.rejected += o.rejected;
        self.erased += o.erased;
        self.conflicts += o.conflicts;
    }
}

/// Raises the alarm for a finding and keeps the offending bytes aside.
pub fn quarantine(
    store: &Store,
    state: &mut SyncState,
    kind: AlarmKind,
    inst: [u8; 16],
    seq: u64,
    source: Source,
    bytes: &[u8],
) {
    let now = store.now().timestamp_millis();
    if !state.alarm(now, kind, inst, seq, source) {
        return;
    }
    state.quarantined += 1;
    let n = state.quarantined;
    let item = Quarantined { at_ms: now, kind, source, bytes: bytes.iter().take(64 * 1024).copied().collect() };
    let mut key = QUARANTINE_PREFIX.to_vec();
    key.extend_from_slice(&(n % MAX_QUARANTINE).to_be_bytes());
    let _ = store.sync_set(&key, &item);
}

/// Whether a change concerns a record of an erased case (dropped).
fn about_erased(
    body: &ChangeBody,
    erased: &std::collections::BTreeSet<[u8; 16]>,
    gone: &std::collections::HashSet<(String, Vec<u8>)>,
) -> bool {
    if erased.is_empty() {
        return false;
    }
    if gone.contains(&(body.tree.clone(), body.key.clone())) {
        return true;
    }
    if body.key.get(..16).and_then(|k| <[u8; 16]>::try_from(k).ok()).is_some_and(|c| erased.contains(&c)) {
        return true;
    }
    // A front record (service, stay, pickup) that names an erased case.
    let Some(kind) = kinds::by_tree(&body.tree) else { return false };
    body.fields.iter().any(|f| {
        let case = if f.name == WHOLE_RECORD {
            (kind.whole)(&f.value).ok().and_then(|m| m.get("case_id").cloned())
        } else if f.name == "case_id" {
            serde_json::from_slice(&f.value).ok()
        } else {
            None
        };
        case.and_then(|v| serde_json::from_value::<crate::domain::ids::CaseId>(v).ok())
            .is_some_and(|c| erased.contains(c.as_bytes()))
    })
}

/// Key of the changes that arrived ahead of a missing one.
const WAITING_KEY: &[u8] = b"waiting";
/// Most changes kept waiting for a gap to fill.
const MAX_WAITING: usize = 50_000;

/// Verifies, stores and applies a batch of changes of other installations.
/// Changes that arrive ahead of a missing one are kept (unverified) and
/// tried again with every later batch, so any order of arrival ends the same.
pub fn receive(
    store: &mut Store,
    state: &mut SyncState,
    entries: Vec<ChangeEntry>,
    source: Source,
) -> Result<Received, StoreError> {
    let mut out = Received::default();
    if entries.is_empty() {
        return Ok(out);
    }
    let mut entries = entries;
    let waiting_before: Vec<ChangeEntry> = store.sync_get(WAITING_KEY)?.unwrap_or_default();
    let had_waiting = !waiting_before.is_empty();
    entries.extend(waiting_before);
    let roster = store.roster()?;
    let centre = store.header().centre_id;
    let me = store.header().installation;
    let (my_head, _) = store.own_head()?;
    let mut heads = state.heads.clone();
    let held = |inst: &[u8; 16], seq: u64| store.held_entry(inst, seq).ok().flatten().map(|e| e.hash());
    let verified = verify(&roster, &centre, &me, my_head, &mut heads, &held, entries);
    out.repeated = verified.repeated;
    out.waiting = verified.waiting;
    let mut held_back = verified.held_back.clone();
    held_back.sort_by_key(|e| (e.installation, e.seq));
    held_back.dedup_by(|a, b| a.installation == b.installation && a.seq == b.seq && a.hash() == b.hash());
    held_back.truncate(MAX_WAITING);
    if had_waiting || !held_back.is_empty() {
        store.sync_set(WAITING_KEY, &held_back)?;
    }
    for Finding { kind, entry } in &verified.findings {
        if *kind == AlarmKind::Gap && source == Source::Bundle {
            // A bundle made with --since: the earlier changes come another way.
            out.waiting += 1;
            continue;
        }
        out.rejected += 1;
        let bytes = codec::to_bytes(entry).unwrap_or_default();
        quarantine(store, state, *kind, entry.installation, entry.seq, source, &bytes);
    }
    let now = store.now().timestamp_millis();
    let erased = store.erased_cases()?;
    let gone = store.erased_records()?;
    // Decrypt what this session can; the rest is stored and waits.
    let mut to_store: Vec<ChangeEntry> = Vec::new();
    let mut to_apply: Vec<(ChangeEntry, ChangeBody)> = Vec::new();
    let mut pending: Vec<([u8; 16], u64)> = Vec::new();
    let mut undecryptable: Vec<ChangeEntry> = Vec::new();
    // Case keys handed out in this very batch open the records after them.
    let mut batch_keys: std::collections::HashMap<[u8; 16], crate::store::crypto::Key> = Default::default();
    for e in verified.accepted.iter().filter(|e| e.class == crate::store::codec::Class::Case && e.key_case.is_none()) {
        if let Ok(Some(k)) = store.entry_key(e)
            && let Some(b) = Store::open_entry(e, &k)
            && b.tree == crate::store::changelog::CASE_KEY_TREE
            && let (Ok(case), Some(raw)) = (<[u8; 16]>::try_from(b.key.as_slice()), b.fields.first())
            && let Ok(bytes) = <[u8; 32]>::try_from(raw.value.as_slice())
        {
            batch_keys.insert(case, crate::store::crypto::Key::from_bytes(bytes));
        }
    }
    for e in verified.accepted {
        state.heard.insert(e.installation, now);
        if e.is_redacted() {
            to_store.push(e);
            continue;
        }
        let key = match store.entry_key(&e) {
            Ok(None) | Err(StoreError::NotFound(_)) if store.session()?.holds_case_key() => {
                Ok(e.key_case.and_then(|c| batch_keys.get(&c).cloned()))
            }
            other => other,
        };
        match key {
            Ok(Some(k)) => match Store::open_entry(&e, &k) {
                Some(body) if about_erased(&body, &erased, &gone) => {
                    let mut r = e.clone();
                    r.body.clear();
                    to_store.push(r);
                }
                Some(body) => {
                    to_store.push(e.clone());
                    to_apply.push((e, body));
                }
                None => {
                    to_store.push(e.clone());
                    undecryptable.push(e);
                }
            },
            Ok(None) | Err(StoreError::NotFound(_)) => {
                pending.push((e.installation, e.seq));
                to_store.push(e);
            }
            Err(err) => return Err(err),
        }
    }
    out.accepted = to_store.len();
    for e in &undecryptable {
        let bytes = codec::to_bytes(e).unwrap_or_default();
        quarantine(store, state, AlarmKind::Undecryptable, e.installation, e.seq, source, &bytes);
    }
    state.heads = heads;
    state.pending.extend(pending.iter().copied());
    out.pending = pending.len();
    let (applied, orders) = apply_batch(store, state, &to_store, &to_apply, source)?;
    out.applied = applied.0;
    out.conflicts = applied.1;
    out.rejected += applied.2;
    out.erased = carry_out_erasures(store, state, orders, source)?;
    Ok(out)
}

type Counts = (usize, usize, usize);
/// Erase orders found in a batch, with the change that carried each.
type Orders = Vec<(ChangeEntry, Vec<u8>)>;

thread_local! {
    static CRASH_AFTER: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Fault injection for the seeded simulation: the next batch on this
/// thread fails after `n` records, as if the laptop died mid-apply. The
/// batch is one transaction, so nothing of it may remain. `None` disarms it.
pub fn crash_next_apply_after(n: Option<usize>) {
    CRASH_AFTER.with(|c| c.set(n));
}

/// One transaction: the entries stored, the bodies applied (with history,
/// indexes and merge state), the state saved, one audit event.
fn apply_batch(
    store: &Store,
    state: &mut SyncState,
    to_store: &[ChangeEntry],
    to_apply: &[(ChangeEntry, ChangeBody)],
    source: Source,
) -> Result<(Counts, Orders), StoreError> {
    let refused: RefCell<Vec<ChangeEntry>> = RefCell::new(Vec::new());
    let orders: RefCell<Vec<(ChangeEntry, Vec<u8>)>> = RefCell::new(Vec::new());
    let counts: RefCell<Counts> = RefCell::new((0, 0, 0));
    let from = match source {
        Source::Hub => "hub",
        Source::Bundle => "bundle",
    };
    let summary = format!("{} changes from the {from}, {} to apply", to_store.len(), to_apply.len());
    let snapshot = state.clone();
    store.commit(AuditEntry::new(AuditAction::Import, "sync").summary(summary), |tx| {
        refused.borrow_mut().clear();
        orders.borrow_mut().clear();
        *counts.borrow_mut() = (0, 0, 0);
        for e in to_store {
            tx.store_envelope(e)?;
        }
        let crash = CRASH_AFTER.with(|c| c.take());
        for (i, (e, body)) in to_apply.iter().enumerate() {
            if crash.is_some_and(|n| i >= n) {
                return Err(StoreError::Io("crash injected mid-apply".into()));
            }
            match tx.apply_remote(e, body) {
                Ok(Applied::Record(tree, key, conflict)) => {
                    indexes::after_apply(tx, &tree, &key)?;
                    let mut c = counts.borrow_mut();
                    c.0 += 1;
                    if conflict {
                        c.1 += 1;
                    }
                }
                Ok(Applied::Erase(_, payload)) => orders.borrow_mut().push((e.clone(), payload)),
                Ok(Applied::CaseKey | Applied::Unchanged) => {}
                Err(StoreError::Rule(_)) | Err(StoreError::Corrupt { .. }) => refused.borrow_mut().push(e.clone()),
                Err(other) => return Err(other),
            }
        }
        tx.sync_put(STATE_KEY, &snapshot)
    })?;
    let refused = refused.into_inner();
    let mut counts = counts.into_inner();
    counts.2 = refused.len();
    for e in &refused {
        let bytes = codec::to_bytes(e).unwrap_or_default();
        quarantine(store, state, AlarmKind::Refused, e.installation, e.seq, source, &bytes);
    }
    save(store, state)?;
    Ok((counts, orders.into_inner()))
}

/// Erasures ordered by other laptops: carried out when a manager's roster
/// signature covers them, refused with an alarm otherwise.
fn carry_out_erasures(
    store: &mut Store,
    state: &mut SyncState,
    orders: Vec<(ChangeEntry, Vec<u8>)>,
    source: Source,
) -> Result<usize, StoreError> {
    let mut n = 0;
    let anchor = store.roster()?.anchor;
    let centre = store.header().centre_id;
    for (e, payload) in orders {
        let order: Option<EraseOrder> = codec::from_bytes(&payload, "erase").ok();
        match order {
            Some(o) if crate::store::crypto::verify_signature(&anchor, &[&o.message(&centre)], &o.sig) => {
                // Every laptop that carries out an erasure notes what it
                // emptied for `hub tidy`, so that the hub is cleaned even
                // if the laptop that ordered it never runs tidy again.
                let hub = super::setup::config(store)?.is_some();
                let before = if hub { super::erasure::redacted_dots(store)? } else { Default::default() };
                store.erase_ordered(&o)?;
                if hub {
                    super::erasure::note(store, &o.case, &before)?;
                }
                n += 1;
            }
            _ => {
                let bytes = codec::to_bytes(&e).unwrap_or_default();
                quarantine(store, state, AlarmKind::Refused, e.installation, e.seq, source, &bytes);
            }
        }
    }
    Ok(n)
}

/// Applies the stored changes this session can now read (a case worker
/// logs in on a reception laptop; a case's key arrives after its records).
pub fn retry_pending(store: &mut Store, state: &mut SyncState) -> Result<usize, StoreError> {
    if state.pending.is_empty() {
        return Ok(0);
    }
    let erased = store.erased_cases()?;
    let gone = store.erased_records()?;
    let mut total = 0;
    // Case keys first: the records after them need them.
    for keys_only in [true, false] {
        let mut ready: Vec<(ChangeEntry, ChangeBody)> = Vec::new();
        let mut still: Vec<([u8; 16], u64)> = Vec::new();
        let mut waiting = state.pending.clone();
        waiting.sort();
        waiting.dedup();
        for (inst, seq) in waiting {
            let Some(e) = store.held_entry(&inst, seq)? else { continue };
            if e.is_redacted() {
                continue;
            }
            match store.entry_key(&e) {
                Ok(Some(k)) => match Store::open_entry(&e, &k) {
                    Some(b) if about_erased(&b, &erased, &gone) => {}
                    Some(b) if keys_only && b.tree != crate::store::changelog::CASE_KEY_TREE => still.push((inst, seq)),
                    Some(b) => ready.push((e, b)),
                    None => {}
                },
                _ => still.push((inst, seq)),
            }
        }
        state.pending = still;
        if !ready.is_empty() {
            total += ready.len();
            let (_, orders) = apply_batch(store, state, &[], &ready, Source::Hub)?;
            carry_out_erasures(store, state, orders, Source::Hub)?;
        }
    }
    save(store, state)?;
    Ok(total)
}

/// Saves the state (bookkeeping, not an action: no audit event).
pub fn save(store: &Store, state: &SyncState) -> Result<(), StoreError> {
    store.sync_set(STATE_KEY, state)?;
    store.sync_set(super::state::EXTRA_KEY, &state.extra)
}
