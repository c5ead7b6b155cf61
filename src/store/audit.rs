//! The audit chain: one event per user action, in the same transaction as
//! the change it describes, each carrying an HMAC over itself and the previous
//! event's MAC. Events hold no personal data: actions, entity kinds, ids,
//! case codes and counts only.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::codec;
use super::crypto::{self, Key};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum AuditAction {
    /// The centre was created.
    Init,
    /// A user logged in.
    Login,
    /// A login failed (folded into the chain at the next successful login).
    LoginFailed,
    /// A user logged out.
    Logout,
    /// The screen was locked.
    Lock,
    /// A case file was opened.
    ViewCase,
    /// A legal name was revealed.
    RevealName,
    /// A record was created.
    Create,
    /// A record was changed.
    Update,
    /// A record was soft-deleted.
    Delete,
    /// A case was erased.
    Erase,
    /// Data was exported.
    Export,
    /// Data was imported.
    Import,
    /// A report was produced.
    Report,
    /// A backup was written.
    Backup,
    /// A backup was restored.
    Restore,
    /// A user was added.
    UserAdd,
    /// A user was changed (passphrase, role, disabled).
    UserChange,
}

impl AuditAction {
    /// Stable name for filters and exports.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// What a caller says about its action; the store adds sequence, time, user and MAC.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// What happened.
    pub action: AuditAction,
    /// The kind of entity (`case`, `pickup`, `user`…), empty when none.
    pub entity: String,
    /// The entity's id, when there is one.
    pub entity_id: Option<[u8; 16]>,
    /// The case code concerned, when there is one.
    pub case_code: Option<String>,
    /// A summary without personal data (field names, counts).
    pub summary: String,
    /// The time it happened, when not now (failed logins folded in later).
    pub at: Option<DateTime<Utc>>,
    /// The user, when not the session's (failed logins).
    pub user: Option<String>,
}

impl AuditEntry {
    /// An entry with only an action and an entity kind.
    pub fn new(action: AuditAction, entity: &str) -> AuditEntry {
        AuditEntry {
            action,
            entity: entity.to_string(),
            entity_id: None,
            case_code: None,
            summary: String::new(),
            at: None,
            user: None,
        }
    }

    /// Sets the entity id.
    pub fn id(mut self, id: [u8; 16]) -> Self {
        self.entity_id = Some(id);
        self
    }

    /// Sets the case code.
    pub fn case(mut self, code: impl Into<String>) -> Self {
        self.case_code = Some(code.into());
        self
    }

    /// Sets the summary.
    pub fn summary(mut self, s: impl Into<String>) -> Self {
        self.summary = s.into();
        self
    }

    /// Sets the summary in no language: a message name and its arguments
    /// ([`said`]), put in words by whoever reads the event.
    pub fn said(self, key: &str, args: &[(&str, String)]) -> Self {
        self.summary(said(key, args))
    }
}

/// A summary in no language, as stored: `@name arg=value …`, each value with
/// `%`, space, `=` and control characters written `%XX`. A value that starts
/// with `#` names a message (a status, a role) for the reader to translate.
/// Summaries written before this form are free text and never start with `@`.
pub fn said(key: &str, args: &[(&str, String)]) -> String {
    let mut out = format!("@{key}");
    for (name, value) in args {
        out.push(' ');
        out.push_str(name);
        out.push('=');
        for c in value.chars() {
            if c == '%' || c == '=' || c.is_whitespace() || c.is_control() {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// The message name and arguments of a summary written by [`said`]; `None`
/// for free text (older events).
pub fn read_said(summary: &str) -> Option<(String, Vec<(String, String)>)> {
    let rest = summary.strip_prefix('@')?;
    let mut words = rest.split(' ');
    let key = words.next().filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))?;
    let mut args = Vec::new();
    for w in words {
        let (name, value) = w.split_once('=')?;
        let mut bytes = Vec::with_capacity(value.len());
        let mut it = value.bytes();
        while let Some(b) = it.next() {
            if b == b'%' {
                let hex: Vec<u8> = it.by_ref().take(2).collect();
                let h = std::str::from_utf8(&hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok())?;
                bytes.push(h);
            } else {
                bytes.push(b);
            }
        }
        args.push((name.to_string(), String::from_utf8(bytes).ok()?));
    }
    Some((key.to_string(), args))
}

/// One event as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// 1, 2, 3, … without gaps.
    pub seq: u64,
    /// When.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    /// Username.
    pub user: String,
    /// The installation that wrote it.
    pub installation: [u8; 16],
    /// What happened.
    pub action: AuditAction,
    /// Entity kind.
    pub entity: String,
    /// Entity id.
    pub entity_id: Option<[u8; 16]>,
    /// Case code.
    pub case_code: Option<String>,
    /// Summary without personal data.
    pub summary: String,
    /// The previous event's MAC (zeros for the first).
    pub prev_mac: [u8; 32],
    /// HMAC-SHA-256 under the audit key over everything above.
    pub mac: [u8; 32],
}

impl AuditEvent {
    /// Computes the MAC this event should carry.
    pub fn compute_mac(&self, key: &Key) -> [u8; 32] {
        let mut unsigned = self.clone();
        unsigned.mac = [0u8; 32];
        let bytes = codec::to_bytes(&unsigned).unwrap_or_default();
        crypto::mac(key, &[b"haven-audit\0", &bytes])
    }
}

/// Where a chain stops being valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The sequence number of the first event that fails.
    pub seq: u64,
    /// Why: `missing`, `reordered`, `mac`, `undecodable`, `truncated`.
    pub why: &'static str,
}

