//! The provider and note of medical care and psychological support items
//! are medical data (`domain::service_detail`). A centre written before kept
//! them inside the service item, sealed under the front key that every role
//! holds, in the item and in each of its earlier versions. The first session
//! that holds the medical key moves them into their own medical-class
//! record, scrubs them from the item's history versions and merge state,
//! and leaves a sealed mark so that it is done once. Until then the old
//! values stay where they were.

use super::audit::{AuditAction, AuditEntry};
use super::codec::{self, Class};
use super::db::{Store, history_prefix};
use super::error::Result;
use super::merge::MergeState;
use super::record::{Record, Stored};
use super::rows::Rows;
use super::trees::TreeId;
use crate::domain::service::{Provider, ServiceItem};
use crate::domain::service_detail::{ServiceDetail, holds_detail, kept_apart, split, without_detail};

/// Present (sealed) in the index tree once no service item of the centre
/// keeps a medical provider or note under the front key.
const DETAIL_APART: &[u8] = b"layout\0service_detail_apart";

/// The item fields that are medical data on medical and psychological items.
const DETAIL_FIELDS: [&str; 2] = ["provider", "note"];

/// What the move did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MovedApart {
    /// Items whose provider or note went into their own record.
    pub items: usize,
    /// Earlier versions and merge states rewritten without them.
    pub versions: usize,
}

/// Blanks the provider and note values a merge state keeps side by side;
/// says whether it changed anything.
fn scrub_merge(state: &mut MergeState) -> bool {
    let blank = |name: &str| -> Vec<u8> {
        let v = if name == "provider" {
            serde_json::to_value(Provider::Internal).unwrap_or_default()
        } else {
            serde_json::Value::String(String::new())
        };
        v.to_string().into_bytes()
    };
    let mut changed = false;
    for name in DETAIL_FIELDS {
        let Some(field) = state.fields.get_mut(name) else { continue };
        let b = blank(name);
        for v in field.values.iter_mut().chain(field.past.iter_mut()) {
            if v.json.as_ref().is_some_and(|j| *j != b) {
                v.json = Some(b.clone());
                changed = true;
            }
        }
    }
    if changed {
        let fields = &state.fields;
        state
            .conflicts
            .retain(|c| !DETAIL_FIELDS.contains(&c.as_str()) || fields.get(c).is_some_and(|f| f.in_conflict()));
    }
    changed
}

impl Store {
    /// Whether this centre keeps no medical provider or note in a service item.
    pub fn service_detail_apart(&self) -> Result<bool> {
        Ok(self.tree(TreeId::Index).contains_key(DETAIL_APART)?)
    }

    /// Moves the medical provider and note of every service item into its
    /// own record and out of the item's history, once, when the session
    /// holds the medical key; `None` when there was nothing to do.
    pub fn move_service_detail_apart(&self) -> Result<Option<MovedApart>> {
        let session = self.session()?;
        if session.keys.medical.is_none() || session.keys.case.is_none() || self.service_detail_apart()? {
            return Ok(None);
        }
        let front = session.keys.front.clone();
        let items: Vec<Stored<ServiceItem>> =
            self.scan::<ServiceItem>()?.into_iter().filter(|s| kept_apart(&s.body)).collect();
        let moving: Vec<Vec<u8>> = items.iter().filter(|s| holds_detail(&s.body)).map(|s| s.body.key()).collect();
        let mut moved = MovedApart::default();
        if !moving.is_empty() {
            let entry = AuditEntry::new(AuditAction::Update, ServiceDetail::KIND)
                .summary(format!("{} service items: medical detail moved apart", moving.len()));
            moved.items = self.commit(entry, |tx| {
                let mut n = 0;
                for key in &moving {
                    let Some(cur) = tx.get::<ServiceItem>(key)? else { continue };
                    let (bare, Some(detail)) = split(&cur.body) else { continue };
                    if !holds_detail(&cur.body) {
                        continue;
                    }
                    // A detail already written by this version is newer.
                    if tx.get::<ServiceDetail>(&detail.key())?.is_none() {
                        tx.put(detail)?;
                    }
                    tx.put(bare)?;
                    n += 1;
                }
                Ok(n)
            })?;
        }
        // Every earlier version (those the move just made included) and the
        // values the merge state keeps, rewritten without them.
        let mut rewrites: Vec<(TreeId, Vec<u8>, Vec<u8>)> = Vec::new();
        for s in &items {
            let prefix = history_prefix(TreeId::Services, &s.body.key());
            for row in Rows::of(self.tree(TreeId::History).scan_prefix(&prefix), TreeId::History.name()) {
                let (hk, raw) = row?;
                let old: Stored<ServiceItem> = codec::open(&front, TreeId::History.name(), &hk, &raw)?;
                if holds_detail(&old.body) {
                    let bare = Stored { meta: old.meta, body: without_detail(old.body) };
                    let sealed = codec::seal(&front, Class::Front, TreeId::History.name(), &hk, &bare)?;
                    rewrites.push((TreeId::History, hk.to_vec(), sealed));
                }
            }
            if let Some(raw) = self.tree(TreeId::Merge).get(&prefix)? {
                let mut state: MergeState = codec::open(&front, TreeId::Merge.name(), &prefix, &raw)?;
                if scrub_merge(&mut state) {
                    let sealed = codec::seal(&front, Class::Front, TreeId::Merge.name(), &prefix, &state)?;
                    rewrites.push((TreeId::Merge, prefix.clone(), sealed));
                }
            }
        }
        moved.versions = rewrites.len();
        let mark = codec::seal(&front, Class::Front, TreeId::Index.name(), DETAIL_APART, &1u32)?;
        let entry = AuditEntry::new(AuditAction::Update, ServiceDetail::KIND)
            .summary(format!("{} earlier versions without medical detail", rewrites.len()));
        self.commit(entry, |tx| {
            for (t, k, v) in &rewrites {
                tx.put_raw(*t, k, v.clone())?;
            }
            tx.put_raw(TreeId::Index, DETAIL_APART, mark.clone())
        })?;
        Ok(Some(moved))
    }
}

impl super::tx::Tx<'_> {
    /// Marks a new centre as keeping medical detail apart from the start.
    pub(crate) fn promise_detail_apart(&mut self) -> Result<()> {
        let v = codec::seal(&self.session.keys.front, Class::Front, TreeId::Index.name(), DETAIL_APART, &1u32)?;
        self.put_raw(TreeId::Index, DETAIL_APART, v)
    }
}

impl Store {
    /// At a login: the move, then the database rewritten so that no
    /// superseded copy stays in its files. A failure leaves the mark unset,
    /// so the next session holding the medical key tries again.
    pub(crate) fn detail_apart_at_login(&mut self) {
        match self.move_service_detail_apart() {
            Ok(Some(m)) if m.items + m.versions > 0 => {
                if let Err(e) = self.vacuum() {
                    tracing::warn!(error = %e, "database not rewritten after moving medical detail apart");
                }
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "medical detail of service items not moved apart"),
        }
    }
}
