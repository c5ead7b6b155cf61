//! Flight numbers as reception staff type them: `su2101`, `SU-2101`, `AFL 2101`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A flight: airline designator (IATA two characters or ICAO three letters)
/// and number (1–4 digits, optionally one letter suffix).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FlightNumber {
    /// Airline designator, uppercase: `SU`, `U6`, `5N`, `AFL`.
    pub airline: String,
    /// Flight number digits as printed, plus an optional suffix letter: `2101`, `2101A`.
    pub number: String,
}

/// Why a text is not a flight number; the UI translates the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum FlightError {
    /// Nothing typed.
    #[error("empty flight number")]
    Empty,
    /// The airline part is not two alphanumerics (not both digits) or three letters.
    #[error("invalid airline designator")]
    Airline,
    /// No digits after the airline, or more than four.
    #[error("invalid flight number digits")]
    Number,
    /// Something other than a single letter after the digits.
    #[error("invalid flight number suffix")]
    Suffix,
    /// A character that has no place in a flight number.
    #[error("unexpected character in flight number")]
    Character,
}

impl FlightNumber {
    /// Parses a flight number, ignoring case, spaces and a hyphen.
    pub fn parse(input: &str) -> Result<Self, FlightError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FlightError::Empty);
        }
        // With a separator the airline is whatever comes before it; without one
        // we read three letters as ICAO, otherwise two characters as IATA.
        let (airline, rest): (String, String) = if let Some(pos) = trimmed.find([' ', '-']) {
            let (a, r) = trimmed.split_at(pos);
            let r = r.trim_start_matches([' ', '-']);
            (a.to_ascii_uppercase(), r.to_ascii_uppercase())
        } else {
            let upper = trimmed.to_ascii_uppercase();
            if !upper.is_ascii() {
                return Err(FlightError::Character);
            }
            let bytes = upper.as_bytes();
            let split = if bytes.len() > 3 && bytes.iter().take(3).all(u8::is_ascii_alphabetic) {
                3
            } else {
                2.min(bytes.len())
            };
            let (a, r) = upper.split_at(split);
            (a.to_string(), r.to_string())
        };
        if !airline.is_ascii() || !rest.is_ascii() {
            return Err(FlightError::Character);
        }
        let ab = airline.as_bytes();
        let airline_ok = match ab {
            [a, b] => {
                a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && !(a.is_ascii_digit() && b.is_ascii_digit())
            }
            [a, b, c] => a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic(),
            _ => false,
        };
        if !airline_ok {
            return Err(FlightError::Airline);
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return Err(FlightError::Number);
        }
        let (num, suffix) = rest.split_at(digits);
        match suffix.as_bytes() {
            [] => {}
            [s] if s.is_ascii_alphabetic() => {}
            s if s.iter().all(u8::is_ascii_digit) => return Err(FlightError::Number),
            s if s.iter().all(|b| b.is_ascii_alphanumeric()) => return Err(FlightError::Suffix),
            _ => return Err(FlightError::Character),
        }
        Ok(Self { airline, number: format!("{num}{suffix}") })
    }
}

impl FromStr for FlightNumber {
    type Err = FlightError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl FlightNumber {
    /// No flight: the number of a pickup by another way than air
    /// (`crate::domain::transport`); it shows as nothing.
    pub fn none() -> Self {
        Self { airline: String::new(), number: String::new() }
    }

    /// True for [`FlightNumber::none`].
    pub fn is_none(&self) -> bool {
        self.airline.is_empty() && self.number.is_empty()
    }
}

impl fmt::Display for FlightNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            return Ok(());
        }
        write!(f, "{} {}", self.airline, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        FlightNumber::parse(s).unwrap().to_string()
    }

    #[test]
    fn reception_can_type_flights_any_common_way() {
        for input in ["su2101", "SU2101", "su 2101", "SU-2101", " SU  2101 ", "Su - 2101"] {
            assert_eq!(shown(input), "SU 2101", "{input}");
        }
        assert_eq!(shown("U6 123"), "U6 123");
        assert_eq!(shown("u6123"), "U6 123");
        assert_eq!(shown("5N 45"), "5N 45");
        assert_eq!(shown("5n45"), "5N 45");
        assert_eq!(shown("AFL 2101"), "AFL 2101");
        assert_eq!(shown("afl2101"), "AFL 2101");
        assert_eq!(shown("SU 2101A"), "SU 2101A");
        assert_eq!(shown("su2101a"), "SU 2101A");
        assert_eq!(shown("SU 7"), "SU 7");
        let f = FlightNumber::parse("AFL 21").unwrap();
        assert_eq!((f.airline.as_str(), f.number.as_str()), ("AFL", "21"));
    }

    #[test]
    fn malformed_flights_are_refused_by_kind() {
        for (input, err) in [
            ("", FlightError::Empty),
            ("   ", FlightError::Empty),
            ("12 345", FlightError::Airline),
            ("12345", FlightError::Airline),
            ("S 2101", FlightError::Airline),
            ("SUAB 2101", FlightError::Airline),
            ("A1B 2101", FlightError::Airline),
            ("SU", FlightError::Number),
            ("SU ", FlightError::Number),
            ("SU 21012", FlightError::Number),
            ("SU21012", FlightError::Number),
            ("SU A", FlightError::Number),
            ("SU 2101AB", FlightError::Suffix),
            ("SU 2101 A", FlightError::Character),
            ("SU 2101!", FlightError::Character),
            ("СУ 2101", FlightError::Character),
            ("сu2101", FlightError::Character),
        ] {
            assert_eq!(FlightNumber::parse(input), Err(err), "{input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn parser_never_panics(s in ".{0,12}") {
            let _ = FlightNumber::parse(&s);
        }

        #[test]
        fn display_round_trips(airline in "[A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3}", num in "[0-9]{1,4}[A-Z]?") {
            let f = FlightNumber { airline, number: num };
            proptest::prop_assert_eq!(FlightNumber::parse(&f.to_string()), Ok(f));
        }
    }
}
