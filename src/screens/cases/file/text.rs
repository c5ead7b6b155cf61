//! Small pieces every tab writes with: headings, label-value pairs, dates
//! and the labels of values, all made inert before they reach the terminal.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::context::Ctx;
use crate::domain::country::CountryCode;
use crate::domain::country_names::COUNTRY_NAMES;
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// A heading line.
pub fn heading(text: String) -> Line<'static> {
    Line::styled(text, theme::heading())
}

/// An indented line of `label: value` pairs separated by ` · `.
pub fn pairs(ctx: &Ctx, items: &[(&str, String)]) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    for (i, (label, value)) in items.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(Span::styled(format!("{}: ", ctx.t(label)), theme::dim()));
        spans.push(Span::raw(inert(value).into_owned()));
    }
    Line::from(spans)
}

/// An indented line of user text.
pub fn plain(text: &str) -> Line<'static> {
    Line::raw(format!("  {}", inert(text)))
}

/// An indented, dimmed line (nothing recorded, hints).
pub fn dim(text: String) -> Line<'static> {
    Line::styled(format!("  {text}"), theme::dim())
}

/// A warning line (overdue, missing consent); marked with ⚠ so colour is not needed.
pub fn warn(text: String) -> Line<'static> {
    Line::styled(format!("  ⚠ {text}"), theme::error())
}

/// A row the cursor can stop on: its spans, indented.
pub fn row(spans: Vec<Span<'static>>) -> Line<'static> {
    let mut all = vec![Span::raw("  ")];
    all.extend(spans);
    Line::from(all)
}

/// A span of user text.
pub fn user(text: &str) -> Span<'static> {
    Span::raw(inert(text).into_owned())
}

/// A span in the given style.
pub fn styled(text: String, style: Style) -> Span<'static> {
    Span::styled(text, style)
}

/// A date in the user's format, or a dash.
pub fn date(ctx: &Ctx, d: Option<NaiveDate>) -> String {
    d.map(|d| ctx.i18n.format_date(d)).unwrap_or_else(|| "—".into())
}

/// The label of a keyed value (`prefix-key`).
pub fn label(ctx: &Ctx, prefix: &str, key: &str) -> String {
    ctx.t(&format!("{prefix}-{key}"))
}

/// A country's name in the user's language.
pub fn country(ctx: &Ctx, c: CountryCode) -> String {
    let code = c.as_str();
    COUNTRY_NAMES
        .iter()
        .find(|(k, ..)| *k == code)
        .map(|(_, en, ru, fr)| match ctx.i18n.lang().code() {
            "ru" => (*ru).to_string(),
            "fr" => (*fr).to_string(),
            _ => (*en).to_string(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// Several countries, or a dash.
pub fn countries(ctx: &Ctx, cs: &[CountryCode]) -> String {
    if cs.is_empty() { "—".into() } else { cs.iter().map(|c| country(ctx, *c)).collect::<Vec<_>>().join(", ") }
}

/// Yes or no in the user's language.
pub fn yes_no(ctx: &Ctx, b: bool) -> String {
    ctx.t(if b { "form-yes" } else { "form-no" })
}

/// Text or a dash when empty.
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() { "—".into() } else { s.to_string() }
}
