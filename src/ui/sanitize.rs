//! The one path by which user and file text reaches the screen: a display
//! copy that is inert and that every terminal draws at the width ratatui
//! assumes. Stored text is never altered; only the copy drawn is.
//!
//! Names, notes and imported files may contain escape sequences or bidi
//! controls, by accident or on purpose. ratatui writes cell contents as they
//! are, so a raw ESC could move the cursor, change colours or retitle the
//! window, and an RTL override could make `MSK-26-0042` read backwards.
//! Every such character is replaced by a visible placeholder instead.
//!
//! The width rule. ratatui puts each grapheme in a cell and moves on by the
//! grapheme's `unicode-width`; it places the span after by the whole
//! string's `unicode-width`; a terminal moves its cursor by each
//! character's `wcwidth`. These three agree for most text, and where they
//! do not, every later cell of the row lands one or more columns off, and
//! the cells ratatui believes it wrote keep stale text. So the display copy
//! keeps only text on which all three agree:
//!
//! - a zero-width joiner is not drawn: tmux 3.3 joins whatever character
//!   follows it into the same cell, a terminal that does not know an emoji
//!   ZWJ sequence draws each member, so no column count is right for both
//!   (an emoji ZWJ family shows as its members);
//! - variation selectors, soft hyphens, zero-width spaces and the other
//!   invisible format characters are not drawn (terminals give some of them
//!   a column that unicode-width does not);
//! - the zero-width non-joiner of Persian and Dari stays, in the cell of
//!   the letter before it; one with no letter before it is not drawn;
//! - a combining mark stays on its letter; one with no letter gets a dotted
//!   circle `◌` to sit on, so it cannot land on the cell before the text;
//! - a grapheme that unicode-width counts narrower than its characters (an
//!   emoji with a skin tone) keeps only its first character and its marks;
//! - where unicode-width joins two graphemes into fewer columns than a
//!   terminal draws (Arabic lam-alef, which it counts as one column), a
//!   zero-width non-joiner goes between them in the copy.
//!
//! The result: in the copy, the width of the whole string, the sum of its
//! graphemes' widths and the sum of its characters' widths are equal, and
//! no grapheme is zero columns wide, so no cell of the buffer is.

use std::borrow::Cow;

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

/// What stands in for a bidi control or a C1 control.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The ellipsis added by [`truncate_to_width`].
pub const ELLIPSIS: char = '…';

/// The zero-width non-joiner, kept in the cell of the letter before it.
const ZWNJ: char = '\u{200C}';

/// The base given to a combining mark that has no letter.
const DOTTED_CIRCLE: char = '\u{25CC}';

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

/// The halfwidth katakana sound marks, which ratatui draws one column wide
/// but measures as none in a span, drawn as their spacing forms.
fn spacing(c: char) -> char {
    match c {
        '\u{FF9E}' => '\u{309B}',
        '\u{FF9F}' => '\u{309C}',
        _ => c,
    }
}

/// Whether `c` is left out of the display copy: invisible characters whose
/// width terminals and unicode-width disagree about.
fn not_drawn(c: char) -> bool {
    matches!(
        c,
        '\u{200D}' // zero-width joiner
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{AD}' // soft hyphen: one column in tmux, none in unicode-width
            | '\u{34F}' // combining grapheme joiner
            | '\u{605}' | '\u{70F}' | '\u{890}' | '\u{891}' | '\u{8E2}' // prepended marks of no width
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' // Mongolian selectors and vowel separator
            | '\u{200B}' // zero-width space
            | '\u{2060}'..='\u{2065}' // word joiner, invisible operators
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}' // byte order mark
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}' // tags
    )
}

/// The columns a terminal gives `c` alone (what ratatui gives it too).
fn char_width(c: char) -> usize {
    if c.is_control() { 0 } else { usize::from(c.encode_utf8(&mut [0; 4]).cell_width()) }
}

/// The columns ratatui gives one grapheme.
fn grapheme_width(g: &str) -> usize {
    usize::from(g.cell_width())
}

/// The graphemes of `s` exactly as ratatui splits them when it draws.
fn graphemes(s: &str) -> Vec<&str> {
    let span = Span::raw(s);
    // `styled_graphemes` borrows the span; the symbols borrow `s` itself.
    let symbols: Vec<(usize, usize)> = span
        .styled_graphemes(Style::default())
        .filter_map(|g| {
            let start = (g.symbol.as_ptr() as usize).checked_sub(s.as_ptr() as usize)?;
            Some((start, g.symbol.len()))
        })
        .collect();
    symbols.into_iter().filter_map(|(start, len)| s.get(start..start + len)).collect()
}

