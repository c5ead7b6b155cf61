//! Data exports as tables, one per kind of record: what the CSV and XLSX
//! exports write. Headings are stable column keys (the import reads them
//! back); values are labels in the user's language, dates are dates.
//!
//! Without `identifying`, rows carry the case code and alias but no legal
//! name, date of birth, document, contact, ticket or free text.

use std::collections::{HashMap, HashSet};

use super::records::{Records, of};
use super::table::{Cell, Table};
use crate::domain::consent::ConsentPurpose;
use crate::domain::ids::{CaseId, OrganisationId, RoomId};
use crate::domain::service::Provider;
use crate::domain::stay::nights;
use crate::i18n::I18n;

/// The kinds of record a data export writes, in sheet order.
pub const KINDS: [&str; 10] =
    ["cases", "services", "referrals", "consents", "travel", "stays", "pickups", "organisations", "rooms", "beds"];

/// What goes into the tables.
pub struct RowsOptions<'a> {
    /// Labels in this language.
    pub i18n: &'a I18n,
    /// Also legal names, date of birth, documents, contacts, tickets and notes.
    pub identifying: bool,
    /// The day nights are counted up to.
    pub today: chrono::NaiveDate,
}

pub(super) fn label(i18n: &I18n, prefix: &str, key: &str) -> Cell {
    Cell::Text(i18n.t(&format!("{prefix}-{key}")))
}

pub(super) fn labels<T: Copy>(i18n: &I18n, prefix: &str, items: &[T], key: impl Fn(T) -> &'static str) -> Cell {
    Cell::Text(items.iter().map(|i| i18n.t(&format!("{prefix}-{}", key(*i)))).collect::<Vec<_>>().join(", "))
}

pub(super) fn codes<T: ToString>(items: &[T]) -> Cell {
    Cell::Text(items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
}

pub(super) fn opt_label<T: Copy>(i18n: &I18n, prefix: &str, v: Option<T>, key: impl Fn(T) -> &'static str) -> Cell {
    v.map_or(Cell::Empty, |v| label(i18n, prefix, key(v)))
}

pub(super) fn columns(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_string()).collect()
}

pub(super) fn title(id: &str, i18n: &I18n) -> String {
    i18n.t(&format!("report-sheet-{id}"))
}

fn org_names(r: &Records) -> HashMap<OrganisationId, (String, &'static str)> {
    r.organisations.iter().map(|o| (o.body.id, (o.body.name.clone(), o.body.kind.key()))).collect()
}

/// Service items.
pub fn services(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let mut keys = vec!["code", "service", "status", "planned_on", "done_on", "provider", "amount", "currency"];
    if o.identifying {
        keys.push("note");
    }
    let orgs = org_names(r);
    let mut t = Table::new("services", title("services", i), columns(&keys));
    for c in r.cases.iter().filter(|c| keep.contains(&c.body.id)) {
        for s in of(&r.services, c.body.id) {
            let x = &s.body;
            let provider = match x.provider {
                Provider::Internal => i.t("report-provider-internal"),
                Provider::Organisation(id) => orgs.get(&id).map(|o| o.0.clone()).unwrap_or_default(),
            };
            let mut row = vec![
                Cell::text(c.body.code.to_string()),
                label(i, "service", x.kind.key()),
                label(i, "service-status", x.status.key()),
                Cell::date(x.planned_on),
                Cell::date(x.done_on),
                Cell::Text(provider),
                x.amount.map_or(Cell::Empty, |m| Cell::Num(m.minor as f64 / 100.0, 2)),
                x.amount.map_or(Cell::Empty, |m| Cell::text(m.currency.to_string())),
            ];
            if o.identifying {
                row.push(Cell::text(&x.note));
            }
            t.rows.push(row);
        }
    }
    t
}

