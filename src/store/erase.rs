//! Erasing one person: every record and every history version of a closed
//! case is removed, its own key destroyed, the change-log bodies that
//! described it emptied (the chain covers their hashes, so it still
//! verifies), an anonymised statistics record kept, one audit event written
//! — then the database is rewritten so no superseded copy survives in its
//! files.

use std::collections::HashSet;

use super::audit::{AuditAction, AuditEntry};
use super::changelog::{CASE_KEY_TREE, ChangeBody, ChangeEntry};
use super::codec::{self, Class};
use super::crypto;
use super::db::{Store, history_prefix};
use super::error::{Result, StoreError};
use super::record::Record;
use super::rows::Rows;
use super::trees::TreeId;
use crate::domain::case::CaseFront;
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::Pickup;
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};

/// The keys of the earlier versions and merge states of a case's records.
struct Older {
    versions: Vec<Vec<u8>>,
    merges: Vec<Vec<u8>>,
}

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
const CASE_SCOPED: [TreeId; 7] = [
    TreeId::CasePrivate,
    TreeId::Medical,
    TreeId::Notes,
    TreeId::Referrals,
    TreeId::Travel,
    TreeId::Consents,
    TreeId::ServiceDetails,
];

/// Key of the set of erased cases in the sync tree: changes that arrive
/// later for them are dropped, so an erased person never comes back.
pub(crate) const ERASED_KEY: &[u8] = b"erased";
/// Key of the set of erased records (tree name, key) in the sync tree.
pub(crate) const ERASED_RECORDS_KEY: &[u8] = b"erased_records";

/// What an erasure sent to the other laptops names: the case, every record
/// key it removed, and a manager's signature with the centre's roster key
/// (an installation key alone cannot order an erasure).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EraseOrder {
    /// The case.
    pub case: [u8; 16],
    /// (tree name, key) of every record removed.
    pub records: Vec<(String, Vec<u8>)>,
    /// Signature by the roster key over the centre and the above.
    pub sig: Vec<u8>,
}

impl EraseOrder {
    /// The signed message.
    pub fn message(&self, centre: &[u8; 16]) -> Vec<u8> {
        let mut m = b"haven-erase\0".to_vec();
        m.extend_from_slice(centre);
        m.extend_from_slice(&self.case);
        for (t, k) in &self.records {
            m.extend_from_slice(&crypto::hash(&[t.as_bytes(), b"\0", k]));
        }
        m
    }
}

impl Store {
    fn keys_of<T: Record>(&self, belongs: impl Fn(&T) -> bool) -> Result<Vec<(TreeId, Vec<u8>)>> {
        Ok(self.scan::<T>()?.into_iter().filter(|s| belongs(&s.body)).map(|s| (T::TREE, s.body.key())).collect())
    }

    /// Erases a closed case for good, keeping `trace` for the statistics,
    /// and orders the same erasure on every other laptop of the centre.
    pub fn erase_case(&mut self, case: CaseId, trace: AnonymisedCase) -> Result<Erased> {
        self.authorize(Act::Erase, DataClass::Case)?;
        let front = self.get::<CaseFront>(&case.id().0)?.ok_or(StoreError::NotFound("case"))?;
        if !front.body.status.is_closed() {
            return Err(StoreError::Rule(super::Rule::EraseOpenCase));
        }
        let code = front.body.code.to_string();
        self.erase_inner(case, Some((trace, code)))
    }

    /// Carries out an erasure ordered by another laptop (verified by sync:
    /// its roster signature), whatever the local state of the case.
    pub fn erase_ordered(&mut self, order: &EraseOrder) -> Result<Erased> {
        self.session()?;
        let case = CaseId::from(crate::domain::ids::Id(order.case));
        self.erase_inner(case, None)
    }

    /// The cases erased on this laptop or by order of another.
    pub fn erased_cases(&self) -> Result<std::collections::BTreeSet<[u8; 16]>> {
        let audit = self.session()?.keys.audit.clone();
        match self.tree(TreeId::Sync).get(ERASED_KEY)? {
            Some(raw) => codec::open(&audit, TreeId::Sync.name(), ERASED_KEY, &raw),
            None => Ok(Default::default()),
        }
    }

