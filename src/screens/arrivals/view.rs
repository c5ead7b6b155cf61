//! Drawing the arrivals board: a header with the view and a count per
//! status, one line per pickup in columns that fit the terminal (alias and
//! case code, never a name), the selected pickup's details below when there
//! is room, and any open prompt on top. Only the visible rows are built.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::board::Board;
use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::domain::arrivals::{BoardView, WEEK_DAYS, place_label, status_counts};
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::transport::Transport;
use crate::i18n::Lang;
use crate::keymap;
use crate::ops::arrivals::BoardRow;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// Rows the details of the selected pickup take below the list.
const DETAIL_ROWS: u16 = 5;
/// Shortest main area that still gets the details.
const DETAIL_MIN_HEIGHT: u16 = 16;

/// A column of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Mark,
    Date,
    Time,
    Expected,
    Flight,
    Origin,
    Place,
    Alias,
    Code,
    Escort,
    Needs,
    Status,
}

impl Col {
    fn title_key(self) -> Option<&'static str> {
        Some(match self {
            Col::Mark => return None,
            Col::Date => "arrivals-col-date",
            Col::Time => "arrivals-col-time",
            Col::Expected => "arrivals-col-expected",
            Col::Flight => "arrivals-col-flight",
            Col::Origin => "arrivals-col-origin",
            Col::Place => "arrivals-col-place",
            Col::Alias => "arrivals-col-alias",
            Col::Code => "arrivals-col-case",
            Col::Escort => "arrivals-col-escort",
            Col::Needs => "arrivals-col-needs",
            Col::Status => "arrivals-col-status",
        })
    }
}

