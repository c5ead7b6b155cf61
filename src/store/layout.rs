//! What a database promises about where its records lie, beyond what each
//! record's own key says: a centre created by this version keeps every
//! service item under its case's key prefix
//! ([`ServiceItemId::in_case`](crate::domain::ids::ServiceItemId::in_case)),
//! so a case's items are read with one prefix scan. A centre created before
//! has items with fully random ids and is read by scanning every item, as
//! it always was.

use super::codec::{self, Class};
use super::db::Store;
use super::error::Result;
use super::trees::TreeId;
use super::tx::Tx;

/// Present (sealed) in the index tree when service items lie under their case.
const SERVICES_IN_CASE: &[u8] = b"layout\0services_in_case";

impl Tx<'_> {
    /// Records that this database keeps service items under their case:
    /// only for a database with no service item yet.
    pub(crate) fn promise_services_in_case(&mut self) -> Result<()> {
        let v = codec::seal(&self.session.keys.front, Class::Front, TreeId::Index.name(), SERVICES_IN_CASE, &1u32)?;
        self.tput_kept(TreeId::Index, SERVICES_IN_CASE, v)
    }
}

impl Store {
    /// Whether every service item lies under its case's key prefix.
    pub fn services_in_case(&self) -> Result<bool> {
        Ok(self.tree(TreeId::Index).contains_key(SERVICES_IN_CASE)?)
    }
}
