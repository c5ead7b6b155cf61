//! Cell values as people type them in spreadsheets: dates in the usual
//! forms, yes and no in three languages, countries by code or name, and
//! choices by key or by their label in English, Russian or French.

use chrono::NaiveDate;

use super::Problem;
use crate::domain::country::CountryCode;
use crate::domain::country_alpha3::alpha2_of_alpha3;
use crate::domain::country_names::COUNTRY_NAMES;
use crate::domain::dates::parse_date;
use crate::i18n::{I18n, Lang};

/// The three languages' labels, for recognising choices.
pub struct Labels {
    bundles: Vec<I18n>,
}

impl Labels {
    /// Loads the labels of every language.
    pub fn new() -> Labels {
        Labels { bundles: Lang::all().map(I18n::new).collect() }
    }

    fn all(&self, key: &str) -> Vec<String> {
        self.bundles.iter().filter(|b| b.has(key)).map(|b| b.t(key)).collect()
    }
}

impl Default for Labels {
    fn default() -> Self {
        Labels::new()
    }
}

/// A value compared loosely: lower case, ё as е, `_` as space, single spaces.
pub fn loose(s: &str) -> String {
    super::columns::normalise(s)
}

/// The accepted spellings of one kind of choice.
pub struct Choices<T> {
    options: Vec<(String, T)>,
    shown: Vec<String>,
}

impl<T: Copy> Choices<T> {
    /// Choices from `(key, value)` pairs: the key, its label `{prefix}-{key}`
    /// in every language, and `extra` spellings.
    pub fn new(labels: &Labels, prefix: &str, values: &[(&'static str, T)], extra: &[(&str, T)]) -> Choices<T> {
        let mut options = Vec::new();
        let mut shown = Vec::new();
        for (key, v) in values {
            options.push((loose(key), *v));
            shown.push((*key).to_string());
            for l in labels.all(&format!("{prefix}-{key}")) {
                options.push((loose(&l), *v));
            }
        }
        for (s, v) in extra {
            options.push((loose(s), *v));
        }
        Choices { options, shown }
    }

    /// The value `text` names, if any.
    pub fn find(&self, text: &str) -> Option<T> {
        let l = loose(text);
        self.options.iter().find(|(o, _)| *o == l).map(|(_, v)| *v)
    }

    /// Parses a required-or-empty cell: `Ok(None)` when empty.
    pub fn parse(&self, column: &str, text: &str) -> Result<Option<T>, Problem> {
        if text.is_empty() {
            return Ok(None);
        }
        self.find(text).map(Some).ok_or_else(|| Problem::BadChoice {
            column: column.to_string(),
            value: text.to_string(),
            allowed: self.allowed(),
        })
    }

    /// Parses a list (`a, b; c`), every item a choice.
    pub fn parse_list(&self, column: &str, text: &str) -> Result<Vec<T>, Problem>
    where
        T: PartialEq,
    {
        let mut out = Vec::new();
        for item in list_items(text) {
            let v = self.parse(column, item)?;
            if let Some(v) = v
                && !out.contains(&v)
            {
                out.push(v);
            }
        }
        Ok(out)
    }

    /// The keys, as a hint of what is accepted.
    pub fn allowed(&self) -> String {
        self.shown.join(", ")
    }
}

/// The items of a list cell: separated by `,`, `;`, `|` or new lines.
pub fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '\n']).map(str::trim).filter(|s| !s.is_empty())
}

/// Parses a date cell: `2026-12-01`, `01.12.2026`, `1/12/26`, also with a
/// time after it (spreadsheets add `00:00:00`). Words and offsets such as
/// `today` or `+3d` mean something only when typed, so a file may not use them.
pub fn date(column: &str, text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || Problem::BadDate { column: column.to_string(), value: text.to_string() };
    let day = text.split(['T', ' ']).next().unwrap_or("");
    let first_digit = day.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !first_digit || !day.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-')) {
        return Err(bad());
    }
    // A bare number is an Excel serial date or a year, never a day.
    if day.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    parse_date(day, today).map(Some).map_err(|_| bad())
}

