//! The tabs of the reports screen and how each is drawn: the summary with
//! the yearly target and a sparkline of the nights; one table per breakdown
//! with its bar chart; services, referrals, and occupancy night by night.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Paragraph, Sparkline};

use super::grid::{self, Fmt};
use crate::app::context::Ctx;
use crate::report::{Cell, Figures, Table, tables};
use crate::ui::sanitize::{display_width, truncate_to_width};
use crate::ui::theme;

/// The tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Tab {
    /// Key figures, the target and the nights.
    Summary,
    /// People by gender.
    Gender,
    /// People by age band.
    Age,
    /// People by citizenship.
    Citizenship,
    /// People by type of exploitation.
    Exploitation,
    /// Services delivered and grants.
    Services,
    /// Referrals in and out.
    Referrals,
    /// Bed-nights and occupancy.
    Occupancy,
}

impl Tab {
    fn all() -> Vec<Tab> {
        <Tab as strum::IntoEnumIterator>::iter().collect()
    }

    /// The next tab (round).
    pub fn next(self) -> Tab {
        let all = Tab::all();
        let i = all.iter().position(|t| *t == self).unwrap_or(0);
        all.get((i + 1) % all.len()).copied().unwrap_or(Tab::Summary)
    }

    /// The previous tab (round).
    pub fn prev(self) -> Tab {
        let all = Tab::all();
        let i = all.iter().position(|t| *t == self).unwrap_or(0);
        all.get((i + all.len() - 1) % all.len()).copied().unwrap_or(Tab::Summary)
    }

    /// Its label.
    pub fn label(self, ctx: &Ctx) -> String {
        let key: &'static str = self.into();
        ctx.t(&format!("report-tab-{key}"))
    }

    /// Its short label, for a bar too narrow for the full ones
    /// (`report-tab-short-<key>`; the full label when a language has none).
    pub fn short_label(self, ctx: &Ctx) -> String {
        let key: &'static str = self.into();
        let short = format!("report-tab-short-{key}");
        if ctx.i18n.has(&short) { ctx.t(&short) } else { self.label(ctx) }
    }
}

/// The tab bar: every tab by its full name when all fit in `width`, else by
/// its short name; when even those do not fit, the bar scrolls to keep the
/// selected tab in view and `◀` / `▶` mark the tabs out of it.
pub fn tab_bar(tab: Tab, width: usize, ctx: &Ctx) -> Line<'static> {
    let all = Tab::all();
    let sel = all.iter().position(|t| *t == tab).unwrap_or(0);
    let bar_width = |labels: &[String]| labels.iter().map(|l| display_width(l) + 1).sum::<usize>();
    let mut labels: Vec<String> = all.iter().map(|t| format!(" {} ", t.label(ctx))).collect();
    if bar_width(&labels) > width {
        labels = all.iter().map(|t| format!(" {} ", t.short_label(ctx))).collect();
    }
    let fits = bar_width(&labels) <= width;
    // Room for the two markers when the bar has to scroll.
    let room = if fits { width } else { width.saturating_sub(4) };
    let mut first = 0;
    while first < sel && bar_width(&labels[first..=sel]) > room {
        first += 1;
    }
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(ratatui::text::Span::styled("◀ ", theme::heading()));
    }
    let mut used = 0;
    let mut last = first;
    for (i, l) in labels.iter().enumerate().skip(first) {
        let w = display_width(l) + 1;
        if used + w > room {
            break;
        }
        used += w;
        last = i;
        let style = if i == sel { theme::selected() } else { theme::dim() };
        spans.push(ratatui::text::Span::styled(l.clone(), style));
        spans.push(ratatui::text::Span::raw("│"));
    }
    if last + 1 < labels.len() {
        spans.push(ratatui::text::Span::styled(" ▶", theme::heading()));
    }
    Line::from(spans)
}

fn fmt(ctx: &Ctx) -> Fmt<'_> {
    Fmt { i18n: &ctx.i18n, yes: ctx.t("report-yes"), no: ctx.t("report-no"), total: ctx.t("report-col-total") }
}

