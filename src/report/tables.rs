//! The report's figures laid out as titled tables in the user's language:
//! what the console draws, `haven report` prints, and the CSV and XLSX
//! files hold.

use chrono::Datelike;

use super::figures::Figures;
use super::people::{Breakdown, Counts};
use super::period::{Period, PeriodKind};
use super::table::{Cell, Table};
use crate::domain::country_names::country_name;
use crate::i18n::I18n;

/// The period in words: `November 2026`, `Q4 2026`, `2026`, `03.11.2026 – 12.11.2026`.
pub fn period_label(p: &Period, i18n: &I18n) -> String {
    let year = i64::from(p.from.year());
    match p.kind {
        PeriodKind::Month => i18n.t_args(
            "report-period-month",
            &[("month", i18n.t(&format!("report-month-{}", p.from.month())).into()), ("year", year.into())],
        ),
        PeriodKind::Quarter => i18n.t_args(
            "report-period-quarter",
            &[("quarter", i64::from(p.from.month0() / 3 + 1).into()), ("year", year.into())],
        ),
        PeriodKind::Year => year.to_string(),
        PeriodKind::Range => format!("{} – {}", i18n.format_date(p.from), i18n.format_date(p.to)),
    }
}

/// A country's name in the user's language, or "not known".
pub fn country_label(code: Option<&str>, i18n: &I18n) -> String {
    match code {
        Some(c) => country_name(c, i18n.lang().code()).map_or_else(|| c.to_string(), str::to_string),
        None => i18n.t("report-unknown"),
    }
}

fn row(label: String, value: Cell) -> Vec<Cell> {
    vec![Cell::Text(label), value]
}

fn counts_columns(first: &str, i18n: &I18n) -> Vec<String> {
    [first, "report-new", "report-resident", "report-departed", "report-closed", "report-assisted"]
        .iter()
        .map(|k| i18n.t(k))
        .collect()
}

fn counts_row(label: String, c: &Counts) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        Cell::count(c.new),
        Cell::count(c.resident),
        Cell::count(c.departed),
        Cell::count(c.closed),
        Cell::count(c.assisted),
    ]
}

fn breakdown<K>(id: &str, column: &str, b: &Breakdown<K>, label: impl Fn(&K) -> String, i18n: &I18n) -> Table {
    let mut t = Table::new(id, i18n.t(&format!("report-table-{id}")), counts_columns(column, i18n));
    for (k, c) in &b.rows {
        t.rows.push(counts_row(label(k), c));
    }
    t.rows.push(counts_row(i18n.t("report-col-total"), &b.total));
    t
}

