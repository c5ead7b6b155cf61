//! The home screen: today's arrivals and the next one, free beds per wing,
//! alerts, and people assisted this year against the yearly target. The
//! figures are read in `ops::dashboard` when the screen refreshes; render
//! only draws them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::keymap;
use crate::ops::dashboard::{BackupReminder, Limits, Summary};
use crate::screens::fresh::Freshness;
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// The dashboard screen.
pub struct Dashboard {
    summary: Result<Summary, String>,
    /// Records with an open sync conflict (two laptops changed the same field).
    conflicts: u32,
    fresh: Freshness,
}

impl Dashboard {
    /// Loads the figures.
    pub fn new(ctx: &Ctx) -> Dashboard {
        let mut d = Dashboard { summary: Ok(Summary::default()), conflicts: 0, fresh: Freshness::on_save_or_every(60) };
        d.reload(ctx);
        d
    }

    fn reload(&mut self, ctx: &Ctx) {
        self.fresh.loaded(ctx);
        let limits = Limits {
            retention_years: ctx.config.retention_years,
            backup_reminder_days: ctx.config.backup_reminder_days,
        };
        self.summary = match ctx.store() {
            Ok(store) => {
                self.conflicts = u32::try_from(crate::sync::conflicts::count(store)).unwrap_or(u32::MAX);
                Summary::load(store, ctx.now(), limits).map_err(|e| ctx.error_text(&e))
            }
            Err(e) => Err(ctx.error_text(&e)),
        };
    }
}

impl Screen for Dashboard {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Dashboard
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-dashboard")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::GoConflicts => crate::screens::conflicts::open(ctx).map_or(Outcome::Ignored, Outcome::Push),
            _ => Outcome::Ignored,
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.fresh.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let s = match &self.summary {
            Ok(s) => s,
            Err(e) => {
                frame.render_widget(Paragraph::new(inert(e).into_owned()).style(theme::error()), area);
                return;
            }
        };
        let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
        let [arrivals, beds] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(top);
        let [alerts, target] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(bottom);
        frame.render_widget(Paragraph::new(arrivals_lines(s, ctx)).block(panel(ctx.t("screen-arrivals"))), arrivals);
        frame.render_widget(Paragraph::new(beds_lines(s, ctx)).block(panel(ctx.t("screen-beds"))), beds);
        let alert_lines = alert_lines(s, self.conflicts, ctx);
        // An alert longer than the panel wraps onto the next row instead of being cut.
        frame.render_widget(
            Paragraph::new(alert_lines).wrap(Wrap { trim: false }).block(panel(ctx.t("dash-alerts"))),
            alerts,
        );
        draw_target(frame, target, s, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::GoArrivals, Action::GoBeds, Action::GoCases, Action::GoNight, Action::Lock]
    }
}

/// `label   n` lines with the numbers aligned by display width.
fn counted_lines(rows: &[(String, u32)]) -> Vec<Line<'static>> {
    let w = rows.iter().map(|(l, _)| unicode_width::UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
    rows.iter()
        .map(|(l, n)| {
            let pad = " ".repeat(w - unicode_width::UnicodeWidthStr::width(l.as_str()) + 2);
            Line::raw(format!("  {l}{pad}{n}"))
        })
        .collect()
}

fn panel(title: String) -> Block<'static> {
    Block::default().borders(Borders::ALL).title(format!(" {title} "))
}

/// Arrivals today per status, and the next one expected.
fn arrivals_lines(s: &Summary, ctx: &Ctx) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let total: u32 = s.arrivals_today.iter().map(|(_, n)| n).sum();
    lines.push(Line::styled(
        ctx.i18n.t_args("dash-arrivals-today", &[("count", i64::from(total).into())]),
        theme::heading(),
    ));
    let labels: Vec<(String, u32)> =
        s.arrivals_today.iter().map(|(st, n)| (ctx.t(&format!("pickup-status-{}", st.key())), *n)).collect();
    lines.extend(counted_lines(&labels));
    lines.push(Line::raw(""));
    match &s.next_arrival {
        Some(next) => {
            lines.push(Line::styled(ctx.t("dash-next-arrival"), theme::heading()));
            lines.push(Line::raw(format!(
                "  {} {}  {}  {}",
                ctx.i18n.format_date(next.at.date()),
                ctx.i18n.format_time(next.at.time()),
                inert(&next.flight),
                inert(&next.place)
            )));
            if !next.who.is_empty() {
                lines.push(Line::raw(format!("  {}", inert(&next.who))));
            }
        }
        None => lines.push(Line::styled(ctx.t("dash-no-arrivals"), theme::dim())),
    }
    lines
}

