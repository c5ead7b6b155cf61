//! Machine-readable zones (ICAO Doc 9303): passports (TD3, two lines of 44)
//! and identity cards (TD1, three lines of 30), typed or sent by a document
//! scanner that acts as a keyboard.
//!
//! Every field that carries a check digit is verified (weights 7-3-1; `0`–`9`
//! count as themselves, `A`–`Z` as 10–35, `<` as 0), then the composite
//! digit. The first failure is reported with the field it belongs to, so the
//! form can say which part to retype; nothing is returned half-read.
//!
//! Two-digit years: a date of birth is the latest such date not after
//! `today`; an expiry date lies within fifty years either side of `today`
//! (a document may have expired long ago, or be valid for ten more years).

use chrono::{Datelike, NaiveDate};

use super::case::{CasePrivate, Document, DocumentKind, DocumentLocation};
use super::country_alpha3::alpha2_of_alpha3;
use super::person::Gender;

/// Width of a TD3 (passport) line.
pub const TD3_WIDTH: usize = 44;
/// Width of a TD1 (identity card) line.
pub const TD1_WIDTH: usize = 30;

/// Which layout the zone has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MrzFormat {
    /// Passport booklet: two lines of 44.
    Td3,
    /// Identity card: three lines of 30.
    Td1,
}

/// The sex printed in the zone (not the person's gender; the form maps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MrzSex {
    /// `F`.
    Female,
    /// `M`.
    Male,
    /// `X` or `<`: unspecified.
    Unspecified,
}

/// What a zone says, as printed (Latin capitals, fillers removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mrz {
    /// Layout.
    pub format: MrzFormat,
    /// Document code: `P`, `PO`, `I`, `ID`, `AC`, …
    pub document_code: String,
    /// Issuing state or organisation (alpha-3, `D` for Germany).
    pub issuing_state: String,
    /// Primary identifier (family name), words separated by spaces.
    pub family_name: String,
    /// Secondary identifier (given names), words separated by spaces.
    pub given_names: String,
    /// Document number.
    pub document_number: String,
    /// Nationality (alpha-3).
    pub nationality: String,
    /// Date of birth; `None` when the zone leaves day or month unknown (`<`).
    pub date_of_birth: Option<NaiveDate>,
    /// Sex.
    pub sex: MrzSex,
    /// Date of expiry; `None` when not given.
    pub expiry: Option<NaiveDate>,
    /// Optional data (personal number), fillers removed.
    pub optional_data: String,
}

/// A part of the zone protected by a check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum MrzField {
    /// The document number.
    DocumentNumber,
    /// The date of birth.
    DateOfBirth,
    /// The date of expiry.
    Expiry,
    /// The personal number (TD3 optional data).
    OptionalData,
    /// The composite digit over all of the above.
    Composite,
}

keyed!(MrzField);

/// Why a text is not a readable zone; the UI translates the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum MrzError {
    /// Nothing typed.
    #[error("empty MRZ")]
    Empty,
    /// Not two lines (passport) or three lines (identity card).
    #[error("an MRZ has two lines of 44 or three lines of 30 characters")]
    Lines,
    /// One line has the wrong length for its format.
    #[error("line {line} must have {expected} characters, not {found}")]
    Length {
        /// Which line (1-based).
        line: usize,
        /// Characters the format needs.
        expected: usize,
        /// Characters found.
        found: usize,
    },
    /// A character other than `A`–`Z`, `0`–`9` and `<`.
    #[error("line {line}, column {column}: not an MRZ character")]
    Character {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
    },
    /// The document code does not fit the format (a visa, a TD2 card…).
    #[error("not a passport or identity-card zone")]
    DocumentCode,
    /// A check digit does not match its field.
    #[error("check digit of {0:?} does not match")]
    CheckDigit(MrzField),
    /// A date whose digits check but name no real day.
    #[error("{0:?} is not a real date")]
    Date(MrzField),
    /// The sex is not `F`, `M`, `X` or `<`.
    #[error("sex must be F, M, X or <")]
    Sex,
}

/// The value of one MRZ character in the check-digit sum.
fn char_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The 7-3-1 check digit of `data`; `None` if it holds a non-MRZ character.
pub fn check_digit(data: &str) -> Option<u8> {
    const WEIGHTS: [u32; 3] = [7, 3, 1];
    let mut sum = 0u32;
    for (i, c) in data.bytes().enumerate() {
        sum += char_value(c)? * WEIGHTS.get(i % 3).copied().unwrap_or(1);
    }
    u8::try_from(sum % 10).ok()
}

