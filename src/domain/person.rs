//! Gender, age and age bands of a person, as HTCDS and CTDC record them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Gender as the person states it (HTCDS `prs_Gender`).
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
pub enum Gender {
    /// HTCDS `Feminine`.
    Feminine,
    /// HTCDS `Masculine`.
    Masculine,
    /// HTCDS `TransgenderFeminine`.
    TransgenderFeminine,
    /// HTCDS `TransgenderMasculine`.
    TransgenderMasculine,
    /// HTCDS `NonConforming`.
    NonConforming,
    /// HTCDS `NonSpecifiedUnknown`: not stated or not known.
    NonSpecifiedUnknown,
}

/// Minor or adult (CTDC `isMinor` / `isAdult`).
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
pub enum AgeGroup {
    /// Under 18.
    Minor,
    /// 18 or older.
    Adult,
    /// Neither age nor group is known.
    Unknown,
}

/// CTDC `ageBroad` bands.
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
pub enum AgeBand {
    /// CTDC `0--8`.
    #[strum(serialize = "age_0_8")]
    Age0To8,
    /// CTDC `9--17`.
    #[strum(serialize = "age_9_17")]
    Age9To17,
    /// CTDC `18--20`.
    #[strum(serialize = "age_18_20")]
    Age18To20,
    /// CTDC `21--23`.
    #[strum(serialize = "age_21_23")]
    Age21To23,
    /// CTDC `24--26`.
    #[strum(serialize = "age_24_26")]
    Age24To26,
    /// CTDC `27--29`.
    #[strum(serialize = "age_27_29")]
    Age27To29,
    /// CTDC `30--38`.
    #[strum(serialize = "age_30_38")]
    Age30To38,
    /// CTDC `39--47`.
    #[strum(serialize = "age_39_47")]
    Age39To47,
    /// CTDC `48+`.
    #[strum(serialize = "age_48_plus")]
    Age48Plus,
    /// Age not known (CTDC leaves `ageBroad` empty).
    #[strum(serialize = "unknown")]
    Unknown,
}

keyed!(Gender, AgeGroup, AgeBand);

/// Age of majority: under this many years is a minor.
pub const MAJORITY_AGE: u32 = 18;

impl AgeGroup {
    /// The group for a known age.
    pub fn of_age(age: u32) -> Self {
        if age < MAJORITY_AGE { Self::Minor } else { Self::Adult }
    }
}

impl AgeBand {
    /// The band for a known age.
    pub fn of_age(age: u32) -> Self {
        match age {
            0..=8 => Self::Age0To8,
            9..=17 => Self::Age9To17,
            18..=20 => Self::Age18To20,
            21..=23 => Self::Age21To23,
            24..=26 => Self::Age24To26,
            27..=29 => Self::Age27To29,
            30..=38 => Self::Age30To38,
            39..=47 => Self::Age39To47,
            _ => Self::Age48Plus,
        }
    }

    /// The label exactly as in CTDC exports (`0--8`, …, `48+`; empty for unknown).
    pub fn ctdc_label(self) -> &'static str {
        match self {
            Self::Age0To8 => "0--8",
            Self::Age9To17 => "9--17",
            Self::Age18To20 => "18--20",
            Self::Age21To23 => "21--23",
            Self::Age24To26 => "24--26",
            Self::Age27To29 => "27--29",
            Self::Age30To38 => "30--38",
            Self::Age39To47 => "39--47",
            Self::Age48Plus => "48+",
            Self::Unknown => "",
        }
    }
}

/// Completed years from `dob` to `on` (0 if `on` is before `dob`).
///
/// Someone born on 29 February has their birthday on 1 March in common years.
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    if on <= dob {
        return 0;
    }
    let years = on.year() - dob.year();
    let had_birthday = (on.month(), on.day()) >= (dob.month(), dob.day());
    let age = if had_birthday { years } else { years - 1 };
    u32::try_from(age).unwrap_or(0)
}

/// What we know about a person's age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgeBasis {
    /// Date of birth known (from a document or stated).
    DateOfBirth(NaiveDate),
    /// Age estimated as `years` on the date `on`; it grows with time.
    Estimated {
        /// Estimated age in years.
        years: u8,
        /// Day the estimate was made.
        on: NaiveDate,
    },
    /// Nothing known.
    Unknown,
}

impl AgeBasis {
    /// Age in completed years on `today`, if any basis is known.
    pub fn age_on(&self, today: NaiveDate) -> Option<u32> {
        match *self {
            Self::DateOfBirth(dob) => Some(age_on(dob, today)),
            Self::Estimated { years, on } => Some(u32::from(years) + age_on(on, today)),
            Self::Unknown => None,
        }
    }

    /// Minor / adult on `today`; `Unknown` without a basis.
    pub fn age_group(&self, today: NaiveDate) -> AgeGroup {
        self.age_on(today).map_or(AgeGroup::Unknown, AgeGroup::of_age)
    }

