//! The shape of the demo before any person exists: how many cases stand at
//! each status, when each arrived and left, and which bed each resident has.

use chrono::NaiveDate;

use super::rng::{Rng, shift};
use super::rooms::Building;
use crate::domain::case::CaseStatus;

/// One case's place in time.
#[derive(Debug, Clone)]
pub struct Slot {
    /// Where the case stands today.
    pub status: CaseStatus,
    /// Day the case was opened (its code's year comes from this).
    pub registered: NaiveDate,
    /// Day of arrival (expected arrival for `Expected`).
    pub arrival: NaiveDate,
    /// Day the person left the centre.
    pub left: Option<NaiveDate>,
    /// Day the file was closed.
    pub closed: Option<NaiveDate>,
    /// Index of the bed of the open stay (residents only).
    pub bed: Option<usize>,
    /// Day of a bed transfer: the first stay ran from arrival to this day.
    pub transfer: Option<NaiveDate>,
}

/// How many cases stand at each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Announced, not yet arrived.
    pub expected: usize,
    /// Met today, not yet housed.
    pub arrived: usize,
    /// Sleeping at the centre.
    pub resident: usize,
    /// Everyone else: departed or closed.
    pub past: usize,
}

/// Splits `cases` over the statuses; residents never exceed three quarters of
/// the usable beds, so the board shows free beds and reservations too.
pub fn counts(cases: usize, usable_beds: usize) -> Counts {
    let expected = (cases / 8).clamp(1, 12).min(cases);
    let mut left = cases - expected;
    let arrived = if cases >= 5 { (cases / 25).clamp(1, 3).min(left) } else { 0 };
    left -= arrived;
    let resident = ((left * 45).div_ceil(100)).min(usable_beds * 3 / 4).min(left);
    left -= resident;
    Counts { expected, arrived, resident, past: left }
}

/// Lays out every case in time; residents get a usable bed each.
pub fn plan(rng: &mut Rng, cases: usize, today: NaiveDate, building: &Building) -> Vec<Slot> {
    let mut usable: Vec<usize> =
        (0..building.beds.len()).filter(|i| building.beds.get(*i).is_some_and(|b| b.usable_on(today))).collect();
    let c = counts(cases, usable.len());
    rng.shuffle(&mut usable);
    let mut slots = Vec::with_capacity(cases);

    for n in 0..c.expected {
        // The first three arrive today so that every airport has a pickup today.
        let days = if n < 3 { 0 } else { rng.weighted(&[(0, 50), (1, 35), (2, 8), (3, 7)]).unwrap_or(1) };
        let arrival = shift(today, days);
        slots.push(Slot {
            status: CaseStatus::Expected,
            registered: rng.day_near(today, -5, 0),
            arrival,
            left: None,
            closed: None,
            bed: None,
            transfer: None,
        });
    }
    for _ in 0..c.arrived {
        slots.push(Slot {
            status: CaseStatus::Arrived,
            registered: rng.day_near(today, -3, 0),
            arrival: today,
            left: None,
            closed: None,
            bed: None,
            transfer: None,
        });
    }
    for bed in usable.iter().take(c.resident) {
        let arrival = rng.day_near(today, -75, -1);
        let days_in = (today - arrival).num_days();
        let transfer = (days_in >= 5 && rng.chance(12)).then(|| shift(arrival, rng.range(2, days_in - 1)));
        slots.push(Slot {
            status: CaseStatus::InResidence,
            registered: rng.day_near(arrival, -3, 0),
            arrival,
            left: None,
            closed: None,
            bed: Some(*bed),
            transfer,
        });
    }
    // About 330 people a year pass through: spread the past over that pace.
    let span = i64::try_from(c.past.saturating_mul(365) / 330).unwrap_or(3650).clamp(90, 3650);
    for _ in 0..c.past {
        let left = shift(today, -rng.range(1, span));
        let arrival = shift(left, -rng.range(4, 75));
        let recent = (today - left).num_days() <= 45;
        let status = if recent {
            rng.weighted(&[(CaseStatus::Departed, 75), (CaseStatus::Closed, 15), (CaseStatus::ClosedReferred, 10)])
        } else {
            rng.weighted(&[(CaseStatus::Departed, 5), (CaseStatus::Closed, 60), (CaseStatus::ClosedReferred, 35)])
        }
        .unwrap_or(CaseStatus::Closed);
        let closed = status.is_closed().then(|| shift(left, rng.range(0, 30)).min(today));
        slots.push(Slot {
            status,
            registered: rng.day_near(arrival, -5, 0),
            arrival,
            left: Some(left),
            closed,
            bed: None,
            transfer: None,
        });
    }
    // Case codes follow the order cases were opened.
    slots.sort_by_key(|s| s.registered);
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_leave_free_beds() {
        for cases in [0, 1, 2, 5, 12, 60, 400, 10_000] {
            let c = counts(cases, 37);
            assert_eq!(c.expected + c.arrived + c.resident + c.past, cases, "{cases}");
            assert!(c.resident <= 27);
        }
        let c = counts(60, 37);
        assert!(c.expected >= 3 && c.arrived >= 1 && c.resident >= 15 && c.past >= 15, "{c:?}");
    }

    #[test]
    fn dates_are_in_order_and_nobody_left_in_the_future() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let b = super::super::rooms::build(&mut Rng::new(1, "rooms"), today);
        let slots = plan(&mut Rng::new(1, "plan"), 500, today, &b);
        assert_eq!(slots.len(), 500);
        assert!(slots.windows(2).all(|w| w[0].registered <= w[1].registered));
        for s in &slots {
            assert!(s.registered <= today);
            if let Some(l) = s.left {
                assert!(s.arrival < l && l < today);
            }
            if let Some(c) = s.closed {
                assert!(c <= today && Some(c) >= s.left);
            }
            if let Some(t) = s.transfer {
                assert!(s.arrival < t && t < today);
            }
            assert_eq!(s.bed.is_some(), s.status == CaseStatus::InResidence);
        }
    }
}
