//! A yes/no question over a bed screen (back in service? let the reservation
//! go? remove the bed?): Enter says yes, Esc says no.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::ui::sanitize::display_width;
use crate::ui::theme;

/// The questions the bed screens ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Put the bed back in service?
    BackInService,
    /// Let the reservation on this bed go?
    CancelReservation,
    /// Remove this bed from the plan?
    RemoveBed,
    /// Remove this room and its beds from the plan?
    RemoveRoom,
    /// Leave the roll-call without saving the marks?
    LeaveWalk,
}

impl Question {
    fn key(self) -> &'static str {
        match self {
            Question::BackInService => "beds-ask-back-in-service",
            Question::CancelReservation => "beds-ask-cancel-reservation",
            Question::RemoveBed => "beds-ask-remove-bed",
            Question::RemoveRoom => "beds-ask-remove-room",
            Question::LeaveWalk => "night-ask-leave",
        }
    }
}

/// What became of a question pending over a screen once a key or an action came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply<P> {
    /// Nothing was asked: the key or action is the screen's.
    NotAsked,
    /// Yes to `Question` about `P`: do it.
    Yes(P, Question),
    /// No (the question is gone), or no answer yet (it stays).
    Taken,
}

/// Gives the question pending in `slot` (about `P`) the key or action
/// `answer` reads, and says what became of it.
pub fn reply<P>(slot: &mut Option<(P, Ask)>, answer: impl FnOnce(&Ask) -> Option<bool>) -> Reply<P> {
    let Some((about, ask)) = slot.take() else { return Reply::NotAsked };
    match answer(&ask) {
        Some(true) => Reply::Yes(about, ask.question()),
        Some(false) => Reply::Taken,
        None => {
            *slot = Some((about, ask));
            Reply::Taken
        }
    }
}

/// An open question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask {
    question: Question,
}

impl Ask {
    /// Asks `question`.
    pub fn new(question: Question) -> Ask {
        Ask { question }
    }

    /// What is asked.
    pub fn question(&self) -> Question {
        self.question
    }

    /// The answer an action gives: Enter yes, Esc no, anything else waits.
    pub fn action(&self, action: Action) -> Option<bool> {
        match action {
            Action::Open | Action::Confirm | Action::Save | Action::Finish => Some(true),
            Action::Back | Action::Close | Action::Cancel => Some(false),
            _ => None,
        }
    }

    /// The answer a key no binding took gives.
    pub fn key(&self, key: &KeyEvent) -> Option<bool> {
        match key.code {
            KeyCode::Enter => Some(true),
            KeyCode::Esc => Some(false),
            _ => None,
        }
    }

    /// Draws the question centred in `area`.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let question = ctx.t(self.question.key());
        let answers = ctx.t("beds-ask-answers");
        let want = display_width(&question).max(display_width(&answers)) + 4;
        let width = area.width.min(u16::try_from(want).unwrap_or(u16::MAX)).max(area.width.min(30));
        let height = area.height.min(6);
        if width < 3 || height < 3 {
            return;
        }
        let popup =
            Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        frame.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).border_style(theme::warning());
        let lines = vec![Line::raw(question), Line::raw(""), Line::styled(answers, theme::heading())];
        frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), popup);
    }
}
