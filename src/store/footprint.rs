//! How many records and bytes each tree holds: where the space goes, for the
//! benchmark and for anyone asking why a database is the size it is.

use super::db::Store;
use super::error::Result;
use super::trees::TreeId;

/// The live content of one tree.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TreeFootprint {
    /// The tree's name on disk.
    pub tree: &'static str,
    /// Entries.
    pub entries: u64,
    /// Bytes of keys.
    pub key_bytes: u64,
    /// Bytes of values.
    pub value_bytes: u64,
}

impl Store {
    /// Entries and live bytes per tree, largest first (no value is decrypted).
    pub fn footprint(&self) -> Result<Vec<TreeFootprint>> {
        let mut out = Vec::with_capacity(TreeId::ALL.len());
        for (t, tree) in TreeId::ALL.iter().zip(&self.trees) {
            let mut f = TreeFootprint { tree: t.name(), entries: 0, key_bytes: 0, value_bytes: 0 };
            for kv in super::rows::Rows::all(tree, t.name()) {
                let (k, v) = kv?;
                f.entries += 1;
                f.key_bytes += k.len() as u64;
                f.value_bytes += v.len() as u64;
            }
            out.push(f);
        }
        out.sort_by_key(|f| std::cmp::Reverse(f.key_bytes + f.value_bytes));
        Ok(out)
    }
}
