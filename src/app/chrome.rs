//! The frame around every screen: title bar, key-hint bar generated from the
//! active keymap, status bar, and the "enlarge the window" message.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::context::Ctx;
use crate::domain::user::Role;
use crate::keymap::{KeyChord, Screen};
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// The title bar: product, centre and screen.
pub fn title_bar(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, screen_title: &str) {
    let centre = ctx.store().map(|s| s.header().centre_name.clone()).unwrap_or_default();
    let text = format!(" {} · {} · {}", ctx.t("app-title"), inert(&centre), screen_title);
    let line = truncate_to_width(&text, area.width as usize);
    frame.render_widget(Paragraph::new(line).style(theme::title()), area);
}

/// The short label of an action in the hint bar.
pub fn action_label(ctx: &Ctx, action: Action) -> String {
    let short = format!("hint-{}", action.name());
    if ctx.i18n.has(&short) { ctx.t(&short) } else { ctx.t(&action.message_id()) }
}

/// The hint bar: the screen's most useful actions with the keys the active
/// keymap binds them to, then help and quit. Keys typed so far of a sequence
/// are shown first.
pub fn hint_bar(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, table: Screen, actions: &[Action], pending: &[KeyChord]) {
    let mut spans: Vec<Span<'_>> = Vec::new();
    if !pending.is_empty() {
        let typed: Vec<String> = pending.iter().map(|k| k.label(&|id| ctx.t(id))).collect();
        spans.push(Span::styled(format!(" {} … ", typed.join(" ")), theme::hint_key()));
    }
    let item = |a: Action| -> Option<(Action, String, String)> {
        let key = ctx.keymap.hint_key(table, a)?;
        Some((a, format!(" {} ", key.label(&|id| ctx.t(id))), format!("{} ", action_label(ctx, a))))
    };
    let width_of = |(_, k, l): &(Action, String, String)| display_width(k) + display_width(l);
    // Help and Quit are never dropped: their room is kept first, and the
    // screen's own hints take what is left in their order of priority, a
    // hint that does not fit giving way to the shorter ones after it.
    let fixed: Vec<(Action, String, String)> = [Action::Help, Action::Quit].into_iter().filter_map(item).collect();
    let typed: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let mut room = (area.width as usize).saturating_sub(typed + fixed.iter().map(width_of).sum::<usize>());
    let mut shown: Vec<(Action, String, String)> = Vec::new();
    for a in actions.iter().copied().filter(|a| !matches!(a, Action::Help | Action::Quit)) {
        let Some(it) = item(a) else { continue };
        if shown.iter().any(|(s, _, _)| *s == a) {
            continue;
        }
        let w = width_of(&it);
        if w <= room {
            room -= w;
            shown.push(it);
        }
    }
    shown.extend(fixed);
    for (_, k, label) in shown {
        spans.push(Span::styled(k, theme::hint_key()));
        spans.push(Span::styled(label, theme::hints()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::hints()), area);
}

/// The role's name in the user's language.
pub fn role_label(ctx: &Ctx, role: Role) -> String {
    let key = match role {
        Role::Reception => "role-reception",
        Role::Night => "role-night",
        Role::CaseWorker => "role-case_worker",
        Role::Manager => "role-manager",
    };
    ctx.t(key)
}

/// The status bar: centre code, user and role, DEMO, last save, the lock
/// countdown in its last minute, and the latest message.
pub fn status_bar(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, message: Option<&str>, lock_in: Option<i64>) {
    let mut spans: Vec<Span<'_>> = Vec::new();
    if let Ok(store) = ctx.store() {
        spans.push(Span::raw(format!(" {} ", inert(&store.header().centre_code))));
        if let Ok(s) = store.session() {
            spans.push(Span::raw(format!("│ {} ({}) ", inert(&s.display_name), role_label(ctx, s.role))));
        }
        if let Some(at) = store.last_save() {
            // The console's local clock minus the store's UTC clock is the
            // local offset; tests that fix both clocks get fixed times.
            let offset = ctx.now() - store.now().naive_utc();
            let minutes = (offset.num_seconds() as f64 / 60.0).round() as i64;
            let local = at.naive_utc() + chrono::Duration::minutes(minutes);
            spans.push(Span::raw(format!("│ {} {} ", ctx.t("status-saved"), ctx.i18n.format_time(local.time()))));
        }
    }
    if let Ok(store) = ctx.store()
        && store.is_unlocked()
    {
        spans.extend(super::sync_status::spans(ctx, store));
    }
    if ctx.demo {
        spans.push(Span::styled(format!(" {} ", ctx.t("status-demo")), theme::warning()));
    }
    if let Some(secs) = lock_in {
        let text = ctx.i18n.t_args("status-lock-in", &[("seconds", secs.max(0).into())]);
        spans.push(Span::styled(format!(" {text} "), theme::warning()));
    }
    if let Some(m) = message {
        spans.push(Span::raw(format!(" {}", inert(m))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::status()), area);
}

/// Shown instead of the console when the terminal is below 80×24, with
/// the question or message the keys still pressed there have brought
/// (quitting is all they can do).
pub fn too_small(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx, notes: &[String]) {
    let mut lines = vec![Line::raw(ctx.t("terminal-too-small"))];
    for n in notes {
        lines.push(Line::styled(inert(n).into_owned(), theme::warning()));
    }
    let want = if notes.is_empty() { 3 } else { 8 };
    let y = area.height.saturating_sub(want) / 2;
    let row = Rect { x: area.x, y: area.y + y, width: area.width, height: area.height.saturating_sub(y).min(want) };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }), row);
}

/// The question quitting with a form in progress asks, over the screen
/// (`area`), with an empty hint bar (`hints`): the draft is kept; quit, or stay.
pub fn quit_question(frame: &mut Frame<'_>, area: Rect, hints: Rect, ctx: &Ctx) {
    frame.render_widget(Paragraph::new("").style(theme::hints()), hints);
    let question = ctx.t("quit-question");
    let keys = ctx.t("quit-question-keys");
    let want = crate::ui::sanitize::display_width(&question).max(crate::ui::sanitize::display_width(&keys)) + 4;
    let width = area.width.min(u16::try_from(want).unwrap_or(u16::MAX));
    // Each line wraps inside the frame; room for every row it takes.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows = [&question, &keys].iter().map(|t| crate::ui::sanitize::display_width(t).div_ceil(inner)).sum::<usize>();
    let height = area.height.min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let x = area.x + (area.width - width) / 2;
    let y = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect { x, y, width, height };
    frame.render_widget(ratatui::widgets::Clear, rect);
    let body = vec![Line::raw(question), Line::styled(keys, theme::heading())];
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: true })
            .block(ratatui::widgets::Block::bordered().style(theme::warning())),
        rect,
    );
}
