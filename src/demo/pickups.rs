//! Airport pickups: today's and tomorrow's arrivals at SVO, DME and VKO, plus
//! a few past ones that were met, brought in, missed or called off.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::names::{MEETING_POINTS, Nationality, RECOGNITION};
use super::rng::{Rng, shift};
use crate::domain::case::CaseFront;
use crate::domain::flight::FlightNumber;
use crate::domain::ids::PickupId;
use crate::domain::person::AgeGroup;
use crate::domain::pickup::{Needs, Pickup, PickupStatus};

/// A scheduled route: origin (IATA), flight, arrival airport and terminal.
type Route = (&'static str, &'static str, &'static str, Option<&'static str>);

/// Invented but plausible flights into Moscow.
const ROUTES: &[Route] = &[
    ("TAS", "HY 603", "VKO", Some("A")),
    ("TAS", "SU 1873", "SVO", Some("B")),
    ("TAS", "HY 611", "DME", None),
    ("SKD", "HY 631", "DME", None),
    ("FEG", "SU 1865", "SVO", Some("D")),
    ("NMA", "HY 655", "VKO", Some("A")),
    ("DYU", "SZ 203", "VKO", Some("A")),
    ("DYU", "U6 2826", "DME", None),
    ("DYU", "SU 1881", "SVO", Some("C")),
    ("LBD", "SZ 207", "DME", None),
    ("FRU", "SU 1885", "SVO", Some("B")),
    ("FRU", "QH 513", "VKO", Some("A")),
    ("FRU", "S7 1078", "DME", None),
    ("OSS", "U6 263", "DME", None),
    ("ALA", "KC 891", "SVO", Some("C")),
    ("ALA", "SU 1971", "SVO", Some("B")),
    ("ALA", "UT 891", "VKO", Some("D")),
    ("NQZ", "KC 873", "SVO", Some("C")),
    ("CIT", "S7 3208", "DME", None),
    ("KIV", "DP 542", "VKO", Some("A")),
    ("KIV", "DP 924", "VKO", Some("B")),
    ("SGN", "VN 63", "SVO", Some("F")),
    ("SGN", "SU 291", "SVO", Some("F")),
    ("HAN", "VN 65", "SVO", Some("F")),
    ("IST", "TK 413", "VKO", Some("A")),
    ("IST", "SU 2137", "SVO", Some("C")),
    ("IST", "PC 394", "DME", None),
    ("DXB", "EK 131", "DME", None),
    ("DXB", "SU 521", "SVO", Some("C")),
    ("DXB", "FZ 981", "VKO", Some("A")),
    ("AYT", "SU 2101", "SVO", Some("B")),
    ("HKT", "SU 279", "SVO", Some("F")),
    ("BKK", "SU 271", "SVO", Some("F")),
    ("ADD", "ET 752", "DME", None),
    ("CAI", "MS 729", "SVO", Some("E")),
    ("DOH", "QR 233", "DME", None),
    ("CDG", "SU 2455", "SVO", Some("E")),
    ("CMN", "AT 224", "SVO", Some("E")),
];

/// Escorts who travel with some people (fictional organisations).
const ESCORTS: &[&str] = &[
    "escort from International Office for Safe Return (demo)",
    "сопровождающая от АНО «Открытая дверь»",
    "social worker from Transit Aid Network",
];

/// A route from the person's home airports, or into `airport` when given.
fn route(n: &Nationality, airport: Option<&str>, rng: &mut Rng) -> Route {
    let fitting: Vec<Route> = match airport {
        Some(a) => ROUTES.iter().copied().filter(|r| r.2 == a).collect(),
        None => ROUTES.iter().copied().filter(|r| n.airports.contains(&r.0)).collect(),
    };
    let all: Vec<Route> = ROUTES.to_vec();
    let pool = if fitting.is_empty() { &all } else { &fitting };
    rng.pick_or(pool, ("IST", "SU 2137", "SVO", Some("C")))
}

/// A time on `day` between the hours `from` and `to`, on a five-minute mark.
fn time_on(day: NaiveDate, from: i64, to: i64, rng: &mut Rng) -> NaiveDateTime {
    let h = u32::try_from(rng.range(from, to)).unwrap_or(12);
    let m = u32::try_from(rng.range(0, 11) * 5).unwrap_or(0);
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN))
}

fn plus_minutes(t: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    t.checked_add_signed(Duration::minutes(minutes)).unwrap_or(t)
}

/// What is asked of one pickup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Still to come (today or later).
    Upcoming,
    /// Today, flight late.
    Delayed,
    /// Met earlier today.
    MetToday,
    /// Met and brought to the centre on a past day.
    BroughtIn,
    /// Did not come out (past, no case).
    NoShow,
    /// Called off (no case).
    Cancelled,
}

