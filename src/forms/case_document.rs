//! One identity document of the private file: kind, number, issuing
//! country, dates, and where it is now. A machine-readable zone typed or
//! scanned into its field fills the document (and the names and date of
//! birth when the file has none yet), every check digit verified.

use chrono::NaiveDate;

use super::case_common::case_field;
use super::case_entry;
use super::case_options::{document_kinds, document_locations};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, CasePrivate, Document, DocumentKind, DocumentLocation};
use crate::domain::country::CountryCode;
use crate::domain::country_alpha3::alpha2_of_alpha3;
use crate::domain::duplicate::document_key;
use crate::domain::mrz::{Mrz, MrzError, MrzField, parse};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, Value, set};
use crate::store::Stored;

/// The form's stable name (drafts).
pub const NAME: FormId = FormId::CaseDocument;

type F = FieldSpec<DocumentEdit>;

/// What the form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentEdit {
    /// The case (read-only).
    pub case: String,
    /// A machine-readable zone, if one is typed or scanned.
    pub mrz: String,
    /// Kind of document.
    pub kind: DocumentKind,
    /// Number as printed.
    pub number: String,
    /// Issuing country.
    pub issuing_country: Option<CountryCode>,
    /// Date of issue.
    pub issued_on: Option<NaiveDate>,
    /// Date of expiry.
    pub expires_on: Option<NaiveDate>,
    /// Where it is now.
    pub location: DocumentLocation,
}

impl DocumentEdit {
    fn document(&self) -> Document {
        Document {
            kind: self.kind,
            number: self.number.trim().to_string(),
            issuing_country: self.issuing_country,
            issued_on: self.issued_on,
            expires_on: self.expires_on,
            location: self.location,
        }
    }
}

/// The message key of a zone that cannot be read.
pub fn mrz_error(e: MrzError) -> &'static str {
    match e {
        MrzError::Empty => "form-error-required",
        MrzError::Lines | MrzError::Length { .. } => "cases-mrz-shape",
        MrzError::Character { .. } => "cases-mrz-character",
        MrzError::DocumentCode => "cases-mrz-document-code",
        MrzError::CheckDigit(MrzField::DocumentNumber) => "cases-mrz-check-number",
        MrzError::CheckDigit(MrzField::DateOfBirth) => "cases-mrz-check-birth",
        MrzError::CheckDigit(MrzField::Expiry) => "cases-mrz-check-expiry",
        MrzError::CheckDigit(MrzField::OptionalData) => "cases-mrz-check-optional",
        MrzError::CheckDigit(MrzField::Composite) => "cases-mrz-check-composite",
        MrzError::Date(_) => "cases-mrz-date",
        MrzError::Sex => "cases-mrz-sex",
    }
}

fn zone(r: &DocumentEdit, today: NaiveDate) -> Option<Result<Mrz, MrzError>> {
    (!r.mrz.trim().is_empty()).then(|| parse(&r.mrz, today))
}

fn validate(r: &DocumentEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    match zone(r, ctx.today()) {
        Some(Err(e)) => errors.push(("mrz", mrz_error(e))),
        Some(Ok(_)) => {}
        None if r.number.trim().is_empty() => errors.push(("number", "form-error-required")),
        None => {}
    }
    if let (Some(i), Some(e)) = (r.issued_on, r.expires_on)
        && e < i
    {
        errors.push(("expires_on", "rule-expiry_before_issue"));
    }
    if r.issued_on.is_some_and(|d| d > ctx.today()) {
        errors.push(("issued_on", "cases-error-future"));
    }
    errors
}

/// The declaration.
pub fn def() -> FormDef<DocumentEdit> {
    FormDef {
        id: NAME,
        title: "cases-form-document",
        fields: vec![
            case_field(|r: &DocumentEdit| r.case.as_str().into()),
            F::new("mrz", "cases-field-mrz", FieldKind::MultiLine)
                .load(|r| r.mrz.as_str().into())
                .store(|r, v| set(&mut r.mrz, v.text())),
            F::new("kind", "cases-field-doc-kind", FieldKind::Choice(document_kinds))
                .required()
                .load(|r| Value::Key(r.kind.key().into()))
                .store(|r, v| DocumentKind::from_key(&v.text()).map(|k| r.kind = k).ok_or("form-error-choice")),
            F::new("number", "cases-field-doc-number", FieldKind::Text { max: 40 })
                .load(|r| r.number.as_str().into())
                .store(|r, v| set(&mut r.number, v.text())),
            F::new("issuing_country", "cases-field-issuing-country", FieldKind::Country)
                .load(|r| r.issuing_country.into())
                .store(|r, v| set(&mut r.issuing_country, v.country())),
            F::new("issued_on", "cases-field-issued", FieldKind::Date)
                .load(|r| r.issued_on.into())
                .store(|r, v| set(&mut r.issued_on, v.date())),
            F::new("expires_on", "cases-field-expires", FieldKind::Date)
                .load(|r| r.expires_on.into())
                .store(|r, v| set(&mut r.expires_on, v.date())),
            F::new("location", "cases-field-doc-location", FieldKind::Choice(document_locations))
                .required()
                .load(|r| Value::Key(r.location.key().into()))
                .store(|r, v| DocumentLocation::from_key(&v.text()).map(|l| r.location = l).ok_or("form-error-choice")),
        ],
        validate: Some(validate),
    }
}

