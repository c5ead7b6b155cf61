//! A read-only view of the centre that another thread can own: clones of
//! sled's trees and of the session's class keys. The search thread builds
//! its index with one, so the console's thread never waits for 100,000
//! private files to be decrypted.

use std::collections::HashMap;

use super::codec::{self, Class};
use super::crypto::Key;
use super::db::{Store, unwrap_case_key};
use super::error::{Result, StoreError};
use super::record::{Record, Stored, data_class};
use super::trees::TreeId;
use super::vault::ClassKeys;
use crate::domain::permissions::{Act, DataClass, allowed};
use crate::domain::user::Role;

/// Reads records with the rights of the session that made it.
pub struct Reader {
    trees: Vec<sled::Tree>,
    keys: ClassKeys,
    role: Role,
    case_keys: HashMap<[u8; 16], Key>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("role", &self.role).finish_non_exhaustive()
    }
}

impl Store {
    /// A reader with the logged-in session's rights, for another thread.
    pub fn reader(&self) -> Result<Reader> {
        let session = self.session()?;
        Ok(Reader {
            trees: self.trees.clone(),
            keys: session.keys.clone(),
            role: session.role,
            case_keys: HashMap::new(),
        })
    }
}

impl Reader {
    /// Whether the session's role may do `act` on `class`.
    pub fn may(&self, act: Act, class: DataClass) -> bool {
        allowed(self.role, act, class)
    }

    fn tree(&self, t: TreeId) -> Result<&sled::Tree> {
        self.trees.get(t.index()).ok_or(StoreError::Corrupt { tree: "trees" })
    }

    fn key_for(&mut self, class: Class, key: &[u8]) -> Result<Key> {
        let (trees, cache) = (&self.trees, &mut self.case_keys);
        self.keys.sealing(class, key, |class_key, case| {
            if let Some(k) = cache.get(&case) {
                return Ok(k.clone());
            }
            let tree = trees.get(TreeId::CaseKeys.index()).ok_or(StoreError::Corrupt { tree: "trees" })?;
            let raw = tree.get(case)?.ok_or(StoreError::NotFound("case key"))?;
            let k = unwrap_case_key(class_key, &case, &raw)?;
            cache.insert(case, k.clone());
            Ok(k)
        })
    }

    /// Hands every record of a type to `f`, one at a time, in key order.
    pub fn for_each<T: Record>(&mut self, mut f: impl FnMut(Stored<T>) -> Result<()>) -> Result<()> {
        if !self.may(Act::View, data_class(T::CLASS)) {
            return Err(StoreError::Forbidden(Act::View.name()));
        }
        let tree = self.tree(T::TREE)?.clone();
        for item in super::rows::Rows::all(&tree, T::TREE.name()) {
            let (key, raw) = item?;
            let k = self.key_for(T::CLASS, &key)?;
            f(codec::open(&k, T::TREE.name(), &key, &raw)?)?;
        }
        Ok(())
    }

    /// Every record of a type, in key order (as `Store::scan`).
    pub fn scan<T: Record>(&mut self) -> Result<Vec<Stored<T>>> {
        let mut out = Vec::new();
        self.for_each::<T>(|r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CaseFront, CasePrivate};
    use crate::store::tests::centre;
    use crate::store::{AuditAction, AuditEntry};

    #[test]
    fn a_reader_on_another_thread_sees_what_the_session_may_see() {
        let (dir, mut store) = centre();
        let front = crate::domain::strategies::sample_case_front();
        let mut private = crate::domain::strategies::sample_case_private();
        private.case_id = front.id;
        store
            .commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
                tx.put(front.clone())?;
                tx.put(private.clone()).map(|_| ())
            })
            .unwrap();
        let mut reader = store.reader().unwrap();
        let names = std::thread::spawn(move || {
            let mut n = Vec::new();
            reader
                .for_each::<CasePrivate>(|p| {
                    n.push(p.body.full_name());
                    Ok(())
                })
                .unwrap();
            n
        })
        .join()
        .unwrap();
        assert_eq!(names, vec![private.full_name()]);

        store.set_user("rita", "Rita", Role::Reception, b"reception passphrase").unwrap();
        drop(store);
        let rita = Store::open_as(dir.path(), "rita", b"reception passphrase").unwrap();
        let mut reader = rita.reader().unwrap();
        assert!(reader.for_each::<CasePrivate>(|_| Ok(())).is_err(), "reception reads no case file");
        let mut fronts = 0;
        reader
            .for_each::<CaseFront>(|_| {
                fronts += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(fronts, 1);
    }
}
