//! The small question asked when leaving a form with unsaved changes:
//! save, discard, or keep editing.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::context::Ctx;
use crate::ui::sanitize::display_width;
use crate::ui::theme;

/// The answers, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save, then leave.
    Save,
    /// Throw the changes away and leave.
    Discard,
    /// Back to the form.
    Keep,
}

const ANSWERS: [Answer; 3] = [Answer::Save, Answer::Discard, Answer::Keep];

/// The open question and its highlighted answer.
#[derive(Debug, Clone, Default)]
pub struct Confirm {
    highlight: usize,
}

impl Confirm {
    /// The highlighted answer.
    pub fn highlighted(&self) -> Answer {
        ANSWERS.get(self.highlight).copied().unwrap_or(Answer::Keep)
    }

    /// Moves the highlight left or right, stopping at the ends.
    pub fn step(&mut self, forward: bool) {
        self.highlight =
            if forward { (self.highlight + 1).min(ANSWERS.len() - 1) } else { self.highlight.saturating_sub(1) };
    }

    /// A key: `s`/`d` answer at once (also on a Russian layout, where those keys type ы/в),
    /// arrows move, Enter takes the highlighted answer, Esc keeps editing.
    pub fn key(&mut self, key: &KeyEvent) -> Option<Answer> {
        match crate::keymap::text_char(key) {
            Some('s' | 'S' | 'ы' | 'Ы') => return Some(Answer::Save),
            Some('d' | 'D' | 'в' | 'В') => return Some(Answer::Discard),
            Some(_) => return None,
            None => {}
        }
        match key.code {
            KeyCode::Left | KeyCode::Up | KeyCode::BackTab => self.step(false),
            KeyCode::Right | KeyCode::Down | KeyCode::Tab => self.step(true),
            KeyCode::Enter => return Some(self.highlighted()),
            KeyCode::Esc => return Some(Answer::Keep),
            _ => {}
        }
        None
    }

    /// Draws the question centred in `area`.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let labels = [
            ("s", ctx.t("form-confirm-save")),
            ("d", ctx.t("form-confirm-discard")),
            ("Esc", ctx.t("form-confirm-keep")),
        ];
        let buttons = crate::ui::buttons::row(&labels, self.highlight);
        let question = ctx.t("form-confirm-question");
        let want = display_width(&question).max(buttons.width()) + 4;
        let width = area.width.min(u16::try_from(want).unwrap_or(u16::MAX)).max(area.width.min(30));
        let height = area.height.min(6);
        if width < 3 || height < 3 {
            return;
        }
        let popup =
            Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", ctx.t("form-confirm-title")))
            .border_style(theme::warning());
        let text = vec![Line::raw(question), Line::raw(""), buttons];
        frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), popup);
    }
}