/// Whether `s` needs no change to be drawn: printable ASCII.
fn plain(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7F).contains(&b))
}

/// Whether `c` is drawn as it is wherever it stands: at least one column,
/// no placeholder, and none of the characters unicode-width joins with a
/// neighbour into fewer columns (lam, skin tones, Lisu tones, the Tifinagh
/// joiner, Kirat Rai vowels, the halfwidth sound marks).
fn simple(c: char) -> bool {
    char_width(c) >= 1
        && placeholder(c).is_none()
        && !not_drawn(c)
        && !matches!(
            c,
            '\u{644}'
                | '\u{6B5}'..='\u{6B8}'
                | '\u{8A6}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{A4F8}'..='\u{A4FD}'
                | '\u{2D7F}'
                | '\u{16D63}'..='\u{16D6A}'
                | '\u{FF9E}'
                | '\u{FF9F}'
        )
}

/// The display copy of `s`: inert (every control and bidi character
/// replaced by a visible placeholder) and drawn by every terminal at the
/// width ratatui assumes (the rule in this module's header).
///
/// Ordinary text, combining marks, Persian ZWNJ, emoji and wide characters
/// are kept; the result borrows `s` when nothing had to change, which is
/// the usual case. Applying it twice gives the same as once.
pub fn inert(s: &str) -> Cow<'_, str> {
    if plain(s) || s.chars().all(simple) {
        return Cow::Borrowed(s);
    }
    // Characters: placeholders in, invisible disputed ones out.
    let chars: String =
        s.chars().filter(|c| !not_drawn(*c)).map(|c| placeholder(c).unwrap_or(c)).map(spacing).collect();
    // Graphemes: each starts with a visible character and is as wide as its characters.
    let mut out = String::with_capacity(chars.len());
    let mut prev: Option<String> = None;
    for g in graphemes(&chars) {
        let Some(g) = settle_grapheme(g) else { continue };
        if let Some(p) = &prev
            && UnicodeWidthStr::width(format!("{p}{g}").as_str()) != grapheme_width(p) + grapheme_width(&g)
        {
            // unicode-width would join the two (lam-alef): keep them apart.
            out.push(ZWNJ);
        }
        out.push_str(&g);
        prev = Some(g);
    }
    if out == s { Cow::Borrowed(s) } else { Cow::Owned(out) }
}

/// One grapheme as drawn: `None` when nothing of it is visible.
fn settle_grapheme(g: &str) -> Option<String> {
    let first = g.chars().next()?;
    let mut out = String::with_capacity(g.len() + 3);
    if char_width(first) == 0 {
        if g.chars().all(|c| c == ZWNJ) {
            return None;
        }
        match g.char_indices().find(|(_, c)| char_width(*c) > 0) {
            // Prepended marks (Arabic number signs) terminals draw wider than
            // unicode-width does: the letter after them is drawn without them.
            Some((at, _)) => out.push_str(g.get(at..).unwrap_or_default()),
            None => {
                out.push(DOTTED_CIRCLE);
                out.push_str(g);
                if graphemes(&out).len() != 1 {
                    // Marks that cannot sit on the circle (Hangul vowel jamo): not drawn.
                    return None;
                }
            }
        }
    } else {
        out.push_str(g);
    }
    let sum: usize = out.chars().map(char_width).sum();
    if grapheme_width(&out) == sum {
        return Some(out);
    }
    // Counted narrower than its characters: its first character and marks only.
    let mut chars = out.chars();
    let mut kept: String = chars.next().into_iter().collect();
    kept.extend(chars.filter(|c| char_width(*c) == 0));
    Some(kept)
}

/// The number of terminal columns `s` takes when drawn through [`inert`].
pub fn display_width(s: &str) -> usize {
    graphemes(&inert(s)).into_iter().map(grapheme_width).sum()
}

/// The display copy of `s` cut to at most `width` columns, ending in `…`
/// when something was cut.
///
/// Counts display columns, not bytes or chars: Cyrillic takes one column
/// per letter, CJK two, combining marks none; a grapheme is never split.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    let shown = inert(head(s, width));
    if display_width(&shown) <= width {
        return shown.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let budget = width - 1; // room for the ellipsis
    let mut used = 0;
    let mut out = String::new();
    for g in graphemes(&shown) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push(ELLIPSIS);
    out
}

