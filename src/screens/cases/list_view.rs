//! Drawing the case list: a line with the filters or the search bar, the
//! column titles, only the rows that fit, and the revealed name or a message
//! at the bottom. Columns share the width left by the fixed ones.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::CaseList;
use super::search_bar::PENDING_MARK;
use crate::app::context::Ctx;
use crate::domain::person::AgeGroup;
use crate::ops::case_list::CaseRow;
use crate::search::Field;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// Column widths, in display columns.
struct Columns {
    code: usize,
    alias: usize,
    status: usize,
    gender: usize,
    age: usize,
    arrived: usize,
    bed: usize,
    services: usize,
    matched: usize,
}

impl Columns {
    /// Widths for `width` columns; the status column is as wide as the
    /// language's longest status (`status_need`) when the alias keeps 12,
    /// and the gender column as wide as its heading (`gender_head`).
    fn for_width(width: usize, searching: bool, status_need: usize, gender_head: usize) -> Columns {
        let (code, gender, age, arrived, bed, services) = (11, gender_head.clamp(3, 6), 3, 11, 5, 5);
        let matched = if searching { if width >= 110 { 12 } else { 9 } } else { 0 };
        let gaps = if searching { 9 } else { 8 };
        let fixed = code + gender + age + arrived + bed + services + matched + gaps;
        let rest = width.saturating_sub(fixed);
        let status = status_need.max(6).min(rest.saturating_sub(12).max(6));
        let alias = rest.saturating_sub(status).max(6);
        Columns { code, alias, status, gender, age, arrived, bed, services, matched }
    }
}

