//! What this laptop remembers about sync, sealed in the store: the verified
//! head of every other installation, what the hub has shown, checkpoints,
//! changes waiting for a key, and the alarms people must see.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::{Store, StoreError};

/// Key of the state in the sync tree.
pub const STATE_KEY: &[u8] = b"state";
/// Key of the later additions to the state ([`Extra`]), kept apart so that
/// a state written by an earlier version still decodes.
pub const EXTRA_KEY: &[u8] = b"state2";
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
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
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
    /// The hub altered one of this laptop's own changes (its author is told).
    HubAltered,
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
    /// Later additions, stored under [`EXTRA_KEY`].
    #[serde(skip)]
    pub extra: Extra,
}

/// What the state gained after its first version (stored apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    /// Alarms raised per kind since they were last acknowledged, kept ones
    /// or not.
    pub alarm_counts: BTreeMap<AlarmKind, u64>,
    /// Where the check of this laptop's own rows at the hub goes on (0: not
    /// under way).
    pub audit_from: u64,
    /// When that check last went through the whole history (ms).
    pub audited_ms: Option<i64>,
    /// The last hub failure in the server's or library's own words (for
    /// `sync --status`; no personal data reaches the hub or its errors).
    pub last_error_detail: Option<String>,
}

impl SyncState {
    /// Loads the state (empty before the first sync).
    pub fn load(store: &Store) -> Result<SyncState, StoreError> {
        let mut state: SyncState = store.sync_get(STATE_KEY)?.unwrap_or_default();
        state.extra = store.sync_get(EXTRA_KEY)?.unwrap_or_default();
        if state.extra.alarm_counts.is_empty() {
            for a in &state.alarms {
                *state.extra.alarm_counts.entry(a.kind).or_insert(0) += 1;
            }
        }
        Ok(state)
    }

    /// Raises an alarm once (the same kind about the same change is not
    /// repeated). Alarms are kept by kind: past [`MAX_ALARMS`], the oldest
    /// of the kind that holds the most goes, so a flood of one kind never
    /// pushes out the first evidence of another; every kind keeps its count.
    pub fn alarm(&mut self, at_ms: i64, kind: AlarmKind, inst: [u8; 16], seq: u64, source: Source) -> bool {
        if self.alarms.iter().any(|a| a.kind == kind && a.inst == inst && a.seq == seq) {
            return false;
        }
        self.alarms.push(Alarm { at_ms, kind, inst, seq, source });
        *self.extra.alarm_counts.entry(kind).or_insert(0) += 1;
        while self.alarms.len() > MAX_ALARMS {
            let mut held: BTreeMap<AlarmKind, usize> = BTreeMap::new();
            for a in &self.alarms {
                *held.entry(a.kind).or_insert(0) += 1;
            }
            let Some(most) = held.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k))).map(|(k, _)| *k) else {
                break;
            };
            // The first of each kind stays: it is the earliest evidence.
            let first = self.alarms.iter().position(|a| a.kind == most);
            let second = self.alarms.iter().enumerate().skip(first.map_or(0, |f| f + 1)).find(|(_, a)| a.kind == most);
            match second {
                Some((i, _)) => {
                    self.alarms.remove(i);
                }
                None => {
                    self.alarms.remove(0);
                }
            }
        }
        true
    }

    /// Alarms raised of `kind` since they were last acknowledged.
    pub fn alarm_count(&self, kind: AlarmKind) -> u64 {
        self.extra.alarm_counts.get(&kind).copied().unwrap_or(0)
    }

    /// Acknowledges every alarm (and forgets their counts).
    pub fn clear_alarms(&mut self) -> usize {
        let n = self.alarms.len();
        self.alarms.clear();
        self.extra.alarm_counts.clear();
        n
    }

    /// The head of `inst` (zero before its first change).
    pub fn head(&self, inst: &[u8; 16]) -> Head {
        self.heads.get(inst).copied().unwrap_or_default()
    }
}
