//! Drawing the case file: who the case is (alias and code; the legal name
//! only once revealed), the tab bar, and the visible part of the tab with
//! the cursor's row highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::CaseFile;
use super::text::label;
use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::keymap;
use crate::ui::sanitize::{display_width, inert};
use crate::ui::theme;

impl CaseFile {
    fn who(&self, ctx: &Ctx) -> Vec<Line<'static>> {
        let Some(data) = &self.data else { return Vec::new() };
        let f = &data.front.body;
        let mut spans = vec![
            Span::styled(f.code.to_string(), theme::heading()),
            Span::raw(" · "),
            Span::styled(inert(&f.alias).into_owned(), theme::heading()),
            Span::raw(format!(
                " · {} · {} · {}",
                label(ctx, "case-status", f.status.key()),
                label(ctx, "gender", f.gender.key()),
                label(ctx, "cases-age-group", f.effective_age_group(ctx.today()).key()),
            )),
        ];
        if let Some(bed) = data.stays.iter().find(|s| s.stay.is_open()) {
            spans.push(Span::raw(format!(" · {} {}", ctx.t("cases-bed"), inert(&bed.bed))));
        }
        if f.high_risk {
            spans.push(Span::styled(format!(" · ⚑ {}", ctx.t("cases-high-risk")), theme::warning()));
        }
        let second = if !data.readable.case {
            Line::styled(ctx.t("cases-name-not-for-role"), theme::dim())
        } else if self.revealed {
            let name = data
                .private
                .as_ref()
                .map(|p| {
                    let full = p.body.full_name();
                    if p.body.latin.is_empty() || full.is_empty() {
                        full
                    } else {
                        format!("{full} · {}", p.body.latin)
                    }
                })
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| ctx.t("cases-no-name"));
            Line::from(vec![
                Span::styled(format!("{}: ", ctx.t("cases-legal-name")), theme::dim()),
                Span::styled(inert(&name).into_owned(), theme::warning()),
            ])
        } else {
            let key = ctx
                .keymap
                .hint_key(keymap::Screen::CaseFile, Action::RevealName)
                .map(|k| k.to_string())
                .unwrap_or_default();
            Line::styled(ctx.i18n.t_args("cases-name-hidden-hint", &[("key", key.into())]), theme::dim())
        };
        vec![Line::from(spans), second]
    }

    /// The tab bar: padded names when they fit, tight ones when not, and
    /// only the tabs around the current one on a very narrow screen.
    fn tab_bar(&self, ctx: &Ctx, width: usize) -> Line<'static> {
        let names: Vec<String> = self.tabs.iter().map(|t| t.label(ctx)).collect();
        let total = |pad: usize, from: usize| -> usize {
            names.iter().skip(from).map(|n| display_width(n) + 2 * pad + 1).sum::<usize>()
        };
        let pad = usize::from(total(1, 0) <= width);
        let current = self.tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
        let mut first = 0;
        while first < current && total(pad, first) > width {
            first += 1;
        }
        let mut spans = Vec::new();
        if first > 0 {
            spans.push(Span::styled("‹", theme::dim()));
        }
        for (i, (t, name)) in self.tabs.iter().zip(&names).enumerate().skip(first) {
            if i > first {
                spans.push(Span::styled("│", theme::dim()));
            }
            let text = format!("{}{name}{}", " ".repeat(pad), " ".repeat(pad));
            spans.push(if *t == self.tab { Span::styled(text, theme::selected()) } else { Span::raw(text) });
        }
        Line::from(spans)
    }

    /// Draws the file into `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let put = |frame: &mut Frame<'_>, y: u16, l: Line<'_>| {
            if y < area.y + area.height {
                frame.render_widget(Paragraph::new(l), Rect { x: area.x, y, width: area.width, height: 1 });
            }
        };
        let mut y = area.y;
        if let Some(e) = &self.error {
            put(frame, y, Line::styled(inert(e).into_owned(), theme::error()));
            y += 1;
        }
        for l in self.who(ctx) {
            put(frame, y, l);
            y += 1;
        }
        if self.data.is_none() {
            return;
        }
        put(frame, y, self.tab_bar(ctx, usize::from(area.width)));
        y += 2;
        let bottom = area.y + area.height;
        let height = usize::from(bottom.saturating_sub(y));
        let view = self.view(ctx);
        let count = view.items.len();
        let cursor = self.cursor.get(&self.tab).copied().unwrap_or(0).min(count.saturating_sub(1));
        self.cursor.insert(self.tab, cursor);
        self.page = (height / 2).max(1);
        let selected = view.items.get(cursor).map(|(line, _)| *line);
        if let Some(line) = selected {
            if line < self.scroll {
                self.scroll = line;
            }
            // Show the heading or detail lines after the row when there is room.
            if height > 0 && line >= self.scroll + height {
                self.scroll = line + 1 - height;
            }
        }
        self.scroll = self.scroll.min(view.lines.len().saturating_sub(height.max(1)));
        for (i, l) in view.lines.into_iter().enumerate().skip(self.scroll).take(height) {
            let line =
                if Some(i) == selected { l.patch_style(Style::default().add_modifier(Modifier::REVERSED)) } else { l };
            put(frame, y, line);
            y += 1;
        }
    }
}
