//! The cases table of a data export: one row per case with its front part,
//! the trafficking profile, closing and consents; with `identifying`, also
//! legal names, date of birth, the first document, contacts and notes.

use std::collections::HashSet;

use super::consent;
use super::records::Records;
use super::rows::{RowsOptions, codes, columns, label, labels, opt_label, title};
use super::table::{Cell, Table};
use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::consent::ConsentPurpose;
use crate::domain::ids::CaseId;

/// The cases table.
pub fn cases(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let mut keys = vec![
        "code",
        "alias",
        "status",
        "gender",
        "age_group",
        "age_band",
        "arrived_on",
        "opened_on",
        "languages",
        "interpreter",
        "special_needs",
        "high_risk",
        "worker",
        "citizenship",
        "trafficking_status",
        "decided_by",
        "exploitation",
        "means_of_control",
        "recruiter_relation",
        "recruitment",
        "country_of_exploitation",
        "closed_on",
        "closing_outcome",
        "data_consent",
        "statistics_consent",
    ];
    if o.identifying {
        keys.extend([
            "family_name",
            "given_names",
            "patronymic",
            "latin",
            "date_of_birth",
            "place_of_origin",
            "document_kind",
            "document_number",
            "document_country",
            "document_expiry",
            "document_location",
            "contacts",
            "notes",
        ]);
    }
    let mut t = Table::new("cases", title("cases", i), columns(&keys));
    for s in r.cases.iter().filter(|s| keep.contains(&s.body.id)) {
        let c: &CaseFront = &s.body;
        let f: Option<&CasePrivate> = r.files.get(&c.id).map(|x| &x.body);
        let tp = f.map(|f| &f.trafficking);
        let consents = r.consents_of(c.id);
        let decision = |p: ConsentPurpose| {
            if consent::in_force(&consents, p, o.today) {
                Cell::Bool(true)
            } else if consent::refused(&consents, p, o.today) {
                Cell::Bool(false)
            } else {
                Cell::Empty
            }
        };
        let opened = s.meta.created_at.date_naive();
        let on = c.arrived_on.unwrap_or(opened);
        let mut row = vec![
            Cell::text(c.code.to_string()),
            Cell::text(&c.alias),
            label(i, "case-status", c.status.key()),
            label(i, "gender", c.gender.key()),
            label(i, "cases-age-group", c.effective_age_group(on).key()),
            label(i, "report-age", c.age.age_band(on).key()),
            Cell::date(c.arrived_on),
            Cell::Date(opened),
            Cell::text(c.languages.join(", ")),
            Cell::Bool(c.interpreter_needed),
            Cell::text(&c.special_needs),
            Cell::Bool(c.high_risk),
            Cell::text(c.worker.clone().unwrap_or_default()),
            f.map_or(Cell::Empty, |f| codes(&f.citizenship)),
            tp.map_or(Cell::Empty, |t| label(i, "cases-trafficking-status", t.status.key())),
            opt_label(i, "cases-decided-by", tp.and_then(|t| t.decided_by), |v| v.key()),
            tp.map_or(Cell::Empty, |t| labels(i, "cases-exploitation", &t.exploitation, |v| v.key())),
            tp.map_or(Cell::Empty, |t| labels(i, "cases-control", &t.means_of_control, |v| v.key())),
            opt_label(i, "cases-relation", tp.and_then(|t| t.relationship), |v| v.key()),
            opt_label(i, "cases-recruitment", tp.and_then(|t| t.recruitment), |v| v.key()),
            tp.map_or(Cell::Empty, |t| codes(&t.country_of_exploitation)),
            Cell::date(f.and_then(|f| f.closing.as_ref()).map(|c| c.on)),
            opt_label(i, "cases-outcome", f.and_then(|f| f.closing.as_ref()).map(|c| c.outcome), |v| v.key()),
            decision(ConsentPurpose::DataProcessing),
            decision(ConsentPurpose::AnonymisedStatistics),
        ];
        if o.identifying {
            let doc = f.and_then(|f| f.documents.first());
            row.extend([
                f.map_or(Cell::Empty, |f| Cell::text(&f.family_name)),
                f.map_or(Cell::Empty, |f| Cell::text(&f.given_names)),
                f.map_or(Cell::Empty, |f| Cell::text(&f.patronymic)),
                f.map_or(Cell::Empty, |f| Cell::text(&f.latin)),
                Cell::date(f.and_then(|f| f.date_of_birth)),
                f.map_or(Cell::Empty, |f| Cell::text(&f.place_of_origin)),
                opt_label(i, "cases-doc-kind", doc.map(|d| d.kind), |v| v.key()),
                doc.map_or(Cell::Empty, |d| Cell::text(&d.number)),
                doc.and_then(|d| d.issuing_country).map_or(Cell::Empty, |c| Cell::text(c.to_string())),
                Cell::date(doc.and_then(|d| d.expires_on)),
                opt_label(i, "cases-doc-location", doc.map(|d| d.location), |v| v.key()),
                f.map_or(Cell::Empty, |f| {
                    Cell::text(f.contacts.iter().map(|c| c.value.clone()).collect::<Vec<_>>().join(", "))
                }),
                f.map_or(Cell::Empty, |f| Cell::text(&f.notes)),
            ]);
        }
        t.rows.push(row);
    }
    t
}
