//! What each bed is on a given night, and free beds per wing: the bed board,
//! the dashboard and the reports all count the same way.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::ids::{BedId, CaseId, RoomId};
use super::rooms::{Bed, Room, Wing};
use super::stay::{Reservation, Stay};

/// The state of one bed on one night.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BedState {
    /// Nobody, nothing held.
    Free,
    /// Someone has an open stay in it.
    Occupied(CaseId),
    /// Held for an expected arrival.
    Reserved(Option<CaseId>),
    /// Out of service or retired.
    Unavailable,
}

/// Each bed's state on `day`.
pub fn bed_states(
    beds: &[Bed],
    stays: &[Stay],
    reservations: &[Reservation],
    day: NaiveDate,
) -> HashMap<BedId, BedState> {
    let mut states: HashMap<BedId, BedState> =
        beds.iter().map(|b| (b.id, if b.usable_on(day) { BedState::Free } else { BedState::Unavailable })).collect();
    for r in reservations.iter().filter(|r| r.holds(day)) {
        if let Some(s @ BedState::Free) = states.get_mut(&r.bed_id) {
            *s = BedState::Reserved(r.case_id);
        }
    }
    for s in stays.iter().filter(|s| s.is_open() && s.from <= day) {
        if let Some(state) = states.get_mut(&s.bed_id) {
            *state = BedState::Occupied(s.case_id);
        }
    }
    states
}

/// Free beds per wing on `day`, in wing order, with the total.
pub fn free_per_wing(rooms: &[Room], beds: &[Bed], states: &HashMap<BedId, BedState>) -> (Vec<(Wing, u32)>, u32) {
    let wing_of: HashMap<RoomId, Wing> = rooms.iter().filter(|r| !r.retired).map(|r| (r.id, r.wing)).collect();
    let mut counts: Vec<(Wing, u32)> = Wing::all().map(|w| (w, 0)).collect();
    let mut total = 0;
    for b in beds {
        if states.get(&b.id) != Some(&BedState::Free) {
            continue;
        }
        let Some(w) = wing_of.get(&b.room_id) else { continue };
        if let Some((_, n)) = counts.iter_mut().find(|(x, _)| x == w) {
            *n += 1;
            total += 1;
        }
    }
    (counts, total)
}

/// Whether `stay` covers the night of `day` (check-in night included, the
/// night of leaving not). An open stay covers every night from its first.
pub fn covers(stay: &Stay, day: NaiveDate) -> bool {
    stay.from <= day && stay.until.is_none_or(|u| day < u)
}

/// The stay in `bed` on the night of `day`, if anyone slept there.
pub fn occupant_on(stays: &[Stay], bed: BedId, day: NaiveDate) -> Option<&Stay> {
    stays.iter().find(|s| s.bed_id == bed && covers(s, day))
}

/// Who slept in which bed on the night of `day`, in walking order of `beds`.
pub fn who_was_in(beds: &[Bed], stays: &[Stay], day: NaiveDate) -> Vec<(BedId, CaseId)> {
    let mut ordered: Vec<&Bed> = beds.iter().collect();
    ordered.sort_by_key(|b| (b.walk_order, b.label.as_str()));
    ordered.into_iter().filter_map(|b| occupant_on(stays, b.id, day).map(|s| (b.id, s.case_id))).collect()
}

/// Bed-nights per case over the nights `from ..= to`. Open stays count up to
/// `today` (exclusive, as [`crate::domain::stay::nights`] does): tonight is
/// counted once it has passed. A night is counted once per case even if the
/// records were to overlap.
pub fn bed_nights_per_case(stays: &[Stay], from: NaiveDate, to: NaiveDate, today: NaiveDate) -> BTreeMap<CaseId, u32> {
    let mut nights: BTreeMap<CaseId, BTreeSet<NaiveDate>> = BTreeMap::new();
    for s in stays {
        let first = s.from.max(from);
        let end = s.until.unwrap_or(today);
        let mut day = first;
        while day <= to && day < end {
            nights.entry(s.case_id).or_default().insert(day);
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
    }
    nights.into_iter().map(|(c, set)| (c, u32::try_from(set.len()).unwrap_or(u32::MAX))).collect()
}

/// One night of a month: beds occupied and beds the centre could use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NightOccupancy {
    /// The night (the date the evening belongs to).
    pub night: NaiveDate,
    /// Beds with someone in them.
    pub occupied: u32,
    /// Beds in the plan and in service that night (by their current record:
    /// the plan keeps no history of out-of-service periods).
    pub capacity: u32,
}

