//! Drawing a form: a label column and an input column, one field per line
//! (notes take four), the error under its field, scrolled so the focused
//! field shows, and only the visible fields built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::input::{Input, drawn};
use super::screen::FormScreen;
use crate::app::context::Ctx;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// Marks the focused field's label (also without colour).
const FOCUS_MARK: &str = "▸ ";

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// One line of text in `rect` (clipped to it), if the rect has room.
fn line_at(frame: &mut Frame<'_>, rect: Rect, line: Line<'_>) {
    if rect.width > 0 && rect.height > 0 {
        frame.render_widget(Paragraph::new(line), Rect { height: 1, ..rect });
    }
}

impl<R: Clone> FormScreen<R> {
    /// Rows field `i` takes: its input plus a line for its error.
    fn rows(&self, i: usize) -> u16 {
        let input = self.def.fields.get(i).map_or(1, |f| f.kind.rows());
        input + u16::from(self.fields.get(i).is_some_and(|f| f.error.is_some()))
    }

    /// Scrolls so that the focused field is on screen, given `height` rows.
    fn follow_focus(&mut self, height: u16) {
        if self.focus < self.scroll {
            self.scroll = self.focus;
        }
        while self.scroll < self.focus && (self.scroll..=self.focus).map(|i| self.rows(i)).sum::<u16>() > height {
            self.scroll += 1;
        }
    }

