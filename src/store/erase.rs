//! Erasing one person: every record and every history version of a closed
//! case is removed, its own key destroyed, the change-log bodies that
//! described it emptied (the chain covers their hashes, so it still
//! verifies), an anonymised statistics record kept, one audit event written
//! — then the database is rewritten so no superseded copy survives in its
//! files.

use std::collections::HashSet;

use super::audit::{AuditAction, AuditEntry};
use super::changelog::{ChangeBody, ChangeEntry};
use super::codec::{self, Class};
use super::crypto;
use super::db::{Store, history_prefix};
use super::error::{Result, StoreError};
use super::record::Record;
use super::trees::TreeId;
use crate::domain::case::CaseFront;
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::Pickup;
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};

/// What an erasure removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Erased {
    /// Records removed.
    pub records: usize,
    /// History versions removed.
    pub versions: usize,
    /// Change-log bodies emptied.
    pub log_bodies: usize,
}

/// Trees whose records are sealed under the case's own key, keyed by case id first.
const CASE_SCOPED: [TreeId; 6] =
    [TreeId::CasePrivate, TreeId::Medical, TreeId::Notes, TreeId::Referrals, TreeId::Travel, TreeId::Consents];

impl Store {
    fn keys_of<T: Record>(&self, belongs: impl Fn(&T) -> bool) -> Result<Vec<(TreeId, Vec<u8>)>> {
        Ok(self.scan::<T>()?.into_iter().filter(|s| belongs(&s.body)).map(|s| (T::TREE, s.body.key())).collect())
    }

    /// Erases a closed case for good, keeping `trace` for the statistics.
    pub fn erase_case(&mut self, case: CaseId, trace: AnonymisedCase) -> Result<Erased> {
        self.authorize(Act::Erase, DataClass::Case)?;
        let front = self.get::<CaseFront>(&case.id().0)?.ok_or(StoreError::NotFound("case"))?;
        if !front.body.status.is_closed() {
            return Err(StoreError::Rule("erase_open_case".into()));
        }
        let code = front.body.code.to_string();
        let id = case.id().0;

        // Every record of the case.
        let mut records: Vec<(TreeId, Vec<u8>)> = vec![(TreeId::CaseFront, id.to_vec())];
        for t in CASE_SCOPED {
            for item in self.tree(t).scan_prefix(id) {
                records.push((t, item?.0.to_vec()));
            }
        }
        records.extend(self.keys_of::<ServiceItem>(|s| s.case_id == case)?);
        records.extend(self.keys_of::<Stay>(|s| s.case_id == case)?);
        records.extend(self.keys_of::<Pickup>(|p| p.case_id == Some(case))?);
        records.extend(self.keys_of::<Reservation>(|r| r.case_id == Some(case))?);

        // Every earlier version of those records.
        let mut versions: Vec<Vec<u8>> = Vec::new();
        for (t, k) in &records {
            for item in self.tree(TreeId::History).scan_prefix(history_prefix(*t, k)) {
                versions.push(item?.0.to_vec());
            }
        }

        // The change-log entries that described them.
        let record_keys: HashSet<(String, Vec<u8>)> =
            records.iter().map(|(t, k)| (t.name().to_string(), k.clone())).collect();
        let front_key = self.session()?.keys.front.clone();
        let mut redact: Vec<(Vec<u8>, ChangeEntry)> = Vec::new();
        for item in self.tree(TreeId::ChangeLog).iter() {
            let (k, raw) = item?;
            let mut entry: ChangeEntry = codec::from_bytes(&raw, "changelog")?;
            if entry.is_redacted() {
                continue;
            }
            let ours = match entry.class {
                Class::Case | Class::Medical => entry.key_case == Some(id),
                Class::Front => crypto::open(&front_key, &entry.header_aad(), &entry.body)
                    .and_then(|plain| codec::from_bytes::<ChangeBody>(&plain, "changelog").ok())
                    .is_some_and(|b| record_keys.contains(&(b.tree, b.key))),
                Class::Audit => false,
            };
            if ours {
                entry.body.clear();
                redact.push((k.to_vec(), entry));
            }
        }

        let report = Erased { records: records.len(), versions: versions.len(), log_bodies: redact.len() };
        let summary =
            format!("{} records, {} versions, {} log bodies", report.records, report.versions, report.log_bodies);
        self.commit(AuditEntry::new(AuditAction::Erase, "case").id(id).case(code).summary(summary), |tx| {
            for (t, k) in &records {
                tx.remove_raw(*t, k)?;
            }
            for k in &versions {
                tx.remove_raw(TreeId::History, k)?;
            }
            for (k, entry) in &redact {
                tx.put_raw(TreeId::ChangeLog, k, codec::to_bytes(entry)?)?;
            }
            tx.remove_raw(TreeId::CaseKeys, &id)?;
            tx.put(trace.clone())?;
            Ok(())
        })?;
        if let Ok(mut m) = self.case_keys.lock() {
            m.remove(&id);
        }
        self.vacuum()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CasePrivate, CaseStatus};
    use crate::domain::user::Role;
    use crate::store::tests::centre;
    use crate::store::{AuditAction, AuditEntry};