/// Fills the file from a zone: the document's printed fields, and the
/// names, date of birth and nationality when the file has none yet.
fn apply_zone(m: &Mrz, doc: &mut Document, p: &mut CasePrivate) {
    let printed = m.document();
    doc.kind = printed.kind;
    doc.number = printed.number;
    doc.issuing_country = printed.issuing_country.or(doc.issuing_country);
    doc.expires_on = printed.expires_on.or(doc.expires_on);
    if p.full_name().is_empty() {
        let (family, given) = m.names();
        p.family_name = family;
        p.given_names = given;
    }
    if p.date_of_birth.is_none() {
        p.date_of_birth = m.date_of_birth;
    }
    if let Some(c) = alpha2_of_alpha3(&m.nationality)
        && !p.citizenship.contains(&c)
    {
        p.citizenship.push(c);
    }
}

/// The form over document `index` of the file (a new document without one).
pub fn screen(
    ctx: &Ctx,
    front: &CaseFront,
    file: Option<&Stored<CasePrivate>>,
    index: Option<usize>,
) -> FormScreen<DocumentEdit> {
    let record = |case, doc: Option<Document>| DocumentEdit {
        case,
        mrz: String::new(),
        kind: doc.as_ref().map_or(DocumentKind::Passport, |d| d.kind),
        number: doc.as_ref().map(|d| d.number.clone()).unwrap_or_default(),
        issuing_country: doc.as_ref().and_then(|d| d.issuing_country),
        issued_on: doc.as_ref().and_then(|d| d.issued_on),
        expires_on: doc.as_ref().and_then(|d| d.expires_on),
        location: doc.as_ref().map_or(DocumentLocation::WithPerson, |d| d.location),
    };
    let entry = |r: &DocumentEdit, ctx: &Ctx, p: &mut CasePrivate| {
        let mut doc = r.document();
        if let Some(Ok(m)) = zone(r, ctx.today()) {
            apply_zone(&m, &mut doc, p);
        }
        doc
    };
    let flagged = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let previewed = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let case = front.id;
    let check = move |r: &DocumentEdit, doc: &Document, ctx: &Ctx, (file, index): (&CasePrivate, Option<usize>)| {
        preview_zone(r, ctx, file, &previewed)?;
        check_number(doc, ctx, case, (file, index), &flagged)
    };
    case_entry::screen_checked(ctx, def(), (front, file, index), documents, record, entry, check)
}

