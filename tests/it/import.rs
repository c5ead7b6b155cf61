#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Imports as a centre brings its old spreadsheets: Russian or English
//! headings, names in their script, a file checked whole before anything is
//! written, the same file imported twice adding nothing, Windows-1251
//! decoded or refused clearly, bad rows named by line and reason, and
//! batches of writes each with its audit event.

use crate::common;
use crate::support;

use std::path::PathBuf;

use chrono::NaiveDate;
use haven::domain::case::{CaseFront, CasePrivate, CaseStatus, ExploitationType};
use haven::domain::consent::{Consent, ConsentPurpose};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::domain::referral::{Organisation, OrganisationType};
use haven::domain::rooms::{Bed, Room, Wing};
use haven::domain::service::ServiceItem;
use haven::i18n::{I18n, Lang};
use haven::ops::import::file::sheet::{Encoding, EncodingChoice};
use haven::ops::import::file::{Kind, Problem};
use haven::ops::import::{FileFormat, ImportError, ImportOptions, Imported, import};
use haven::store::{AuditAction, Store};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).unwrap()
}

fn today() -> NaiveDate {
    support::now().date()
}

fn opts(kind: Kind) -> ImportOptions {
    ImportOptions {
        kind,
        format: FileFormat::Csv,
        encoding: EncodingChoice::Auto,
        delimiter: None,
        skip_bad: false,
        today: today(),
    }
}

fn import_csv(store: &Store, kind: Kind, bytes: &[u8]) -> Result<Imported, ImportError> {
    import(store, bytes, &opts(kind), &mut |_| {})
}

fn live<T: haven::store::Record>(store: &Store) -> Vec<T> {
    store.scan::<T>().unwrap().into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
}

fn case(store: &Store, code: &str) -> (CaseFront, CasePrivate) {
    let f = live::<CaseFront>(store).into_iter().find(|c| c.code.to_string() == code).unwrap();
    let p = live::<CasePrivate>(store).into_iter().find(|p| p.case_id == f.id).unwrap();
    (f, p)
}

fn messages(e: &ImportError, lang: Lang) -> String {
    e.messages(&I18n::new(lang)).join("\n")
}

