//! `haven check`: every value decrypts and decodes, the invariants hold, the
//! audit chain and the change log are intact. Problems are described without
//! personal data (tree names, sequence numbers, counts).

use std::collections::HashMap;

use super::audit::{self, ChainHead};
use super::changelog::ChangeEntry;
use super::codec::{self, Class};
use super::db::Store;
use super::error::{Result, StoreError};
use super::record::{Record, case_of_key};
use super::records::decodes;
use super::rows::Rows;
use super::trees::TreeId;
use super::tx::{COUNTERS_KEY, Counters};

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Values that decrypted and decoded.
    pub values: u64,
    /// Values the session's role cannot decrypt (not checked).
    pub skipped: u64,
    /// Everything wrong, one line each.
    pub problems: Vec<String>,
    /// Head of the audit chain when it verified.
    pub audit_head: Option<ChainHead>,
    /// Change-log entries verified.
    pub changes: u64,
}

impl CheckReport {
    /// True when nothing is wrong.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Runs every check.
    pub fn check(&self) -> Result<CheckReport> {
        let mut r = CheckReport::default();
        self.check_values(&mut r)?;
        self.check_audit(&mut r)?;
        self.check_changelog(&mut r)?;
        self.check_invariants(&mut r)?;
        match self.blind_mismatches() {
            Ok(0) => {}
            Ok(n) => r.problems.push(format!(
                "blind index: {n} entries differed from the records; it is rebuilt at the next login holding the case key"
            )),
            Err(_) => r.problems.push("blind index: could not be compared with the records".into()),
        }
        // A damaged record is already reported above; the digest is then
        // left alone.
        for kind in self.digest_mismatches().unwrap_or_default() {
            r.problems
                .push(format!("digest: the summary of {kind} records differed from them; it is rebuilt on next use"));
        }
        Ok(r)
    }

    fn check_values(&self, r: &mut CheckReport) -> Result<()> {
        let session = self.session()?;
        // Log entries travel as they are stored (sealed body, signed header):
        // the change-log check verifies them.
        for t in TreeId::ALL.into_iter().filter(|t| !matches!(t, TreeId::ChangeLog | TreeId::Envelopes)) {
            let mut bad = 0u64;
            for item in Rows::all(self.tree(t), t.name()) {
                let (key, raw) = match item {
                    Ok(kv) => kv,
                    // The iterator would repeat the error for ever: reading
                    // this tree stops here.
                    Err(e) => {
                        r.problems.push(unreadable(e)?);
                        break;
                    }
                };
                let Some(class) = codec::class_of(&raw) else {
                    bad += 1;
                    continue;
                };
                // History entries are sealed under the key of the record they keep.
                let (record_tree, record_key) = if matches!(t, TreeId::History | TreeId::Merge) {
                    let split = if t == TreeId::History { split_history_key(&key) } else { split_merge_key(&key) };
                    match split {
                        Some((tree, k)) => (tree, k),
                        None => {
                            bad += 1;
                            continue;
                        }
                    }
                } else {
                    (t, &key[..])
                };
                let k = match class {
                    Class::Case | Class::Medical if !session.holds_case_key() => {
                        r.skipped += 1;
                        continue;
                    }
                    // The blind index's case part is sealed under the class key too.
                    Class::Case | Class::Medical if matches!(t, TreeId::CaseKeys | TreeId::Drafts | TreeId::Index) => {
                        match &session.keys.case {
                            Some(k) => k.clone(),
                            None => {
                                r.skipped += 1;
                                continue;
                            }
                        }
                    }
                    _ => {
                        let owner = if matches!(class, Class::Case | Class::Medical) {
                            case_of_key(record_key).map(|c| c.id().0.to_vec()).unwrap_or_default()
                        } else {
                            record_key.to_vec()
                        };
                        match self.key_for(session, class, &owner) {
                            Ok(k) => k,
                            Err(_) => {
                                bad += 1;
                                continue;
                            }
                        }
                    }
                };
                match codec::open_bytes(&k, t.name(), &key, &raw) {
                    Ok(plain) => {
                        if decodes(t, record_tree, &key, &plain) {
                            r.values += 1;
                        } else {
                            bad += 1;
                        }
                    }
                    Err(_) => bad += 1,
                }
            }
            if bad > 0 {
                r.problems.push(format!("{}: {bad} damaged value(s)", t.name()));
            }
        }
        Ok(())
    }