/// The start of `s` that is sure to hold more than `width` columns once
/// drawn, with the marks that follow it: enough to cut to `width` without
/// reading the rest of a 10,000-character note. A character may be drawn at
/// half the columns it counts alone (a skin tone), never less, hence twice.
fn head(s: &str, width: usize) -> &str {
    let enough = width.saturating_mul(2).saturating_add(4);
    let mut cols = 0usize;
    let mut marks = 0;
    for (i, c) in s.char_indices() {
        let w = if not_drawn(c) { 0 } else { char_width(c) };
        if cols > enough {
            if w > 0 || marks >= 32 {
                return s.get(..i).unwrap_or(s);
            }
            marks += 1;
        }
        cols += w;
    }
    s
}

/// The display copy of `s` padded with spaces to at least `width` columns
/// (`format!("{:<width$}")` pads by characters, which a ZWNJ or a CJK
/// letter makes wrong).
pub fn pad(s: &str, width: usize) -> String {
    let shown = inert(s);
    let fill = width.saturating_sub(display_width(&shown));
    format!("{shown}{}", " ".repeat(fill))
}

/// The display copy of `s` cut or padded to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    pad(&truncate_to_width(s, width), width)
}

/// The last guard of the width rule, run on every frame after the screens
/// drew: a cell whose text a terminal would not draw at the width ratatui
/// assumes (text that reached the buffer by some path other than [`inert`])
/// gets its display copy if that is as wide, else `�`, or a space for a
/// cell of no width. A terminal then never disagrees with ratatui about
/// where a cell is, so no later cell lands off its column or stays stale.
pub fn settle_buffer(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        let s = cell.symbol();
        if plain(s) || s.chars().all(simple) || drawn_true(s) {
            continue;
        }
        let shown = inert(s);
        // A one-byte symbol is one column to ratatui, even a control.
        let want = if s.len() == 1 { 1 } else { usize::from(s.cell_width()) };
        let fixed = if want == 0 {
            " ".to_string()
        } else if graphemes(&shown).len() == 1 && display_width(&shown) == want {
            shown.into_owned()
        } else {
            REPLACEMENT.to_string()
        };
        cell.set_symbol(&fixed);
    }
}