/// Referrals in and out.
pub fn referrals(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = [
        "code",
        "direction",
        "organisation",
        "organisation_type",
        "date",
        "reason",
        "services",
        "status",
        "follow_up",
        "consent_covered",
    ];
    let orgs = org_names(r);
    let mut t = Table::new("referrals", title("referrals", i), columns(&keys));
    for c in r.cases.iter().filter(|c| keep.contains(&c.body.id)) {
        for s in of(&r.referrals, c.body.id) {
            let x = &s.body;
            let org = orgs.get(&x.organisation);
            t.rows.push(vec![
                Cell::text(c.body.code.to_string()),
                label(i, "cases-direction", x.direction.key()),
                Cell::text(org.map(|o| o.0.clone()).unwrap_or_default()),
                org.map_or(Cell::Empty, |o| label(i, "cases-org-type", o.1)),
                Cell::Date(x.date),
                label(i, "cases-reason", x.reason.key()),
                labels(i, "service", &x.services, |v| v.key()),
                label(i, "cases-referral-status", x.status.key()),
                Cell::date(x.follow_up),
                Cell::Bool(x.consent.is_some()),
            ]);
        }
    }
    t
}

/// Consent records.
pub fn consents(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["code", "purpose", "organisation", "given", "date", "withdrawn_on", "recorded_by"];
    let orgs = org_names(r);
    let mut t = Table::new("consents", title("consents", i), columns(&keys));
    for c in r.cases.iter().filter(|c| keep.contains(&c.body.id)) {
        for s in of(&r.consents, c.body.id) {
            let x = &s.body;
            let org = match x.purpose {
                ConsentPurpose::SharingWith(id) => orgs.get(&id).map(|o| o.0.clone()).unwrap_or_default(),
                _ => String::new(),
            };
            t.rows.push(vec![
                Cell::text(c.body.code.to_string()),
                label(i, "cases-purpose", x.purpose.key()),
                Cell::Text(org),
                Cell::Bool(x.given),
                Cell::Date(x.date),
                Cell::date(x.withdrawn_on),
                Cell::text(&x.recorded_by),
            ]);
        }
    }
    t
}

/// Journeys.
pub fn travel(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let mut keys =
        vec!["code", "kind", "destination", "country", "mode", "date", "escort", "documents_ready", "completed_on"];
    if o.identifying {
        keys.push("ticket");
    }
    let mut t = Table::new("travel", title("travel", i), columns(&keys));
    for c in r.cases.iter().filter(|c| keep.contains(&c.body.id)) {
        for s in of(&r.travel, c.body.id) {
            let x = &s.body;
            let mut row = vec![
                Cell::text(c.body.code.to_string()),
                label(i, "cases-travel-kind", x.kind.key()),
                Cell::text(&x.destination),
                x.country.map_or(Cell::Empty, |c| Cell::text(c.to_string())),
                label(i, "cases-travel-mode", x.mode.key()),
                Cell::date(x.date),
                label(i, "cases-escort", x.escort.key()),
                Cell::Bool(x.documents_ready),
                Cell::date(x.completed_on),
            ];
            if o.identifying {
                row.push(Cell::text(&x.ticket));
            }
            t.rows.push(row);
        }
    }
    t
}

fn room_of_bed(r: &Records) -> HashMap<crate::domain::ids::BedId, (String, RoomId)> {
    let rooms: HashMap<RoomId, String> = r.rooms.iter().map(|x| (x.body.id, x.body.name.clone())).collect();
    r.beds
        .iter()
        .map(|b| (b.body.id, (rooms.get(&b.body.room_id).cloned().unwrap_or_default(), b.body.room_id)))
        .collect()
}

/// Stays.
pub fn stays(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["code", "room", "bed", "from", "expected_until", "until", "end_reason", "nights"];
    let codes = r.codes();
    let rooms = room_of_bed(r);
    let beds: HashMap<_, _> = r.beds.iter().map(|b| (b.body.id, b.body.label.clone())).collect();
    let mut t = Table::new("stays", title("stays", i), columns(&keys));
    for s in r.stays.iter().filter(|s| keep.contains(&s.body.case_id)) {
        let x = &s.body;
        t.rows.push(vec![
            Cell::text(codes.get(&x.case_id).cloned().unwrap_or_default()),
            Cell::text(rooms.get(&x.bed_id).map(|r| r.0.clone()).unwrap_or_default()),
            Cell::text(beds.get(&x.bed_id).cloned().unwrap_or_default()),
            Cell::Date(x.from),
            Cell::date(x.expected_until),
            Cell::date(x.until),
            opt_label(i, "stay-end", x.end_reason, |v| v.key()),
            Cell::count(nights(x, o.today)),
        ]);
    }
    t
}

