//! Dates and times as staff type them, in English, Russian and French.
//!
//! Accepted dates: `2026-12-01`, `2026/12/01`, `01.12.2026`, `1.12.26`,
//! `1/12/26`, `01-12-2026`, `1.12` (this year) — always day first unless the
//! year leads; a day and a month's name, with or without the year (`7 Dec 2026`,
//! `7 december`, `7 déc. 2026`, `7 дек 2026`, `7 декабря 2026`), as screens
//! write dates in English; two-digit years are 20yy; `today`/`tomorrow`/`yesterday`,
//! `сегодня`/`завтра`/`вчера`, `aujourd'hui`/`demain`/`hier`; offsets `+3d`,
//! `-2d`, `+1w`, `+3` (days), `+3д`, `+1н`, `+3j`, `+1s`. Times: `14:35`,
//! `6:10`, `14h35`, `14h`. A date-time is a date then a time (`+1d 06:10`,
//! `tomorrow 06:10`, `2026-12-01 14:35`, `2026-12-01T14:35`); a time alone
//! means today.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// Why a text is not a date or time; the UI translates the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum DateError {
    /// Nothing typed.
    #[error("empty date")]
    Empty,
    /// Not a form we know.
    #[error("unrecognised date")]
    Unrecognised,
    /// A well-formed date that does not exist (31.02).
    #[error("no such date")]
    InvalidDate,
    /// A well-formed time that does not exist (25:00).
    #[error("no such time")]
    InvalidTime,
    /// A year or offset outside what the centre could mean.
    #[error("date out of range")]
    OutOfRange,
    /// A date-time field got a date without a time.
    #[error("time missing")]
    MissingTime,
}

/// Earliest year accepted (dates of birth of the oldest residents).
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted.
pub const MAX_YEAR: i32 = 2199;

fn normalise(input: &str) -> String {
    input.trim().to_lowercase().replace(['’', 'ʼ', '‘'], "'")
}

fn keyword(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let offset = match s {
        "today" | "сегодня" | "aujourd'hui" => 0,
        "tomorrow" | "завтра" | "demain" => 1,
        "yesterday" | "вчера" | "hier" => -1,
        _ => return None,
    };
    today.checked_add_signed(Duration::days(offset))
}

fn relative(s: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DateError> {
    let (sign, rest) = match s.chars().next() {
        Some('+') => (1i64, s.get(1..).unwrap_or("")),
        Some('-') => (-1i64, s.get(1..).unwrap_or("")),
        _ => return Ok(None),
    };
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, unit) = rest.split_at(digits_len);
    if digits.is_empty() {
        return Err(DateError::Unrecognised);
    }
    let per = match unit {
        "" | "d" | "д" | "j" | "day" | "days" | "дн" | "день" | "дня" | "дней" | "jour" | "jours" => 1,
        "w" | "н" | "s" | "week" | "weeks" | "нед" | "semaine" | "semaines" => 7,
        _ => return Err(DateError::Unrecognised),
    };
    let n: i64 = digits.parse().map_err(|_| DateError::OutOfRange)?;
    let days = n
        .checked_mul(per)
        .and_then(|d| d.checked_mul(sign))
        .filter(|d| d.abs() <= 36_600)
        .ok_or(DateError::OutOfRange)?;
    today.checked_add_signed(Duration::days(days)).map(Some).ok_or(DateError::OutOfRange)
}

fn numeric(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = s.split(['.', '/', '-']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4) {
        return Err(DateError::Unrecognised);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| DateError::Unrecognised);
    let year_of = |p: &str| p.parse::<i32>().map_err(|_| DateError::Unrecognised);
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (year_of(y)?, num(m)?, num(d)?),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 => {
            let year = match y.len() {
                2 => 2000 + year_of(y)?,
                4 => year_of(y)?,
                _ => return Err(DateError::Unrecognised),
            };
            (year, num(m)?, num(d)?)
        }
        [d, m] if d.len() <= 2 && m.len() <= 2 => (today.year(), num(m)?, num(d)?),
        _ => return Err(DateError::Unrecognised),
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange);
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::InvalidDate);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::InvalidDate)
}

