//! Rows of a cases file as case drafts: the case code (what a re-import
//! matches on), the front part, the private file with the trafficking
//! profile and one document, and the consents the file records. Names keep
//! their script.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::columns::Columns;
use super::reader::RowReader;
use super::values::{self, Choices, Labels};
use super::{BadRow, Checked, Problem};
use crate::domain::case::{
    CaseFront, CasePrivate, CaseStatus, Closing, ClosingOutcome, DecidingOrganisation, Document, DocumentKind,
    DocumentLocation, ExploitationType, MeansOfControl, RecruiterRelation, RecruitmentMethod, TraffickingStatus,
};
use crate::domain::case_code::CaseCode;
use crate::domain::ids::{CaseId, Id};
use crate::domain::person::{AgeBasis, AgeGroup, Gender};

/// Longest name part, alias or place accepted.
pub const MAX_NAME: usize = 200;
/// Longest note accepted.
pub const MAX_NOTE: usize = 10_000;

/// One case as the file describes it (ids are drawn when it is written).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDraft {
    /// The front part (id zero, code set).
    pub front: CaseFront,
    /// The private file (case id zero).
    pub file: CasePrivate,
    /// Consent to data processing, if the file says.
    pub data_consent: Option<bool>,
    /// Consent to anonymised statistics, if the file says.
    pub statistics_consent: Option<bool>,
    /// The file said "in residence": imported as arrived, the bed is assigned on the bed board.
    pub was_in_residence: bool,
}

impl CaseDraft {
    /// The day consents and estimates are dated: arrival, else `today`.
    pub fn day(&self, today: NaiveDate) -> NaiveDate {
        self.front.arrived_on.unwrap_or(today)
    }
}

/// The choices a cases file uses.
pub struct CaseChoices {
    gender: Choices<Gender>,
    age_group: Choices<AgeGroup>,
    status: Choices<CaseStatus>,
    trafficking: Choices<TraffickingStatus>,
    exploitation: Choices<ExploitationType>,
    means: Choices<MeansOfControl>,
    document: Choices<DocumentKind>,
    decided_by: Choices<DecidingOrganisation>,
    relation: Choices<RecruiterRelation>,
    recruitment: Choices<RecruitmentMethod>,
    outcome: Choices<ClosingOutcome>,
}

fn pairs<T: Copy>(all: impl Iterator<Item = T>, key: fn(T) -> &'static str) -> Vec<(&'static str, T)> {
    all.map(|v| (key(v), v)).collect()
}

impl CaseChoices {
    /// Builds the choices from the labels of every language.
    pub fn new(labels: &Labels) -> CaseChoices {
        use ExploitationType as E;
        use Gender as G;
        CaseChoices {
            gender: Choices::new(
                labels,
                "gender",
                &pairs(G::all(), G::key),
                &[
                    ("f", G::Feminine),
                    ("female", G::Feminine),
                    ("woman", G::Feminine),
                    ("w", G::Feminine),
                    ("ж", G::Feminine),
                    ("жен", G::Feminine),
                    ("женщина", G::Feminine),
                    ("femme", G::Feminine),
                    ("m", G::Masculine),
                    ("male", G::Masculine),
                    ("man", G::Masculine),
                    ("м", G::Masculine),
                    ("муж", G::Masculine),
                    ("мужчина", G::Masculine),
                    ("homme", G::Masculine),
                    ("unknown", G::NonSpecifiedUnknown),
                    ("?", G::NonSpecifiedUnknown),
                    ("не указан", G::NonSpecifiedUnknown),
                ],
            ),
            age_group: Choices::new(
                labels,
                "cases-age-group",
                &pairs(AgeGroup::all(), AgeGroup::key),
                &[
                    ("child", AgeGroup::Minor),
                    ("несовершеннолетний", AgeGroup::Minor),
                    ("несовершеннолетняя", AgeGroup::Minor),
                    ("ребенок", AgeGroup::Minor),
                    ("взрослый", AgeGroup::Adult),
                    ("взрослая", AgeGroup::Adult),
                ],
            ),
            status: Choices::new(labels, "case-status", &pairs(CaseStatus::all(), CaseStatus::key), &[]),
            trafficking: Choices::new(
                labels,
                "cases-trafficking-status",
                &pairs(TraffickingStatus::all(), TraffickingStatus::key),
                &[("confirmed", TraffickingStatus::ConfirmedVictim), ("presumed", TraffickingStatus::PresumedVictim)],
            ),
            exploitation: Choices::new(
                labels,
                "cases-exploitation",
                &pairs(E::all(), E::key),
                &[
                    ("sexual", E::SexualExploitation),
                    ("сексуальная", E::SexualExploitation),
                    ("labour", E::ForcedLabour),
                    ("labor", E::ForcedLabour),
                    ("forced labor", E::ForcedLabour),
                    ("трудовая", E::ForcedLabour),
                    ("трудовая эксплуатация", E::ForcedLabour),
                    ("домашнее рабство", E::DomesticServitude),
                    ("попрошайничество", E::Begging),
                ],
            ),
            means: Choices::new(labels, "cases-control", &pairs(MeansOfControl::all(), MeansOfControl::key), &[]),
            document: Choices::new(labels, "cases-doc-kind", &pairs(DocumentKind::all(), DocumentKind::key), &[]),
            decided_by: Choices::new(
                labels,
                "cases-decided-by",
                &pairs(DecidingOrganisation::all(), DecidingOrganisation::key),
                &[],
            ),
            relation: Choices::new(
                labels,
                "cases-relation",
                &pairs(RecruiterRelation::all(), RecruiterRelation::key),
                &[],
            ),
            recruitment: Choices::new(
                labels,
                "cases-recruitment",
                &pairs(RecruitmentMethod::all(), RecruitmentMethod::key),
                &[],
            ),
            outcome: Choices::new(labels, "cases-outcome", &pairs(ClosingOutcome::all(), ClosingOutcome::key), &[]),
        }
    }
}

