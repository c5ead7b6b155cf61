//! The Stay tab (who slept where) and the Services tab: the twelve services
//! as a checklist, one line each with status, planned and done dates,
//! provider and note; a planned service past its date is flagged. The
//! provider and note of medical and psychological items are medical data:
//! roles without it see that they are withheld (and the store never gave them).

use ratatui::style::Style;
use ratatui::text::Span;

use super::tabs::{Item, TabView};
use super::text::{date, dim, heading, label, row, styled, user};
use crate::app::context::Ctx;
use crate::domain::permissions::{DataClass, service_detail_class};
use crate::domain::service::{Provider, ServiceStatus, is_overdue};
use crate::ops::case_file::CaseData;
use crate::ui::sanitize::{display_width, truncate_to_width};
use crate::ui::theme;

/// `text` cut or padded to `width` columns.
fn cell(text: &str, width: usize) -> String {
    let t = truncate_to_width(text, width);
    let pad = width.saturating_sub(display_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// Builds the Stay tab.
pub fn build_stay(ctx: &Ctx, data: &CaseData) -> TabView {
    let mut v = TabView::default();
    v.line(heading(ctx.t("cases-section-stays")));
    if data.stays.is_empty() {
        v.line(dim(ctx.t("cases-no-stay")));
    }
    for (i, s) in data.stays.iter().enumerate() {
        let st = &s.stay;
        let room = if s.room.is_empty() { String::new() } else { format!(" ({} {})", ctx.t("cases-room"), s.room) };
        let mut spans = vec![
            styled(format!("{}{room}", s.bed), theme::heading()),
            Span::raw(format!(" · {} {}", ctx.t("cases-from"), date(ctx, Some(st.from)))),
        ];
        match (st.until, st.end_reason) {
            (None, _) => {
                if st.expected_until.is_some() {
                    spans.push(Span::raw(format!(
                        " · {} {}",
                        ctx.t("cases-expected-until"),
                        date(ctx, st.expected_until)
                    )));
                }
                spans.push(Span::raw(" · "));
                spans.push(styled(ctx.t("cases-stay-open"), theme::ok()));
            }
            (Some(until), reason) => {
                spans.push(Span::raw(format!(" · {} {} · ", ctx.t("cases-until"), date(ctx, Some(until)))));
                spans.push(Span::raw(match reason {
                    Some(r) => label(ctx, "cases-stay-end", r.key()),
                    None => ctx.t("cases-stay-ended"),
                }));
            }
        }
        v.item(Item::Stay(i), row(spans));
    }
    v
}

/// One service's cells as text, before they are laid out.
struct ServiceRow {
    name: String,
    status: String,
    status_style: Style,
    planned: String,
    done: String,
    provider: String,
    overdue: bool,
    note: String,
}

/// Builds the Services tab for a width of `width` columns. Status, dates and
/// provider are as wide as their widest text (the provider at most 24); the
/// service's name takes what is left and, when still longer, goes on onto
/// the next line instead of being cut.
pub fn build(ctx: &Ctx, data: &CaseData, width: usize) -> TabView {
    let mut v = TabView::default();
    let today = ctx.today();
    let rows: Vec<ServiceRow> = data
        .services
        .iter()
        .map(|s| {
            let item = &s.body;
            let hidden = !data.readable.medical && service_detail_class(item.kind) == DataClass::Medical;
            let provider = match item.provider {
                _ if hidden => ctx.t("cases-service-detail-hidden"),
                Provider::Internal => ctx.t("cases-provider-internal"),
                Provider::Organisation(id) => data.organisation(id).map_or_else(|| "?".into(), |o| o.name.clone()),
            };
            let status_style = match item.status {
                ServiceStatus::Done => theme::ok(),
                ServiceStatus::NotApplicable | ServiceStatus::Declined => theme::dim(),
                _ => Style::default(),
            };
            let mut note =
                if hidden { String::new() } else { item.note.lines().next().unwrap_or_default().to_string() };
            if let Some(m) = item.amount {
                note = if note.is_empty() { m.to_string() } else { format!("{m} · {note}") };
            }
            ServiceRow {
                name: label(ctx, "service", item.kind.key()),
                status: label(ctx, "service-status", item.status.key()),
                status_style,
                planned: date(ctx, item.planned_on),
                done: date(ctx, item.done_on),
                provider,
                overdue: is_overdue(item, today),
                note,
            }
        })
        .collect();
    let heads = [
        ctx.t("cases-col-service"),
        ctx.t("cases-col-status"),
        ctx.t("cases-col-planned"),
        ctx.t("cases-col-done"),
        ctx.t("cases-col-provider"),
        ctx.t("cases-col-note"),
    ];
    let widest = |head: &str, f: &dyn Fn(&ServiceRow) -> &str| {
        rows.iter().map(|r| display_width(f(r))).chain([display_width(head)]).max().unwrap_or(0)
    };
    let status_w = widest(&heads[1], &|r| &r.status);
    let date_w = widest(&heads[2], &|r| &r.planned).max(widest(&heads[3], &|r| &r.done));
    let provider_need = widest(&heads[4], &|r| &r.provider);
    let name_need = widest(&heads[0], &|r| &r.name);
    // Name and provider share what status and dates leave: the name first,
    // the provider keeping at least 12 columns (24 when there is room).
    let avail = width.saturating_sub(2 + status_w + 2 * date_w + 5);
    let name_w = name_need.min(avail.saturating_sub(provider_need.min(12))).max(12);
    let provider_w = provider_need.min(24).min(avail.saturating_sub(name_w)).max(provider_need.min(12));
    let head = [
        cell(&heads[0], name_w),
        cell(&heads[1], status_w),
        cell(&heads[2], date_w),
        cell(&heads[3], date_w),
        cell(&heads[4], provider_w),
        heads[5].clone(),
    ]
    .join(" ");
    v.line(styled(format!("  {head}"), theme::dim()).into());
    for (i, r) in rows.into_iter().enumerate() {
        let mut names = crate::ui::wrap::wrap_words(&r.name, name_w).into_iter();
        let first = names.next().unwrap_or_default();
        let mut spans = vec![
            Span::raw(cell(&first, name_w)),
            Span::raw(" "),
            styled(cell(&r.status, status_w), r.status_style),
            Span::raw(" "),
            Span::raw(cell(&r.planned, date_w)),
            Span::raw(" "),
            Span::raw(cell(&r.done, date_w)),
            Span::raw(" "),
            // With no note after it, the provider runs on into the note's room.
            user(&cell(
                &r.provider,
                if r.note.is_empty() && !r.overdue { avail.saturating_sub(name_w).max(provider_w) } else { provider_w },
            )),
            Span::raw(" "),
        ];
        if r.overdue {
            spans.push(styled(format!("⚠ {} ", ctx.t("cases-overdue")), theme::error()));
        }
        spans.push(user(&r.note));
        v.item(Item::Service(i), row(spans));
        for rest in names {
            v.line(row(vec![Span::raw(rest)]));
        }
    }
    if data.services.is_empty() {
        v.line(dim(ctx.t("cases-no-services")));
    }
    v
}
