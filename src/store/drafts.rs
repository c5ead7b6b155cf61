//! Forms in progress, kept encrypted per user: after a few seconds without
//! typing, on lock, and on a signal. A draft is sealed under the case class
//! key when the user holds it (a case form may hold names), else the front key.

use super::codec::{self, Class};
use super::db::Store;
use super::error::Result;
use super::trees::TreeId;

impl Store {
    fn draft_key_class(&self) -> Result<(super::crypto::Key, Class)> {
        let s = self.session()?;
        Ok(match &s.keys.case {
            Some(k) => (k.clone(), Class::Case),
            None => (s.keys.front.clone(), Class::Front),
        })
    }

    /// Keeps `bytes` (an encoded draft) for the logged-in user, durably.
    pub fn save_draft(&self, bytes: &[u8]) -> Result<()> {
        let user = self.session()?.username.clone();
        self.folder_still_ours()?;
        let (k, class) = self.draft_key_class()?;
        let sealed = codec::seal_bytes(&k, class, TreeId::Drafts.name(), user.as_bytes(), bytes)?;
        // A draft the disk refuses leaves sled refusing as a failed save does.
        self.tree(TreeId::Drafts).insert(user.as_bytes(), sealed).map_err(|e| self.failed_write(e.into()))?;
        self.make_durable().map_err(|e| self.failed_write(e))
    }

    /// The logged-in user's draft, if one was kept.
    pub fn load_draft(&self) -> Result<Option<Vec<u8>>> {
        let user = self.session()?.username.clone();
        let Some(raw) = self.tree(TreeId::Drafts).get(user.as_bytes())? else {
            return Ok(None);
        };
        let (k, _) = self.draft_key_class()?;
        Ok(Some(codec::open_bytes(&k, TreeId::Drafts.name(), user.as_bytes(), &raw)?.to_vec()))
    }

    /// Forgets the logged-in user's draft.
    pub fn clear_draft(&self) -> Result<()> {
        let user = self.session()?.username.clone();
        if self.tree(TreeId::Drafts).remove(user.as_bytes())?.is_some() {
            self.make_durable()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::store::tests::{PASS, centre};
    use crate::store::*;

    #[test]
    fn a_draft_survives_a_lock_and_only_its_user_reads_it() {
        let (dir, mut store) = centre();
        store.set_user("rita", "Rita", crate::domain::user::Role::Reception, b"reception passphrase").unwrap();
        store.save_draft(b"typed so far").unwrap();
        store.lock_session(AuditAction::Lock);
        assert!(store.load_draft().is_err());
        store.login("rita", b"reception passphrase").unwrap();
        assert_eq!(store.load_draft().unwrap(), None);
        store.lock_session(AuditAction::Lock);
        drop(store);
        let store = Store::open_as(dir.path(), "anna", PASS).unwrap();
        assert_eq!(store.load_draft().unwrap().as_deref(), Some(&b"typed so far"[..]));
        assert!(store.check().unwrap().ok());
        store.clear_draft().unwrap();
        assert_eq!(store.load_draft().unwrap(), None);
    }
}