/// Checks one row; a draft, or every problem it has.
pub fn row(cols: &Columns, cells: &[String], ch: &CaseChoices, today: NaiveDate) -> Result<CaseDraft, Vec<Problem>> {
    let mut r = RowReader::new(cols, cells);
    let code_text = r.cell("code");
    let code = if code_text.is_empty() {
        r.problems.push(Problem::Required { column: r.heading("code") });
        None
    } else {
        match code_text.trim().to_uppercase().parse::<CaseCode>() {
            Ok(c) => Some(c),
            Err(_) => {
                r.problems.push(Problem::BadCode { column: r.heading("code"), value: code_text.to_string() });
                None
            }
        }
    };
    let alias = r.text("alias", MAX_NAME);
    let family_name = r.text("family_name", MAX_NAME);
    let given_names = r.text("given_names", MAX_NAME);
    let patronymic = r.text("patronymic", MAX_NAME);
    let place_of_origin = r.text("place_of_origin", MAX_NAME);
    let special_needs = r.text("special_needs", MAX_NAME);
    let notes = r.text("notes", MAX_NOTE);
    let doc_number = r.text("document_number", MAX_NAME);
    let gender = r.choice(&ch.gender, "gender");
    let age_group = r.choice(&ch.age_group, "age_group");
    let status = r.choice(&ch.status, "status");
    let trafficking = r.choice(&ch.trafficking, "trafficking_status");
    let exploitation = r.choices(&ch.exploitation, "exploitation");
    let means = r.choices(&ch.means, "means_of_control");
    let doc_kind = r.choice(&ch.document, "document_kind");
    let decided_by = r.choice(&ch.decided_by, "decided_by");
    let relation = r.choice(&ch.relation, "recruiter_relation");
    let recruitment = r.choice(&ch.recruitment, "recruitment");
    let outcome = r.choice(&ch.outcome, "closing_outcome");
    let closed_on = r.date("closed_on", today);
    if outcome.is_some() && closed_on.is_none() && r.cell("closed_on").is_empty() {
        r.problems.push(Problem::Required { column: r.heading("closed_on") });
    }
    // `01/01/90` reads as 2090; nobody is born in the future, so a date of
    // birth written with two digits goes back a century.
    let parts: Vec<&str> = r.cell("date_of_birth").split(['.', '/', '-']).map(str::trim).collect();
    let two_digit_year = matches!(parts.as_slice(), [d, _, y] if d.len() <= 2 && y.len() == 2);
    let dob = r
        .date("date_of_birth", today)
        .map(|d| if two_digit_year && d > today { d.with_year(d.year() - 100).unwrap_or(d) } else { d });
    let arrived_on = r.date("arrived_on", today);
    let expiry = r.date("document_expiry", today);
    let age = r.number("age", 0, 120);
    let citizenship = r.countries("citizenship");
    let exploited_in = r.countries("country_of_exploitation");
    let doc_country = r.countries("document_country");
    let interpreter = r.yes_no("interpreter");
    let high_risk = r.yes_no("high_risk");
    let data_consent = r.yes_no("data_consent");
    let statistics_consent = r.yes_no("statistics_consent");
    let languages: Vec<String> =
        values::list_items(r.cell("languages")).map(|l| l.to_lowercase()).filter(|l| l.chars().count() <= 20).collect();
    if let (Some(b), Some(a)) = (dob, arrived_on.or(Some(today)))
        && b > a
    {
        r.problems.push(Problem::BirthAfterArrival);
    }
    let (Some(code), true) = (code, r.problems.is_empty()) else {
        return Err(r.problems);
    };
    let on = arrived_on.unwrap_or(today);
    let age_basis = match (dob, age) {
        (Some(d), _) => AgeBasis::DateOfBirth(d),
        (None, Some(years)) => AgeBasis::Estimated { years: u8::try_from(years).unwrap_or(0), on },
        (None, None) => AgeBasis::Unknown,
    };
    let closing =
        closed_on.map(|on| Closing { outcome: outcome.unwrap_or(ClosingOutcome::Other), on, note: String::new() });
    let status = status.unwrap_or(match (&closing, arrived_on) {
        (Some(c), _) => c.outcome.status(),
        (None, Some(_)) => CaseStatus::Departed,
        (None, None) => CaseStatus::Expected,
    });
    let was_in_residence = status == CaseStatus::InResidence;
    let zero = CaseId(Id([0; 16]));
    let front = CaseFront {
        id: zero,
        alias: if alias.trim().is_empty() { code.to_string() } else { alias.trim().to_string() },
        code,
        gender: gender.unwrap_or(Gender::NonSpecifiedUnknown),
        age_group: age_group.unwrap_or_else(|| age_basis.age_group(on)),
        age: age_basis,
        languages,
        interpreter_needed: interpreter.unwrap_or(false),
        special_needs,
        // A resident needs a bed, which only the bed board gives.
        status: if was_in_residence { CaseStatus::Arrived } else { status },
        high_risk: high_risk.unwrap_or(false),
        arrived_on,
        worker: None,
    };
    let mut file = CasePrivate::new(zero);
    file.family_name = family_name;
    file.given_names = given_names;
    file.patronymic = patronymic;
    file.date_of_birth = dob;
    file.citizenship = citizenship;
    file.place_of_origin = place_of_origin;
    file.notes = notes;
    file.trafficking.status = trafficking.unwrap_or_default();
    file.trafficking.exploitation = exploitation;
    file.trafficking.means_of_control = means;
    file.trafficking.country_of_exploitation = exploited_in;
    file.trafficking.decided_by = decided_by;
    file.trafficking.relationship = relation;
    file.trafficking.recruitment = recruitment;
    file.closing = closing;
    if doc_kind.is_some() || !doc_number.is_empty() {
        file.documents.push(Document {
            kind: doc_kind.unwrap_or(DocumentKind::Passport),
            number: doc_number,
            issuing_country: doc_country.first().copied(),
            issued_on: None,
            expires_on: expiry,
            location: DocumentLocation::Unknown,
        });
    }
    file.refresh_latin();
    Ok(CaseDraft { front, file, data_consent, statistics_consent, was_in_residence })
}