/// `s` cut or padded to exactly `w` columns.
fn fit(s: &str, w: usize) -> String {
    let cut = truncate_to_width(s, w);
    let pad = w.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// How the pickup's person comes: the flight, or the way of coming
/// (train, bus, car, on foot, unknown) for an arrival that is not a flight.
pub(super) fn arrival_text(p: &Pickup, ctx: &Ctx) -> String {
    match p.by {
        Transport::Flight => p.flight.to_string(),
        other => ctx.t(&format!("arrivals-by-{}", other.key())),
    }
}

/// A short day for rows of several days: `1 Dec`, `01.12`, `01/12`.
fn short_day(lang: Lang, at: NaiveDateTime) -> String {
    crate::i18n::format_day_month(lang, at.date())
}

/// The time after the schedule: `✓06:55` met, `~07:40` expected.
fn expected_text(p: &Pickup) -> String {
    match (p.status, p.actual, p.estimated) {
        (PickupStatus::Met | PickupStatus::AtCentre, Some(t), _) => format!("✓{}", t.format("%H:%M")),
        (PickupStatus::Scheduled | PickupStatus::Delayed, _, Some(t)) => format!("~{}", t.format("%H:%M")),
        _ => String::new(),
    }
}

/// The needs as compact markers: wheelchair, medical, minor, interpreter language.
fn needs_markers(p: &Pickup, ctx: &Ctx) -> String {
    let mut m: Vec<String> = Vec::new();
    if p.needs.wheelchair {
        m.push(ctx.t("arrivals-marker-wheelchair"));
    }
    if p.needs.medical {
        m.push(ctx.t("arrivals-marker-medical"));
    }
    if p.needs.minor {
        m.push(ctx.t("arrivals-marker-minor"));
    }
    if let Some(l) = &p.needs.interpreter {
        // The language's name, as everywhere: a code such as `UK` reads as a country.
        m.push(
            crate::form_engine::languages::language_name(l, ctx.i18n.lang().code())
                .map_or_else(|| l.clone(), str::to_string),
        );
    }
    m.join(" ")
}

/// The needs in words, for the details.
fn needs_words(p: &Pickup, ctx: &Ctx) -> String {
    let mut m: Vec<String> = Vec::new();
    for (on, key) in [
        (p.needs.wheelchair, "arrivals-need-wheelchair"),
        (p.needs.medical, "arrivals-need-medical"),
        (p.needs.minor, "arrivals-need-minor"),
    ] {
        if on {
            m.push(ctx.t(key));
        }
    }
    if let Some(l) = &p.needs.interpreter {
        let name = crate::form_engine::options::languages(ctx.i18n.lang().code())
            .into_iter()
            .find(|o| &o.key == l)
            .map_or_else(|| l.clone(), |o| o.label);
        m.push(ctx.i18n.t_args("arrivals-need-interpreter", &[("language", name.into())]));
    }
    if m.is_empty() { "—".into() } else { m.join(", ") }
}

impl Board {
    /// The escort as colleagues know them (display name), or as it was written.
    fn escort_name(&self, p: &Pickup) -> String {
        let Some(e) = &p.escort else { return String::new() };
        self.staff.iter().find(|(u, _)| u == e).map_or_else(|| e.clone(), |(_, name)| name.clone())
    }

    fn view_title(&self, ctx: &Ctx) -> String {
        let today = ctx.today();
        match self.view {
            BoardView::Day(d) if d == today => {
                ctx.i18n.t_args("arrivals-view-today", &[("date", ctx.i18n.format_date(d).into())])
            }
            BoardView::Day(d) if Some(d) == today.succ_opt() => {
                ctx.i18n.t_args("arrivals-view-tomorrow", &[("date", ctx.i18n.format_date(d).into())])
            }
            BoardView::Day(d) => ctx.i18n.t_args("arrivals-view-day", &[("date", ctx.i18n.format_date(d).into())]),
            BoardView::Week(d) => {
                let last = d.checked_add_signed(chrono::Duration::days(WEEK_DAYS - 1)).unwrap_or(d);
                ctx.i18n.t_args(
                    "arrivals-view-week",
                    &[("from", ctx.i18n.format_date(d).into()), ("to", ctx.i18n.format_date(last).into())],
                )
            }
            BoardView::Open => ctx.t("arrivals-view-open"),
        }
    }

    /// The view, the overdue count, then a count per status: in full words
    /// when they fit, else in the short labels of the status column.
    fn header(&self, ctx: &Ctx, now: NaiveDateTime, width: usize) -> Line<'static> {
        let pickups: Vec<Pickup> = self.rows.iter().map(|r| r.pickup.clone()).collect();
        let overdue = pickups.iter().filter(|p| p.is_overdue(now)).count();
        let counts = status_counts(&pickups);
        let build = |prefix: &str| {
            let mut spans = vec![Span::styled(self.view_title(ctx), theme::heading())];
            if overdue > 0 {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(
                    ctx.i18n.t_args("arrivals-overdue-count", &[("count", (overdue as i64).into())]),
                    theme::error(),
                ));
            }
            for (status, n) in &counts {
                spans.push(Span::raw(format!("  {} {n}", ctx.t(&format!("{prefix}{}", status.key())))));
            }
            Line::from(spans)
        };
        for prefix in ["pickup-status-", "arrivals-short-"] {
            let line = build(prefix);
            if line.width() <= width {
                return line;
            }
        }
        let text: String = build("arrivals-short-").spans.iter().map(|s| s.content.to_string()).collect();
        Line::styled(truncate_to_width(&text, width), theme::heading())
    }

    /// The columns that fit `width`, with their widths.
    fn columns(&self, ctx: &Ctx, width: usize, first: usize, last: usize) -> Vec<(Col, usize)> {
        let visible = self.rows.get(first..last).unwrap_or_default();
        let title = |c: Col| c.title_key().map_or(0, |k| display_width(&ctx.t(k)));
        let widest = |c: Col, f: &dyn Fn(&BoardRow) -> String| {
            visible.iter().map(|r| display_width(&f(r))).max().unwrap_or(0).max(title(c))
        };
        let mut fixed: Vec<(Col, usize)> = vec![(Col::Mark, 1)];
        if self.view.spans_days() {
            fixed.push((Col::Date, widest(Col::Date, &|r| short_day(ctx.i18n.lang(), r.pickup.scheduled)).max(5)));
        }
        fixed.push((Col::Time, title(Col::Time).max(5)));
        fixed.push((Col::Expected, title(Col::Expected).max(6)));
        fixed.push((Col::Flight, widest(Col::Flight, &|r| arrival_text(&r.pickup, ctx)).clamp(7, 10)));
        if width >= 110 {
            fixed.push((Col::Origin, widest(Col::Origin, &|r| r.pickup.origin.clone()).clamp(3, 12)));
        }
        fixed.push((
            Col::Place,
            widest(Col::Place, &|r| place_label(&r.pickup.airport, r.pickup.terminal.as_deref())).max(5),
        ));
        let code_w = widest(Col::Code, &|r| r.case.as_ref().map(|c| c.code.to_string()).unwrap_or_default()).max(11);
        // The markers end with the interpreter's language by name: a wide board
        // gives them room for it ("Uzbek", not "Uzb…").
        let needs_w = widest(Col::Needs, &|r| needs_markers(&r.pickup, ctx)).min(if width >= 100 { 28 } else { 16 });
        let status_w = widest(Col::Status, &|r| ctx.t(&format!("arrivals-short-{}", r.pickup.status.key())));
        let fixed_w: usize = fixed.iter().map(|(_, w)| w).sum::<usize>() + code_w + needs_w + status_w;
        let gaps = |n: usize| n.saturating_sub(1);
        // Alias first, then escort if there is room for both.
        let n_fixed = fixed.len() + 3;
        let room = width.saturating_sub(fixed_w + gaps(n_fixed + 1));
        let alias_w = room.min(20);
        let escort_room = room.saturating_sub(alias_w + 1);
        let mut cols = fixed;
        cols.push((Col::Alias, alias_w.max(1)));
        cols.push((Col::Code, code_w));
        if escort_room >= 6 {
            cols.push((Col::Escort, escort_room.min(24)));
        }
        cols.push((Col::Needs, needs_w));
        cols.push((Col::Status, status_w));
        // Whatever is left goes to the alias.
        let used: usize = cols.iter().map(|(_, w)| w).sum::<usize>() + gaps(cols.len());
        if let Some((_, w)) = cols.iter_mut().find(|(c, _)| *c == Col::Alias) {
            *w += width.saturating_sub(used).min(8);
        }
        cols
    }

    fn cell(&self, col: Col, row: &BoardRow, ctx: &Ctx, now: NaiveDateTime) -> String {
        let p = &row.pickup;
        match col {
            Col::Mark => if p.is_overdue(now) { "!" } else { " " }.to_string(),
            Col::Date => short_day(ctx.i18n.lang(), p.scheduled),
            Col::Time => ctx.i18n.format_time(p.scheduled.time()),
            Col::Expected => expected_text(p),
            Col::Flight => arrival_text(p, ctx),
            Col::Origin => p.origin.clone(),
            Col::Place => place_label(&p.airport, p.terminal.as_deref()),
            Col::Alias => format!(
                "{}{}",
                crate::sync::conflicts::badge(
                    ctx.store(),
                    &[row.pickup.id.as_bytes(), row.case.as_ref().map_or(&[][..], |c| c.id.as_bytes())]
                ),
                row.case.as_ref().map_or_else(|| "—".to_string(), |c| c.alias.clone())
            ),
            Col::Code => row.case.as_ref().map(|c| c.code.to_string()).unwrap_or_default(),
            Col::Escort => self.escort_name(p),
            Col::Needs => needs_markers(p, ctx),
            Col::Status => ctx.t(&format!("arrivals-short-{}", p.status.key())),
        }
    }

    fn row_line(
        &self,
        cols: &[(Col, usize)],
        row: &BoardRow,
        selected: bool,
        ctx: &Ctx,
        now: NaiveDateTime,
    ) -> Line<'static> {
        let text: Vec<String> = cols.iter().map(|(c, w)| fit(&inert(&self.cell(*c, row, ctx, now)), *w)).collect();
        let p = &row.pickup;
        let mut style = if p.is_overdue(now) {
            theme::error()
        } else if matches!(p.status, PickupStatus::AtCentre | PickupStatus::NoShow | PickupStatus::Cancelled) {
            theme::dim()
        } else {
            Style::default()
        };
        if selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        Line::styled(text.join(" "), style)
    }

    fn details(&self, row: &BoardRow, ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
        let p = &row.pickup;
        let dt = |t: NaiveDateTime| ctx.i18n.format_datetime(t);
        let place = place_label(&p.airport, p.terminal.as_deref());
        let route = if p.origin.trim().is_empty() { place } else { format!("{} → {place}", p.origin.trim()) };
        let mut when =
            format!("{} · {route} · {} {}", arrival_text(p, ctx), ctx.t("arrivals-detail-scheduled"), dt(p.scheduled));
        if let Some(e) = p.estimated {
            when.push_str(&format!(" · {} {}", ctx.t("arrivals-detail-estimated"), dt(e)));
        }
        if let Some(a) = p.actual {
            when.push_str(&format!(" · {} {}", ctx.t("arrivals-detail-met"), dt(a)));
        }
        let dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { s.to_string() };
        let meet = format!(
            "{}: {} · {}: {}",
            ctx.t("arrivals-detail-meeting-point"),
            dash(&p.meeting_point),
            ctx.t("arrivals-detail-recognition"),
            dash(&p.recognition)
        );
        let who = format!(
            "{}: {} · {}: {}",
            ctx.t("arrivals-detail-escort"),
            dash(&self.escort_name(p)),
            ctx.t("arrivals-detail-needs"),
            needs_words(p, ctx)
        );
        let steps: Vec<String> = p
            .changes
            .iter()
            .map(|(s, at)| format!("{} {}", ctx.t(&format!("pickup-status-{}", s.key())), dt(*at)))
            .collect();
        let mut history = format!("{}: {}", ctx.t("arrivals-detail-history"), steps.join(" → "));
        if !p.reason.is_empty() {
            history.push_str(&format!(" · {}", p.reason));
        }
        [when, meet, who, history].into_iter().map(|s| Line::raw(truncate_to_width(&inert(&s), width))).collect()
    }

    fn empty_line(&self, ctx: &Ctx, width: usize) -> Line<'static> {
        let key = |a: Action| {
            ctx.keymap.hint_key(keymap::Screen::Arrivals, a).map(|k| k.to_string()).unwrap_or_else(|| "?".into())
        };
        let text = ctx.i18n.t_args(
            "arrivals-empty",
            &[("new", key(Action::PickupNew).into()), ("walkin", key(Action::WalkIn).into())],
        );
        Line::styled(truncate_to_width(&text, width), theme::dim())
    }

    /// Draws the board into `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.cursor = None;
        if area.width == 0 || area.height < 3 {
            return;
        }
        let now = ctx.now();
        let width = usize::from(area.width);
        let line_at = |frame: &mut Frame<'_>, y: u16, line: Line<'static>| {
            frame.render_widget(Paragraph::new(line), Rect { x: area.x, y, width: area.width, height: 1 });
        };
        line_at(frame, area.y, self.header(ctx, now, width));
        if let Some(e) = &self.error {
            line_at(frame, area.y + 1, Line::styled(truncate_to_width(&inert(e), width), theme::error()));
            return;
        }
        let details = area.height >= DETAIL_MIN_HEIGHT && !self.rows.is_empty();
        let list_top = area.y + 2;
        let list_h = area.height.saturating_sub(2 + if details { DETAIL_ROWS } else { 0 });
        let visible = usize::from(list_h).max(1);
        self.page = visible;
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(visible));
        let last = (self.offset + visible).min(self.rows.len());
        let cols = self.columns(ctx, width, self.offset, last);
        let titles: Vec<String> =
            cols.iter().map(|(c, w)| fit(&c.title_key().map(|k| ctx.t(k)).unwrap_or_default(), *w)).collect();
        line_at(frame, area.y + 1, Line::styled(titles.join(" "), theme::heading().add_modifier(Modifier::UNDERLINED)));
        if self.rows.is_empty() {
            line_at(frame, list_top, self.empty_line(ctx, width));
        }
        for (i, row) in self.rows.iter().enumerate().take(last).skip(self.offset) {
            let y = list_top + u16::try_from(i - self.offset).unwrap_or(0);
            line_at(frame, y, self.row_line(&cols, row, i == self.selected, ctx, now));
        }
        if details && let Some(row) = self.rows.get(self.selected) {
            let top = area.y + area.height - DETAIL_ROWS;
            line_at(frame, top, Line::styled("─".repeat(width), theme::dim()));
            for (n, line) in self.details(row, ctx, width).into_iter().enumerate() {
                line_at(frame, top + 1 + u16::try_from(n).unwrap_or(0), line);
            }
        }
        if let Some(prompt) = &self.prompt {
            self.cursor = prompt.render(frame, area, ctx);
        }
    }
}