impl NightOccupancy {
    /// Occupied beds as a share of capacity, 0 when there is no capacity.
    pub fn rate(&self) -> f64 {
        if self.capacity == 0 { 0.0 } else { f64::from(self.occupied) / f64::from(self.capacity) }
    }
}

/// The beds of a night, the one count the dashboard ("27 of 37") and the
/// reports (capacity, occupancy rate) share: every bed someone sleeps in
/// (`occupied`), whatever its record says (out of service, retired), and
/// every other bed of the plan in service that night.
pub fn beds_in_use(beds: &[Bed], occupied: &BTreeSet<BedId>, day: NaiveDate) -> u32 {
    let free_in_service = beds.iter().filter(|b| b.usable_on(day) && !occupied.contains(&b.id)).count();
    u32::try_from(occupied.len() + free_in_service).unwrap_or(u32::MAX)
}

/// Nightly occupancy of every night of `year`-`month` up to and excluding
/// `today` (nights still to come are not counted). Retired beds count as
/// capacity only on nights someone slept in them.
pub fn nightly_occupancy(beds: &[Bed], stays: &[Stay], year: i32, month: u32, today: NaiveDate) -> Vec<NightOccupancy> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { return Vec::new() };
    let mut out = Vec::new();
    let mut day = first;
    while day.month() == month && day < today {
        let mut occupied_beds: BTreeSet<BedId> = BTreeSet::new();
        for s in stays.iter().filter(|s| covers(s, day)) {
            occupied_beds.insert(s.bed_id);
        }
        out.push(NightOccupancy {
            night: day,
            occupied: u32::try_from(occupied_beds.len()).unwrap_or(u32::MAX),
            capacity: beds_in_use(beds, &occupied_beds, day),
        });
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    out
}

/// A month in one line: bed-nights, capacity-nights, the average and the peak.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MonthOccupancy {
    /// Occupied bed-nights.
    pub bed_nights: u32,
    /// Bed-nights the centre could offer.
    pub capacity_nights: u32,
    /// Most beds occupied on one night.
    pub peak: u32,
    /// Nights counted.
    pub nights: u32,
}

impl MonthOccupancy {
    /// Occupied share of capacity over the month.
    pub fn rate(&self) -> f64 {
        if self.capacity_nights == 0 { 0.0 } else { f64::from(self.bed_nights) / f64::from(self.capacity_nights) }
    }

    /// Average beds occupied per night.
    pub fn average(&self) -> f64 {
        if self.nights == 0 { 0.0 } else { f64::from(self.bed_nights) / f64::from(self.nights) }
    }
}

