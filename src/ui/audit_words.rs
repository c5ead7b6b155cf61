//! An audit event in the reader's language: the action, the kind of record
//! and the summary through Fluent. Events are stored in no language (a
//! message name and arguments, `store::audit::said`); older events, whose
//! summary is English free text, show it as it was written, made inert.

use crate::i18n::{FluentValue, I18n};
use crate::store::audit::{AuditAction, read_said};
use crate::ui::sanitize::inert;

/// The action in words: `Created`, `Создано`, `Création`.
pub fn action(i18n: &I18n, a: AuditAction) -> String {
    i18n.t(&format!("audit-action-{}", a.name()))
}

/// The kind of record in words; an unknown kind as stored.
pub fn entity(i18n: &I18n, entity: &str) -> String {
    let key = format!("audit-entity-{entity}");
    if entity.is_empty() {
        String::new()
    } else if i18n.has(&key) {
        i18n.t(&key)
    } else {
        inert(entity).into_owned()
    }
}

/// Summaries written in English before events were stored in no language,
/// with the message that says the same.
const OLDER: &[(&str, &str)] = &[
    ("case with checklist", "case-created"),
    ("reopened, reason in a note", "case-reopened"),
    ("status: met", "pickup-met"),
    ("walk-in: met at the gate", "walk-in"),
    ("rooms setup", "rooms-setup"),
    ("released", "reservation-released"),
];

/// The summary in words.
pub fn summary(i18n: &I18n, text: &str) -> String {
    if let Some((_, key)) = OLDER.iter().find(|(old, _)| *old == text) {
        return i18n.t(&format!("audit-said-{key}"));
    }
    if let Some(status) = text.strip_prefix("status: ")
        && i18n.has(&format!("pickup-status-{status}"))
    {
        return i18n
            .t_args("audit-said-pickup-status", &[("status", i18n.t(&format!("pickup-status-{status}")).into())]);
    }
    let Some((key, args)) = read_said(text) else {
        return inert(text).into_owned();
    };
    let id = format!("audit-said-{key}");
    if !i18n.has(&id) {
        // A newer version's message: its name and arguments as they are.
        return inert(text.trim_start_matches('@')).into_owned();
    }
    let values: Vec<(String, FluentValue<'static>)> =
        args.into_iter().map(|(name, value)| (name, argument(i18n, &value))).collect();
    let refs: Vec<(&str, FluentValue<'_>)> = values.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    i18n.t_args(&id, &refs)
}

/// One argument as the reader reads it: a message named `#id` (or a list,
/// `#a,#b`) translated, an
/// ISO date in the language's format, a whole number as a number (plurals),
/// anything else as text, made inert.
fn argument(i18n: &I18n, value: &str) -> FluentValue<'static> {
    if value.starts_with('#') {
        // `#a,#b`: a list of messages.
        let words: Vec<String> = value
            .split(',')
            .map(|part| {
                let id = part.trim_start_matches('#');
                if i18n.has(id) { i18n.t(id) } else { inert(id).into_owned() }
            })
            .collect();
        return words.join(", ").into();
    }
    if value.len() == 10
        && let Ok(d) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
    {
        return i18n.format_date(d).into();
    }
    if let Ok(n) = value.parse::<i64>() {
        return n.into();
    }
    inert(value).into_owned().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::audit::said;

    #[test]
    fn a_summary_reads_in_each_language_and_older_text_stays() {
        let text = said(
            "report",
            &[("how", "#audit-report-screen".into()), ("from", "2026-12-01".into()), ("to", "2026-12-31".into())],
        );
        let ru = summary(&I18n::new(Lang::Ru), &text);
        assert!(ru.contains("01.12.2026") && ru.contains("31.12.2026"), "{ru}");
        let fr = summary(&I18n::new(Lang::Fr), &text);
        assert!(fr.contains("01/12/2026"), "{fr}");
        assert_eq!(summary(&I18n::new(Lang::En), "alias,status"), "alias,status");
        assert_eq!(summary(&I18n::new(Lang::En), "@from-a-newer-version n=3"), "from-a-newer-version n=3");
        assert_ne!(summary(&I18n::new(Lang::Ru), "case with checklist"), "case with checklist");
        let done = said(
            "travel-completed-done",
            &[
                ("kind", "#cases-travel-kind-repatriation".into()),
                ("done", "#service-repatriation,#service-travel_medical_escort".into()),
            ],
        );
        let en = summary(&I18n::new(Lang::En), &done);
        assert!(en.contains("Repatriation") && en.contains(", Medical assistance during the journey"), "{en}");
    }
}
