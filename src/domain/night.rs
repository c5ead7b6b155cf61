//! The night roll-call: one mark per occupied bed, walked in order.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

use super::ids::{BedId, CaseId, NightCheckId, ReservationId};
use super::stay::{Reservation, Stay};

/// Hour of the morning at which the night is over: a roll-call walked
/// before it belongs to the evening before.
pub const NIGHT_ENDS_AT_HOUR: u32 = 8;

/// The night a moment belongs to: 02:00 on the 2nd is the night of the 1st.
pub fn night_of(now: NaiveDateTime) -> NaiveDate {
    let day = now.date();
    if now.hour() < NIGHT_ENDS_AT_HOUR { day.pred_opt().unwrap_or(day) } else { day }
}

/// What the night shift found at a bed.
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
pub enum NightMark {
    /// In bed.
    Present,
    /// Not there, no reason known.
    Absent,
    /// Away with permission.
    OnLeave,
    /// In hospital.
    Hospital,
    /// Someone in a bed that should be empty.
    UnknownPerson,
}

keyed!(NightMark);

impl NightMark {
    /// True for marks the morning shift must look at.
    pub fn is_discrepancy(self) -> bool {
        matches!(self, Self::Absent | Self::UnknownPerson)
    }
}

/// One bed's mark in a roll-call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BedMark {
    /// The bed.
    pub bed_id: BedId,
    /// Who should be in it (none for an empty bed).
    pub case_id: Option<CaseId>,
    /// What was found.
    pub mark: NightMark,
}

/// One night roll-call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NightCheck {
    /// Record id.
    pub id: NightCheckId,
    /// The night (the date the evening belongs to).
    pub night: NaiveDate,
    /// When the walk started.
    pub started_at: NaiveDateTime,
    /// When it was finished.
    pub finished_at: Option<NaiveDateTime>,
    /// Username of the night staff.
    pub by: String,
    /// One mark per bed.
    pub marks: Vec<BedMark>,
}

impl NightCheck {
    /// Records a mark, replacing any earlier mark for the same bed (re-runs never duplicate).
    pub fn set_mark(&mut self, bed_id: BedId, case_id: Option<CaseId>, mark: NightMark) {
        let new = BedMark { bed_id, case_id, mark };
        match self.marks.iter_mut().find(|m| m.bed_id == bed_id) {
            Some(existing) => *existing = new,
            None => self.marks.push(new),
        }
    }

    /// The mark for a bed, if walked.
    pub fn mark_for(&self, bed_id: BedId) -> Option<&BedMark> {
        self.marks.iter().find(|m| m.bed_id == bed_id)
    }

    /// Marks needing attention (absent, unknown person), in walk order.
    pub fn discrepancies(&self) -> impl Iterator<Item = &BedMark> {
        self.marks.iter().filter(|m| m.mark.is_discrepancy())
    }

    /// Beds from `expected` (in walk order) that have no mark yet.
    pub fn unmarked<'a>(&'a self, expected: &'a [BedId]) -> impl Iterator<Item = BedId> + 'a {
        expected.iter().copied().filter(|b| self.mark_for(*b).is_none())
    }
}

/// Something the morning shift must look at after a roll-call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Discrepancy {
    /// Marked absent, without leave.
    AbsentWithoutLeave {
        /// The bed.
        bed: BedId,
        /// Who should have been in it.
        case: Option<CaseId>,
    },
    /// Someone in a bed that should be empty.
    UnknownPerson {
        /// The bed.
        bed: BedId,
    },
    /// An occupied bed the walk did not mark.
    NotChecked {
        /// The bed.
        bed: BedId,
        /// Who is in it.
        case: CaseId,
    },
    /// A stay past its expected departure, or a mark for a stay closed since.
    StayEnded {
        /// The bed.
        bed: BedId,
        /// Who.
        case: CaseId,
        /// The expected departure, when the stay is still open.
        expected_until: Option<NaiveDate>,
    },
    /// A bed held for tonight whose person has not checked in.
    ReservationUnfilled {
        /// The bed.
        bed: BedId,
        /// The reservation.
        reservation: ReservationId,
    },
}

impl Discrepancy {
    /// The bed concerned.
    pub fn bed(&self) -> BedId {
        match *self {
            Self::AbsentWithoutLeave { bed, .. }
            | Self::UnknownPerson { bed }
            | Self::NotChecked { bed, .. }
            | Self::StayEnded { bed, .. }
            | Self::ReservationUnfilled { bed, .. } => bed,
        }
    }

    /// Order of the kinds in the list: the urgent ones first.
    fn rank(&self) -> u8 {
        match self {
            Self::AbsentWithoutLeave { .. } => 0,
            Self::UnknownPerson { .. } => 1,
            Self::NotChecked { .. } => 2,
            Self::StayEnded { .. } => 3,
            Self::ReservationUnfilled { .. } => 4,
        }
    }
}

