//! Money in minor units with an ISO 4217 currency, parsed as people type it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An ISO 4217 currency code, three ASCII uppercase letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Currency([u8; 3]);

/// Why a text is not an amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum MoneyError {
    /// Nothing typed.
    #[error("empty amount")]
    Empty,
    /// The currency is not three letters.
    #[error("invalid currency")]
    Currency,
    /// Two different currencies in one amount.
    #[error("two currencies")]
    TwoCurrencies,
    /// Digits or separators in a shape we do not understand.
    #[error("invalid amount")]
    Amount,
    /// More than two decimal digits.
    #[error("too many decimals")]
    Precision,
    /// A minus sign: amounts here are never negative.
    #[error("negative amount")]
    Negative,
    /// Larger than the store can hold.
    #[error("amount too large")]
    Overflow,
}

impl Currency {
    /// Russian rouble.
    pub const RUB: Self = Self(*b"RUB");
    /// Euro.
    pub const EUR: Self = Self(*b"EUR");
    /// US dollar.
    pub const USD: Self = Self(*b"USD");

    /// Parses three ASCII letters, any case.
    pub fn parse(s: &str) -> Result<Self, MoneyError> {
        match s.trim().as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_alphabetic()) => {
                Ok(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()]))
            }
            _ => Err(MoneyError::Currency),
        }
    }

    /// The code as text, e.g. `"RUB"`.
    pub fn as_str(&self) -> &str {
        // The bytes are ASCII letters by construction; fall back defensively.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// An amount: `minor` hundredths of `currency` (all supported currencies use two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Amount in minor units (kopecks, cents); never negative when parsed.
    pub minor: i64,
    /// Currency of the amount.
    pub currency: Currency,
}

/// Characters people use to group thousands: spaces of every width, apostrophe.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

impl Money {
    /// Builds an amount from major units and minor units (`cents` < 100).
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Parses `1500`, `1500.50`, `1 500,50`, `1,500.50`, `1500 RUB`, `EUR 20`,
    /// `20€`; without a code the amount is in `default`.
    ///
    /// A `.` or `,` followed by one or two digits at the end is the decimal
    /// mark; followed by exactly three digits it groups thousands.
    pub fn parse(input: &str, default: Currency) -> Result<Self, MoneyError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        let mut currency: Option<Currency> = None;
        let mut set = |c: Currency| -> Result<(), MoneyError> {
            match currency {
                Some(old) if old != c => Err(MoneyError::TwoCurrencies),
                _ => {
                    currency = Some(c);
                    Ok(())
                }
            }
        };
        let mut amount = String::new();
        let mut letters = String::new();
        for c in s.chars() {
            match c {
                '₽' => set(Currency::RUB)?,
                '€' => set(Currency::EUR)?,
                '$' => set(Currency::USD)?,
                c if c.is_ascii_alphabetic() => letters.push(c),
                c => {
                    if !letters.is_empty() {
                        set(Currency::parse(&letters)?)?;
                        letters.clear();
                    }
                    amount.push(c);
                }
            }
        }
        if !letters.is_empty() {
            set(Currency::parse(&letters)?)?;
        }
        let minor = parse_amount(amount.trim())?;
        Ok(Self { minor, currency: currency.unwrap_or(default) })
    }

    /// Sum of two amounts in the same currency; `None` on mismatch or overflow.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        if self.currency != other.currency {
            return None;
        }
        Some(Self { minor: self.minor.checked_add(other.minor)?, currency: self.currency })
    }
}

/// Parses the number part into minor units.
fn parse_amount(s: &str) -> Result<i64, MoneyError> {
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    if s.starts_with('-') || s.starts_with('−') {
        return Err(MoneyError::Negative);
    }
    let s = s.strip_prefix('+').unwrap_or(s);
    // Split off a decimal part: the last `.`/`,` followed by 1–2 digits.
    let (int_part, frac) = match s.rfind(['.', ',']) {
        Some(pos) => {
            let tail = s.get(pos + 1..).unwrap_or("");
            let head = s.get(..pos).unwrap_or("");
            let tail_digits = tail.bytes().all(|b| b.is_ascii_digit());
            match tail.len() {
                1 | 2 if tail_digits => (head, tail),
                3 if tail_digits => (s, ""),
                0 => return Err(MoneyError::Amount),
                _ if tail_digits => return Err(MoneyError::Precision),
                _ => return Err(MoneyError::Amount),
            }
        }
        None => (s, ""),
    };
    // The integer part: digit groups separated by one kind of separator; every
    // group after the first has three digits.
    let mut groups: Vec<&str> = Vec::new();
    let mut sep_kind: Option<char> = None;
    let mut start = 0;
    for (i, c) in int_part.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        let kind = if is_group_space(c) { ' ' } else { c };
        if !matches!(kind, ' ' | '.' | ',') {
            return Err(MoneyError::Amount);
        }
        match sep_kind {
            Some(k) if k != kind => return Err(MoneyError::Amount),
            _ => sep_kind = Some(kind),
        }
        groups.push(int_part.get(start..i).unwrap_or(""));
        start = i + c.len_utf8();
    }
    groups.push(int_part.get(start..).unwrap_or(""));
    let mut digits = String::new();
    for (n, g) in groups.iter().enumerate() {
        let ok = if n == 0 { !g.is_empty() && (groups.len() == 1 || g.len() <= 3) } else { g.len() == 3 };
        if !ok {
            return Err(MoneyError::Amount);
        }
        digits.push_str(g);
    }
    let mut value: i64 = 0;
    for b in digits.bytes() {
        value = value.checked_mul(10).and_then(|v| v.checked_add(i64::from(b - b'0'))).ok_or(MoneyError::Overflow)?;
    }
    let cents = match frac.as_bytes() {
        [] => 0,
        [d] => i64::from(d - b'0') * 10,
        [d, e] => i64::from(d - b'0') * 10 + i64::from(e - b'0'),
        _ => return Err(MoneyError::Precision),
    };
    value.checked_mul(100).and_then(|v| v.checked_add(cents)).ok_or(MoneyError::Overflow)
}

