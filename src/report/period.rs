//! The period a report covers: a calendar month, a quarter, a year, or any
//! range of days. Both ends are included.

use chrono::{Datelike, Duration, NaiveDate};

/// How the period was chosen; decides how it steps and how it is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter (January–March, …).
    Quarter,
    /// A calendar year.
    Year,
    /// Any range of days.
    Range,
}

/// Why a range of dates is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The end comes before the start.
    #[error("the period ends before it starts")]
    EndsBeforeStart,
    /// Longer than a report can sensibly cover.
    #[error("the period is longer than {MAX_DAYS} days")]
    TooLong,
}

/// The longest range a report covers (ten years): longer ranges are typing mistakes.
pub const MAX_DAYS: i64 = 3660;

/// The days `from ..= to` of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// How it was chosen.
    pub kind: PeriodKind,
    /// First day.
    pub from: NaiveDate,
    /// Last day, included.
    pub to: NaiveDate,
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year.checked_add(1)?, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

impl Period {
    /// The calendar month `year`-`month`.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Period { kind: PeriodKind::Month, from, to: last_of_month(year, month)? })
    }

    /// Quarter `q` (1–4) of `year`.
    pub fn quarter(year: i32, q: u32) -> Option<Period> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
        Some(Period { kind: PeriodKind::Quarter, from, to: last_of_month(year, q * 3)? })
    }

    /// The calendar year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            kind: PeriodKind::Year,
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// Any range; named as a month, quarter or year when it is exactly one.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        if to < from {
            return Err(PeriodError::EndsBeforeStart);
        }
        if (to - from).num_days() >= MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        let exact = [
            Period::month(from.year(), from.month()),
            Period::quarter(from.year(), from.month0() / 3 + 1),
            Period::year(from.year()),
        ];
        Ok(exact.into_iter().flatten().find(|p| p.from == from && p.to == to).unwrap_or(Period {
            kind: PeriodKind::Range,
            from,
            to,
        }))
    }

    /// The period of `kind` that contains `day` (a range becomes the month).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let p = match kind {
            PeriodKind::Month | PeriodKind::Range => Period::month(day.year(), day.month()),
            PeriodKind::Quarter => Period::quarter(day.year(), day.month0() / 3 + 1),
            PeriodKind::Year => Period::year(day.year()),
        };
        p.unwrap_or(Period { kind: PeriodKind::Range, from: day, to: day })
    }

    /// The next period of the same kind; a range moves by its own length.
    pub fn next(self) -> Period {
        self.step(1)
    }

    /// The previous period of the same kind.
    pub fn prev(self) -> Period {
        self.step(-1)
    }

    fn step(self, dir: i32) -> Period {
        let moved = match self.kind {
            PeriodKind::Month => {
                let index = self.from.year() * 12 + self.from.month0() as i32 + dir;
                Period::month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
            }
            PeriodKind::Quarter => {
                let index = self.from.year() * 4 + (self.from.month0() / 3) as i32 + dir;
                Period::quarter(index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
            }
            PeriodKind::Year => self.from.year().checked_add(dir).and_then(Period::year),
            PeriodKind::Range => {
                let len = Duration::days(self.days() * i64::from(dir));
                match (self.from.checked_add_signed(len), self.to.checked_add_signed(len)) {
                    (Some(from), Some(to)) => Some(Period { kind: PeriodKind::Range, from, to }),
                    _ => None,
                }
            }
        };
        moved.unwrap_or(self)
    }

    /// Number of days covered.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Whether `day` falls in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether `day` (if any) falls in the period.
    pub fn holds(&self, day: Option<NaiveDate>) -> bool {
        day.is_some_and(|d| self.contains(d))
    }

    /// Whether the whole calendar year `year` lies inside the period.
    pub fn covers_year(&self, year: i32) -> bool {
        Period::year(year).is_some_and(|y| self.from <= y.from && y.to <= self.to)
    }

    /// Whether any day of calendar year `year` lies inside the period.
    pub fn touches_year(&self, year: i32) -> bool {
        self.from.year() <= year && year <= self.to.year()
    }

    /// A short stable name for file names: `2026-11`, `2026-q4`, `2026`, `2026-11-03_2026-12-02`.
    pub fn slug(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}-{:02}", self.from.year(), self.from.month()),
            PeriodKind::Quarter => format!("{}-q{}", self.from.year(), self.from.month0() / 3 + 1),
            PeriodKind::Year => format!("{}", self.from.year()),
            PeriodKind::Range => format!("{}_{}", self.from, self.to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_quarters_and_years_have_their_calendar_ends() {
        let feb = Period::month(2028, 2).unwrap();
        assert_eq!((feb.from, feb.to, feb.days()), (d(2028, 2, 1), d(2028, 2, 29), 29));
        let q4 = Period::quarter(2026, 4).unwrap();
        assert_eq!((q4.from, q4.to), (d(2026, 10, 1), d(2026, 12, 31)));
        assert!(Period::quarter(2026, 5).is_none());
        let y = Period::year(2026).unwrap();
        assert_eq!((y.from, y.to, y.days()), (d(2026, 1, 1), d(2026, 12, 31), 365));
        assert!(Period::month(2026, 13).is_none());
    }

    #[test]
    fn stepping_crosses_year_boundaries() {
        let dec = Period::month(2026, 12).unwrap();
        assert_eq!(dec.next(), Period::month(2027, 1).unwrap());
        assert_eq!(Period::month(2027, 1).unwrap().prev(), dec);
        assert_eq!(Period::quarter(2026, 1).unwrap().prev(), Period::quarter(2025, 4).unwrap());
        assert_eq!(Period::year(2026).unwrap().next(), Period::year(2027).unwrap());
        let r = Period::range(d(2026, 11, 3), d(2026, 11, 12)).unwrap();
        assert_eq!(r.kind, PeriodKind::Range);
        let n = r.next();
        assert_eq!((n.from, n.to), (d(2026, 11, 13), d(2026, 11, 22)));
        assert_eq!(n.prev(), r);
    }

    #[test]
    fn a_range_that_is_exactly_a_month_quarter_or_year_is_named_so() {
        assert_eq!(Period::range(d(2026, 11, 1), d(2026, 11, 30)).unwrap().kind, PeriodKind::Month);
        assert_eq!(Period::range(d(2026, 7, 1), d(2026, 9, 30)).unwrap().kind, PeriodKind::Quarter);
        assert_eq!(Period::range(d(2026, 1, 1), d(2026, 12, 31)).unwrap().kind, PeriodKind::Year);
        assert_eq!(Period::range(d(2026, 1, 2), d(2026, 12, 31)).unwrap().kind, PeriodKind::Range);
        assert_eq!(Period::range(d(2026, 2, 1), d(2026, 1, 1)), Err(PeriodError::EndsBeforeStart));
        assert_eq!(Period::range(d(2000, 1, 1), d(2026, 1, 1)), Err(PeriodError::TooLong));
    }

    #[test]
    fn containment_and_years() {
        let q = Period::containing(PeriodKind::Quarter, d(2026, 11, 15));
        assert_eq!(q, Period::quarter(2026, 4).unwrap());
        assert!(q.contains(d(2026, 10, 1)) && q.contains(d(2026, 12, 31)) && !q.contains(d(2027, 1, 1)));
        let two = Period::range(d(2025, 1, 1), d(2026, 12, 31)).unwrap();
        assert!(two.covers_year(2025) && two.covers_year(2026) && !two.covers_year(2027));
        assert!(q.touches_year(2026) && !q.covers_year(2026));
        assert_eq!(q.slug(), "2026-q4");
        assert_eq!(Period::month(2026, 3).unwrap().slug(), "2026-03");
    }
}
