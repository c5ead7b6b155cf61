//! The donor report's figures for a period, computed from the records: people
//! (see [`super::people`]), services delivered and grants paid, referrals by
//! organisation type, airport pickups, bed-nights and occupancy, and the
//! year's arrivals against the target.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::data::Data;
use super::people::{self, People};
use super::period::Period;
use crate::domain::ids::{CaseId, OrganisationId};
use crate::domain::money::Currency;
use crate::domain::occupancy::{
    MonthOccupancy, NightOccupancy, bed_nights_per_case, month_occupancy, nightly_occupancy,
};
use crate::domain::pickup::PickupStatus;
use crate::domain::referral::{Direction, OrganisationType};
use crate::domain::service::{ServiceKind, ServiceStatus};
use crate::domain::stay::nights;

/// Grants paid in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grants {
    /// The currency.
    pub currency: Currency,
    /// Sum in minor units.
    pub minor: i64,
    /// Number of grants.
    pub count: u32,
}

/// Airport pickups scheduled in the period, by what became of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pickups {
    /// All scheduled in the period.
    pub total: u32,
    /// Met at the airport (including those since brought to the centre).
    pub met: u32,
    /// The person did not come out.
    pub no_show: u32,
    /// Called off.
    pub cancelled: u32,
    /// Still scheduled or delayed.
    pub pending: u32,
}

/// Beds over the period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Occupancy {
    /// Nights slept, one per person per night.
    pub bed_nights: u32,
    /// Every night of the period that has passed, with beds occupied and usable.
    pub nightly: Vec<NightOccupancy>,
    /// Their sum: capacity-nights, peak, average, rate.
    pub summary: MonthOccupancy,
    /// Average nights at the centre of the people who left in the period, all their stays together.
    pub average_stay: Option<f64>,
    /// People who left in the period.
    pub departures: u32,
}

/// The year's arrivals against the programme's yearly target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// The calendar year (of the period's end).
    pub year: i32,
    /// People to assist in the year.
    pub target: u32,
    /// Arrivals from 1 January to the end of the period, erased cases of the year included.
    pub count: u32,
    /// Where a steady pace would be by the end of the period.
    pub expected: u32,
}

impl Target {
    /// Share of the target reached, 0 when there is no target.
    pub fn share(&self) -> f64 {
        if self.target == 0 { 0.0 } else { f64::from(self.count) / f64::from(self.target) }
    }
}

/// Everything the report shows for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The period.
    pub period: Period,
    /// The day the figures were computed (nights count up to the one before).
    pub today: NaiveDate,
    /// People.
    pub people: People,
    /// Services delivered (done) in the period per kind, in programme order, erased cases included.
    pub services: Vec<(ServiceKind, u32)>,
    /// Reintegration grants paid in the period, per currency.
    pub grants: Vec<Grants>,
    /// Referrals dated in the period per organisation type: (type, in, out).
    pub referrals: Vec<(OrganisationType, u32, u32)>,
    /// Pickups scheduled in the period.
    pub pickups: Pickups,
    /// Beds.
    pub occupancy: Occupancy,
    /// The yearly target.
    pub target: Target,
    /// Whether the private files could be read (citizenship, exploitation, closing, referrals).
    pub complete: bool,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Services done in the period per kind, and grants per currency.
pub fn services(data: &Data, period: &Period) -> (Vec<(ServiceKind, u32)>, Vec<Grants>) {
    let mut per: BTreeMap<ServiceKind, u32> = ServiceKind::all().map(|k| (k, 0)).collect();
    let mut grants: BTreeMap<String, Grants> = BTreeMap::new();
    for s in data.services.iter().filter(|s| s.status == ServiceStatus::Done && period.holds(s.done_on)) {
        *per.entry(s.kind).or_default() += 1;
        if let (ServiceKind::ReintegrationGrant, Some(m)) = (s.kind, s.amount) {
            let g = grants.entry(m.currency.to_string()).or_insert(Grants { currency: m.currency, minor: 0, count: 0 });
            g.minor = g.minor.saturating_add(m.minor);
            g.count += 1;
        }
    }
    for a in data.anonymised.iter().filter(|a| period.covers_year(a.year)) {
        for k in &a.services {
            *per.entry(*k).or_default() += 1;
        }
    }
    (ServiceKind::all().map(|k| (k, per.get(&k).copied().unwrap_or(0))).collect(), grants.into_values().collect())
}

