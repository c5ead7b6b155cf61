//! Who was assisted in a period, and how they break down by gender, age
//! band, citizenship and type of exploitation.
//!
//! A person counts as assisted when, during the period, they arrived, slept
//! at the centre, left it, received a service or were referred. Erased cases
//! count through their anonymised trace, which keeps only the year of
//! arrival: they are placed in a period only when it covers that whole year.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;

use super::data::Data;
use super::period::Period;
use crate::domain::case::ExploitationType;
use crate::domain::country::CountryCode;
use crate::domain::ids::CaseId;
use crate::domain::occupancy::bed_nights_per_case;
use crate::domain::person::{AgeBand, Gender};
use crate::domain::service::ServiceStatus;
use crate::domain::stay::StayEndReason;

/// How many people were in each situation during the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Arrived at the centre.
    pub new: u32,
    /// Slept at least one night at the centre.
    pub resident: u32,
    /// Left the centre.
    pub departed: u32,
    /// Their file was closed.
    pub closed: u32,
    /// Assisted in any way (see the module documentation).
    pub assisted: u32,
}

impl Counts {
    fn add(&mut self, p: &Person) {
        self.new += u32::from(p.new);
        self.resident += u32::from(p.resident);
        self.departed += u32::from(p.departed);
        self.closed += u32::from(p.closed);
        self.assisted += u32::from(p.assisted);
    }

    /// Whether every count is zero.
    pub fn is_zero(&self) -> bool {
        *self == Counts::default()
    }
}

/// One person as the report sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// HTCDS gender.
    pub gender: Gender,
    /// CTDC age band at arrival (at the end of the period when not arrived).
    pub age_band: AgeBand,
    /// First citizenship, if known.
    pub citizenship: Option<CountryCode>,
    /// Types of exploitation recorded.
    pub exploitation: Vec<ExploitationType>,
    /// Arrived in the period.
    pub new: bool,
    /// Slept at the centre in the period.
    pub resident: bool,
    /// Left the centre in the period.
    pub departed: bool,
    /// File closed in the period.
    pub closed: bool,
    /// Assisted in the period.
    pub assisted: bool,
    /// From an anonymised trace of an erased case.
    pub erased: bool,
}

/// A breakdown of the people counted by one characteristic.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown<K> {
    /// One row per value that has anyone in it.
    pub rows: Vec<(K, Counts)>,
    /// Every person once (for exploitation, not the sum of the rows).
    pub total: Counts,
}

/// Everything about people in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct People {
    /// Totals.
    pub total: Counts,
    /// By gender, in HTCDS order.
    pub gender: Breakdown<Gender>,
    /// By CTDC age band, youngest first, unknown last.
    pub age: Breakdown<AgeBand>,
    /// By first citizenship, most people first, unknown last.
    pub citizenship: Breakdown<Option<CountryCode>>,
    /// By type of exploitation (a person may count under several), not recorded last.
    pub exploitation: Breakdown<Option<ExploitationType>>,
    /// Erased cases counted in this period.
    pub erased_counted: u32,
    /// Erased cases of a year this period only partly covers, so left out.
    pub erased_unplaced: u32,
}

/// The cases that left the centre during the period: a stay ended that no
/// transfer continued.
pub fn departed_in(data: &Data, period: &Period) -> BTreeSet<CaseId> {
    let continued: HashSet<(CaseId, NaiveDate)> = data.stays.iter().map(|s| (s.case_id, s.from)).collect();
    data.stays
        .iter()
        .filter_map(|s| {
            let until = s.until?;
            let left = period.contains(until)
                && s.end_reason != Some(StayEndReason::Transferred)
                && !continued.contains(&(s.case_id, until));
            left.then_some(s.case_id)
        })
        .collect()
}

