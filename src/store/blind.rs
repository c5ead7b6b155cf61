//! The blind index of possible duplicates: keyed hashes (tags) of what the
//! duplicate rules compare, each tag → the cases holding it, so that the
//! check before a new case or a document save is a lookup, not a read of
//! every case file.
//!
//! Two parts, each under the class that may see what it hashes:
//!
//! - **Case part** (names with the date of birth, document numbers, from
//!   [`CasePrivate`]): tags keyed by a key derived from the case class key,
//!   entries sealed under it. A reception or night session can neither
//!   compute a tag nor open an entry.
//! - **Alias part** (alias with gender, from [`CaseFront`]): keyed by a key
//!   derived from the front key, as reception sees aliases anyway.
//!
//! The terms hashed are [`name_terms`], [`document_term`], [`alias_term`];
//! no plaintext name or number is stored. Tags are the first 16 bytes of
//! HMAC-SHA-256, so two centres (different class keys) never share one.
//! Each case also has a reverse entry (its tags, sealed the same way) so a
//! change or an erasure removes exactly what the case had.
//!
//! Every typed write of a front or a file keeps it in the same transaction
//! ([`Tx::blind_after_write`], called by `Tx::write` and by the sync's typed
//! write in `store::kinds`); erasure drops the case ([`Tx::blind_forget`]).
//! A centre made before the index is built once at the first login holding
//! the case key ([`Store::build_blind`]); until it is marked built, callers
//! fall back to reading the records. `haven check` compares it with the
//! records ([`Store::blind_mismatches`]); a differing index is dropped and
//! rebuilt at the next such login: it is derived data.

use std::collections::{BTreeMap, BTreeSet};

use super::codec::{self, Class};
use super::crypto::{self, Key};
use super::db::Store;
use super::error::Result;
use super::record::{Record, Stored};
use super::rows::Rows;
use super::trees::TreeId;
use super::tx::Tx;
use super::vault::ClassKeys;
use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::duplicate::{alias_term, document_term, name_terms};
use crate::domain::ids::{CaseId, Id};

/// Index-tree keys of the blind index start with this.
const PREFIX: &[u8] = b"blind\0";
/// Present (sealed under the front key) once the index holds every case.
const BUILT: &[u8] = b"blind\0built";

/// A tag: a keyed hash of one term.
pub type Tag = [u8; 16];

/// Which part of the index, by the class that may see what it hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Names with the date of birth, document numbers: case-key holders only.
    Case,
    /// Alias with gender: every role.
    Alias,
}

impl Part {
    fn byte(self) -> u8 {
        match self {
            Part::Case => b'c',
            Part::Alias => b'a',
        }
    }

    fn class(self) -> Class {
        match self {
            Part::Case => Class::Case,
            Part::Alias => Class::Front,
        }
    }

    fn class_key(self, keys: &ClassKeys) -> Option<&Key> {
        match self {
            Part::Case => keys.case.as_ref(),
            Part::Alias => Some(&keys.front),
        }
    }
}

/// The key tags of `part` are made with, derived from its class key.
pub(crate) fn tag_key(class_key: &Key, part: Part) -> Key {
    Key::from_bytes(crypto::mac(class_key, &[b"haven blind index v1\0", &[part.byte()]]))
}

/// The tag of one term.
pub(crate) fn tag(tag_key: &Key, term: &str) -> Tag {
    let m = crypto::mac(tag_key, &[term.as_bytes()]);
    let mut t = [0u8; 16];
    t.copy_from_slice(&m[..16]);
    t
}

/// Where the tag's entries lie: one per case holding it.
fn tag_prefix(part: Part, tag: &Tag) -> Vec<u8> {
    [PREFIX, b"t", &[part.byte()], tag].concat()
}

/// The entry saying that `case` holds `tag`: under the tag's prefix, at a
/// keyed slot (not the case id, which would show in the file which cases
/// share a tag), its value the case id sealed. One entry per case, so a
/// common alias is never one long list rewritten at every save.
fn tag_entry(tag_key: &Key, part: Part, tag: &Tag, case: &[u8; 16]) -> Vec<u8> {
    let slot = crypto::mac(tag_key, &[b"slot\0", case]);
    [tag_prefix(part, tag).as_slice(), &slot[..8]].concat()
}

fn case_entry(part: Part, case: &[u8; 16]) -> Vec<u8> {
    [PREFIX, b"r", &[part.byte()], case].concat()
}

fn seal_list(k: &Key, part: Part, key: &[u8], items: &BTreeSet<[u8; 16]>) -> Result<Vec<u8>> {
    let plain = zeroize::Zeroizing::new(items.iter().flatten().copied().collect::<Vec<u8>>());
    codec::seal_bytes(k, part.class(), TreeId::Index.name(), key, &plain)
}