/// `s[from..to]`, or empty when out of range (lengths are checked before).
fn cut(s: &str, from: usize, to: usize) -> &str {
    s.get(from..to).unwrap_or_default()
}

/// The byte at `i` as a character, `<` when out of range.
fn at(s: &str, i: usize) -> u8 {
    s.as_bytes().get(i).copied().unwrap_or(b'<')
}

/// Verifies that `digit` is the check digit of `data`. An all-filler field
/// may carry `<` instead of `0` (ICAO allows it for empty optional data).
fn verify(data: &str, digit: u8, field: MrzField) -> Result<(), MrzError> {
    let want = check_digit(data).ok_or(MrzError::CheckDigit(field))?;
    let ok = match digit {
        b'0'..=b'9' => digit - b'0' == want,
        b'<' => want == 0 && data.bytes().all(|b| b == b'<'),
        _ => false,
    };
    if ok { Ok(()) } else { Err(MrzError::CheckDigit(field)) }
}

/// A field with its fillers turned into spaces and trimmed.
fn text(s: &str) -> String {
    s.split('<').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A three-letter state code without its fillers (`D<<` → `D`).
fn state(s: &str) -> String {
    s.trim_end_matches('<').to_string()
}

/// Family and given names from the name field (`ERIKSSON<<ANNA<MARIA<<<`).
fn names(field: &str) -> (String, String) {
    match field.split_once("<<") {
        Some((family, given)) => (text(family), text(given)),
        None => (text(field), String::new()),
    }
}

fn sex(c: u8) -> Result<MrzSex, MrzError> {
    match c {
        b'F' => Ok(MrzSex::Female),
        b'M' => Ok(MrzSex::Male),
        b'X' | b'<' => Ok(MrzSex::Unspecified),
        _ => Err(MrzError::Sex),
    }
}

/// `YYMMDD` as two-digit year, month and day; `None` when any part is unknown (`<`).
fn yymmdd(s: &str, field: MrzField) -> Result<Option<(i32, u32, u32)>, MrzError> {
    if s.bytes().any(|b| b == b'<') {
        return Ok(None);
    }
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MrzError::Date(field));
    }
    let num = |from, to| cut(s, from, to).parse::<u32>().map_err(|_| MrzError::Date(field));
    let yy = i32::try_from(num(0, 2)?).map_err(|_| MrzError::Date(field))?;
    Ok(Some((yy, num(2, 4)?, num(4, 6)?)))
}

/// A date of birth: the latest date with these digits that is not after `today`.
fn birth_date(s: &str, today: NaiveDate) -> Result<Option<NaiveDate>, MrzError> {
    let Some((yy, m, d)) = yymmdd(s, MrzField::DateOfBirth)? else { return Ok(None) };
    let century = today.year() - today.year().rem_euclid(100);
    // A day and month that no year has (31 April) is an error, not a century question.
    if NaiveDate::from_ymd_opt(2000, m, d).is_none() {
        return Err(MrzError::Date(MrzField::DateOfBirth));
    }
    // The same digits a century apart: the latest that has happened (29
    // February skips century years that are not leap years).
    [century + yy, century + yy - 100, century + yy - 200]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, m, d))
        .find(|date| *date <= today)
        .map(Some)
        .ok_or(MrzError::Date(MrzField::DateOfBirth))
}

/// An expiry date: the one with these digits within fifty years of `today`.
fn expiry_date(s: &str, today: NaiveDate) -> Result<Option<NaiveDate>, MrzError> {
    let Some((yy, m, d)) = yymmdd(s, MrzField::Expiry)? else { return Ok(None) };
    let century = today.year() - today.year().rem_euclid(100);
    let mut year = century + yy;
    if year > today.year() + 50 {
        year -= 100;
    } else if year <= today.year() - 50 {
        year += 100;
    }
    NaiveDate::from_ymd_opt(year, m, d).map(Some).ok_or(MrzError::Date(MrzField::Expiry))
}