/// The summary: one figure per line.
pub fn summary(f: &Figures, i18n: &I18n) -> Table {
    let t_ = |k: &str| i18n.t(k);
    let p = &f.people.total;
    let mut t = Table::new("summary", t_("report-table-summary"), vec![t_("report-col-item"), t_("report-col-value")]);
    t.rows.push(row(t_("report-period"), Cell::text(period_label(&f.period, i18n))));
    t.rows.push(row(t_("report-assisted"), Cell::count(p.assisted)));
    t.rows.push(row(t_("report-new"), Cell::count(p.new)));
    t.rows.push(row(t_("report-resident"), Cell::count(p.resident)));
    t.rows.push(row(t_("report-departed"), Cell::count(p.departed)));
    t.rows.push(row(t_("report-closed"), Cell::count(p.closed)));
    if f.people.erased_counted > 0 {
        t.rows.push(row(t_("report-erased-counted"), Cell::count(f.people.erased_counted)));
    }
    let services: u32 = f.services.iter().map(|(_, n)| n).sum();
    t.rows.push(row(t_("report-services-total"), Cell::count(services)));
    let (r_in, r_out) = f.referrals.iter().fold((0, 0), |(a, b), (_, i, o)| (a + i, b + o));
    t.rows.push(row(t_("report-referrals-in"), Cell::count(r_in)));
    t.rows.push(row(t_("report-referrals-out"), Cell::count(r_out)));
    let pk = &f.pickups;
    t.rows.push(row(t_("report-pickups-total"), Cell::count(pk.total)));
    t.rows.push(row(t_("report-pickups-met"), Cell::count(pk.met)));
    t.rows.push(row(t_("report-pickups-no-show"), Cell::count(pk.no_show)));
    t.rows.push(row(t_("report-pickups-cancelled"), Cell::count(pk.cancelled)));
    t.rows.push(row(t_("report-pickups-pending"), Cell::count(pk.pending)));
    let o = &f.occupancy;
    t.rows.push(row(t_("report-bed-nights"), Cell::count(o.bed_nights)));
    t.rows.push(row(t_("report-average-stay"), o.average_stay.map_or(Cell::Empty, |x| Cell::Num(x, 1))));
    t.rows.push(row(t_("report-occupancy-rate"), Cell::Percent(o.summary.rate())));
    t.rows.push(row(t_("report-occupancy-average"), Cell::Num(o.summary.average(), 1)));
    t.rows.push(row(t_("report-occupancy-peak"), Cell::count(o.summary.peak)));
    let tg = &f.target;
    let target_label =
        i18n.t_args("report-target", &[("year", i64::from(tg.year).into()), ("target", i64::from(tg.target).into())]);
    t.rows.push(row(target_label, Cell::count(tg.count)));
    t.rows.push(row(t_("report-target-share"), Cell::Percent(tg.share())));
    t.rows.push(row(
        i18n.t_args("report-target-expected", &[("date", i18n.format_date(f.period.to).into())]),
        Cell::count(tg.expected),
    ));
    t.notes.push(t_("report-note-assisted"));
    t.notes.push(i18n.t_args("report-note-nights", &[("date", i18n.format_date(f.today).into())]));
    if f.people.erased_unplaced > 0 {
        t.notes.push(i18n.t_args("report-note-erased", &[("count", i64::from(f.people.erased_unplaced).into())]));
    }
    if !f.complete {
        t.notes.push(t_("report-note-incomplete"));
    }
    t
}

/// People by gender.
pub fn gender(f: &Figures, i18n: &I18n) -> Table {
    breakdown("gender", "report-col-gender", &f.people.gender, |g| i18n.t(&format!("gender-{}", g.key())), i18n)
}

/// People by CTDC age band.
pub fn age(f: &Figures, i18n: &I18n) -> Table {
    breakdown("age", "report-col-age", &f.people.age, |a| i18n.t(&format!("report-age-{}", a.key())), i18n)
}

/// People by first citizenship.
pub fn citizenship(f: &Figures, i18n: &I18n) -> Table {
    breakdown(
        "citizenship",
        "report-col-citizenship",
        &f.people.citizenship,
        |c| country_label(c.as_ref().map(|c| c.as_str()), i18n),
        i18n,
    )
}

/// People by type of exploitation.
pub fn exploitation(f: &Figures, i18n: &I18n) -> Table {
    let mut t = breakdown(
        "exploitation",
        "report-col-exploitation",
        &f.people.exploitation,
        |e| match e {
            Some(e) => i18n.t(&format!("cases-exploitation-{}", e.key())),
            None => i18n.t("report-not-recorded"),
        },
        i18n,
    );
    t.notes.push(i18n.t("report-note-exploitation"));
    t
}

/// Services delivered per kind, and grants per currency under them.
pub fn services(f: &Figures, i18n: &I18n) -> Table {
    let mut t = Table::new(
        "services",
        i18n.t("report-table-services"),
        vec![i18n.t("report-col-service"), i18n.t("report-col-count")],
    );
    for (k, n) in &f.services {
        t.rows.push(row(i18n.t(&format!("service-{}", k.key())), Cell::count(*n)));
    }
    t
}

