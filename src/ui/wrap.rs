//! Breaking a label into lines of at most a given display width, at spaces,
//! so that a long label takes a second line instead of being cut.

use unicode_width::UnicodeWidthChar;

use crate::ui::sanitize::display_width;

/// `text` in lines of at most `width` columns, broken at spaces; a word wider
/// than `width` is broken where it reaches the edge. Never empty.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!cur.is_empty());
        if display_width(&cur) + sep + display_width(word) <= width {
            if sep == 1 {
                cur.push(' ');
            }
            cur.push_str(word);
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if display_width(&cur) + w > width && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_words;

    #[test]
    fn a_long_label_breaks_at_spaces_and_keeps_every_word() {
        let l = wrap_words("Transport to the final destination in the country", 30);
        assert_eq!(l, vec!["Transport to the final", "destination in the country"]);
        assert_eq!(wrap_words("Короткая", 30), vec!["Короткая"]);
        assert_eq!(wrap_words("abcdef", 4), vec!["abcd", "ef"]);
        assert_eq!(wrap_words("", 4), vec![""]);
    }
}
