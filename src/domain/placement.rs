//! Whether a person may take a bed, move, leave, or have a bed held: every
//! rule of the bed board in one place, each refusal a value a screen can
//! explain ("Minors' wing: this person is 24").
//!
//! The store runs these checks inside the transaction that writes, on the
//! records as that transaction sees them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::{CaseFront, CaseStatus};
use super::ids::{CaseId, PickupId};
use super::rooms::{Bed, Room, Wing, WingRefusal, wing_eligibility};
use super::stay::{Reservation, Stay, StayConflict};

/// Why a change to beds or stays is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    /// The person may not sleep in that wing.
    #[error("wing rule")]
    Wing {
        /// The wing of the bed.
        wing: Wing,
        /// What the rule says.
        why: WingRefusal,
    },
    /// The bed is out of service.
    #[error("bed out of service")]
    OutOfService {
        /// Why.
        reason: String,
        /// Last day out of service, if known.
        until: Option<NaiveDate>,
    },
    /// The bed or its room is no longer in use.
    #[error("bed retired")]
    Retired,
    /// Someone else has the bed.
    #[error("bed occupied")]
    Occupied,
    /// The bed is held for someone else that night.
    #[error("bed reserved for someone else")]
    ReservedForAnother,
    /// The person already has a bed.
    #[error("already housed")]
    AlreadyHoused,
    /// The person has no bed (transfer, check-out).
    #[error("not housed")]
    NotHoused,
    /// A transfer into the bed the person already has.
    #[error("same bed")]
    SameBed,
    /// A check-out (or transfer) dated before the check-in.
    #[error("before check-in")]
    BeforeCheckIn {
        /// The check-in day.
        from: NaiveDate,
    },
    /// A check-in, transfer or check-out dated after today.
    #[error("date in the future")]
    FutureDate,
    /// A reservation for a night already past.
    #[error("date in the past")]
    PastDate,
    /// The case file is closed.
    #[error("case closed")]
    CaseClosed,
    /// Only a manager may do this (override the wing rule, change the plan).
    #[error("manager only")]
    ManagerOnly,
    /// The stay was already closed.
    #[error("stay closed")]
    StayClosed,
    /// The bed was occupied on the date asked for (a stay recorded later).
    #[error("bed taken then")]
    BedTakenThen,
    /// The person had another bed on the date asked for.
    #[error("person housed then")]
    HousedThen,
    /// The room still has someone sleeping in it.
    #[error("room occupied")]
    RoomOccupied,
    /// The bed already has a reservation for that night.
    #[error("already reserved")]
    AlreadyReserved,
    /// Another room or bed already has that name or label.
    #[error("duplicate name")]
    DuplicateName,
    /// A reservation that is no longer held.
    #[error("reservation released")]
    ReservationReleased,
}

impl Refusal {
    /// The stable key: the message is `rule-<key>` (arguments added by the screen).
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::Wing { why, .. } => match why {
                WingRefusal::AdultInMinorsWing { .. } => "bed-wing-adult_in_minors",
                WingRefusal::AgeUnknownForMinorsWing => "bed-wing-age_unknown",
                WingRefusal::MinorOutsideMinorsWing { .. } => "bed-wing-minor_outside",
                WingRefusal::WomenWingGender(_) => "bed-wing-women",
                WingRefusal::MenWingGender(_) => "bed-wing-men",
            },
            Refusal::OutOfService { .. } => "bed-out_of_service",
            Refusal::Retired => "bed-retired",
            Refusal::Occupied => "bed-occupied",
            Refusal::ReservedForAnother => "bed-reserved",
            Refusal::AlreadyHoused => "bed-already_housed",
            Refusal::NotHoused => "bed-not_housed",
            Refusal::SameBed => "bed-same_bed",
            Refusal::BeforeCheckIn { .. } => "bed-before_check_in",
            Refusal::FutureDate => "bed-future_date",
            Refusal::PastDate => "bed-past_date",
            Refusal::CaseClosed => "bed-case_closed",
            Refusal::ManagerOnly => "bed-manager_only",
            Refusal::StayClosed => "bed-stay_closed",
            Refusal::BedTakenThen => "bed-taken_then",
            Refusal::HousedThen => "bed-housed_then",
            Refusal::RoomOccupied => "bed-room_occupied",
            Refusal::AlreadyReserved => "bed-already_reserved",
            Refusal::DuplicateName => "bed-duplicate_name",
            Refusal::ReservationReleased => "bed-reservation_released",
        }
    }

    /// Whether a manager may override this refusal with a recorded reason.
    pub fn overridable(&self) -> bool {
        matches!(self, Refusal::Wing { .. })
    }
}

