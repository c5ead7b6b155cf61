//! The popup that picks a choice, a country or a language: typing narrows
//! the list, arrows move, Enter takes the highlighted option (or ticks it in
//! a multiple choice), Esc closes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::options::{PickOption, filter};
use crate::app::context::Ctx;
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// An open picker over the options of one field.
#[derive(Debug, Clone)]
pub struct Picker {
    /// The field it picks for.
    pub field: usize,
    /// Whether several options may be ticked.
    pub multi: bool,
    /// What has been typed.
    pub query: String,
    /// Indices of the matching options, best first.
    pub matches: Vec<usize>,
    /// The highlighted row of `matches`, and the first row shown.
    cursor: ListCursor,
    /// The keys ticked so far (multiple choice) or chosen (single).
    pub chosen: Vec<String>,
}

/// What the picker asks the form to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerEffect {
    /// Stay open.
    Stay,
    /// Close, keeping the field as it was.
    Cancel,
    /// Close and set the field to these keys.
    Done(Vec<String>),
}

impl Picker {
    /// A picker for field `field`, starting from its current keys and a first typed character.
    pub fn open(
        field: usize,
        multi: bool,
        options: &[PickOption],
        current: Vec<String>,
        first: Option<char>,
    ) -> Picker {
        let mut p = Picker {
            field,
            multi,
            query: first.map(String::from).unwrap_or_default(),
            matches: Vec::new(),
            cursor: ListCursor::new(),
            chosen: current,
        };
        p.refilter(options);
        if p.query.is_empty()
            && let Some(first_chosen) = p.chosen.first()
            && let Some(pos) = p.matches.iter().position(|&i| options.get(i).is_some_and(|o| &o.key == first_chosen))
        {
            p.cursor.select(pos);
        }
        p
    }

    fn refilter(&mut self, options: &[PickOption]) {
        self.matches = filter(options, &self.query);
        self.cursor.set_len(self.matches.len());
        self.cursor.reset();
    }

    /// Position of the highlighted row in `matches`.
    pub fn highlight(&self) -> usize {
        self.cursor.selected()
    }

    fn highlighted<'o>(&self, options: &'o [PickOption]) -> Option<&'o PickOption> {
        self.matches.get(self.cursor.selected()).and_then(|&i| options.get(i))
    }

    /// Moves the highlight (arrows, pages, ends).
    pub fn move_by(&mut self, key: KeyCode) -> bool {
        match key {
            KeyCode::Up => self.cursor.up(),
            KeyCode::Down => self.cursor.down(),
            KeyCode::PageUp => self.cursor.page_up(),
            KeyCode::PageDown => self.cursor.page_down(),
            KeyCode::Home => self.cursor.home(),
            KeyCode::End => self.cursor.end(),
            _ => return false,
        }
        true
    }

    /// Enter: choose the highlighted option, or tick/untick it in a multiple choice.
    pub fn confirm(&mut self, options: &[PickOption]) -> PickerEffect {
        let Some(key) = self.highlighted(options).map(|o| o.key.clone()) else {
            return PickerEffect::Stay;
        };
        if !self.multi {
            return PickerEffect::Done(vec![key]);
        }
        if let Some(pos) = self.chosen.iter().position(|k| *k == key) {
            self.chosen.remove(pos);
        } else {
            self.chosen.push(key);
            // Keep ticked keys in the order of the options, whatever the order of ticking.
            let order = |k: &String| options.iter().position(|o| &o.key == k);
            self.chosen.sort_by_key(order);
        }
        PickerEffect::Stay
    }

    /// Esc: a single choice is left as it was; a multiple choice keeps its ticks.
    pub fn close(&self) -> PickerEffect {
        if self.multi { PickerEffect::Done(self.chosen.clone()) } else { PickerEffect::Cancel }
    }

    /// A key typed while the picker is open.
    pub fn key(&mut self, key: &KeyEvent, options: &[PickOption]) -> PickerEffect {
        if let Some(c) = crate::keymap::text_char(key) {
            self.query.push(c);
            self.refilter(options);
            return PickerEffect::Stay;
        }
        match key.code {
            KeyCode::Backspace => {
                self.query.pop();
                self.refilter(options);
                PickerEffect::Stay
            }
            KeyCode::Enter => self.confirm(options),
            KeyCode::Esc => self.close(),
            code => {
                self.move_by(code);
                PickerEffect::Stay
            }
        }
    }

    /// Draws the popup centred in `area`; returns where the cursor goes (end of the query).
    pub fn render(
        &mut self,
        frame: &mut Frame<'_>,
        area: Rect,
        options: &[PickOption],
        title: &str,
        ctx: &Ctx,
    ) -> Option<(u16, u16)> {
        let width = area.width.min(60);
        // Borders, query and help around the list; never taller than needed.
        let wanted = u16::try_from(self.matches.len()).unwrap_or(u16::MAX).saturating_add(4).clamp(6, 18);
        let height = area.height.min(wanted);
        if width < 3 || height < 3 {
            return None;
        }
        let popup =
            Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        frame.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", inert(title)));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height == 0 || inner.width == 0 {
            return None;
        }
        let w = usize::from(inner.width);
        // Row 0: the query; last row: the key help (when there is room); the list between.
        let query_text = format!("> {}", inert(&self.query));
        let query_line = truncate_to_width(&query_text, w);
        frame.render_widget(Paragraph::new(query_line.clone()), Rect { height: 1, ..inner });
        let cursor_x = inner.x.saturating_add(u16::try_from(display_width(&query_line)).unwrap_or(u16::MAX));
        let cursor = (cursor_x < inner.x + inner.width).then_some((cursor_x, inner.y));
        let help_rows = u16::from(inner.height >= 4);
        let list_rows = usize::from(inner.height.saturating_sub(1 + help_rows));
        if help_rows == 1 {
            let key = if self.multi { "form-picker-multi-help" } else { "form-picker-help" };
            let help = truncate_to_width(&ctx.t(key), w);
            let y = inner.y + inner.height - 1;
            frame.render_widget(Paragraph::new(help).style(theme::dim()), Rect { y, height: 1, ..inner });
        }
        if list_rows == 0 {
            return cursor;
        }
        if self.matches.is_empty() {
            let none = truncate_to_width(&ctx.t("form-picker-none"), w);
            frame.render_widget(Paragraph::new(none).style(theme::dim()), Rect { y: inner.y + 1, height: 1, ..inner });
            return cursor;
        }
        let visible = self.cursor.scroll_into_view(list_rows);
        // Only the visible rows are built.
        for (row, &i) in self.matches.iter().enumerate().skip(visible.start).take(visible.len()) {
            let Some(option) = options.get(i) else { continue };
            let mark = match (self.multi, self.chosen.contains(&option.key)) {
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
                (false, true) => "• ",
                (false, false) => "  ",
            };
            let text = truncate_to_width(&format!("{mark}{}", inert(&option.label)), w);
            let style =
                if row == self.cursor.selected() { theme::selected() } else { ratatui::style::Style::default() };
            let y = inner.y + 1 + u16::try_from(row - visible.start).unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(display_width(&text)));
            let line = Line::from(Span::styled(format!("{text}{pad}"), style));
            frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..inner });
        }
        cursor
    }
}
