//! The Profile tab: the front part for everyone; for those holding the case
//! key also identity (name hidden until revealed), documents, contacts, the
//! trafficking profile and the incoming referral.

use ratatui::text::Span;

use super::tabs::{Item, TabView};
use super::text::{countries, country, date, dim, heading, label, or_dash, pairs, row, styled, user, yes_no};
use crate::app::context::Ctx;
use crate::form_engine::languages::language_name;
use crate::ops::case_file::CaseData;
use crate::ui::theme;

/// The age shown in the profile: years when known, else the group.
fn age(ctx: &Ctx, data: &CaseData) -> String {
    let f = &data.front.body;
    let group = label(ctx, "cases-age-group", f.effective_age_group(ctx.today()).key());
    match f.age_on(ctx.today()) {
        Some(years) => format!("{years} ({group})"),
        None => group,
    }
}

fn front(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let f = &data.front.body;
    v.item(Item::Front, heading(ctx.t("cases-section-case")));
    v.line(pairs(
        ctx,
        &[
            ("cases-field-code", f.code.to_string()),
            ("cases-field-alias", f.alias.clone()),
            ("cases-field-status", label(ctx, "case-status", f.status.key())),
        ],
    ));
    v.line(pairs(
        ctx,
        &[("cases-field-gender", label(ctx, "gender", f.gender.key())), ("cases-field-age", age(ctx, data))],
    ));
    let langs: Vec<String> = f
        .languages
        .iter()
        .map(|l| language_name(l, ctx.i18n.lang().code()).map_or_else(|| l.clone(), str::to_string))
        .collect();
    v.line(pairs(
        ctx,
        &[
            ("cases-field-languages", or_dash(&langs.join(", "))),
            ("cases-field-interpreter", yes_no(ctx, f.interpreter_needed)),
        ],
    ));
    v.line(pairs(
        ctx,
        &[
            ("cases-field-arrived", date(ctx, f.arrived_on)),
            ("cases-field-worker", or_dash(f.worker.as_deref().unwrap_or(""))),
            ("cases-field-high-risk", yes_no(ctx, f.high_risk)),
        ],
    ));
    if !f.special_needs.trim().is_empty() {
        v.line(pairs(ctx, &[("cases-field-special-needs", f.special_needs.clone())]));
    }
}

fn identity(ctx: &Ctx, data: &CaseData, revealed: bool, v: &mut TabView) {
    v.gap();
    v.item(Item::Identity, heading(ctx.t("cases-section-identity")));
    let Some(p) = data.private.as_ref().map(|p| &p.body) else {
        v.line(dim(ctx.t("cases-nothing-recorded")));
        return;
    };
    let name = if revealed {
        match p.full_name() {
            n if n.is_empty() => ctx.t("cases-no-name"),
            n if p.latin.is_empty() => n,
            n => format!("{n} ({})", p.latin),
        }
    } else {
        let key = ctx
            .keymap
            .hint_key(crate::keymap::Screen::CaseFile, crate::app::action::Action::RevealName)
            .map(|k| k.to_string())
            .unwrap_or_default();
        ctx.i18n.t_args("cases-name-hidden", &[("key", key.into())])
    };
    v.line(pairs(ctx, &[("cases-legal-name", name)]));
    v.line(pairs(
        ctx,
        &[
            ("cases-field-date-of-birth", date(ctx, p.date_of_birth)),
            ("cases-field-citizenship", countries(ctx, &p.citizenship)),
            ("cases-field-origin", or_dash(&p.place_of_origin)),
        ],
    ));
    if let Some(c) = &p.closing {
        v.line(pairs(
            ctx,
            &[
                ("cases-field-closed", date(ctx, Some(c.on))),
                ("cases-field-outcome", label(ctx, "cases-outcome", c.outcome.key())),
            ],
        ));
    }
}

fn documents(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let Some(p) = data.private.as_ref().map(|p| &p.body) else { return };
    v.gap();
    v.line(heading(ctx.t("cases-section-documents")));
    for (i, d) in p.documents.iter().enumerate() {
        let mut spans = vec![
            styled(label(ctx, "cases-doc-kind", d.kind.key()), theme::heading()),
            Span::raw(" "),
            user(&d.number),
            Span::raw(format!(" · {}", d.issuing_country.map(|c| country(ctx, c)).unwrap_or_else(|| "—".into()))),
            Span::raw(format!(" · {} {}", ctx.t("cases-expires"), date(ctx, d.expires_on))),
            Span::raw(format!(" · {}", label(ctx, "cases-doc-location", d.location.key()))),
        ];
        if d.is_expired(ctx.today()) {
            spans.push(styled(format!(" ⚠ {}", ctx.t("cases-expired")), theme::error()));
        }
        v.item(Item::Document(i), row(spans));
    }
    v.item(Item::AddDocument, dim(format!("+ {}", ctx.t("cases-add-document"))));
}