/// The form filled from a passport zone entered at the gate, opened with
/// the case key: a new document with the zone in its field. The first
/// Ctrl-S shows the preview (what the zone fills, what differs from the
/// file); the second saves the file and removes the sealed copy, in one
/// save (`ops::arrivals::gate::apply_zone`).
pub fn gate_screen(
    ctx: &Ctx,
    front: &CaseFront,
    file: Option<&Stored<CasePrivate>>,
    zone_text: &str,
) -> FormScreen<DocumentEdit> {
    let base = file.map_or_else(|| CasePrivate::new(front.id), |f| f.body.clone());
    let revision = file.map_or(0, |f| f.meta.revision);
    let record = DocumentEdit {
        case: super::case_common::case_label_at(front, None),
        mrz: zone_text.to_string(),
        kind: DocumentKind::Passport,
        number: String::new(),
        issuing_country: None,
        issued_on: None,
        expires_on: None,
        location: DocumentLocation::WithPerson,
    };
    let flagged = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let previewed = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
    let case = front.id;
    let on_save: crate::form_engine::OnSave<DocumentEdit> = Box::new(move |r: &DocumentEdit, ctx| {
        let mut p = base.clone();
        let mut doc = r.document();
        if let Some(Ok(m)) = zone(r, ctx.today()) {
            apply_zone(&m, &mut doc, &mut p);
        }
        preview_zone(r, ctx, &base, &previewed)?;
        check_number(&doc, ctx, case, (&base, None), &flagged)?;
        p.documents.push(doc);
        let store = ctx.store().map_err(|e| super::case_common::failed(ctx, &e))?;
        crate::ops::arrivals::gate::apply_zone(store, &p, revision).map_err(|e| super::case_common::failed(ctx, &e))?;
        super::case_common::saved(ctx, "cases-gate-zone-applied")
    });
    FormScreen::new(def(), record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Before a zone writes: the fields it will fill (name, date of birth, sex,
/// nationality, number, expiry, document type), each marked where it
/// differs from what the file or the form holds. Shown once per zone as the
/// form's message; a second Ctrl-S saves. Names and the date of birth
/// already on file are kept, as the zone only fills them when empty.
fn preview_zone(
    r: &DocumentEdit,
    ctx: &Ctx,
    file: &CasePrivate,
    previewed: &std::cell::RefCell<Option<String>>,
) -> Result<(), String> {
    let Some(Ok(m)) = zone(r, ctx.today()) else { return Ok(()) };
    let seen = r.mrz.split_whitespace().collect::<String>();
    if previewed.borrow().as_deref() == Some(seen.as_str()) {
        return Ok(());
    }
    let date = |d: Option<NaiveDate>| d.map(|d| ctx.i18n.format_date(d)).unwrap_or_else(|| "—".into());
    let (family, given) = m.names();
    let printed = m.document();
    let file_name = file.full_name();
    let same_name = crate::domain::translit::search_fold(&format!("{family} {given}"))
        == crate::domain::translit::search_fold(&file_name);
    let sex = match m.sex {
        crate::domain::mrz::MrzSex::Female => "F",
        crate::domain::mrz::MrzSex::Male => "M",
        crate::domain::mrz::MrzSex::Unspecified => "X",
    };
    let number_before = r.number.trim();
    let rows: [(&str, String, Option<String>); 7] = [
        (
            "arrivals-zone-name",
            format!("{family} {given}"),
            (!file_name.is_empty() && !same_name).then(|| file_name.clone()),
        ),
        (
            "arrivals-zone-birth",
            date(m.date_of_birth),
            file.date_of_birth.filter(|d| Some(*d) != m.date_of_birth).map(|d| date(Some(d))),
        ),
        ("arrivals-zone-sex", sex.to_string(), None),
        (
            "arrivals-zone-nationality",
            m.nationality.clone(),
            alpha2_of_alpha3(&m.nationality)
                .filter(|c| !file.citizenship.is_empty() && !file.citizenship.contains(c))
                .map(|_| file.citizenship.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")),
        ),
        (
            "arrivals-zone-number",
            printed.number.clone(),
            (!number_before.is_empty() && document_key(number_before) != document_key(&printed.number))
                .then(|| number_before.to_string()),
        ),
        (
            "arrivals-zone-expiry",
            date(printed.expires_on),
            r.expires_on.filter(|d| Some(*d) != printed.expires_on).map(|d| date(Some(d))),
        ),
        (
            "arrivals-zone-kind",
            ctx.t(&format!("cases-doc-kind-{}", printed.kind.key())),
            (r.kind != printed.kind).then(|| ctx.t(&format!("cases-doc-kind-{}", r.kind.key()))),
        ),
    ];
    let mut lines = vec![ctx.t("arrivals-zone-preview")];
    for (key, value, before) in rows {
        let line = match before {
            Some(was) => ctx.i18n.t_args(
                "arrivals-zone-differs",
                &[("field", ctx.t(key).into()), ("value", value.into()), ("was", was.into())],
            ),
            None => format!("  {}: {value}", ctx.t(key)),
        };
        lines.push(line);
    }
    lines.push(ctx.t("arrivals-zone-again"));
    *previewed.borrow_mut() = Some(seen);
    Err(lines.join("\n"))
}

/// Duplicates by document number: a second copy within the case is
/// refused; a number another case holds is flagged once (naming that case),
/// and a second Ctrl-S on the same number saves it all the same.
fn check_number(
    doc: &Document,
    ctx: &Ctx,
    case: crate::domain::ids::CaseId,
    (file, index): (&CasePrivate, Option<usize>),
    flagged: &std::cell::RefCell<Option<String>>,
) -> Result<(), String> {
    let key = document_key(&doc.number);
    if key.is_empty() {
        return Ok(());
    }
    let twice = file.documents.iter().enumerate().any(|(i, d)| Some(i) != index && document_key(&d.number) == key);
    if twice {
        return Err(ctx.t("arrivals-document-twice"));
    }
    if flagged.borrow().as_deref() == Some(key.as_str()) {
        return Ok(());
    }
    let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
    let others =
        crate::ops::arrivals::cases_holding_document(store, &doc.number, case).map_err(|e| ctx.error_text(&e))?;
    if others.is_empty() {
        return Ok(());
    }
    let cases: Vec<String> = others.iter().map(|f| format!("{} ({})", f.code, f.alias)).collect();
    *flagged.borrow_mut() = Some(key);
    Err(ctx.i18n.t_args("arrivals-document-elsewhere", &[("cases", cases.join(", ").into())]))
}

fn documents(p: &mut CasePrivate) -> &mut Vec<Document> {
    &mut p.documents
}

/// Removes document `index` from the file (the earlier version keeps it in history).
pub fn remove(ctx: &Ctx, file: &Stored<CasePrivate>, index: usize) -> Result<(), String> {
    case_entry::remove(ctx, file, index, documents)
}

/// Reopens a kept draft of this form, on the document it was editing.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FormScreen<DocumentEdit>> {
    case_entry::reopen(draft, ctx, screen)
}