/// Splits the input into lines of MRZ characters: spaces and tabs dropped,
/// letters uppercased, empty lines skipped; a zone sent as one run of 88 or
/// 90 characters (a scanner without line ends) is cut into its lines.
fn lines(input: &str) -> Result<Vec<String>, MrzError> {
    let mut out: Vec<String> = Vec::new();
    for (n, raw) in input.lines().enumerate() {
        let line: String = raw.chars().filter(|c| !matches!(c, ' ' | '\t' | '\r')).collect();
        if line.is_empty() {
            continue;
        }
        if let Some(column) = line.chars().position(|c| !(c.is_ascii_alphanumeric() || c == '<')) {
            return Err(MrzError::Character { line: n + 1, column: column + 1 });
        }
        out.push(line.to_ascii_uppercase());
    }
    match out.as_slice() {
        [] => Err(MrzError::Empty),
        [one] if one.len() == 2 * TD3_WIDTH => {
            Ok(vec![cut(one, 0, TD3_WIDTH).to_string(), cut(one, TD3_WIDTH, 2 * TD3_WIDTH).to_string()])
        }
        [one] if one.len() == 3 * TD1_WIDTH => {
            Ok((0..3).map(|i| cut(one, i * TD1_WIDTH, (i + 1) * TD1_WIDTH).to_string()).collect())
        }
        _ => Ok(out),
    }
}

fn check_lengths(lines: &[String], width: usize) -> Result<(), MrzError> {
    for (i, l) in lines.iter().enumerate() {
        if l.len() != width {
            return Err(MrzError::Length { line: i + 1, expected: width, found: l.len() });
        }
    }
    Ok(())
}

/// Reads a zone; `today` resolves two-digit years.
pub fn parse(input: &str, today: NaiveDate) -> Result<Mrz, MrzError> {
    let lines = lines(input)?;
    match lines.as_slice() {
        [l1, l2] => {
            check_lengths(&lines, TD3_WIDTH)?;
            td3(l1, l2, today)
        }
        [l1, l2, l3] => {
            check_lengths(&lines, TD1_WIDTH)?;
            td1(l1, l2, l3, today)
        }
        _ => Err(MrzError::Lines),
    }
}

fn td3(l1: &str, l2: &str, today: NaiveDate) -> Result<Mrz, MrzError> {
    if at(l1, 0) != b'P' {
        return Err(MrzError::DocumentCode);
    }
    let number = cut(l2, 0, 9);
    verify(number, at(l2, 9), MrzField::DocumentNumber)?;
    let dob = cut(l2, 13, 19);
    verify(dob, at(l2, 19), MrzField::DateOfBirth)?;
    let expiry = cut(l2, 21, 27);
    verify(expiry, at(l2, 27), MrzField::Expiry)?;
    let optional = cut(l2, 28, 42);
    verify(optional, at(l2, 42), MrzField::OptionalData)?;
    let composite = format!("{}{}{}", cut(l2, 0, 10), cut(l2, 13, 20), cut(l2, 21, 43));
    verify(&composite, at(l2, 43), MrzField::Composite)?;
    let (family_name, given_names) = names(cut(l1, 5, TD3_WIDTH));
    Ok(Mrz {
        format: MrzFormat::Td3,
        document_code: text(cut(l1, 0, 2)),
        issuing_state: state(cut(l1, 2, 5)),
        family_name,
        given_names,
        document_number: text(number),
        nationality: state(cut(l2, 10, 13)),
        date_of_birth: birth_date(dob, today)?,
        sex: sex(at(l2, 20))?,
        expiry: expiry_date(expiry, today)?,
        optional_data: text(optional),
    })
}