/// Sums the nights of [`nightly_occupancy`].
pub fn month_occupancy(nights: &[NightOccupancy]) -> MonthOccupancy {
    nights.iter().fold(MonthOccupancy::default(), |mut m, n| {
        m.bed_nights += n.occupied;
        m.capacity_nights += n.capacity;
        m.peak = m.peak.max(n.occupied);
        m.nights += 1;
        m
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{Id, ReservationId, StayId};
    use crate::domain::rooms::OutOfService;

    fn id(n: u8) -> Id {
        Id([n; 16])
    }

    #[test]
    fn occupied_reserved_out_of_service_and_free_are_counted_per_wing() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let women = Room {
            id: RoomId::from(id(1)),
            name: "1".into(),
            floor: 1,
            wing: Wing::Women,
            accessible: false,
            retired: false,
        };
        let men = Room {
            id: RoomId::from(id(2)),
            name: "2".into(),
            floor: 1,
            wing: Wing::Men,
            accessible: false,
            retired: false,
        };
        let bed = |n: u8, room: &Room| Bed {
            id: BedId::from(id(n)),
            room_id: room.id,
            label: n.to_string(),
            walk_order: n.into(),
            out_of_service: None,
            retired: false,
        };
        let mut beds = vec![bed(10, &women), bed(11, &women), bed(12, &women), bed(20, &men), bed(21, &men)];
        beds[4].out_of_service = Some(OutOfService { reason: "repair".into(), until: None });
        let stays = vec![Stay {
            id: StayId::from(id(30)),
            case_id: CaseId::from(id(40)),
            bed_id: beds[0].id,
            from: day,
            expected_until: None,
            until: None,
            end_reason: None,
        }];
        let res = vec![Reservation {
            id: ReservationId::from(id(50)),
            bed_id: beds[1].id,
            case_id: None,
            pickup_id: None,
            for_date: day,
            released: false,
        }];
        let states = bed_states(&beds, &stays, &res, day);
        assert_eq!(states[&beds[0].id], BedState::Occupied(CaseId::from(id(40))));
        assert_eq!(states[&beds[1].id], BedState::Reserved(None));
        assert_eq!(states[&beds[4].id], BedState::Unavailable);
        let (per, total) = free_per_wing(&[women, men], &beds, &states);
        assert_eq!(total, 2);
        assert!(per.contains(&(Wing::Women, 1)) && per.contains(&(Wing::Men, 1)));
        // The next night the reservation no longer holds.
        let next = bed_states(&beds, &stays, &res, day.succ_opt().unwrap());
        assert_eq!(next[&beds[1].id], BedState::Free);
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn plain_bed(n: u8) -> Bed {
        Bed {
            id: BedId::from(id(n)),
            room_id: RoomId::from(id(1)),
            label: format!("{n}"),
            walk_order: u32::from(100 - n),
            out_of_service: None,
            retired: false,
        }
    }

    fn stay(n: u8, case: u8, bed: u8, from: NaiveDate, until: Option<NaiveDate>) -> Stay {
        Stay {
            id: StayId::from(id(n)),
            case_id: CaseId::from(id(case)),
            bed_id: BedId::from(id(bed)),
            from,
            expected_until: None,
            until,
            end_reason: None,
        }
    }

    #[test]
    fn who_slept_where_on_a_given_night() {
        let beds = [plain_bed(1), plain_bed(2)];
        let stays = [
            stay(10, 20, 1, d(3, 1), Some(d(3, 5))),
            stay(11, 21, 1, d(3, 5), None),
            stay(12, 22, 2, d(3, 3), Some(d(3, 4))),
        ];
        assert_eq!(occupant_on(&stays, beds[0].id, d(3, 4)).map(|s| s.case_id), Some(CaseId::from(id(20))));
        assert_eq!(occupant_on(&stays, beds[0].id, d(3, 5)).map(|s| s.case_id), Some(CaseId::from(id(21))));
        assert_eq!(occupant_on(&stays, beds[1].id, d(3, 4)), None, "the night of leaving is not slept");
        // Bed 2 walks before bed 1 (walk order 98 < 99).
        assert_eq!(
            who_was_in(&beds, &stays, d(3, 3)),
            [(beds[1].id, CaseId::from(id(22))), (beds[0].id, CaseId::from(id(20)))]
        );
        assert!(who_was_in(&beds, &stays, d(2, 28)).is_empty());
    }

    #[test]
    fn bed_nights_count_each_night_once_within_the_period() {
        let stays = [
            stay(10, 20, 1, d(2, 25), Some(d(3, 3))),
            // A transfer: the same person on in another bed from the 3rd.
            stay(11, 20, 2, d(3, 3), None),
            stay(12, 21, 3, d(3, 10), Some(d(3, 10))),
        ];
        let per = bed_nights_per_case(&stays, d(3, 1), d(3, 31), d(3, 6));
        // 1st, 2nd in bed 1; 3rd, 4th, 5th in bed 2 (the 6th has not passed).
        assert_eq!(per.get(&CaseId::from(id(20))), Some(&5));
        assert_eq!(per.get(&CaseId::from(id(21))), None, "checked in and out the same day: no night");
        let whole = bed_nights_per_case(&stays, d(1, 1), d(12, 31), d(3, 6));
        assert_eq!(whole.get(&CaseId::from(id(20))), Some(&9));
    }

    #[test]
    fn nightly_occupancy_of_a_month() {
        let mut beds = vec![plain_bed(1), plain_bed(2), plain_bed(3)];
        beds[2].out_of_service = Some(OutOfService { reason: "paint".into(), until: Some(d(3, 2)) });
        let stays = [stay(10, 20, 1, d(2, 27), Some(d(3, 3))), stay(11, 21, 2, d(3, 2), None)];
        let nights = nightly_occupancy(&beds, &stays, 2026, 3, d(3, 5));
        let got: Vec<(u32, u32, u32)> = nights.iter().map(|n| (n.night.day(), n.occupied, n.capacity)).collect();
        assert_eq!(got, [(1, 1, 2), (2, 2, 2), (3, 1, 3), (4, 1, 3)]);
        let m = month_occupancy(&nights);
        assert_eq!((m.bed_nights, m.capacity_nights, m.peak, m.nights), (5, 10, 2, 4));
        assert!((m.rate() - 0.5).abs() < 1e-9);
        assert!((m.average() - 1.25).abs() < 1e-9);
        assert!(nightly_occupancy(&beds, &stays, 2026, 13, d(3, 5)).is_empty());
        assert_eq!(nightly_occupancy(&beds, &stays, 2026, 2, d(3, 5)).len(), 28);
    }
}
