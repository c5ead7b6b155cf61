//! Rules of the arrivals board: which pickups a view shows and in what
//! order, the counts in its header, where the cursor starts, how a new
//! estimate is read, and which terminals an airport has.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::dates::{DateError, parse_datetime, parse_time};
use super::pickup::{AirportTerminals, Pickup, PickupStatus};

/// Which pickups the board shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoardView {
    /// One day (today by default).
    Day(NaiveDate),
    /// Seven days from the first.
    Week(NaiveDate),
    /// Every pickup not yet closed: scheduled, delayed, or met but not yet at the centre.
    Open,
}

/// Days a week view covers.
pub const WEEK_DAYS: i64 = 7;

impl BoardView {
    /// Whether the view shows `p`. A day shows what is scheduled or expected
    /// that day, so a flight delayed past midnight appears on both days.
    pub fn shows(&self, p: &Pickup) -> bool {
        match *self {
            BoardView::Day(day) => p.scheduled.date() == day || p.expected_at().date() == day,
            BoardView::Week(first) => {
                let last = first.checked_add_signed(Duration::days(WEEK_DAYS - 1)).unwrap_or(first);
                let in_week = |d: NaiveDate| d >= first && d <= last;
                in_week(p.scheduled.date()) || in_week(p.expected_at().date())
            }
            BoardView::Open => is_open(p.status),
        }
    }

    /// Whether rows of this view may fall on different days (the board then shows dates).
    pub fn spans_days(&self) -> bool {
        !matches!(self, BoardView::Day(_))
    }
}

/// Whether a pickup still needs something from reception.
pub fn is_open(status: PickupStatus) -> bool {
    matches!(status, PickupStatus::Scheduled | PickupStatus::Delayed | PickupStatus::Met)
}

/// Whether reception is still waiting for the person.
pub fn is_awaited(status: PickupStatus) -> bool {
    matches!(status, PickupStatus::Scheduled | PickupStatus::Delayed)
}

/// The board's order: by scheduled time, as airport arrival boards list
/// flights, then flight, then id so that equal rows never swap on refresh.
pub fn sort_board(pickups: &mut [Pickup]) {
    pickups.sort_by(|a, b| (a.scheduled, &a.flight, a.id.as_bytes()).cmp(&(b.scheduled, &b.flight, b.id.as_bytes())));
}

/// How many pickups have each status, in status order, statuses with none left out.
pub fn status_counts(pickups: &[Pickup]) -> Vec<(PickupStatus, usize)> {
    PickupStatus::all().map(|s| (s, pickups.iter().filter(|p| p.status == s).count())).filter(|(_, n)| *n > 0).collect()
}

/// Where the cursor starts: the first person still awaited (the earliest,
/// so an overdue one comes first), else the first row.
pub fn first_awaited(pickups: &[Pickup]) -> usize {
    pickups.iter().position(|p| is_awaited(p.status)).unwrap_or(0)
}

/// Reads a new estimate for a delayed flight. A time alone is on the
/// scheduled day, or the day after when that would be before the schedule
/// (`01:20` for a 23:50 flight); a date and time are read as anywhere else.
pub fn parse_estimate(input: &str, scheduled: NaiveDateTime, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    if let Ok(t) = parse_time(input) {
        let same_day = scheduled.date().and_time(t);
        if same_day >= scheduled {
            return Ok(same_day);
        }
        return same_day.checked_add_signed(Duration::days(1)).ok_or(DateError::OutOfRange);
    }
    parse_datetime(input, now)
}

/// Why a terminal does not fit the chosen airport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum TerminalError {
    /// The airport is not in the centre's list.
    #[error("unknown airport")]
    UnknownAirport,
    /// The airport has several terminals and none was chosen.
    #[error("choose a terminal")]
    Missing,
    /// The airport has no such terminal.
    #[error("no such terminal at this airport")]
    NotAtAirport,
    /// The airport has a single arrivals hall: no terminal applies.
    #[error("this airport has no terminals")]
    NoTerminals,
}

/// Checks an airport code and terminal against the configured airports.
pub fn check_terminal(
    airports: &[AirportTerminals],
    airport: &str,
    terminal: Option<&str>,
) -> Result<(), TerminalError> {
    let a = airports.iter().find(|a| a.code == airport).ok_or(TerminalError::UnknownAirport)?;
    match terminal {
        None if a.terminals.is_empty() => Ok(()),
        None => Err(TerminalError::Missing),
        Some(_) if a.terminals.is_empty() => Err(TerminalError::NoTerminals),
        Some(t) if a.terminals.iter().any(|x| x == t) => Ok(()),
        Some(_) => Err(TerminalError::NotAtAirport),
    }
}

/// Every place a person can be met: `(airport, terminal)` pairs in list order.
pub fn meeting_places(airports: &[AirportTerminals]) -> Vec<(String, Option<String>)> {
    airports
        .iter()
        .flat_map(|a| {
            if a.terminals.is_empty() {
                vec![(a.code.clone(), None)]
            } else {
                a.terminals.iter().map(|t| (a.code.clone(), Some(t.clone()))).collect()
            }
        })
        .collect()
}

