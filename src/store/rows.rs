//! Bounded reads of a whole tree (or a range of one). sled 0.34's iterator,
//! on a page it cannot read (a damaged checksum), returns the same error for
//! ever: `check` that noted it and went on grew without bound, and
//! `Tree::len` (which counts with that iterator) never returned. Every
//! full-tree read of the store goes through [`Rows`], which stops at the
//! first error and names the tree and how far it got.

use sled::IVec;

use super::error::StoreError;

/// The entries of one sled iterator, ending at the first error, which is
/// returned once as [`StoreError::Unreadable`].
pub(crate) struct Rows {
    inner: Option<sled::Iter>,
    tree: &'static str,
    read: u64,
}

impl Rows {
    /// Every entry of `tree` (named `name` in errors), in key order.
    pub(crate) fn all(tree: &sled::Tree, name: &'static str) -> Rows {
        Rows::of(tree.iter(), name)
    }

    /// The entries of an iterator over tree `name` (a prefix, a range).
    pub(crate) fn of(iter: sled::Iter, name: &'static str) -> Rows {
        Rows { inner: Some(iter), tree: name, read: 0 }
    }

    /// Reads back to front (the newest audit event first).
    pub(crate) fn rev(self) -> RevRows {
        RevRows(self)
    }

    fn step(&mut self, item: Option<sled::Result<(IVec, IVec)>>) -> Option<Result<(IVec, IVec), StoreError>> {
        match item? {
            Ok(kv) => {
                self.read += 1;
                Some(Ok(kv))
            }
            Err(e) => {
                // Never ask this iterator again: it would repeat the error.
                self.inner = None;
                Some(Err(unreadable(self.tree, self.read, e)))
            }
        }
    }
}

/// The error for an entry of `tree` that sled could not read, after `read`
/// good ones: a full disk or another I/O failure stays what it is.
fn unreadable(tree: &'static str, read: u64, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => io.into(),
        _ => StoreError::Unreadable { tree, after: read },
    }
}

impl Iterator for Rows {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.as_mut()?.next();
        self.step(item)
    }
}

/// [`Rows`] from the last entry back.
pub(crate) struct RevRows(Rows);

impl Iterator for RevRows {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.0.inner.as_mut()?.next_back();
        self.0.step(item)
    }
}

/// The name for errors of the sled tree called `name` (its own, or `sled`
/// for sled's default tree).
pub(crate) fn tree_name(name: &[u8]) -> &'static str {
    match super::trees::TreeId::from_name(&String::from_utf8_lossy(name)) {
        Some(t) => t.name(),
        None if name == super::trees::THROTTLE_TREE.as_bytes() => super::trees::THROTTLE_TREE,
        None => "sled",
    }
}

/// Counts the entries of `tree`, stopping at the first it cannot read
/// (what `sled::Tree::len` does, without its endless loop on damage).
pub(crate) fn count(tree: &sled::Tree, name: &'static str) -> Result<u64, StoreError> {
    let mut n = 0;
    for item in Rows::all(tree, name) {
        item?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_error_ends_the_rows_with_the_tree_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        let t = db.open_tree("cases").unwrap();
        for i in 0u32..5 {
            t.insert(i.to_be_bytes(), &[1u8; 8]).unwrap();
        }
        assert_eq!(count(&t, "cases").unwrap(), 5);
        let items: Vec<_> = Rows::all(&t, "cases").collect();
        assert_eq!(items.len(), 5);
        let back: Vec<_> = Rows::all(&t, "cases").rev().map(|r| r.unwrap().0).collect();
        assert_eq!(back.first().map(|k| k.to_vec()), Some(4u32.to_be_bytes().to_vec()));
        // The error an unreadable page gives: reported once, then the end.
        let mut rows = Rows::all(&t, "cases");
        let e = rows.step(Some(Err(sled::Error::Corruption { at: None, bt: () })));
        assert!(matches!(e, Some(Err(StoreError::Unreadable { tree: "cases", after: 0 }))));
        assert!(rows.next().is_none());
    }
}
