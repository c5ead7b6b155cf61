#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Search across scripts: a table of what staff type and whom it must find
//! (Russian, Ukrainian, Uzbek and Kazakh letters, hard and soft signs, ё,
//! the spellings people really use, typos, codes and document numbers);
//! who may search names; and `haven find` from the shell. All names are
//! synthetic.

use crate::common;
use crate::support;

use std::time::{Duration, Instant};

use haven::domain::case_code::CaseCode;
use haven::domain::ids::{CaseId, Id};
use haven::search::{Field, IndexEntry, Query, SearchIndex, Searcher};

fn person(n: u8, seq: u32, alias: &str, name: &str, docs: &[&str]) -> IndexEntry {
    let names =
        if name.is_empty() { Vec::new() } else { vec![name.to_string(), haven::domain::translit::icao_latin(name)] };
    IndexEntry {
        case: CaseId(Id([n; 16])),
        code: CaseCode::new("MSK", 26, seq).unwrap(),
        alias: alias.into(),
        documents: docs.iter().map(|d| d.to_string()).collect(),
        names,
    }
}

/// The synthetic people the table searches.
fn people() -> Vec<IndexEntry> {
    vec![
        person(1, 42, "Лиса", "Щукина Юлия Сергеевна", &["75 1234567"]),
        person(2, 43, "Сова", "Фёдорова Алёна Игоревна", &[]),
        person(3, 44, "Rose", "Ковальчук Євгенія Іванівна", &[]),
        person(4, 45, "Iris", "Їжакевич Мар'яна", &[]),
        person(5, 46, "Мак", "Ўринбоева Гулнора", &["AB1234567"]),
        person(6, 47, "Ива", "Қодирова Ҳилола", &[]),
        person(7, 48, "Луна", "Ғафурова Шахноза", &[]),
        person(8, 49, "Fern", "Әбдірова Әсел", &[]),
        person(9, 50, "Wren", "Нұрланқызы Айгүл", &[]),
        person(10, 51, "Sage", "Өмірзақова Гүлнар", &[]),
        person(11, 52, "Кит", "Объедкова Наталья", &[]),
        person(12, 53, "Pearl", "Nguyen Thi Lan", &[]),
        person(13, 54, "Opal", "Müller Anna", &[]),
        person(14, 55, "Jade", "Цой Виктория", &[]),
        person(15, 56, "Amber", "Халилова Дилноза", &[]),
        person(16, 57, "Moon", "Петрова Ксения", &[]),
        person(17, 58, "Julia", "", &[]),
        person(18, 59, "Ромашка", "Иванова Мария", &[]),
        person(19, 60, "Reed", "Иванов Пётр", &[]),
        person(20, 7, "Sky", "Щукина Наталья Андреевна", &[]),
    ]
}

fn found(index: &SearchIndex, q: &str) -> Vec<u8> {
    index.search(&Query::parse(q), None).iter().map(|h| h.case.0.0[0]).collect()
}

