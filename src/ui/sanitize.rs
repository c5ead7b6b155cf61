//! Making text inert before it reaches the terminal.
//!
//! Names, notes and imported files may contain escape sequences or bidi
//! controls, by accident or on purpose. ratatui writes cell contents as they
//! are, so a raw ESC could move the cursor, change colours or retitle the
//! window, and an RTL override could make `MSK-26-0042` read backwards.
//! Every such character is replaced by a visible placeholder instead.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What stands in for a bidi control or a C1 control.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The ellipsis added by [`truncate_to_width`].
pub const ELLIPSIS: char = '…';

/// The visible stand-in for `c`, if `c` must not reach the terminal.
fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls show as their Control Picture: ESC becomes ␛, NUL ␀.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7F}' => Some('\u{2421}'),
        // C1 controls, including 0x9B (a one-byte CSI on some terminals).
        '\u{80}'..='\u{9F}' => Some(REPLACEMENT),
        // Bidi embeddings, overrides, isolates and marks.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => Some(REPLACEMENT),
        // Line and paragraph separators would break a row like a newline.
        '\u{2028}' | '\u{2029}' => Some(REPLACEMENT),
        _ => None,
    }
}

/// `s` with every control and bidi character replaced by a visible placeholder.
///
/// Ordinary text, combining marks, emoji and wide characters are kept; the
/// result borrows `s` when nothing had to change, which is the usual case.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// The number of terminal columns `s` takes.
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `width` columns, ending in `…` when something was cut.
///
/// Counts display columns, not bytes or chars: Cyrillic takes one column
/// per letter, CJK two, combining marks none.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let budget = width - 1; // room for the ellipsis
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escape_sequence_is_shown_as_text() {
        let shown = inert("Anna\u{1b}[2J\u{1b}]0;pwned\u{7}");
        assert_eq!(shown, "Anna␛[2J␛]0;pwned␇");
        assert!(!shown.chars().any(char::is_control));
        assert_eq!(inert("a\u{9b}31m\u{7f}"), "a\u{FFFD}31m␡");
        assert_eq!(inert("two\nlines\ttab"), "two␊lines␉tab");
    }

    #[test]
    fn a_right_to_left_override_cannot_reverse_a_case_code() {
        let shown = inert("\u{202E}2400-62-KSM\u{202C}");
        assert_eq!(shown, "\u{FFFD}2400-62-KSM\u{FFFD}");
        for c in ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}'] {
            assert_eq!(inert(&format!("x{c}y")), "x\u{FFFD}y");
        }
    }

    #[test]
    fn normal_text_is_untouched_and_borrowed() {
        for s in ["Юлия Иванова", "Amélie", "e\u{301}te\u{301}", "李小龍", "👩‍👧", "SU 2101 → SVO D", ""]
        {
            assert!(matches!(inert(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn a_ten_thousand_character_name_is_fine() {
        let long = "Ю".repeat(10_000);
        assert!(matches!(inert(&long), Cow::Borrowed(_)));
        let cut = truncate_to_width(&long, 30);
        assert_eq!(display_width(&cut), 30);
        assert!(cut.ends_with('…'));
        let hostile = "\u{1b}".repeat(10_000);
        assert_eq!(inert(&hostile).chars().count(), 10_000);
    }

    #[test]
    fn cyrillic_and_wide_text_are_cut_by_columns() {
        assert_eq!(display_width("Юлия"), 4);
        assert_eq!(truncate_to_width("Иванова Юлия", 12), "Иванова Юлия");
        assert_eq!(truncate_to_width("Иванова Юлия", 8), "Иванова…");
        // A wide character that would overflow is left out whole.
        assert_eq!(truncate_to_width("日本語テキスト", 6), "日本…");
        assert_eq!(display_width(&truncate_to_width("日本語テキスト", 6)), 5);
        // Combining marks stay with their letter.
        assert_eq!(truncate_to_width("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate_to_width("abc", 0), "");
        assert_eq!(truncate_to_width("abc", 1), "…");
    }
}
