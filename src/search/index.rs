//! The search index: each case's code, alias, document numbers and — for
//! users holding the case key — legal names, folded once into lowercase
//! words ([`search_fold`]); one sorted vocabulary of the distinct words; and
//! for each case the list of its words.
//!
//! A query is matched word by word: each token is compared with the
//! vocabulary once (a binary search for prefixes, a scan for typos and
//! matches inside words), then every case — or only the hits of the query it
//! extends — is scored from its own short list of words. Every token must
//! match some word of the case; lower scores rank first: exact words, then
//! prefixes, then near readings and typos, then matches inside a word.

use std::collections::HashMap;

use crate::domain::case_code::CaseCode;
use crate::domain::ids::CaseId;

use super::fuzzy::{mask, may_match, one_typo_prefix};
use super::query::{Query, Variant};
use super::words::{rank, words_of};

/// What a case is found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Field {
    /// The case code (`MSK-26-0042`, `0042`, `42`).
    Code,
    /// The alias.
    Alias,
    /// An identity document's number.
    Document,
    /// A legal name, in the original script or its Latin form.
    Name,
}

impl Field {
    /// Stable key (`code`, `alias`, `document`, `name`) for messages.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// How well a word matches a token; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Tier {
    /// The whole word.
    Exact = 0,
    /// The start of the word.
    Prefix = 1,
    /// One typo away, or an unfinished digraph read short.
    Near = 2,
    /// Inside the word.
    Inside = 3,
}

/// No match (kept beside the tiers in one byte).
const NONE: u8 = u8::MAX;

/// What the index is built from: one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The case.
    pub case: CaseId,
    /// Its code.
    pub code: CaseCode,
    /// Its alias.
    pub alias: String,
    /// Numbers of its identity documents (empty without the case key).
    pub documents: Vec<String>,
    /// Legal names in both scripts (empty without the case key).
    pub names: Vec<String>,
}

/// One case found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The case.
    pub case: CaseId,
    /// Sum of the tiers of its tokens' best words (lower ranks first).
    pub score: u16,
    /// The field of its best-matching word.
    pub field: Field,
    /// Position in the index (newer cases first), for narrowing a longer query.
    pub(crate) entry: u32,
}

/// Per vocabulary word: made of letters only (typos and inside matches are
/// looked for), matched only whole (the centre code every case shares).
const TEXT: u8 = 1;
const EXACT_ONLY: u8 = 2;

/// The folded words of every case.
#[derive(Debug, Default)]
pub struct SearchIndex {
    arena: String,
    starts: Vec<u32>,
    masks: Vec<u32>,
    flags: Vec<u8>,
    text_ids: Vec<u32>,
    cases: Vec<CaseId>,
    entry_starts: Vec<u32>,
    refs: Vec<(u32, Field)>,
    /// For each word, the cases that have it (entry ‖ field in the top two bits).
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
}

/// Entries fit below the two bits a posting keeps its field in.
const ENTRY_BITS: u32 = 30;
const ENTRY_MASK: u32 = (1 << ENTRY_BITS) - 1;

fn field_of(bits: u32) -> Field {
    match bits {
        0 => Field::Code,
        1 => Field::Alias,
        2 => Field::Document,
        _ => Field::Name,
    }
}

