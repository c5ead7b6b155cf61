//! A file's bytes as a sheet of text cells with their line numbers.
//!
//! CSV: UTF-8 (with or without a byte-order mark) and UTF-16 (with one, or
//! told by its zero bytes without) are read as they are; bytes that are not UTF-8 but read as Russian text in
//! Windows-1251 (what older Excel saves) are decoded from it, and the caller
//! says so; anything else is refused. The delimiter is the one the heading
//! row uses most (`;`, `,`, tab, `|`). XLSX: the sheet named after the kind
//! of record (in any language), else the first; dates become `yyyy-mm-dd`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1251};

use super::Problem;

/// How the text of a CSV file was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// Windows-1251 (Cyrillic), decoded.
    Windows1251,
    /// An XLSX workbook (text is always Unicode there).
    Xlsx,
}

/// What the user asked for on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect.
    #[default]
    Auto,
    /// UTF-8 only.
    Utf8,
    /// Windows-1251.
    Windows1251,
}

/// A sheet of text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The heading row.
    pub headers: Vec<String>,
    /// Every non-empty row under it, with its line (or row) number in the file.
    pub rows: Vec<(u64, Vec<String>)>,
    /// How the text was encoded.
    pub encoding: Encoding,
    /// The delimiter of a CSV file.
    pub delimiter: Option<u8>,
}

/// Whether bytes that are not UTF-8 look like Russian text in Windows-1251:
/// nearly every byte above 127 is a Cyrillic letter (А–я, Ё, ё) or the
/// punctuation such text uses (dashes, quotes, №, no-break space), and the
/// letters come in words of their own. Latin-1 or Windows-1252 text (`René`)
/// has its accented letters inside Latin words, which Russian never does.
pub fn looks_like_windows_1251(bytes: &[u8]) -> bool {
    let is_letter = |b: u8| b >= 0xC0 || matches!(b, 0xA8 | 0xB8);
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    if high.is_empty() {
        return false;
    }
    let letters = high.iter().filter(|b| is_letter(**b)).count();
    let punctuation =
        high.iter().filter(|b| matches!(**b, 0x84 | 0x85 | 0x91..=0x97 | 0xA0 | 0xAB | 0xBB | 0xB9)).count();
    let mut inside_latin = 0;
    let mut in_runs = 0;
    for (i, b) in bytes.iter().enumerate() {
        if !is_letter(*b) {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
        let after = bytes.get(i + 1).copied();
        if before.is_some_and(|x| x.is_ascii_alphabetic()) || after.is_some_and(|x| x.is_ascii_alphabetic()) {
            inside_latin += 1;
        }
        if before.is_some_and(is_letter) || after.is_some_and(is_letter) {
            in_runs += 1;
        }
    }
    letters * 10 >= high.len() * 7
        && (letters + punctuation) * 100 >= high.len() * 97
        && inside_latin * 10 <= letters
        && in_runs * 10 >= letters * 8
}

/// Where byte `offset` of the file lies: its line and its place (both from 1).
fn place(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    (before.iter().filter(|b| **b == b'\n').count() as u64 + 1, offset as u64 + 1)
}

/// UTF-16 without its byte-order mark: text has no zero bytes but UTF-16
/// has one in every ASCII character (delimiters, line ends, digits), on
/// the odd places for little-endian, the even ones for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    if odd * 10 >= pairs && even * 50 <= odd {
        Some(UTF_16LE)
    } else if even * 10 >= pairs && odd * 50 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes the bytes of a text file.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<(String, Encoding), Problem> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(UTF_16LE)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(UTF_16BE)
    } else if bytes.contains(&0) {
        // Zero bytes are never text: UTF-16 saved without its mark, or not text.
        Some(utf16_without_bom(bytes).ok_or(Problem::NotText)?)
    } else {
        None
    };
    if let Some(enc) = utf16 {
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors || text.contains('\0') {
            return Err(Problem::NotText);
        }
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    let bom = if bytes.starts_with(crate::report::csv_file::BOM) { crate::report::csv_file::BOM.len() } else { 0 };
    let body = bytes.get(bom..).unwrap_or(bytes);
    let at = |e: std::str::Utf8Error| place(bytes, bom + e.valid_up_to());
    match choice {
        EncodingChoice::Windows1251 => {
            Ok((WINDOWS_1251.decode_without_bom_handling(body).0.into_owned(), Encoding::Windows1251))
        }
        EncodingChoice::Utf8 => std::str::from_utf8(body).map(|s| (s.to_string(), Encoding::Utf8)).map_err(|e| {
            let (line, byte) = at(e);
            Problem::NotUtf8 { line, byte }
        }),
        EncodingChoice::Auto => match std::str::from_utf8(body) {
            Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
            Err(_) if looks_like_windows_1251(body) => {
                Ok((WINDOWS_1251.decode_without_bom_handling(body).0.into_owned(), Encoding::Windows1251))
            }
            Err(e) => {
                let (line, byte) = at(e);
                Err(Problem::Encoding { line, byte })
            }
        },
    }
}

