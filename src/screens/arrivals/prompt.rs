//! The small questions the arrivals board asks over its list: a reason for
//! a no-show or a cancellation, a new estimate for a delay, and "mark met
//! now?" for a pickup of another day. Each is one line of text (or a yes /
//! no) in a popup; Enter answers, Esc closes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::context::Ctx;
use crate::domain::ids::PickupId;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// Longest reason or estimate accepted.
pub const MAX_INPUT: usize = 200;

/// What the prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Yes or no: mark met a pickup of another day.
    ConfirmMet,
    /// Why the person did not come out (required).
    NoShow,
    /// Why the pickup is called off (optional).
    Cancel,
    /// The new estimated arrival.
    Delay,
    /// Yes or no: undo the last status change.
    ConfirmUndo,
}

impl Ask {
    fn title_key(self) -> &'static str {
        match self {
            Ask::ConfirmMet => "arrivals-prompt-met-title",
            Ask::NoShow => "arrivals-prompt-no-show-title",
            Ask::Cancel => "arrivals-prompt-cancel-title",
            Ask::Delay => "arrivals-prompt-delay-title",
            Ask::ConfirmUndo => "arrivals-prompt-undo-title",
        }
    }

    fn help_key(self) -> &'static str {
        match self {
            Ask::ConfirmMet | Ask::ConfirmUndo => "arrivals-prompt-yes-no",
            _ => "arrivals-prompt-enter-esc",
        }
    }
}

/// What a key did to the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    /// Nothing more to do.
    Stay,
    /// The user answered: act on it.
    Answer,
    /// The user closed it.
    Close,
}

/// An open prompt about one pickup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is asked.
    pub ask: Ask,
    /// The pickup it is about.
    pub pickup: PickupId,
    /// One line naming the pickup (flight, time, alias, code).
    pub about: String,
    /// What has been typed.
    pub input: String,
    /// Why the last answer was refused.
    pub error: Option<String>,
}

impl Prompt {
    /// A prompt about `pickup`, described by `about`, starting with `input`.
    pub fn new(ask: Ask, pickup: PickupId, about: String, input: String) -> Prompt {
        Prompt { ask, pickup, about, input, error: None }
    }

    /// Whether typed text goes into the prompt.
    pub fn takes_text(&self) -> bool {
        !matches!(self.ask, Ask::ConfirmMet | Ask::ConfirmUndo)
    }

    /// A key while the prompt is open (text, Backspace, and yes / no for the question).
    pub fn key(&mut self, key: &KeyEvent) -> PromptKey {
        let typed = crate::keymap::text_char(key);
        if !self.takes_text() {
            // Yes and no in the three interface languages, as the form's yes / no fields read them.
            return match (typed, key.code) {
                (Some('y' | 'Y' | 'д' | 'Д' | 'o' | 'O'), _) | (_, KeyCode::Enter) => PromptKey::Answer,
                (Some('n' | 'N' | 'н' | 'Н'), _) | (_, KeyCode::Esc) => PromptKey::Close,
                _ => PromptKey::Stay,
            };
        }
        match (typed, key.code) {
            (Some(c), _) => {
                if self.input.chars().count() < MAX_INPUT {
                    self.input.push(c);
                }
                self.error = None;
            }
            (_, KeyCode::Backspace) => {
                self.input.pop();
                self.error = None;
            }
            (_, KeyCode::Enter) => return PromptKey::Answer,
            (_, KeyCode::Esc) => return PromptKey::Close,
            _ => {}
        }
        PromptKey::Stay
    }

    /// Draws the prompt centred in `area`; returns where the cursor goes.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) -> Option<(u16, u16)> {
        let width = area.width.saturating_sub(4).min(70);
        let height = 7u16.min(area.height);
        if width < 20 || height < 5 {
            return None;
        }
        let popup =
            Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", ctx.t(self.ask.title_key())))
            .border_style(theme::warning());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let w = usize::from(inner.width);
        let mut lines = vec![Line::raw(truncate_to_width(&inert(&self.about), w))];
        let mut cursor = None;
        if self.takes_text() {
            let label = ctx.t(match self.ask {
                Ask::Delay => "arrivals-prompt-estimate",
                _ => "arrivals-prompt-reason",
            });
            let prefix = format!("{label}: ");
            let room = w.saturating_sub(display_width(&prefix) + 1);
            // Show the end of a long text: that is where typing happens.
            let shown: String = {
                let text = inert(&self.input).into_owned();
                let mut chars: Vec<char> = text.chars().collect();
                while display_width(&chars.iter().collect::<String>()) > room && !chars.is_empty() {
                    chars.remove(0);
                }
                chars.into_iter().collect()
            };
            let x = inner.x + u16::try_from(display_width(&prefix) + display_width(&shown)).unwrap_or(u16::MAX);
            cursor = (x < inner.x + inner.width).then_some((x, inner.y + 1));
            lines.push(Line::from(vec![Span::styled(prefix, theme::heading()), Span::raw(shown)]));
        } else {
            let question = match self.ask {
                Ask::ConfirmUndo => self.input.clone(),
                _ => ctx.t("arrivals-prompt-met-question"),
            };
            lines.push(Line::styled(truncate_to_width(&question, w), theme::heading()));
        }
        match &self.error {
            Some(e) => lines.push(Line::styled(truncate_to_width(&format!("⚠ {e}"), w), theme::error())),
            None => lines.push(Line::raw("")),
        }
        lines.push(Line::styled(truncate_to_width(&ctx.t(self.ask.help_key()), w), theme::dim()));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        cursor
    }
}