/// `label ..... value` lines, values aligned right in `width`.
fn figure_lines(rows: &[(String, String)], width: usize) -> Vec<Line<'static>> {
    let vw = rows.iter().map(|(_, v)| display_width(v)).max().unwrap_or(0);
    let lw = width.saturating_sub(vw + 2);
    rows.iter()
        .map(|(l, v)| {
            let l = truncate_to_width(l, lw);
            let dots = " ".repeat(lw.saturating_sub(display_width(&l)) + 2 + vw - display_width(v));
            Line::raw(format!("{l}{dots}{v}"))
        })
        .collect()
}

/// The figures of the summary the screen lists, most asked for first.
fn summary_rows(f: &Figures, ctx: &Ctx) -> Vec<(String, String)> {
    let fm = fmt(ctx);
    let p = &f.people.total;
    let n = |k: &str, v: u32| (ctx.t(k), v.to_string());
    let mut rows = vec![
        n("report-assisted", p.assisted),
        n("report-new", p.new),
        n("report-resident", p.resident),
        n("report-departed", p.departed),
        n("report-closed", p.closed),
    ];
    if f.people.erased_counted > 0 {
        rows.push(n("report-erased-counted", f.people.erased_counted));
    }
    let (r_in, r_out) = f.referrals.iter().fold((0, 0), |(a, b), (_, i, o)| (a + i, b + o));
    rows.extend([
        n("report-services-total", f.services.iter().map(|(_, n)| n).sum()),
        n("report-referrals-in", r_in),
        n("report-referrals-out", r_out),
        n("report-pickups-total", f.pickups.total),
        n("report-pickups-met", f.pickups.met),
        n("report-pickups-no-show", f.pickups.no_show),
        n("report-pickups-cancelled", f.pickups.cancelled),
        n("report-bed-nights", f.occupancy.bed_nights),
        (
            ctx.t("report-average-stay"),
            f.occupancy.average_stay.map_or_else(|| "—".to_string(), |x| grid::cell_text(&Cell::Num(x, 1), &fm)),
        ),
        (ctx.t("report-occupancy-rate"), grid::cell_text(&Cell::Percent(f.occupancy.summary.rate()), &fm)),
    ]);
    rows
}

/// Beds occupied night by night fitted to `width` columns: a long period
/// keeps the busiest night of each stretch, a short one widens each night.
fn nights_points(f: &Figures, width: usize) -> Vec<u64> {
    let n = &f.occupancy.nightly;
    if n.is_empty() || width == 0 {
        return Vec::new();
    }
    if n.len() <= width {
        let each = width / n.len();
        return n.iter().flat_map(|x| std::iter::repeat_n(u64::from(x.occupied), each)).collect();
    }
    let per = n.len().div_ceil(width);
    n.chunks(per).map(|c| c.iter().map(|x| u64::from(x.occupied)).max().unwrap_or(0)).collect()
}

fn sparkline(frame: &mut Frame<'_>, area: Rect, figures: &Figures, ctx: &Ctx) {
    if area.height < 2 {
        return;
    }
    let cap = figures.occupancy.nightly.iter().map(|n| n.capacity).max().unwrap_or(0);
    let [title, chart] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let label = ctx.i18n.t_args(
        "report-sparkline",
        &[("peak", i64::from(figures.occupancy.summary.peak).into()), ("beds", i64::from(cap).into())],
    );
    frame.render_widget(Paragraph::new(truncate_to_width(&label, area.width as usize)).style(theme::heading()), title);
    let points = nights_points(figures, chart.width as usize);
    if points.is_empty() {
        frame.render_widget(Paragraph::new(ctx.t("report-no-nights")).style(theme::dim()), chart);
    } else {
        frame.render_widget(Sparkline::default().data(&points).max(u64::from(cap.max(1))).style(theme::ok()), chart);
    }
}