    /// CTDC band on `today`; `Unknown` without a basis.
    pub fn age_band(&self, today: NaiveDate) -> AgeBand {
        self.age_on(today).map_or(AgeBand::Unknown, AgeBand::of_age)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_counts_completed_years() {
        let dob = d(2000, 6, 15);
        assert_eq!(age_on(dob, d(2000, 6, 15)), 0);
        assert_eq!(age_on(dob, d(2001, 6, 14)), 0);
        assert_eq!(age_on(dob, d(2001, 6, 15)), 1);
        assert_eq!(age_on(dob, d(2018, 6, 14)), 17);
        assert_eq!(age_on(dob, d(2018, 6, 15)), 18);
        assert_eq!(age_on(dob, d(2026, 1, 1)), 25);
        assert_eq!(age_on(dob, d(1999, 1, 1)), 0, "future dob gives zero, not a panic");
    }

    #[test]
    fn leap_day_birthdays_fall_on_first_of_march_in_common_years() {
        let dob = d(2008, 2, 29);
        assert_eq!(age_on(dob, d(2009, 2, 28)), 0);
        assert_eq!(age_on(dob, d(2009, 3, 1)), 1);
        assert_eq!(age_on(dob, d(2012, 2, 28)), 3);
        assert_eq!(age_on(dob, d(2012, 2, 29)), 4);
        assert_eq!(age_on(dob, d(2026, 2, 28)), 17);
        assert_eq!(age_on(dob, d(2026, 3, 1)), 18);
        let basis = AgeBasis::DateOfBirth(dob);
        assert_eq!(basis.age_group(d(2026, 2, 28)), AgeGroup::Minor);
        assert_eq!(basis.age_group(d(2026, 3, 1)), AgeGroup::Adult);
        // Someone born 28 Feb turns 18 a day earlier than someone born 29 Feb.
        assert_eq!(age_on(d(2008, 2, 28), d(2026, 2, 28)), 18);
        // A 1 March birthday in a leap year is not reached on 29 February.
        assert_eq!(age_on(d(2007, 3, 1), d(2024, 2, 29)), 16);
    }

    #[test]
    fn every_age_lands_in_its_ctdc_band() {
        let expect = [
            (0, AgeBand::Age0To8),
            (8, AgeBand::Age0To8),
            (9, AgeBand::Age9To17),
            (17, AgeBand::Age9To17),
            (18, AgeBand::Age18To20),
            (20, AgeBand::Age18To20),
            (21, AgeBand::Age21To23),
            (23, AgeBand::Age21To23),
            (24, AgeBand::Age24To26),
            (26, AgeBand::Age24To26),
            (27, AgeBand::Age27To29),
            (29, AgeBand::Age27To29),
            (30, AgeBand::Age30To38),
            (38, AgeBand::Age30To38),
            (39, AgeBand::Age39To47),
            (47, AgeBand::Age39To47),
            (48, AgeBand::Age48Plus),
            (120, AgeBand::Age48Plus),
        ];
        for (age, band) in expect {
            assert_eq!(AgeBand::of_age(age), band, "{age}");
        }
        for age in 0..=130 {
            let band = AgeBand::of_age(age);
            assert_eq!(band == AgeBand::Age0To8 || band == AgeBand::Age9To17, age < 18);
            assert_eq!(AgeGroup::of_age(age) == AgeGroup::Minor, age < 18);
        }
    }

    #[test]
    fn ctdc_labels_and_keys_are_stable() {
        let labels: Vec<_> = AgeBand::all().map(AgeBand::ctdc_label).collect();
        assert_eq!(labels, ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+", ""]);
        assert_eq!(AgeBand::Age48Plus.key(), "age_48_plus");
        assert_eq!(AgeBand::from_key("age_9_17"), Some(AgeBand::Age9To17));
        assert_eq!(Gender::TransgenderFeminine.key(), "transgender_feminine");
        assert_eq!(Gender::NonSpecifiedUnknown.key(), "non_specified_unknown");
        assert_eq!(AgeGroup::Unknown.key(), "unknown");
        assert_eq!(Gender::all().count(), 6);
    }

    #[test]
    fn estimated_age_grows_with_time() {
        let basis = AgeBasis::Estimated { years: 16, on: d(2025, 9, 1) };
        assert_eq!(basis.age_on(d(2025, 9, 1)), Some(16));
        assert_eq!(basis.age_on(d(2026, 8, 31)), Some(16));
        assert_eq!(basis.age_on(d(2026, 9, 1)), Some(17));
        assert_eq!(basis.age_group(d(2027, 9, 1)), AgeGroup::Adult);
        assert_eq!(basis.age_band(d(2026, 9, 1)), AgeBand::Age9To17);
        assert_eq!(basis.age_on(d(2020, 1, 1)), Some(16), "dates before the estimate keep it");
    }

    #[test]
    fn unknown_age_is_unknown_everywhere() {
        let today = d(2026, 1, 1);
        assert_eq!(AgeBasis::Unknown.age_on(today), None);
        assert_eq!(AgeBasis::Unknown.age_group(today), AgeGroup::Unknown);
        assert_eq!(AgeBasis::Unknown.age_band(today), AgeBand::Unknown);
    }

    proptest::proptest! {
        #[test]
        fn age_is_monotonic_and_matches_year_arithmetic(
            dob_days in 0i64..50_000, span in 0i64..40_000
        ) {
            let base = d(1920, 1, 1);
            let dob = base + chrono::Duration::days(dob_days);
            let on = dob + chrono::Duration::days(span);
            let age = age_on(dob, on);
            let next = age_on(dob, on + chrono::Duration::days(1));
            proptest::prop_assert!(next == age || next == age + 1);
            // Age is within a year of days/365.25.
            let approx = span as f64 / 365.25;
            proptest::prop_assert!((f64::from(age) - approx).abs() < 1.01);
        }
    }
}
