//! Conflicts as people see them: which records have one, and for each
//! field the values side by side with their laptop, user and time, and the
//! common base they both replaced. Choosing a value (or typing a new one)
//! writes a value whose base covers them all, which closes the conflict
//! here and on every laptop once synced.

use std::cell::RefCell;

use chrono::{DateTime, Utc};

use crate::store::apply::ConflictSet;
use crate::store::merge::{DELETED, Dot, Value};
use crate::store::roster::Roster;
use crate::store::{AuditAction, AuditEntry, Store, StoreError};

thread_local! {
    static CACHE: RefCell<Option<(std::path::PathBuf, u64, ConflictSet)>> = const { RefCell::new(None) };
}

/// The records with an open conflict (cached until the next save).
pub fn open_set(store: &Store) -> ConflictSet {
    let dir = store.dir().to_path_buf();
    let generation = store.generation();
    CACHE.with(|c| {
        if let Some((d, g, set)) = c.borrow().as_ref()
            && *d == dir
            && *g == generation
        {
            return set.clone();
        }
        let set = store.conflict_set().unwrap_or_default();
        *c.borrow_mut() = Some((dir, generation, set.clone()));
        set
    })
}

/// Whether the record stored under `key` (in any tree) has an open conflict:
/// the badge on boards and lists.
pub fn has_conflict(store: &Store, key: &[u8]) -> bool {
    open_set(store).iter().any(|(_, k)| k.as_slice() == key)
}

/// How many records have an open conflict (the dashboard's count).
pub fn count(store: &Store) -> usize {
    open_set(store).len()
}

/// One value of a conflicting field, for the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The laptop's name.
    pub laptop: String,
    /// Who wrote it.
    pub user: String,
    /// When (the writer's clock).
    pub at: DateTime<Utc>,
    /// The value.
    pub value: serde_json::Value,
    /// Its dot.
    pub dot: Dot,
}

/// One field in conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// Field name ([`DELETED`] for "deleted here, edited there").
    pub field: String,
    /// The values side by side, the one shown by default first.
    pub values: Vec<Shown>,
    /// The value they both replaced, when it is still known.
    pub base: Option<Shown>,
}

fn shown(roster: &Roster, v: &Value, fallback: &serde_json::Value) -> Shown {
    let value = v.json.as_ref().and_then(|j| serde_json::from_slice(j).ok()).unwrap_or_else(|| fallback.clone());
    Shown {
        laptop: roster.name_of(&v.dot.inst),
        user: v.user.clone(),
        at: DateTime::from_timestamp_millis(i64::try_from(v.hlc.ms).unwrap_or(0)).unwrap_or_default(),
        value,
        dot: v.dot,
    }
}

/// The conflicting fields of one record.
pub fn detail(store: &Store, tree: &str, key: &[u8]) -> Result<Vec<FieldConflict>, StoreError> {
    let Some((state, record)) = store.merge_state(tree, key)? else { return Ok(Vec::new()) };
    let roster = store.roster()?;
    let mut out = Vec::new();
    for name in &state.conflicts {
        let Some(f) = state.fields.get(name) else { continue };
        let current = record.get(name.as_str()).cloned().unwrap_or(serde_json::Value::Null);
        let mut values: Vec<&Value> = f.values.iter().collect();
        values.sort_by_key(|v| std::cmp::Reverse((v.hlc, v.dot)));
        let values: Vec<Shown> = values.into_iter().map(|v| shown(&roster, v, &current)).collect();
        // The common base: a superseded value every live one replaced.
        let common = f
            .past
            .iter()
            .find(|p| f.values.iter().all(|v| v.base.contains(&p.dot)))
            .or_else(|| f.past.iter().find(|p| f.values.iter().any(|v| v.base.contains(&p.dot))));
        let base = common.map(|p| shown(&roster, p, &serde_json::Value::Null));
        out.push(FieldConflict { field: name.clone(), values, base });
    }
    if state.conflicts.iter().any(|c| c == DELETED) && !out.iter().any(|f| f.field == DELETED) {
        let current = record.get(DELETED).cloned().unwrap_or(serde_json::Value::Null);
        if let Some(f) = state.fields.get(DELETED) {
            let values = f.values.iter().map(|v| shown(&roster, v, &current)).collect();
            out.push(FieldConflict { field: DELETED.to_string(), values, base: None });
        }
    }
    Ok(out)
}

/// Closes the conflict on `field` with `value` (one of the values shown,
/// or a new one): one save, one audit event.
pub fn resolve(
    store: &Store,
    tree: &str,
    key: &[u8],
    field: &str,
    value: &serde_json::Value,
) -> Result<(), StoreError> {
    let mut entry = AuditEntry::new(AuditAction::Update, "conflict").summary(format!("{tree}.{field} resolved"));
    if let Some(id) = key.len().checked_sub(16).and_then(|at| key.get(at..)).and_then(|b| <[u8; 16]>::try_from(b).ok())
    {
        entry = entry.id(id);
    }
    store.commit(entry, |tx| tx.resolve_field(tree, key, field, value))
}

/// The badge a board or list puts before a record with an open conflict
/// ("" when none of `keys` has one, or there is no store).
pub fn badge(store: Result<&Store, StoreError>, keys: &[&[u8]]) -> &'static str {
    match store {
        Ok(s) if keys.iter().any(|k| has_conflict(s, k)) => "≠ ",
        _ => "",
    }
}
