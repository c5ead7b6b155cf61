//! A search query as typed, cut to a sane length and folded into tokens.
//!
//! Each token is folded with [`search_fold`], the same key the index keeps.
//! The last token may also get a shorter *variant* when the last letter typed
//! could start a digraph that folding rewrites (`Shc…` on the way to
//! `Shchukina`, `Mik…` on the way to `Mikhail`, `Ly…` on the way to
//! `Lyudmila`): without it, such a keystroke would briefly find nothing.

use crate::domain::translit::search_fold;

/// Longest query taken, in characters; the rest is ignored (no slowdown on a pasted page).
pub const MAX_QUERY_CHARS: usize = 100;

/// Most tokens taken from a query.
pub const MAX_TOKENS: usize = 6;

/// Shortest token matched inside a word (`ukina` in `shchukina`).
pub const INFIX_MIN: usize = 3;

/// Shortest token matched with one typo.
pub const FUZZY_MIN: usize = 5;

/// Latin letters that may begin a digraph the folding rewrites (sh**ch**,
/// s**ch**, **kh**, **ts**, **ou**, **io**/**ie**/**iu**, **y**a, **j**u).
const DIGRAPH_STARTS: [char; 7] = ['c', 'k', 't', 'o', 'i', 'y', 'j'];

/// One way of reading a token, with the ways it may match a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Folded text.
    pub text: String,
    /// May match a word with one typo.
    pub fuzzy: bool,
    /// May match inside a word.
    pub infix: bool,
    /// A shortened reading of an unfinished digraph: ranks below a true prefix.
    pub partial: bool,
}

impl Variant {
    fn full(text: String) -> Variant {
        let digits = text.chars().any(|c| c.is_ascii_digit());
        let len = text.chars().count();
        Variant {
            fuzzy: !digits && len >= FUZZY_MIN && text.is_ascii(),
            infix: !digits && len >= INFIX_MIN,
            partial: false,
            text,
        }
    }

    /// Whether every word this variant matches is also matched by `earlier`.
    fn narrows(&self, earlier: &Variant) -> bool {
        self.text.starts_with(earlier.text.as_str()) && (!self.fuzzy || earlier.fuzzy) && (!self.infix || earlier.infix)
    }
}

/// One word of the query and its readings (the first is the plain one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The readings; a word matches the token if it matches any.
    pub variants: Vec<Variant>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text as typed, cut to [`MAX_QUERY_CHARS`].
    pub raw: String,
    /// The folded tokens, at most [`MAX_TOKENS`].
    pub tokens: Vec<Token>,
}

impl Query {
    /// Parses what was typed.
    pub fn parse(typed: &str) -> Query {
        let raw: String = typed.chars().take(MAX_QUERY_CHARS).collect();
        let folded = search_fold(&raw);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let mut tokens: Vec<Token> =
            words.iter().take(MAX_TOKENS).map(|w| Token { variants: vec![Variant::full((*w).to_string())] }).collect();
        // Past the token limit the last token kept is not the one being typed.
        if words.len() <= MAX_TOKENS
            && let Some(alt) = partial_reading(&raw)
            && let Some(last) = tokens.last_mut()
            && last.variants.iter().all(|v| v.text != alt)
            && !alt.is_empty()
        {
            last.variants.push(Variant { text: alt, fuzzy: false, infix: false, partial: true });
        }
        Query { raw, tokens }
    }

    /// Whether nothing searchable was typed (empty, spaces, punctuation only).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Whether every hit of this query is a hit of `earlier`, so that the
    /// earlier hits may be filtered instead of searching everything again.
    pub fn narrows(&self, earlier: &Query) -> bool {
        if earlier.is_empty() || self.tokens.len() < earlier.tokens.len() {
            return false;
        }
        self.tokens
            .iter()
            .zip(&earlier.tokens)
            .all(|(new, old)| new.variants.iter().all(|v| old.variants.iter().any(|o| v.narrows(o))))
    }
}

