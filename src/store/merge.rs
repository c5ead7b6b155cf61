//! The per-field merge of docs/SYNC.md, as pure data: a field holds a set of
//! values, each stamped with its *dot* (installation, sequence) and the
//! *base* — the dots of the values its editor saw. An incoming value removes
//! the values whose dots are in its base and is otherwise kept beside them.
//!
//! The state after any set of values is `{values received} − {dots named in
//! any base}`: it does not depend on the order or on repetitions, so every
//! laptop that has received the same changes holds the same state. Two or
//! more distinct values left in a field are a conflict, shown to people and
//! never resolved by dropping one silently.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::changelog::Hlc;

/// The pseudo-field holding a record's deletion (`null` when not deleted),
/// so that "deleted here, edited there" is a conflict like any other.
pub const DELETED: &str = "~deleted";

/// How many superseded values a field keeps to show as the common base.
const PAST_KEPT: usize = 4;

/// One change's identity: the installation that made it and its sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Dot {
    /// Installation id.
    pub inst: [u8; 16],
    /// Sequence number in that installation's log.
    pub seq: u64,
}

/// One value of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// Who wrote it (installation, sequence).
    pub dot: Dot,
    /// When, by the writer's hybrid clock: the highest is shown by default.
    pub hlc: Hlc,
    /// The writer's username.
    pub user: String,
    /// The value as JSON; `None` while it is the one the record itself holds.
    pub json: Option<Vec<u8>>,
    /// The dots of the values its writer saw and replaced.
    pub base: Vec<Dot>,
}

impl Value {
    fn rank(&self) -> (Hlc, Dot) {
        (self.hlc, self.dot)
    }
}

/// The values of one field that has changed since the record was created.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Live values, ordered by dot.
    pub values: Vec<Value>,
    /// Every dot named in a base (superseded), ordered.
    pub dead: Vec<Dot>,
    /// The most recently superseded values, to show as the common base.
    pub past: Vec<Value>,
}

impl Field {
    /// The value shown by default: the highest clock, then the highest dot.
    pub fn winner(&self) -> Option<&Value> {
        self.values.iter().max_by_key(|v| v.rank())
    }

    /// Offers a value: removes what its base names, keeps it unless it is
    /// already there or already superseded. Returns whether anything changed.
    pub fn offer(&mut self, v: Value) -> bool {
        let mut changed = false;
        for d in &v.base {
            if let Err(at) = self.dead.binary_search(d) {
                self.dead.insert(at, *d);
                changed = true;
            }
            if let Some(i) = self.values.iter().position(|x| x.dot == *d) {
                let gone = self.values.remove(i);
                self.remember(gone);
            }
        }
        let known = self.values.iter().any(|x| x.dot == v.dot) || self.dead.binary_search(&v.dot).is_ok();
        if known {
            if self.dead.binary_search(&v.dot).is_ok() && self.past.iter().all(|p| p.dot != v.dot) {
                self.remember(v);
            }
            return changed;
        }
        let at = self.values.partition_point(|x| x.dot < v.dot);
        self.values.insert(at, v);
        true
    }

    fn remember(&mut self, v: Value) {
        if self.past.iter().any(|p| p.dot == v.dot) {
            return;
        }
        self.past.push(v);
        self.past.sort_by_key(|p| std::cmp::Reverse(p.rank()));
        self.past.truncate(PAST_KEPT);
    }

    /// Whether two or more *different* values are live (equal values written
    /// concurrently are no conflict).
    pub fn in_conflict(&self) -> bool {
        let mut it = self.values.iter().map(|v| v.json.as_deref());
        match it.next() {
            Some(first) => it.any(|j| j != first),
            None => false,
        }
    }
}

/// The merge state of one record: the stamp of its creation (every field
/// nobody has changed since holds that value) and the fields changed since.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MergeState {
    /// The change that created the record, once it is known here.
    pub origin: Option<Value>,
    /// Fields changed since the creation, by name.
    pub fields: BTreeMap<String, Field>,
    /// Fields whose live values differ (and [`DELETED`] for a deletion
    /// concurrent with an edit), computed when the state last changed.
    pub conflicts: Vec<String>,
}