    const UNIQUE: &str = "Qzyxwvutsrmulk";

    fn all_file_bytes(dir: &std::path::Path) -> Vec<u8> {
        let mut out = Vec::new();
        for e in walk(dir) {
            out.extend(std::fs::read(e).unwrap_or_default());
        }
        out
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut v = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() { v.extend(walk(&p)) } else { v.push(p) }
        }
        v
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn an_erased_case_leaves_nothing_decryptable_but_its_anonymised_trace() {
        let (dir, mut store) = centre();
        let mut front = crate::domain::strategies::sample_case_front();
        let mut private = crate::domain::strategies::sample_case_private();
        private.case_id = front.id;
        private.family_name = UNIQUE.into();
        private.refresh_latin();
        front.status = CaseStatus::Arrived;
        store
            .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
                tx.put(front.clone())?;
                tx.put(private.clone())?;
                Ok(())
            })
            .unwrap();
        // An edit, so there is a history version too.
        private.notes = format!("{UNIQUE} was met at the airport");
        store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(private.clone()).map(|_| ())).unwrap();
        let id = front.id.id().0;
        let sealed_file = store.tree(TreeId::CasePrivate).get(id).unwrap().unwrap().to_vec();
        let wrapped_key = store.tree(TreeId::CaseKeys).get(id).unwrap().unwrap().to_vec();

        // An open case cannot be erased; nor can a case worker erase.
        assert!(matches!(crate::ops::access::erase_case(&mut store, front.id), Err(StoreError::Rule(_))));
        front.status = CaseStatus::Closed;
        store.commit(AuditEntry::new(AuditAction::Update, "case"), |tx| tx.put(front.clone()).map(|_| ())).unwrap();
        store.set_user("cora", "Cora", Role::CaseWorker, b"case worker pass").unwrap();
        store.lock_session(AuditAction::Lock);
        store.login("cora", b"case worker pass").unwrap();
        assert!(matches!(crate::ops::access::erase_case(&mut store, front.id), Err(StoreError::Forbidden(_))));
        store.lock_session(AuditAction::Lock);
        store.login("anna", crate::store::tests::PASS).unwrap();

        let report = crate::ops::access::erase_case(&mut store, front.id).unwrap();
        assert!(report.records >= 2 && report.versions >= 2 && report.log_bodies >= 3, "{report:?}");

        // Nothing of the case reads back, and its key is gone.
        assert!(store.get::<CaseFront>(&id).unwrap().is_none());
        assert!(store.scan_prefix::<CasePrivate>(&id).unwrap().is_empty());
        assert!(store.tree(TreeId::CaseKeys).get(id).unwrap().is_none());
        // No copy of its ciphertext or its wrapped key survives in the files.
        let bytes = all_file_bytes(dir.path());
        assert!(!contains(&bytes, &sealed_file[2..40]), "the sealed case file survived in the database files");
        assert!(!contains(&bytes, &wrapped_key[2..40]), "the wrapped case key survived in the database files");
        assert!(!contains(&bytes, UNIQUE.as_bytes()));
        // The trace remains for the reports; the chain and the check hold.
        let stats = store.scan::<AnonymisedCase>().unwrap();
        assert_eq!(stats.len(), 1);
        assert_eq!(stats[0].body.gender, front.gender);
        let events = store.audit_events().unwrap();
        assert_eq!(events.last().unwrap().1.as_ref().unwrap().action, AuditAction::Erase);
        let check = store.check().unwrap();
        assert!(check.ok(), "{:?}", check.problems);
        // And the centre reopens after the swap.
        drop(store);
        let store = Store::open_as(dir.path(), "anna", crate::store::tests::PASS).unwrap();
        assert!(store.check().unwrap().ok());
    }
}
