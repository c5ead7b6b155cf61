//! The demo building: three floors, rooms in every wing, about forty beds
//! numbered in the order the night shift walks them.

use chrono::NaiveDate;

use super::rng::{Rng, shift};
use crate::domain::ids::{BedId, RoomId};
use crate::domain::rooms::{Bed, OutOfService, Room, Wing};

/// One room of the plan: door number, floor, wing, step-free, beds.
struct RoomPlan {
    name: &'static str,
    floor: i16,
    wing: Wing,
    accessible: bool,
    beds: u32,
}

/// The floor plan, in walking order: ground floor first, then up the stairs.
const PLAN: &[RoomPlan] = &[
    RoomPlan { name: "101", floor: 1, wing: Wing::Family, accessible: true, beds: 4 },
    RoomPlan { name: "102", floor: 1, wing: Wing::Family, accessible: true, beds: 3 },
    RoomPlan { name: "103", floor: 1, wing: Wing::Any, accessible: true, beds: 2 },
    RoomPlan { name: "104", floor: 1, wing: Wing::Men, accessible: false, beds: 3 },
    RoomPlan { name: "105", floor: 1, wing: Wing::Men, accessible: false, beds: 2 },
    RoomPlan { name: "201", floor: 2, wing: Wing::Women, accessible: false, beds: 4 },
    RoomPlan { name: "202", floor: 2, wing: Wing::Women, accessible: false, beds: 4 },
    RoomPlan { name: "203", floor: 2, wing: Wing::Women, accessible: false, beds: 3 },
    RoomPlan { name: "204", floor: 2, wing: Wing::Any, accessible: false, beds: 2 },
    RoomPlan { name: "205", floor: 2, wing: Wing::Women, accessible: true, beds: 2 },
    RoomPlan { name: "301", floor: 3, wing: Wing::Minors, accessible: false, beds: 3 },
    RoomPlan { name: "302", floor: 3, wing: Wing::Minors, accessible: false, beds: 3 },
    RoomPlan { name: "303", floor: 3, wing: Wing::Women, accessible: false, beds: 3 },
    RoomPlan { name: "304", floor: 3, wing: Wing::Men, accessible: false, beds: 3 },
];

/// Reasons a bed is out of service, and for how many more days (None: open-ended).
const OUT_OF_SERVICE: &[(&str, Option<i64>)] = &[
    ("broken bed frame, carpenter booked", Some(3)),
    ("протечка с потолка, ждём сантехника", Some(6)),
    ("pest control treatment", Some(1)),
    ("mattress replaced, awaiting delivery", None),
];

/// The building: rooms and their beds (each bed with its room's wing).
#[derive(Debug, Clone)]
pub struct Building {
    /// Every room.
    pub rooms: Vec<Room>,
    /// Every bed, in walking order.
    pub beds: Vec<Bed>,
}

impl Building {
    /// The wing of a bed's room.
    pub fn wing_of(&self, bed: &Bed) -> Option<Wing> {
        self.rooms.iter().find(|r| r.id == bed.room_id).map(|r| r.wing)
    }

    /// Whether the bed's room is step-free.
    pub fn accessible(&self, bed: &Bed) -> bool {
        self.rooms.iter().any(|r| r.id == bed.room_id && r.accessible)
    }
}

/// Builds the rooms and beds; a few beds are out of service around `today`.
pub fn build(rng: &mut Rng, today: NaiveDate) -> Building {
    let mut rooms = Vec::with_capacity(PLAN.len());
    let mut beds = Vec::new();
    let mut walk = 0u32;
    for plan in PLAN {
        let room = Room {
            id: RoomId::from(rng.id()),
            name: plan.name.to_string(),
            floor: plan.floor,
            wing: plan.wing,
            accessible: plan.accessible,
            retired: false,
        };
        for n in 0..plan.beds {
            walk += 10; // gaps leave room to insert a bed without renumbering
            let letter = char::from(b'A' + u8::try_from(n).unwrap_or(0));
            beds.push(Bed {
                id: BedId::from(rng.id()),
                room_id: room.id,
                label: format!("{}{letter}", plan.name),
                walk_order: walk,
                out_of_service: None,
                retired: false,
            });
        }
        rooms.push(room);
    }
    // Spread the out-of-service beds over different rooms.
    let mut candidates: Vec<usize> = (0..beds.len()).collect();
    rng.shuffle(&mut candidates);
    for (slot, (reason, days)) in candidates.iter().zip(OUT_OF_SERVICE) {
        if let Some(bed) = beds.get_mut(*slot) {
            bed.out_of_service =
                Some(OutOfService { reason: (*reason).to_string(), until: days.map(|d| shift(today, d)) });
        }
    }
    Building { rooms, beds }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_building_has_every_wing_three_floors_and_about_forty_beds() {
        let today = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
        let b = build(&mut Rng::new(1, "rooms"), today);
        assert!((36..=44).contains(&b.beds.len()), "{}", b.beds.len());
        for wing in Wing::all() {
            assert!(b.rooms.iter().any(|r| r.wing == wing), "{wing:?}");
        }
        let mut floors: Vec<i16> = b.rooms.iter().map(|r| r.floor).collect();
        floors.dedup();
        assert_eq!(floors.len(), 3);
        assert!(b.rooms.iter().any(|r| r.accessible));
        assert!(b.beds.windows(2).all(|w| w[0].walk_order < w[1].walk_order));
        let out = b.beds.iter().filter(|x| !x.usable_on(today)).count();
        assert_eq!(out, OUT_OF_SERVICE.len());
    }
}