/// A record's fields as JSON, plus its deletion as [`DELETED`].
pub type Json = serde_json::Map<String, serde_json::Value>;

impl MergeState {
    /// The state of a record created by `origin`.
    pub fn created(origin: Value) -> MergeState {
        MergeState { origin: Some(Value { json: None, base: Vec::new(), ..origin }), ..Default::default() }
    }

    /// Forgets the superseded dots of `inst`, this installation. Its own
    /// changes never reach it again from elsewhere (verification counts them
    /// as repetitions), so none of them can come back, and a record edited
    /// here a thousand times keeps a state the size of one edited once,
    /// instead of 24 more bytes to read, decrypt and rewrite at every save.
    pub fn forget_dead_of(&mut self, inst: &[u8; 16]) {
        for f in self.fields.values_mut() {
            f.dead.retain(|d| d.inst != *inst);
        }
    }

    /// Whether any conflict is open.
    pub fn has_conflict(&self) -> bool {
        !self.conflicts.is_empty()
    }

    /// The origin's value of `name`, with the record's JSON (`record` holds
    /// what the record shows now, which for an untouched field is the origin's).
    fn origin_value(&self, name: &str, record: &Json) -> Option<Value> {
        self.origin.as_ref().map(|o| Value {
            json: Some(json_bytes(record.get(name).unwrap_or(&serde_json::Value::Null))),
            base: Vec::new(),
            ..o.clone()
        })
    }

    /// Fills every `None` (the record's own value) from `record`, so values
    /// can be compared and moved.
    pub fn fill(&mut self, record: &Json) {
        for (name, f) in self.fields.iter_mut() {
            let v = record.get(name.as_str()).map(json_bytes).unwrap_or_else(|| b"null".to_vec());
            for x in f.values.iter_mut().filter(|x| x.json.is_none()) {
                x.json = Some(v.clone());
            }
        }
    }

    /// Offers one value to field `name` (the state must be filled). A field
    /// offered for the first time starts from the origin's value.
    pub fn offer(&mut self, name: &str, v: Value, record: &Json) -> bool {
        if !self.fields.contains_key(name) {
            let mut f = Field::default();
            if let Some(o) = self.origin_value(name, record) {
                f.values.push(o);
            }
            self.fields.insert(name.to_string(), f);
        }
        match self.fields.get_mut(name) {
            Some(f) => f.offer(v),
            None => false,
        }
    }

    /// Sets the origin (a creation arriving after changes made on top of it):
    /// every field already changed gets the origin's value offered too.
    pub fn set_origin(&mut self, origin: Value, whole: &Json) -> bool {
        if self.origin.is_some() {
            return false;
        }
        self.origin = Some(Value { json: None, base: Vec::new(), ..origin.clone() });
        for (name, f) in self.fields.iter_mut() {
            let json = whole.get(name.as_str()).map(json_bytes).unwrap_or_else(|| b"null".to_vec());
            f.offer(Value { json: Some(json), base: Vec::new(), ..origin.clone() });
        }
        true
    }

    /// What the record shows: for each changed field its winner; untouched
    /// fields keep `record`'s value. Also recomputes the conflicts and
    /// clears the JSON of winners (the record holds them).
    pub fn settle(&mut self, record: &mut Json) {
        for (name, f) in self.fields.iter_mut() {
            if let Some(w) = f.winner()
                && let Some(j) = &w.json
            {
                let v = serde_json::from_slice(j).unwrap_or(serde_json::Value::Null);
                record.insert(name.clone(), v);
            }
        }
        self.conflicts = self.fields.iter().filter(|(_, f)| f.in_conflict()).map(|(n, _)| n.clone()).collect();
        if self.deletion_conflict(record) && !self.conflicts.iter().any(|c| c == DELETED) {
            self.conflicts.push(DELETED.to_string());
        }
        for f in self.fields.values_mut() {
            let win = f.winner().map(|w| w.dot);
            for x in f.values.iter_mut() {
                if Some(x.dot) == win {
                    x.json = None;
                }
            }
        }
    }