    /// The records removed by erasures: a change to one is dropped.
    pub fn erased_records(&self) -> Result<HashSet<(String, Vec<u8>)>> {
        let audit = self.session()?.keys.audit.clone();
        match self.tree(TreeId::Sync).get(ERASED_RECORDS_KEY)? {
            Some(raw) => codec::open(&audit, TreeId::Sync.name(), ERASED_RECORDS_KEY, &raw),
            None => Ok(Default::default()),
        }
    }

    fn erase_inner(&mut self, case: CaseId, local: Option<(AnonymisedCase, String)>) -> Result<Erased> {
        let id = case.id().0;
        let records = self.records_of_case(case)?;
        let record_keys: HashSet<(String, Vec<u8>)> =
            records.iter().map(|(t, k)| (t.name().to_string(), k.clone())).collect();
        let Older { versions, merges } = self.versions_and_merges(id, &records)?;
        // The change-log entries, own and relayed, that described them.
        let redact_own = self.entries_about(TreeId::ChangeLog, id, &record_keys)?;
        let redact_relayed = self.entries_about(TreeId::Envelopes, id, &record_keys)?;
        let order = match &local {
            Some(_) => Some(self.signed_order(id, &records)?),
            None => None,
        };
        let (erased_sealed, gone_sealed) = self.erased_lists_with(id, &record_keys)?;

        let report = Erased {
            records: records.len(),
            versions: versions.len(),
            log_bodies: redact_own.len() + redact_relayed.len(),
        };
        let summary =
            format!("{} records, {} versions, {} log bodies", report.records, report.versions, report.log_bodies);
        let mut entry = AuditEntry::new(AuditAction::Erase, "case").id(id).summary(summary);
        if let Some((_, code)) = &local {
            entry = entry.case(code.clone());
        }
        // One commit removes and rewrites all of it.
        self.commit(entry, |tx| {
            for (t, k) in &records {
                tx.remove_raw(*t, k)?;
            }
            for k in &versions {
                tx.remove_raw(TreeId::History, k)?;
            }
            for k in &merges {
                tx.remove_raw(TreeId::Merge, k)?;
            }
            for (k, entry) in &redact_own {
                tx.put_raw(TreeId::ChangeLog, k, codec::to_bytes(entry)?)?;
            }
            for (k, entry) in &redact_relayed {
                tx.put_raw(TreeId::Envelopes, k, codec::to_bytes(entry)?)?;
            }
            tx.remove_raw(TreeId::CaseKeys, &id)?;
            tx.blind_forget(id)?;
            tx.put_raw(TreeId::Sync, ERASED_KEY, erased_sealed.clone())?;
            tx.put_raw(TreeId::Sync, ERASED_RECORDS_KEY, gone_sealed.clone())?;
            tx.forget_conflicts(&record_keys)?;
            if let (Some((trace, _)), Some(order)) = (&local, &order) {
                tx.put(trace.clone())?;
                tx.log_erase(id, order.clone());
            }
            Ok(())
        })?;
        // Its key destroyed, and no superseded copy left in the files.
        if let Ok(mut m) = self.case_keys.lock() {
            m.remove(&id);
        }
        self.vacuum()?;
        Ok(report)
    }

    /// Every record of the case.
    fn records_of_case(&self, case: CaseId) -> Result<Vec<(TreeId, Vec<u8>)>> {
        let id = case.id().0;
        let mut records: Vec<(TreeId, Vec<u8>)> = Vec::new();
        if self.tree(TreeId::CaseFront).contains_key(id)? {
            records.push((TreeId::CaseFront, id.to_vec()));
        }
        if self.tree(TreeId::GateZones).contains_key(id)? {
            records.push((TreeId::GateZones, id.to_vec()));
        }
        for t in CASE_SCOPED {
            for item in Rows::of(self.tree(t).scan_prefix(id), t.name()) {
                records.push((t, item?.0.to_vec()));
            }
        }
        records.extend(self.keys_of::<ServiceItem>(|s| s.case_id == case)?);
        records.extend(self.keys_of::<Stay>(|s| s.case_id == case)?);
        records.extend(self.keys_of::<Pickup>(|p| p.case_id == Some(case))?);
        records.extend(self.keys_of::<Reservation>(|r| r.case_id == Some(case))?);
        Ok(records)
    }