impl SearchIndex {
    /// Folds and indexes `entries` (folding spread over the processor's cores).
    pub fn build(entries: &[IndexEntry]) -> SearchIndex {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
        let chunk = entries.len().div_ceil(threads).max(1);
        let folded: Vec<Vec<(String, Field, bool)>> = if entries.len() < 2_000 || threads == 1 {
            entries.iter().map(words_of).collect()
        } else {
            std::thread::scope(|scope| {
                let parts: Vec<_> = entries
                    .chunks(chunk)
                    .map(|part| {
                        let worker = std::thread::Builder::new()
                            .name("haven-index".into())
                            .spawn_scoped(scope, move || part.iter().map(words_of).collect::<Vec<_>>());
                        (worker.ok(), part)
                    })
                    .collect();
                // A part whose thread could not start (or failed) is folded here instead.
                parts
                    .into_iter()
                    .flat_map(|(worker, part)| {
                        worker.and_then(|w| w.join().ok()).unwrap_or_else(|| part.iter().map(words_of).collect())
                    })
                    .collect()
            })
        };
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<(String, bool)> = Vec::new();
        let mut per_entry: Vec<Vec<(u32, Field)>> = Vec::with_capacity(entries.len());
        for case_words in folded {
            let mut mine: Vec<(u32, Field)> = Vec::new();
            for (w, field, exact_only) in case_words {
                let id = match ids.get(&w) {
                    Some(&id) => {
                        if let Some(slot) = words.get_mut(id as usize) {
                            slot.1 |= exact_only;
                        }
                        id
                    }
                    None => {
                        let id = u32::try_from(words.len()).unwrap_or(u32::MAX);
                        ids.insert(w.clone(), id);
                        words.push((w, exact_only));
                        id
                    }
                };
                mine.push((id, field));
            }
            per_entry.push(mine);
        }
        // Sorted vocabulary: prefixes become ranges found by binary search.
        let mut order: Vec<u32> = (0..u32::try_from(words.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by(|a, b| {
            let wa = words.get(*a as usize).map(|w| w.0.as_str()).unwrap_or_default();
            let wb = words.get(*b as usize).map(|w| w.0.as_str()).unwrap_or_default();
            wa.cmp(wb)
        });
        let mut new_id = vec![0u32; words.len()];
        let mut index = SearchIndex::default();
        index.starts.push(0);
        for (sorted, old) in order.iter().enumerate() {
            let Some((w, exact_only)) = words.get(*old as usize) else { continue };
            if let Some(slot) = new_id.get_mut(*old as usize) {
                *slot = u32::try_from(sorted).unwrap_or(u32::MAX);
            }
            index.arena.push_str(w);
            index.starts.push(u32::try_from(index.arena.len()).unwrap_or(u32::MAX));
            index.masks.push(mask(w));
            let text = !w.bytes().any(|b| b.is_ascii_digit());
            let flags = (u8::from(text) * TEXT) | (u8::from(*exact_only) * EXACT_ONLY);
            index.flags.push(flags);
            if text && !exact_only {
                index.text_ids.push(u32::try_from(sorted).unwrap_or(u32::MAX));
            }
        }
        index.entry_starts.push(0);
        // Newest cases first: hits come out in that order, so ranking them
        // only needs to group them by score and field.
        let mut by_rank: Vec<usize> = (0..entries.len()).collect();
        by_rank.sort_by_key(|&i| std::cmp::Reverse(entries.get(i).map(|e| rank(&e.code))));
        for i in by_rank {
            let (Some(e), Some(mine)) = (entries.get(i), per_entry.get_mut(i)) else { continue };
            let mut mine = std::mem::take(mine);
            for r in &mut mine {
                r.0 = new_id.get(r.0 as usize).copied().unwrap_or(0);
            }
            // One reference per word, with the most telling field.
            mine.sort();
            mine.dedup_by_key(|r| r.0);
            index.refs.extend(mine);
            index.entry_starts.push(u32::try_from(index.refs.len()).unwrap_or(u32::MAX));
            index.cases.push(e.case);
        }
        index.build_postings();
        index
    }

    /// Inverts the case → words lists into word → cases lists.
    fn build_postings(&mut self) {
        let mut starts = vec![0u32; self.masks.len() + 1];
        for (id, _) in &self.refs {
            if let Some(n) = starts.get_mut(*id as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..starts.len() {
            let before = starts.get(i - 1).copied().unwrap_or(0);
            if let Some(n) = starts.get_mut(i) {
                *n += before;
            }
        }
        let mut next = starts.clone();
        let mut postings = vec![0u32; self.refs.len()];
        for entry in 0..self.cases.len() {
            let (Some(a), Some(b)) = (self.entry_starts.get(entry), self.entry_starts.get(entry + 1)) else { continue };
            for (id, field) in self.refs.get(*a as usize..*b as usize).unwrap_or_default() {
                let Some(at) = next.get_mut(*id as usize) else { continue };
                if let Some(slot) = postings.get_mut(*at as usize) {
                    *slot = (u32::try_from(entry).unwrap_or(0) & ENTRY_MASK) | ((*field as u32) << ENTRY_BITS);
                }
                *at += 1;
            }
        }
        self.posting_starts = starts;
        self.postings = postings;
    }

    /// How many cases have word `id`.
    fn posting_count(&self, id: usize) -> usize {
        match (self.posting_starts.get(id), self.posting_starts.get(id + 1)) {
            (Some(a), Some(b)) => b.saturating_sub(*a) as usize,
            _ => 0,
        }
    }

    /// The cases having word `id`, each with the field it has it in.
    fn postings_of(&self, id: usize) -> impl Iterator<Item = (usize, Field)> + '_ {
        let (a, b) = match (self.posting_starts.get(id), self.posting_starts.get(id + 1)) {
            (Some(a), Some(b)) => (*a as usize, *b as usize),
            _ => (0, 0),
        };
        self.postings
            .get(a..b)
            .unwrap_or_default()
            .iter()
            .map(|p| ((p & ENTRY_MASK) as usize, field_of(p >> ENTRY_BITS)))
    }

    /// Number of cases indexed.
    pub fn len(&self) -> usize {
        self.cases.len()
    }

    /// Whether no case is indexed.
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// Number of distinct words.
    pub fn vocabulary(&self) -> usize {
        self.masks.len()
    }

    fn word(&self, id: usize) -> &str {
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(a), Some(b)) => self.arena.get(*a as usize..*b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn flag(&self, id: usize, f: u8) -> bool {
        self.flags.get(id).is_some_and(|x| x & f != 0)
    }

    /// The first word not below `text` in the sorted vocabulary.
    fn lower_bound(&self, text: &str) -> usize {
        let (mut lo, mut hi) = (0usize, self.masks.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < text {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Whether `text` is a word only a whole token finds.
    fn is_exact_only(&self, text: &str) -> bool {
        let i = self.lower_bound(text);
        self.word(i) == text && self.flag(i, EXACT_ONLY)
    }

    /// Marks in `tiers` how well each vocabulary word matches `v`.
    fn mark(&self, v: &Variant, tiers: &mut [u8], marked: &mut Vec<u32>) {
        let mut set = |tiers: &mut [u8], id: usize, tier: Tier| {
            if let Some(t) = tiers.get_mut(id) {
                if *t == NONE {
                    marked.push(u32::try_from(id).unwrap_or(0));
                }
                *t = (*t).min(tier as u8);
            }
        };
        let text = v.text.as_str();
        let start = self.lower_bound(text);
        for id in start..self.masks.len() {
            let w = self.word(id);
            if !w.starts_with(text) {
                break;
            }
            let exact = w.len() == text.len();
            if self.flag(id, EXACT_ONLY) && (!exact || v.partial) {
                continue;
            }
            let tier = match (exact, v.partial) {
                (_, true) => Tier::Near,
                (true, false) => Tier::Exact,
                (false, false) => Tier::Prefix,
            };
            set(tiers, id, tier);
        }
        if !(v.fuzzy || v.infix) {
            return;
        }
        let tm = mask(text);
        for &id in &self.text_ids {
            let id = id as usize;
            let current = tiers.get(id).copied().unwrap_or(0);
            if current <= Tier::Near as u8 {
                continue;
            }
            let w = self.word(id);
            if v.fuzzy
                && w.is_ascii()
                && may_match(tm, self.masks.get(id).copied().unwrap_or(0))
                && one_typo_prefix(text.as_bytes(), w.as_bytes())
            {
                set(tiers, id, Tier::Near);
            } else if v.infix && current > Tier::Inside as u8 && w.len() > text.len() && w.contains(text) {
                set(tiers, id, Tier::Inside);
            }
        }
    }

    /// Whether the hits of `new` are all among the hits of `earlier`.
    pub fn narrows(&self, new: &Query, earlier: &Query) -> bool {
        new.narrows(earlier)
            && new.tokens.iter().zip(&earlier.tokens).all(|(n, o)| {
                n.variants
                    .iter()
                    .filter(|v| !v.partial)
                    .all(|v| !self.is_exact_only(&v.text) || o.variants.iter().any(|x| !x.partial && x.text == v.text))
            })
    }

    /// The cases matching `q`, best first; only among `within` when given
    /// (the hits of a query `q` narrows, from this same index).
    pub fn search(&self, q: &Query, within: Option<&[Hit]>) -> Vec<Hit> {
        if q.is_empty() || self.is_empty() {
            return Vec::new();
        }
        let vocab = self.masks.len();
        // Per token: how well each word matches, the words that do, and how
        // many cases those words reach.
        let mut tokens: Vec<(usize, Vec<u8>, Vec<u32>)> = q
            .tokens
            .iter()
            .map(|t| {
                let mut tiers = vec![NONE; vocab];
                let mut marked = Vec::new();
                for v in &t.variants {
                    self.mark(v, &mut tiers, &mut marked);
                }
                let reach = marked.iter().map(|id| self.posting_count(*id as usize)).sum();
                (reach, tiers, marked)
            })
            .collect();
        // The rarest token first: it picks the candidates, the others only check them.
        tokens.sort_by_key(|(reach, ..)| *reach);
        if tokens.iter().any(|(reach, ..)| *reach == 0) {
            return Vec::new();
        }
        let entries = self.cases.len();
        // The best (tier, field) of the first token for each case it reaches.
        let mut first: Vec<(u8, Field)> = vec![(NONE, Field::Name); entries];
        match within {
            // Narrowing: the earlier hits are the candidates.
            Some(earlier) => {
                for h in earlier {
                    if let Some(slot) = first.get_mut(h.entry as usize) {
                        slot.0 = NONE - 1;
                    }
                }
            }
            None => {
                if let Some((_, tiers, marked)) = tokens.first() {
                    for id in marked {
                        let tier = tiers.get(*id as usize).copied().unwrap_or(NONE);
                        for (entry, field) in self.postings_of(*id as usize) {
                            if let Some(slot) = first.get_mut(entry)
                                && (tier, field) < *slot
                            {
                                *slot = (tier, field);
                            }
                        }
                    }
                }
            }
        }
        let checked_from = usize::from(within.is_none());
        let mut hits: Vec<Hit> = Vec::new();
        // Cases in index order (newest first); a full search already knows the first token.
        for (entry, start) in first.iter().enumerate() {
            if start.0 == NONE {
                continue;
            }
            let (Some(a), Some(b)) = (self.entry_starts.get(entry), self.entry_starts.get(entry + 1)) else { continue };
            let refs = self.refs.get(*a as usize..*b as usize).unwrap_or_default();
            let (mut score, mut best) =
                if checked_from == 1 { (u16::from(start.0), *start) } else { (0, (NONE, Field::Name)) };
            let mut all = true;
            for (_, tiers, _) in tokens.iter().skip(checked_from) {
                let mut token_best = (NONE, Field::Name);
                for (id, field) in refs {
                    let tier = tiers.get(*id as usize).copied().unwrap_or(NONE);
                    if (tier, *field) < token_best {
                        token_best = (tier, *field);
                    }
                }
                if token_best.0 == NONE {
                    all = false;
                    break;
                }
                score += u16::from(token_best.0);
                best = best.min(token_best);
            }
            if all && let Some(case) = self.cases.get(entry) {
                hits.push(Hit { case: *case, score, field: best.1, entry: u32::try_from(entry).unwrap_or(0) });
            }
        }
        rank_hits(hits)
    }
}

/// Hits in index order (newest first) put in rank order: by score, then
/// field, newest first among equals. A counting sort over the few
/// (score, field) groups keeps the index order inside each group, in one pass.
fn rank_hits(hits: Vec<Hit>) -> Vec<Hit> {
    let group = |h: &Hit| usize::from(h.score) * 4 + h.field as usize;
    let groups = hits.iter().map(group).max().map_or(0, |g| g + 1);
    let mut starts = vec![0usize; groups + 1];
    for h in &hits {
        if let Some(n) = starts.get_mut(group(h) + 1) {
            *n += 1;
        }
    }
    for i in 1..starts.len() {
        let before = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(i) {
            *n += before;
        }
    }
    let mut out: Vec<Option<Hit>> = vec![None; hits.len()];
    for h in hits {
        let g = group(&h);
        if let Some(at) = starts.get_mut(g) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = Some(h);
            }
            *at += 1;
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn entry(n: u8, seq: u32, alias: &str, names: &[&str], docs: &[&str]) -> IndexEntry {
        IndexEntry {
            case: CaseId(Id([n; 16])),
            code: CaseCode::new("MSK", 26, seq).unwrap(),
            alias: alias.into(),
            documents: docs.iter().map(|s| s.to_string()).collect(),
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn found(index: &SearchIndex, q: &str) -> Vec<u8> {
        index.search(&Query::parse(q), None).iter().map(|h| h.case.0.0[0]).collect()
    }

    fn sample() -> SearchIndex {
        SearchIndex::build(&[
            entry(1, 42, "Лиса", &["Щукина Юлия Сергеевна", "SHCHUKINA IULIIA SERGEEVNA"], &["75 1234567"]),
            entry(2, 43, "Сова", &["Иванова Мария", "IVANOVA MARIIA"], &["AB1234"]),
            entry(3, 7, "Julia", &[], &[]),
        ])
    }

    #[test]
    fn names_are_found_in_either_script_and_by_common_spellings() {
        let index = sample();
        for q in ["Iuliia", "Yulia", "Julia", "julia", "Юлия", "Shchukina", "Schukina", "Щукина", "shchukina iuliia"]
        {
            assert!(found(&index, q).contains(&1), "{q}");
        }
        assert_eq!(found(&index, "Julia"), [3, 1], "equally exact: an alias before a name");
    }

    #[test]
    fn codes_and_documents_are_found_by_what_people_type() {
        let index = sample();
        assert_eq!(found(&index, "MSK-26-0042"), [1]);
        assert_eq!(found(&index, "0042"), [1]);
        assert_eq!(found(&index, "42"), [1]);
        assert_eq!(found(&index, "msk260043"), [2]);
        assert_eq!(found(&index, "751234567"), [1]);
        assert_eq!(found(&index, "75 1234"), [1]);
        assert_eq!(found(&index, "ab12"), [2]);
        assert!(found(&index, "m").iter().all(|c| *c == 2), "the centre code is found only whole");
        assert_eq!(found(&index, "msk").len(), 3);
    }

    #[test]
    fn exact_words_rank_before_prefixes_and_typos_last() {
        let index = SearchIndex::build(&[
            entry(1, 1, "Marinas", &[], &[]),
            entry(2, 2, "Marina", &[], &[]),
            entry(3, 3, "Marima", &[], &[]),
        ]);
        assert_eq!(found(&index, "marina"), [2, 1, 3]);
        assert_eq!(found(&index, "mari"), [3, 2, 1], "equal prefixes: newest first");
    }

    #[test]
    fn a_longer_query_filters_the_earlier_hits() {
        let index = sample();
        let short = Query::parse("iv");
        let long = Query::parse("iva");
        let hits = index.search(&short, None);
        assert!(!index.narrows(&long, &short), "infix starts at three letters");
        let longer = Query::parse("ivanova");
        let mid = Query::parse("ivanov");
        assert!(index.narrows(&longer, &mid));
        let narrowed = index.search(&longer, Some(&index.search(&mid, None)));
        assert_eq!(narrowed, index.search(&longer, None));
        assert!(!index.narrows(&Query::parse("msk"), &Query::parse("ms")), "a whole centre code appears");
        assert_eq!(hits.len(), 1);
    }

    #[test]
    fn nothing_to_search_finds_nothing_quickly() {
        let index = sample();
        assert!(found(&index, "").is_empty());
        assert!(found(&index, "!!! ,,, ---").is_empty());
        assert!(found(&index, &"я".repeat(10_000)).is_empty());
        assert!(SearchIndex::build(&[]).search(&Query::parse("a"), None).is_empty());
    }
}