/// The last token read without its unfinished digraph, if the last letter
/// typed could begin one (`shc` → `sh`, `butc` → `bu`, `mik` → `mi`).
fn partial_reading(raw: &str) -> Option<String> {
    let last = raw.chars().last()?;
    let lower = last.to_ascii_lowercase();
    if !DIGRAPH_STARTS.contains(&lower) {
        return None;
    }
    let mut shorter: String = raw.chars().take(raw.chars().count().saturating_sub(1)).collect();
    // `tch` folds to `ch`: an unfinished `tc` drops both letters.
    if lower == 'c' && shorter.chars().last().is_some_and(|c| c.eq_ignore_ascii_case(&'t')) {
        shorter.pop();
    }
    // Only after a letter: `2J` is not on its way to a digraph.
    if shorter.chars().last().is_none_or(|c| !c.is_alphabetic()) {
        return None;
    }
    search_fold(&shorter).rsplit(' ').next().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<Vec<String>> {
        q.tokens.iter().map(|t| t.variants.iter().map(|v| v.text.clone()).collect()).collect()
    }

    #[test]
    fn spellings_fold_to_the_same_token() {
        for q in ["Iuliia", "Yulia", "Julia", "julia", "Юлия"] {
            assert_eq!(texts(&Query::parse(q))[0][0], "iulia", "{q}");
        }
        for q in ["Shchukina", "Schukina", "Щукина"] {
            assert_eq!(texts(&Query::parse(q))[0][0], "shukina", "{q}");
        }
    }

    #[test]
    fn an_unfinished_digraph_also_reads_without_its_start() {
        assert_eq!(texts(&Query::parse("Shc")), [["shc", "sh"]]);
        assert_eq!(texts(&Query::parse("Sc")), [["sc", "s"]]);
        assert_eq!(texts(&Query::parse("Butc")), [["butc", "bu"]]);
        assert_eq!(texts(&Query::parse("Mik")), [["mik", "mi"]]);
        assert_eq!(texts(&Query::parse("Shch")), [["sh"]]);
        assert_eq!(texts(&Query::parse("K")), [["k"]], "nothing left to read");
        assert_eq!(texts(&Query::parse("Щ")), [["sh"]], "Cyrillic letters are whole");
        assert!(Query::parse("Mik").tokens[0].variants[1].partial);
    }

    #[test]
    fn punctuation_only_and_huge_queries_are_harmless() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("  -- ,,, !!! ").is_empty());
        let huge = "Юлия ".repeat(2_500);
        let q = Query::parse(&huge);
        assert_eq!(q.raw.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(q.tokens.len(), MAX_TOKENS);
    }

    #[test]
    fn modes_follow_the_token() {
        let v = &Query::parse("iul").tokens[0].variants[0];
        assert!(v.infix && !v.fuzzy);
        let v = &Query::parse("iuli").tokens[0].variants[0];
        assert!(v.infix && !v.fuzzy);
        let v = &Query::parse("iulia").tokens[0].variants[0];
        assert!(v.infix && v.fuzzy);
        let v = &Query::parse("0042").tokens[0].variants[0];
        assert!(!v.infix && !v.fuzzy, "numbers match by prefix only");
    }

    #[test]
    fn typing_on_narrows_until_a_new_mode_starts() {
        let q = |s| Query::parse(s);
        assert!(q("ab").narrows(&q("a")));
        assert!(!q("abc").narrows(&q("ab")), "infix starts at three letters");
        assert!(q("abcd").narrows(&q("abc")));
        assert!(!q("abcde").narrows(&q("abcd")), "typos start at five letters");
        assert!(q("abcdef").narrows(&q("abcde")));
        assert!(q("abcde f").narrows(&q("abcde")));
        assert!(q("abcde").narrows(&q("abcde")));
        assert!(!q("abcd").narrows(&q("abcde")), "a shorter query finds more");
        assert!(!q("x").narrows(&q("")));
        assert!(q("0042").narrows(&q("004")));
        assert!(q("ab1").narrows(&q("ab")), "a digit makes it a number, still narrower");
        assert!(q("shch").narrows(&q("shc")), "the short reading of `shc` covers `sh`");
        assert!(!q("kh").narrows(&q("k")), "folding rewrote the token");
    }
}