    /// Every earlier version of `records`, and their merge states (which
    /// hold values side by side), including merge states of records of the
    /// case whose creation never arrived here.
    fn versions_and_merges(&self, id: [u8; 16], records: &[(TreeId, Vec<u8>)]) -> Result<Older> {
        let mut versions: Vec<Vec<u8>> = Vec::new();
        let mut merges: Vec<Vec<u8>> = Vec::new();
        for (t, k) in records {
            for item in Rows::of(self.tree(TreeId::History).scan_prefix(history_prefix(*t, k)), TreeId::History.name())
            {
                versions.push(item?.0.to_vec());
            }
            let mk = history_prefix(*t, k);
            if self.tree(TreeId::Merge).contains_key(&mk)? {
                merges.push(mk);
            }
        }
        for t in CASE_SCOPED {
            for item in Rows::of(self.tree(TreeId::Merge).scan_prefix(history_prefix(t, &id)), TreeId::Merge.name()) {
                let k = item?.0.to_vec();
                if !merges.contains(&k) {
                    merges.push(k);
                }
            }
        }
        Ok(Older { versions, merges })
    }

    /// The order other laptops carry out, signed with the roster key when
    /// this session holds it.
    fn signed_order(&self, id: [u8; 16], records: &[(TreeId, Vec<u8>)]) -> Result<Vec<u8>> {
        let records = records.iter().map(|(t, k)| (t.name().to_string(), k.clone())).collect();
        let mut o = EraseOrder { case: id, records, sig: Vec::new() };
        if let Some(seed) = &self.session()?.keys.roster {
            let key = crypto::SigningKey::from_seed(seed.as_bytes());
            o.sig = key.sign(&[&o.message(&self.header().centre_id)]).to_vec();
        }
        codec::to_bytes(&o)
    }

    /// The sealed lists of erased cases and erased records, with this case added.
    fn erased_lists_with(&self, id: [u8; 16], record_keys: &HashSet<(String, Vec<u8>)>) -> Result<(Vec<u8>, Vec<u8>)> {
        let mut erased = self.erased_cases()?;
        erased.insert(id);
        let audit = self.session()?.keys.audit.clone();
        let erased_sealed = codec::seal(&audit, Class::Audit, TreeId::Sync.name(), ERASED_KEY, &erased)?;
        let mut gone = self.erased_records()?;
        gone.extend(record_keys.iter().cloned());
        let gone_sealed = codec::seal(&audit, Class::Audit, TreeId::Sync.name(), ERASED_RECORDS_KEY, &gone)?;
        Ok((erased_sealed, gone_sealed))
    }

    /// Entries of `tree` (the own log, or the relayed envelopes) whose body
    /// describes a record of the erased case, or hands out its key: emptied.
    fn entries_about(
        &self,
        tree: TreeId,
        case: [u8; 16],
        record_keys: &HashSet<(String, Vec<u8>)>,
    ) -> Result<Vec<(Vec<u8>, ChangeEntry)>> {
        let session = self.session()?;
        let front_key = session.keys.front.clone();
        let case_class = session.keys.case.clone();
        let mut out = Vec::new();
        for item in Rows::all(self.tree(tree), tree.name()) {
            let (k, raw) = item?;
            let mut entry: ChangeEntry = codec::from_bytes(&raw, "changelog")?;
            if entry.is_redacted() {
                continue;
            }
            let opens = |key: &crypto::Key| {
                crypto::open(key, &entry.header_aad(), &entry.body)
                    .and_then(|plain| codec::from_bytes::<ChangeBody>(&plain, "changelog").ok())
            };
            let ours = match (entry.class, entry.key_case) {
                (Class::Case | Class::Medical, Some(c)) => c == case,
                // A case key handed to the other laptops.
                (Class::Case, None) => {
                    case_class.as_ref().and_then(&opens).is_some_and(|b| b.tree == CASE_KEY_TREE && b.key == case)
                }
                (Class::Front, _) => opens(&front_key).is_some_and(|b| record_keys.contains(&(b.tree, b.key))),
                _ => false,
            };
            if ours {
                entry.body.clear();
                out.push((k.to_vec(), entry));
            }
        }
        Ok(out)
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