    fn check_audit(&self, r: &mut CheckReport) -> Result<()> {
        let events = match self.audit_chain() {
            Ok(events) => events,
            Err(e) => {
                r.problems.push(unreadable(e)?);
                return Ok(());
            }
        };
        match audit::verify(self.audit_key()?, events) {
            Ok(head) => {
                let counters = self.counters()?;
                if counters.audit_seq != head.seq || counters.audit_mac != head.mac {
                    r.problems.push(format!(
                        "audit: the chain ends at {} but the last recorded event is {} (events removed)",
                        head.seq, counters.audit_seq
                    ));
                }
                r.audit_head = Some(head);
            }
            Err(b) => r.problems.push(format!("audit: chain broken at event {} ({})", b.seq, b.why)),
        }
        Ok(())
    }

    fn check_changelog(&self, r: &mut CheckReport) -> Result<()> {
        let mut prev = [0u8; 32];
        for (expected, item) in (1u64..).zip(Rows::all(self.tree(TreeId::ChangeLog), TreeId::ChangeLog.name())) {
            let (k, raw) = match item {
                Ok(kv) => kv,
                Err(e) => {
                    r.problems.push(unreadable(e)?);
                    return Ok(());
                }
            };
            let Ok(entry) = codec::from_bytes::<ChangeEntry>(&raw, "changelog") else {
                r.problems.push(format!("changelog: entry {expected} damaged"));
                return Ok(());
            };
            if entry.seq != expected || k.as_ref() != expected.to_be_bytes() {
                r.problems.push(format!("changelog: gap or reorder at {expected}"));
                return Ok(());
            }
            if entry.prev_hash != prev {
                r.problems.push(format!("changelog: chain broken at {expected}"));
                return Ok(());
            }
            if !entry.body_matches() {
                r.problems.push(format!("changelog: entry {expected} was altered"));
                return Ok(());
            }
            if !entry.is_redacted() && !self.change_body_opens(session_holds(self), &entry) {
                r.problems.push(format!("changelog: entry {expected} does not decrypt"));
                return Ok(());
            }
            prev = entry.hash();
            r.changes += 1;
            r.values += 1;
        }
        let c = self.counters()?;
        if let Err(e) =
            super::head::Witness::load(self.dir()).and_then(|w| w.check(self.dir(), c.audit_seq, c.change_seq))
        {
            r.problems.push(e.to_string());
        }
        if c.change_seq != r.changes || c.change_hash != prev {
            r.problems.push(format!("changelog: {} entries but {} recorded", r.changes, c.change_seq));
        }
        Ok(())
    }

    fn check_invariants(&self, r: &mut CheckReport) -> Result<()> {
        use crate::domain::stay::Stay;
        let stays = match self.scan::<Stay>() {
            Ok(s) => s,
            Err(_) => return Ok(()), // already reported as damaged values
        };
        let mut by_bed: HashMap<_, u32> = HashMap::new();
        let mut by_case: HashMap<_, u32> = HashMap::new();
        for s in stays.iter().filter(|s| !s.is_deleted() && s.body.is_open()) {
            *by_bed.entry(s.body.bed_id).or_default() += 1;
            *by_case.entry(s.body.case_id).or_default() += 1;
        }
        let beds = by_bed.values().filter(|n| **n > 1).count();
        let cases = by_case.values().filter(|n| **n > 1).count();
        if beds > 0 {
            r.problems.push(format!("stays: {beds} bed(s) with more than one open stay"));
        }
        if cases > 0 {
            r.problems.push(format!("stays: {cases} case(s) with more than one open stay"));
        }
        self.check_records_in_case(r);
        Ok(())
    }