fn contacts(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let Some(p) = data.private.as_ref().map(|p| &p.body) else { return };
    v.gap();
    v.line(heading(ctx.t("cases-section-contacts")));
    for (i, c) in p.contacts.iter().enumerate() {
        let mut spans = vec![styled(label(ctx, "cases-contact-kind", c.kind.key()), theme::heading()), Span::raw(" ")];
        spans.push(user(&c.value));
        if !c.note.is_empty() {
            spans.push(Span::raw(" · "));
            spans.push(user(&c.note));
        }
        v.item(Item::Contact(i), row(spans));
    }
    v.item(Item::AddContact, dim(format!("+ {}", ctx.t("cases-add-contact"))));
}

fn trafficking(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let Some(p) = data.private.as_ref().map(|p| &p.body) else { return };
    let t = &p.trafficking;
    v.gap();
    v.item(Item::Trafficking, heading(ctx.t("cases-section-trafficking")));
    let keys = |prefix: &str, keys: Vec<&'static str>| {
        if keys.is_empty() {
            "—".to_string()
        } else {
            keys.iter().map(|k| label(ctx, prefix, k)).collect::<Vec<_>>().join(", ")
        }
    };
    v.line(pairs(
        ctx,
        &[
            ("cases-field-trafficking-status", label(ctx, "cases-trafficking-status", t.status.key())),
            (
                "cases-field-decided-by",
                t.decided_by.map(|d| label(ctx, "cases-decided-by", d.key())).unwrap_or_else(|| "—".into()),
            ),
        ],
    ));
    v.line(pairs(
        ctx,
        &[("cases-field-exploitation", keys("cases-exploitation", t.exploitation.iter().map(|e| e.key()).collect()))],
    ));
    v.line(pairs(
        ctx,
        &[("cases-field-control", keys("cases-control", t.means_of_control.iter().map(|e| e.key()).collect()))],
    ));
    v.line(pairs(
        ctx,
        &[
            (
                "cases-field-relation",
                t.relationship.map(|r| label(ctx, "cases-relation", r.key())).unwrap_or_else(|| "—".into()),
            ),
            (
                "cases-field-recruitment",
                t.recruitment.map(|r| label(ctx, "cases-recruitment", r.key())).unwrap_or_else(|| "—".into()),
            ),
        ],
    ));
    v.line(pairs(ctx, &[("cases-field-exploitation-country", countries(ctx, &t.country_of_exploitation))]));
}

fn incoming(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let Some(p) = data.private.as_ref().map(|p| &p.body) else { return };
    v.gap();
    v.item(Item::Incoming, heading(ctx.t("cases-section-incoming")));
    let found = p.incoming_referral.and_then(|id| data.referrals.iter().find(|r| r.body.id == id));
    match found {
        Some(r) => {
            let r = &r.body;
            let org = data.organisation(r.organisation);
            v.line(pairs(
                ctx,
                &[
                    ("cases-field-from", org.map(|o| o.name.clone()).unwrap_or_else(|| "—".into())),
                    (
                        "cases-field-org-type",
                        org.map(|o| label(ctx, "cases-org-type", o.kind.key())).unwrap_or_else(|| "—".into()),
                    ),
                ],
            ));
            v.line(pairs(
                ctx,
                &[
                    ("cases-field-date", date(ctx, Some(r.date))),
                    ("cases-field-reason", label(ctx, "cases-reason", r.reason.key())),
                ],
            ));
        }
        None => v.line(dim(ctx.t("cases-no-incoming"))),
    }
}

/// Builds the Profile tab.
/// The passport zone entered at the gate: an offer to the case worker (Enter
/// applies it through the preview, Delete dismisses it); to the other roles
/// only that it is there, sealed.
fn gate_zone(ctx: &Ctx, data: &CaseData, v: &mut TabView) {
    let Some((by, at)) = &data.gate_zone else { return };
    let when = ctx.i18n.format_date(at.date_naive());
    let args = [("user", crate::ui::sanitize::inert(by).into_owned().into()), ("when", when.into())];
    v.gap();
    if data.readable.case {
        v.item(
            Item::GateZone,
            styled(format!("⚑ {}", ctx.i18n.t_args("cases-gate-zone-waiting", &args)), theme::warning()).into(),
        );
        let key =
            |a| ctx.keymap.hint_key(crate::keymap::Screen::CaseFile, a).map(|k| k.to_string()).unwrap_or_default();
        let keys = [
            ("open", key(crate::app::action::Action::Open).into()),
            ("dismiss", key(crate::app::action::Action::Delete).into()),
        ];
        v.line(dim(ctx.i18n.t_args("cases-gate-zone-hint", &keys)));
    } else {
        v.line(dim(ctx.i18n.t_args("cases-gate-zone-sealed", &args)));
    }
}

pub fn build(ctx: &Ctx, data: &CaseData, revealed: bool) -> TabView {
    let mut v = TabView::default();
    front(ctx, data, &mut v);
    gate_zone(ctx, data, &mut v);
    if data.readable.case {
        identity(ctx, data, revealed, &mut v);
        documents(ctx, data, &mut v);
        contacts(ctx, data, &mut v);
        trafficking(ctx, data, &mut v);
        incoming(ctx, data, &mut v);
    } else {
        v.gap();
        v.line(dim(ctx.t("cases-case-part-hidden")));
    }
    v
}
