//! Stays (a case in a bed over a period) and bed reservations.
//!
//! Invariants the store keeps by running these checks inside its transaction:
//! a bed has at most one open stay, and a case has at most one open stay.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{BedId, CaseId, PickupId, ReservationId, StayId};

/// Why a stay ended.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum StayEndReason {
    /// Left the centre as planned.
    Departed,
    /// Moved to another bed (the next stay follows).
    Transferred,
    /// Taken to hospital.
    Hospitalised,
    /// Left without notice.
    LeftWithoutNotice,
    /// Something else.
    Other,
}

keyed!(StayEndReason);

/// A case sleeping in a bed from one day until another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stay {
    /// Record id.
    pub id: StayId,
    /// The case.
    pub case_id: CaseId,
    /// The bed.
    pub bed_id: BedId,
    /// First night's date.
    pub from: NaiveDate,
    /// Expected departure.
    pub expected_until: Option<NaiveDate>,
    /// Actual departure; `None` while open.
    pub until: Option<NaiveDate>,
    /// Why it ended.
    pub end_reason: Option<StayEndReason>,
}

impl Stay {
    /// True while the person still has this bed.
    pub fn is_open(&self) -> bool {
        self.until.is_none()
    }

    /// Closes the stay after [`check_checkout`] passes.
    pub fn close(&mut self, on: NaiveDate, reason: StayEndReason) -> Result<(), StayConflict> {
        check_checkout(self, on)?;
        self.until = Some(on);
        self.end_reason = Some(reason);
        Ok(())
    }
}

/// A bed held for an expected arrival.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    /// Record id.
    pub id: ReservationId,
    /// The bed held.
    pub bed_id: BedId,
    /// The case, if already opened.
    pub case_id: Option<CaseId>,
    /// The pickup it was made for, if any.
    pub pickup_id: Option<PickupId>,
    /// The night it is for.
    pub for_date: NaiveDate,
    /// Released (used or given up).
    pub released: bool,
}

impl Reservation {
    /// True if the reservation still holds its bed on `day`.
    pub fn holds(&self, day: NaiveDate) -> bool {
        !self.released && self.for_date == day
    }
}

/// Why a stay change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum StayConflict {
    /// The bed already has an open stay.
    #[error("bed occupied")]
    BedOccupied {
        /// The open stay.
        stay: StayId,
        /// Who is in it.
        case: CaseId,
    },
    /// The case already has an open stay.
    #[error("case already housed")]
    CaseHoused {
        /// The open stay.
        stay: StayId,
        /// The bed it is in.
        bed: BedId,
    },
    /// A transfer for a case with no open stay.
    #[error("case not housed")]
    CaseNotHoused,
    /// A transfer into the bed the case already has.
    #[error("same bed")]
    SameBed,
    /// The stay is already closed.
    #[error("stay already closed")]
    AlreadyClosed,
    /// Check-out before check-in.
    #[error("check-out before check-in")]
    BeforeStart,
}

/// May `case` be given `bed`? Looks only at `open_stays` (closed ones are ignored).
pub fn check_assign(open_stays: &[Stay], case: CaseId, bed: BedId) -> Result<(), StayConflict> {
    let open = || open_stays.iter().filter(|s| s.is_open());
    if let Some(s) = open().find(|s| s.case_id == case) {
        return Err(StayConflict::CaseHoused { stay: s.id, bed: s.bed_id });
    }
    if let Some(s) = open().find(|s| s.bed_id == bed) {
        return Err(StayConflict::BedOccupied { stay: s.id, case: s.case_id });
    }
    Ok(())
}

/// May `case` move to `to_bed`? Returns the open stay to close.
pub fn check_transfer(open_stays: &[Stay], case: CaseId, to_bed: BedId) -> Result<StayId, StayConflict> {
    let open = || open_stays.iter().filter(|s| s.is_open());
    let current = open().find(|s| s.case_id == case).ok_or(StayConflict::CaseNotHoused)?;
    if current.bed_id == to_bed {
        return Err(StayConflict::SameBed);
    }
    if let Some(s) = open().find(|s| s.bed_id == to_bed) {
        return Err(StayConflict::BedOccupied { stay: s.id, case: s.case_id });
    }
    Ok(current.id)
}

/// May `stay` end on `on`?
pub fn check_checkout(stay: &Stay, on: NaiveDate) -> Result<(), StayConflict> {
    if !stay.is_open() {
        return Err(StayConflict::AlreadyClosed);
    }
    if on < stay.from {
        return Err(StayConflict::BeforeStart);
    }
    Ok(())
}