/// Referrals dated in the period per organisation type, every type listed.
pub fn referrals(data: &Data, period: &Period) -> Vec<(OrganisationType, u32, u32)> {
    let kind: HashMap<OrganisationId, OrganisationType> = data.organisations.iter().map(|o| (o.id, o.kind)).collect();
    let mut per: BTreeMap<OrganisationType, (u32, u32)> = BTreeMap::new();
    for r in data.referrals.iter().filter(|r| period.contains(r.date)) {
        let t = kind.get(&r.organisation).copied().unwrap_or(OrganisationType::Other);
        let e = per.entry(t).or_default();
        match r.direction {
            Direction::In => e.0 += 1,
            Direction::Out => e.1 += 1,
        }
    }
    OrganisationType::all()
        .map(|t| {
            let (i, o) = per.get(&t).copied().unwrap_or_default();
            (t, i, o)
        })
        .collect()
}

/// Pickups scheduled in the period by their present status.
pub fn pickups(data: &Data, period: &Period) -> Pickups {
    let mut p = Pickups::default();
    for x in data.pickups.iter().filter(|x| period.contains(x.scheduled.date())) {
        p.total += 1;
        match x.status {
            PickupStatus::Met | PickupStatus::AtCentre => p.met += 1,
            PickupStatus::NoShow => p.no_show += 1,
            PickupStatus::Cancelled => p.cancelled += 1,
            PickupStatus::Scheduled | PickupStatus::Delayed => p.pending += 1,
        }
    }
    p
}

/// Bed-nights, nightly occupancy and the average stay of those who left.
pub fn occupancy(data: &Data, period: &Period, today: NaiveDate) -> Occupancy {
    let bed_nights: u32 = bed_nights_per_case(&data.stays, period.from, period.to, today).values().sum();
    let mut nightly = Vec::new();
    let (mut y, mut m) = (period.from.year(), period.from.month());
    while (y, m) <= (period.to.year(), period.to.month()) {
        nightly.extend(
            nightly_occupancy(&data.beds, &data.stays, y, m, today).into_iter().filter(|n| period.contains(n.night)),
        );
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let departed: BTreeSet<CaseId> = people::departed_in(data, period);
    let mut total_nights: u64 = 0;
    for s in data.stays.iter().filter(|s| departed.contains(&s.case_id)) {
        total_nights += u64::from(nights(s, today));
    }
    let average_stay = (!departed.is_empty()).then(|| total_nights as f64 / departed.len() as f64);
    Occupancy {
        bed_nights,
        summary: month_occupancy(&nightly),
        nightly,
        average_stay,
        departures: to_u32(departed.len()),
    }
}

/// Arrivals of the year of the period's end, up to that end, against `target`.
pub fn target(data: &Data, period: &Period, target: u32) -> Target {
    let year = period.to.year();
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(period.to);
    let arrived = data.cases.iter().filter(|c| c.arrived_on.is_some_and(|d| jan1 <= d && d <= period.to)).count();
    let erased = data.anonymised.iter().filter(|a| a.year == year).count();
    let days_in_year: u32 = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() { 366 } else { 365 };
    let elapsed = period.to.ordinal();
    let expected = (u64::from(target) * u64::from(elapsed) / u64::from(days_in_year)) as u32;
    Target { year, target, count: to_u32(arrived + erased), expected }
}

/// Computes the whole report for `period` as of `today`.
pub fn compute(data: &Data, period: Period, today: NaiveDate, yearly_target: u32) -> Figures {
    let (services, grants) = services(data, &period);
    Figures {
        period,
        today,
        people: people::count(data, &period, today),
        services,
        grants,
        referrals: referrals(data, &period),
        pickups: pickups(data, &period),
        occupancy: occupancy(data, &period, today),
        target: target(data, &period, yearly_target),
        complete: data.case_key,
    }
}
