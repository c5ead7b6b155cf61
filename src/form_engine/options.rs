//! The options a picker offers, and how typing narrows them.
//!
//! Each option carries one folded search text built from everything a person
//! might type for it: its key, its label, and for countries and languages the
//! names in all three interface languages. Folding goes through the same
//! cross-script key as name search, so `Ros`, `рос` and `russ` all find Russia.

use super::field::FieldKind;
use super::languages::LANGUAGES;
use crate::app::context::Ctx;
use crate::domain::country_names::COUNTRY_NAMES;
use crate::domain::translit::search_fold;

/// One option of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    /// The stable key stored in the record (choice key, country or language code).
    pub key: String,
    /// What the user reads, in their language.
    pub label: String,
    /// Lowercased text of every name the option answers to.
    plain: String,
    /// The same, folded across scripts.
    folded: String,
}

impl PickOption {
    /// An option answering to its key, its label and `also`.
    pub fn new(key: impl Into<String>, label: impl Into<String>, also: &[&str]) -> PickOption {
        let key = key.into();
        let label = label.into();
        let all = std::iter::once(key.as_str()).chain(std::iter::once(label.as_str())).chain(also.iter().copied());
        let plain = all.collect::<Vec<_>>().join(" | ").to_lowercase();
        let folded = search_fold(&plain);
        PickOption { key, label, plain, folded }
    }

    /// How well the option matches a query: lower is better, `None` is no match.
    fn rank(&self, query: &str, folded_query: &str) -> Option<u8> {
        if query.is_empty() {
            return Some(2);
        }
        if self.key.to_lowercase() == query {
            return Some(0);
        }
        let word_start = |hay: &str, q: &str| {
            hay.match_indices(q).any(|(i, _)| {
                hay.get(..i).and_then(|before| before.chars().last()).is_none_or(|c| !c.is_alphanumeric())
            })
        };
        if word_start(&self.plain, query) || (!folded_query.is_empty() && word_start(&self.folded, folded_query)) {
            return Some(1);
        }
        // Folding collapses letters (`zzzz` → `z`), so folded text counts at word starts only.
        if self.plain.contains(query) {
            return Some(2);
        }
        None
    }
}

/// Indices of the options matching `query`, best first (code, word start, anywhere), stable otherwise.
pub fn filter(options: &[PickOption], query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    let folded = search_fold(&query);
    let mut ranked: Vec<(u8, usize)> =
        options.iter().enumerate().filter_map(|(i, o)| o.rank(&query, &folded).map(|r| (r, i))).collect();
    ranked.sort_by_key(|(r, i)| (*r, *i));
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// Every country, labelled in `lang`, answering to its code and its three names.
pub fn countries(lang: &str) -> Vec<PickOption> {
    let mut out: Vec<PickOption> = COUNTRY_NAMES
        .iter()
        .map(|(code, en, ru, fr)| {
            let label = match lang {
                "ru" => ru,
                "fr" => fr,
                _ => en,
            };
            PickOption::new(*code, format!("{label} ({code})"), &[en, ru, fr])
        })
        .collect();
    // People look for a name, so the list reads alphabetically by name.
    out.sort_by_key(|o| o.label.to_lowercase());
    out
}

/// The centre's languages, labelled in `lang`, in the order of the list.
pub fn languages(lang: &str) -> Vec<PickOption> {
    LANGUAGES
        .iter()
        .map(|(code, en, ru, fr)| {
            let label = match lang {
                "ru" => ru,
                "fr" => fr,
                _ => en,
            };
            PickOption::new(*code, *label, &[en, ru, fr])
        })
        .collect()
}

/// The options of a field of `kind`; empty for kinds that are not picked.
pub fn for_kind(kind: FieldKind, ctx: &Ctx) -> Vec<PickOption> {
    let lang = ctx.i18n.lang().code();
    match kind {
        FieldKind::Choice(f) | FieldKind::MultiChoice(f) => {
            f(ctx).into_iter().map(|(key, label)| PickOption::new(key, label, &[])).collect()
        }
        FieldKind::Country => countries(lang),
        FieldKind::Language => languages(lang),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(options: &[PickOption], q: &str) -> Vec<String> {
        filter(options, q).into_iter().map(|i| options[i].key.clone()).collect()
    }

    #[test]
    fn a_country_is_found_by_code_or_by_name_in_any_language() {
        let c = countries("en");
        assert_eq!(keys(&c, "ru").first().map(String::as_str), Some("RU"));
        for q in ["Russia", "росс", "Russie", "RUSS"] {
            assert!(keys(&c, q).contains(&"RU".to_string()), "{q}");
        }
        assert_eq!(keys(&c, "allemagne"), ["DE"]);
        assert_eq!(keys(&c, "Германия"), ["DE"]);
        assert!(keys(&c, "xyzzy").is_empty());
        assert_eq!(keys(&c, "").len(), 249);
    }

    #[test]
    fn countries_read_alphabetically_in_the_users_language() {
        let ru = countries("ru");
        assert_eq!(ru.first().map(|o| o.label.as_str()), Some("Австралия (AU)"));
        let en = countries("en");
        assert_eq!(en.first().map(|o| o.key.as_str()), Some("AF"));
    }

    #[test]
    fn languages_match_names_in_three_languages() {
        let l = languages("fr");
        assert_eq!(keys(&l, "узб"), ["uz"]);
        assert_eq!(keys(&l, "ouzb"), ["uz"]);
        assert_eq!(keys(&l, "uzbek"), ["uz"]);
        assert_eq!(l.first().map(|o| o.label.as_str()), Some("russe"));
    }

    #[test]
    fn word_starts_rank_before_matches_inside_words() {
        let o = vec![PickOption::new("a", "Casework", &[]), PickOption::new("b", "Work permit", &[])];
        assert_eq!(keys(&o, "work"), ["b", "a"]);
    }
}
