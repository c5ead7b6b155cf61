//! Possible duplicates: before a new case is created, is this person
//! perhaps already known to the centre?
//!
//! Two rules, either one is enough to ask (never to decide):
//!
//! 1. **Name and date of birth**: the names fold to the same words across
//!    scripts ([`search_fold`], so `Иванова Юлия` meets `IVANOVA IULIIA` and
//!    `Ivanova Yulia`), in any order, one name may lack words the other has
//!    (a passport without the patronymic) as long as at least two words
//!    agree — and the dates of birth are the same day.
//! 2. **Alias, gender and age group**: what reception knows without the case
//!    key: the same alias (folded), the same gender and the same age group.

use chrono::NaiveDate;

use super::ids::CaseId;
use super::person::{AgeGroup, Gender};
use super::translit::{icao_latin, search_fold};

/// A document number as compared for duplicates: letters and digits only,
/// upper case (`ab 123-4567` and `AB1234567` are the same number; the
/// zone's filler `<` is not part of it).
pub fn document_key(number: &str) -> String {
    number.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// What is known of a person, new or existing, for the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Legal names in any script (family, given, patronymic), if known.
    pub name: Option<String>,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Alias used at the centre.
    pub alias: String,
    /// Gender.
    pub gender: Gender,
    /// Age group (as of today).
    pub age_group: AgeGroup,
}

/// Why two identities may be the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DuplicateReason {
    /// The same identity document number (a passport read at the gate).
    SameDocument,
    /// Same names (across scripts) and the same date of birth.
    NameAndBirth,
    /// Same alias, gender and age group.
    AliasGenderAge,
}