    /// A deletion that won while an edit its writer did not see is live:
    /// the edit would be lost silently, so it is a conflict.
    fn deletion_conflict(&self, record: &Json) -> bool {
        let deleted = record.get(DELETED).is_some_and(|v| !v.is_null());
        if !deleted {
            return false;
        }
        let Some(del) = self.fields.get(DELETED).and_then(|f| f.winner()) else { return false };
        self.fields.iter().filter(|(n, _)| n.as_str() != DELETED).any(|(_, f)| {
            f.values.iter().any(|v| !del.base.contains(&v.dot) && !v.base.contains(&del.dot) && v.dot != del.dot)
        })
    }

    /// The dots of the values currently live in `name` (all of them: what a
    /// resolution covers).
    pub fn live_dots(&self, name: &str) -> Vec<Dot> {
        match self.fields.get(name) {
            Some(f) => f.values.iter().map(|v| v.dot).collect(),
            None => self.origin.iter().map(|o| o.dot).collect(),
        }
    }

    /// The dot of the value shown in `name` (what an ordinary edit replaces).
    pub fn shown_dot(&self, name: &str) -> Option<Dot> {
        match self.fields.get(name) {
            Some(f) => f.winner().map(|w| w.dot),
            None => self.origin.as_ref().map(|o| o.dot),
        }
    }

    /// Every dot live anywhere in the record (what a deletion saw).
    pub fn all_live_dots(&self) -> Vec<Dot> {
        let mut out: Vec<Dot> = self.origin.iter().map(|o| o.dot).collect();
        for f in self.fields.values() {
            out.extend(f.values.iter().map(|v| v.dot));
        }
        out.sort();
        out.dedup();
        out
    }

    /// A digest of what every laptop must agree on: live values and dead
    /// dots per field (not the kept past, which depends on arrival order).
    /// Stores forget their own installation's dead dots
    /// ([`MergeState::forget_dead_of`]), so the dead sets of two laptops
    /// differ: compare their states without them.
    pub fn digest(&self, record: &Json) -> Vec<u8> {
        let mut out = Vec::new();
        if let Some(o) = &self.origin {
            out.extend_from_slice(&o.dot.inst);
            out.extend_from_slice(&o.dot.seq.to_be_bytes());
        }
        for (name, f) in &self.fields {
            out.extend_from_slice(name.as_bytes());
            out.push(0);
            let win = f.winner().map(|w| w.dot);
            for v in &f.values {
                out.extend_from_slice(&v.dot.inst);
                out.extend_from_slice(&v.dot.seq.to_be_bytes());
                let j = match &v.json {
                    Some(j) => j.clone(),
                    None if Some(v.dot) == win => record.get(name.as_str()).map(json_bytes).unwrap_or_default(),
                    None => Vec::new(),
                };
                out.extend_from_slice(&crate::store::crypto::hash(&[&j]));
            }
            for d in &f.dead {
                out.extend_from_slice(&d.inst);
                out.extend_from_slice(&d.seq.to_be_bytes());
            }
        }
        out
    }
}

/// Canonical JSON bytes of a value (serde_json keeps map keys sorted).
pub fn json_bytes(v: &serde_json::Value) -> Vec<u8> {
    v.to_string().into_bytes()
}

/// How a local write enters the merge state.
pub(crate) struct LocalMerge {
    /// The record's tree.
    pub(crate) tree: super::trees::TreeId,
    /// The record as it was (fields and deletion), `None` for a creation.
    pub(crate) old: Option<Json>,
    /// A base chosen by the writer (a resolution covers every live value);
    /// otherwise each field replaces the value that was shown.
    pub(crate) explicit_base: Option<Vec<Dot>>,
}