/// The delimiter the first line uses most, outside quotes (`;` on a tie).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b';', b',', b'\t', b'|'];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|c| *c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..4 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// A cell as read: trimmed, and the apostrophe an export puts before a
/// formula-like text removed again.
pub fn clean(cell: &str) -> String {
    let t = cell.trim_matches(|c: char| c == ' ' || c == '\u{a0}' || c == '\n' || c == '\r');
    match t.strip_prefix('\'') {
        Some(rest) if crate::report::csv_file::is_formula_start(rest) => rest.to_string(),
        _ => t.to_string(),
    }
}

fn split(rows: Vec<(u64, Vec<String>)>, encoding: Encoding, delimiter: Option<u8>) -> Result<Sheet, Problem> {
    let mut rows = rows.into_iter().filter(|(_, r)| r.iter().any(|c| !c.is_empty()));
    let (_, headers) = rows.next().ok_or(Problem::Empty)?;
    let rows: Vec<(u64, Vec<String>)> = rows.collect();
    if rows.is_empty() {
        return Err(Problem::Empty);
    }
    Ok(Sheet { headers, rows, encoding, delimiter })
}

/// The longest cell a CSV file may have: a note takes 10,000 characters,
/// 40,000 bytes at most; a quote left open runs far past it.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// Whether a quoted cell that runs over several lines swallowed rows: too
/// long for any cell, or one of its later lines has as many delimiters as
/// a row of the file (a note written on two lines does not).
fn swallows_rows(cell: &str, delimiter: u8, headings: usize) -> bool {
    if cell.len() > MAX_CELL_BYTES {
        return true;
    }
    let row_like = headings.saturating_sub(1).max(1);
    cell.split('\n').skip(1).any(|l| l.bytes().filter(|b| *b == delimiter).count() >= row_like)
}

/// The records of a CSV file one at a time, with their line numbers, as
/// [`read_csv`] reads them (blank rows too): what an import of 100,000
/// rows reads twice instead of holding every row's cells.
pub struct CsvRecords {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    delimiter: u8,
    // Line numbers as an editor shows them: blank lines count too.
    line: u64,
    counted: usize,
    headings: usize,
    failed: bool,
}

impl CsvRecords {
    /// Decodes the file and reads its records from the first.
    pub fn new(bytes: &[u8], choice: EncodingChoice, delimiter: Option<u8>) -> Result<(Self, Encoding, u8), Problem> {
        let (text, encoding) = decode(bytes, choice)?;
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&text));
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Cursor::new(text.into_bytes()));
        let records = CsvRecords { reader, delimiter, line: 1, counted: 0, headings: 0, failed: false };
        Ok((records, encoding, delimiter))
    }
}

impl Iterator for CsvRecords {
    type Item = Result<(u64, Vec<String>), Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut record = csv::StringRecord::new();
        match self.reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(_) => {
                self.failed = true;
                return Some(Err(Problem::OpenQuote { line: self.line }));
            }
        }
        let text = self.reader.get_ref().get_ref().as_slice();
        let counted = self.counted;
        let mut start = record.position().map_or(counted, |p| usize::try_from(p.byte()).unwrap_or(counted));
        // csv counts the blank lines before a record as part of it.
        while matches!(text.get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        self.line += text.get(counted..start).map_or(0, |s| s.iter().filter(|b| **b == b'\n').count() as u64);
        self.counted = start.max(counted);
        // A quote left open (or one too many) swallows the rows after it
        // into one cell: refused whole, by the line where the quote opened.
        let mut opened = self.line;
        for cell in record.iter() {
            if cell.contains('\n') && swallows_rows(cell, self.delimiter, self.headings) {
                self.failed = true;
                return Some(Err(Problem::OpenQuote { line: opened }));
            }
            opened += cell.bytes().filter(|b| *b == b'\n').count() as u64;
        }
        let cells: Vec<String> = record.iter().map(clean).collect();
        if self.headings == 0 && cells.iter().any(|c| !c.is_empty()) {
            self.headings = cells.len();
        }
        Some(Ok((self.line, cells)))
    }
}

