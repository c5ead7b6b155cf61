//! F1 help: every action that works on the screen below and that the role
//! may do, with the keys the active keymap binds to it — generated, so it
//! always shows the real keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::keymap;
use crate::ui::theme;

/// The help screen for one screen's keys.
pub struct Help {
    below: keymap::Screen,
    /// Actions the role may not do on the screen below (left out).
    denied: Vec<Action>,
    offset: usize,
    rows: usize,
    visible: usize,
}

impl Help {
    /// Help about `below`.
    pub fn new(below: keymap::Screen) -> Help {
        Help { below, denied: Vec::new(), offset: 0, rows: 0, visible: 1 }
    }

    /// Leaves out the actions the role may not do (from the permission
    /// matrix, as the console asks it).
    pub fn without(mut self, denied: Vec<Action>) -> Help {
        self.denied = denied;
        self
    }

    fn entries(&self, ctx: &Ctx) -> Vec<(String, Action)> {
        Action::all()
            .filter(|a| !self.denied.contains(a))
            .filter_map(|a| {
                let keys = ctx.keymap.sequences_for(self.below, a);
                if keys.is_empty() {
                    return None;
                }
                let names: Vec<String> = keys.iter().map(|k| k.label(&|id| ctx.t(id))).collect();
                Some((names.join(", "), a))
            })
            .collect()
    }
}

impl Screen for Help {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Help
    }

    fn title(&self, ctx: &Ctx) -> String {
        format!("{} — {}", ctx.t("screen-help"), ctx.t(&format!("screen-{}", self.below.name())))
    }

    fn update(&mut self, action: Action, _ctx: &mut Ctx) -> Outcome {
        let max = self.rows.saturating_sub(self.visible);
        match action {
            Action::Down => self.offset = (self.offset + 1).min(max),
            Action::Up => self.offset = self.offset.saturating_sub(1),
            Action::PageDown => self.offset = (self.offset + self.visible).min(max),
            Action::PageUp => self.offset = self.offset.saturating_sub(self.visible),
            Action::Home => self.offset = 0,
            Action::End => self.offset = max,
            Action::Close | Action::Back | Action::Help => return Outcome::Pop,
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let entries = self.entries(ctx);
        self.rows = entries.len();
        self.visible = area.height.max(1) as usize;
        let key_w = entries.iter().map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str())).max().unwrap_or(0);
        let key_w = key_w.min(area.width as usize / 2);
        let lines: Vec<Line<'_>> = entries
            .iter()
            .skip(self.offset)
            .take(self.visible)
            .map(|(keys, a)| {
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_w$}  "), theme::hint_key().bg(ratatui::style::Color::Reset)),
                    Span::raw(ctx.t(&a.message_id())),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::Close]
    }
}