/// The records with an open conflict: (tree name, key).
pub type ConflictSet = std::collections::BTreeSet<(String, Vec<u8>)>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dot(i: u8, s: u64) -> Dot {
        Dot { inst: [i; 16], seq: s }
    }

    fn val(i: u8, s: u64, ms: u64, j: &str, base: Vec<Dot>) -> Value {
        Value { dot: dot(i, s), hlc: Hlc { ms, counter: 0 }, user: "u".into(), json: Some(j.as_bytes().to_vec()), base }
    }

    fn record() -> Json {
        let mut m = Json::new();
        m.insert("a".into(), serde_json::json!("orig"));
        m.insert(DELETED.into(), serde_json::Value::Null);
        m
    }

    fn state() -> MergeState {
        MergeState::created(val(1, 1, 10, "", vec![]))
    }

    #[test]
    fn a_sequential_edit_replaces_and_concurrent_edits_are_kept_side_by_side() {
        let mut rec = record();
        let mut s = state();
        s.fill(&rec);
        s.offer("a", val(2, 1, 20, "\"x\"", vec![dot(1, 1)]), &rec);
        s.settle(&mut rec);
        assert!(!s.has_conflict());
        assert_eq!(rec["a"], "x");
        s.fill(&rec);
        // Two edits that both saw "x".
        s.offer("a", val(3, 1, 30, "\"y\"", vec![dot(2, 1)]), &rec);
        s.offer("a", val(2, 2, 25, "\"z\"", vec![dot(2, 1)]), &rec);
        s.settle(&mut rec);
        assert_eq!(s.conflicts, vec!["a".to_string()]);
        assert_eq!(rec["a"], "y", "the highest clock is shown");
        // A resolution covering both closes it.
        s.fill(&rec);
        s.offer("a", val(1, 2, 40, "\"z\"", vec![dot(3, 1), dot(2, 2)]), &rec);
        s.settle(&mut rec);
        assert!(!s.has_conflict());
        assert_eq!(rec["a"], "z");
    }

    #[test]
    fn equal_concurrent_values_are_no_conflict() {
        let mut rec = record();
        let mut s = state();
        s.fill(&rec);
        s.offer("a", val(2, 1, 20, "\"x\"", vec![dot(1, 1)]), &rec);
        s.offer("a", val(3, 1, 21, "\"x\"", vec![dot(1, 1)]), &rec);
        s.settle(&mut rec);
        assert!(!s.has_conflict());
    }

    #[test]
    fn deleted_here_edited_there_is_a_conflict() {
        let mut rec = record();
        let mut s = state();
        s.fill(&rec);
        s.offer(DELETED, val(2, 1, 20, "{\"by\":\"x\"}", vec![dot(1, 1)]), &rec);
        s.offer("a", val(3, 1, 15, "\"edit\"", vec![dot(1, 1)]), &rec);
        s.settle(&mut rec);
        assert!(s.conflicts.contains(&DELETED.to_string()), "{:?}", s.conflicts);
    }

    fn apply_all(order: &[Value]) -> (Vec<u8>, Vec<String>) {
        let mut rec = record();
        let mut s = state();
        for v in order {
            s.fill(&rec);
            s.offer("a", v.clone(), &rec);
            s.settle(&mut rec);
        }
        (s.digest(&rec), s.conflicts.clone())
    }

    proptest! {
        #[test]
        fn any_order_and_any_repetition_gives_the_same_state(
            seed in proptest::collection::vec((0u8..3, 0u64..5, 0usize..4), 1..12),
            perm in proptest::collection::vec(any::<usize>(), 0..30),
        ) {
            // A small causal history: each value's base is some earlier values.
            let mut vals: Vec<Value> = Vec::new();
            for (i, (inst, ms, nbase)) in seed.iter().enumerate() {
                let base: Vec<Dot> = vals.iter().rev().take(*nbase).map(|v| v.dot).collect();
                let base = if base.is_empty() { vec![dot(1, 1)] } else { base };
                vals.push(val(*inst + 2, i as u64 + 1, *ms, &format!("\"v{i}\""), base));
            }
            let reference = apply_all(&vals);
            let mut shuffled = vals.clone();
            for (i, p) in perm.iter().enumerate() {
                let n = shuffled.len();
                shuffled.swap(i % n, p % n);
                if i % 3 == 0 { shuffled.push(vals[p % vals.len()].clone()); }
            }
            prop_assert_eq!(apply_all(&shuffled), reference);
        }
    }
}