/// A place as one word: `SVO C`, or `DME` for a single hall.
pub fn place_label(airport: &str, terminal: Option<&str>) -> String {
    match terminal {
        Some(t) if !t.is_empty() => format!("{airport} {t}"),
        _ => airport.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::flight::FlightNumber;
    use crate::domain::ids::{Id, PickupId};
    use crate::domain::pickup::{Needs, default_airports};

    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    fn pickup(n: u8, scheduled: NaiveDateTime, status: PickupStatus) -> Pickup {
        Pickup {
            id: PickupId(Id([n; 16])),
            flight: FlightNumber::parse("SU 2101").unwrap(),
            origin: "IST".into(),
            airport: "SVO".into(),
            terminal: Some("C".into()),
            scheduled,
            estimated: None,
            actual: None,
            meeting_point: String::new(),
            escort: None,
            recognition: String::new(),
            needs: Needs::default(),
            case_id: None,
            status,
            changes: vec![],
            reason: String::new(),
            met_effect: None,
            corrected: false,
            by: Default::default(),
        }
    }

    #[test]
    fn a_day_shows_what_is_scheduled_or_expected_that_day() {
        let today = BoardView::Day(at(1, 0, 0).date());
        let tomorrow = BoardView::Day(at(2, 0, 0).date());
        let mut late = pickup(1, at(1, 23, 50), PickupStatus::Delayed);
        late.estimated = Some(at(2, 1, 20));
        assert!(today.shows(&late) && tomorrow.shows(&late), "a flight delayed past midnight is on both days");
        let early = pickup(2, at(1, 6, 0), PickupStatus::Met);
        assert!(today.shows(&early) && !tomorrow.shows(&early));
    }

    #[test]
    fn a_week_is_seven_days_and_open_means_not_yet_closed() {
        let week = BoardView::Week(at(1, 0, 0).date());
        assert!(week.shows(&pickup(1, at(7, 23, 59), PickupStatus::Scheduled)));
        assert!(!week.shows(&pickup(1, at(8, 0, 0), PickupStatus::Scheduled)));
        assert!(!week.shows(&pickup(
            1,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(23, 0, 0).unwrap(),
            PickupStatus::Scheduled
        )));
        let open: Vec<bool> = PickupStatus::all().map(|s| BoardView::Open.shows(&pickup(1, at(1, 6, 0), s))).collect();
        assert_eq!(open, [true, true, true, false, false, false]);
        assert!(week.spans_days() && BoardView::Open.spans_days() && !BoardView::Day(at(1, 0, 0).date()).spans_days());
    }

    #[test]
    fn the_board_is_sorted_by_scheduled_time_and_counted_by_status() {
        let mut rows = vec![
            pickup(3, at(1, 14, 0), PickupStatus::Scheduled),
            pickup(1, at(1, 6, 0), PickupStatus::Met),
            pickup(2, at(1, 9, 0), PickupStatus::Delayed),
            pickup(4, at(1, 9, 0), PickupStatus::Scheduled),
        ];
        sort_board(&mut rows);
        let order: Vec<u8> = rows.iter().map(|p| p.id.as_bytes()[0]).collect();
        assert_eq!(order, [1, 2, 4, 3]);
        assert_eq!(
            status_counts(&rows),
            vec![(PickupStatus::Scheduled, 2), (PickupStatus::Delayed, 1), (PickupStatus::Met, 1)]
        );
        assert_eq!(first_awaited(&rows), 1, "the cursor starts on the first person still awaited");
        assert_eq!(first_awaited(&rows[..1]), 0);
        assert_eq!(first_awaited(&[]), 0);
    }

    #[test]
    fn an_estimate_typed_as_a_time_follows_the_schedule() {
        let now = at(1, 9, 30);
        assert_eq!(parse_estimate("07:40", at(1, 6, 10), now), Ok(at(1, 7, 40)));
        assert_eq!(parse_estimate("01:20", at(1, 23, 50), now), Ok(at(2, 1, 20)), "past midnight");
        assert_eq!(parse_estimate("tomorrow 06:00", at(1, 23, 50), now), Ok(at(2, 6, 0)));
        assert_eq!(parse_estimate("2026-12-03 08:00", at(1, 23, 50), now), Ok(at(3, 8, 0)));
        assert_eq!(parse_estimate("25:00", at(1, 6, 10), now), Err(DateError::InvalidTime));
        assert_eq!(parse_estimate("soon", at(1, 6, 10), now), Err(DateError::Unrecognised));
    }

    #[test]
    fn terminals_must_belong_to_the_airport() {
        let a = default_airports();
        assert_eq!(check_terminal(&a, "SVO", Some("C")), Ok(()));
        assert_eq!(check_terminal(&a, "SVO", Some("A")), Err(TerminalError::NotAtAirport));
        assert_eq!(check_terminal(&a, "SVO", None), Err(TerminalError::Missing));
        assert_eq!(check_terminal(&a, "DME", None), Ok(()));
        assert_eq!(check_terminal(&a, "DME", Some("B")), Err(TerminalError::NoTerminals));
        assert_eq!(check_terminal(&a, "VKO", Some("A")), Ok(()));
        assert_eq!(check_terminal(&a, "VKO", Some("C")), Err(TerminalError::NotAtAirport));
        assert_eq!(check_terminal(&a, "LED", None), Err(TerminalError::UnknownAirport));
    }

    #[test]
    fn meeting_places_list_every_terminal() {
        let places = meeting_places(&default_airports());
        let labels: Vec<String> = places.iter().map(|(a, t)| place_label(a, t.as_deref())).collect();
        assert_eq!(labels, ["SVO B", "SVO C", "SVO D", "SVO E", "SVO F", "DME", "VKO A", "VKO B", "VKO D", "ZIA"]);
    }
}
