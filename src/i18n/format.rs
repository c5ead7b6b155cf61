//! Dates and times in each language's usual format; 24-hour clock everywhere.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::lang::Lang;

/// `1 Dec 2026` (en), `01.12.2026` (ru), `01/12/2026` (fr).
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let pattern = match lang {
        Lang::En => "%-d %b %Y",
        Lang::Ru => "%d.%m.%Y",
        Lang::Fr => "%d/%m/%Y",
    };
    date.format(pattern).to_string()
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
    }
}
