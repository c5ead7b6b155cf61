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
use super::record::Stored;
use super::trees::TreeId;
use super::tx::Tx;
use crate::domain::ids::{CaseId, StayId};
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

    /// The stays of `case`, deleted ones included: its key prefix where the
    /// centre promises it, every stay otherwise.
    pub fn stays_of(&self, case: CaseId) -> Result<Vec<Stored<Stay>>> {
        let prefix: &[u8] = if self.stays_in_case()? { &StayId::case_prefix(case) } else { &[] };
        Ok(self.scan_prefix::<Stay>(prefix)?.into_iter().filter(|s| s.body.case_id == case).collect())
    }
}
