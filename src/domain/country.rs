//! ISO 3166-1 alpha-2 country codes (citizenship, issuing and destination countries).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A country, as an assigned ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CountryCode([u8; 2]);

/// Why a text is not a country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum CountryError {
    /// Not two ASCII letters.
    #[error("country code must be two letters")]
    Format,
    /// Two letters, but not an assigned ISO 3166-1 code.
    #[error("unknown country code")]
    Unknown,
}

/// All 249 officially assigned ISO 3166-1 alpha-2 codes, sorted.
pub const ISO_3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

impl CountryCode {
    /// Parses an assigned alpha-2 code, any case, surrounding spaces ignored.
    pub fn parse(s: &str) -> Result<Self, CountryError> {
        let code = match s.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                [a.to_ascii_uppercase(), b.to_ascii_uppercase()]
            }
            _ => return Err(CountryError::Format),
        };
        let known = ISO_3166_ALPHA2.binary_search_by(|probe| probe.as_bytes().cmp(&code[..])).is_ok();
        if known { Ok(Self(code)) } else { Err(CountryError::Unknown) }
    }

    /// The code, e.g. `"RU"`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Every assigned country, in code order.
    pub fn all() -> impl Iterator<Item = Self> {
        ISO_3166_ALPHA2.iter().filter_map(|c| Self::parse(c).ok())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CountryCode {
    type Err = CountryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_unique_and_complete() {
        assert!(ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(CountryCode::all().count(), 249);
    }

    #[test]
    fn codes_parse_case_insensitively() {
        assert_eq!(CountryCode::parse("ru").unwrap().as_str(), "RU");
        assert_eq!(CountryCode::parse(" Ua ").unwrap().to_string(), "UA");
        for code in ["AD", "ZW", "SS", "KZ", "UZ", "TJ", "KG", "MD", "GB", "AX"] {
            assert!(CountryCode::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn unassigned_and_malformed_codes_are_refused() {
        for code in ["XX", "UK", "SU", "YU", "ZZ", "AA", "EU", "XK"] {
            assert_eq!(CountryCode::parse(code), Err(CountryError::Unknown), "{code}");
        }
        for code in ["", "R", "RUS", "R1", "РУ", "12"] {
            assert_eq!(CountryCode::parse(code), Err(CountryError::Format), "{code}");
        }
    }
}