#[test]
fn a_russian_spreadsheet_comes_in_with_names_in_their_script() {
    let (_dir, store) = support::centre(None);
    let done = import_csv(&store, Kind::Cases, &fixture("cases_ok.csv")).unwrap();
    assert_eq!((done.rows, done.created, done.existing), (4, 4, 0));
    assert!(done.bad.is_empty() && done.ignored_columns.is_empty(), "{done:?}");
    assert_eq!(done.encoding, Some(Encoding::Utf8));
    assert_eq!(done.not_housed, 1, "in residence without a bed comes in as arrived");

    let (f, p) = case(&store, "MSK-25-0101");
    assert_eq!((f.alias.as_str(), f.gender, f.status), ("Ромашка", Gender::Feminine, CaseStatus::Closed));
    assert_eq!(
        (p.family_name.as_str(), p.given_names.as_str(), p.patronymic.as_str()),
        ("Иванова", "Мария", "Петровна")
    );
    assert_eq!(p.latin, "IVANOVA MARIIA PETROVNA");
    assert_eq!(p.date_of_birth, NaiveDate::from_ymd_opt(1999, 3, 12));
    assert_eq!(f.age, AgeBasis::DateOfBirth(NaiveDate::from_ymd_opt(1999, 3, 12).unwrap()));
    assert_eq!(f.age_group, AgeGroup::Adult);
    assert_eq!(p.citizenship[0].as_str(), "UZ");
    assert_eq!(p.trafficking.exploitation, [ExploitationType::ForcedLabour]);
    assert_eq!(p.trafficking.country_of_exploitation[0].as_str(), "RU");

    let (f, p) = case(&store, "MSK-25-0102");
    assert_eq!(f.status, CaseStatus::Departed);
    assert_eq!(p.family_name, "Каримова");
    assert_eq!(p.trafficking.exploitation, [ExploitationType::SexualExploitation, ExploitationType::ForcedLabour]);
    let (_, p) = case(&store, "MSK-25-0103");
    assert_eq!(p.date_of_birth, NaiveDate::from_ymd_opt(1990, 1, 1), "01/01/90 is 1990, not 2090");
    let (f, p) = case(&store, "MSK-26-0042");
    assert_eq!((f.status, f.arrived_on), (CaseStatus::Arrived, NaiveDate::from_ymd_opt(2026, 11, 20)));
    assert_eq!(p.family_name, "O'Neil");
    assert_eq!(p.notes, "note; with a semicolon\r\nand a second line");

    // Every imported case carries the twelve-item checklist, and the consents the file records.
    assert_eq!(live::<ServiceItem>(&store).len(), 4 * 12);
    let consents = live::<Consent>(&store);
    let stats: Vec<bool> =
        consents.iter().filter(|c| c.purpose == ConsentPurpose::AnonymisedStatistics).map(|c| c.given).collect();
    assert_eq!(stats.iter().filter(|g| **g).count(), 2);
    assert_eq!(stats.iter().filter(|g| !**g).count(), 1);
    assert_eq!(consents.iter().filter(|c| c.purpose == ConsentPurpose::DataProcessing).count(), 4);
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let (_dir, store) = support::centre(None);
    import_csv(&store, Kind::Cases, &fixture("cases_ok.csv")).unwrap();
    let before = (live::<CaseFront>(&store).len(), live::<ServiceItem>(&store).len(), live::<Consent>(&store).len());
    let again = import_csv(&store, Kind::Cases, &fixture("cases_ok.csv")).unwrap();
    assert_eq!((again.created, again.existing, again.commits), (0, 4, 0));
    let after = (live::<CaseFront>(&store).len(), live::<ServiceItem>(&store).len(), live::<Consent>(&store).len());
    assert_eq!(before, after);
    for (kind, file) in [(Kind::Organisations, "organisations.csv"), (Kind::Rooms, "rooms.csv")] {
        let first = import_csv(&store, kind, &fixture(file)).unwrap();
        let second = import_csv(&store, kind, &fixture(file)).unwrap();
        assert_eq!((second.created, second.existing), (0, first.created), "{kind:?}");
    }
    assert_eq!(live::<Organisation>(&store).len(), 3);
    assert_eq!(live::<Room>(&store).len(), 3);
    assert_eq!(live::<Bed>(&store).len(), 6);
}

#[test]
fn one_bad_row_and_nothing_is_written() {
    let (_dir, store) = support::centre(None);
    let before = store.audit_events().unwrap().len();
    let err = import_csv(&store, Kind::Cases, &fixture("cases_one_bad.csv")).unwrap_err();
    let ImportError::Rows { bad, total } = &err else { panic!("{err:?}") };
    assert_eq!((bad.len(), *total), (1, 3));
    assert_eq!(bad[0].line, 3);
    assert!(matches!(&bad[0].problems[..], [Problem::BadDate { value, .. }] if value == "12th March"));
    let text = messages(&err, Lang::En);
    assert!(text.contains("line 3: arrived_on: not a date"), "{text}");
    assert!(!text.contains("12th March"), "the value stays out of the messages: {text}");
    assert!(text.contains("Nothing was written"), "{text}");
    let ru = messages(&err, Lang::Ru);
    assert!(ru.contains("строка 3") && ru.contains("не дата") && ru.contains("Ничего не записано"), "{ru}");
    assert!(live::<CaseFront>(&store).is_empty(), "nothing half-imported");
    assert_eq!(store.audit_events().unwrap().len(), before, "not even an audit event");
}