/// `text` cut or padded to exactly `width` columns.
fn cell(text: &str, width: usize) -> String {
    let t = truncate_to_width(text, width);
    let pad = width.saturating_sub(display_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// The short form of an age group that fits three columns.
pub fn age_short(g: AgeGroup) -> &'static str {
    match g {
        AgeGroup::Minor => "<18",
        AgeGroup::Adult => "18+",
        AgeGroup::Unknown => "?",
    }
}

impl CaseList {
    fn header_line(&self, ctx: &Ctx) -> Line<'static> {
        if self.search.active() {
            let query = inert(&self.search.text).into_owned();
            let mut spans = vec![Span::styled("/ ", theme::heading())];
            if self.search.selected {
                // `/` on a query selects it: the next key replaces it.
                spans.push(Span::styled(query, theme::selected()));
            } else {
                spans.push(Span::styled(query, theme::heading()));
            }
            if self.search.typing {
                spans.push(Span::styled("▏", theme::selected()));
            }
            let count = i64::try_from(self.shown.len()).unwrap_or(i64::MAX);
            let mut info = format!("  {}", ctx.i18n.t_args("cases-found", &[("count", count.into())]));
            // The filter in force stays in sight: hits are of every case
            // until the filter keys narrow them.
            info.push_str(&format!(" · {}: {}", ctx.t("cases-filter"), self.filter.label(ctx)));
            if self.mine {
                info.push_str(&format!(" · {}", ctx.t("cases-filter-mine")));
            }
            if self.hidden > 0 {
                let hidden = i64::try_from(self.hidden).unwrap_or(i64::MAX);
                info.push_str(&format!(
                    " · {}",
                    ctx.i18n.t_args("cases-hidden-by-filter", &[("count", hidden.into())])
                ));
            }
            if self.search.pending() {
                info.push_str(&format!(" {PENDING_MARK}"));
            }
            spans.push(Span::raw(info));
            return Line::from(spans);
        }
        let mut parts = vec![format!("{}: {}", ctx.t("cases-filter"), self.filter.label(ctx))];
        if self.mine {
            parts.push(ctx.t("cases-filter-mine"));
        }
        let count = i64::try_from(self.shown.len()).unwrap_or(i64::MAX);
        parts.push(ctx.i18n.t_args("cases-count", &[("count", count.into())]));
        Line::from(Span::styled(parts.join(" · "), theme::heading()))
    }

    fn row_line(&self, row: &CaseRow, field: Option<Field>, cols: &Columns, ctx: &Ctx) -> String {
        let f = &row.front;
        let alias = format!(
            "{}{}",
            crate::sync::conflicts::badge(ctx.store(), &[f.id.as_bytes()]),
            if f.high_risk { format!("⚑ {}", f.alias) } else { f.alias.clone() }
        );
        let arrived = f.arrived_on.map(|d| ctx.i18n.format_date(d)).unwrap_or_else(|| "—".into());
        let services = match (row.open_services, row.overdue_services) {
            (0, _) => "—".to_string(),
            (n, 0) => n.to_string(),
            (n, _) => format!("{n}!"),
        };
        let mut out = [
            cell(&f.code.to_string(), cols.code),
            cell(&inert(&alias), cols.alias),
            cell(&ctx.t(&format!("case-status-{}", f.status.key())), cols.status),
            cell(&ctx.t(&format!("cases-gender-short-{}", f.gender.key())), cols.gender),
            cell(age_short(f.effective_age_group(ctx.today())), cols.age),
            cell(&arrived, cols.arrived),
            cell(&inert(row.bed.as_deref().unwrap_or("—")), cols.bed),
            cell(&services, cols.services),
        ]
        .join(" ");
        if cols.matched > 0 {
            let m = field.map(|f| ctx.t(&format!("cases-match-{}", f.key()))).unwrap_or_default();
            out.push(' ');
            out.push_str(&cell(&m, cols.matched));
        }
        out
    }

    /// Draws the list into `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let width = usize::from(area.width);
        let searching = self.search.active();
        let status_need = <crate::domain::case::CaseStatus as strum::IntoEnumIterator>::iter()
            .map(|st| display_width(&ctx.t(&format!("case-status-{}", st.key()))))
            .max()
            .unwrap_or(0);
        let cols = Columns::for_width(width, searching, status_need, display_width(&ctx.t("cases-col-gender")));
        let mut y = area.y;
        let bottom = area.y + area.height;
        let line = |frame: &mut Frame<'_>, y: u16, l: Line<'_>| {
            frame.render_widget(Paragraph::new(l), Rect { x: area.x, y, width: area.width, height: 1 });
        };
        line(frame, y, self.header_line(ctx));
        y += 1;
        if y >= bottom {
            return;
        }
        let titles = {
            let mut t = [
                cell(&ctx.t("cases-col-code"), cols.code),
                cell(&ctx.t("cases-col-alias"), cols.alias),
                cell(&ctx.t("cases-col-status"), cols.status),
                cell(&ctx.t("cases-col-gender"), cols.gender),
                cell(&ctx.t("cases-col-age"), cols.age),
                cell(&ctx.t("cases-col-arrived"), cols.arrived),
                cell(&ctx.t("cases-col-bed"), cols.bed),
                cell(&ctx.t("cases-col-services"), cols.services),
            ]
            .join(" ");
            if cols.matched > 0 {
                t.push(' ');
                t.push_str(&cell(&ctx.t("cases-col-match"), cols.matched));
            }
            t
        };
        line(frame, y, Line::styled(truncate_to_width(&titles, width), theme::dim()));
        y += 1;
        // The last line is for the revealed name or a message.
        let footer = self.footer(ctx);
        let rows_h = usize::from(bottom.saturating_sub(y)).saturating_sub(usize::from(footer.is_some()));
        let visible = self.cursor.scroll_into_view(rows_h);
        if self.shown.is_empty() && rows_h > 0 {
            let empty = if self.loading() {
                ctx.t("cases-loading")
            } else if self.search.nothing_to_search {
                ctx.t("cases-nothing-to-search")
            } else if searching {
                ctx.t("cases-no-match")
            } else {
                ctx.t("cases-empty")
            };
            line(frame, y, Line::styled(empty, theme::dim()));
        }
        // Only the visible rows are built.
        for (i, shown) in self.shown.iter().enumerate().skip(visible.start).take(visible.len()) {
            let Some(row) = self.rows.get(shown.row) else { continue };
            let text = cell(&self.row_line(row, shown.field, &cols, ctx), width);
            let style = if i == self.cursor.selected() {
                theme::selected()
            } else if row.front.status.is_closed() {
                theme::dim()
            } else {
                Style::default()
            };
            line(frame, y, Line::styled(text, style));
            y += 1;
        }
        if let Some(footer) = footer {
            line(frame, bottom - 1, footer);
        }
    }

    fn footer(&self, ctx: &Ctx) -> Option<Line<'static>> {
        // A name revealed comes first: its reveal is recorded, so it shows.
        if let Some((_, name)) = &self.revealed {
            return Some(Line::from(vec![
                Span::styled(format!("{}: ", ctx.t("cases-legal-name")), theme::heading()),
                Span::raw(inert(name).into_owned()),
            ]));
        }
        if let Some(e) = &self.error {
            return Some(Line::styled(inert(e).into_owned(), theme::error()));
        }
        if self.search.lost() {
            return Some(Line::styled(ctx.t("cases-search-unavailable"), theme::error()));
        }
        None
    }
}