/// Checks every row of a cases file; a code seen twice is a problem on the second line.
pub fn check(cols: &Columns, rows: &[(u64, Vec<String>)], today: NaiveDate) -> Checked<CaseDraft> {
    check_each(cols, rows.iter().cloned(), today, |_, d| d)
}

/// Like [`check`], over rows read one at a time, keeping of each good row
/// only what `keep` makes of its index and draft: an import of 100,000
/// rows keeps the index and reads the row again when its batch is written,
/// instead of holding every row and draft at once.
pub fn check_each<T>(
    cols: &Columns,
    rows: impl IntoIterator<Item = (u64, Vec<String>)>,
    today: NaiveDate,
    mut keep: impl FnMut(usize, CaseDraft) -> T,
) -> Checked<T> {
    let labels = Labels::new();
    let ch = CaseChoices::new(&labels);
    let mut out = Checked::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (i, (line, cells)) in rows.into_iter().enumerate() {
        let key = cols.get(&cells, "code").trim().to_uppercase();
        let mut problems = Vec::new();
        if !key.is_empty() {
            match seen.get(&key) {
                Some(first) => problems.push(Problem::DuplicateRow { first_line: *first }),
                None => {
                    seen.insert(key, line);
                }
            }
        }
        match row(cols, &cells, &ch, today) {
            Ok(d) if problems.is_empty() => out.good.push((line, keep(i, d))),
            Ok(_) => out.bad.push(BadRow { line, cells, problems }),
            Err(mut p) => {
                problems.append(&mut p);
                out.bad.push(BadRow { line, cells, problems });
            }
        }
    }
    out
}