/// Every person the period concerns, known cases and placed erased ones.
pub fn people(data: &Data, period: &Period, today: NaiveDate) -> Vec<Person> {
    let nights = bed_nights_per_case(&data.stays, period.from, period.to, today);
    let departed = departed_in(data, period);
    let served: HashSet<CaseId> = data
        .services
        .iter()
        .filter(|s| s.status == ServiceStatus::Done && period.holds(s.done_on))
        .map(|s| s.case_id)
        .collect();
    let referred: HashSet<CaseId> =
        data.referrals.iter().filter(|r| period.contains(r.date)).map(|r| r.case_id).collect();
    let mut out = Vec::with_capacity(data.cases.len());
    for c in &data.cases {
        let file = data.files.get(&c.id);
        let new = period.holds(c.arrived_on);
        let resident = nights.get(&c.id).is_some_and(|n| *n > 0);
        let left = departed.contains(&c.id);
        let closed = file.and_then(|f| f.closing.as_ref()).is_some_and(|cl| period.contains(cl.on));
        let assisted = new || resident || left || served.contains(&c.id) || referred.contains(&c.id);
        if !(assisted || closed) {
            continue;
        }
        out.push(Person {
            gender: c.gender,
            age_band: c.age.age_band(c.arrived_on.unwrap_or(period.to)),
            citizenship: file.and_then(|f| f.citizenship.first().copied()),
            exploitation: file.map(|f| f.trafficking.exploitation.clone()).unwrap_or_default(),
            new,
            resident,
            departed: left,
            closed,
            assisted,
            erased: false,
        });
    }
    for a in data.anonymised.iter().filter(|a| period.covers_year(a.year)) {
        out.push(Person {
            gender: a.gender,
            age_band: a.age_band,
            citizenship: a.citizenship.first().copied(),
            exploitation: a.exploitation.clone(),
            new: true,
            resident: false,
            departed: false,
            closed: false,
            assisted: true,
            erased: true,
        });
    }
    out
}

fn breakdown<K: Ord + Clone>(persons: &[Person], keys: impl Fn(&Person) -> Vec<K>) -> Breakdown<K> {
    let mut rows: BTreeMap<K, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for p in persons {
        total.add(p);
        for k in keys(p) {
            rows.entry(k).or_default().add(p);
        }
    }
    Breakdown { rows: rows.into_iter().collect(), total }
}

/// Counts the people of the period and breaks them down.
pub fn count(data: &Data, period: &Period, today: NaiveDate) -> People {
    let persons = people(data, period, today);
    let gender = breakdown(&persons, |p| vec![p.gender]);
    let age = breakdown(&persons, |p| vec![p.age_band]);
    let mut citizenship = breakdown(&persons, |p| vec![p.citizenship]);
    // Most people first; unknown citizenship last whatever its size.
    citizenship.rows.sort_by(|(ka, a), (kb, b)| {
        (ka.is_none(), std::cmp::Reverse(a.assisted), std::cmp::Reverse(a.closed), ka.map(|c| c.to_string())).cmp(&(
            kb.is_none(),
            std::cmp::Reverse(b.assisted),
            std::cmp::Reverse(b.closed),
            kb.map(|c| c.to_string()),
        ))
    });
    let mut exploitation = breakdown(&persons, |p| {
        if p.exploitation.is_empty() {
            vec![None]
        } else {
            let mut types: Vec<Option<ExploitationType>> = p.exploitation.iter().copied().map(Some).collect();
            types.sort();
            types.dedup();
            types
        }
    });
    // `None` sorts first in an Option; "not recorded" belongs at the end.
    exploitation.rows.sort_by_key(|(k, _)| (k.is_none(), *k));
    let erased_counted = persons.iter().filter(|p| p.erased).count();
    let erased_unplaced =
        data.anonymised.iter().filter(|a| period.touches_year(a.year) && !period.covers_year(a.year)).count();
    People {
        total: gender.total,
        gender,
        age,
        citizenship,
        exploitation,
        erased_counted: u32::try_from(erased_counted).unwrap_or(u32::MAX),
        erased_unplaced: u32::try_from(erased_unplaced).unwrap_or(u32::MAX),
    }
}
