//! What this laptop remembers about sync, sealed in the store: the verified
//! head of every other installation, what the hub has shown, checkpoints,
//! changes waiting for a key, and the alarms people must see.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::{Store, StoreError};

/// Key of the state in the sync tree.
pub const STATE_KEY: &[u8] = b"state";
/// Prefix of quarantined items in the sync tree.
pub const QUARANTINE_PREFIX: &[u8] = b"q/";
/// Most alarms kept (the oldest go first).
const MAX_ALARMS: usize = 500;
/// Most quarantined items kept.
pub const MAX_QUARANTINE: u64 = 200;

/// The last verified entry of an installation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Head {
    /// Sequence.
    pub seq: u64,
    /// Chained hash.
    pub hash: [u8; 32],
}

/// Where something came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The PostgreSQL hub.
    Hub,
    /// A sync bundle.
    Bundle,
}

/// What went wrong: every kind is named to people, none is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum AlarmKind {
    /// From an installation the roster does not know.
    UnknownInstallation,
    /// From an installation revoked before this change.
    Revoked,
    /// A change is missing before this one (dropped or withheld).
    Gap,
    /// The previous-hash chain does not hold (reordered history, forgery).
    ChainBroken,
    /// The body is not the one the header names (altered).
    Tampered,
    /// The installation's signature does not verify.
    BadSignature,
    /// Cut short or not decodable.
    Malformed,
    /// Signed, but its body does not decrypt under the centre's key.
    Undecryptable,
    /// Same installation and sequence, different content: a cloned or
    /// restored laptop (re-enrol it).
    Fork,
    /// The hub shows less than it showed before.
    Rollback,
    /// A checkpoint names changes the hub does not serve.
    Withheld,
    /// A hub row that does not match the envelope inside it.
    HubMismatch,
    /// Valid, but names a record or key it cannot (refused content).
    Refused,
    /// A checkpoint or statement whose signature does not verify.
    BadCheckpoint,
}

impl AlarmKind {
    /// Its stable name (message key `sync-alarm-<name>`).
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One alarm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alarm {
    /// When it was raised (ms).
    pub at_ms: i64,
    /// What.
    pub kind: AlarmKind,
    /// About which installation.
    pub inst: [u8; 16],
    /// About which change (0: none in particular).
    pub seq: u64,
    /// Seen where.
    pub source: Source,
}

/// An item set aside, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    /// When.
    pub at_ms: i64,
    /// Why.
    pub kind: AlarmKind,
    /// Seen where.
    pub source: Source,
    /// The bytes as they arrived (kept for the investigation, capped).
    pub bytes: Vec<u8>,
}

/// The sync state of this laptop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// Verified heads of the other installations.
    pub heads: BTreeMap<[u8; 16], Head>,
    /// The highest sequence of each installation the hub has shown.
    pub hub_seen: BTreeMap<[u8; 16], u64>,
    /// The highest own sequence this laptop has pushed and seen accepted.
    pub own_pushed: u64,
    /// This installation's checkpoints so far.
    pub ck_seq: u64,
    /// The heads named in this installation's last checkpoint.
    pub ck_last: Vec<crate::sync::checkpoint::HeadClaim>,
    /// The highest checkpoint number seen at the hub from each installation.
    pub ck_seen: BTreeMap<[u8; 16], u64>,
    /// The same, from bundles (a bundle's checkpoint never reaches the hub).
    pub ck_seen_bundle: BTreeMap<[u8; 16], u64>,
    /// The number of this laptop's last checkpoint pushed to the hub.
    pub ck_pushed: u64,
    /// The highest sequence any checkpoint says exists, per installation.
    pub claimed: BTreeMap<[u8; 16], u64>,
    /// When something new last came from each installation (ms, this clock).
    pub heard: BTreeMap<[u8; 16], i64>,
    /// Entries stored but not applied: no key for them in the sessions so far.
    pub pending: Vec<([u8; 16], u64)>,
    /// Alarms, oldest first.
    pub alarms: Vec<Alarm>,
    /// Last successful hub sync (ms).
    pub last_sync_ms: Option<i64>,
    /// Since when the hub has been unreachable (ms).
    pub offline_since_ms: Option<i64>,
    /// The last hub failure, as a message key.
    pub last_error: Option<String>,
    /// Items quarantined so far.
    pub quarantined: u64,
}

impl SyncState {
    /// Loads the state (empty before the first sync).
    pub fn load(store: &Store) -> Result<SyncState, StoreError> {
        Ok(store.sync_get(STATE_KEY)?.unwrap_or_default())
    }

    /// Raises an alarm once (the same kind about the same change is not repeated).
    pub fn alarm(&mut self, at_ms: i64, kind: AlarmKind, inst: [u8; 16], seq: u64, source: Source) -> bool {
        if self.alarms.iter().any(|a| a.kind == kind && a.inst == inst && a.seq == seq) {
            return false;
        }
        self.alarms.push(Alarm { at_ms, kind, inst, seq, source });
        if self.alarms.len() > MAX_ALARMS {
            let extra = self.alarms.len() - MAX_ALARMS;
            self.alarms.drain(..extra);
        }
        true
    }

    /// The head of `inst` (zero before its first change).
    pub fn head(&self, inst: &[u8; 16]) -> Head {
        self.heads.get(inst).copied().unwrap_or_default()
    }
}