/// Month names and their usual abbreviations in the three languages (lower
/// case, without a final dot): a word names month `n` when it is one of them.
const MONTHS: [&[&str]; 12] = [
    &["jan", "january", "янв", "январь", "января", "janv", "janvier"],
    &["feb", "february", "фев", "февр", "февраль", "февраля", "févr", "fevr", "février", "fevrier"],
    &["mar", "march", "мар", "март", "марта", "mars"],
    &["apr", "april", "апр", "апрель", "апреля", "avr", "avril"],
    &["may", "май", "мая", "mai"],
    &["jun", "june", "июн", "июнь", "июня", "juin"],
    &["jul", "july", "июл", "июль", "июля", "juil", "juillet"],
    &["aug", "august", "авг", "август", "августа", "août", "aout"],
    &["sep", "sept", "september", "сен", "сент", "сентябрь", "сентября", "septembre"],
    &["oct", "october", "окт", "октябрь", "октября", "octobre"],
    &["nov", "november", "ноя", "нояб", "ноябрь", "ноября", "novembre"],
    &["dec", "december", "дек", "декабрь", "декабря", "déc", "decembre", "décembre"],
];

fn month_of(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS.iter().position(|names| names.contains(&word)).and_then(|i| u32::try_from(i + 1).ok())
}

/// `7 dec 2026`, `7 december`, `07 déc. 2026`: day, month name, optional year.
fn named_month(s: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DateError> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (day, month, year) = match words.as_slice() {
        [d, m] => (*d, *m, None),
        [d, m, y] => (*d, *m, Some(*y)),
        _ => return Ok(None),
    };
    let Some(month) = month_of(month) else { return Ok(None) };
    if day.is_empty() || day.len() > 2 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Unrecognised);
    }
    let day: u32 = day.parse().map_err(|_| DateError::Unrecognised)?;
    let year = match year {
        None => today.year(),
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            y.parse().map_err(|_| DateError::Unrecognised)?
        }
        Some(_) => return Err(DateError::Unrecognised),
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, day).map(Some).ok_or(DateError::InvalidDate)
}

fn date_normalised(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(d) = keyword(s, today) {
        return Ok(d);
    }
    // `-2d` starts like a number with separators but is an offset; a leading
    // sign always means an offset.
    if let Some(d) = relative(s, today)? {
        return Ok(d);
    }
    if let Some(d) = named_month(s, today)? {
        return Ok(d);
    }
    numeric(s, today)
}

/// Parses a date; relative forms count from `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    date_normalised(&normalise(input), today)
}

/// Parses a time of day: `14:35`, `6:10`, `14h35`, `14h`.
pub fn parse_time(input: &str) -> Result<NaiveTime, DateError> {
    let s = normalise(input);
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let (h, m) = s.split_once(':').or_else(|| s.split_once('h')).ok_or(DateError::Unrecognised)?;
    let m = if m.is_empty() && s.contains('h') { "00" } else { m };
    let ok = |p: &str, max_len| !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
    if !ok(h, 2) || !ok(m, 2) || m.len() != 2 {
        return Err(DateError::Unrecognised);
    }
    let h: u32 = h.parse().map_err(|_| DateError::Unrecognised)?;
    let m: u32 = m.parse().map_err(|_| DateError::Unrecognised)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(DateError::InvalidTime)
}