#[test]
fn skip_bad_imports_the_good_rows_and_keeps_the_bad_ones() {
    let (_dir, store) = support::centre(None);
    let mut o = opts(Kind::Cases);
    o.skip_bad = true;
    let done = import(&store, &fixture("cases_one_bad.csv"), &o, &mut |_| {}).unwrap();
    assert_eq!((done.created, done.bad.len()), (2, 1));
    assert_eq!(done.bad[0].cells[0], "MSK-25-0202");
    let codes: Vec<String> = live::<CaseFront>(&store).iter().map(|c| c.code.to_string()).collect();
    assert!(codes.contains(&"MSK-25-0201".to_string()) && !codes.contains(&"MSK-25-0202".to_string()));
}

#[test]
fn windows_1251_is_decoded_and_said_so_or_refused_clearly() {
    let (_dir, store) = support::centre(None);
    let bytes = fixture("cases_1251.csv");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is not UTF-8");
    let mut o = opts(Kind::Cases);
    o.encoding = EncodingChoice::Utf8;
    let err = import(&store, &bytes, &o, &mut |_| {}).unwrap_err();
    assert!(messages(&err, Lang::En).contains("not UTF-8 text"), "{}", messages(&err, Lang::En));
    assert!(messages(&err, Lang::En).contains("--encoding windows-1251"));
    let done = import_csv(&store, Kind::Cases, &bytes).unwrap();
    assert_eq!(done.encoding, Some(Encoding::Windows1251));
    let (_, p) = case(&store, "MSK-24-0001");
    assert_eq!((p.family_name.as_str(), p.given_names.as_str()), ("Щукина", "Юлия"));
    let (_, p) = case(&store, "MSK-24-0002");
    assert_eq!(p.family_name, "Ёлкина");
    assert_eq!(p.citizenship[0].as_str(), "BY");
    // A Latin-1 file is neither: refused, nothing written.
    let (_dir2, other) = support::centre(None);
    let err = import_csv(&other, Kind::Cases, &fixture("cases_latin1.csv")).unwrap_err();
    assert!(matches!(&err, ImportError::File(p) if p == &[Problem::Encoding { line: 2, byte: 45 }]), "{err:?}");
    assert!(messages(&err, Lang::En).contains("neither UTF-8 nor recognisable Windows-1251"));
    assert!(live::<CaseFront>(&other).is_empty());
}

#[test]
fn a_missing_column_and_a_duplicate_row_are_named() {
    let (_dir, store) = support::centre(None);
    let err = import_csv(&store, Kind::Cases, &fixture("cases_missing_code.csv")).unwrap_err();
    let text = messages(&err, Lang::En);
    assert!(text.contains("no code column") && text.contains("case code"), "{text}");
    let ru = messages(&err, Lang::Ru);
    assert!(ru.contains("нет столбца code") && ru.contains("код дела"), "{ru}");
    let err = import_csv(&store, Kind::Cases, &fixture("cases_duplicate.csv")).unwrap_err();
    let text = messages(&err, Lang::En);
    assert!(text.contains("line 4: the same row as line 2"), "{text}");
    assert!(live::<CaseFront>(&store).is_empty());
    let err =
        import_csv(&store, Kind::Cases, b"code;gender;citizenship;date_of_birth\nMSK-X;robot;Narnia;2090-01-01\n")
            .unwrap_err();
    let text = messages(&err, Lang::En);
    for part in [
        "code: not a case code",
        "gender: not one of feminine, masculine",
        "citizenship: not a country",
        "date of birth is after the arrival",
    ] {
        assert!(text.contains(part), "{part} missing in {text}");
    }
    for value in ["MSK-X", "robot", "Narnia"] {
        assert!(!text.contains(value), "{value} is a value of the file: {text}");
    }
}

