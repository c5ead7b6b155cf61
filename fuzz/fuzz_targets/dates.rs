//! Date and time input in every accepted form.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let now = today.and_hms_opt(9, 30, 0).unwrap_or_default();
        let _ = haven::domain::dates::parse_date(text, today);
        let _ = haven::domain::dates::parse_time(text);
        let _ = haven::domain::dates::parse_datetime(text, now);
    }
});
