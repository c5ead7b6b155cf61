//! Dates and times in each language's usual format; 24-hour clock everywhere.
//!
//! One date format per language, on every screen, in every form and hint:
//! English `7 Dec 2026`, Russian `07.12.2026`, French `07/12/2026`
//! ([`format_date`]); what a user types is read by [`parse_date`], which takes
//! that form, ISO `2026-12-07` (scripts and habits use it) and the other
//! forms `domain::dates` knows. Files written for machines (CSV, XLSX, JSON
//! exports, logs) keep ISO.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::lang::Lang;
use crate::domain::dates::{self, DateError};

/// `1 Dec 2026` (en), `01.12.2026` (ru), `01/12/2026` (fr).
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let pattern = match lang {
        Lang::En => "%-d %b %Y",
        Lang::Ru => "%d.%m.%Y",
        Lang::Fr => "%d/%m/%Y",
    };
    date.format(pattern).to_string()
}

/// A day of a short span, without its year: `7 Dec`, `07.12`, `07/12`.
pub fn format_day_month(lang: Lang, date: NaiveDate) -> String {
    let pattern = match lang {
        Lang::En => "%-d %b",
        Lang::Ru => "%d.%m",
        Lang::Fr => "%d/%m",
    };
    date.format(pattern).to_string()
}

/// What a user typed as a date, in any language's form (relative to `today`).
pub fn parse_date(_lang: Lang, text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    dates::parse_date(text, today)
}

/// What a user typed as a date and time (relative to `now`).
pub fn parse_datetime(_lang: Lang, text: &str, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    dates::parse_datetime(text, now)
}

/// `14:35` in every language.
pub fn format_time(_lang: Lang, time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The date, a space, then the time: `1 Dec 2026 14:35`.
pub fn format_datetime(lang: Lang, at: NaiveDateTime) -> String {
    format!("{} {}", format_date(lang, at.date()), format_time(lang, at.time()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(format_date(Lang::En, d), "1 Dec 2026");
        assert_eq!(format_date(Lang::Ru, d), "01.12.2026");
        assert_eq!(format_date(Lang::Fr, d), "01/12/2026");
        let at = d.and_hms_opt(14, 35, 59).unwrap();
        assert_eq!(format_datetime(Lang::En, at), "1 Dec 2026 14:35");
        assert_eq!(format_datetime(Lang::Ru, at), "01.12.2026 14:35");
        assert_eq!(format_time(Lang::Fr, NaiveTime::from_hms_opt(7, 5, 0).unwrap()), "07:05");
        assert_eq!(format_day_month(Lang::En, d), "1 Dec");
        assert_eq!(format_day_month(Lang::Fr, d), "01/12");
    }

    #[test]
    fn what_is_shown_reads_back_and_iso_is_always_read() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        for lang in Lang::all() {
            for day in [NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(), NaiveDate::from_ymd_opt(1950, 1, 31).unwrap()] {
                assert_eq!(parse_date(lang, &format_date(lang, day), today), Ok(day), "{lang:?}");
                assert_eq!(parse_date(lang, &day.format("%Y-%m-%d").to_string(), today), Ok(day), "{lang:?}");
                let at = day.and_hms_opt(6, 10, 0).unwrap();
                assert_eq!(parse_datetime(lang, &format_datetime(lang, at), at), Ok(at), "{lang:?}");
            }
        }
    }
}