/// Reads a CSV file.
pub fn read_csv(bytes: &[u8], choice: EncodingChoice, delimiter: Option<u8>) -> Result<Sheet, Problem> {
    let (records, encoding, delimiter) = CsvRecords::new(bytes, choice, delimiter)?;
    let rows = records.collect::<Result<Vec<_>, Problem>>()?;
    split(rows, encoding, Some(delimiter))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => clean(s),
        Data::Int(n) => n.to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, hh, mm, _, _) = dt.to_ymd_hms_milli();
            if (hh, mm) == (0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads an XLSX workbook: the sheet whose name is one of `sheet_names`
/// (compared without case), else the first.
pub fn read_xlsx(bytes: &[u8], sheet_names: &[String]) -> Result<Sheet, Problem> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| Problem::NotXlsx)?;
    let names = wb.sheet_names();
    let wanted = names
        .iter()
        .find(|n| sheet_names.iter().any(|w| w.to_lowercase() == n.trim().to_lowercase()))
        .or(names.first())
        .cloned()
        .ok_or(Problem::Empty)?;
    let range = wb.worksheet_range(&wanted).map_err(|_| Problem::NotXlsx)?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let rows: Vec<(u64, Vec<String>)> = range
        .rows()
        .enumerate()
        .map(|(i, r)| (u64::from(first_row) + i as u64 + 1, r.iter().map(cell_text).collect()))
        .collect();
    split(rows, Encoding::Xlsx, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1251_is_told_apart_from_utf8_and_from_garbage() {
        let (ru, _, _) = WINDOWS_1251.encode("код;фамилия;имя\nMSK-26-0001;Иванова;Мария\n");
        assert!(std::str::from_utf8(&ru).is_err());
        assert!(looks_like_windows_1251(&ru));
        let (text, enc) = decode(&ru, EncodingChoice::Auto).unwrap();
        assert_eq!(enc, Encoding::Windows1251);
        assert!(text.contains("Иванова"));
        assert_eq!(decode(&ru, EncodingChoice::Utf8), Err(Problem::NotUtf8 { line: 1, byte: 1 }));
        // Latin-1 accents are not Cyrillic: refused, not mis-decoded.
        let latin1 = b"nom;pr\xe9nom\nDupont;Ren\xe9e\n";
        assert!(!looks_like_windows_1251(latin1));
        assert_eq!(decode(latin1, EncodingChoice::Auto), Err(Problem::Encoding { line: 1, byte: 7 }));
        let mut bom = crate::report::csv_file::BOM.to_vec();
        bom.extend_from_slice("код\n".as_bytes());
        assert_eq!(decode(&bom, EncodingChoice::Auto).unwrap(), ("код\n".to_string(), Encoding::Utf8));
    }

    #[test]
    fn the_heading_row_decides_the_delimiter() {
        assert_eq!(sniff_delimiter("a;b;c\n1,2,3"), b';');
        assert_eq!(sniff_delimiter("a,b,\"c;d\"\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("single"), b';');
    }

    #[test]
    fn rows_keep_their_line_numbers_and_blank_rows_are_skipped() {
        let s = read_csv(b"code;alias\n\nMSK-26-0001;\"two\nlines\"\n;\nMSK-26-0002;'=x\n", EncodingChoice::Auto, None)
            .unwrap();
        assert_eq!(s.headers, ["code", "alias"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0], (3, vec!["MSK-26-0001".to_string(), "two\nlines".to_string()]));
        assert_eq!(s.rows[1], (6, vec!["MSK-26-0002".to_string(), "=x".to_string()]), "the apostrophe goes again");
        assert_eq!(read_csv(b"code\n", EncodingChoice::Auto, None), Err(Problem::Empty));
        assert_eq!(read_xlsx(b"not a workbook", &[]), Err(Problem::NotXlsx));
    }
}
