//! A report as plain text for the terminal or a printer: each table under
//! its title, columns aligned by display width (Cyrillic and wide
//! characters included), numbers to the right.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::table::{Cell, Table};
use crate::ui::sanitize::inert;

fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    if right { format!("{fill}{s}") } else { format!("{s}{fill}") }
}

/// How a text report writes values.
pub struct TextStyle<'a> {
    /// Dates in the reader's format.
    pub date: &'a dyn Fn(chrono::NaiveDate) -> String,
    /// Yes.
    pub yes: &'a str,
    /// No.
    pub no: &'a str,
    /// A comma before decimals (Russian, French).
    pub decimal_comma: bool,
}

/// One table as aligned text lines.
pub fn table_lines(t: &Table, style: &TextStyle<'_>) -> Vec<String> {
    let show = |c: &Cell| match c {
        Cell::Date(d) => (style.date)(*d),
        Cell::Text(s) => inert(s).into_owned(),
        Cell::Num(..) | Cell::Percent(_) if style.decimal_comma => c.plain(style.yes, style.no).replace('.', ","),
        other => other.plain(style.yes, style.no),
    };
    let cells: Vec<Vec<(String, bool)>> =
        t.rows.iter().map(|r| r.iter().map(|c| (show(c), c.is_numeric())).collect()).collect();
    let ncols = t.columns.len().max(cells.iter().map(Vec::len).max().unwrap_or(0));
    let mut widths = vec![0usize; ncols];
    for (i, h) in t.columns.iter().enumerate() {
        widths[i] = widths[i].max(h.width());
    }
    for r in &cells {
        for (i, (s, _)) in r.iter().enumerate() {
            widths[i] = widths[i].max(s.width());
        }
    }
    let mut out = vec![inert(&t.title).into_owned(), "─".repeat(t.title.width().max(1))];
    let numeric_col = |i: usize| cells.iter().any(|r| r.get(i).is_some_and(|(_, n)| *n));
    let head: Vec<String> =
        t.columns.iter().enumerate().map(|(i, h)| pad(&inert(h), widths[i], i > 0 && numeric_col(i))).collect();
    out.push(head.join("  ").trim_end().to_string());
    for r in &cells {
        let line: Vec<String> = r.iter().enumerate().map(|(i, (s, num))| pad(s, widths[i], *num)).collect();
        out.push(line.join("  ").trim_end().to_string());
    }
    for n in &t.notes {
        out.push(format!("* {}", inert(n)));
    }
    out
}

/// Several tables one after the other, a blank line between them.
pub fn render(tables: &[Table], style: &TextStyle<'_>) -> String {
    let mut s = String::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        for line in table_lines(t, style) {
            let _ = writeln!(s, "{line}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut t = Table::new("x", "Пол", vec!["Пол".into(), "Всего".into()]);
        t.rows.push(vec![Cell::text("Женский"), Cell::Int(12)]);
        t.rows.push(vec![Cell::text("M\u{1b}[31m"), Cell::Int(3)]);
        let style = TextStyle { date: &|d| d.to_string(), yes: "y", no: "n", decimal_comma: false };
        let lines = table_lines(&t, &style);
        assert_eq!(lines[2], "Пол      Всего");
        assert_eq!(lines[3], "Женский     12");
        assert!(!lines.iter().any(|l| l.contains('\u{1b}')), "control characters never reach the terminal");
    }
}
