//! A row of answers drawn as `[key] label`, the highlighted one selected:
//! the question asked when leaving a form, the duplicate question of a
//! walk-in.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme;

/// `answers` as (key, label) side by side, the one at `highlight` selected.
pub fn row(answers: &[(&str, String)], highlight: usize) -> Line<'static> {
    let mut spans = Vec::with_capacity(answers.len() * 2);
    for (i, (key, label)) in answers.iter().enumerate() {
        let style = if i == highlight { theme::selected() } else { Style::default() };
        spans.push(Span::styled(format!("[{key}] {label}"), style));
        spans.push(Span::raw("  "));
    }
    Line::from(spans)
}
