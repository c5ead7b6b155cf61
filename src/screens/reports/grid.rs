//! A report table drawn in a screen area: the first column takes what the
//! numbers leave, headings go onto a second row rather than being cut,
//! labels are cut only when no room is left, and only the rows that fit
//! from `scroll` on are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::report::{Cell, Table};
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;
use crate::ui::wrap::wrap_words;

/// How cells read on screen.
pub struct Fmt<'a> {
    /// Dates in the user's format.
    pub i18n: &'a crate::i18n::I18n,
    /// Yes.
    pub yes: String,
    /// No.
    pub no: String,
    /// The label of total rows (drawn bold).
    pub total: String,
}

/// The text of a cell on screen.
pub fn cell_text(c: &Cell, f: &Fmt<'_>) -> String {
    match c {
        Cell::Date(d) => f.i18n.format_date(*d),
        Cell::Text(s) => inert(s).into_owned(),
        Cell::Num(..) | Cell::Percent(_) if f.i18n.lang().code() != "en" => other_decimal(c, f),
        other => other.plain(&f.yes, &f.no),
    }
}

/// A number with the decimal comma of Russian and French.
fn other_decimal(c: &Cell, f: &Fmt<'_>) -> String {
    c.plain(&f.yes, &f.no).replace('.', ",")
}

fn pad(s: &str, width: usize, right: bool) -> String {
    let s = truncate_to_width(s, width);
    let fill = " ".repeat(width.saturating_sub(display_width(&s)));
    if right { format!("{fill}{s}") } else { format!("{s}{fill}") }
}

/// The narrowest width at which `head` takes at most two lines.
fn two_line_width(head: &str) -> usize {
    let full = display_width(head);
    let longest = head.split(' ').map(display_width).max().unwrap_or(0);
    (longest.max(full.div_ceil(2))..full).find(|w| wrap_words(head, *w).len() <= 2).unwrap_or(full)
}

/// Column widths for `t` in `width` columns: numbers as wide as their widest
/// value and their heading on one line; when that leaves the label column
/// narrower than its labels, headings go onto two lines. The label column
/// takes what is left, up to its widest label.
pub fn widths(t: &Table, texts: &[Vec<String>], width: usize) -> Vec<usize> {
    let mut w = natural(t, texts, false);
    let rest = |w: &[usize]| w.iter().skip(1).map(|x| x + 2).sum::<usize>();
    if w.first().is_some_and(|f| width < rest(&w) + f) {
        w = natural(t, texts, true);
    }
    let r = rest(&w);
    if let Some(first) = w.first_mut() {
        *first = (*first).min(width.saturating_sub(r)).max(6);
    }
    w
}

fn natural(t: &Table, texts: &[Vec<String>], two_lines: bool) -> Vec<usize> {
    let n = t.columns.len().max(1);
    (0..n)
        .map(|i| {
            let head = t.columns.get(i).map_or("", String::as_str);
            let body = texts.iter().filter_map(|r| r.get(i)).map(|s| display_width(s)).max().unwrap_or(0);
            let head_w = if two_lines && i > 0 { two_line_width(head) } else { display_width(head) };
            if i == 0 { head_w.max(body) } else { body.max(head_w).max(4) }
        })
        .collect()
}

/// The width the table would like: every column at its natural width.
pub fn natural_width(t: &Table, f: &Fmt<'_>) -> usize {
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|c| cell_text(c, f)).collect()).collect();
    let w = natural(t, &texts, false);
    w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1)
}

/// The headings of `t` at their column widths: one line each, or two.
fn heading_cells(t: &Table, w: &[usize]) -> Vec<Vec<String>> {
    t.columns.iter().enumerate().map(|(i, h)| wrap_words(&inert(h), w.get(i).copied().unwrap_or(0))).collect()
}

/// How many rows the heading of `t` takes in `width` columns (1 or 2).
pub fn heading_rows(t: &Table, width: usize, f: &Fmt<'_>) -> usize {
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|c| cell_text(c, f)).collect()).collect();
    let w = widths(t, &texts, width);
    heading_cells(t, &w).iter().map(Vec::len).max().unwrap_or(1).clamp(1, 2)
}

/// Lines of the table: the heading (bold, on one or two rows) and the rows
/// from `scroll`, at most `height` in all.
pub fn lines(t: &Table, width: usize, height: usize, scroll: usize, f: &Fmt<'_>) -> Vec<Line<'static>> {
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|c| cell_text(c, f)).collect()).collect();
    let w = widths(t, &texts, width);
    let numeric: Vec<bool> =
        (0..w.len()).map(|i| i > 0 && t.rows.iter().any(|r| r.get(i).is_some_and(Cell::is_numeric))).collect();
    let join = |cells: Vec<String>| cells.join("  ");
    let mut out = Vec::with_capacity(height);
    let heads = heading_cells(t, &w);
    let head_rows = heads.iter().map(Vec::len).max().unwrap_or(1).clamp(1, 2);
    for k in 0..head_rows {
        // A heading on one line sits on the lower row, next to the values.
        let row: Vec<String> = heads
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let line = h.get((k + h.len()).checked_sub(head_rows).unwrap_or(usize::MAX)).map_or("", String::as_str);
                pad(line, w.get(i).copied().unwrap_or(0), numeric.get(i).copied().unwrap_or(false))
            })
            .collect();
        out.push(Line::from(Span::styled(truncate_to_width(join(row).trim_end(), width), theme::heading())));
    }
    for r in texts.iter().skip(scroll).take(height.saturating_sub(head_rows)) {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, s)| pad(s, w.get(i).copied().unwrap_or(0), numeric.get(i).copied().unwrap_or(false)))
            .collect();
        let total = r.first().is_some_and(|s| *s == f.total);
        let text = truncate_to_width(&join(cells), width);
        out.push(if total { Line::styled(text, theme::heading()) } else { Line::raw(text) });
    }
    out
}

/// Draws the table in `area`, scrolled by `scroll` rows.
pub fn draw(frame: &mut Frame<'_>, area: Rect, t: &Table, scroll: usize, f: &Fmt<'_>) {
    let l = lines(t, area.width as usize, area.height as usize, scroll, f);
    frame.render_widget(Paragraph::new(l), area);
}