/// Whether the cell text `s` is already drawn true: no character that must
/// be replaced or left out, a visible first character, and as wide to
/// ratatui as the sum of its characters is to a terminal.
fn drawn_true(s: &str) -> bool {
    let ok = |c: char| !c.is_control() && placeholder(c).is_none() && !not_drawn(c);
    let Some(first) = s.chars().next() else { return true };
    if !s.chars().all(ok) || char_width(first) == 0 {
        return false;
    }
    usize::from(s.cell_width()) == s.chars().map(char_width).sum::<usize>()
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
        for s in [
            "Юлия Иванова",
            "Amélie",
            "e\u{301}te\u{301}",
            "李小龍",
            "👩👧",
            "نازنین\u{200C}زهرا",
            "SU 2101 → SVO D",
            "",
        ] {
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
        // The worst case: every grapheme needs the slow path, lam-alef pairs included.
        let world = "Ю\u{200C}لا👩\u{200D}👧e\u{301}x".repeat(1_000);
        let start = std::time::Instant::now();
        let shown = inert(&world);
        let took = start.elapsed();
        assert_eq!(display_width(&shown), 9_000);
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
        if std::env::var_os("HAVEN_SHOW_TIMES").is_some() {
            eprintln!("inert of {} chars: {took:?}", world.chars().count());
        }
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

    /// The width rule: whole string, graphemes and characters agree, and no
    /// grapheme is zero columns wide.
    fn assert_drawn_true(s: &str) {
        let shown = inert(s);
        let gs = graphemes(&shown);
        let by_graphemes: usize = gs.iter().map(|g| grapheme_width(g)).sum();
        let by_chars: usize = shown.chars().map(char_width).sum();
        assert_eq!(UnicodeWidthStr::width(shown.as_ref()), by_graphemes, "{s:?} -> {shown:?}");
        assert_eq!(by_chars, by_graphemes, "{s:?} -> {shown:?}");
        assert!(gs.iter().all(|g| grapheme_width(g) >= 1), "{s:?} -> {shown:?}");
        assert!(!shown.chars().any(|c| c.is_control() || not_drawn(c) || placeholder(c).is_some()), "{s:?}");
        assert_eq!(inert(&shown), shown, "twice is once: {s:?}");
        assert_eq!(display_width(s), by_graphemes);
    }

    #[test]
    fn the_names_of_the_world_are_drawn_at_the_width_ratatui_assumes() {
        for s in [
            "نازنین\u{200C}زهرا احمدی",
            "علاء بلال",
            "ل\u{64E}ا",
            "\u{202E}ANNA-2026\u{202C}",
            "Zoe\u{308} Ame\u{301}lie",
            "\u{301}Ana",
            "\u{200C}\u{200C}x",
            "李小龍",
            "Mila 👩\u{200D}👧",
            "☺\u{FE0F} 👍\u{1F3FD} 🇷🇺",
            "ب\u{200D}ب soft\u{AD}hyphen\u{200B}",
            "ក\u{17D2}ក ⵏ\u{2D7F}ⴾ ꓹꓼ",
            "\u{1b}[2J\u{1b}[31mRed\u{7}",
            "Айгүл Өмүрбекова Oʻgʻiloy Ҷамила",
        ] {
            assert_drawn_true(s);
        }
    }

    #[test]
    fn joiners_and_marks_are_kept_where_terminals_agree() {
        // The Persian ZWNJ stays on its letter; a ZWJ is not drawn.
        assert_eq!(inert("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(inert("ب\u{200D}ب"), "بب");
        assert_eq!(inert("👩\u{200D}👧"), "👩👧");
        assert_eq!(display_width("👩\u{200D}👧"), 4);
        // Lam-alef: unicode-width says one column, terminals draw two.
        assert_eq!(inert("لا"), "ل\u{200C}ا");
        assert_eq!(display_width("بلال"), 4);
        // A mark with no letter sits on a dotted circle; a leading ZWNJ goes.
        assert_eq!(inert("\u{301}Ana"), "\u{25CC}\u{301}Ana");
        assert_eq!(inert("\u{200C}Ana"), "Ana");
        assert_eq!(inert("☺\u{FE0F}"), "☺");
        assert_eq!(inert("👍\u{1F3FD}"), "👍");
    }

    #[test]
    fn a_cell_that_reached_the_buffer_raw_is_settled() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        for (x, sym) in ["a\u{200D}", "\u{200C}", "☺\u{FE0F}", "\u{1b}", "ж", "👍\u{1F3FD}", "b"].iter().enumerate()
        {
            buf[(u16::try_from(x).unwrap(), 0)].set_symbol(sym);
        }
        settle_buffer(&mut buf);
        let got: Vec<&str> = (0..7).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(got, ["a", " ", "\u{FFFD}", "␛", "ж", "👍", "b"]);
    }

    #[test]
    fn columns_are_padded_by_what_is_drawn() {
        for s in ["نازنین\u{200C}زهرا", "李小龍", "Zoe\u{308}", "بلال", "ab"] {
            assert_eq!(display_width(&fit(s, 12)), 12, "{s:?}");
            assert_eq!(display_width(&pad(s, 12)), 12, "{s:?}");
        }
        assert_eq!(fit("Иванова Юлия", 8), "Иванова…");
        assert_eq!(pad("Иванова Юлия", 8), "Иванова Юлия");
    }

    #[test]
    fn a_long_text_is_cut_from_its_start_alone() {
        for unit in ["👍\u{1F3FD}", "Ю\u{200C}ل", "لا", "e\u{301}\u{302}", "日", "\u{1b}"] {
            let long = unit.repeat(5_000);
            for w in [0usize, 1, 2, 5, 40, 119] {
                let whole: String = {
                    let shown = inert(&long);
                    let mut out = String::new();
                    let mut used = 0;
                    for g in graphemes(&shown) {
                        if used + grapheme_width(g) > w.saturating_sub(1) {
                            break;
                        }
                        used += grapheme_width(g);
                        out.push_str(g);
                    }
                    if w > 0 {
                        out.push(ELLIPSIS);
                    }
                    out
                };
                assert_eq!(truncate_to_width(&long, w), whole, "{unit:?} at {w}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_drawn_true(s in "\\PC{0,40}|[\\u{0}-\\u{40}\\u{300}-\\u{36F}\\u{600}-\\u{6FF}\\u{200B}-\\u{206F}\\u{FE00}-\\u{FE0F}\\u{1F300}-\\u{1F3FF}]{0,30}") {
            assert_drawn_true(&s);
        }
    }
}