/// One pickup for `front` (or for nobody yet), arriving on `day`.
pub fn pickup(
    kind: Kind,
    front: Option<&CaseFront>,
    n: &Nationality,
    day: NaiveDate,
    airport: Option<&str>,
    rng: &mut Rng,
) -> Pickup {
    let (origin, flight, code, terminal) = route(n, airport, rng);
    let (from, to) = match kind {
        Kind::MetToday => (0, 9),
        Kind::Upcoming | Kind::Cancelled => (11, 23),
        Kind::Delayed => (8, 20),
        Kind::BroughtIn | Kind::NoShow => (0, 22),
    };
    let scheduled = time_on(day, from, to, rng);
    let minor = front.is_some_and(|f| f.effective_age_group(day) == AgeGroup::Minor);
    let needs = Needs {
        wheelchair: front.is_some_and(|f| f.special_needs.contains("wheelchair")),
        medical: rng.chance(15),
        minor,
        interpreter: front.filter(|f| f.interpreter_needed).and_then(|f| f.languages.first().cloned()),
    };
    let mut p = Pickup {
        id: PickupId::from(rng.id()),
        flight: FlightNumber::parse(flight).unwrap_or(FlightNumber { airline: "SU".into(), number: "2137".into() }),
        origin: origin.to_string(),
        airport: code.to_string(),
        terminal: terminal.map(str::to_string),
        scheduled,
        estimated: None,
        actual: None,
        meeting_point: rng.pick(MEETING_POINTS).copied().unwrap_or_default().to_string(),
        escort: (minor || rng.chance(20)).then(|| rng.pick(ESCORTS).copied().unwrap_or_default().to_string()),
        recognition: rng.pick(RECOGNITION).copied().unwrap_or_default().to_string(),
        needs,
        case_id: front.map(|f| f.id),
        status: PickupStatus::Scheduled,
        changes: Vec::new(),
        reason: String::new(),
        met_effect: None,
        corrected: false,
        by: Default::default(),
    };
    let booked = plus_minutes(scheduled, -rng.range(24 * 60, 4 * 24 * 60));
    p.changes.push((PickupStatus::Scheduled, booked));
    match kind {
        Kind::Upcoming => {}
        Kind::Delayed => {
            let late = rng.range(8, 40) * 5;
            p.estimated = Some(plus_minutes(scheduled, late));
            p.status = PickupStatus::Delayed;
            p.changes.push((PickupStatus::Delayed, plus_minutes(scheduled, -90)));
            p.reason = "late departure".into();
        }
        Kind::MetToday | Kind::BroughtIn => {
            let met = plus_minutes(scheduled, rng.range(25, 75));
            p.actual = Some(met);
            p.status = PickupStatus::Met;
            p.changes.push((PickupStatus::Met, met));
            if kind == Kind::BroughtIn {
                let at_centre = plus_minutes(met, rng.range(60, 120));
                p.status = PickupStatus::AtCentre;
                p.changes.push((PickupStatus::AtCentre, at_centre));
            }
        }
        Kind::NoShow => {
            p.status = PickupStatus::NoShow;
            p.changes.push((PickupStatus::NoShow, plus_minutes(scheduled, 120)));
            p.reason = "did not come out; phone switched off".into();
        }
        Kind::Cancelled => {
            p.status = PickupStatus::Cancelled;
            p.changes.push((PickupStatus::Cancelled, plus_minutes(booked, 600)));
            p.reason = "flight cancelled by the airline, rebooking".into();
        }
    }
    p
}

/// The airports every demo day has a pickup at.
pub const TODAY_AIRPORTS: [&str; 3] = ["SVO", "DME", "VKO"];

/// A past day within the last `days` days.
pub fn recent_day(today: NaiveDate, days: i64, rng: &mut Rng) -> NaiveDate {
    shift(today, -rng.range(1, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_and_terminals_fit_the_airport() {
        let airports = crate::domain::pickup::default_airports();
        for (_, flight, code, terminal) in ROUTES {
            assert!(FlightNumber::parse(flight).is_ok(), "{flight}");
            let a = airports.iter().find(|a| a.code == *code).unwrap();
            match terminal {
                Some(t) => assert!(a.terminals.iter().any(|x| x == t), "{code} {t}"),
                None => assert!(a.terminals.is_empty(), "{code}"),
            }
        }
    }

    #[test]
    fn status_histories_follow_the_transition_rules() {
        let mut rng = Rng::new(5, "pickups");
        let day = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
        let n = &super::super::names::NATIONALITIES[0];
        for kind in [Kind::Upcoming, Kind::Delayed, Kind::MetToday, Kind::BroughtIn, Kind::NoShow, Kind::Cancelled] {
            let p = pickup(kind, None, n, day, None, &mut rng);
            for w in p.changes.windows(2) {
                assert!(crate::domain::pickup::can_transition(w[0].0, w[1].0), "{kind:?}");
                assert!(w[0].1 <= w[1].1);
            }
            assert_eq!(p.changes.last().map(|c| c.0), Some(p.status));
        }
    }
}