#[test]
fn xlsx_with_typed_dates_comes_in_too() {
    let (dir, store) = support::centre(None);
    let path = dir.path().join("old.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Дела").unwrap();
    for (c, h) in ["Код дела", "Фамилия", "Имя", "Дата прибытия", "Возраст", "Пол"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 6, 1).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    ws.write_string(1, 0, "MSK-25-0500").unwrap();
    ws.write_string(1, 1, "Петрова").unwrap();
    ws.write_string(1, 2, "Ольга").unwrap();
    ws.write_datetime_with_format(1, 3, &date, &fmt).unwrap();
    ws.write_number(1, 4, 17.0).unwrap();
    ws.write_string(1, 5, "Ж").unwrap();
    wb.save(&path).unwrap();
    let mut o = opts(Kind::Cases);
    o.format = FileFormat::Xlsx;
    let done = import(&store, &std::fs::read(&path).unwrap(), &o, &mut |_| {}).unwrap();
    assert_eq!(done.created, 1);
    let (f, p) = case(&store, "MSK-25-0500");
    assert_eq!(f.arrived_on, NaiveDate::from_ymd_opt(2025, 6, 1));
    assert_eq!(f.age, AgeBasis::Estimated { years: 17, on: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() });
    assert_eq!(f.age_group, AgeGroup::Minor);
    assert_eq!(p.family_name, "Петрова");
}

#[test]
fn organisations_and_rooms_with_their_beds() {
    let (_dir, store) = support::centre(None);
    let done = import_csv(&store, Kind::Organisations, &fixture("organisations.csv")).unwrap();
    assert_eq!(done.created, 3);
    let orgs = live::<Organisation>(&store);
    let hospital = orgs.iter().find(|o| o.name == "Городская больница №1").unwrap();
    assert_eq!((hospital.kind, hospital.country.map(|c| c.to_string())), (OrganisationType::Health, Some("RU".into())));
    assert_eq!(hospital.services.len(), 1);
    assert_eq!(orgs.iter().find(|o| o.name == "Police, department 5").unwrap().kind, OrganisationType::LawEnforcement);

    let done = import_csv(&store, Kind::Rooms, &fixture("rooms.csv")).unwrap();
    assert_eq!((done.created, done.beds), (3, 6));
    let rooms = live::<Room>(&store);
    let women = rooms.iter().find(|r| r.name == "101").unwrap();
    assert_eq!((women.wing, women.floor, women.accessible), (Wing::Women, 1, true));
    let mut labels: Vec<String> = live::<Bed>(&store).into_iter().map(|b| b.label).collect();
    labels.sort();
    assert_eq!(labels, ["101A", "101B", "102A", "102B", "102C", "201A"]);
    // A new room may not take a bed label another room has.
    let err = import_csv(&store, Kind::Rooms, "room;wing;beds\n301;any;102A, 301B\n".as_bytes()).unwrap_err();
    assert!(
        messages(&err, Lang::En).contains("line 2: a bed label another room already uses"),
        "{}",
        messages(&err, Lang::En)
    );
}

#[test]
fn big_files_go_in_batches_each_with_one_audit_event() {
    let (_dir, store) = support::centre(None);
    let mut csv = String::from("code;family_name;given_names;gender;arrived_on\n");
    for n in 1..=50 {
        csv.push_str(&format!("MSK-25-{n:04};Фамилия{n};Имя;F;2025-01-15\n"));
    }
    let before = store.audit_events().unwrap().len();
    let mut seen = Vec::new();
    let done = import(&store, csv.as_bytes(), &opts(Kind::Cases), &mut |n| seen.push(n)).unwrap();
    assert_eq!((done.created, done.commits), (50, 3), "about 300 records per commit: 20 cases of 15");
    assert_eq!(seen, [20, 40, 50]);
    let events: Vec<_> = store.audit_events().unwrap().into_iter().skip(before).filter_map(|(_, e)| e).collect();
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e.action == AuditAction::Import));
    assert_eq!(events[0].summary, "cases created=20 batch=1/3 rows=50 existing=0 bad=0");
    assert!(events.iter().all(|e| !e.summary.contains("Фамилия")), "counts, never content");
}