/// Parses yes or no (`yes`, `да`, `oui`, `true`, `1`, `x`, …); empty is `None`.
pub fn yes_no(column: &str, text: &str) -> Result<Option<bool>, Problem> {
    let l = loose(text);
    match l.as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" | "x" | "+" | "да" | "д" | "истина" | "oui" | "vrai" | "✓" => {
            Ok(Some(true))
        }
        "no" | "n" | "false" | "0" | "нет" | "н" | "ложь" | "non" | "faux" => Ok(Some(false)),
        _ => Err(Problem::BadYesNo { column: column.to_string(), value: text.to_string() }),
    }
}

/// One country: an ISO code of two or three letters, or its name in English, Russian or French.
pub fn country(text: &str) -> Option<CountryCode> {
    let t = text.trim();
    if let Ok(c) = CountryCode::parse(t) {
        return Some(c);
    }
    if t.len() == 3
        && let Some(c) = alpha2_of_alpha3(&t.to_ascii_uppercase())
    {
        return Some(c);
    }
    let l = loose(t);
    COUNTRY_NAMES
        .iter()
        .find(|(_, en, ru, fr)| loose(en) == l || loose(ru) == l || loose(fr) == l)
        .and_then(|(code, ..)| CountryCode::parse(code).ok())
}

/// A list of countries.
pub fn countries(column: &str, text: &str) -> Result<Vec<CountryCode>, Problem> {
    let mut out = Vec::new();
    for item in list_items(text) {
        let c =
            country(item).ok_or_else(|| Problem::BadCountry { column: column.to_string(), value: item.to_string() })?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// A whole number from `min` to `max`; empty is `None`.
pub fn number(column: &str, text: &str, min: i64, max: i64) -> Result<Option<i64>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .map(Some)
        .ok_or_else(|| Problem::BadNumber { column: column.to_string(), value: text.to_string() })
}

/// Text of at most `max` characters.
pub fn text(column: &str, value: &str, max: usize) -> Result<String, Problem> {
    if value.chars().count() > max {
        return Err(Problem::TooLong { column: column.to_string(), max });
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn dates_in_file_forms_and_refusals() {
        let d = |s: &str| date("arrival", s, today());
        let dec1 = Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        for ok in ["2026-12-01", "01.12.2026", "1/12/26", "2026-12-01 00:00:00", "2026-12-01T00:00"] {
            assert_eq!(d(ok), Ok(dec1), "{ok}");
        }
        assert_eq!(d(""), Ok(None));
        for bad in ["today", "+3d", "12th March", "45627", "31.02.2026", "2026", "-1"] {
            assert!(matches!(d(bad), Err(Problem::BadDate { .. })), "{bad}");
        }
    }

    #[test]
    fn countries_by_code_alpha3_and_name_in_three_languages() {
        let ru = CountryCode::parse("RU").unwrap();
        for s in ["RU", "ru", "RUS", "Russia", "Россия", "Russie"] {
            assert_eq!(country(s), Some(ru), "{s}");
        }
        assert_eq!(country("Atlantis"), None);
        let uz = CountryCode::parse("UZ").unwrap();
        assert_eq!(countries("c", "Узбекистан; RU, RU"), Ok(vec![uz, ru]));
        assert!(matches!(countries("c", "RU, Narnia"), Err(Problem::BadCountry { value, .. }) if value == "Narnia"));
    }

    #[test]
    fn choices_by_key_label_and_synonym() {
        use crate::domain::person::Gender;
        let labels = Labels::new();
        let values: Vec<(&'static str, Gender)> = Gender::all().map(|g| (g.key(), g)).collect();
        let g = Choices::new(&labels, "gender", &values, &[("F", Gender::Feminine), ("ж", Gender::Feminine)]);
        for s in ["feminine", "Feminine", "F", "ж", "Ж"] {
            assert_eq!(g.find(s), Some(Gender::Feminine), "{s}");
        }
        assert_eq!(g.find("non specified unknown"), Some(Gender::NonSpecifiedUnknown));
        assert!(matches!(g.parse("Gender", "robot"), Err(Problem::BadChoice { .. })));
        assert_eq!(yes_no("x", "Да"), Ok(Some(true)));
        assert_eq!(yes_no("x", "non"), Ok(Some(false)));
        assert!(yes_no("x", "maybe").is_err());
        assert_eq!(number("n", "12", 0, 120), Ok(Some(12)));
        assert!(number("n", "130", 0, 120).is_err());
    }
}
