//! The Referrals tab (in and out, with the consent each rests on) and the
//! Consent tab (given, refused, withdrawn).

use ratatui::text::Span;

use super::tabs::{Item, TabView};
use super::text::{date, dim, heading, label, row, styled, user, warn};
use crate::app::context::Ctx;
use crate::domain::casefile::shares_data;
use crate::domain::consent::{Consent, ConsentPurpose, covers_sharing};
use crate::ops::case_file::CaseData;
use crate::ui::theme;

fn org_name(data: &CaseData, id: crate::domain::ids::OrganisationId) -> (String, String) {
    match data.organisation(id) {
        Some(o) => (o.name.clone(), o.kind.key().to_string()),
        None => ("?".into(), "other".into()),
    }
}

/// Builds the Referrals tab.
pub fn build(ctx: &Ctx, data: &CaseData) -> TabView {
    let mut v = TabView::default();
    v.line(heading(ctx.t("cases-section-referrals")));
    if data.referrals.is_empty() {
        v.line(dim(ctx.t("cases-no-referrals")));
    }
    let consents: Vec<Consent> = data.consents.iter().map(|c| c.body.clone()).collect();
    for (i, r) in data.referrals.iter().enumerate() {
        let r = &r.body;
        let (name, kind) = org_name(data, r.organisation);
        let arrow = if r.direction == crate::domain::referral::Direction::In { "←" } else { "→" };
        v.item(
            Item::Referral(i),
            row(vec![
                styled(format!("{arrow} {} ", label(ctx, "cases-direction", r.direction.key())), theme::heading()),
                user(&name),
                Span::raw(format!(
                    " ({}) · {} · {} · {}",
                    label(ctx, "cases-org-type", &kind),
                    date(ctx, Some(r.date)),
                    label(ctx, "cases-reason", r.reason.key()),
                    label(ctx, "cases-referral-status", r.status.key()),
                )),
            ]),
        );
        let mut details = Vec::new();
        if !r.services.is_empty() {
            let names: Vec<String> = r.services.iter().map(|s| label(ctx, "service", s.key())).collect();
            details.push(format!("{}: {}", ctx.t("cases-field-services"), names.join(", ")));
        }
        if let Some(f) = r.follow_up {
            details.push(format!("{}: {}", ctx.t("cases-field-follow-up"), date(ctx, Some(f))));
        }
        if !details.is_empty() {
            v.line(dim(format!("  {}", details.join(" · "))));
        }
        if let Some(reason) = &r.override_reason {
            v.line(warn(format!("{}: {reason}", ctx.t("cases-override"))));
        } else if shares_data(r) && !covers_sharing(&consents, r.organisation, ctx.today().max(r.date)) {
            v.line(warn(ctx.t("cases-referral-uncovered")));
        }
    }
    v
}

/// What a consent is about, in words.
fn purpose(ctx: &Ctx, data: &CaseData, p: ConsentPurpose) -> String {
    match p {
        ConsentPurpose::SharingWith(org) => {
            format!("{} {}", label(ctx, "cases-purpose", p.key()), org_name(data, org).0)
        }
        _ => label(ctx, "cases-purpose", p.key()),
    }
}

/// Builds the Consent tab.
pub fn build_consent(ctx: &Ctx, data: &CaseData) -> TabView {
    let mut v = TabView::default();
    v.line(heading(ctx.t("cases-section-consent")));
    if data.consents.is_empty() {
        v.line(dim(ctx.t("cases-no-consent")));
    }
    for (i, c) in data.consents.iter().enumerate() {
        let c = &c.body;
        let (state, style) = match (c.given, c.withdrawn_on) {
            (_, Some(w)) => (format!("{} {}", ctx.t("cases-consent-withdrawn"), date(ctx, Some(w))), theme::error()),
            (true, None) => (ctx.t("cases-consent-given"), theme::ok()),
            (false, None) => (ctx.t("cases-consent-refused"), theme::error()),
        };
        v.item(
            Item::Consent(i),
            row(vec![
                user(&purpose(ctx, data, c.purpose)),
                Span::raw(" · "),
                styled(state, style),
                Span::raw(format!(
                    " · {} · {}: {}",
                    date(ctx, Some(c.date)),
                    ctx.t("cases-recorded-by"),
                    crate::ui::sanitize::inert(&c.recorded_by)
                )),
            ]),
        );
    }
    v
}