/// Reintegration grants per currency.
pub fn grants(f: &Figures, i18n: &I18n) -> Table {
    let mut t = Table::new(
        "grants",
        i18n.t("report-table-grants"),
        vec![i18n.t("report-col-currency"), i18n.t("report-col-grants"), i18n.t("report-col-amount")],
    );
    for g in &f.grants {
        t.rows.push(vec![
            Cell::text(g.currency.to_string()),
            Cell::count(g.count),
            Cell::Num(g.minor as f64 / 100.0, 2),
        ]);
    }
    t
}

/// Referrals in and out by organisation type.
pub fn referrals(f: &Figures, i18n: &I18n) -> Table {
    let cols = ["report-col-org-type", "report-col-in", "report-col-out", "report-col-total"];
    let mut t = Table::new("referrals", i18n.t("report-table-referrals"), cols.iter().map(|k| i18n.t(k)).collect());
    let (mut ti, mut to) = (0, 0);
    for (k, i, o) in &f.referrals {
        ti += i;
        to += o;
        t.rows.push(vec![
            Cell::text(i18n.t(&format!("cases-org-type-{}", k.key()))),
            Cell::count(*i),
            Cell::count(*o),
            Cell::count(i + o),
        ]);
    }
    t.rows.push(vec![Cell::text(i18n.t("report-col-total")), Cell::count(ti), Cell::count(to), Cell::count(ti + to)]);
    t
}

/// Occupancy month by month over the period.
pub fn months(f: &Figures, i18n: &I18n) -> Table {
    let cols = [
        "report-col-month",
        "report-col-bed-nights",
        "report-col-capacity-nights",
        "report-col-rate",
        "report-col-peak",
    ];
    let mut t = Table::new("months", i18n.t("report-table-months"), cols.iter().map(|k| i18n.t(k)).collect());
    let mut chunk: Vec<crate::domain::occupancy::NightOccupancy> = Vec::new();
    let flush = |chunk: &mut Vec<crate::domain::occupancy::NightOccupancy>, t: &mut Table| {
        let Some(first) = chunk.first() else { return };
        let m = crate::domain::occupancy::month_occupancy(chunk);
        let label = i18n.t_args(
            "report-period-month",
            &[
                ("month", i18n.t(&format!("report-month-{}", first.night.month())).into()),
                ("year", i64::from(first.night.year()).into()),
            ],
        );
        t.rows.push(vec![
            Cell::text(label),
            Cell::count(m.bed_nights),
            Cell::count(m.capacity_nights),
            Cell::Percent(m.rate()),
            Cell::count(m.peak),
        ]);
        chunk.clear();
    };
    for n in &f.occupancy.nightly {
        if chunk.first().is_some_and(|c| (c.night.year(), c.night.month()) != (n.night.year(), n.night.month())) {
            flush(&mut chunk, &mut t);
        }
        chunk.push(*n);
    }
    flush(&mut chunk, &mut t);
    t
}

/// Every night of the period with its beds occupied and usable.
pub fn nights(f: &Figures, i18n: &I18n) -> Table {
    let cols = ["report-col-night", "report-col-occupied", "report-col-capacity", "report-col-rate"];
    let mut t = Table::new("nights", i18n.t("report-table-nights"), cols.iter().map(|k| i18n.t(k)).collect());
    for n in &f.occupancy.nightly {
        t.rows.push(vec![
            Cell::Date(n.night),
            Cell::count(n.occupied),
            Cell::count(n.capacity),
            Cell::Percent(n.rate()),
        ]);
    }
    t
}

/// Every table of the report; `nightly` adds the night-by-night table (files, not the screen or text).
pub fn all(f: &Figures, i18n: &I18n, nightly: bool) -> Vec<Table> {
    let mut out = vec![
        summary(f, i18n),
        gender(f, i18n),
        age(f, i18n),
        citizenship(f, i18n),
        exploitation(f, i18n),
        services(f, i18n),
        grants(f, i18n),
        referrals(f, i18n),
        months(f, i18n),
    ];
    if nightly {
        out.push(nights(f, i18n));
    }
    out
}
