//! The Travel tab (journeys home, with documents at risk flagged) and the
//! Notes tab (dated notes with who wrote them and when; medical and
//! psychological notes marked as such).

use ratatui::text::Span;

use super::tabs::{Item, TabView};
use super::text::{country, date, dim, heading, label, or_dash, plain, row, styled, user, warn, yes_no};
use crate::app::context::Ctx;
use crate::domain::travel::Escort;
use crate::ops::case_file::CaseData;
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// Days before a journey within which missing documents are flagged.
const DOCUMENTS_WARNING_DAYS: i64 = 7;

/// Lines of a note shown in the list (Enter shows all of it).
const NOTE_LINES: usize = 3;

/// Builds the Travel tab.
pub fn build_travel(ctx: &Ctx, data: &CaseData) -> TabView {
    let mut v = TabView::default();
    v.line(heading(ctx.t("cases-section-travel")));
    if data.travel.is_empty() {
        v.line(dim(ctx.t("cases-no-travel")));
    }
    for (i, t) in data.travel.iter().enumerate() {
        let t = &t.body;
        let place = match t.country {
            Some(c) if t.destination.is_empty() => country(ctx, c),
            Some(c) => format!("{}, {}", t.destination, country(ctx, c)),
            None => or_dash(&t.destination),
        };
        let state = match t.completed_on {
            Some(d) => styled(format!("{} {}", ctx.t("cases-travel-completed"), date(ctx, Some(d))), theme::ok()),
            None => Span::raw(ctx.t("cases-travel-planned")),
        };
        v.item(
            Item::Travel(i),
            row(vec![
                styled(format!("{} → ", label(ctx, "cases-travel-kind", t.kind.key())), theme::heading()),
                user(&place),
                Span::raw(format!(" · {} · {} · ", label(ctx, "cases-travel-mode", t.mode.key()), date(ctx, t.date))),
                state,
            ]),
        );
        let escort = label(ctx, "cases-escort", t.escort.key());
        v.line(dim(format!(
            "  {}: {} · {}: {} · {}: {}",
            ctx.t("cases-field-ticket"),
            crate::ui::sanitize::inert(&or_dash(&t.ticket)),
            ctx.t("cases-field-escort"),
            escort,
            ctx.t("cases-field-documents-ready"),
            yes_no(ctx, t.documents_ready)
        )));
        if t.documents_at_risk(ctx.today(), DOCUMENTS_WARNING_DAYS) {
            v.line(warn(ctx.t("cases-documents-at-risk")));
        }
        if t.escort == Escort::Medical && t.completed_on.is_none() {
            v.line(dim(format!("  {}", ctx.t("cases-medical-escort-note"))));
        }
    }
    v
}

fn note_lines(v: &mut TabView, item: Item, head: Vec<Span<'static>>, text: &str, ctx: &Ctx) {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let mut spans = head;
    spans.push(Span::raw(" "));
    spans.push(user(first));
    v.item(item, row(spans));
    let rest: Vec<&str> = lines.collect();
    for l in rest.iter().take(NOTE_LINES - 1) {
        v.line(plain(&format!("  {l}")));
    }
    if rest.len() > NOTE_LINES - 1 {
        v.line(dim(format!("  … {}", ctx.t("cases-note-more"))));
    }
}

/// Who wrote a note and when (local time), after its date: the time alone
/// when it was written on the day it is dated.
fn written(ctx: &Ctx, meta: &crate::store::Meta, offset: chrono::Duration, day: chrono::NaiveDate) -> Span<'static> {
    let local = meta.created_at.naive_utc() + offset;
    let at = if local.date() == day { ctx.i18n.format_time(local.time()) } else { ctx.i18n.format_datetime(local) };
    styled(format!(" · {} · {at}", inert(&meta.created_by)), theme::dim())
}

/// Builds the Notes tab: each note with its date, who wrote it and when.
pub fn build_notes(ctx: &Ctx, data: &CaseData) -> TabView {
    let mut v = TabView::default();
    // Store times are UTC; the console's clock says how far local time is.
    let offset = ctx.store().map(|s| ctx.now() - s.now().naive_utc()).unwrap_or_default();
    let offset = chrono::Duration::minutes((offset.num_seconds() as f64 / 60.0).round() as i64);
    v.line(heading(ctx.t("cases-section-notes")));
    if data.notes.is_empty() && data.medical.is_empty() {
        v.line(dim(ctx.t("cases-no-notes")));
    }
    // Notes and medical notes together, latest first.
    let mut all: Vec<(chrono::NaiveDate, chrono::DateTime<chrono::Utc>, Item)> = Vec::new();
    for (i, n) in data.notes.iter().enumerate() {
        all.push((n.body.date, n.meta.created_at, Item::Note(i)));
    }
    for (i, n) in data.medical.iter().enumerate() {
        all.push((n.body.date, n.meta.created_at, Item::Medical(i)));
    }
    all.sort_by_key(|n| std::cmp::Reverse((n.0, n.1)));
    for (day, _, item) in all {
        match item {
            Item::Note(i) => {
                if let Some(n) = data.notes.get(i) {
                    let head = vec![styled(date(ctx, Some(day)), theme::heading()), written(ctx, &n.meta, offset, day)];
                    note_lines(&mut v, item, head, &n.body.text, ctx);
                }
            }
            Item::Medical(i) => {
                if let Some(n) = data.medical.get(i) {
                    let head = vec![
                        styled(date(ctx, Some(day)), theme::heading()),
                        written(ctx, &n.meta, offset, day),
                        styled(format!(" [{}]", label(ctx, "cases-note-kind", n.body.kind.key())), theme::warning()),
                    ];
                    note_lines(&mut v, item, head, &n.body.text, ctx);
                }
            }
            _ => {}
        }
    }
    if !data.readable.medical {
        v.gap();
        v.line(dim(ctx.t("cases-medical-hidden")));
    }
    v
}
