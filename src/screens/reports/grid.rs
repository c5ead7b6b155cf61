//! A report table drawn in a screen area: the first column takes what the
//! numbers leave, headings and labels are cut to fit by display width, and
//! only the rows that fit from `scroll` on are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::report::{Cell, Table};
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

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

/// Column widths for `t` in `width` columns: numbers as wide as their
/// widest value, headings cut shorter (down to 4) until the label column
/// keeps at least 14 columns, which then takes what is left.
pub fn widths(t: &Table, texts: &[Vec<String>], width: usize) -> Vec<usize> {
    let mut w = natural(t, texts, 12);
    for cap in (4..12).rev() {
        let rest: usize = w.iter().skip(1).map(|x| x + 2).sum();
        if w.first().is_none_or(|f| width >= rest + (*f).min(14)) {
            break;
        }
        w = natural(t, texts, cap);
    }
    let rest: usize = w.iter().skip(1).map(|x| x + 2).sum();
    if let Some(first) = w.first_mut() {
        *first = (*first).min(width.saturating_sub(rest)).max(6);
    }
    w
}

fn natural(t: &Table, texts: &[Vec<String>], head_cap: usize) -> Vec<usize> {
    let n = t.columns.len().max(1);
    (0..n)
        .map(|i| {
            let head = t.columns.get(i).map_or(0, |h| display_width(h));
            let body = texts.iter().filter_map(|r| r.get(i)).map(|s| display_width(s)).max().unwrap_or(0);
            if i == 0 { head.max(body) } else { body.max(head.min(head_cap)).max(4) }
        })
        .collect()
}

/// The width the table would like: every column at its natural width.
pub fn natural_width(t: &Table, f: &Fmt<'_>) -> usize {
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|c| cell_text(c, f)).collect()).collect();
    let w = natural(t, &texts, 12);
    w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1)
}

/// Lines of the table: the heading (bold) and the rows from `scroll`, at most `height` in all.
pub fn lines(t: &Table, width: usize, height: usize, scroll: usize, f: &Fmt<'_>) -> Vec<Line<'static>> {
    let texts: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|c| cell_text(c, f)).collect()).collect();
    let w = widths(t, &texts, width);
    let numeric: Vec<bool> =
        (0..w.len()).map(|i| i > 0 && t.rows.iter().any(|r| r.get(i).is_some_and(Cell::is_numeric))).collect();
    let join = |cells: Vec<String>| cells.join("  ");
    let mut out = Vec::with_capacity(height);
    let head: Vec<String> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, h)| pad(&inert(h), w.get(i).copied().unwrap_or(0), numeric.get(i).copied().unwrap_or(false)))
        .collect();
    out.push(Line::from(Span::styled(truncate_to_width(&join(head), width), theme::heading())));
    for r in texts.iter().skip(scroll).take(height.saturating_sub(1)) {
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