impl From<StayConflict> for Refusal {
    fn from(c: StayConflict) -> Self {
        match c {
            StayConflict::BedOccupied { .. } => Refusal::Occupied,
            StayConflict::CaseHoused { .. } => Refusal::AlreadyHoused,
            StayConflict::CaseNotHoused => Refusal::NotHoused,
            StayConflict::SameBed => Refusal::SameBed,
            StayConflict::AlreadyClosed => Refusal::StayClosed,
            // The date is not carried by the conflict; callers that know it say it.
            StayConflict::BeforeStart => Refusal::FutureDate,
        }
    }
}

/// The wing rule for `front` in a bed of `room` on `day`.
pub fn check_wing(room: &Room, front: &CaseFront, day: NaiveDate) -> Result<(), Refusal> {
    wing_eligibility(room.wing, front.gender, front.age_group, front.age_on(day))
        .map_err(|why| Refusal::Wing { wing: room.wing, why })
}

/// Whether the bed itself can take someone on `day`: not retired, its room
/// not retired, not out of service.
pub fn check_bed_usable(room: &Room, bed: &Bed, day: NaiveDate) -> Result<(), Refusal> {
    if bed.retired || room.retired {
        return Err(Refusal::Retired);
    }
    if !bed.usable_on(day)
        && let Some(oos) = &bed.out_of_service
    {
        return Err(Refusal::OutOfService { reason: oos.reason.clone(), until: oos.until });
    }
    Ok(())
}

/// Who a reservation is for: a case, a pickup, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Holder {
    /// The case, once known.
    pub case: Option<CaseId>,
    /// The pickup, if made for one.
    pub pickup: Option<PickupId>,
}

impl Holder {
    /// Whether `r` was made for this holder (same case, or same pickup).
    pub fn owns(&self, r: &Reservation) -> bool {
        (self.case.is_some() && r.case_id == self.case) || (self.pickup.is_some() && r.pickup_id == self.pickup)
    }
}

/// Whether a reservation on the bed for `day` holds it against `holder`.
pub fn check_reservations(reservations: &[Reservation], holder: &Holder, day: NaiveDate) -> Result<(), Refusal> {
    if reservations.iter().any(|r| r.holds(day) && !holder.owns(r)) {
        return Err(Refusal::ReservedForAnother);
    }
    Ok(())
}

/// Whether the case may be given a bed at all: not closed.
pub fn check_case_open(front: &CaseFront) -> Result<(), Refusal> {
    if front.status.is_closed() {
        return Err(Refusal::CaseClosed);
    }
    Ok(())
}

/// A day a stay is dated on must not be after `today`.
pub fn check_not_future(day: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
    if day > today {
        return Err(Refusal::FutureDate);
    }
    Ok(())
}

/// Whether a stay starting on `from` would overlap an earlier, closed stay
/// in the same bed (`bed_history`) or of the same person (`case_history`).
///
/// A stay covers the nights `from .. until`; leaving and arriving on the same
/// day do not overlap.
pub fn check_history(bed_history: &[Stay], case_history: &[Stay], from: NaiveDate) -> Result<(), Refusal> {
    let covers = |s: &Stay| s.until.is_some_and(|u| u > from) && s.from <= from;
    let after = |s: &Stay| s.from > from;
    if bed_history.iter().any(|s| covers(s) || (after(s) && s.until.is_some())) {
        return Err(Refusal::BedTakenThen);
    }
    if case_history.iter().any(|s| covers(s) || (after(s) && s.until.is_some())) {
        return Err(Refusal::HousedThen);
    }
    Ok(())
}

