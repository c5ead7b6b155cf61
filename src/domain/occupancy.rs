//! What each bed is on a given night, and free beds per wing: the bed board,
//! the dashboard and the reports all count the same way.

use std::collections::HashMap;

use chrono::NaiveDate;

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
}