/// Nights spent: from `from` up to `until` (or `today` while open).
pub fn nights(stay: &Stay, today: NaiveDate) -> u32 {
    let end = stay.until.unwrap_or(today);
    u32::try_from((end - stay.from).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn case(n: u8) -> CaseId {
        CaseId(Id([n; 16]))
    }
    fn bed(n: u8) -> BedId {
        BedId(Id([n; 16]))
    }
    fn stay(n: u8, c: u8, b: u8, from: NaiveDate) -> Stay {
        Stay {
            id: StayId(Id([n; 16])),
            case_id: case(c),
            bed_id: bed(b),
            from,
            expected_until: None,
            until: None,
            end_reason: None,
        }
    }

    #[test]
    fn a_bed_and_a_case_each_hold_one_open_stay() {
        let stays = vec![stay(1, 1, 1, d(2026, 1, 1))];
        assert_eq!(check_assign(&stays, case(2), bed(2)), Ok(()));
        assert_eq!(
            check_assign(&stays, case(2), bed(1)),
            Err(StayConflict::BedOccupied { stay: stays[0].id, case: case(1) })
        );
        assert_eq!(
            check_assign(&stays, case(1), bed(2)),
            Err(StayConflict::CaseHoused { stay: stays[0].id, bed: bed(1) })
        );
        let mut closed = stays.clone();
        closed[0].close(d(2026, 1, 5), StayEndReason::Departed).unwrap();
        assert_eq!(check_assign(&closed, case(1), bed(1)), Ok(()));
    }

    #[test]
    fn transfers_need_a_current_stay_and_a_free_other_bed() {
        let stays = vec![stay(1, 1, 1, d(2026, 1, 1)), stay(2, 2, 2, d(2026, 1, 1))];
        assert_eq!(check_transfer(&stays, case(1), bed(3)), Ok(stays[0].id));
        assert_eq!(check_transfer(&stays, case(1), bed(1)), Err(StayConflict::SameBed));
        assert_eq!(
            check_transfer(&stays, case(1), bed(2)),
            Err(StayConflict::BedOccupied { stay: stays[1].id, case: case(2) })
        );
        assert_eq!(check_transfer(&stays, case(9), bed(3)), Err(StayConflict::CaseNotHoused));
    }

    #[test]
    fn checkout_cannot_precede_checkin_or_repeat() {
        let mut s = stay(1, 1, 1, d(2026, 1, 10));
        assert_eq!(check_checkout(&s, d(2026, 1, 9)), Err(StayConflict::BeforeStart));
        assert_eq!(check_checkout(&s, d(2026, 1, 10)), Ok(()));
        s.close(d(2026, 1, 12), StayEndReason::Hospitalised).unwrap();
        assert_eq!(s.end_reason, Some(StayEndReason::Hospitalised));
        assert_eq!(check_checkout(&s, d(2026, 1, 13)), Err(StayConflict::AlreadyClosed));
    }

    #[test]
    fn nights_count_from_checkin() {
        let mut s = stay(1, 1, 1, d(2026, 2, 27));
        assert_eq!(nights(&s, d(2026, 2, 27)), 0);
        assert_eq!(nights(&s, d(2026, 3, 2)), 3);
        assert_eq!(nights(&s, d(2026, 2, 1)), 0, "a clock before check-in gives zero");
        s.until = Some(d(2026, 2, 28));
        assert_eq!(nights(&s, d(2026, 12, 31)), 1);
    }

    #[test]
    fn reservations_hold_one_night_until_released() {
        let mut r = Reservation {
            id: ReservationId(Id([1; 16])),
            bed_id: bed(1),
            case_id: None,
            pickup_id: None,
            for_date: d(2026, 3, 3),
            released: false,
        };
        assert!(r.holds(d(2026, 3, 3)));
        assert!(!r.holds(d(2026, 3, 4)));
        r.released = true;
        assert!(!r.holds(d(2026, 3, 3)));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Assign(u8, u8),
        Transfer(u8, u8),
        Checkout(u8, u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..6, 0u8..5).prop_map(|(c, b)| Op::Assign(c, b)),
            (0u8..6, 0u8..5).prop_map(|(c, b)| Op::Transfer(c, b)),
            (0u8..6, 0u8..3).prop_map(|(c, days)| Op::Checkout(c, days)),
        ]
    }

    proptest! {
        #[test]
        fn no_sequence_of_moves_doubles_up_a_bed_or_a_case(ops in proptest::collection::vec(op(), 0..60)) {
            let mut stays: Vec<Stay> = Vec::new();
            let mut today = d(2026, 1, 1);
            let mut next_id = 0u8;
            for op in ops {
                match op {
                    Op::Assign(c, b) => {
                        if check_assign(&stays, case(c), bed(b)).is_ok() {
                            next_id = next_id.wrapping_add(1);
                            stays.push(stay(next_id, c, b, today));
                        }
                    }
                    Op::Transfer(c, b) => {
                        if let Ok(old) = check_transfer(&stays, case(c), bed(b)) {
                            let s = stays.iter_mut().find(|s| s.id == old).unwrap();
                            s.close(today, StayEndReason::Transferred).unwrap();
                            next_id = next_id.wrapping_add(1);
                            stays.push(stay(next_id, c, b, today));
                        }
                    }
                    Op::Checkout(c, days) => {
                        today += chrono::Duration::days(i64::from(days));
                        if let Some(s) = stays.iter_mut().find(|s| s.is_open() && s.case_id == case(c)) {
                            s.close(today, StayEndReason::Departed).unwrap();
                        }
                    }
                }
                let open: Vec<&Stay> = stays.iter().filter(|s| s.is_open()).collect();
                for (i, a) in open.iter().enumerate() {
                    for b in open.iter().skip(i + 1) {
                        prop_assert_ne!(a.bed_id, b.bed_id);
                        prop_assert_ne!(a.case_id, b.case_id);
                    }
                }
            }
        }
    }
}