/// The discrepancies of a roll-call, urgent kinds first, each kind in
/// walking order (`walk` lists every bed in that order).
///
/// `open_stays` are the stays open on the night; `reservations` any
/// reservations (those holding the night and not yet filled are listed).
pub fn discrepancies(
    check: &NightCheck,
    walk: &[BedId],
    open_stays: &[Stay],
    reservations: &[Reservation],
) -> Vec<Discrepancy> {
    let night = check.night;
    let stay_in = |bed: BedId| open_stays.iter().find(|s| s.is_open() && s.bed_id == bed && s.from <= night);
    let mut out = Vec::new();
    for m in &check.marks {
        match m.mark {
            NightMark::Absent => out.push(Discrepancy::AbsentWithoutLeave { bed: m.bed_id, case: m.case_id }),
            NightMark::UnknownPerson => out.push(Discrepancy::UnknownPerson { bed: m.bed_id }),
            _ => {}
        }
        if let Some(case) = m.case_id
            && stay_in(m.bed_id).is_none_or(|s| s.case_id != case)
        {
            out.push(Discrepancy::StayEnded { bed: m.bed_id, case, expected_until: None });
        }
    }
    for s in open_stays.iter().filter(|s| s.is_open() && s.from <= night) {
        if check.mark_for(s.bed_id).is_none() {
            out.push(Discrepancy::NotChecked { bed: s.bed_id, case: s.case_id });
        }
        if let Some(until) = s.expected_until
            && until <= night
        {
            out.push(Discrepancy::StayEnded { bed: s.bed_id, case: s.case_id, expected_until: Some(until) });
        }
    }
    for r in reservations.iter().filter(|r| r.holds(night)) {
        if stay_in(r.bed_id).is_none() {
            out.push(Discrepancy::ReservationUnfilled { bed: r.bed_id, reservation: r.id });
        }
    }
    let position = |bed: BedId| walk.iter().position(|b| *b == bed).unwrap_or(usize::MAX);
    out.sort_by_key(|d| (d.rank(), position(d.bed())));
    out.dedup();
    out
}

/// The absentees of the last roll-call still unresolved: marked absent and
/// still holding an open stay (not checked out, not marked back since).
/// `checks` may be in any order; the latest night with a finished walk counts.
pub fn unresolved_absentees<'a>(
    checks: &'a [NightCheck],
    open_stays: &[Stay],
) -> Option<(&'a NightCheck, Vec<BedMark>)> {
    let last = checks.iter().filter(|c| c.finished_at.is_some()).max_by_key(|c| (c.night, c.finished_at))?;
    let housed = |case: CaseId| open_stays.iter().any(|s| s.is_open() && s.case_id == case);
    let absent: Vec<BedMark> =
        last.marks.iter().filter(|m| m.mark == NightMark::Absent && m.case_id.is_some_and(housed)).cloned().collect();
    Some((last, absent))
}