/// (what is typed, who must be found first, who else must be among the hits, who must not).
const TABLE: &[(&str, u8, &[u8], &[u8])] = &[
    // The issue's own examples.
    // An alias and a legal name equally exact: the alias first.
    ("Iuliia", 17, &[1], &[20]),
    ("Yulia", 17, &[1], &[20]),
    ("Julia", 17, &[1], &[20]),
    ("julia", 17, &[1], &[]),
    ("Юлия", 17, &[1], &[]),
    // Two people equally exact: the newer case first.
    ("Shchukina", 1, &[20], &[]),
    ("Schukina", 1, &[20], &[]),
    ("Щукина", 1, &[20], &[]),
    ("Щукина Юлия", 1, &[], &[20]),
    ("shchukina iuliia sergeevna", 1, &[], &[20]),
    // ё is written e; Alena, Alyona and Алёна meet.
    ("Fedorova", 2, &[], &[]),
    ("Fyodorova", 2, &[], &[]),
    ("Фёдорова", 2, &[], &[]),
    ("Федорова", 2, &[], &[]),
    ("Alyona", 2, &[], &[]),
    ("Алена", 2, &[], &[]),
    // Ukrainian є, і, ї and the apostrophe.
    ("Ievgeniia", 3, &[], &[]),
    ("Yevgenia", 3, &[], &[]),
    ("Євгенія", 3, &[], &[]),
    ("Kovalchuk", 3, &[], &[]),
    ("Ivanivna", 3, &[], &[]),
    ("Izhakevych", 4, &[], &[]),
    ("Їжакевич", 4, &[], &[]),
    ("Mariana", 4, &[], &[]),
    ("Maryana", 4, &[], &[]),
    ("Мар'яна", 4, &[], &[]),
    ("Марʼяна", 4, &[], &[]),
    // Uzbek ў, қ, ҳ, ғ, as staff type them in Latin too.
    ("Ўринбоева", 5, &[], &[]),
    ("Urinboeva", 5, &[], &[]),
    ("Qodirova", 6, &[], &[]),
    ("Kodirova", 6, &[], &[]),
    ("Hilola", 6, &[], &[]),
    ("Ҳилола", 6, &[], &[]),
    ("Gafurova", 7, &[], &[]),
    ("Ғафурова", 7, &[], &[]),
    // Kazakh ә, і, ұ, қ, ү, ө.
    ("Әбдірова", 8, &[], &[]),
    ("Abdirova", 8, &[], &[]),
    ("Asel", 8, &[], &[]),
    ("Nurlankyzy", 9, &[], &[]),
    ("Айгүл", 9, &[], &[]),
    ("Aigul", 9, &[], &[]),
    ("Omirzakova", 10, &[], &[]),
    ("Гүлнар", 10, &[], &[]),
    // Hard and soft signs are dropped.
    ("Obedkova", 11, &[], &[]),
    ("Obyedkova", 11, &[], &[]),
    ("Объедкова", 11, &[], &[]),
    ("Natalya", 11, &[20], &[]),
    ("Natalia", 11, &[20], &[]),
    ("Наталья", 11, &[20], &[]),
    // Latin names, diacritics, kh/h, ts/c, x/ks.
    ("Nguyen", 12, &[], &[]),
    ("Muller", 13, &[], &[]),
    ("Müller", 13, &[], &[]),
    ("Mueller", 13, &[], &[]),
    ("Tsoi", 14, &[], &[]),
    ("Tsoy", 14, &[], &[]),
    ("Tzoi", 14, &[], &[]),
    ("Цой", 14, &[], &[]),
    ("Khalilova", 15, &[], &[]),
    ("Halilova", 15, &[], &[]),
    ("Xenia", 16, &[], &[]),
    ("Kseniya", 16, &[], &[]),
    // Near names stay apart; a typo is forgiven, after the exact names.
    ("Ivanova", 18, &[19], &[]),
    ("Ivanov", 19, &[18], &[]),
    ("Shukima", 1, &[20], &[]),
    ("Khalilowa", 15, &[], &[]),
    // Aliases, codes and documents.
    ("Лиса", 1, &[], &[]),
    ("Ромашка", 18, &[], &[]),
    ("MSK-26-0042", 1, &[], &[]),
    ("msk 26 0042", 1, &[], &[]),
    ("0042", 1, &[], &[]),
    ("42", 1, &[], &[]),
    ("26-0007", 20, &[], &[]),
    ("751234567", 1, &[], &[]),
    ("75 1234567", 1, &[], &[]),
    ("AB1234567", 5, &[], &[]),
    ("ab 1234", 5, &[], &[]),
];