fn td1(l1: &str, l2: &str, l3: &str, today: NaiveDate) -> Result<Mrz, MrzError> {
    if !matches!(at(l1, 0), b'I' | b'A' | b'C') {
        return Err(MrzError::DocumentCode);
    }
    let optional1 = cut(l1, 15, TD1_WIDTH);
    // A number longer than nine characters: `<` in the check position, the
    // rest of the number and then its check digit open the optional data.
    let (number, rest) = if at(l1, 14) == b'<' && at(l1, 15) != b'<' {
        let tail_len = optional1.find('<').unwrap_or(optional1.len());
        let tail = cut(optional1, 0, tail_len);
        let (more, digit) = tail.split_at(tail.len().saturating_sub(1));
        let number = format!("{}{more}", cut(l1, 5, 14));
        verify(&number, digit.bytes().next().unwrap_or(b'<'), MrzField::DocumentNumber)?;
        (number, cut(optional1, tail_len, optional1.len()).to_string())
    } else {
        let number = cut(l1, 5, 14).to_string();
        verify(&number, at(l1, 14), MrzField::DocumentNumber)?;
        (number, optional1.to_string())
    };
    let dob = cut(l2, 0, 6);
    verify(dob, at(l2, 6), MrzField::DateOfBirth)?;
    let expiry = cut(l2, 8, 14);
    verify(expiry, at(l2, 14), MrzField::Expiry)?;
    let composite = format!("{}{}{}{}", cut(l1, 5, 30), cut(l2, 0, 7), cut(l2, 8, 15), cut(l2, 18, 29));
    verify(&composite, at(l2, 29), MrzField::Composite)?;
    let (family_name, given_names) = names(l3);
    let optional = [text(&rest), text(cut(l2, 18, 29))].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    Ok(Mrz {
        format: MrzFormat::Td1,
        document_code: text(cut(l1, 0, 2)),
        issuing_state: state(cut(l1, 2, 5)),
        family_name,
        given_names,
        document_number: text(&number),
        nationality: state(cut(l2, 15, 18)),
        date_of_birth: birth_date(dob, today)?,
        sex: sex(at(l2, 7))?,
        expiry: expiry_date(expiry, today)?,
        optional_data: optional.join(" "),
    })
}

/// `ERIKSSON` → `Eriksson`, `ANNA MARIA` → `Anna Maria`, `SMITH-JONES` → `Smith-Jones`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

impl Mrz {
    /// The document the zone belongs to, as the person carries it.
    pub fn document(&self) -> Document {
        Document {
            kind: match self.format {
                MrzFormat::Td3 => DocumentKind::Passport,
                MrzFormat::Td1 => DocumentKind::IdCard,
            },
            number: self.document_number.clone(),
            issuing_country: alpha2_of_alpha3(&self.issuing_state),
            issued_on: None,
            expires_on: self.expiry,
            location: DocumentLocation::WithPerson,
        }
    }

    /// The gender to record when none was stated: the printed sex, if any.
    pub fn gender(&self) -> Option<Gender> {
        match self.sex {
            MrzSex::Female => Some(Gender::Feminine),
            MrzSex::Male => Some(Gender::Masculine),
            MrzSex::Unspecified => None,
        }
    }

    /// The names as the file keeps them (`Eriksson`, `Anna Maria`).
    pub fn names(&self) -> (String, String) {
        (title_case(&self.family_name), title_case(&self.given_names))
    }

