//! A progress bar with its text beside it, never over it: ratatui's `Gauge`
//! centres the text on the bar, where the filled part hides half of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::ui::sanitize::display_width;
use crate::ui::theme;

/// The narrowest bar worth drawing beside the text.
const MIN_BAR: usize = 8;

/// The cells of a bar `width` wide filled to `ratio` (0 to 1).
fn bar(ratio: f64, width: usize) -> Vec<Span<'static>> {
    let ratio = if ratio.is_finite() { ratio.clamp(0.0, 1.0) } else { 0.0 };
    let filled = ((ratio * width as f64).round() as usize).min(width);
    vec![Span::styled("█".repeat(filled), theme::ok()), Span::styled("░".repeat(width - filled), theme::dim())]
}

/// Draws `label` then the bar on one row when both fit; else the label,
/// wrapped, on the rows above a bar as wide as the area; on a single row too
/// narrow for both, the label alone.
pub fn draw(frame: &mut Frame<'_>, area: Rect, ratio: f64, label: &str) {
    let width = area.width as usize;
    let lw = display_width(label);
    if area.height == 0 || width == 0 {
        return;
    }
    if lw + 1 + MIN_BAR <= width {
        let mut spans = vec![Span::raw(format!("{label} "))];
        spans.extend(bar(ratio, width - lw - 1));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    if area.height < 2 {
        frame.render_widget(Paragraph::new(label.to_string()).wrap(Wrap { trim: true }), area);
        return;
    }
    let text_rows = crate::ui::wrap::wrap_words(label, width).len().clamp(1, usize::from(area.height - 1)) as u16;
    draw_stacked(frame, Rect { height: text_rows + 1, ..area }, ratio, label);
}

/// Draws `label`, wrapped, on the rows of `area` above a bar on its last row.
pub fn draw_stacked(frame: &mut Frame<'_>, area: Rect, ratio: f64, label: &str) {
    if area.height < 2 {
        draw(frame, area, ratio, label);
        return;
    }
    let text = Rect { height: area.height - 1, ..area };
    let row = Rect { y: area.y + area.height - 1, height: 1, ..area };
    frame.render_widget(Paragraph::new(label.to_string()).wrap(Wrap { trim: true }), text);
    frame.render_widget(Paragraph::new(Line::from(bar(ratio, area.width as usize))), row);
}