#[test]
fn every_spelling_in_the_table_finds_its_person_first() {
    let index = SearchIndex::build(&people());
    let mut failures = Vec::new();
    for (q, first, also, never) in TABLE {
        let hits = found(&index, q);
        if hits.first() != Some(first)
            || also.iter().any(|a| !hits.contains(a))
            || never.iter().any(|n| hits.contains(n))
        {
            failures.push(format!("{q:?}: got {hits:?}, want {first} first, also {also:?}, never {never:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn exact_and_prefix_matches_rank_before_typos_and_inner_matches() {
    let index = SearchIndex::build(&people());
    let hits = index.search(&Query::parse("Natalya"), None);
    assert_eq!(hits[0].score, 0, "an exact word scores best");
    let typo = index.search(&Query::parse("Shukima"), None);
    assert!(typo.iter().all(|h| h.score >= 2), "a typo never looks exact");
    let inner = index.search(&Query::parse("kevych"), None);
    assert_eq!(inner.iter().map(|h| h.case.0.0[0]).collect::<Vec<_>>(), [4], "a match inside a word");
    assert_eq!(inner[0].score, 3);
    let by = |q: &str| index.search(&Query::parse(q), None)[0].field;
    assert_eq!(by("0042"), Field::Code);
    assert_eq!(by("Лиса"), Field::Alias);
    assert_eq!(by("751234567"), Field::Document);
    assert_eq!(by("Shchukina"), Field::Name);
}

#[test]
fn typing_letter_by_letter_narrows_to_the_same_hits_as_a_fresh_search() {
    let entries = people();
    let index = SearchIndex::build(&entries);
    for q in ["Shchukina Iuliia", "Ievgeniia", "Qodirova", "Fyodorova", "msk-26-0042", "Müller"] {
        let mut searcher = Searcher::new(&entries);
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            let narrowed = searcher.search(&typed);
            let fresh = index.search(&Query::parse(&typed), None);
            let ids = |v: &[haven::search::Hit]| v.iter().map(|h| (h.case, h.score)).collect::<Vec<_>>();
            assert_eq!(ids(&narrowed), ids(&fresh), "{typed:?}");
        }
        // An unfinished digraph on the way still finds the person.
        if q.starts_with("Shch") {
            assert!(!searcher.search("Shc").is_empty());
        }
    }
}

#[test]
fn a_huge_or_empty_query_is_answered_at_once_with_nothing_or_a_bounded_search() {
    let entries: Vec<IndexEntry> = (0..5_000u32)
        .map(|i| person((i % 250) as u8, i + 1, "Лиса", if i % 2 == 0 { "Щукина Юлия" } else { "Иванова Мария" }, &[]))
        .collect();
    let mut searcher = Searcher::new(&entries);
    for q in ["", "   ", "!!! ... ,,, ---", "«»—–…", "\u{1b}[2J"] {
        let t = Instant::now();
        assert!(searcher.search(q).is_empty(), "{q:?}");
        assert!(t.elapsed() < Duration::from_secs(1));
    }
    let huge = "Юлия ".repeat(2_000) + &"x".repeat(2_000);
    let t = Instant::now();
    let hits = searcher.search(&huge);
    assert!(t.elapsed() < Duration::from_secs(2), "bounded: {:?}", t.elapsed());
    assert_eq!(hits.len(), 2_500, "the first words of a pasted page still search");
    assert_eq!(Query::parse(&huge).raw.chars().count(), haven::search::MAX_QUERY_CHARS);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Narrowing the earlier hits must give exactly what a fresh search gives,
    /// whatever is typed (digraphs, signs, digits, spaces, Backspace).
    #[test]
    fn narrowing_never_loses_or_invents_a_hit(typed in "[a-zA-ZЩщЮюЯяЁёЬьЪъЦцХхҚқӘәІіЇїЄє0-9 '-]{0,14}", back in 0usize..4) {
        let entries = people();
        let index = SearchIndex::build(&entries);
        let mut searcher = Searcher::new(&entries);
        let mut seen: Vec<String> = Vec::new();
        let mut t = String::new();
        for c in typed.chars() {
            t.push(c);
            seen.push(t.clone());
        }
        for _ in 0..back {
            t.pop();
            seen.push(t.clone());
        }
        for q in seen {
            let ids = |v: &[haven::search::Hit]| v.iter().map(|h| (h.case, h.score)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(ids(&searcher.search(&q)), ids(&index.search(&Query::parse(&q), None)), "{:?}", q);
        }
    }
}

mod with_a_store {
    use super::support::*;
    use haven::domain::user::Role;
    use haven::ops::case_list::index_entries;
    use haven::search::Searcher;

    fn demo_names(store: &haven::store::Store) -> Vec<String> {
        let mut out = Vec::new();
        for p in store.scan::<haven::domain::case::CasePrivate>().unwrap() {
            out.push(p.body.full_name());
        }
        out
    }

    #[test]
    fn names_and_documents_are_searched_only_for_the_case_key() {
        let (_dir, mut store) = centre(Some(40));
        assert!(demo_names(&store).iter().any(|n| n.starts_with("Щукина")), "the demo seeds a searchable name");
        let mut full = Searcher::new(&index_entries(&store).unwrap());
        let by_name = full.search("Shchukina");
        assert!(!by_name.is_empty());
        let alias = full.search("Лиса");
        store.set_user("desk", "Front Desk", Role::Reception, b"reception passphrase").unwrap();
        store.lock_session(haven::store::AuditAction::Logout);
        store.login("desk", b"reception passphrase").unwrap();
        let entries = index_entries(&store).unwrap();
        assert!(entries.iter().all(|e| e.names.is_empty() && e.documents.is_empty()), "nothing of the case part");
        let mut front = Searcher::new(&entries);
        assert!(front.search("Shchukina").is_empty(), "reception cannot find people by name");
        assert_eq!(front.search("Лиса").len(), alias.len(), "but finds them by alias");
        let code = entries[0].code.to_string();
        assert_eq!(front.search(&code).first().map(|h| h.case), Some(entries[0].case));
    }
}

mod in_the_console {
    use super::support::*;
    use haven::i18n::Lang;

    #[test]
    fn the_console_looks_again_within_milliseconds_while_hits_are_due() {
        let (_dir, store) = centre(Some(40));
        let mut app = app(store, Lang::En);
        press(&mut app, "F4");
        assert!(app.waiting(), "the rows are read on another thread");
        wait_for_background(&mut app);
        assert!(!app.waiting(), "nothing is due once the rows are in and nothing is typed");
        press(&mut app, "/");
        type_text(&mut app, "Лиса");
        assert!(app.waiting(), "the query went to the search thread and its hits are due");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while app.waiting() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
            app.tick();
        }
        assert!(!app.waiting(), "the hits were picked up");
        assert!(screen_text(&mut app, 200, 50).contains("Лиса"));
    }
}

mod from_the_shell {
    use super::common::*;

    fn demo(dir: &std::path::Path) -> std::path::PathBuf {
        let demo = dir.join("demo");
        let out = haven(&demo).args(["demo", "--no-console", "--cases", "40"]).output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        demo
    }

    fn find(dir: &std::path::Path, user: (&str, &str), query: &[&str]) -> std::process::Output {
        haven(dir).env("HAVEN_USER", user.0).env("HAVEN_PASSPHRASE", user.1).arg("find").args(query).output().unwrap()
    }

    #[test]
    fn haven_find_prints_one_line_per_case_with_the_users_rights() {
        let tmp = tempfile::tempdir().unwrap();
        let demo = demo(tmp.path());
        let out = find(&demo, ("caseworker", "haven-caseworker"), &["Щукина"]);
        assert!(out.status.success(), "{}", text(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(!lines.is_empty());
        for l in &lines {
            assert!(l.starts_with("DEM-"), "{l}");
            assert!(l.ends_with("name"), "{l}");
            assert!(!l.contains("Щукина") && !l.contains("SHCHUKINA"), "names are never printed: {l}");
        }
        // The same people in Latin, two words.
        let latin = find(&demo, ("caseworker", "haven-caseworker"), &["Shchukina", "Iuliia"]);
        let latin_out = String::from_utf8_lossy(&latin.stdout).to_string();
        assert!(!latin_out.is_empty() && latin_out.lines().count() <= lines.len(), "{latin_out}");
        // Reception: no names searched, and told so.
        let out = find(&demo, ("reception", "haven-reception"), &["Щукина"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(text(&out).contains("No case matches"), "{}", text(&out));
        assert!(text(&out).contains("only for case workers and managers"), "{}", text(&out));
        // By code, for everyone.
        let first = lines[0].split('\t').next().unwrap();
        let out = find(&demo, ("night", "haven-night"), &[first]);
        assert!(String::from_utf8_lossy(&out.stdout).lines().next().unwrap().starts_with(first));
    }

    #[test]
    fn haven_find_refuses_punctuation_and_survives_a_huge_query() {
        let tmp = tempfile::tempdir().unwrap();
        let demo = demo(tmp.path());
        let out = find(&demo, ("demo", "haven-demo"), &["!!!", "---"]);
        fails_with(&out, "Nothing to search for");
        let huge = "Ю".repeat(10_000);
        let out = find(&demo, ("demo", "haven-demo"), &[&huge]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(text(&out).contains("No case matches"));
    }
}

/// Issue 17, "Finding people": a query searches every case and the filters
/// narrow after; `/` again replaces the query; a code prefix ranks first;
/// `/` jumps the cursor on the arrivals and bed boards.
mod finding_people {
    use super::support::*;
    use haven::domain::case::{CaseFront, CasePrivate};
    use haven::domain::pickup::{Pickup, PickupStatus};
    use haven::i18n::Lang;
    use haven::search::{Query, SearchIndex};

    /// The header line of the case list (the line under the tabs).
    fn header(app: &mut haven::app::console::App) -> String {
        let screen = screen_text(app, 120, 30);
        screen.lines().find(|l| l.trim_start().starts_with("/ ")).unwrap_or_default().to_string()
    }

    #[test]
    fn a_query_finds_closed_and_departed_cases_and_the_filters_narrow_after() {
        let (_dir, store) = centre(Some(120));
        let fronts: Vec<CaseFront> = store.scan::<CaseFront>().unwrap().into_iter().map(|f| f.body).collect();
        let named: Vec<CaseFront> = store
            .scan::<CasePrivate>()
            .unwrap()
            .into_iter()
            .filter(|p| p.body.family_name == "Щукина")
            .filter_map(|p| fronts.iter().find(|f| f.id == p.body.case_id).cloned())
            .collect();
        let gone = named.iter().filter(|f| f.status.is_closed()).count();
        assert!(gone > 0 && gone < named.len(), "the demo has open and closed Щукина cases: {gone} of {}", named.len());
        let mut app = app(store, Lang::En);
        press(&mut app, "F4");
        wait_for_background(&mut app);
        press(&mut app, "/");
        type_text(&mut app, "Shchukina");
        wait_for_background(&mut app);
        let line = header(&mut app);
        assert!(line.contains(&format!("{} found", named.len())), "every case, closed ones too: {line}");
        assert!(!line.contains("hidden"), "{line}");
        assert!(line.contains("Showing: All cases"), "the filter in force is shown: {line}");
        assert!(screen_text(&mut app, 120, 30).contains("Closed"), "closed hits show their status");
        // Esc gives the keys back to the list; `s` narrows the hits.
        press(&mut app, "esc s");
        let line = header(&mut app);
        assert!(line.contains(&format!("{} found", named.len() - gone)), "{line}");
        assert!(line.contains("Showing: Active cases"), "{line}");
        assert!(line.contains(&format!("{gone} more hidden by the filters")), "{line}");
        // Leaving the search brings back the list's own filter.
        press(&mut app, "esc");
        assert!(screen_text(&mut app, 120, 30).contains("Showing: Active cases"));
    }

    #[test]
    fn slash_again_selects_the_query_so_that_typing_replaces_it() {
        let (_dir, store) = centre(Some(40));
        let mut app = app(store, Lang::En);
        press(&mut app, "F4");
        wait_for_background(&mut app);
        press(&mut app, "/");
        type_text(&mut app, "283");
        wait_for_background(&mut app);
        press(&mut app, "esc /");
        type_text(&mut app, "0282");
        wait_for_background(&mut app);
        let line = header(&mut app);
        assert!(line.starts_with("/ 0282"), "the query was replaced: {line}");
        assert!(!line.contains("2830282"), "{line}");
        // Backspace on a selected query clears it whole.
        press(&mut app, "esc / backspace");
        wait_for_background(&mut app);
        let line = header(&mut app);
        assert!(line.starts_with("/ ▏") || line.trim() == "/", "{line}");
    }

    #[test]
    fn a_code_prefix_ranks_the_codes_that_start_with_it_first() {
        let entry = |seq: u32| haven::search::IndexEntry {
            case: haven::domain::ids::CaseId(haven::domain::ids::Id([(seq % 250) as u8; 16])),
            code: haven::domain::case_code::CaseCode::new("MSK", 26, seq).unwrap(),
            alias: format!("A{seq}"),
            documents: vec![],
            names: vec![],
        };
        let mut entries: Vec<_> = (280..290).map(entry).collect();
        entries.push(entry(228));
        entries.push(entry(28));
        let index = SearchIndex::build(&entries);
        for q in ["26-028", "028", "MSK-26-028"] {
            let seqs: Vec<u32> = index
                .search(&Query::parse(q), None)
                .iter()
                .map(|h| entries.iter().find(|e| e.case == h.case).unwrap().code.seq)
                .collect();
            assert!(seqs.len() >= 10, "{q}: {seqs:?}");
            let mut first: Vec<u32> = seqs[..10].to_vec();
            first.sort();
            assert_eq!(first, (280..290).collect::<Vec<_>>(), "{q}: {seqs:?}");
        }
    }

    #[test]
    fn slash_on_the_arrivals_board_jumps_to_a_flight_alias_or_code() {
        let (_dir, store) = centre(Some(60));
        let today = now().date();
        let awaited: Vec<Pickup> = store
            .scan::<Pickup>()
            .unwrap()
            .into_iter()
            .map(|p| p.body)
            .filter(|p| p.scheduled.date() == today && p.status == PickupStatus::Scheduled)
            .collect();
        assert!(awaited.len() >= 2, "the demo has several pickups awaited today");
        let mut app = app(store, Lang::En);
        press(&mut app, "F2");
        // The last awaited pickup on the board, found by its flight.
        let screen = screen_text(&mut app, 160, 50);
        let target = awaited
            .iter()
            .filter(|p| screen.contains(&p.flight.to_string()))
            .filter(|p| awaited.iter().filter(|q| q.flight == p.flight).count() == 1)
            .max_by_key(|p| p.scheduled)
            .expect("an awaited flight of its own on the board")
            .clone();
        press(&mut app, "/");
        type_text(&mut app, &target.flight.to_string().to_lowercase());
        assert!(screen_text(&mut app, 160, 50).contains(&format!("/ {}", target.flight.to_string().to_lowercase())));
        press(&mut app, "enter m");
        let p = app.ctx.store().unwrap().get::<Pickup>(target.id.as_bytes()).unwrap().unwrap().body;
        assert_eq!(p.status, PickupStatus::Met, "the cursor was on the flight typed");
    }

    #[test]
    fn slash_on_the_bed_board_jumps_to_a_bed_room_alias_or_code() {
        let (_dir, store) = centre(Some(60));
        let snap = haven::ops::beds::Snapshot::load(&store, now().date()).unwrap();
        let last = snap.beds.iter().rev().find(|b| !b.retired).unwrap().label.clone();
        let occupied = snap
            .stays
            .iter()
            .find(|s| s.is_open())
            .and_then(|s| Some((snap.bed(s.bed_id)?.label.clone(), snap.cases.get(&s.case_id)?.code.to_string())))
            .expect("an occupied bed");
        let mut app = app(store, Lang::En);
        // The bottom line names the selected bed first: `<label> · …`.
        let detail_of = |app: &mut haven::app::console::App, label: &str| {
            screen_text(app, 160, 50).lines().any(|l| l.trim_start().starts_with(&format!("{label} · ")))
        };
        press(&mut app, "F3");
        assert!(!detail_of(&mut app, &last), "the cursor starts elsewhere");
        press(&mut app, "/");
        type_text(&mut app, &last);
        press(&mut app, "enter");
        assert!(detail_of(&mut app, &last), "the selected bed is the one typed:\n{}", screen_text(&mut app, 160, 50));
        press(&mut app, "/");
        type_text(&mut app, &occupied.1);
        press(&mut app, "enter");
        assert!(detail_of(&mut app, &occupied.0), "the bed of the code typed:\n{}", screen_text(&mut app, 160, 50));
    }

    /// The `/` prompt on both boards, and a query selected by `/` again, in
    /// English and Russian at 80×24.
    #[test]
    fn the_jump_prompts_and_a_selected_query() {
        for lang in [Lang::En, Lang::Ru] {
            let (_dir, store) = centre(Some(60));
            let mut app = app(store, lang);
            press(&mut app, "F2 /");
            type_text(&mut app, "su");
            insta::assert_snapshot!(format!("jump_arrivals_{}", lang.code()), render(&mut app, 80, 24).backend());
            press(&mut app, "backspace");
            type_text(&mut app, "zx");
            insta::assert_snapshot!(
                format!("jump_arrivals_missed_{}", lang.code()),
                render(&mut app, 80, 24).backend()
            );
            press(&mut app, "esc F3 /");
            type_text(&mut app, "10");
            insta::assert_snapshot!(format!("jump_beds_{}", lang.code()), render(&mut app, 80, 24).backend());
            press(&mut app, "esc F4");
            wait_for_background(&mut app);
            press(&mut app, "/");
            type_text(&mut app, "Natalya");
            wait_for_background(&mut app);
            press(&mut app, "esc /");
            insta::assert_snapshot!(format!("query_selected_{}", lang.code()), render(&mut app, 80, 24).backend());
        }
    }

    /// Reception finds a closed case by its code (people come back), but
    /// never by a legal name: the index holds none for that role.
    #[test]
    fn reception_finds_a_closed_case_by_code_but_never_by_name() {
        use haven::domain::user::Role;
        let (_dir, mut store) = centre(Some(120));
        let closed = store
            .scan::<CaseFront>()
            .unwrap()
            .into_iter()
            .map(|f| f.body)
            .find(|f| f.status.is_closed())
            .expect("a closed case in the demo");
        store.set_user("desk", "Front Desk", Role::Reception, b"reception passphrase").unwrap();
        store.lock_session(haven::store::AuditAction::Logout);
        store.login("desk", b"reception passphrase").unwrap();
        let mut app = app(store, Lang::En);
        press(&mut app, "F4");
        wait_for_background(&mut app);
        press(&mut app, "/");
        type_text(&mut app, &closed.code.to_string());
        wait_for_background(&mut app);
        let screen = screen_text(&mut app, 120, 30);
        assert!(header(&mut app).contains("1 found"), "{screen}");
        assert!(screen.lines().any(|l| l.starts_with(&closed.code.to_string()) && l.contains("Closed")), "{screen}");
        press(&mut app, "esc /");
        type_text(&mut app, "Shchukina");
        wait_for_background(&mut app);
        assert!(header(&mut app).contains("0 found"), "no name is searched for reception: {}", header(&mut app));
    }
}