#[test]
fn imported_codes_move_the_sequence_on() {
    let (_dir, store) = support::centre(None);
    import_csv(&store, Kind::Cases, b"code;gender\nMSK-26-0042;F\n").unwrap();
    let draft = live::<CaseFront>(&store).remove(0);
    let next = haven::ops::cases::create_case(&store, &draft, today()).unwrap();
    assert_eq!(next.code.to_string(), "MSK-26-0043");
}

#[test]
fn who_may_import_what() {
    let (_dir, mut store) = support::centre(None);
    store.set_user("desk", "Reception", haven::domain::user::Role::Reception, b"reception passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("desk", b"reception passphrase").unwrap();
    for (kind, file) in
        [(Kind::Cases, "cases_ok.csv"), (Kind::Rooms, "rooms.csv"), (Kind::Organisations, "organisations.csv")]
    {
        let err = import_csv(&store, kind, &fixture(file)).unwrap_err();
        assert!(messages(&err, Lang::En).contains("Permission denied"), "{kind:?}");
    }
}

#[test]
fn haven_import_reports_lines_and_writes_the_bad_rows_with_skip_bad() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    common::init(&centre);
    let file = dir.path().join("people.csv");
    std::fs::write(&file, fixture("cases_one_bad.csv")).unwrap();
    let out = common::haven(&centre).args(["import", "--kind", "cases"]).arg(&file).output().unwrap();
    common::fails_with(&out, "line 3: arrived_on: not a date");
    let out = common::haven(&centre)
        .args(["import", "--format", "csv", "--kind", "cases", "--skip-bad"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out));
    let t = common::text(&out);
    assert!(t.contains("Cases: 2 imported, 0 already in Haven"), "{t}");
    let bad = dir.path().join("people.bad.csv");
    let bad_text = std::fs::read_to_string(&bad).unwrap();
    assert!(bad_text.contains("MSK-25-0202") && bad_text.contains("is not a date"), "{bad_text}");
    assert!(!bad_text.contains("MSK-25-0201"));
    let again = common::haven(&centre).args(["import", "--kind", "cases", "--skip-bad"]).arg(&file).output().unwrap();
    assert!(common::text(&again).contains("0 imported, 2 already in Haven"), "{}", common::text(&again));
    let w1251 = dir.path().join("old.csv");
    std::fs::write(&w1251, fixture("cases_1251.csv")).unwrap();
    let out = common::haven(&centre).args(["import", "--kind", "cases"]).arg(&w1251).output().unwrap();
    let said = common::text(&out);
    assert!(said.contains("read as Windows-1251"), "{said}");
    // It says what to check: the columns with Cyrillic text, and where it starts.
    assert!(said.contains("Фамилия, Имя, Пол, Гражданство (the first such text is on line 2)"), "{said}");
    let out =
        common::haven(&centre).args(["import", "--kind", "cases", "--encoding", "utf8"]).arg(&w1251).output().unwrap();
    common::fails_with(&out, "not UTF-8");
}