    /// In a centre that promises it, every service item and stay lies under
    /// its case's prefix: one that does not would be missing from the case file.
    fn check_records_in_case(&self, r: &mut CheckReport) {
        use crate::domain::service::ServiceItem;
        use crate::domain::stay::Stay;
        let items = self.count_astray(self.services_in_case(), |s: &ServiceItem| !s.id.is_in_case(s.case_id));
        if items > 0 {
            r.problems.push(format!("services: {items} item(s) outside their case's key prefix"));
        }
        let stays = self.count_astray(self.stays_in_case(), |s: &Stay| !s.id.is_in_case(s.case_id));
        if stays > 0 {
            r.problems.push(format!("stays: {stays} stay(s) outside their case's key prefix"));
        }
    }

    /// How many records of a kind the centre `promised` to keep under their
    /// case lie elsewhere (unreadable values are reported as damaged).
    fn count_astray<T: Record>(&self, promised: Result<bool>, astray: fn(&T) -> bool) -> usize {
        if !promised.unwrap_or(false) {
            return 0;
        }
        self.scan::<T>().map_or(0, |all| all.iter().filter(|s| astray(&s.body)).count())
    }

    /// Whether a change-log entry's body decrypts (entries this role cannot
    /// read are taken on their hash chain alone).
    fn change_body_opens(&self, full: bool, entry: &ChangeEntry) -> bool {
        let Ok(session) = self.session() else { return false };
        let key = match (entry.class, entry.key_case) {
            (Class::Case | Class::Medical, _) if !full => return true,
            (Class::Case | Class::Medical, Some(case)) => match self.case_key(session, case) {
                Ok(Some(k)) => k,
                _ => return false,
            },
            // A case key handed to the other laptops: under the class key.
            (Class::Case, None) => match &session.keys.case {
                Some(k) => k.clone(),
                None => return true,
            },
            (Class::Medical, None) => return false,
            (Class::Front, _) => session.keys.front.clone(),
            (Class::Audit, _) => session.keys.audit.clone(),
        };
        crate::store::crypto::open(&key, &entry.header_aad(), &entry.body).is_some()
    }

    /// The counters as last committed.
    pub(crate) fn counters(&self) -> Result<Counters> {
        let key = self.audit_key()?;
        match self.tree(TreeId::Meta).get(COUNTERS_KEY)? {
            Some(raw) => codec::open(key, TreeId::Meta.name(), COUNTERS_KEY, &raw),
            None => Ok(Counters::default()),
        }
    }
}

/// The problem line for a tree sled could not read to its end; any other
/// error ends the check.
fn unreadable(e: StoreError) -> Result<String> {
    match e {
        StoreError::Unreadable { tree, after } => {
            Ok(format!("{tree}: unreadable after {after} entries (a damaged page; reading stopped there)"))
        }
        other => Err(other),
    }
}

fn session_holds(store: &Store) -> bool {
    store.session().is_ok_and(|s| s.holds_case_key())
}

/// Splits a merge-state key into the tree of its record and the record key.
fn split_merge_key(key: &[u8]) -> Option<(TreeId, &[u8])> {
    let zero = key.iter().position(|b| *b == 0)?;
    let tree = TreeId::from_name(std::str::from_utf8(&key[..zero]).ok()?)?;
    Some((tree, key.get(zero + 1..)?))
}

/// Splits a history key into the tree it belongs to and the record key.
fn split_history_key(key: &[u8]) -> Option<(TreeId, &[u8])> {
    let zero = key.iter().position(|b| *b == 0)?;
    let tree = TreeId::from_name(std::str::from_utf8(&key[..zero]).ok()?)?;
    let rest = key.get(zero + 1..key.len().checked_sub(8)?)?;
    Some((tree, rest))
}