impl fmt::Display for Money {
    /// `1 500.50 RUB`: space-grouped thousands, point, two decimals, code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let major = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in major.chars().enumerate() {
            if i > 0 && (major.len() - i).is_multiple_of(3) {
                grouped.push(' ');
            }
            grouped.push(c);
        }
        write!(f, "{sign}{grouped}.{:02} {}", abs % 100, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rub(minor: i64) -> Money {
        Money::new(minor, Currency::RUB)
    }

    #[test]
    fn amounts_parse_the_way_staff_type_them() {
        let d = Currency::RUB;
        for (input, want) in [
            ("1500", rub(150_000)),
            ("1500.50", rub(150_050)),
            ("1500,5", rub(150_050)),
            ("1 500,50", rub(150_050)),
            ("1\u{a0}500,50", rub(150_050)),
            ("1,500.50", rub(150_050)),
            ("1.500,50", rub(150_050)),
            ("1,500", rub(150_000)),
            ("1.505", rub(150_500)),
            ("1 000 000", rub(100_000_000)),
            ("1500 RUB", rub(150_000)),
            ("1500rub", rub(150_000)),
            ("1500 ₽", rub(150_000)),
            ("0", rub(0)),
            ("0.05", rub(5)),
            ("EUR 20", Money::new(2000, Currency::EUR)),
            ("20 eur", Money::new(2000, Currency::EUR)),
            ("€20", Money::new(2000, Currency::EUR)),
            ("$ 20.99", Money::new(2099, Currency::USD)),
            ("USD 20 $", Money::new(2000, Currency::USD)),
        ] {
            assert_eq!(Money::parse(input, d), Ok(want), "{input}");
        }
        assert_eq!(Money::parse("20", Currency::EUR), Ok(Money::new(2000, Currency::EUR)));
    }

    #[test]
    fn malformed_amounts_are_refused() {
        for (input, err) in [
            ("", MoneyError::Empty),
            ("RUB", MoneyError::Empty),
            ("-5", MoneyError::Negative),
            ("−5", MoneyError::Negative),
            ("1.5055", MoneyError::Precision),
            ("15,0000", MoneyError::Precision),
            ("1 50", MoneyError::Amount),
            ("1,50,000", MoneyError::Amount),
            ("1 500.000,5", MoneyError::Amount),
            ("1500.", MoneyError::Amount),
            ("abc", MoneyError::Empty),
            ("abcd", MoneyError::Currency),
            ("20 EURO", MoneyError::Currency),
            ("20 EUR RUB", MoneyError::TwoCurrencies),
            ("€20 USD", MoneyError::TwoCurrencies),
            ("99999999999999999999", MoneyError::Overflow),
            ("92233720368547758.08", MoneyError::Overflow),
            ("1x5", MoneyError::Currency),
            ("1#5", MoneyError::Amount),
        ] {
            assert_eq!(Money::parse(input, Currency::RUB), Err(err), "{input}");
        }
    }

    #[test]
    fn money_prints_grouped_with_code() {
        assert_eq!(rub(150_050).to_string(), "1 500.50 RUB");
        assert_eq!(rub(5).to_string(), "0.05 RUB");
        assert_eq!(rub(100_000_000).to_string(), "1 000 000.00 RUB");
        assert_eq!(Money::new(99_900, Currency::EUR).to_string(), "999.00 EUR");
        assert_eq!(rub(i64::MAX).to_string(), "92 233 720 368 547 758.07 RUB");
    }

    #[test]
    fn currency_parses_three_letters() {
        assert_eq!(Currency::parse("rub"), Ok(Currency::RUB));
        assert_eq!(Currency::parse("EUR").map(|c| c.to_string()), Ok("EUR".into()));
        assert!(Currency::parse("RU").is_err());
        assert!(Currency::parse("RUBL").is_err());
        assert!(Currency::parse("R1B").is_err());
        assert!(Currency::parse("РУБ").is_err());
    }

    #[test]
    fn sums_need_one_currency() {
        assert_eq!(rub(1).checked_add(rub(2)), Some(rub(3)));
        assert_eq!(rub(1).checked_add(Money::new(1, Currency::EUR)), None);
        assert_eq!(rub(i64::MAX).checked_add(rub(1)), None);
    }

    proptest::proptest! {
        #[test]
        fn display_parses_back(minor in 0i64..=i64::MAX) {
            let m = rub(minor);
            proptest::prop_assert_eq!(Money::parse(&m.to_string(), Currency::EUR), Ok(m));
        }

        #[test]
        fn parser_never_panics(s in ".{0,16}") {
            let _ = Money::parse(&s, Currency::RUB);
        }
    }
}