#[test]
fn an_export_reads_back_in_as_the_same_cases() {
    let (dir, store) = support::centre(None);
    import_csv(&store, Kind::Cases, &fixture("cases_ok.csv")).unwrap();
    let en = I18n::new(Lang::Ru);
    let o = haven::ops::export::ExportOptions {
        format: haven::ops::export::Format::Csv,
        kind: "cases",
        identifying: true,
        csv: haven::report::csv_file::CsvStyle::default(),
        i18n: &en,
        today: today(),
        exported_at: String::new(),
    };
    let out = dir.path().join("cases.csv");
    haven::ops::export::export(&store, &out, &o, &mut |_| {}).unwrap();
    let (_dir2, fresh) = support::centre(None);
    let done = import_csv(&fresh, Kind::Cases, &std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(done.created, 4);
    assert!(done.ignored_columns.contains(&"latin".to_string()), "{:?}", done.ignored_columns);
    for code in ["MSK-25-0101", "MSK-25-0102", "MSK-25-0103", "MSK-26-0042"] {
        let (a, pa) = case(&store, code);
        let (b, pb) = case(&fresh, code);
        assert_eq!((a.alias, a.gender, a.status, a.arrived_on), (b.alias, b.gender, b.status, b.arrived_on), "{code}");
        assert_eq!(
            (pa.full_name(), pa.citizenship, pa.trafficking.exploitation),
            (pb.full_name(), pb.citizenship, pb.trafficking.exploitation)
        );
    }
}

// ---------------------------------------------------------------------------
// Issue 16, items 4 and 5: files that are not what they seem, and values kept
// out of the messages.

#[test]
fn an_unbalanced_quote_is_refused_at_the_line_where_it_opened() {
    let (_dir, store) = support::centre(None);
    let head = "code;alias;family_name;given_names\nMSK-25-0001;Rose;Testova;Anna\n";
    // A quote left open to the end of the file, and one that closes two rows
    // later: four rows would become two, row 2's alias holding the names of
    // rows 3 and 4, which reception can read.
    for tail in [
        "MSK-25-0002;\"Lily;Testova;Maria\nMSK-25-0003;Iris;Petrova;Olga\nMSK-25-0004;Fern;Sidorova;Irina\n",
        "MSK-25-0002;\"Lily;Testova;Maria\nMSK-25-0003;Iris;Petrova;Olga\nMSK-25-0004;Fern\";Sidorova;Irina\n",
    ] {
        for skip_bad in [false, true] {
            let mut o = opts(Kind::Cases);
            o.skip_bad = skip_bad;
            let err = import(&store, format!("{head}{tail}").as_bytes(), &o, &mut |_| {}).unwrap_err();
            assert!(matches!(&err, ImportError::File(p) if p == &[Problem::OpenQuote { line: 3 }]), "{err:?}");
            let text = messages(&err, Lang::En);
            assert!(text.contains("Line 3: a quoted cell opens here"), "{text}");
            assert!(!text.contains("Petrova") && !text.contains("Lily"), "{text}");
            assert!(live::<CaseFront>(&store).is_empty(), "nothing imported");
        }
    }
    // A cell past any note's length is refused the same way.
    let long = format!("{head}MSK-25-0002;\"{}\"\n", "x\n".repeat(40_000));
    let err = import_csv(&store, Kind::Cases, long.as_bytes()).unwrap_err();
    assert!(matches!(&err, ImportError::File(p) if p == &[Problem::OpenQuote { line: 3 }]), "{err:?}");
    // A note written on two lines is still a note.
    let fine = format!("{head}MSK-25-0002;\"two\nlines; fine\";Petrova;Olga\nMSK-25-0003;Iris;Sidorova;Irina\n");
    assert_eq!(import_csv(&store, Kind::Cases, fine.as_bytes()).unwrap().created, 3);
}

#[test]
fn short_rows_and_cells_past_the_last_heading_are_refused_by_line() {
    let (_dir, store) = support::centre(None);
    let csv = "code;family_name;given_names\nMSK-25-0001;Testova;Anna\nMSK-25-0002;Testova\n\
               MSK-25-0003;Petrova;Olga;Sidorova\nMSK-25-0004;Sidorova;Irina;;\n";
    let err = import_csv(&store, Kind::Cases, csv.as_bytes()).unwrap_err();
    let ImportError::Rows { bad, total } = &err else { panic!("{err:?}") };
    assert_eq!(*total, 4);
    assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [3, 4], "trailing empty cells are fine");
    assert_eq!(bad[0].problems, [Problem::ShortRow { cells: 2, headings: 3 }]);
    assert_eq!(bad[1].problems, [Problem::ExtraCells { cells: 4, headings: 3 }]);
    let text = messages(&err, Lang::En);
    assert!(text.contains("line 3: the row has 2 cells but the heading row has 3"), "{text}");
    assert!(text.contains("line 4: the row has filled cells past the last heading"), "{text}");
    assert!(live::<CaseFront>(&store).is_empty());
}