impl DuplicateReason {
    /// Stable key for messages.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// The folded words of a name, sorted so that word order does not matter.
fn words(name: &str) -> Vec<String> {
    let mut w: Vec<String> = search_fold(name).split(' ').filter(|s| !s.is_empty()).map(String::from).collect();
    w.sort();
    w
}

/// Whether every word of `small` is in `big` (as a multiset).
fn contained(small: &[String], big: &[String]) -> bool {
    let mut rest: Vec<&String> = big.iter().collect();
    small.iter().all(|w| match rest.iter().position(|b| *b == w) {
        Some(i) => {
            rest.swap_remove(i);
            true
        }
        None => false,
    })
}

/// Whether two names are the same person's: equal when folded, or one within
/// the other with at least two words in common. Each name is also compared
/// in its ICAO Latin form, as a passport zone writes it (`Müller` is
/// `MUELLER` there, while search folding strips the umlaut to `muller`).
pub fn same_name(a: &str, b: &str) -> bool {
    let forms = |s: &str| [words(s), words(&icao_latin(s))];
    forms(a).iter().any(|wa| forms(b).iter().any(|wb| same_words(wa, wb)))
}

fn same_words(wa: &[String], wb: &[String]) -> bool {
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let (small, big) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    small.len() >= 2 && contained(small, big)
}

/// Why `new` and `known` may be the same person, if they may.
pub fn duplicate_reason(new: &Identity, known: &Identity) -> Option<DuplicateReason> {
    reason(new, &search_fold(&new.alias), known)
}

/// [`duplicate_reason`] with the new person's alias already folded: the
/// check runs against every case of the centre.
fn reason(new: &Identity, alias: &str, known: &Identity) -> Option<DuplicateReason> {
    if let (Some(a), Some(b), Some(da), Some(db)) =
        (new.name.as_deref(), known.name.as_deref(), new.date_of_birth, known.date_of_birth)
        && da == db
        && same_name(a, b)
    {
        return Some(DuplicateReason::NameAndBirth);
    }
    if !alias.is_empty()
        && alias == search_fold(&known.alias)
        && new.gender == known.gender
        && new.age_group == known.age_group
    {
        return Some(DuplicateReason::AliasGenderAge);
    }
    None
}

/// The known cases that may be `new`, strongest reason first, then in the given order.
pub fn find_duplicates<'a>(
    new: &Identity,
    known: impl IntoIterator<Item = (CaseId, &'a Identity)>,
) -> Vec<(CaseId, DuplicateReason)> {
    let alias = search_fold(&new.alias);
    let mut out: Vec<(CaseId, DuplicateReason)> =
        known.into_iter().filter_map(|(id, k)| reason(new, &alias, k).map(|r| (id, r))).collect();
    out.sort_by_key(|(_, r)| *r);
    out
}

/// What the blind index keeps of a person, before it is keyed: plain
/// strings that never leave memory (the store keeps only keyed hashes of
/// them, `store::blind`). Two identities that [`duplicate_reason`] may match
/// by name always share at least one name term, and two that share a
/// document share its term: a lookup of the terms finds every candidate,
/// and the rules above then decide.
///
/// Name terms are the words of each form of the name (search folding and
/// ICAO Latin), sorted: a one-word name whole, a longer one as every pair
/// of its words (equal names share all their pairs, and a name within
/// another with at least two words shares all of its own), each with the
/// date of birth, or `-` when the file has none (the front's date then
/// decides, read at the check).
pub fn name_terms(name: &str, date_of_birth: Option<NaiveDate>) -> Vec<String> {
    let dob = date_of_birth.map_or_else(|| "-".to_string(), |d| d.to_string());
    let mut out = std::collections::BTreeSet::new();
    for w in [words(name), words(&icao_latin(name))] {
        if w.is_empty() {
            continue;
        }
        if w.len() == 1 {
            out.insert(format!("name\0{dob}\0{}", w.join(" ")));
        }
        for i in 0..w.len() {
            for j in i + 1..w.len() {
                out.insert(format!("pair\0{dob}\0{} {}", w[i], w[j]));
            }
        }
    }
    out.into_iter().collect()
}

/// The term of a document number ([`document_key`]), if it has one.
pub fn document_term(number: &str) -> Option<String> {
    Some(document_key(number)).filter(|k| !k.is_empty()).map(|k| format!("doc\0{k}"))
}

/// The term of an alias with the gender (the age group, which changes with
/// the calendar, is compared at the check), if the alias folds to anything.
pub fn alias_term(alias: &str, gender: Gender) -> Option<String> {
    let folded = search_fold(alias);
    let gender: &'static str = gender.into();
    (!folded.is_empty()).then(|| format!("alias\0{gender}\0{folded}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(name: Option<&str>, dob: Option<NaiveDate>, alias: &str) -> Identity {
        Identity {
            name: name.map(String::from),
            date_of_birth: dob,
            alias: alias.into(),
            gender: Gender::Feminine,
            age_group: AgeGroup::Adult,
        }
    }

    #[test]
    fn names_match_across_cyrillic_and_latin_spellings() {
        for (a, b) in [
            ("Иванова Юлия Сергеевна", "IVANOVA IULIIA SERGEEVNA"),
            ("Иванова Юлия", "Ivanova Yulia"),
            ("Иванова Юлия Сергеевна", "IVANOVA IULIIA"),
            ("IULIIA IVANOVA", "Иванова Юлия"),
            ("Щукина Наталья", "Shchukina Natalia"),
            ("Щукина Наталья", "SCHUKINA NATALYA"),
            ("Алиев Фёдор", "Aliyev Fyodor"),
            ("Қодиров Ҷалол", "QODIROV JALOL"),
            ("Kodirov Jalol", "Қодиров Ҷалол"),
            ("Müller Anna", "MUELLER ANNA"),
            ("ERIKSSON ANNA MARIA", "Eriksson Anna"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
            assert!(same_name(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn different_people_stay_apart() {
        for (a, b) in [
            ("Иванова Юлия", "Иванов Юрий"),
            ("Иванова Юлия", "Иванова Мария"),
            ("Petrova Anna", "Petrov Anna"),
            ("Ivanova", "Ivanova Yulia"),
            ("Ivanova", "Petrova"),
            ("", "Ivanova"),
            ("---", "---"),
        ] {
            assert!(!same_name(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn name_needs_the_same_date_of_birth() {
        let known = person(Some("Иванова Юлия Сергеевна"), Some(d(1999, 3, 4)), "Lena");
        let mut new = person(Some("IVANOVA IULIIA"), Some(d(1999, 3, 4)), "Katya");
        assert_eq!(duplicate_reason(&new, &known), Some(DuplicateReason::NameAndBirth));
        new.date_of_birth = Some(d(1999, 3, 5));
        assert_eq!(duplicate_reason(&new, &known), None);
        new.date_of_birth = None;
        assert_eq!(duplicate_reason(&new, &known), None, "a name alone is too common to ask");
    }

    #[test]
    fn alias_gender_and_age_group_together() {
        let known = person(None, None, "Лена");
        let mut new = person(None, None, "Lena");
        assert_eq!(duplicate_reason(&new, &known), Some(DuplicateReason::AliasGenderAge));
        new.gender = Gender::Masculine;
        assert_eq!(duplicate_reason(&new, &known), None);
        new.gender = Gender::Feminine;
        new.age_group = AgeGroup::Minor;
        assert_eq!(duplicate_reason(&new, &known), None);
        new.age_group = AgeGroup::Adult;
        new.alias = "Lina".into();
        assert_eq!(duplicate_reason(&new, &known), None);
        let blank = person(None, None, " ");
        assert_eq!(duplicate_reason(&blank, &person(None, None, "")), None, "no alias, no match");
    }

    #[test]
    fn the_strongest_reason_comes_first() {
        let a = CaseId(Id([1; 16]));
        let b = CaseId(Id([2; 16]));
        let c = CaseId(Id([3; 16]));
        let new = person(Some("Ivanova Yulia"), Some(d(2001, 1, 2)), "Lena");
        let by_alias = person(None, None, "LENA");
        let by_name = person(Some("Иванова Юлия"), Some(d(2001, 1, 2)), "Olya");
        let nobody = person(Some("Petrova Olga"), Some(d(2001, 1, 2)), "Olya");
        let found = find_duplicates(&new, [(a, &by_alias), (b, &by_name), (c, &nobody)]);
        assert_eq!(found, vec![(b, DuplicateReason::NameAndBirth), (a, DuplicateReason::AliasGenderAge)]);
        assert_eq!(DuplicateReason::NameAndBirth.key(), "name_and_birth");
    }

    #[test]
    fn every_name_match_shares_a_term() {
        let dob = Some(d(1999, 3, 4));
        for (a, b) in [
            ("Иванова Юлия Сергеевна", "IVANOVA IULIIA"),
            ("IULIIA IVANOVA", "Иванова Юлия"),
            ("Müller Anna", "MUELLER ANNA"),
            ("ERIKSSON ANNA MARIA", "Eriksson Anna"),
            ("Ivanova", "IVANOVA"),
        ] {
            assert!(same_name(a, b));
            let (ta, tb) = (name_terms(a, dob), name_terms(b, dob));
            assert!(ta.iter().any(|t| tb.contains(t)), "{a} / {b}");
            let other = name_terms(b, Some(d(1999, 3, 5)));
            assert!(!ta.iter().any(|t| other.contains(t)), "another birthday, no common term");
        }
        assert_eq!(document_term("ab 123-4567"), document_term("AB1234567"));
        assert_eq!(document_term(" - "), None);
        assert_eq!(alias_term("Лена", Gender::Feminine), alias_term("LENA", Gender::Feminine));
        assert_ne!(alias_term("Lena", Gender::Feminine), alias_term("Lena", Gender::Masculine));
        assert_eq!(alias_term(" ", Gender::Feminine), None);
    }
}