fn target(frame: &mut Frame<'_>, area: Rect, f: &Figures, ctx: &Ctx) {
    let t = &f.target;
    let label = ctx.i18n.t_args(
        "report-target-gauge",
        &[
            ("year", i64::from(t.year).into()),
            ("count", i64::from(t.count).into()),
            ("target", i64::from(t.target).into()),
            ("expected", i64::from(t.expected).into()),
        ],
    );
    crate::ui::gauge::draw(frame, area, t.share(), &label);
}

fn summary(frame: &mut Frame<'_>, area: Rect, f: &Figures, scroll: usize, ctx: &Ctx) -> usize {
    let rows = summary_rows(f, ctx);
    let need = rows.len() as u16;
    if area.width >= 100 {
        let [list, _, side] =
            Layout::horizontal([Constraint::Length(58), Constraint::Length(3), Constraint::Fill(1)]).areas(area);
        frame.render_widget(Paragraph::new(figure_lines(&rows, list.width as usize)), list);
        let [gauge, _, spark, _, notes] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(1),
            Constraint::Length(8),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(side);
        target(frame, gauge, f, ctx);
        sparkline(frame, spark, f, ctx);
        let t = tables::summary(f, &ctx.i18n);
        let text: Vec<Line<'static>> = t.notes.iter().map(|n| Line::styled(format!("* {n}"), theme::dim())).collect();
        frame.render_widget(Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }), notes);
        return 0;
    }
    // Narrow: the figures, then the target and the nights under them when they fit.
    let below = area.height.saturating_sub(need);
    let [list, gauge, spark] = if below >= 4 {
        Layout::vertical([Constraint::Length(need), Constraint::Length(1), Constraint::Fill(1)]).areas(area)
    } else {
        [area, Rect::default(), Rect::default()]
    };
    let lines: Vec<Line<'static>> =
        figure_lines(&rows, (list.width as usize).min(64)).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), list);
    if below >= 4 {
        target(frame, gauge, f, ctx);
        sparkline(frame, spark, f, ctx);
        0
    } else {
        rows.len()
    }
}