fn open_list(k: &Key, key: &[u8], raw: &[u8]) -> Result<BTreeSet<[u8; 16]>> {
    let plain = codec::open_bytes(k, TreeId::Index.name(), key, raw)?;
    Ok(plain.chunks_exact(16).filter_map(|c| <[u8; 16]>::try_from(c).ok()).collect())
}

/// What the case part keeps of a case file: its name with the date of
/// birth, and its documents.
pub fn file_terms(file: &CasePrivate) -> Vec<String> {
    let name = file.full_name();
    let mut terms = if name.is_empty() { Vec::new() } else { name_terms(&name, file.date_of_birth) };
    terms.extend(file.documents.iter().filter_map(|d| document_term(&d.number)));
    terms
}

/// What the alias part keeps of a case front.
pub fn front_terms(front: &CaseFront) -> Vec<String> {
    alias_term(&front.alias, front.gender).into_iter().collect()
}

impl Tx<'_> {
    /// Marks the (empty) index of a new centre built, so that saves keep it
    /// from the first one on.
    pub(crate) fn blind_start(&mut self) -> Result<()> {
        let v = codec::seal_bytes(&self.session.keys.front, Class::Front, TreeId::Index.name(), BUILT, b"1")?;
        self.tput(TreeId::Index, BUILT, v)
    }

    /// Keeps the index after a write of `stored` at `key` (only fronts and
    /// case files matter), from the value the write holds: nothing is read
    /// back.
    pub(crate) fn blind_after_write<T: Record>(&mut self, key: &[u8], stored: &Stored<T>) -> Result<()> {
        let Ok(case) = <[u8; 16]>::try_from(key) else { return Ok(()) };
        let any: &dyn std::any::Any = stored;
        if let Some(s) = any.downcast_ref::<Stored<CaseFront>>() {
            let terms = if s.is_deleted() { Vec::new() } else { front_terms(&s.body) };
            return self.blind_replace(Part::Alias, case, &terms);
        }
        if let Some(s) = any.downcast_ref::<Stored<CasePrivate>>()
            && self.session.keys.case.is_some()
        {
            let terms = if s.is_deleted() { Vec::new() } else { file_terms(&s.body) };
            return self.blind_replace(Part::Case, case, &terms);
        }
        Ok(())
    }

    /// Removes an erased case from the index. A session without the case
    /// key drops the case's reverse entry; ids it cannot reach stay behind
    /// pointing at nothing (a lookup ignores a case that is gone) and are
    /// cleared at the next rebuild.
    pub(crate) fn blind_forget(&mut self, case: [u8; 16]) -> Result<()> {
        for part in [Part::Case, Part::Alias] {
            if part.class_key(&self.session.keys).is_some() {
                self.blind_replace(part, case, &[])?;
            } else {
                self.tremove(TreeId::Index, &case_entry(part, &case))?;
                self.tremove(TreeId::Index, BUILT)?;
            }
        }
        Ok(())
    }

    fn blind_replace(&mut self, part: Part, case: [u8; 16], terms: &[String]) -> Result<()> {
        let Some(ck) = part.class_key(&self.session.keys).cloned() else { return Ok(()) };
        let tk = tag_key(&ck, part);
        let new: BTreeSet<Tag> = terms.iter().map(|t| tag(&tk, t)).collect();
        let rk = case_entry(part, &case);
        let old = match self.tget(TreeId::Index, &rk)? {
            Some(raw) => match open_list(&ck, &rk, &raw) {
                Ok(old) => old,
                // A damaged entry must not stop a save: the index is rebuilt.
                Err(_) => {
                    self.tremove(TreeId::Index, BUILT)?;
                    BTreeSet::new()
                }
            },
            None => BTreeSet::new(),
        };
        if old == new {
            return Ok(());
        }
        for t in old.difference(&new) {
            self.tremove(TreeId::Index, &tag_entry(&tk, part, t, &case))?;
        }
        for t in new.difference(&old) {
            let k = tag_entry(&tk, part, t, &case);
            let v = seal_list(&ck, part, &k, &BTreeSet::from([case]))?;
            self.tput(TreeId::Index, &k, v)?;
        }
        if new.is_empty() {
            self.tremove(TreeId::Index, &rk)
        } else {
            let v = seal_list(&ck, part, &rk, &new)?;
            self.tput(TreeId::Index, &rk, v)
        }
    }
}

/// Every entry the index should hold, plain: key → the ids or tags it lists.
type Entries = BTreeMap<Vec<u8>, BTreeSet<[u8; 16]>>;

impl Store {
    /// Whether the index holds every case (built, and kept since).
    pub fn blind_built(&self) -> Result<bool> {
        let front = self.session()?.keys.front.clone();
        Ok(match self.tree(TreeId::Index).get(BUILT)? {
            Some(raw) => codec::open_bytes(&front, TreeId::Index.name(), BUILT, &raw).is_ok(),
            None => false,
        })
    }