/// The status a case takes when it gets a bed.
pub fn status_on_check_in(current: CaseStatus) -> CaseStatus {
    if current.is_closed() { current } else { CaseStatus::InResidence }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case_code::CaseCode;
    use crate::domain::ids::{BedId, Id, ReservationId, RoomId, StayId};
    use crate::domain::person::{AgeBasis, AgeGroup, Gender};
    use crate::domain::rooms::OutOfService;
    use crate::domain::stay::StayEndReason;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn room(wing: Wing) -> Room {
        Room { id: RoomId(Id([1; 16])), name: "301".into(), floor: 3, wing, accessible: false, retired: false }
    }

    fn front(gender: Gender, age: Option<u8>) -> CaseFront {
        CaseFront {
            id: CaseId(Id([5; 16])),
            code: CaseCode::new("MSK", 26, 42).unwrap(),
            alias: "Ayla".into(),
            gender,
            age: age.map_or(AgeBasis::Unknown, |years| AgeBasis::Estimated { years, on: d(1, 1) }),
            age_group: AgeGroup::Unknown,
            languages: vec![],
            interpreter_needed: false,
            special_needs: String::new(),
            status: CaseStatus::Arrived,
            high_risk: false,
            arrived_on: None,
            worker: None,
        }
    }

    #[test]
    fn the_wing_refusal_carries_the_wing_and_the_age() {
        let r = check_wing(&room(Wing::Minors), &front(Gender::Feminine, Some(24)), d(6, 1));
        assert_eq!(r, Err(Refusal::Wing { wing: Wing::Minors, why: WingRefusal::AdultInMinorsWing { age: Some(24) } }));
        assert_eq!(r.unwrap_err().key(), "bed-wing-adult_in_minors");
        assert!(check_wing(&room(Wing::Women), &front(Gender::Feminine, Some(24)), d(6, 1)).is_ok());
    }

    #[test]
    fn retired_and_out_of_service_beds_take_nobody() {
        let r = room(Wing::Any);
        let mut bed = Bed {
            id: BedId(Id([2; 16])),
            room_id: r.id,
            label: "301A".into(),
            walk_order: 10,
            out_of_service: None,
            retired: false,
        };
        assert_eq!(check_bed_usable(&r, &bed, d(6, 1)), Ok(()));
        bed.out_of_service = Some(OutOfService { reason: "leak".into(), until: Some(d(6, 3)) });
        assert_eq!(
            check_bed_usable(&r, &bed, d(6, 1)),
            Err(Refusal::OutOfService { reason: "leak".into(), until: Some(d(6, 3)) })
        );
        assert_eq!(check_bed_usable(&r, &bed, d(6, 4)), Ok(()));
        bed.retired = true;
        assert_eq!(check_bed_usable(&r, &bed, d(6, 4)), Err(Refusal::Retired));
        let mut gone = room(Wing::Any);
        gone.retired = true;
        bed.retired = false;
        assert_eq!(check_bed_usable(&gone, &bed, d(6, 4)), Err(Refusal::Retired));
    }

    #[test]
    fn a_reservation_holds_the_bed_against_everyone_but_its_holder() {
        let case = CaseId(Id([7; 16]));
        let pickup = PickupId(Id([8; 16]));
        let res = Reservation {
            id: ReservationId(Id([9; 16])),
            bed_id: BedId(Id([2; 16])),
            case_id: None,
            pickup_id: Some(pickup),
            for_date: d(6, 1),
            released: false,
        };
        let someone = Holder { case: Some(CaseId(Id([3; 16]))), pickup: None };
        assert_eq!(check_reservations(std::slice::from_ref(&res), &someone, d(6, 1)), Err(Refusal::ReservedForAnother));
        assert_eq!(check_reservations(std::slice::from_ref(&res), &someone, d(6, 2)), Ok(()));
        let owner = Holder { case: Some(case), pickup: Some(pickup) };
        assert_eq!(check_reservations(std::slice::from_ref(&res), &owner, d(6, 1)), Ok(()));
        assert!(!Holder::default().owns(&res), "nobody owns a reservation by having no ids");
    }

    #[test]
    fn a_late_entry_cannot_overlap_a_recorded_stay() {
        let past = Stay {
            id: StayId(Id([1; 16])),
            case_id: CaseId(Id([1; 16])),
            bed_id: BedId(Id([1; 16])),
            from: d(5, 1),
            expected_until: None,
            until: Some(d(5, 10)),
            end_reason: Some(StayEndReason::Departed),
        };
        let p = std::slice::from_ref(&past);
        assert_eq!(check_history(p, &[], d(5, 5)), Err(Refusal::BedTakenThen));
        assert_eq!(check_history(p, &[], d(4, 20)), Err(Refusal::BedTakenThen), "would run into it");
        assert_eq!(check_history(p, &[], d(5, 10)), Ok(()), "arriving on the day of leaving");
        assert_eq!(check_history(&[], p, d(5, 5)), Err(Refusal::HousedThen));
        assert_eq!(check_history(&[], p, d(5, 11)), Ok(()));
    }

    #[test]
    fn dates_and_closed_cases() {
        assert_eq!(check_not_future(d(6, 2), d(6, 1)), Err(Refusal::FutureDate));
        assert_eq!(check_not_future(d(6, 1), d(6, 1)), Ok(()));
        let mut f = front(Gender::Masculine, None);
        assert_eq!(check_case_open(&f), Ok(()));
        f.status = CaseStatus::Closed;
        assert_eq!(check_case_open(&f), Err(Refusal::CaseClosed));
        assert_eq!(status_on_check_in(CaseStatus::Expected), CaseStatus::InResidence);
        assert_eq!(status_on_check_in(CaseStatus::Departed), CaseStatus::InResidence);
        assert!(Refusal::Wing { wing: Wing::Men, why: WingRefusal::MenWingGender(Gender::Feminine) }.overridable());
        assert!(!Refusal::Occupied.overridable());
    }
}