#[test]
fn bytes_that_are_not_utf8_are_named_by_line_and_byte() {
    let (_dir, store) = support::centre(None);
    let bytes = b"code;family_name\nMSK-25-0001;Testova\nMSK-25-0002;Te\xffst\n";
    let err = import_csv(&store, Kind::Cases, bytes).unwrap_err();
    assert!(matches!(&err, ImportError::File(p) if p == &[Problem::Encoding { line: 3, byte: 52 }]), "{err:?}");
    assert!(messages(&err, Lang::En).contains("Line 3, byte 52 of the file"), "{}", messages(&err, Lang::En));
    let mut o = opts(Kind::Cases);
    o.encoding = EncodingChoice::Utf8;
    let err = import(&store, bytes, &o, &mut |_| {}).unwrap_err();
    assert!(matches!(&err, ImportError::File(p) if p == &[Problem::NotUtf8 { line: 3, byte: 52 }]), "{err:?}");
    assert!(messages(&err, Lang::Ru).contains("Строка 3, байт 52"), "{}", messages(&err, Lang::Ru));
}

#[test]
fn utf16_without_its_byte_order_mark_is_read_or_refused_as_such() {
    let text = "code;family_name;given_names\nMSK-25-0001;Щукина;Юлия\nMSK-25-0002;Testova;Anna\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    for bytes in [le, be] {
        let (_dir, store) = support::centre(None);
        let done = import_csv(&store, Kind::Cases, &bytes).unwrap();
        assert_eq!((done.created, done.encoding), (2, Some(Encoding::Utf16)));
        assert_eq!(case(&store, "MSK-25-0001").1.family_name, "Щукина");
    }
    let (_dir, store) = support::centre(None);
    let err = import_csv(&store, Kind::Cases, b"code\0;\0\0\0x\nMSK").unwrap_err();
    assert!(matches!(&err, ImportError::File(p) if p == &[Problem::NotText]), "{err:?}");
    assert!(messages(&err, Lang::En).contains("UTF-16"), "{}", messages(&err, Lang::En));
}

#[test]
fn skip_bad_with_every_row_bad_is_a_refusal() {
    let (_dir, store) = support::centre(None);
    let mut o = opts(Kind::Cases);
    o.skip_bad = true;
    let err = import(&store, b"code;arrived_on\nMSK-25-0001;soon\nMSK-25-0002;later\n", &o, &mut |_| {}).unwrap_err();
    assert!(matches!(&err, ImportError::Rows { bad, total: 2 } if bad.len() == 2), "{err:?}");
    assert!(messages(&err, Lang::En).contains("None of the 2 rows can be imported"), "{}", messages(&err, Lang::En));
}

#[test]
fn haven_import_keeps_values_off_standard_error_and_in_a_private_bad_rows_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    common::init(&centre);
    let file = dir.path().join("people.csv");
    std::fs::write(&file, "code;family_name;date_of_birth\nMSK-25-0001;Testova;Petrova Maria\n").unwrap();
    for extra in [&[][..], &["--skip-bad"][..]] {
        let bad = dir.path().join("people.bad.csv");
        let _ = std::fs::remove_file(&bad);
        let out = common::haven(&centre).args(["import", "--kind", "cases"]).args(extra).arg(&file).output().unwrap();
        common::fails_with(&out, "line 2: date_of_birth: not a date");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("Petrova") && !err.contains("Testova"), "a value on standard error: {err}");
        let kept = std::fs::read_to_string(&bad).unwrap();
        assert!(kept.contains("Petrova Maria;\"date_of_birth: \"\"Petrova Maria\"\" is not a date"), "{kept}");
        let mode = std::fs::metadata(&bad).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the bad-rows file is the user's alone");
    }
    // An older bad-rows file readable by others is made private too.
    let bad = dir.path().join("people.bad.csv");
    std::fs::set_permissions(&bad, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = common::haven(&centre).args(["import", "--kind", "cases"]).arg(&file).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::metadata(&bad).unwrap().permissions().mode() & 0o777, 0o600);
}
