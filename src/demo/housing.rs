//! Who sleeps where: open stays for residents, past stays that never overlap
//! in a bed, and reservations of free beds for today's and tomorrow's arrivals.

use chrono::NaiveDate;

use super::rng::{Rng, shift};
use super::rooms::Building;
use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, PickupId, ReservationId, StayId};
use crate::domain::rooms::{Bed, wing_eligibility};
use crate::domain::stay::{Reservation, Stay, StayEndReason};

/// Whether `front` may sleep in `bed` on `day` by the wing rules.
pub fn may_sleep(building: &Building, bed: &Bed, front: &CaseFront, day: NaiveDate) -> bool {
    building
        .wing_of(bed)
        .is_some_and(|w| wing_eligibility(w, front.gender, front.age_group, front.age.age_on(day)).is_ok())
}

/// A closed stay to place in some bed.
#[derive(Debug, Clone)]
pub struct PastStay<'a> {
    /// The person.
    pub front: &'a CaseFront,
    /// First night.
    pub from: NaiveDate,
    /// Day of leaving.
    pub until: NaiveDate,
    /// Why it ended.
    pub reason: StayEndReason,
    /// A bed it must not be (the bed transferred to).
    pub not_bed: Option<BedId>,
}

/// Places the open stays (one per resident, in the bed the plan gave them)
/// and then the past stays, earliest first, each in a bed that was free then.
pub struct Beds<'a> {
    building: &'a Building,
    /// Day the open stay in each bed began.
    open_from: Vec<Option<NaiveDate>>,
    /// Day the last past stay in each bed ended.
    last_end: Vec<Option<NaiveDate>>,
    /// Every stay so far.
    pub stays: Vec<Stay>,
}

impl<'a> Beds<'a> {
    /// No stays yet.
    pub fn new(building: &'a Building) -> Self {
        let n = building.beds.len();
        Self { building, open_from: vec![None; n], last_end: vec![None; n], stays: Vec::new() }
    }

    /// Opens the stay of a resident in bed number `bed` from `from`.
    pub fn open(&mut self, front: &CaseFront, bed: usize, from: NaiveDate, today: NaiveDate, rng: &mut Rng) {
        let Some(b) = self.building.beds.get(bed) else {
            return;
        };
        if let Some(slot) = self.open_from.get_mut(bed) {
            *slot = Some(from);
        }
        let expected = shift(from, rng.range(30, 90)).max(shift(today, rng.range(1, 10)));
        self.stays.push(Stay {
            id: StayId::in_case(front.id, StayId::from(rng.id())),
            case_id: front.id,
            bed_id: b.id,
            from,
            expected_until: Some(expected),
            until: None,
            end_reason: None,
        });
    }

    /// Places past stays (sorted here by their first night); a stay that finds
    /// no free bed is left out, as if the person had slept elsewhere.
    pub fn place_past(&mut self, mut past: Vec<PastStay<'_>>, rng: &mut Rng) {
        past.sort_by_key(|p| p.from);
        for p in past {
            let mut fits: Vec<usize> = Vec::new();
            for (i, bed) in self.building.beds.iter().enumerate() {
                let free_before_open = self.open_from.get(i).copied().flatten().is_none_or(|o| p.until <= o);
                let free_after_last = self.last_end.get(i).copied().flatten().is_none_or(|e| e <= p.from);
                if free_before_open
                    && free_after_last
                    && Some(bed.id) != p.not_bed
                    && !bed.retired
                    && may_sleep(self.building, bed, p.front, p.from)
                {
                    fits.push(i);
                }
            }
            let Some(i) = rng.pick(&fits).copied() else {
                continue;
            };
            let Some(bed) = self.building.beds.get(i) else {
                continue;
            };
            if let Some(slot) = self.last_end.get_mut(i) {
                *slot = Some(p.until);
            }
            self.stays.push(Stay {
                id: StayId::in_case(p.front.id, StayId::from(rng.id())),
                case_id: p.front.id,
                bed_id: bed.id,
                from: p.from,
                expected_until: Some(shift(p.until, rng.range(-5, 10)).max(p.from)),
                until: Some(p.until),
                end_reason: Some(p.reason),
            });
        }
    }

    /// Whether bed number `i` has an open stay.
    pub fn occupied(&self, i: usize) -> bool {
        self.open_from.get(i).copied().flatten().is_some()
    }
}

/// Holds a free bed that fits `front` for the night of `day`, if one is left.
pub fn reserve(
    building: &Building,
    beds: &Beds<'_>,
    taken: &[Reservation],
    front: &CaseFront,
    pickup: Option<PickupId>,
    day: NaiveDate,
    rng: &mut Rng,
) -> Option<Reservation> {
    let free: Vec<&Bed> = building
        .beds
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            !beds.occupied(*i)
                && b.usable_on(day)
                && !taken.iter().any(|r| r.bed_id == b.id && r.holds(day))
                && may_sleep(building, b, front, day)
        })
        .map(|(_, b)| b)
        .collect();
    let bed = rng.pick(&free)?;
    Some(Reservation {
        id: ReservationId::from(rng.id()),
        bed_id: bed.id,
        case_id: Some(front.id),
        pickup_id: pickup,
        for_date: day,
        released: false,
    })
}
