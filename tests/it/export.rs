#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Exports as a manager makes them: CSV that Excel opens safely (byte-order
//! mark, delimiter, formulas made inert), XLSX with typed cells, JSON for
//! migration, and the CTDC dataset: its columns and values, consent, and
//! k-anonymity; each with its audit event, and refused to other roles.

use crate::common;
use crate::support;

use std::collections::HashMap;

use chrono::NaiveDate;
use haven::domain::case::{
    CaseFront, CasePrivate, CaseStatus, Document, DocumentKind, DocumentLocation, ExploitationType as E,
    MeansOfControl as M, RecruiterRelation, RecruitmentMethod, TraffickingStatus,
};
use haven::domain::case_code::CaseCode;
use haven::domain::consent::{Consent, ConsentPurpose};
use haven::domain::country::CountryCode;
use haven::domain::ids::{CaseId, ConsentId, Id};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::i18n::{I18n, Lang};
use haven::ops::export::{ExportOptions, Exported, Format, export};
use haven::report::csv_file::{BOM, CsvStyle};
use haven::report::ctdc::{COLUMNS, QUASI_IDENTIFIERS};
use haven::store::{AuditAction, AuditEntry, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A person of the synthetic dataset.
#[derive(Clone)]
struct P {
    gender: Gender,
    age: u8,
    citizenship: &'static str,
    exploited_in: &'static str,
    exploitation: Vec<E>,
    means: Vec<M>,
    statistics: Option<bool>,
    processing: Option<bool>,
    alias: String,
}

impl P {
    fn woman_uz() -> P {
        P {
            gender: Gender::Feminine,
            age: 19,
            citizenship: "UZ",
            exploited_in: "RU",
            exploitation: vec![E::ForcedLabour, E::DomesticServitude],
            means: vec![M::DebtBondage, M::ThreatensFamily],
            statistics: Some(true),
            processing: Some(true),
            alias: "Tulip".into(),
        }
    }
}

/// Writes cases numbered from 1, each arrived on 1 March 2026.
fn put(store: &Store, people: &[P]) {
    store
        .commit(AuditEntry::new(AuditAction::Create, "test data"), |tx| {
            for (i, p) in people.iter().enumerate() {
                let n = u32::try_from(i + 1).unwrap();
                let id = CaseId::from(Id([0x10, (n >> 8) as u8, n as u8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
                let arrived = d(2026, 3, 1);
                tx.put(CaseFront {
                    id,
                    code: CaseCode::new("MSK", 26, n).unwrap(),
                    alias: p.alias.clone(),
                    gender: p.gender,
                    age: AgeBasis::Estimated { years: p.age, on: arrived },
                    age_group: AgeGroup::Unknown,
                    languages: vec!["uz".into()],
                    interpreter_needed: true,
                    special_needs: "+7 999 000-00-00".into(),
                    status: CaseStatus::InResidence,
                    high_risk: false,
                    arrived_on: Some(arrived),
                    worker: None,
                })?;
                let mut file = CasePrivate::new(id);
                file.family_name = format!("Familyname{n}");
                file.given_names = "Given".into();
                file.date_of_birth = Some(d(2007, 1, 1));
                file.citizenship = vec![CountryCode::parse(p.citizenship).unwrap()];
                file.documents = vec![Document {
                    kind: DocumentKind::Passport,
                    number: format!("AA{n:07}"),
                    issuing_country: None,
                    issued_on: None,
                    expires_on: Some(d(2030, 1, 1)),
                    location: DocumentLocation::HeldByCentre,
                }];
                file.notes = "free text that must never reach CTDC".into();
                file.trafficking.status = TraffickingStatus::ConfirmedVictim;
                file.trafficking.exploitation = p.exploitation.clone();
                file.trafficking.means_of_control = p.means.clone();
                file.trafficking.relationship = Some(RecruiterRelation::Friend);
                file.trafficking.recruitment = Some(RecruitmentMethod::JobOffer);
                file.trafficking.country_of_exploitation = vec![CountryCode::parse(p.exploited_in).unwrap()];
                file.refresh_latin();
                tx.put(file)?;
                for (k, (purpose, given)) in [
                    (ConsentPurpose::AnonymisedStatistics, p.statistics),
                    (ConsentPurpose::DataProcessing, p.processing),
                ]
                .into_iter()
                .enumerate()
                {
                    if let Some(given) = given {
                        tx.put(Consent {
                            id: ConsentId::from(Id([
                                0x20,
                                (n >> 8) as u8,
                                n as u8,
                                k as u8,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                1,
                            ])),
                            case_id: id,
                            purpose,
                            given,
                            date: arrived,
                            recorded_by: "anna".into(),
                            withdrawn_on: None,
                        })?;
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}

fn opts<'a>(format: Format, i18n: &'a I18n, kind: &'a str) -> ExportOptions<'a> {
    ExportOptions {
        format,
        kind,
        identifying: false,
        csv: CsvStyle::default(),
        i18n,
        today: support::now().date(),
        exported_at: "2026-12-01T09:30:00".into(),
    }
}

fn run(store: &Store, format: Format, kind: &str, out: &std::path::Path) -> Exported {
    let en = I18n::new(Lang::En);
    export(store, out, &opts(format, &en, kind), &mut |_| {}).unwrap()
}

/// Reads a CSV export: its rows as maps from heading to cell.
fn read_csv(path: &std::path::Path, delimiter: u8) -> Vec<HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(body);
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records().map(|rec| headers.iter().cloned().zip(rec.unwrap().iter().map(str::to_string)).collect()).collect()
}

#[test]
fn csv_opens_in_excel_and_never_runs_a_formula() {
    let (dir, store) = support::centre(None);
    let mut hostile = P::woman_uz();
    hostile.alias = "=HYPERLINK(\"http://x.example\",\"click\")".into();
    let mut at = P::woman_uz();
    at.alias = "@SUM(1+1)".into();
    put(&store, &[hostile, at, P::woman_uz()]);
    let out = dir.path().join("cases.csv");
    let done = run(&store, Format::Csv, "cases", &out);
    assert_eq!(done.files, [(out.clone(), 3)]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(BOM), "UTF-8 with a byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let head = text.lines().next().unwrap();
    assert!(head.starts_with("code;alias;status;gender;"), "{head}");
    let rows = read_csv(&out, b';');
    assert_eq!(rows[0]["alias"], "'=HYPERLINK(\"http://x.example\",\"click\")");
    assert_eq!(rows[1]["alias"], "'@SUM(1+1)");
    assert_eq!(rows[2]["alias"], "Tulip");
    assert_eq!(rows[0]["special_needs"], "'+7 999 000-00-00", "a leading + is a formula to Excel");
    assert_eq!(rows[0]["gender"], "Feminine");
    assert_eq!(rows[0]["arrived_on"], "2026-03-01");
    // No cell anywhere starts like a formula.
    for row in &rows {
        for (k, v) in row {
            assert!(!haven::report::csv_file::is_formula_start(v), "{k} = {v:?}");
        }
    }
    // Without --identifying, no legal name, document or note leaves.
    assert!(!text.contains("Familyname") && !text.contains("AA0000001") && !text.contains("free text"));
}

#[test]
fn a_file_per_kind_with_the_chosen_delimiter() {
    let (dir, store) = support::centre(None);
    put(&store, &[P::woman_uz()]);
    let en = I18n::new(Lang::En);
    let mut o = opts(Format::Csv, &en, "all");
    o.csv = CsvStyle::with_delimiter(',');
    let out = dir.path().join("all.csv");
    let done = export(&store, &out, &o, &mut |_| {}).unwrap();
    assert_eq!(done.files.len(), haven::report::rows::KINDS.len(), "a file per kind");
    let cases = dir.path().join("all-cases.csv");
    let text = std::fs::read_to_string(&cases).unwrap();
    assert!(text.trim_start_matches('\u{feff}').starts_with("code,alias,"), "{text}");
    let services = read_csv(&dir.path().join("all-services.csv"), b',');
    assert_eq!(services.len(), 0, "the test cases have no checklist");
    assert!(dir.path().join("all-rooms.csv").is_file());
}

#[test]
fn xlsx_has_a_sheet_per_kind_and_dates_as_dates() {
    use calamine::{Data, Reader, Xlsx};
    let (dir, store) = support::centre(None);
    put(&store, &[P::woman_uz(), P::woman_uz()]);
    let out = dir.path().join("export.xlsx");
    let done = run(&store, Format::Xlsx, "cases", &out);
    assert_eq!(done.rows["cases"], 2);
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), haven::report::rows::KINDS.len());
    assert_eq!(names[0], "Cases");
    let sheet = wb.worksheet_range("Cases").unwrap();
    let head: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let row: Vec<Data> = sheet.rows().nth(1).unwrap().to_vec();
    assert!(matches!(row[col("arrived_on")], Data::DateTime(_)), "{:?}", row[col("arrived_on")]);
    assert!(matches!(row[col("interpreter")], Data::Bool(true)));
    assert_eq!(row[col("code")], Data::String("MSK-26-0001".into()));
}

#[test]
fn json_holds_the_complete_data_for_migration_but_not_who_refused_processing() {
    let (dir, store) = support::centre(None);
    let mut refused = P::woman_uz();
    refused.processing = Some(false);
    refused.alias = "Refused".into();
    put(&store, &[P::woman_uz(), refused]);
    let out = dir.path().join("export.json");
    let done = run(&store, Format::Json, "cases", &out);
    assert_eq!((done.cases, done.refused), (1, 1));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(doc["format"], "haven-export");
    let cases = doc["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    let c = &cases[0];
    assert_eq!(c["case"]["body"]["alias"], "Tulip");
    assert_eq!(c["file"]["body"]["family_name"], "Familyname1", "complete: legal names included");
    assert_eq!(c["file"]["body"]["citizenship"][0], "UZ", "codes as text");
    assert_eq!(c["case"]["body"]["id"].as_str().unwrap().len(), 32, "ids as hex");
    assert_eq!(c["case"]["meta"]["revision"], 1);
    assert!(!std::fs::read_to_string(&out).unwrap().contains("Refused"));
}

#[test]
fn ctdc_has_the_global_dataset_columns_and_mapped_values() {
    let (dir, store) = support::centre(None);
    let mut people = vec![P::woman_uz(); 12];
    people[0].means = vec![M::DebtBondage];
    put(&store, &people);
    let out = dir.path().join("ctdc.csv");
    let done = run(&store, Format::Ctdc, "cases", &out);
    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.starts_with(BOM), "statistics software reads it: no byte-order mark");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
    let rows = read_csv(&out, b',');
    assert_eq!(rows.len(), 12);
    let r = rows.iter().find(|r| r["meansOfControlThreats"] == "1").unwrap();
    let expect = [
        ("yearOfRegistration", "2026"),
        ("Datasource", "Case Management"),
        ("gender", "Female"),
        ("ageBroad", "18--20"),
        ("majorityStatus", "Adult"),
        ("majorityStatusAtExploit", "-99"),
        ("citizenship", "UZ"),
        ("CountryOfExploitation", "RU"),
        ("meansOfControlDebtBondage", "1"),
        ("meansOfControlThreats", "1"),
        ("meansOfControlPhysicalAbuse", "0"),
        ("meansOfControlNotSpecified", "0"),
        ("isForcedLabour", "1"),
        ("isSexualExploit", "0"),
        ("isSexAndLabour", "0"),
        ("isForcedMilitary", "-99"),
        ("typeOfLabourDomesticWork", "1"),
        ("typeOfLabourBegging", "0"),
        ("typeOfLabourAgriculture", "-99"),
        ("typeOfLabourNotSpecified", "0"),
        ("typeOfSexProstitution", "0"),
        ("isAbduction", "0"),
        ("RecruiterRelationship", "Friend"),
        ("recruiterRelationFriend", "1"),
        ("recruiterRelationFamily", "0"),
    ];
    for (col, want) in expect {
        assert_eq!(r[col], want, "{col}");
    }
    // Nothing personal: no name, document number, date of birth or free text.
    for bad in ["Familyname", "AA00", "2007", "free text", "Tulip", "MSK-26"] {
        assert!(!text.contains(bad), "{bad} leaked into the CTDC file");
    }
    assert_eq!(done.ctdc.unwrap().rows, 12);
}

#[test]
fn ctdc_suppresses_rare_combinations_and_leaves_out_those_without_consent() {
    let (dir, store) = support::centre(None);
    let mut people = vec![P::woman_uz(); 13];
    // Two of them withdrew or refused statistics; one never decided.
    people[10].statistics = Some(false);
    people[11].statistics = None;
    // Rarer people: 4 women from Tajikistan, 3 men from Kyrgyzstan exploited in Kazakhstan, 1 woman of 50.
    let mut tj = P::woman_uz();
    tj.citizenship = "TJ";
    let mut kg = P::woman_uz();
    kg.gender = Gender::Masculine;
    kg.citizenship = "KG";
    kg.exploited_in = "KZ";
    let mut older = P::woman_uz();
    older.age = 50;
    people.extend(std::iter::repeat_n(tj, 4));
    people.extend(std::iter::repeat_n(kg, 3));
    people.push(older);
    put(&store, &people);
    let out = dir.path().join("ctdc.csv");
    let done = run(&store, Format::Ctdc, "cases", &out);
    let s = done.ctdc.clone().unwrap();
    assert_eq!((s.cases, s.without_consent, s.not_victims), (21, 2, 0));
    let rows = read_csv(&out, b',');
    assert_eq!(rows.len(), s.rows);
    assert_eq!(rows.len() + s.dropped, 19, "every consenting person is a row unless dropped");
    // No combination of the quasi-identifiers occurs fewer than 11 times.
    let mut combos: HashMap<Vec<String>, usize> = HashMap::new();
    for r in &rows {
        *combos.entry(QUASI_IDENTIFIERS.iter().map(|q| r[*q].clone()).collect()).or_default() += 1;
    }
    for (combo, n) in &combos {
        assert!(*n >= 11, "{combo:?} occurs {n} times");
    }
    assert!(s.suppressed.iter().sum::<usize>() > 0, "{s:?}");
    // The 11 consenting Uzbek women are untouched.
    let uz = rows.iter().filter(|r| r["citizenship"] == "UZ" && r["CountryOfExploitation"] == "RU").count();
    assert_eq!(uz, 11);
    let en = I18n::new(Lang::En);
    let summary = haven::ops::export::summary_lines(&done, &en).join("\n");
    assert!(summary.contains("2 without consent to anonymised statistics"), "{summary}");
    assert!(summary.contains("8 rows dropped"), "{summary}");
}

#[test]
fn exports_are_audited_with_counts_and_refused_to_other_roles() {
    let (dir, mut store) = support::centre(None);
    put(&store, &[P::woman_uz(), P::woman_uz()]);
    run(&store, Format::Csv, "cases", &dir.path().join("c.csv"));
    let events = store.audit_events().unwrap();
    let last = events.iter().rev().find_map(|(_, e)| e.clone()).unwrap();
    assert_eq!(last.action, AuditAction::Export);
    assert_eq!(last.summary, "csv cases=2");
    assert!(!last.summary.contains("Tulip"));
    store.set_user("worker", "Case Worker", haven::domain::user::Role::CaseWorker, b"worker passphrase").unwrap();
    store.lock_session(AuditAction::Logout);
    store.login("worker", b"worker passphrase").unwrap();
    let en = I18n::new(Lang::En);
    let err = export(&store, &dir.path().join("no.csv"), &opts(Format::Csv, &en, "cases"), &mut |_| {}).unwrap_err();
    assert!(err.message(&en).contains("Permission denied"), "{}", err.message(&en));
    assert!(!dir.path().join("no.csv").exists());
}

#[test]
fn haven_export_on_the_command_line_writes_the_file_and_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    common::init(&centre);
    {
        let store = Store::open_as(&centre, common::ADMIN, common::ADMIN_PASS.as_bytes()).unwrap();
        put(&store, &vec![P::woman_uz(); 11]);
    }
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("haven")).unwrap();
    std::fs::write(config.join("haven/config.toml"), "csv_delimiter = \"|\"\n").unwrap();
    let out = dir.path().join("cases.csv");
    let run = common::haven(&centre)
        .env("XDG_CONFIG_HOME", &config)
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", common::text(&run));
    assert!(common::text(&run).contains("11 rows"), "{}", common::text(&run));
    assert!(std::fs::read_to_string(&out).unwrap().contains("code|alias|"), "the csv_delimiter setting is used");
    let ctdc = dir.path().join("ctdc.csv");
    let run = common::haven(&centre).args(["export", "--format", "ctdc", "--out"]).arg(&ctdc).output().unwrap();
    assert!(run.status.success(), "{}", common::text(&run));
    assert!(common::text(&run).contains("11 rows written (k = 11)"), "{}", common::text(&run));
    let audit = common::haven(&centre).args(["audit", "show", "--action", "export"]).output().unwrap();
    let t = common::text(&audit);
    assert!(t.contains("csv cases=11") && t.contains("ctdc ctdc=11"), "{t}");
    let bad = common::haven(&centre)
        .args(["export", "--format", "csv", "--kind", "people", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    common::fails_with(&bad, "no kind of record \"people\"");
}
