//! One-typo matching of a token against the start of a word, and the letter
//! masks that rule most words out before any comparison.
//!
//! A word matches with one typo when some prefix of it is one edit away from
//! the token: a wrong letter, a missing one, an extra one, or two neighbours
//! swapped (`Shukima`, `Shukna`, `Shuukina`, `Hsukina` all reach `shukina`).

/// Bit set of the ASCII letters and digits in `s` (digits share six bits).
pub fn mask(s: &str) -> u32 {
    let mut m = 0u32;
    for b in s.bytes() {
        m |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + (b - b'0') % 6),
            _ => 0,
        };
    }
    m
}

/// Whether a word with letters `word_mask` may be one edit from a token with
/// `token_mask`: at most one letter of the token can be missing from the word.
pub fn may_match(token_mask: u32, word_mask: u32) -> bool {
    (token_mask & !word_mask).count_ones() <= 1
}

/// The position of the first difference of `a` and `b` (the shorter length if none).
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Whether some prefix of `word` is exactly one edit (or one swap of
/// neighbours) from `token`. Both are ASCII; callers check `word.starts_with(token)` first.
pub fn one_typo_prefix(token: &[u8], word: &[u8]) -> bool {
    let n = token.len();
    if n == 0 {
        return false;
    }
    // A wrong letter, or two neighbours swapped: a prefix of the same length.
    if let Some(p) = word.get(..n) {
        let i = first_difference(token, p);
        if token.get(i + 1..) == p.get(i + 1..) {
            return true;
        }
        let swapped = token.get(i) == p.get(i + 1) && token.get(i + 1) == p.get(i);
        if swapped && token.get(i + 2..) == p.get(i + 2..) {
            return true;
        }
    }
    // One letter too many in the token: a prefix one shorter.
    if let Some(p) = word.get(..n - 1) {
        let i = first_difference(token, p);
        if token.get(i + 1..) == p.get(i..) {
            return true;
        }
    }
    // One letter missing from the token: a prefix one longer.
    if let Some(p) = word.get(..n + 1) {
        let i = first_difference(token, p);
        if token.get(i..) == p.get(i + 1..) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typo(t: &str, w: &str) -> bool {
        one_typo_prefix(t.as_bytes(), w.as_bytes())
    }

    #[test]
    fn one_edit_from_a_prefix_matches() {
        assert!(typo("shukima", "shukina"), "wrong letter");
        assert!(typo("shukna", "shukina"), "missing letter");
        assert!(typo("shuukina", "shukina"), "extra letter");
        assert!(typo("hsukina", "shukina"), "swapped neighbours");
        assert!(typo("shuk", "shuka"), "the same prefix also counts");
        assert!(typo("iuila", "iulia"), "swap inside");
        assert!(typo("ivnova", "ivanova"));
        assert!(typo("ivanovx", "ivanova"), "last letter wrong");
        assert!(typo("ivanovaa", "ivanova"), "one too many at the end");
    }

    #[test]
    fn two_edits_do_not() {
        assert!(!typo("shkima", "shukina"));
        assert!(!typo("petrov", "ivanova"));
        assert!(!typo("abcd", "dcba"));
        assert!(!typo("", "anything"));
        assert!(!typo("ivanova", "iva"), "a word much shorter than the token");
    }

    #[test]
    fn masks_rule_out_words_missing_two_letters() {
        assert!(may_match(mask("shukima"), mask("shukina")));
        assert!(!may_match(mask("petrov"), mask("ivanova")));
        assert_eq!(mask("ab"), 0b11);
        assert_ne!(mask("0"), 0);
        assert_eq!(mask("ю"), 0);
    }
}
