//! Case codes such as `MSK-26-0042`: centre, two-digit year, sequence.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A case code: what staff say and write instead of a name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CaseCode {
    /// Centre code, 2–5 ASCII uppercase letters.
    pub centre: String,
    /// Two-digit year, 0..=99.
    pub year: u8,
    /// Sequence number within centre and year.
    pub seq: u32,
}

/// Why a case code is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum CaseCodeError {
    /// Centre is not 2–5 ASCII uppercase letters.
    #[error("invalid centre code")]
    Centre,
    /// Year is not 0..=99 or not two digits.
    #[error("invalid year")]
    Year,
    /// Sequence is missing, not digits, or too short.
    #[error("invalid sequence")]
    Seq,
    /// Not of the form `CCC-YY-NNNN`.
    #[error("invalid case code format")]
    Format,
}

/// True for 2–5 ASCII uppercase letters.
pub fn valid_centre_code(s: &str) -> bool {
    (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl CaseCode {
    /// Builds a checked case code.
    pub fn new(centre: impl Into<String>, year: u8, seq: u32) -> Result<Self, CaseCodeError> {
        let centre = centre.into();
        if !valid_centre_code(&centre) {
            return Err(CaseCodeError::Centre);
        }
        if year > 99 {
            return Err(CaseCodeError::Year);
        }
        Ok(Self { centre, year, seq })
    }
}

impl fmt::Display for CaseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}-{:04}", self.centre, self.year, self.seq)
    }
}

impl FromStr for CaseCode {
    type Err = CaseCodeError;

    /// Strict: exactly `CENTRE-YY-SEQ`, uppercase, year two digits, sequence at
    /// least four digits (zero-padded) as printed by `Display`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let (Some(centre), Some(year), Some(seq), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(CaseCodeError::Format);
        };
        if !valid_centre_code(centre) {
            return Err(CaseCodeError::Centre);
        }
        if year.len() != 2 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CaseCodeError::Year);
        }
        let year: u8 = year.parse().map_err(|_| CaseCodeError::Year)?;
        if seq.len() < 4 || !seq.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CaseCodeError::Seq);
        }
        // Only zero-padding up to four digits is canonical: reject `00042` so
        // that one code has exactly one spelling.
        if seq.len() > 4 && seq.starts_with('0') {
            return Err(CaseCodeError::Seq);
        }
        let seq: u32 = seq.parse().map_err(|_| CaseCodeError::Seq)?;
        Self::new(centre, year, seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_code_prints_with_padded_sequence() {
        let code = CaseCode::new("MSK", 26, 42).unwrap();
        assert_eq!(code.to_string(), "MSK-26-0042");
        assert_eq!(CaseCode::new("AB", 5, 123_456).unwrap().to_string(), "AB-05-123456");
    }

    #[test]
    fn case_code_parses_strictly() {
        let code: CaseCode = "MSK-26-0042".parse().unwrap();
        assert_eq!(code, CaseCode::new("MSK", 26, 42).unwrap());
        assert_eq!("AB-05-123456".parse::<CaseCode>().unwrap().seq, 123_456);
        for (bad, err) in [
            ("msk-26-0042", CaseCodeError::Centre),
            ("M-26-0042", CaseCodeError::Centre),
            ("MOSCOW-26-0042", CaseCodeError::Centre),
            ("MSK-6-0042", CaseCodeError::Year),
            ("MSK-2026-0042", CaseCodeError::Year),
            ("MSK-26-42", CaseCodeError::Seq),
            ("MSK-26-00042", CaseCodeError::Seq),
            ("MSK-26-00x2", CaseCodeError::Seq),
            ("MSK-26-99999999999", CaseCodeError::Seq),
            ("MSK-26", CaseCodeError::Format),
            ("MSK-26-0042-1", CaseCodeError::Format),
            ("", CaseCodeError::Format),
            (" MSK-26-0042", CaseCodeError::Centre),
        ] {
            assert_eq!(bad.parse::<CaseCode>(), Err(err), "{bad}");
        }
    }

    #[test]
    fn new_checks_centre_and_year() {
        assert_eq!(CaseCode::new("MSk", 1, 1), Err(CaseCodeError::Centre));
        assert_eq!(CaseCode::new("MSK", 100, 1), Err(CaseCodeError::Year));
        assert!(valid_centre_code("ZZ"));
        assert!(valid_centre_code("ABCDE"));
        assert!(!valid_centre_code("ÄB"));
        assert!(!valid_centre_code("A1"));
    }

    proptest::proptest! {
        #[test]
        fn case_code_round_trips(centre in "[A-Z]{2,5}", year in 0u8..=99, seq in 0u32..) {
            let code = CaseCode::new(centre, year, seq).unwrap();
            proptest::prop_assert_eq!(code.to_string().parse::<CaseCode>(), Ok(code));
        }
    }
}
