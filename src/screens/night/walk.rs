//! The walk in progress: every bed in walking order, one mark per occupied
//! bed, the cursor moving on to the next occupied bed after each mark, and
//! Backspace taking back the previous mark. No I/O: the screen saves it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::ids::{BedId, CaseId};
use crate::domain::night::{BedMark, NightMark};

/// Who should be in a bed tonight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupant {
    /// The case.
    pub case: CaseId,
    /// Alias.
    pub alias: String,
    /// Case code.
    pub code: String,
    /// Expected departure, when it has passed (the stay should have ended).
    pub overdue: Option<NaiveDate>,
}

/// What a bed without an occupant is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Empty {
    /// Free.
    Free,
    /// Held tonight for someone (alias or flight).
    Reserved(String),
    /// Out of service.
    OutOfService,
}

/// One bed of the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkLine {
    /// The bed.
    pub bed: BedId,
    /// Its label.
    pub label: String,
    /// Who should be in it, or what it is when empty.
    pub who: Result<Occupant, Empty>,
}

impl WalkLine {
    /// Whether someone should be in the bed.
    pub fn occupied(&self) -> bool {
        self.who.is_ok()
    }
}

/// Why a mark does not fit a bed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// Present, absent, leave or hospital on a bed nobody should be in.
    EmptyBed,
    /// "Unknown person" on a bed someone should be in.
    OccupiedBed,
    /// No bed under the cursor.
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Undo {
    bed: BedId,
    before: Option<NightMark>,
    cursor: usize,
}

/// A walk of one night.
#[derive(Debug, Clone)]
pub struct Walk {
    /// The night walked.
    pub night: NaiveDate,
    /// When this walk started.
    pub started_at: NaiveDateTime,
    /// Every bed in walking order.
    pub lines: Vec<WalkLine>,
    /// The line under the cursor.
    pub cursor: usize,
    marks: HashMap<BedId, NightMark>,
    earlier: HashMap<BedId, NightMark>,
    undo: Vec<Undo>,
}

impl Walk {
    /// A walk over `lines`, with the marks of an earlier walk of the same night.
    pub fn new(night: NaiveDate, started_at: NaiveDateTime, lines: Vec<WalkLine>, earlier: &[BedMark]) -> Walk {
        let earlier: HashMap<BedId, NightMark> = earlier.iter().map(|m| (m.bed_id, m.mark)).collect();
        let mut w = Walk { night, started_at, lines, cursor: 0, marks: earlier.clone(), earlier, undo: Vec::new() };
        let first_open = w.lines.iter().position(|l| l.occupied() && !w.marks.contains_key(&l.bed));
        w.cursor = first_open.or_else(|| w.lines.iter().position(WalkLine::occupied)).unwrap_or(0);
        w
    }

    /// The mark of a bed, if it has one.
    pub fn mark_of(&self, bed: BedId) -> Option<NightMark> {
        self.marks.get(&bed).copied()
    }

    /// Whether the mark of `bed` comes from an earlier walk, unchanged.
    pub fn is_earlier(&self, bed: BedId) -> bool {
        self.marks.contains_key(&bed) && self.marks.get(&bed) == self.earlier.get(&bed)
    }

    /// Whether an earlier walk of this night was loaded.
    pub fn is_rerun(&self) -> bool {
        !self.earlier.is_empty()
    }

    /// Marks the bed under the cursor and moves on to the next occupied bed.
    pub fn mark(&mut self, mark: NightMark) -> Result<(), Misfit> {
        let line = self.lines.get(self.cursor).ok_or(Misfit::Nothing)?;
        match (line.occupied(), mark) {
            (true, NightMark::UnknownPerson) => return Err(Misfit::OccupiedBed),
            (false, NightMark::UnknownPerson) | (true, _) => {}
            (false, _) => return Err(Misfit::EmptyBed),
        }
        let bed = line.bed;
        let before = self.marks.insert(bed, mark);
        self.undo.push(Undo { bed, before, cursor: self.cursor });
        if let Some(next) = self.lines.iter().skip(self.cursor + 1).position(WalkLine::occupied) {
            self.cursor += next + 1;
        }
        Ok(())
    }

