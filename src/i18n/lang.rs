//! The languages Haven speaks and how one is chosen at start-up.

use strum::{EnumIter, IntoEnumIterator};
use unic_langid::{LanguageIdentifier, langid};

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, EnumIter)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// French.
    Fr,
}

impl Lang {
    /// The two-letter code (`en`, `ru`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Fr => "fr",
        }
    }

    /// The language of a code or locale such as `ru`, `ru-RU`, `fr_CA.UTF-8` or `EN`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_', '.', '@']).next()?;
        Lang::iter().find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The language's own name, for a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Fr => "Français",
        }
    }

    /// The Unicode language identifier (drives Fluent's plural rules).
    pub fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Ru => langid!("ru"),
            Lang::Fr => langid!("fr"),
        }
    }

    /// Every language, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        Lang::iter()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The system's language, if it is one Haven speaks.
pub fn system_lang() -> Option<Lang> {
    sys_locale::get_locales().find_map(|locale| Lang::from_code(&locale))
}

/// `--lang`, else the configured language, else the system's, else English.
///
/// A value Haven does not speak is skipped with a warning rather than
/// refused: the console must still open.
pub fn choose_lang(cli: Option<&str>, config: Option<&str>) -> Lang {
    for (source, value) in [("--lang", cli), ("configuration", config)] {
        if let Some(value) = value {
            match Lang::from_code(value) {
                Some(lang) => return lang,
                None => tracing::warn!(source, value, "unsupported language, ignored"),
            }
        }
    }
    system_lang().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_locales_map_to_languages() {
        for lang in Lang::all() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("fr_CA.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::from_code("r"), None);
    }

    #[test]
    fn the_command_line_wins_then_the_configuration() {
        assert_eq!(choose_lang(Some("ru"), Some("fr")), Lang::Ru);
        assert_eq!(choose_lang(None, Some("fr")), Lang::Fr);
        assert_eq!(choose_lang(Some("klingon"), Some("fr")), Lang::Fr);
        // Without either, the system decides; it is always one we speak.
        let _ = choose_lang(None, None);
    }
}