/// Free beds per wing and tonight's occupancy.
fn beds_lines(s: &Summary, ctx: &Ctx) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = vec![Line::styled(
        ctx.i18n.t_args("beds-free", &[("count", i64::from(s.free_total).into())]),
        theme::heading(),
    )];
    let labels: Vec<(String, u32)> = s.free.iter().map(|(w, n)| (ctx.t(&format!("wing-{}", w.key())), *n)).collect();
    lines.extend(counted_lines(&labels));
    lines.push(Line::raw(""));
    lines.push(Line::raw(ctx.i18n.t_args(
        "dash-occupancy",
        &[("occupied", i64::from(s.occupied).into()), ("capacity", i64::from(s.capacity).into())],
    )));
    lines
}

/// What needs doing: overdue pickups and services, absentees, a backup,
/// sync conflicts, cases past retention; or that nothing does.
fn alert_lines(s: &Summary, conflicts: u32, ctx: &Ctx) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let counted =
        |key: &str, n: u32| Line::styled(ctx.i18n.t_args(key, &[("count", i64::from(n).into())]), theme::error());
    if s.overdue_pickups > 0 {
        lines.push(counted("dash-overdue-pickups", s.overdue_pickups));
    }
    if s.overdue_services > 0 {
        lines.push(counted("dash-overdue-services", s.overdue_services));
    }
    if let Some(absent) = &s.absentees {
        let count = i64::try_from(absent.away.len()).unwrap_or(0);
        lines.push(Line::styled(
            ctx.i18n.t_args(
                "night-absentees",
                &[("count", count.into()), ("night", ctx.i18n.format_date(absent.night).into())],
            ),
            theme::error(),
        ));
        for a in &absent.away {
            lines.push(Line::raw(format!("  {} · {} {}", inert(&a.bed), inert(&a.alias), inert(&a.code))));
        }
    }
    match s.backup_overdue {
        Some(BackupReminder::DaysAgo(days)) => {
            lines.push(Line::styled(ctx.i18n.t_args("dash-backup-old", &[("days", days.into())]), theme::error()))
        }
        Some(BackupReminder::Never) => lines.push(Line::styled(ctx.t("dash-backup-never"), theme::error())),
        None => {}
    }
    if conflicts > 0 {
        lines.push(counted("dash-conflicts", conflicts));
    }
    if s.past_retention > 0 {
        lines.push(counted("dash-past-retention", s.past_retention));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(ctx.t("dash-no-alerts"), theme::ok())));
    }
    lines
}

/// People assisted this year against the yearly target, as a gauge.
fn draw_target(frame: &mut Frame<'_>, area: Rect, s: &Summary, ctx: &Ctx) {
    let goal = ctx.config.yearly_target.max(1);
    let ratio = (f64::from(s.assisted_this_year) / f64::from(goal)).min(1.0);
    let label = ctx.i18n.t_args(
        "dash-target",
        &[("count", i64::from(s.assisted_this_year).into()), ("target", i64::from(goal).into())],
    );
    let inner = panel(ctx.t("dash-year")).inner(area);
    frame.render_widget(panel(ctx.t("dash-year")), area);
    // The text on its own rows, the bar under it: both fit in the panel.
    let rows = (crate::ui::wrap::wrap_words(&label, usize::from(inner.width)).len() + 1).min(usize::from(inner.height));
    let [gauge_rows, _] =
        Layout::vertical([Constraint::Length(u16::try_from(rows).unwrap_or(1)), Constraint::Fill(1)]).areas(inner);
    crate::ui::gauge::draw_stacked(frame, gauge_rows, ratio, &label);
}