/// A breakdown table with a bar chart of the people assisted beside it (wide) or under it.
fn with_bars(frame: &mut Frame<'_>, area: Rect, t: &Table, value_col: usize, scroll: usize, ctx: &Ctx) -> usize {
    let fm = fmt(ctx);
    let body: Vec<(String, u64)> = t
        .rows
        .iter()
        .filter(|r| !matches!(r.first(), Some(Cell::Text(s)) if *s == fm.total))
        .filter_map(|r| match (r.first(), r.get(value_col)) {
            (Some(Cell::Text(l)), Some(Cell::Int(n))) => Some((l.clone(), u64::try_from(*n).unwrap_or(0))),
            _ => None,
        })
        .collect();
    let table_h = (t.rows.len() + grid::heading_rows(t, area.width as usize, &fm)) as u16;
    let natural = grid::natural_width(t, &fm) as u16;
    let (table_area, chart_area) = if area.width >= 100 {
        let table_w = natural.min(area.width.saturating_sub(32));
        let [a, _, b] =
            Layout::horizontal([Constraint::Length(table_w), Constraint::Length(3), Constraint::Fill(1)]).areas(area);
        (a, Some(b))
    } else if area.height >= table_h + 1 + body.len() as u16 && !body.is_empty() {
        let [a, _, b] =
            Layout::vertical([Constraint::Length(table_h), Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        (a, Some(b))
    } else {
        (area, None)
    };
    grid::draw(frame, table_area, t, scroll, &fm);
    if let Some(chart) = chart_area
        && !body.is_empty()
    {
        // Labels take the width they need, up to three fifths of the chart,
        // and the value follows each label, before its bar.
        let label_w = body.iter().map(|(l, _)| display_width(l)).max().unwrap_or(0).min(chart.width as usize * 3 / 5);
        let value_w = body.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
        let bars: Vec<Bar<'static>> = body
            .iter()
            .map(|(l, n)| {
                let l = truncate_to_width(l, label_w);
                let fill = " ".repeat(label_w.saturating_sub(display_width(&l)));
                Bar::with_label(format!("{l}{fill} {n:>value_w$}"), *n).text_value(String::new())
            })
            .collect();
        let max = body.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        frame.render_widget(
            BarChart::horizontal(bars).bar_gap(0).max(max).bar_style(theme::ok()).value_style(theme::selected()),
            chart,
        );
    }
    t.rows.len()
}

fn occupancy(frame: &mut Frame<'_>, area: Rect, f: &Figures, scroll: usize, ctx: &Ctx) -> usize {
    let fm = fmt(ctx);
    let o = &f.occupancy;
    let cap = o.nightly.iter().map(|n| n.capacity).max().unwrap_or(0);
    let rows = vec![
        (ctx.t("report-bed-nights"), o.bed_nights.to_string()),
        (ctx.t("report-col-capacity-nights"), o.summary.capacity_nights.to_string()),
        (ctx.t("report-occupancy-rate"), grid::cell_text(&Cell::Percent(o.summary.rate()), &fm)),
        (ctx.t("report-occupancy-average"), grid::cell_text(&Cell::Num(o.summary.average(), 1), &fm)),
        (ctx.t("report-occupancy-peak"), o.summary.peak.to_string()),
        (ctx.t("report-col-capacity"), cap.to_string()),
        (ctx.t("report-departed"), o.departures.to_string()),
        (
            ctx.t("report-average-stay"),
            o.average_stay.map_or_else(|| "—".to_string(), |x| grid::cell_text(&Cell::Num(x, 1), &fm)),
        ),
    ];
    let width = area.width.min(70) as usize;
    let [list, _, spark, _, months] = Layout::vertical([
        Constraint::Length(rows.len() as u16),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(figure_lines(&rows, width)), list);
    sparkline(frame, spark, f, ctx);
    let t = tables::months(f, &ctx.i18n);
    if t.rows.len() > 1 {
        grid::draw(frame, months, &t, scroll, &fm);
    }
    t.rows.len()
}

fn services(frame: &mut Frame<'_>, area: Rect, f: &Figures, scroll: usize, ctx: &Ctx) -> usize {
    let fm = fmt(ctx);
    let t = tables::services(f, &ctx.i18n);
    let g = tables::grants(f, &ctx.i18n);
    let grants_h = if g.rows.is_empty() {
        0
    } else {
        (g.rows.len() + 1 + grid::heading_rows(&g, area.width as usize, &fm)) as u16
    };
    let [top, _, bottom] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(grants_h > 0)),
        Constraint::Length(grants_h),
    ])
    .areas(area);
    let n = with_bars(frame, top, &t, 1, scroll, ctx);
    if grants_h > 0 {
        let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(bottom);
        frame.render_widget(Paragraph::new(g.title.clone()).style(theme::heading()), title);
        grid::draw(frame, body, &g, 0, &fm);
    }
    n
}

/// Draws `tab` of `f` in `area`; returns the number of rows that scroll.
pub fn draw(frame: &mut Frame<'_>, area: Rect, tab: Tab, f: &Figures, scroll: usize, ctx: &Ctx) -> usize {
    let i = &ctx.i18n;
    match tab {
        Tab::Summary => summary(frame, area, f, scroll, ctx),
        Tab::Gender => with_bars(frame, area, &tables::gender(f, i), 5, scroll, ctx),
        Tab::Age => with_bars(frame, area, &tables::age(f, i), 5, scroll, ctx),
        Tab::Citizenship => with_bars(frame, area, &tables::citizenship(f, i), 5, scroll, ctx),
        Tab::Exploitation => with_bars(frame, area, &tables::exploitation(f, i), 5, scroll, ctx),
        Tab::Services => services(frame, area, f, scroll, ctx),
        Tab::Referrals => with_bars(frame, area, &tables::referrals(f, i), 3, scroll, ctx),
        Tab::Occupancy => occupancy(frame, area, f, scroll, ctx),
    }
}