    /// The text a picked or yes/no field shows.
    fn choice_line(&self, i: usize, ctx: &Ctx) -> Line<'static> {
        let Some(state) = self.fields.get(i) else { return Line::default() };
        match &state.input {
            Input::Pick(keys) if keys.is_empty() => {
                Line::from(Span::styled(ctx.t("form-pick-placeholder"), theme::dim()))
            }
            Input::Pick(keys) => {
                let labels: Vec<String> = keys
                    .iter()
                    .map(|k| state.options.iter().find(|o| &o.key == k).map_or_else(|| k.clone(), |o| o.label.clone()))
                    .collect();
                Line::from(vec![Span::raw(inert(&labels.join(", ")).into_owned()), Span::styled(" ▾", theme::dim())])
            }
            Input::YesNo(answer) => {
                let mark = |on: bool| if on { "(•) " } else { "( ) " };
                Line::from(vec![
                    Span::raw(format!("{}{}", mark(*answer == Some(true)), ctx.t("form-yes"))),
                    Span::raw("   "),
                    Span::raw(format!("{}{}", mark(*answer == Some(false)), ctx.t("form-no"))),
                ])
            }
            Input::Text(_) => Line::default(),
        }
    }

    /// Draws the form into `area` and records where the cursor goes.
    pub(super) fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.cursor = None;
        if area.width == 0 || area.height == 0 {
            return;
        }
        // A message of several lines (a preview before a save) takes up to half the form.
        let message: Vec<String> =
            self.message.as_deref().map(|m| m.lines().map(String::from).collect()).unwrap_or_default();
        let message_rows = if area.height >= 2 && !message.is_empty() {
            u16::try_from(message.len()).unwrap_or(u16::MAX).min(area.height / 2).max(1)
        } else {
            0
        };
        let body = Rect { height: area.height - message_rows, ..area };
        let cols = self.columns(area, ctx);
        self.follow_focus(body.height);

        // The fields from the scroll position down, as many as fit.
        let bottom = body.y + body.height;
        let mut y = body.y;
        let mut last_shown = self.scroll;
        for i in self.scroll..self.fields.len() {
            if y >= bottom {
                break;
            }
            last_shown = i;
            match self.draw_field(frame, i, y, bottom, &cols, ctx) {
                Some(next) => y = next,
                None => break,
            }
        }

        // Arrows at the right edge say there is more above or below.
        let edge = area.x + area.width - 1;
        if self.scroll > 0 {
            line_at(frame, Rect { x: edge, y: body.y, width: 1, height: 1 }, Line::styled("▲", theme::dim()));
        }
        if last_shown + 1 < self.fields.len() && body.height > 0 {
            line_at(frame, Rect { x: edge, y: bottom - 1, width: 1, height: 1 }, Line::styled("▼", theme::dim()));
        }

        for (n, line) in message.iter().take(usize::from(message_rows)).enumerate() {
            let text = truncate_to_width(&inert(line), usize::from(area.width));
            let y = area.y + area.height - message_rows + u16::try_from(n).unwrap_or(0);
            line_at(frame, Rect { y, height: 1, ..area }, Line::styled(text, theme::error()));
        }
        self.draw_overlay(frame, area, ctx);
    }

    /// The labels and where the label and input columns are.
    fn columns(&self, area: Rect, ctx: &Ctx) -> Columns {
        let labels: Vec<String> = self
            .def
            .fields
            .iter()
            .map(|f| format!("{}{}", ctx.t(f.label), if f.required { " *" } else { "" }))
            .collect();
        let widest = labels.iter().map(|l| display_width(l)).max().unwrap_or(0) + FOCUS_MARK.chars().count();
        let label_w = to_u16(widest).min(area.width.saturating_mul(2) / 5).max(1);
        Columns {
            labels,
            x: area.x,
            label_w,
            input_x: area.x + label_w + 1,
            input_w: area.width.saturating_sub(label_w + 1),
        }
    }

    /// Draws field `i` from row `y` (not past `bottom`): its label, its
    /// input, its error. Returns the row after it, or None past the fields.
    fn draw_field(
        &mut self,
        frame: &mut Frame<'_>,
        i: usize,
        mut y: u16,
        bottom: u16,
        cols: &Columns,
        ctx: &Ctx,
    ) -> Option<u16> {
        let spec = self.def.fields.get(i)?;
        let spec_rows = spec.kind.rows();
        let read_only = spec.read_only;
        let focused = i == self.focus && self.picker.is_none() && self.confirm.is_none();
        let label = cols.labels.get(i).map(String::as_str).unwrap_or_default();
        let mark = if i == self.focus { FOCUS_MARK } else { "  " };
        let label_text = truncate_to_width(&format!("{mark}{label}"), usize::from(cols.label_w));
        let label_style = if i == self.focus { theme::heading() } else { Style::default() };
        line_at(frame, Rect { x: cols.x, y, width: cols.label_w, height: 1 }, Line::styled(label_text, label_style));

        let rect = Rect { x: cols.input_x, y, width: cols.input_w, height: spec_rows.min(bottom - y) };
        match self.fields.get(i).map(|s| &s.input) {
            Some(Input::Text(_)) if rect.width > 0 => self.draw_text(frame, i, rect, focused, read_only),
            Some(_) if rect.width > 0 => {
                let mut line = self.choice_line(i, ctx);
                if focused {
                    line = line.patch_style(Style::default().add_modifier(Modifier::BOLD));
                }
                line_at(frame, rect, line);
            }
            _ => {}
        }
        y = y.saturating_add(spec_rows);

        if let Some(error) = self.fields.get(i).and_then(|s| s.error.as_ref())
            && y < bottom
        {
            let text = truncate_to_width(&format!("⚠ {}", error.text(ctx)), usize::from(cols.input_w));
            let rect = Rect { x: cols.input_x, y, width: cols.input_w, height: 1 };
            line_at(frame, rect, Line::styled(text, theme::error()));
            y += 1;
        }
        Some(y)
    }

    /// Draws text field `i` in `rect`; the focused one records where the cursor goes.
    fn draw_text(&mut self, frame: &mut Frame<'_>, i: usize, rect: Rect, focused: bool, read_only: bool) {
        let Some(Input::Text(stored)) = self.fields.get_mut(i).map(|s| &mut s.input) else { return };
        // The text is drawn through the inert path; the stored value stays as typed.
        let ta = &mut drawn(stored);
        let base = if read_only { theme::dim() } else { Style::default().add_modifier(Modifier::UNDERLINED) };
        ta.set_style(base);
        // The underline runs the whole width, so an empty input still reads as a field.
        frame.buffer_mut().set_style(rect, base);
        ta.set_cursor_style(if focused { theme::selected() } else { base });
        if !focused && ta.is_empty() && !ta.placeholder_text().is_empty() {
            // The textarea draws its placeholder after a cursor cell; unfocused, align it with the other inputs.
            let hint = truncate_to_width(ta.placeholder_text(), usize::from(rect.width));
            line_at(frame, rect, Line::styled(hint, theme::dim()));
        } else {
            frame.render_widget(&*ta, rect);
        }
        if focused {
            let sc = ta.screen_cursor();
            let (top_row, top_col) = ta.scroll_offset();
            let dx = to_u16(sc.col).saturating_sub(top_col);
            let dy = to_u16(sc.row).saturating_sub(top_row);
            if dx < rect.width && dy < rect.height {
                self.cursor = Some((rect.x + dx, rect.y + dy));
            }
        }
    }

    /// The picker or the question over the form, if one is open.
    fn draw_overlay(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if let Some(picker) = self.picker.as_mut() {
            let field = picker.field;
            let title = self.def.fields.get(field).map(|f| ctx.t(f.label)).unwrap_or_default();
            let options = self.fields.get(field).map(|f| f.options.as_slice()).unwrap_or_default();
            self.cursor = picker.render(frame, area, options, &title, ctx);
        } else if let Some(confirm) = &self.confirm {
            confirm.render(frame, area, ctx);
        }
    }
}

/// Where a form's columns are, and its labels.
struct Columns {
    labels: Vec<String>,
    /// Left edge of the labels.
    x: u16,
    label_w: u16,
    input_x: u16,
    input_w: u16,
}
