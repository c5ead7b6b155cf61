//! This installation's change log (docs/SYNC.md): one entry per changed record,
//! with a gap-free sequence, a hybrid logical clock, the hash of the previous
//! entry, and the changed fields sealed under the record's class key (or its
//! case's key) with the entry header as associated data.

use serde::{Deserialize, Serialize};

use super::codec::Class;
use super::crypto;
use super::merge::Dot;

/// A hybrid logical clock value: wall milliseconds and a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Hlc {
    /// Milliseconds since the epoch (never behind the last value issued).
    pub ms: u64,
    /// Tie-breaker within one millisecond.
    pub counter: u32,
}

impl Hlc {
    /// The next value after `self` given the wall clock `now_ms`: monotonic
    /// even when the wall clock goes backwards.
    pub fn tick(self, now_ms: u64) -> Hlc {
        if now_ms > self.ms {
            Hlc { ms: now_ms, counter: 0 }
        } else {
            Hlc { ms: self.ms, counter: self.counter.saturating_add(1) }
        }
    }
}

/// The field name of a change that carries a whole new record (bincode)
/// instead of changed fields (JSON).
pub const WHOLE_RECORD: &str = "*";

/// The tree name of a change that hands a new case's own key to the other
/// laptops (sealed under the case class key).
pub const CASE_KEY_TREE: &str = "case_keys";

/// The tree name of a change that erases a case on every laptop.
pub const ERASE_TREE: &str = "~erase";

/// One changed field: its name, its new value (JSON; bincode of the whole
/// record for [`WHOLE_RECORD`]), the revision of the record whose value it
/// replaced (0 when new), and its base: the dots of the values its editor
/// saw (docs/SYNC.md). The change's own dot is its entry's (installation, seq).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Top-level field name ([`crate::store::merge::DELETED`] for a deletion).
    pub name: String,
    /// The new value, as JSON bytes.
    pub value: Vec<u8>,
    /// The revision that held the replaced value.
    pub replaced_revision: u64,
    /// Dots of the values this one replaces.
    pub base: Vec<Dot>,
}

/// The sealed part of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeBody {
    /// Tree name.
    pub tree: String,
    /// Storage key.
    pub key: Vec<u8>,
    /// The record's new revision.
    pub revision: u64,
    /// Whether this change soft-deletes it.
    pub deleted: bool,
    /// Username of the editor.
    pub user: String,
    /// Changed fields.
    pub fields: Vec<FieldChange>,
}

/// One log entry: a header in the clear (no personal data) and a sealed body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEntry {
    /// 1, 2, 3, … without gaps, per installation.
    pub seq: u64,
    /// The installation that made the change.
    pub installation: [u8; 16],
    /// Clock.
    pub hlc: Hlc,
    /// Class of the key sealing the body.
    pub class: Class,
    /// The case whose key seals the body (per-case classes).
    pub key_case: Option<[u8; 16]>,
    /// Hash of the previous entry (zeros for the first).
    pub prev_hash: [u8; 32],
    /// SHA-256 of the sealed body: the chain covers this, so a body can be
    /// removed by erasure without breaking the chain.
    pub body_hash: [u8; 32],
    /// nonce ‖ ciphertext ‖ tag of the bincode [`ChangeBody`]; empty once
    /// the record it describes has been erased.
    pub body: Vec<u8>,
    /// The installation's Ed25519 signature over the centre and [`ChangeEntry::hash`]
    /// (so an erased body still verifies).
    pub sig: Vec<u8>,
}

impl ChangeEntry {
    /// The associated data binding the body to this header.
    pub fn header_aad(&self) -> Vec<u8> {
        let mut a = b"haven-change\0".to_vec();
        a.extend_from_slice(&self.seq.to_be_bytes());
        a.extend_from_slice(&self.installation);
        a.extend_from_slice(&self.hlc.ms.to_be_bytes());
        a.extend_from_slice(&self.hlc.counter.to_be_bytes());
        a.push(self.class as u8);
        if let Some(c) = &self.key_case {
            a.extend_from_slice(c);
        }
        a.extend_from_slice(&self.prev_hash);
        a
    }

    /// The hash the next entry links to.
    pub fn hash(&self) -> [u8; 32] {
        crypto::hash(&[&self.header_aad(), &self.body_hash])
    }

    /// The message the installation signs: the centre and the chained hash.
    pub fn signed_message(&self, centre: &[u8; 16]) -> Vec<u8> {
        let mut m = b"haven-envelope\0".to_vec();
        m.extend_from_slice(centre);
        m.extend_from_slice(&self.hash());
        m
    }

    /// Signs the entry for `centre`.
    pub fn sign(&mut self, centre: &[u8; 16], key: &crypto::SigningKey) {
        self.sig = key.sign(&[&self.signed_message(centre)]).to_vec();
    }

    /// Whether the signature is `public`'s.
    pub fn signature_valid(&self, centre: &[u8; 16], public: &[u8; 32]) -> bool {
        crypto::verify_signature(public, &[&self.signed_message(centre)], &self.sig)
    }

    /// Its dot.
    pub fn dot(&self) -> Dot {
        Dot { inst: self.installation, seq: self.seq }
    }

    /// Whether the body was removed by an erasure.
    pub fn is_redacted(&self) -> bool {
        self.body.is_empty()
    }

    /// Whether the body is the one the chain names (or was erased).
    pub fn body_matches(&self) -> bool {
        self.is_redacted() || crypto::ct_eq(&crypto::hash(&[&self.body]), &self.body_hash)
    }
}

/// Names and JSON values of the top-level fields that differ between two
/// versions (all fields when there is no old version).
pub fn diff_fields(old: Option<&serde_json::Value>, new: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    match (old, new) {
        (Some(serde_json::Value::Object(o)), serde_json::Value::Object(n)) => {
            n.iter().filter(|(k, v)| o.get(*k) != Some(*v)).map(|(k, v)| (k.clone(), v.clone())).collect()
        }
        (_, serde_json::Value::Object(n)) => n.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        (Some(o), n) if o == n => vec![],
        (_, n) => vec![(String::new(), n.clone())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hlc_never_goes_back() {
        let a = Hlc { ms: 1000, counter: 0 };
        assert_eq!(a.tick(2000), Hlc { ms: 2000, counter: 0 });
        assert_eq!(a.tick(500), Hlc { ms: 1000, counter: 1 });
        assert!(a.tick(1000) > a);
    }

    #[test]
    fn diff_names_only_changed_fields() {
        let old = serde_json::json!({"a": 1, "b": "x", "c": [1]});
        let new = serde_json::json!({"a": 1, "b": "y", "c": [1, 2]});
        let d = diff_fields(Some(&old), &new);
        let names: Vec<_> = d.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["b", "c"]);
        assert_eq!(diff_fields(None, &new).len(), 3);
    }
}