/// Pickups; the case code only for cases the export may write.
pub fn pickups(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["flight", "origin", "airport", "terminal", "scheduled_on", "scheduled_at", "status", "met_at", "code"];
    let codes = r.codes();
    let mut t = Table::new("pickups", title("pickups", i), columns(&keys));
    for s in &r.pickups {
        let x = &s.body;
        let code = x.case_id.filter(|c| keep.contains(c)).and_then(|c| codes.get(&c).cloned()).unwrap_or_default();
        t.rows.push(vec![
            Cell::text(x.flight.to_string()),
            Cell::text(&x.origin),
            Cell::text(&x.airport),
            Cell::text(x.terminal.clone().unwrap_or_default()),
            Cell::Date(x.scheduled.date()),
            Cell::text(x.scheduled.format("%H:%M").to_string()),
            label(i, "pickup-status", x.status.key()),
            Cell::text(x.actual.map(|a| a.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default()),
            Cell::Text(code),
        ]);
    }
    t
}

/// The directory of organisations.
pub fn organisations(r: &Records, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["name", "type", "city", "country", "contact", "services", "retired"];
    let mut t = Table::new("organisations", title("organisations", i), columns(&keys));
    for s in &r.organisations {
        let x = &s.body;
        t.rows.push(vec![
            Cell::text(&x.name),
            label(i, "cases-org-type", x.kind.key()),
            Cell::text(&x.city),
            x.country.map_or(Cell::Empty, |c| Cell::text(c.to_string())),
            Cell::text(&x.contact),
            labels(i, "service", &x.services, |v| v.key()),
            Cell::Bool(x.retired),
        ]);
    }
    t
}

/// Rooms, each with its beds' labels.
pub fn rooms(r: &Records, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["room", "floor", "wing", "accessible", "beds", "retired"];
    let mut t = Table::new("rooms", title("rooms", i), columns(&keys));
    for s in &r.rooms {
        let x = &s.body;
        let mut beds: Vec<&crate::domain::rooms::Bed> =
            r.beds.iter().map(|b| &b.body).filter(|b| b.room_id == x.id && !b.retired).collect();
        beds.sort_by_key(|b| (b.walk_order, b.label.clone()));
        t.rows.push(vec![
            Cell::text(&x.name),
            Cell::Int(i64::from(x.floor)),
            label(i, "wing", x.wing.key()),
            Cell::Bool(x.accessible),
            Cell::text(beds.iter().map(|b| b.label.clone()).collect::<Vec<_>>().join(", ")),
            Cell::Bool(x.retired),
        ]);
    }
    t
}

/// Beds.
pub fn beds(r: &Records, o: &RowsOptions<'_>) -> Table {
    let i = o.i18n;
    let keys = ["bed", "room", "walk_order", "out_of_service", "out_of_service_until", "retired"];
    let rooms = room_of_bed(r);
    let mut t = Table::new("beds", title("beds", i), columns(&keys));
    for s in &r.beds {
        let x = &s.body;
        t.rows.push(vec![
            Cell::text(&x.label),
            Cell::text(rooms.get(&x.id).map(|r| r.0.clone()).unwrap_or_default()),
            Cell::Int(i64::from(x.walk_order)),
            Cell::Bool(x.out_of_service.is_some()),
            Cell::date(x.out_of_service.as_ref().and_then(|s| s.until)),
            Cell::Bool(x.retired),
        ]);
    }
    t
}

/// The table of one kind (one of [`KINDS`]).
pub fn table(kind: &str, r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Option<Table> {
    Some(match kind {
        "cases" => super::case_rows::cases(r, keep, o),
        "services" => services(r, keep, o),
        "referrals" => referrals(r, keep, o),
        "consents" => consents(r, keep, o),
        "travel" => travel(r, keep, o),
        "stays" => stays(r, keep, o),
        "pickups" => pickups(r, keep, o),
        "organisations" => organisations(r, o),
        "rooms" => rooms(r, o),
        "beds" => beds(r, o),
        _ => return None,
    })
}

/// Every kind's table, in sheet order.
pub fn all(r: &Records, keep: &HashSet<CaseId>, o: &RowsOptions<'_>) -> Vec<Table> {
    KINDS.iter().filter_map(|k| table(k, r, keep, o)).collect()
}
