//! Login and unlock: username and masked passphrase. A wrong passphrase and
//! an unknown user get the same message; the store throttles repeated
//! failures across restarts. The demo centre shows its accounts.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;
use zeroize::Zeroizing;

use super::widgets::{centered, pop_char};
use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::keymap::{self, text_char};
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// The login screen.
pub struct Login {
    username: String,
    passphrase: Zeroizing<String>,
    focus: usize,
    message: Option<String>,
    field_pos: Option<(u16, u16)>,
}

impl Login {
    /// A login screen, with a message (e.g. "Screen locked").
    pub fn new(_ctx: &Ctx, message: Option<String>) -> Login {
        Login { username: String::new(), passphrase: Zeroizing::new(String::new()), focus: 0, message, field_pos: None }
    }

    fn submit(&mut self, ctx: &mut Ctx) -> Outcome {
        if self.username.trim().is_empty() {
            self.focus = 0;
            return Outcome::None;
        }
        let user = self.username.trim().to_string();
        let pass = Zeroizing::new(self.passphrase.as_bytes().to_vec());
        self.passphrase = Zeroizing::new(String::new());
        let result = match ctx.store_mut() {
            Ok(store) => store.login(&user, &pass),
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => Outcome::LoggedIn,
            Err(e) => {
                self.message = Some(ctx.error_text(&e));
                self.focus = 1;
                Outcome::None
            }
        }
    }
}

impl Screen for Login {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Login
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("login-title")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::NextField | Action::PrevField => {
                self.focus = 1 - self.focus;
                Outcome::None
            }
            Action::Confirm | Action::Open => {
                if self.focus == 0 && self.passphrase.is_empty() {
                    self.focus = 1;
                    Outcome::None
                } else {
                    self.submit(ctx)
                }
            }
            Action::Cancel | Action::Back => {
                self.passphrase = Zeroizing::new(String::new());
                Outcome::None
            }
            Action::Quit | Action::Help => Outcome::Ignored,
            _ => Outcome::None,
        }
    }

    fn key(&mut self, key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        let field: &mut String = if self.focus == 0 { &mut self.username } else { &mut self.passphrase };
        if let Some(c) = text_char(&key) {
            if field.chars().count() < 256 {
                field.push(c);
            }
        } else if key.code == KeyCode::Backspace {
            pop_char(field);
        }
        Outcome::None
    }

    fn text_focused(&self) -> bool {
        true
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let demo_rows = if ctx.demo { crate::demo::users::DEMO_USERS.len() as u16 + 3 } else { 0 };
        let boxed = centered(area, 60, 9 + demo_rows);
        frame.render_widget(Clear, boxed);
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", ctx.t("login-title")));
        let inner = block.inner(boxed);
        frame.render_widget(block, boxed);
        let rows = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .split(inner);
        let (user_l, pass_l) = (ctx.t("login-username"), ctx.t("login-passphrase"));
        let label_w = UnicodeWidthStr::width(user_l.as_str()).max(UnicodeWidthStr::width(pass_l.as_str())) + 2;
        let pad = |l: &str| format!(" {l}{}", " ".repeat(label_w - UnicodeWidthStr::width(l)));
        let (user_label, pass_label) = (pad(&user_l), pad(&pass_l));
        let masked = "•".repeat(self.passphrase.chars().count().min(40));
        let style = |i| if self.focus == i { theme::selected() } else { ratatui::style::Style::new() };
        let user_text = inert(&self.username).into_owned();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(user_label.clone()),
                Span::styled(format!("{user_text} "), style(0)),
            ])),
            rows[1],
        );
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(pass_label.clone()),
                Span::styled(format!("{masked} "), style(1)),
            ])),
            rows[3],
        );
        let (row, text) = if self.focus == 0 { (rows[1], user_text.as_str()) } else { (rows[3], masked.as_str()) };
        let x = row.x + UnicodeWidthStr::width(user_label.as_str()) as u16 + UnicodeWidthStr::width(text) as u16;
        self.field_pos = Some((x.min(row.x + row.width.saturating_sub(1)), row.y));
        if let Some(m) = &self.message {
            frame.render_widget(Paragraph::new(inert(m).into_owned()).style(theme::error()), rows[5]);
        } else {
            frame.render_widget(Paragraph::new(ctx.t("lock-hint")).style(theme::dim()), rows[5]);
        }
        if ctx.demo {
            let mut lines = vec![Line::styled(ctx.t("login-demo-accounts"), theme::heading())];
            for (user, role, pass, _) in crate::demo::users::DEMO_USERS {
                lines.push(Line::raw(format!("  {user:<11} {pass:<17} {}", crate::app::chrome::role_label(ctx, role))));
            }
            frame.render_widget(Paragraph::new(lines), rows[6]);
        }
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::Confirm, Action::NextField]
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.field_pos
    }
}
