//! The night roll-call: one mark per occupied bed, walked in order.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{BedId, CaseId, NightCheckId};

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
}
