//! The rows of a file being imported, read as a stream: once to check them,
//! and again, row by row, when their batch is written, so that an import
//! holds the file's bytes but not the cells of all its rows (100,000 rows
//! of eight cells held some 100 MB). A CSV file is read record by record;
//! an XLSX sheet is read whole by its library, and its rows are handed on
//! from that.

use super::file::sheet::{self, CsvRecords, Encoding, Sheet};
use super::file::{Problem, shape};
use super::{FileFormat, ImportOptions, sheet_names};

/// The rows under the headings, blank rows left out.
pub struct Rows {
    inner: Inner,
}

enum Inner {
    Csv(CsvRecords),
    Held(std::vec::IntoIter<(u64, Vec<String>)>),
}

impl Iterator for Rows {
    type Item = Result<(u64, Vec<String>), Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let r = match &mut self.inner {
                Inner::Csv(c) => c.next()?,
                Inner::Held(h) => Ok(h.next()?),
            };
            match r {
                Ok((_, cells)) if cells.iter().all(|c| c.is_empty()) => continue,
                r => return Some(r),
            }
        }
    }
}

/// A file opened: its headings, how it was encoded, its delimiter (CSV),
/// and its rows to read.
pub struct Opened {
    /// The heading row.
    pub headers: Vec<String>,
    /// How the text was encoded.
    pub encoding: Encoding,
    /// The rows under the headings.
    pub rows: Rows,
}

/// Opens the file and reads its headings (the first row that is not blank).
pub fn open(bytes: &[u8], opts: &ImportOptions) -> Result<Opened, Problem> {
    let (encoding, mut rows) = match opts.format {
        FileFormat::Csv => {
            let (records, encoding, _) = CsvRecords::new(bytes, opts.encoding, opts.delimiter)?;
            (encoding, Rows { inner: Inner::Csv(records) })
        }
        FileFormat::Xlsx => {
            let Sheet { headers, rows, encoding, .. } = sheet::read_xlsx(bytes, &sheet_names(opts.kind))?;
            let rows = Rows { inner: Inner::Held(rows.into_iter()) };
            return Ok(Opened { headers, encoding, rows });
        }
    };
    let headers = rows.next().ok_or(Problem::Empty)??.1;
    Ok(Opened { headers, encoding, rows })
}

/// What reading the rest of the file finds wrong with it as a whole (a
/// quote left open, no row under the headings): said before any problem
/// of its columns, as when the file was read whole first.
pub fn file_problem(rows: Rows) -> Option<Problem> {
    let mut any = false;
    for r in rows {
        match r {
            Ok(_) => any = true,
            Err(p) => return Some(p),
        }
    }
    (!any).then_some(Problem::Empty)
}

/// The file read again for writing: the row at each index (counted over
/// the rows of the right shape, as the check counted them), asked for in
/// increasing order; an index already passed opens the file again.
pub struct Again<'b> {
    bytes: &'b [u8],
    opts: ImportOptions,
    headings: usize,
    rows: Option<Rows>,
    next: usize,
}

impl<'b> Again<'b> {
    /// Reads `bytes` again as `opts` says; rows of another shape than
    /// `headings` cells are skipped, as the check set them aside.
    pub fn new(bytes: &'b [u8], opts: &ImportOptions, headings: usize) -> Self {
        Again { bytes, opts: *opts, headings, rows: None, next: 0 }
    }

    /// The cells of the row at `index`; `None` when the file no longer has it.
    pub fn row(&mut self, index: usize) -> Option<Vec<String>> {
        if self.rows.is_none() || index < self.next {
            self.rows = Some(open(self.bytes, &self.opts).ok()?.rows);
            self.next = 0;
        }
        let rows = self.rows.as_mut()?;
        for r in rows.by_ref() {
            let (_, cells) = r.ok()?;
            if shape(self.headings, &cells).is_some() {
                continue;
            }
            let at = self.next;
            self.next += 1;
            if at == index {
                return Some(cells);
            }
        }
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ops::import::file::Kind;
    use crate::ops::import::file::sheet::EncodingChoice;

    fn opts() -> ImportOptions {
        ImportOptions {
            kind: Kind::Cases,
            format: FileFormat::Csv,
            encoding: EncodingChoice::Auto,
            delimiter: None,
            skip_bad: true,
            today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        }
    }

    #[test]
    fn the_rows_read_again_are_the_rows_read_first() {
        let file = b"code;alias\n\nMSK-26-0001;\"two\nlines\"\nMSK-26-0002\n;\nMSK-26-0003;c\n";
        let opened = open(file, &opts()).unwrap();
        assert_eq!(opened.headers, ["code", "alias"]);
        let kept: Vec<(u64, Vec<String>)> =
            opened.rows.map(Result::unwrap).filter(|(_, c)| shape(2, c).is_none()).collect();
        assert_eq!(kept.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3, 7], "blank and short rows left out");
        let mut again = Again::new(file, &opts(), 2);
        assert_eq!(again.row(1).as_ref(), Some(&kept[1].1));
        assert_eq!(again.row(0).as_ref(), Some(&kept[0].1), "an index passed reads the file again");
        assert_eq!(again.row(2), None);
    }

    #[test]
    fn a_file_broken_as_a_whole_is_said_before_its_columns() {
        let opened = open(b"alias\n\"open;x\n1;2\n3;4\n", &opts()).unwrap();
        assert!(matches!(file_problem(opened.rows), Some(Problem::OpenQuote { .. })));
        assert_eq!(file_problem(open(b"alias\n\n", &opts()).unwrap().rows), Some(Problem::Empty));
        assert_eq!(file_problem(open(b"alias\nx\n", &opts()).unwrap().rows), None);
    }
}
