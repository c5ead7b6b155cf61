//! Fluent bundles: the messages of one language, with English behind it.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::format;
use super::lang::Lang;

/// The translation files of each language, one per area of the product so
/// that each area can be worked on apart, compiled into the binary.
macro_rules! areas {
    ($lang:literal) => {
        &[
            include_str!(concat!("../../locales/", $lang, "/core.ftl")),
            include_str!(concat!("../../locales/", $lang, "/form.ftl")),
            include_str!(concat!("../../locales/", $lang, "/arrivals.ftl")),
            include_str!(concat!("../../locales/", $lang, "/beds.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cases.ftl")),
            include_str!(concat!("../../locales/", $lang, "/access.ftl")),
            include_str!(concat!("../../locales/", $lang, "/reports.ftl")),
            include_str!(concat!("../../locales/", $lang, "/sync.ftl")),
        ]
    };
}

/// The names of the area files, in the order [`sources`] gives them.
pub const AREAS: [&str; 8] = ["core", "form", "arrivals", "beds", "cases", "access", "reports", "sync"];

/// The Fluent sources of `lang`, one per area.
fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => areas!("en"),
        Lang::Ru => areas!("ru"),
        Lang::Fr => areas!("fr"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// A bundle for `lang`; syntax errors are logged and the rest still loads.
fn build(lang: Lang) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    // Bidi isolation marks (U+2068/U+2069) would be printed raw by a terminal.
    bundle.set_use_isolating(false);
    for (area, text) in AREAS.iter().zip(sources(lang)) {
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(resource) => resource,
            Err((partial, errors)) => {
                tracing::warn!(lang = lang.code(), area, ?errors, "syntax errors in the translations");
                partial
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(lang = lang.code(), area, ?errors, "duplicate messages in the translations");
        }
    }
    bundle
}

/// The translations of one language; a message missing there comes from English.
pub struct I18n {
    lang: Lang,
    bundle: Bundle,
    fallback: Option<Bundle>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("lang", &self.lang).finish_non_exhaustive()
    }
}

impl I18n {
    /// The translations for `lang`.
    pub fn new(lang: Lang) -> I18n {
        let fallback = (lang != Lang::En).then(|| build(Lang::En));
        I18n { lang, bundle: build(lang), fallback }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether this language itself (not the English fallback) has message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key`; the key itself if no language has it (logged, never a panic).
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with arguments: `t_args("beds-free", &[("count", 3.into())])`.
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text: Cow<'_, str> = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, lang = self.lang.code(), ?errors, "message formatted with errors");
            }
            return text.into_owned();
        }
        tracing::warn!(key, lang = self.lang.code(), "missing translation");
        key.to_string()
    }

    /// A date in this language's format.
    pub fn format_date(&self, date: NaiveDate) -> String {
        format::format_date(self.lang, date)
    }

    /// A day without its year, for rows of a short span (`7 Dec`).
    pub fn format_day_month(&self, date: NaiveDate) -> String {
        format::format_day_month(self.lang, date)
    }

    /// What the user typed as a date, in this language's form or ISO.
    pub fn parse_date(&self, text: &str, today: NaiveDate) -> Result<NaiveDate, crate::domain::dates::DateError> {
        format::parse_date(self.lang, text, today)
    }

    /// A time of day, 24-hour.
    pub fn format_time(&self, time: NaiveTime) -> String {
        format::format_time(self.lang, time)
    }

    /// A date and time in this language's format.
    pub fn format_datetime(&self, at: NaiveDateTime) -> String {
        format::format_datetime(self.lang, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::action::Action;

    fn beds(lang: Lang, count: i64) -> String {
        I18n::new(lang).t_args("beds-free", &[("count", count.into())])
    }

    #[test]
    fn russian_plurals_follow_the_cldr_rules() {
        assert_eq!(beds(Lang::Ru, 1), "1 свободная койка");
        assert_eq!(beds(Lang::Ru, 3), "3 свободные койки");
        assert_eq!(beds(Lang::Ru, 5), "5 свободных коек");
        assert_eq!(beds(Lang::Ru, 21), "21 свободная койка");
        assert_eq!(beds(Lang::Ru, 11), "11 свободных коек");
        assert_eq!(beds(Lang::Ru, 22), "22 свободные койки");
        assert_eq!(beds(Lang::Ru, 0), "0 свободных коек");
    }

    #[test]
    fn english_and_french_plurals() {
        assert_eq!(beds(Lang::En, 1), "1 free bed");
        assert_eq!(beds(Lang::En, 0), "0 free beds");
        assert_eq!(beds(Lang::En, 21), "21 free beds");
        assert_eq!(beds(Lang::Fr, 1), "1 lit libre");
        assert_eq!(beds(Lang::Fr, 0), "0 lit libre");
        assert_eq!(beds(Lang::Fr, 5), "5 lits libres");
    }

    #[test]
    fn every_action_is_described_in_every_language() {
        for lang in Lang::all() {
            let i18n = I18n::new(lang);
            let missing: Vec<String> = Action::all().map(Action::message_id).filter(|id| !i18n.has(id)).collect();
            assert!(missing.is_empty(), "{lang}: missing {missing:?}");
        }
        assert_eq!(I18n::new(Lang::Ru).t("action-quit"), "Выйти");
    }

    #[test]
    fn a_missing_key_comes_back_as_itself() {
        let i18n = I18n::new(Lang::Fr);
        assert_eq!(i18n.t("no-such-message"), "no-such-message");
        assert_eq!(i18n.t_args("no-such-message", &[("n", 1.into())]), "no-such-message");
    }

    #[test]
    fn arguments_are_not_wrapped_in_bidi_isolation_marks() {
        let text = I18n::new(Lang::En).t_args("error-not-a-centre", &[("path", "/tmp/x".into())]);
        assert_eq!(text, "/tmp/x is not a Haven centre.");
        let text = I18n::new(Lang::Ru).t_args("login-throttled", &[("seconds", 30.into())]);
        assert_eq!(text, "Слишком много попыток: подождите 30 с");
        assert!(!text.contains(['\u{2068}', '\u{2069}']));
    }

    #[test]
    fn french_uses_its_own_service_wording() {
        let fr = I18n::new(Lang::Fr);
        assert_eq!(fr.t("service-airport_reception"), "Accueil à l’aéroport");
        assert_eq!(fr.t("app-title"), "Haven");
        assert_eq!(fr.format_date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()), "01/12/2026");
    }
}