/// The head of a valid chain: what a manager writes down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainHead {
    /// Number of events (= last sequence).
    pub seq: u64,
    /// MAC of the last event.
    pub mac: [u8; 32],
}

impl ChainHead {
    /// `SEQ:HEXMAC`, the form `haven audit verify --head` takes.
    pub fn display(&self) -> String {
        format!("{}:{}", self.seq, hex(&self.mac))
    }
}

/// Lowercase hex.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Checks events in storage order: contiguous sequence from 1, each linked
/// to the previous MAC, each MAC valid.
pub fn verify<I>(key: &Key, events: I) -> Result<ChainHead, BrokenLink>
where
    I: IntoIterator<Item = (u64, Option<AuditEvent>)>,
{
    let mut head = ChainHead { seq: 0, mac: [0u8; 32] };
    for (key_seq, ev) in events {
        let expected = head.seq + 1;
        if key_seq != expected {
            return Err(BrokenLink { seq: expected, why: if key_seq > expected { "missing" } else { "reordered" } });
        }
        let Some(ev) = ev else {
            return Err(BrokenLink { seq: expected, why: "undecodable" });
        };
        if ev.seq != expected {
            return Err(BrokenLink { seq: expected, why: "reordered" });
        }
        if ev.prev_mac != head.mac {
            return Err(BrokenLink { seq: expected, why: "link" });
        }
        if !crypto::ct_eq(&ev.compute_mac(key), &ev.mac) {
            return Err(BrokenLink { seq: expected, why: "mac" });
        }
        head = ChainHead { seq: ev.seq, mac: ev.mac };
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_summary_in_no_language_reads_back() {
        let args = [("code", "MSK-26-0001".to_string()), ("note", "a b=c%d\n".to_string()), ("n", String::new())];
        let text = super::said("case-created", &args);
        assert!(!text.contains('\n') && text.starts_with("@case-created code=MSK-26-0001 "), "{text}");
        let (key, back) = super::read_said(&text).unwrap();
        assert_eq!(key, "case-created");
        let want: Vec<(String, String)> = args.iter().map(|(n, v)| (n.to_string(), v.clone())).collect();
        assert_eq!(back, want);
        assert_eq!(super::read_said("case with checklist"), None);
        assert_eq!(super::read_said("@"), None);
        assert_eq!(super::read_said("@k x"), None);
        assert_eq!(super::read_said("@k x=%G1"), None);
    }

    use super::*;

    fn chain(key: &Key, n: u64) -> Vec<AuditEvent> {
        let mut prev = [0u8; 32];
        (1..=n)
            .map(|seq| {
                let mut ev = AuditEvent {
                    seq,
                    at: DateTime::from_timestamp(1_700_000_000 + seq as i64, 0).unwrap(),
                    user: "anna".into(),
                    installation: [1; 16],
                    action: AuditAction::Update,
                    entity: "case".into(),
                    entity_id: Some([seq as u8; 16]),
                    case_code: Some(format!("MSK-26-{seq:04}")),
                    summary: "status".into(),
                    prev_mac: prev,
                    mac: [0; 32],
                };
                ev.mac = ev.compute_mac(key);
                prev = ev.mac;
                ev
            })
            .collect()
    }

    fn items(evs: &[AuditEvent]) -> Vec<(u64, Option<AuditEvent>)> {
        evs.iter().map(|e| (e.seq, Some(e.clone()))).collect()
    }

    #[test]
    fn a_valid_chain_verifies_to_its_head() {
        let k = Key::random().unwrap();
        let evs = chain(&k, 10);
        let head = verify(&k, items(&evs)).unwrap();
        assert_eq!(head.seq, 10);
        assert_eq!(head.mac, evs[9].mac);
    }

    #[test]
    fn altering_any_event_breaks_the_chain_at_that_event() {
        let k = Key::random().unwrap();
        let evs = chain(&k, 6);
        for i in 0..6 {
            let mut bad = evs.clone();
            bad[i].summary.push('x');
            assert_eq!(verify(&k, items(&bad)).unwrap_err().seq, i as u64 + 1);
        }
    }

    #[test]
    fn removing_or_reordering_an_event_is_detected() {
        let k = Key::random().unwrap();
        let evs = chain(&k, 6);
        let mut removed = items(&evs);
        removed.remove(2);
        assert_eq!(verify(&k, removed).unwrap_err(), BrokenLink { seq: 3, why: "missing" });
        let mut swapped = evs.clone();
        swapped.swap(1, 2);
        let swapped_items: Vec<_> = swapped.iter().enumerate().map(|(i, e)| (i as u64 + 1, Some(e.clone()))).collect();
        assert_eq!(verify(&k, swapped_items).unwrap_err().seq, 2);
    }

    #[test]
    fn a_chain_under_another_key_fails() {
        let evs = chain(&Key::random().unwrap(), 3);
        assert_eq!(verify(&Key::random().unwrap(), items(&evs)).unwrap_err().why, "mac");
    }
}