    /// Takes back the previous mark and goes back to its bed; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(u) = self.undo.pop() else { return false };
        match u.before {
            Some(m) => self.marks.insert(u.bed, m),
            None => self.marks.remove(&u.bed),
        };
        self.cursor = u.cursor;
        true
    }

    /// Moves the cursor by `delta` lines (clamped).
    pub fn move_by(&mut self, delta: isize) {
        let last = self.lines.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Occupied beds marked, and occupied beds.
    pub fn progress(&self) -> (usize, usize) {
        let occupied = self.lines.iter().filter(|l| l.occupied());
        let total = occupied.clone().count();
        (occupied.filter(|l| self.marks.contains_key(&l.bed)).count(), total)
    }

    /// How many beds carry each mark.
    pub fn count(&self, mark: NightMark) -> usize {
        self.marks.values().filter(|m| **m == mark).count()
    }

    /// The marks this walk set or changed, with who should be in each bed.
    pub fn changed(&self) -> Vec<BedMark> {
        self.lines
            .iter()
            .filter_map(|l| {
                let mark = *self.marks.get(&l.bed)?;
                if self.earlier.get(&l.bed) == Some(&mark) {
                    return None;
                }
                Some(BedMark { bed_id: l.bed, case_id: l.who.as_ref().ok().map(|o| o.case), mark })
            })
            .collect()
    }

    /// Beds whose earlier mark is no longer there.
    pub fn cleared(&self) -> Vec<BedId> {
        self.earlier.keys().filter(|b| !self.marks.contains_key(b)).copied().collect()
    }

    /// Whether anything would be saved.
    pub fn is_dirty(&self) -> bool {
        !self.changed().is_empty() || !self.cleared().is_empty()
    }

    /// Puts back marks kept in a draft (beds no longer in the walk are skipped).
    pub fn restore(&mut self, marks: &[(BedId, NightMark)]) {
        for (bed, mark) in marks {
            if self.lines.iter().any(|l| l.bed == *bed) {
                let before = self.marks.insert(*bed, *mark);
                let cursor = self.lines.iter().position(|l| l.bed == *bed).unwrap_or(0);
                self.undo.push(Undo { bed: *bed, before, cursor });
            }
        }
        let next = self.lines.iter().position(|l| l.occupied() && !self.marks.contains_key(&l.bed));
        if let Some(n) = next {
            self.cursor = n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn line(n: u8, occupied: bool) -> WalkLine {
        WalkLine {
            bed: BedId(Id([n; 16])),
            label: format!("{n}"),
            who: if occupied {
                Ok(Occupant {
                    case: CaseId(Id([n + 100; 16])),
                    alias: "A".into(),
                    code: "MSK-26-0001".into(),
                    overdue: None,
                })
            } else {
                Err(Empty::Free)
            },
        }
    }

    fn walk(pattern: &[bool]) -> Walk {
        let night = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let lines = pattern.iter().enumerate().map(|(i, o)| line(i as u8, *o)).collect();
        Walk::new(night, night.and_hms_opt(23, 0, 0).unwrap(), lines, &[])
    }

    #[test]
    fn one_key_per_occupied_bed_skipping_the_empty_ones() {
        let mut w = walk(&[false, true, false, true, true]);
        assert_eq!(w.cursor, 1, "starts on the first occupied bed");
        w.mark(NightMark::Present).unwrap();
        assert_eq!(w.cursor, 3);
        w.mark(NightMark::Absent).unwrap();
        w.mark(NightMark::Present).unwrap();
        assert_eq!(w.cursor, 4, "stays on the last bed");
        assert_eq!(w.progress(), (3, 3));
        assert_eq!(w.changed().len(), 3);
        assert_eq!(w.count(NightMark::Absent), 1);
    }

    #[test]
    fn backspace_takes_back_the_previous_mark_and_returns_to_its_bed() {
        let mut w = walk(&[true, true]);
        w.mark(NightMark::Absent).unwrap();
        w.mark(NightMark::Present).unwrap();
        assert!(w.undo());
        assert_eq!(w.cursor, 1);
        assert_eq!(w.mark_of(w.lines[1].bed), None);
        assert!(w.undo());
        assert_eq!(w.cursor, 0);
        assert!(!w.undo(), "nothing left to take back");
        assert!(!w.is_dirty());
    }

    #[test]
    fn marks_must_fit_the_bed() {
        let mut w = walk(&[true, false]);
        assert_eq!(w.mark(NightMark::UnknownPerson), Err(Misfit::OccupiedBed));
        w.move_by(1);
        assert_eq!(w.mark(NightMark::Present), Err(Misfit::EmptyBed));
        w.mark(NightMark::UnknownPerson).unwrap();
        assert_eq!(w.changed()[0].case_id, None);
    }

    #[test]
    fn a_rerun_starts_from_the_earlier_marks_and_saves_only_changes() {
        let base = walk(&[true, true, true]);
        let earlier = vec![
            BedMark { bed_id: base.lines[0].bed, case_id: None, mark: NightMark::Present },
            BedMark { bed_id: base.lines[1].bed, case_id: None, mark: NightMark::Absent },
        ];
        let mut w = Walk::new(base.night, base.started_at, base.lines.clone(), &earlier);
        assert!(w.is_rerun());
        assert_eq!(w.cursor, 2, "the first bed not yet marked");
        assert_eq!(w.progress(), (2, 3));
        w.move_by(-1);
        w.mark(NightMark::Present).unwrap();
        assert_eq!(w.changed().len(), 1, "only the bed marked again");
        assert!(w.is_earlier(base.lines[0].bed));
        assert!(w.cleared().is_empty());
    }
}
