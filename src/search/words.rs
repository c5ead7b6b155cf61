//! What a case is found by: the words its code, alias, document numbers and
//! legal names fold into. Codes and numbers also give the forms people type
//! them in (`0042`, `42`, `260042`; `751234567` for `75 1234567`; `AB` and
//! `1234567` for `AB1234567`); the centre code, shared by every case, is
//! found only as a whole word.

use crate::domain::case_code::CaseCode;
use crate::domain::translit::search_fold;

use super::index::{Field, IndexEntry};

/// The words of one case before they get vocabulary ids: (word, field, only whole).
pub(crate) fn words_of(e: &IndexEntry) -> Vec<(String, Field, bool)> {
    let mut out: Vec<(String, Field, bool)> = Vec::new();
    // The centre code is shared by every case of the centre: only the whole
    // code word finds it, so that `m` does not find everyone.
    let centre = search_fold(&e.code.centre);
    let year = format!("{:02}", e.code.year);
    let seq = format!("{:04}", e.code.seq);
    // Folded like everything else (digits are kept whole), so typed codes meet.
    let mut code = |word: String, exact_only: bool| out.push((search_fold(&word), Field::Code, exact_only));
    code(format!("{centre}{year}{seq}"), true);
    code(format!("{year}{seq}"), false);
    code(e.code.seq.to_string(), false);
    code(year, false);
    code(seq, false);
    out.push((centre, Field::Code, true));
    let mut push_all = |text: &str, field: Field, number: bool| {
        let folded = search_fold(text);
        let parts: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        // A number is also typed without its spaces (`751234567`), and
        // `AB1234567` also as `AB 1234567`: its letter and digit runs are words too.
        if number && parts.len() > 1 {
            out.push((parts.concat(), field, false));
        }
        for p in parts {
            let runs = if number { runs_of(p) } else { Vec::new() };
            if runs.len() > 1 {
                out.extend(runs.into_iter().map(|r| (r, field, false)));
            }
            out.push((p.to_string(), field, false));
        }
    };
    push_all(&e.alias, Field::Alias, false);
    for d in &e.documents {
        push_all(d, Field::Document, true);
    }
    for n in &e.names {
        push_all(n, Field::Name, false);
    }
    out
}

/// The runs of letters and of digits in a word (`ab1234` → `ab`, `1234`).
pub(crate) fn runs_of(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_digit: Option<bool> = None;
    for c in word.chars() {
        let digit = c.is_ascii_digit();
        match out.last_mut() {
            Some(run) if last_digit == Some(digit) => run.push(c),
            _ => out.push(c.to_string()),
        }
        last_digit = Some(digit);
    }
    out
}

pub(crate) fn rank(code: &CaseCode) -> u64 {
    (u64::from(code.year) << 32) | u64::from(code.seq)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CaseId, Id};

    #[test]
    fn a_case_is_found_by_the_forms_people_type() {
        let e = IndexEntry {
            case: CaseId(Id([1; 16])),
            code: CaseCode::new("MSK", 26, 42).unwrap(),
            alias: "Лиса".into(),
            documents: vec!["AB1234567".into(), "75 1234567".into()],
            names: vec!["Щукина Юлия".into()],
        };
        let words: Vec<(String, Field, bool)> = words_of(&e);
        let has = |w: &str, f: Field| words.iter().any(|(x, g, _)| x == w && *g == f);
        for w in ["0042", "42", "26", "260042"] {
            assert!(has(w, Field::Code), "{w}");
        }
        assert!(words.iter().any(|(w, _, whole)| w == "msk" && *whole), "the centre code only whole");
        assert!(has("lisa", Field::Alias));
        for w in ["ab1234567", "ab", "1234567", "751234567", "75"] {
            assert!(has(w, Field::Document), "{w}");
        }
        assert!(has("shukina", Field::Name) && has("iulia", Field::Name));
        assert_eq!(runs_of("ab12c3"), ["ab", "12", "c", "3"]);
    }
}
