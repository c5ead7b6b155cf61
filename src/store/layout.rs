//! What a database promises about where its records lie, beyond what each
//! record's own key says: a centre created by this version keeps every
//! service item and every stay under its case's key prefix
//! ([`ServiceItemId::in_case`](crate::domain::ids::ServiceItemId::in_case),
//! [`StayId::in_case`](crate::domain::ids::StayId::in_case)), so a case's
//! items and stays are read with one prefix scan. A centre created before
//! has fully random ids and is read by scanning every record of the kind,
//! as it always was (each promise is its own mark: service items came first).

use super::codec::{self, Class};
use super::db::Store;
use super::error::Result;
use super::record::{Record, Stored};
use super::trees::TreeId;
use super::tx::Tx;
use crate::domain::ids::{CASE_PREFIX_LEN, CaseId};
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;

/// Present (sealed) in the index tree when service items lie under their case.
const SERVICES_IN_CASE: &[u8] = b"layout\0services_in_case";
/// Present (sealed) in the index tree when stays lie under their case.
const STAYS_IN_CASE: &[u8] = b"layout\0stays_in_case";

impl Tx<'_> {
    /// Records that this database keeps service items and stays under their
    /// case: only for a database with neither yet.
    pub(crate) fn promise_records_in_case(&mut self) -> Result<()> {
        for mark in [SERVICES_IN_CASE, STAYS_IN_CASE] {
            let v = codec::seal(&self.session.keys.front, Class::Front, TreeId::Index.name(), mark, &1u32)?;
            self.tput_kept(TreeId::Index, mark, v)?;
        }
        Ok(())
    }
}

impl Store {
    /// Whether every service item lies under its case's key prefix.
    pub fn services_in_case(&self) -> Result<bool> {
        Ok(self.tree(TreeId::Index).contains_key(SERVICES_IN_CASE)?)
    }

    /// Whether every stay lies under its case's key prefix.
    pub fn stays_in_case(&self) -> Result<bool> {
        Ok(self.tree(TreeId::Index).contains_key(STAYS_IN_CASE)?)
    }

    /// The service items of `case`, deleted ones included.
    pub fn services_of(&self, case: CaseId) -> Result<Vec<Stored<ServiceItem>>> {
        self.records_of(self.services_in_case()?, case, |s: &ServiceItem| s.case_id)
    }

    /// The stays of `case`, deleted ones included.
    pub fn stays_of(&self, case: CaseId) -> Result<Vec<Stored<Stay>>> {
        self.records_of(self.stays_in_case()?, case, |s: &Stay| s.case_id)
    }

    /// The records of `case`: its key prefix where the centre `promised` it,
    /// every record of the kind otherwise.
    fn records_of<T: Record>(&self, promised: bool, case: CaseId, case_of: fn(&T) -> CaseId) -> Result<Vec<Stored<T>>> {
        let prefix: &[u8] = if promised { &case.as_bytes()[..CASE_PREFIX_LEN] } else { &[] };
        Ok(self.scan_prefix::<T>(prefix)?.into_iter().filter(|s| case_of(&s.body) == case).collect())
    }
}