/// Nights on which `case` was marked present, counted once per night
/// whatever the number of checks or re-runs.
pub fn nights_present(checks: &[NightCheck], case: CaseId) -> usize {
    let nights: std::collections::BTreeSet<NaiveDate> = checks
        .iter()
        .filter(|c| c.marks.iter().any(|m| m.case_id == Some(case) && m.mark == NightMark::Present))
        .map(|c| c.night)
        .collect();
    nights.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn bed(n: u8) -> BedId {
        BedId(Id([n; 16]))
    }

    fn check() -> NightCheck {
        let night = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        NightCheck {
            id: NightCheckId(Id([1; 16])),
            night,
            started_at: night.and_hms_opt(23, 0, 0).unwrap(),
            finished_at: None,
            by: "night.desk".into(),
            marks: vec![],
        }
    }

    #[test]
    fn night_roll_call_marks_every_occupied_bed_once() {
        let mut c = check();
        let who = Some(CaseId(Id([7; 16])));
        c.set_mark(bed(1), who, NightMark::Absent);
        c.set_mark(bed(2), None, NightMark::UnknownPerson);
        c.set_mark(bed(1), who, NightMark::Present);
        c.set_mark(bed(1), who, NightMark::Present);
        assert_eq!(c.marks.len(), 2);
        assert_eq!(c.mark_for(bed(1)).map(|m| m.mark), Some(NightMark::Present));
        let issues: Vec<_> = c.discrepancies().map(|m| m.bed_id).collect();
        assert_eq!(issues, [bed(2)]);
        let expected = [bed(1), bed(2), bed(3)];
        assert_eq!(c.unmarked(&expected).collect::<Vec<_>>(), [bed(3)]);
    }

    #[test]
    fn discrepancy_marks() {
        let flagged: Vec<_> = NightMark::all().filter(|m| m.is_discrepancy()).collect();
        assert_eq!(flagged, [NightMark::Absent, NightMark::UnknownPerson]);
        assert_eq!(NightMark::OnLeave.key(), "on_leave");
    }

    fn stay(n: u8, case: u8, bed_n: u8, from: NaiveDate, expected: Option<NaiveDate>) -> Stay {
        Stay {
            id: crate::domain::ids::StayId(Id([n; 16])),
            case_id: CaseId(Id([case; 16])),
            bed_id: bed(bed_n),
            from,
            expected_until: expected,
            until: None,
            end_reason: None,
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_night_turns_at_eight_in_the_morning() {
        let at = |d: u32, h: u32| day(1, d).and_hms_opt(h, 0, 0).unwrap();
        assert_eq!(night_of(at(2, 2)), day(1, 1));
        assert_eq!(night_of(at(2, 7)), day(1, 1));
        assert_eq!(night_of(at(2, 8)), day(1, 2));
        assert_eq!(night_of(at(1, 23)), day(1, 1));
    }

    #[test]
    fn discrepancies_list_absent_unknown_unchecked_ended_and_unfilled_in_walk_order() {
        let mut c = check();
        let stays = [
            stay(1, 11, 1, day(1, 1), None),
            stay(2, 12, 2, day(1, 1), Some(day(1, 1))),
            stay(3, 13, 3, day(1, 1), None),
            stay(4, 14, 4, day(1, 1), None),
        ];
        c.set_mark(bed(1), Some(CaseId(Id([11; 16]))), NightMark::Present);
        c.set_mark(bed(2), Some(CaseId(Id([12; 16]))), NightMark::OnLeave);
        c.set_mark(bed(4), Some(CaseId(Id([14; 16]))), NightMark::Absent);
        c.set_mark(bed(5), None, NightMark::UnknownPerson);
        // Someone marked earlier in bed 6 who has since checked out.
        c.set_mark(bed(6), Some(CaseId(Id([16; 16]))), NightMark::Present);
        let res = [
            Reservation {
                id: ReservationId(Id([9; 16])),
                bed_id: bed(7),
                case_id: None,
                pickup_id: None,
                for_date: day(1, 1),
                released: false,
            },
            Reservation {
                id: ReservationId(Id([8; 16])),
                bed_id: bed(8),
                case_id: None,
                pickup_id: None,
                for_date: day(1, 2),
                released: false,
            },
        ];
        let walk: Vec<BedId> = (1..=8).map(bed).collect();
        let found = discrepancies(&c, &walk, &stays, &res);
        assert_eq!(
            found,
            [
                Discrepancy::AbsentWithoutLeave { bed: bed(4), case: Some(CaseId(Id([14; 16]))) },
                Discrepancy::UnknownPerson { bed: bed(5) },
                Discrepancy::NotChecked { bed: bed(3), case: CaseId(Id([13; 16])) },
                Discrepancy::StayEnded { bed: bed(2), case: CaseId(Id([12; 16])), expected_until: Some(day(1, 1)) },
                Discrepancy::StayEnded { bed: bed(6), case: CaseId(Id([16; 16])), expected_until: None },
                Discrepancy::ReservationUnfilled { bed: bed(7), reservation: ReservationId(Id([9; 16])) },
            ]
        );
    }

    #[test]
    fn absentees_stay_on_the_dashboard_until_resolved() {
        let mut first = check();
        first.finished_at = Some(first.started_at);
        first.set_mark(bed(1), Some(CaseId(Id([11; 16]))), NightMark::Absent);
        first.set_mark(bed(2), Some(CaseId(Id([12; 16]))), NightMark::Absent);
        let stays = [stay(1, 11, 1, day(1, 1), None)];
        let (last, absent) = unresolved_absentees(std::slice::from_ref(&first), &stays).unwrap();
        assert_eq!(last.night, day(1, 1));
        // Case 12 has no open stay any more (checked out): resolved.
        assert_eq!(absent.iter().map(|m| m.bed_id).collect::<Vec<_>>(), [bed(1)]);
        // Re-running the same night and marking present resolves the rest.
        first.set_mark(bed(1), Some(CaseId(Id([11; 16]))), NightMark::Present);
        let (_, absent) = unresolved_absentees(std::slice::from_ref(&first), &stays).unwrap();
        assert!(absent.is_empty());
        let unfinished = check();
        assert!(unresolved_absentees(&[unfinished], &stays).is_none());
    }

    #[test]
    fn re_running_a_night_never_counts_it_twice() {
        let who = CaseId(Id([7; 16]));
        let mut a = check();
        a.set_mark(bed(1), Some(who), NightMark::Present);
        let mut again = a.clone();
        again.set_mark(bed(1), Some(who), NightMark::Present);
        let mut next = check();
        next.night = day(1, 2);
        next.set_mark(bed(1), Some(who), NightMark::Present);
        assert_eq!(nights_present(&[a, again, next], who), 2);
    }
}