    /// The cases whose records hold any of `terms` in `part`; `None` when
    /// the index cannot answer (not built, a class this session does not
    /// hold, a damaged entry): the caller then reads the records.
    pub fn blind_cases(&self, part: Part, terms: &[String]) -> Result<Option<BTreeSet<CaseId>>> {
        let Some(ck) = part.class_key(&self.session()?.keys).cloned() else { return Ok(None) };
        if !self.blind_built()? {
            return Ok(None);
        }
        let tk = tag_key(&ck, part);
        let mut out = BTreeSet::new();
        for term in terms {
            let prefix = tag_prefix(part, &tag(&tk, term));
            for item in Rows::of(self.tree(TreeId::Index).scan_prefix(&prefix), TreeId::Index.name()) {
                let (k, raw) = item?;
                match open_list(&ck, &k, &raw) {
                    Ok(ids) => out.extend(ids.into_iter().map(|b| CaseId::from(Id(b)))),
                    Err(_) => return Ok(None),
                }
            }
        }
        Ok(Some(out))
    }

    /// What the index should hold, from the records (a session with the
    /// case key).
    fn blind_derived(&self) -> Result<Entries> {
        let keys = &self.session()?.keys;
        let mut out = Entries::new();
        let mut add = |part: Part, ck: &Key, case: [u8; 16], terms: Vec<String>| {
            let tk = tag_key(ck, part);
            let tags: BTreeSet<Tag> = terms.iter().map(|t| tag(&tk, t)).collect();
            for t in &tags {
                out.insert(tag_entry(&tk, part, t, &case), BTreeSet::from([case]));
            }
            if !tags.is_empty() {
                out.insert(case_entry(part, &case), tags);
            }
        };
        for f in self.scan::<CaseFront>()?.into_iter().filter(|s| !s.is_deleted()) {
            add(Part::Alias, &keys.front, f.body.id.id().0, front_terms(&f.body));
        }
        if let Some(ck) = keys.case.as_ref() {
            for f in self.scan::<CasePrivate>()?.into_iter().filter(|s| !s.is_deleted()) {
                add(Part::Case, ck, f.body.case_id.id().0, file_terms(&f.body));
            }
        }
        Ok(out)
    }

    /// Builds the index from the records and marks it built: once, at the
    /// first login holding the case key. Written outside a save, as the
    /// digest is: it is derived data, and an interrupted build is simply
    /// not marked and is done again.
    pub fn build_blind(&self) -> Result<()> {
        let keys = &self.session()?.keys;
        let Some(ck) = keys.case.clone() else { return Ok(()) };
        let front = keys.front.clone();
        let derived = self.blind_derived()?;
        let index = self.tree(TreeId::Index);
        index.remove(BUILT)?;
        let old: Vec<sled::IVec> = Rows::of(index.scan_prefix(PREFIX), TreeId::Index.name())
            .map(|r| r.map(|(k, _)| k))
            .collect::<Result<_>>()?;
        for k in old {
            index.remove(k)?;
        }
        for (k, items) in &derived {
            let part = if k.get(PREFIX.len() + 1) == Some(&Part::Case.byte()) { Part::Case } else { Part::Alias };
            let class_key = if part == Part::Case { &ck } else { &front };
            index.insert(k.as_slice(), seal_list(class_key, part, k, items)?)?;
        }
        index.insert(BUILT, codec::seal_bytes(&front, Class::Front, TreeId::Index.name(), BUILT, b"1")?)?;
        Ok(())
    }

    /// How many entries of a built index differ from what the records give
    /// (`check`, with the case key); a differing index is unmarked, to be
    /// rebuilt at the next login holding the case key.
    pub(crate) fn blind_mismatches(&self) -> Result<usize> {
        let keys = &self.session()?.keys;
        let Some(ck) = keys.case.clone() else { return Ok(0) };
        if !self.blind_built()? {
            return Ok(0);
        }
        let front = keys.front.clone();
        let mut derived = self.blind_derived()?;
        let mut bad = 0usize;
        let index = self.tree(TreeId::Index);
        for item in Rows::of(index.scan_prefix(PREFIX), TreeId::Index.name()) {
            let (k, raw) = item?;
            if k.as_ref() == BUILT {
                continue;
            }
            let class_key = if k.get(PREFIX.len() + 1) == Some(&Part::Case.byte()) { &ck } else { &front };
            match (open_list(class_key, &k, &raw), derived.remove(k.as_ref())) {
                (Ok(stored), Some(expected)) if stored == expected => {}
                _ => bad += 1,
            }
        }
        bad += derived.len();
        if bad > 0 {
            index.remove(BUILT)?;
        }
        Ok(bad)
    }
}
