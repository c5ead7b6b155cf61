#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The three translation files parse, and each has exactly the same messages.

use std::collections::BTreeSet;
use std::path::PathBuf;

use fluent_bundle::FluentResource;
use haven::i18n::{I18n, Lang};

/// Every translation file of `lang`: (area, text).
fn files(lang: Lang) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang.code());
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// All of a language's messages as one text (the ids are unique across areas).
fn source(lang: Lang) -> String {
    files(lang).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_area_file_is_compiled_in_and_exists_in_every_language() {
    for lang in Lang::all() {
        let areas: Vec<String> = files(lang).into_iter().map(|(a, _)| a).collect();
        let mut expected: Vec<String> = haven::i18n::AREAS.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(areas, expected, "{}: the files in locales/ and the areas compiled in differ", lang.code());
    }
}

/// Fluent syntax errors of a file, with their line numbers.
fn syntax_errors(text: &str) -> Vec<String> {
    match FluentResource::try_new(text.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors
            .iter()
            .map(|e| {
                let line = text.get(..e.pos.start).map_or(0, |before| before.lines().count());
                format!("line {line}: {:?}", e.kind)
            })
            .collect(),
    }
}

/// Message and term ids: lines that start an entry (`id = …`), not comments or continuations.
fn ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| {
            let (head, _) = line.split_once('=')?;
            let id = head.trim_end();
            let bare = id.strip_prefix('-').unwrap_or(id);
            let starts_ok = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let chars_ok = bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (starts_ok && chars_ok && !line.starts_with(' ')).then(|| id.to_string())
        })
        .collect()
}

#[test]
fn every_translation_file_is_valid_fluent() {
    for lang in Lang::all() {
        let errors = syntax_errors(&source(lang));
        assert!(errors.is_empty(), "{}.ftl: {errors:#?}", lang.code());
    }
}

#[test]
fn the_syntax_check_does_catch_errors() {
    assert!(!syntax_errors("good = fine\nbad = { $x\n").is_empty());
    assert!(!syntax_errors("beds = { $n ->\n [one] one\n}\n").is_empty(), "no default variant");
}

#[test]
fn every_message_exists_in_every_language() {
    let all: Vec<(Lang, BTreeSet<String>)> = Lang::all().map(|l| (l, ids(&source(l)))).collect();
    let union: BTreeSet<String> = all.iter().flat_map(|(_, ids)| ids.iter().cloned()).collect();
    let mut report = Vec::new();
    for (lang, ids) in &all {
        let missing: Vec<&String> = union.difference(ids).collect();
        if !missing.is_empty() {
            report.push(format!("{}.ftl is missing {missing:?}", lang.code()));
        }
        // The scan agrees with what Fluent itself loaded.
        let i18n = I18n::new(*lang);
        for id in ids.iter().filter(|id| !id.starts_with('-')) {
            assert!(i18n.has(id), "{}.ftl: `{id}` was scanned but Fluent did not load it", lang.code());
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert!(union.len() > 100, "the scan found only {} ids", union.len());
}

#[test]
fn every_service_has_a_label_in_every_language() {
    let services = [
        "airport_reception",
        "temporary_housing",
        "medical_care",
        "psychological_support",
        "social_support",
        "legal_support",
        "domestic_transport",
        "repatriation",
        "travel_medical_escort",
        "reintegration_grant",
        "ngo_referral",
        "reintegration_counselling",
    ];
    for lang in Lang::all() {
        let i18n = I18n::new(lang);
        for service in services {
            assert!(i18n.has(&format!("service-{service}")), "{lang}: {service}");
        }
    }
}

#[test]
fn no_message_leaks_bidi_marks_or_control_characters() {
    for lang in Lang::all() {
        let text = source(lang);
        let bad: Vec<(usize, char)> = text
            .lines()
            .enumerate()
            .flat_map(|(n, line)| line.chars().map(move |c| (n + 1, c)))
            .filter(|&(_, c)| {
                (c.is_control() && c != '\t')
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            })
            .collect();
        assert!(bad.is_empty(), "{}.ftl: {bad:?}", lang.code());
    }
}
