//! The History tab: every version of every record of the case, newest
//! first, who saved it and when, and the fields it changed side by side
//! (before, after). Legal names stay masked until revealed.

use ratatui::text::Span;
use serde_json::Value;

use super::tabs::{Item, TabView};
use super::text::{dim, label, row, styled};
use crate::app::context::Ctx;
use crate::ops::case_file::{CaseData, Subject, Version};
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// Fields holding legal names: masked in the history until revealed.
const NAME_FIELDS: [&str; 4] = ["family_name", "given_names", "patronymic", "latin"];

/// What a masked name shows.
const MASK: &str = "●●●";

fn cell(text: &str, width: usize) -> String {
    let t = truncate_to_width(text, width);
    let pad = width.saturating_sub(display_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// `InProgress` → `in_progress`: enum variants as their stable keys.
fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The message prefix of the values of `field` in records of `subject`.
fn prefix(subject: Subject, field: &str) -> Option<&'static str> {
    Some(match (subject, field) {
        (Subject::Service(_), "status") => "service-status",
        (Subject::Service(_), "kind") | (_, "services") => "service",
        (Subject::Case, "status") => "case-status",
        (Subject::Referral, "status") => "cases-referral-status",
        (Subject::Travel, "kind") => "cases-travel-kind",
        (Subject::Medical, "kind") => "cases-note-kind",
        (_, "gender") => "gender",
        (_, "age_group") => "cases-age-group",
        (_, "direction") => "cases-direction",
        (_, "reason") => "cases-reason",
        (_, "mode") => "cases-travel-mode",
        (_, "escort") => "cases-escort",
        (_, "end_reason") => "cases-stay-end",
        (_, "purpose") => "cases-purpose",
        (_, "outcome") => "cases-outcome",
        (_, "location") => "cases-doc-location",
        _ => return None,
    })
}

/// A stored value in words.
fn show(ctx: &Ctx, data: &CaseData, subject: Subject, field: &str, v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => ctx.t(if *b { "form-yes" } else { "form-no" }),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                return ctx.i18n.format_date(d);
            }
            if field == "provider" && s == "Internal" {
                return ctx.t("cases-provider-internal");
            }
            match prefix(subject, field) {
                Some(p) if ctx.i18n.has(&format!("{p}-{}", snake(s))) => label(ctx, p, &snake(s)),
                _ => s.clone(),
            }
        }
        Value::Array(items) => {
            // A 16-byte id: a bed, room or organisation by name, anything else by a short id.
            if items.len() == 16 && items.iter().all(|x| x.as_u64().is_some_and(|n| n < 256)) {
                let bytes: Vec<u8> =
                    items.iter().filter_map(|x| x.as_u64()).filter_map(|n| u8::try_from(n).ok()).collect();
                if let Ok(raw) = <[u8; 16]>::try_from(bytes.as_slice()) {
                    if let Some(place) = data.place(&raw) {
                        return place.to_string();
                    }
                    if let Some(named) = named_record(ctx, data, raw) {
                        return named;
                    }
                    let id = crate::domain::ids::OrganisationId::from_bytes(raw);
                    return data.organisation(id).map_or_else(
                        || format!("#{}", id.to_string().get(..8).unwrap_or_default()),
                        |o| o.name.clone(),
                    );
                }
            }
            if items.is_empty() {
                return "—".into();
            }
            items.iter().map(|x| show(ctx, data, subject, field, x)).collect::<Vec<_>>().join(", ")
        }
        Value::Object(map) => {
            if let (Some(minor), Some(Value::Array(code))) =
                (map.get("minor").and_then(Value::as_i64), map.get("currency"))
            {
                let code: String = code
                    .iter()
                    .filter_map(|c| c.as_u64())
                    .filter_map(|c| u32::try_from(c).ok().and_then(char::from_u32))
                    .collect();
                return crate::domain::money::Currency::parse(&code)
                    .map(|c| crate::domain::money::Money::new(minor, c).to_string())
                    .unwrap_or_else(|_| minor.to_string());
            }
            // An enum variant with data (`{"SharingWith": id}`): its label, then the data.
            map.iter()
                .map(|(k, x)| {
                    let name = match prefix(subject, field) {
                        Some(p) if ctx.i18n.has(&format!("{p}-{}", snake(k))) => label(ctx, p, &snake(k)),
                        _ if field == "provider" => String::new(),
                        _ => snake(k),
                    };
                    format!("{name} {}", show(ctx, data, subject, field, x)).trim().to_string()
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

/// A consent or referral of this case named by what it is, its
/// organisation and its date, instead of its id.
fn named_record(ctx: &Ctx, data: &CaseData, raw: [u8; 16]) -> Option<String> {
    let org_name = |id| data.organisation(id).map_or_else(|| "?".to_string(), |o| o.name.clone());
    if let Some(c) = data.consents.iter().find(|c| c.body.id.as_bytes() == &raw) {
        let mut purpose = label(ctx, "cases-purpose", c.body.purpose.key());
        if let crate::domain::consent::ConsentPurpose::SharingWith(org) = c.body.purpose {
            purpose = format!("{purpose} {}", org_name(org));
        }
        return Some(format!("{} · {purpose} · {}", ctx.t("cases-subject-consent"), ctx.i18n.format_date(c.body.date)));
    }
    let r = data.referrals.iter().find(|r| r.body.id.as_bytes() == &raw)?;
    Some(format!(
        "{} · {} · {}",
        ctx.t("cases-subject-referral"),
        org_name(r.body.organisation),
        ctx.i18n.format_date(r.body.date)
    ))
}

/// What a version belongs to, in words.
fn subject(ctx: &Ctx, s: Subject) -> String {
    match s {
        Subject::Service(kind) => format!("{}: {}", ctx.t("cases-subject-service"), label(ctx, "service", kind.key())),
        Subject::Case => ctx.t("cases-subject-case"),
        Subject::File => ctx.t("cases-subject-file"),
        Subject::Stay => ctx.t("cases-subject-stay"),
        Subject::Referral => ctx.t("cases-subject-referral"),
        Subject::Consent => ctx.t("cases-subject-consent"),
        Subject::Travel => ctx.t("cases-subject-travel"),
        Subject::Note => ctx.t("cases-subject-note"),
        Subject::Medical => ctx.t("cases-subject-medical"),
        Subject::GateZone => ctx.t("cases-subject-gate-zone"),
    }
}

/// A field's name in words, or as stored when it has no message.
fn field_name(ctx: &Ctx, field: &str) -> String {
    let key = format!("cases-hfield-{field}");
    if ctx.i18n.has(&key) { ctx.t(&key) } else { field.to_string() }
}

/// Builds the History tab for `versions`, `width` columns wide.
pub fn build(ctx: &Ctx, data: &CaseData, versions: &[Version], revealed: bool, width: usize) -> TabView {
    let mut v = TabView::default();
    // Store times are UTC; the console's clock says how far local time is.
    let offset = ctx.store().map(|s| ctx.now() - s.now().naive_utc()).unwrap_or_default();
    let minutes = (offset.num_seconds() as f64 / 60.0).round() as i64;
    let field_w = 20.min(width / 4).max(8);
    let value_w = width.saturating_sub(field_w + 8) / 2;
    if versions.is_empty() {
        v.line(dim(ctx.t("cases-no-history")));
    }
    for (i, ver) in versions.iter().enumerate() {
        let at = ver.at.naive_utc() + chrono::Duration::minutes(minutes);
        let what = if ver.revision == 1 {
            ctx.t("cases-version-created")
        } else if ver.deleted {
            ctx.t("cases-version-deleted")
        } else {
            ctx.i18n.t_args("cases-version-revision", &[("revision", i64::try_from(ver.revision).unwrap_or(0).into())])
        };
        v.item(
            Item::Version(i),
            row(vec![
                styled(ctx.i18n.format_datetime(at), theme::heading()),
                Span::raw(format!(" · {} · ", inert(&ver.by))),
                styled(subject(ctx, ver.subject), theme::heading()),
                Span::raw(format!(" · {what}")),
            ]),
        );
        if ver.revision > 1 && !ver.changes.is_empty() {
            v.line(dim(format!(
                "  {} {} {}",
                cell(&ctx.t("cases-col-field"), field_w),
                cell(&ctx.t("cases-col-before"), value_w),
                ctx.t("cases-col-after")
            )));
        }
        for c in &ver.changes {
            let masked = !revealed && NAME_FIELDS.contains(&c.field.as_str());
            let before = if masked { MASK.into() } else { show(ctx, data, ver.subject, &c.field, &c.before) };
            let after = if masked { MASK.into() } else { show(ctx, data, ver.subject, &c.field, &c.after) };
            let text = if ver.revision == 1 {
                format!("    {} {}", cell(&field_name(ctx, &c.field), field_w), inert(&after))
            } else {
                format!(
                    "    {} {} → {}",
                    cell(&field_name(ctx, &c.field), field_w),
                    cell(&inert(&before), value_w.saturating_sub(2)),
                    inert(&after)
                )
            };
            v.line(text.into());
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_become_keys() {
        assert_eq!(snake("InProgress"), "in_progress");
        assert_eq!(snake("Done"), "done");
        assert_eq!(snake("already_snake"), "already_snake");
    }
}