    /// Fills a case file from the zone: names (and their Latin form), date
    /// of birth, nationality, and the document (replacing the same document
    /// if it is already on file).
    pub fn fill(&self, file: &mut CasePrivate) {
        let (family, given) = self.names();
        file.family_name = family;
        file.given_names = given;
        if self.date_of_birth.is_some() {
            file.date_of_birth = self.date_of_birth;
        }
        if let Some(c) = alpha2_of_alpha3(&self.nationality)
            && !file.citizenship.contains(&c)
        {
            file.citizenship.push(c);
        }
        let doc = self.document();
        match file.documents.iter_mut().find(|d| d.kind == doc.kind && d.number == doc.number) {
            Some(same) => {
                let location = same.location;
                *same = Document { location, ..doc };
            }
            None => file.documents.push(doc),
        }
        file.refresh_latin();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TD3 specimen of ICAO Doc 9303 Part 4.
    const TD3: [&str; 2] =
        ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
    /// The TD1 specimen of ICAO Doc 9303 Part 5.
    const TD1: [&str; 3] =
        ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn today() -> NaiveDate {
        d(2026, 12, 1)
    }

    #[test]
    fn check_digits_follow_the_7_3_1_rule() {
        assert_eq!(check_digit("L898902C3"), Some(6));
        assert_eq!(check_digit("740812"), Some(2));
        assert_eq!(check_digit("120415"), Some(9));
        assert_eq!(check_digit("ZE184226B<<<<<"), Some(1));
        assert_eq!(check_digit("D23145890"), Some(7));
        assert_eq!(check_digit("<<<<<<<<<"), Some(0));
        assert_eq!(check_digit(""), Some(0));
        assert_eq!(check_digit("abc"), None);
        assert_eq!(check_digit("L89-"), None);
    }

    #[test]
    fn the_passport_specimen_reads_completely() {
        let m = parse(&TD3.join("\n"), today()).unwrap();
        assert_eq!(m.format, MrzFormat::Td3);
        assert_eq!(m.document_code, "P");
        assert_eq!(m.issuing_state, "UTO");
        assert_eq!(m.family_name, "ERIKSSON");
        assert_eq!(m.given_names, "ANNA MARIA");
        assert_eq!(m.document_number, "L898902C3");
        assert_eq!(m.nationality, "UTO");
        assert_eq!(m.date_of_birth, Some(d(1974, 8, 12)));
        assert_eq!(m.sex, MrzSex::Female);
        assert_eq!(m.expiry, Some(d(2012, 4, 15)), "an expired passport stays in the past");
        assert_eq!(m.optional_data, "ZE184226B");
    }

    #[test]
    fn the_identity_card_specimen_reads_completely() {
        let m = parse(&TD1.join("\n"), today()).unwrap();
        assert_eq!(m.format, MrzFormat::Td1);
        assert_eq!(m.document_code, "I");
        assert_eq!(m.issuing_state, "UTO");
        assert_eq!(m.family_name, "ERIKSSON");
        assert_eq!(m.given_names, "ANNA MARIA");
        assert_eq!(m.document_number, "D23145890");
        assert_eq!(m.nationality, "UTO");
        assert_eq!(m.date_of_birth, Some(d(1974, 8, 12)));
        assert_eq!(m.sex, MrzSex::Female);
        assert_eq!(m.expiry, Some(d(2012, 4, 15)));
        assert_eq!(m.optional_data, "");
    }

    #[test]
    fn scanners_and_typists_may_send_the_zone_in_other_shapes() {
        let want = parse(&TD3.join("\n"), today()).unwrap();
        for input in [
            TD3.join("\r\n"),
            TD3.concat(),
            format!("\n{}\n\n{}\n", TD3[0], TD3[1]),
            TD3.join("\n").to_lowercase(),
            format!("{} \n {}", TD3[0], TD3[1]),
        ] {
            assert_eq!(parse(&input, today()).as_ref(), Ok(&want), "{input:?}");
        }
        assert_eq!(parse(&TD1.concat(), today()).unwrap().document_number, "D23145890");
    }

    /// Every character of every line replaced by every other MRZ character.
    fn corruptions(lines: &[&str]) -> Vec<(usize, usize, String)> {
        let alphabet: Vec<char> = ('0'..='9').chain('A'..='Z').chain(std::iter::once('<')).collect();
        let mut out = Vec::new();
        for (li, line) in lines.iter().enumerate() {
            for (ci, orig) in line.chars().enumerate() {
                for &c in alphabet.iter().filter(|&&c| c != orig) {
                    let mut copy: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
                    let mut chars: Vec<char> = copy[li].chars().collect();
                    chars[ci] = c;
                    copy[li] = chars.into_iter().collect();
                    out.push((li, ci, copy.join("\n")));
                }
            }
        }
        out
    }

    /// The check-digit field that covers `(line, column)` of the passport specimen, if any.
    fn covered_td3(line: usize, col: usize) -> Option<MrzField> {
        match (line, col) {
            (1, 0..=9) => Some(MrzField::DocumentNumber),
            (1, 13..=19) => Some(MrzField::DateOfBirth),
            (1, 21..=27) => Some(MrzField::Expiry),
            (1, 28..=42) => Some(MrzField::OptionalData),
            (1, 43) => Some(MrzField::Composite),
            _ => None,
        }
    }

    /// The check-digit field that covers `(line, column)` of the identity-card specimen, if any.
    fn covered_td1(line: usize, col: usize) -> Option<MrzField> {
        match (line, col) {
            (0, 5..=14) => Some(MrzField::DocumentNumber),
            (0, 15..=29) | (1, 18..=29) => Some(MrzField::Composite),
            (1, 0..=6) => Some(MrzField::DateOfBirth),
            (1, 8..=14) => Some(MrzField::Expiry),
            _ => None,
        }
    }

    /// Whether `(line, column)` holds a check digit rather than data.
    fn is_digit_td3(line: usize, col: usize) -> bool {
        line == 1 && matches!(col, 9 | 19 | 27 | 42 | 43)
    }

    fn is_digit_td1(line: usize, col: usize) -> bool {
        matches!((line, col), (0, 14) | (1, 6) | (1, 14) | (1, 29))
    }

    /// Runs every single-character corruption of `lines` and checks each
    /// outcome: a change the 7-3-1 digits can see is refused naming its
    /// field; one they cannot see (values ten apart, such as `0` for `A` or
    /// `<` for `0`, which ICAO's scheme is blind to) reads differently or
    /// fails as a date; a change outside checked fields reads differently.
    /// Returns how many were refused by a check digit.
    fn corrupt_all(
        lines: &[&str],
        covered: fn(usize, usize) -> Option<MrzField>,
        is_digit: fn(usize, usize) -> bool,
    ) -> usize {
        let good = parse(&lines.join("\n"), today()).unwrap();
        let mut refused = 0;
        for (line, col, text) in corruptions(lines) {
            let old = lines[line].as_bytes()[col];
            let new = text.lines().nth(line).unwrap().as_bytes()[col];
            let blind = (char_value(old).unwrap() as i32 - char_value(new).unwrap() as i32) % 10 == 0;
            let got = parse(&text, today());
            let at = format!("line {} column {} {:?}->{:?}: {got:?}", line + 1, col + 1, old as char, new as char);
            match covered(line, col) {
                Some(field) if is_digit(line, col) || !blind => {
                    assert_eq!(got, Err(MrzError::CheckDigit(field)), "{at}");
                    refused += 1;
                }
                Some(_) => {
                    assert!(matches!(&got, Ok(m) if *m != good) || matches!(got, Err(MrzError::Date(_))), "{at}")
                }
                None => assert!(
                    matches!(&got, Ok(m) if *m != good) || matches!(got, Err(MrzError::DocumentCode | MrzError::Sex)),
                    "{at}"
                ),
            }
        }
        refused
    }

    #[test]
    fn every_single_character_corruption_of_the_passport_specimen() {
        let refused = corrupt_all(&TD3, covered_td3, is_digit_td3);
        // 40 checked positions × 36 replacements, less the few a 7-3-1 sum cannot see.
        assert!(refused > 40 * 36 * 9 / 10, "{refused}");
    }

    #[test]
    fn every_single_character_corruption_of_the_identity_card_specimen() {
        let refused = corrupt_all(&TD1, covered_td1, is_digit_td1);
        assert!(refused > 50 * 36 * 9 / 10, "{refused}");
    }

    #[test]
    fn a_failed_check_names_its_field() {
        let l2 = |s: &str| format!("{}\n{s}", TD3[0]);
        let cases = [
            ("L898902C37UTO7408122F1204159ZE184226B<<<<<10", MrzField::DocumentNumber),
            ("L898902C36UTO7408123F1204159ZE184226B<<<<<10", MrzField::DateOfBirth),
            ("L898902C36UTO7408122F1204158ZE184226B<<<<<10", MrzField::Expiry),
            ("L898902C36UTO7408122F1204159ZE184226B<<<<<20", MrzField::OptionalData),
            ("L898902C36UTO7408122F1204159ZE184226B<<<<<11", MrzField::Composite),
        ];
        for (line, field) in cases {
            assert_eq!(parse(&l2(line), today()), Err(MrzError::CheckDigit(field)), "{line}");
        }
        assert_eq!(MrzField::DateOfBirth.key(), "date_of_birth");
    }

    #[test]
    fn the_zone_fills_the_case_file_and_a_document() {
        use crate::domain::ids::{CaseId, Id};
        let mut m = parse(&TD3.join("\n"), today()).unwrap();
        m.nationality = "UZB".into();
        m.issuing_state = "UZB".into();
        let mut file = CasePrivate::new(CaseId(Id([1; 16])));
        m.fill(&mut file);
        assert_eq!((file.family_name.as_str(), file.given_names.as_str()), ("Eriksson", "Anna Maria"));
        assert_eq!(file.latin, "ERIKSSON ANNA MARIA");
        assert_eq!(file.date_of_birth, Some(d(1974, 8, 12)));
        assert_eq!(file.citizenship.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["UZ"]);
        assert_eq!(file.documents.len(), 1);
        let doc = &file.documents[0];
        assert_eq!((doc.kind, doc.number.as_str()), (DocumentKind::Passport, "L898902C3"));
        assert_eq!(doc.issuing_country.map(|c| c.as_str().to_string()).as_deref(), Some("UZ"));
        assert_eq!(doc.expires_on, Some(d(2012, 4, 15)));
        file.documents[0].location = DocumentLocation::HeldByCentre;
        m.fill(&mut file);
        assert_eq!(file.documents.len(), 1, "the same passport is not added twice");
        assert_eq!(file.documents[0].location, DocumentLocation::HeldByCentre, "where it is stays known");
        assert_eq!(file.citizenship.len(), 1);
        assert_eq!(m.gender(), Some(Gender::Feminine));
        assert_eq!(title_case("SMITH-JONES O<NEIL"), "Smith-Jones O<Neil");
    }

    #[test]
    fn wrong_shapes_are_refused_with_the_line() {
        assert_eq!(parse("", today()), Err(MrzError::Empty));
        assert_eq!(parse("  \n ", today()), Err(MrzError::Empty));
        assert_eq!(parse(TD3[0], today()), Err(MrzError::Lines));
        assert_eq!(parse(&[TD3[0], TD3[1], TD3[1], TD3[1]].join("\n"), today()), Err(MrzError::Lines));
        let short = format!("{}\n{}", TD3[0], &TD3[1][..43]);
        assert_eq!(parse(&short, today()), Err(MrzError::Length { line: 2, expected: 44, found: 43 }));
        let long = format!("{}<\n{}\n{}", TD1[0], TD1[1], TD1[2]);
        assert_eq!(parse(&long, today()), Err(MrzError::Length { line: 1, expected: 30, found: 31 }));
        let bad = format!("{}\n{}", TD3[0], TD3[1].replace('C', "Ç"));
        assert_eq!(parse(&bad, today()), Err(MrzError::Character { line: 2, column: 8 }));
        let visa = format!("V{}\n{}", &TD3[0][1..], TD3[1]);
        assert_eq!(parse(&visa, today()), Err(MrzError::DocumentCode));
    }

    #[test]
    fn two_digit_years_never_put_a_birth_in_the_future() {
        let t = today();
        assert_eq!(birth_date("740812", t), Ok(Some(d(1974, 8, 12))));
        assert_eq!(birth_date("080229", t), Ok(Some(d(2008, 2, 29))));
        assert_eq!(birth_date("261130", t), Ok(Some(d(2026, 11, 30))), "a baby born last month");
        assert_eq!(birth_date("261215", t), Ok(Some(d(1926, 12, 15))), "not in two weeks");
        assert_eq!(birth_date("000229", t), Ok(Some(d(2000, 2, 29))));
        assert_eq!(birth_date("991231", t), Ok(Some(d(1999, 12, 31))));
        assert_eq!(birth_date("74<<<<", t), Ok(None), "unknown day and month");
        assert_eq!(birth_date("741312", t), Err(MrzError::Date(MrzField::DateOfBirth)));
        assert_eq!(birth_date("740231", t), Err(MrzError::Date(MrzField::DateOfBirth)));
    }

    #[test]
    fn expiry_years_fall_within_fifty_years_of_today() {
        let t = today();
        assert_eq!(expiry_date("120415", t), Ok(Some(d(2012, 4, 15))));
        assert_eq!(expiry_date("360101", t), Ok(Some(d(2036, 1, 1))));
        assert_eq!(expiry_date("760101", t), Ok(Some(d(2076, 1, 1))));
        assert_eq!(expiry_date("770101", t), Ok(Some(d(1977, 1, 1))));
        assert_eq!(expiry_date("991231", t), Ok(Some(d(1999, 12, 31))));
        assert_eq!(expiry_date("<<<<<<", t), Ok(None));
        assert_eq!(expiry_date("120431", t), Err(MrzError::Date(MrzField::Expiry)));
    }

    #[test]
    fn a_long_identity_card_number_continues_in_the_optional_data() {
        // Number D231458907AB (12 characters): check digit of the whole number follows it.
        let number = "D231458907AB";
        let digit = check_digit(number).unwrap();
        let l1 = format!("I<UTO{}<{}{digit}", &number[..9], &number[9..]);
        let l1 = format!("{l1:<<30}");
        let l2_body = "7408122F1204159UTO<<<<<<<<<<<";
        let composite = format!("{}{}{}{}", &l1[5..30], &l2_body[0..7], &l2_body[8..15], &l2_body[18..29]);
        let l2 = format!("{l2_body}{}", check_digit(&composite).unwrap());
        let m = parse(&format!("{l1}\n{l2}\n{}", TD1[2]), today()).unwrap();
        assert_eq!(m.document_number, number);
        assert_eq!(m.optional_data, "");
    }

    proptest::proptest! {
        #[test]
        fn the_parser_never_panics(s in "[A-Z0-9<\n]{0,100}|\\PC{0,100}") {
            let _ = parse(&s, today());
        }
    }
}