/// Parses a date and time; a time alone is today, relative dates count from `now`.
pub fn parse_datetime(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    let s = normalise(input);
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let today = now.date();
    // ISO `2026-12-01T14:35`.
    if let Some((d, t)) = s.split_once('t')
        && d.len() == 10
        && d.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return Ok(date_normalised(d, today)?.and_time(parse_time(t)?));
    }
    match s.rsplit_once(char::is_whitespace) {
        None => match parse_time(&s) {
            Ok(t) => Ok(today.and_time(t)),
            Err(DateError::InvalidTime) => Err(DateError::InvalidTime),
            Err(_) => match date_normalised(&s, today) {
                Ok(_) => Err(DateError::MissingTime),
                Err(e) => Err(e),
            },
        },
        Some((d, t)) => match parse_time(t) {
            Ok(time) => Ok(date_normalised(d.trim(), today)?.and_time(time)),
            // `7 Dec 2026` alone: a date without its time.
            Err(DateError::Unrecognised) if date_normalised(&s, today).is_ok() => Err(DateError::MissingTime),
            Err(e) => {
                date_normalised(d.trim(), today)?;
                Err(e)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn today() -> NaiveDate {
        d(2026, 3, 15)
    }
    fn now() -> NaiveDateTime {
        today().and_hms_opt(22, 5, 0).unwrap()
    }
    fn dt(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn written_dates_in_every_common_form() {
        let dec1 = d(2026, 12, 1);
        for input in [
            "2026-12-01",
            "2026/12/01",
            "2026.12.01",
            "01.12.2026",
            "1.12.2026",
            "1.12.26",
            "01.12.26",
            "1/12/26",
            "01/12/2026",
            "01-12-2026",
            " 01.12.2026 ",
            "2026-12-1",
        ] {
            assert_eq!(parse_date(input, today()), Ok(dec1), "{input}");
        }
        assert_eq!(parse_date("1.12", today()), Ok(dec1));
        assert_eq!(parse_date("29.02.2028", today()), Ok(d(2028, 2, 29)));
        assert_eq!(parse_date("1.1.00", today()), Ok(d(2000, 1, 1)));
        assert_eq!(parse_date("31.12.99", today()), Ok(d(2099, 12, 31)));
        assert_eq!(parse_date("15.06.1950", today()), Ok(d(1950, 6, 15)));
    }

    #[test]
    fn a_day_and_a_month_s_name_as_screens_write_them() {
        let t = today();
        for input in ["1 Dec 2026", "1 dec 2026", "01 December 2026", "1 déc. 2026", "1 дек 2026", "1 декабря 2026"]
        {
            assert_eq!(parse_date(input, t), Ok(d(2026, 12, 1)), "{input}");
        }
        assert_eq!(parse_date("7 May", t), Ok(d(2026, 5, 7)));
        assert_eq!(parse_date("29 Feb 2026", t), Err(DateError::InvalidDate));
        assert_eq!(parse_date("1 Dec 26", t), Err(DateError::Unrecognised));
        assert_eq!(parse_date("x Dec 2026", t), Err(DateError::Unrecognised));
        assert_eq!(parse_date("1 Dec 1800", t), Err(DateError::OutOfRange));
        assert_eq!(parse_datetime("1 Dec 2026 14:35", now()), Ok(dt(2026, 12, 1, 14, 35)));
        assert_eq!(parse_datetime("1 Dec 2026", now()), Err(DateError::MissingTime));
    }

    #[test]
    fn words_in_three_languages() {
        let t = today();
        let next = d(2026, 3, 16);
        let prev = d(2026, 3, 14);
        for (input, want) in [
            ("today", t),
            ("Today", t),
            ("  TODAY ", t),
            ("сегодня", t),
            ("Сегодня", t),
            ("aujourd'hui", t),
            ("aujourd’hui", t),
            ("Aujourd'hui", t),
            ("tomorrow", next),
            ("завтра", next),
            ("ЗАВТРА", next),
            ("demain", next),
            ("yesterday", prev),
            ("вчера", prev),
            ("hier", prev),
        ] {
            assert_eq!(parse_date(input, t), Ok(want), "{input}");
        }
    }

    #[test]
    fn offsets_from_today() {
        let t = today();
        for (input, want) in [
            ("+3d", d(2026, 3, 18)),
            ("+3", d(2026, 3, 18)),
            ("+3D", d(2026, 3, 18)),
            ("+ 3 d", d(2026, 3, 18)),
            ("-2d", d(2026, 3, 13)),
            ("+1w", d(2026, 3, 22)),
            ("-1w", d(2026, 3, 8)),
            ("+3д", d(2026, 3, 18)),
            ("+1н", d(2026, 3, 22)),
            ("+3j", d(2026, 3, 18)),
            ("+1s", d(2026, 3, 22)),
            ("+0d", t),
            ("+20d", d(2026, 4, 4)),
        ] {
            assert_eq!(parse_date(input, t), Ok(want), "{input}");
        }
    }

    #[test]
    fn impossible_and_garbage_dates_are_refused_by_kind() {
        let t = today();
        for (input, err) in [
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("31.02.2026", DateError::InvalidDate),
            ("29.02.2026", DateError::InvalidDate),
            ("31.04.26", DateError::InvalidDate),
            ("00.01.2026", DateError::InvalidDate),
            ("01.13.2026", DateError::InvalidDate),
            ("2026-02-30", DateError::InvalidDate),
            ("01.01.1800", DateError::OutOfRange),
            ("01.01.2500", DateError::OutOfRange),
            ("+99999999999999999999d", DateError::OutOfRange),
            ("+100000d", DateError::OutOfRange),
            ("+3x", DateError::Unrecognised),
            ("+d", DateError::Unrecognised),
            ("next week", DateError::Unrecognised),
            ("1.12.026", DateError::Unrecognised),
            ("12/2026", DateError::Unrecognised),
            ("1..2026", DateError::Unrecognised),
            ("2026-12", DateError::Unrecognised),
            ("01122026", DateError::Unrecognised),
            ("١.١٢.٢٠٢٦", DateError::Unrecognised),
        ] {
            assert_eq!(parse_date(input, t), Err(err), "{input}");
        }
    }

    #[test]
    fn times_of_day() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_time("14:35"), Ok(t(14, 35)));
        assert_eq!(parse_time("6:10"), Ok(t(6, 10)));
        assert_eq!(parse_time("06:10"), Ok(t(6, 10)));
        assert_eq!(parse_time("00:00"), Ok(t(0, 0)));
        assert_eq!(parse_time("23:59"), Ok(t(23, 59)));
        assert_eq!(parse_time("14h35"), Ok(t(14, 35)));
        assert_eq!(parse_time("14H"), Ok(t(14, 0)));
        assert_eq!(parse_time("24:00"), Err(DateError::InvalidTime));
        assert_eq!(parse_time("14:60"), Err(DateError::InvalidTime));
        assert_eq!(parse_time("1435"), Err(DateError::Unrecognised));
        assert_eq!(parse_time("14:5"), Err(DateError::Unrecognised));
        assert_eq!(parse_time("14:355"), Err(DateError::Unrecognised));
        assert_eq!(parse_time("123:00"), Err(DateError::Unrecognised));
        assert_eq!(parse_time(":30"), Err(DateError::Unrecognised));
        assert_eq!(parse_time(""), Err(DateError::Empty));
    }

    #[test]
    fn date_times_combine_a_date_and_a_time() {
        let n = now();
        for (input, want) in [
            ("14:35", dt(2026, 3, 15, 14, 35)),
            ("+1d 06:10", dt(2026, 3, 16, 6, 10)),
            ("tomorrow 06:10", dt(2026, 3, 16, 6, 10)),
            ("завтра 6:10", dt(2026, 3, 16, 6, 10)),
            ("demain 6h10", dt(2026, 3, 16, 6, 10)),
            ("aujourd’hui 23h", dt(2026, 3, 15, 23, 0)),
            ("2026-12-01 14:35", dt(2026, 12, 1, 14, 35)),
            ("2026-12-01T14:35", dt(2026, 12, 1, 14, 35)),
            ("01.12.2026 14:35", dt(2026, 12, 1, 14, 35)),
            ("1/12/26   14:35", dt(2026, 12, 1, 14, 35)),
        ] {
            assert_eq!(parse_datetime(input, n), Ok(want), "{input}");
        }
        for (input, err) in [
            ("", DateError::Empty),
            ("1435", DateError::Unrecognised),
            ("25:00", DateError::InvalidTime),
            ("tomorrow", DateError::MissingTime),
            ("01.12.2026", DateError::MissingTime),
            ("31.02.2026 10:00", DateError::InvalidDate),
            ("01.12.2026 10:75", DateError::InvalidTime),
            ("soon 10:00", DateError::Unrecognised),
            ("2026-12-01Tnoon", DateError::Unrecognised),
        ] {
            assert_eq!(parse_datetime(input, n), Err(err), "{input}");
        }
    }

    proptest::proptest! {
        #[test]
        fn formatted_dates_parse_back(days in 0i64..109_000) {
            let date = d(1900, 1, 1) + Duration::days(days);
            let t = today();
            proptest::prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string(), t), Ok(date));
            proptest::prop_assert_eq!(parse_date(&date.format("%d.%m.%Y").to_string(), t), Ok(date));
            proptest::prop_assert_eq!(parse_date(&date.format("%-d/%-m/%Y").to_string(), t), Ok(date));
            proptest::prop_assert_eq!(parse_date(&date.format("%-d %b %Y").to_string(), t), Ok(date));
        }

        #[test]
        fn parsers_never_panic(s in "\\PC{0,24}") {
            let _ = parse_date(&s, today());
            let _ = parse_time(&s);
            let _ = parse_datetime(&s, now());
        }
    }
}
