//! Reading spreadsheets into records: the bytes of a CSV or XLSX file are
//! decoded ([`sheet`]), their columns recognised by English or Russian names
//! ([`columns`]), and each row checked and turned into a record draft
//! ([`cases`], [`organisations`], [`rooms`]). Every problem names its line
//! and says what is wrong in the user's language; nothing here writes.

pub mod cases;
pub mod columns;
pub mod organisations;
pub mod reader;
pub mod rooms;
pub mod sheet;
pub mod values;

use crate::i18n::I18n;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// Cases (matched on their case code).
    Cases,
    /// Organisations of the directory (matched on their name).
    Organisations,
    /// Rooms and their beds (matched on the room's name).
    Rooms,
}

impl Kind {
    /// Stable name (`cases`, `organisations`, `rooms`).
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Something wrong with a file or one of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Neither UTF-8 nor recognisably Windows-1251: the first byte that is
    /// not UTF-8, by its line and its place in the file (from 1).
    Encoding {
        /// Line of the byte.
        line: u64,
        /// Its place in the file.
        byte: u64,
    },
    /// Bytes that are not UTF-8 where UTF-8 was asked for.
    NotUtf8 {
        /// Line of the first such byte.
        line: u64,
        /// Its place in the file.
        byte: u64,
    },
    /// Zero bytes: UTF-16 whose byte order cannot be told without its mark,
    /// or not a text file at all.
    NotText,
    /// A quoted cell opened on `line` runs over the rows after it (a quote
    /// missing or one too many): the file is refused whole.
    OpenQuote {
        /// Line where the quote opened.
        line: u64,
    },
    /// A row with fewer cells than the heading row has headings.
    ShortRow {
        /// Cells in the row.
        cells: usize,
        /// Headings.
        headings: usize,
    },
    /// A row with filled cells beyond the last heading (they would be lost).
    ExtraCells {
        /// Cells in the row.
        cells: usize,
        /// Headings.
        headings: usize,
    },
    /// Not a workbook calamine can read.
    NotXlsx,
    /// No heading row, or no rows under it.
    Empty,
    /// A required column is missing; `names` lists the headings accepted for it.
    MissingColumn {
        /// The column's key.
        column: String,
        /// Accepted headings.
        names: String,
    },
    /// Two headings mean the same column.
    DuplicateColumn {
        /// The headings as written in the file.
        column: String,
    },
    /// A required value is empty.
    Required {
        /// The heading.
        column: String,
    },
    /// Not a date in a known form.
    BadDate {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
    },
    /// Not one of the accepted values.
    BadChoice {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
        /// Some accepted values.
        allowed: String,
    },
    /// Not a country (ISO code or name).
    BadCountry {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
    },
    /// Not a whole number in range.
    BadNumber {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
    },
    /// Not yes or no.
    BadYesNo {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
    },
    /// Not a case code such as `MSK-26-0042`.
    BadCode {
        /// The heading.
        column: String,
        /// What the cell says.
        value: String,
    },
    /// Longer than the field takes.
    TooLong {
        /// The heading.
        column: String,
        /// Most characters allowed.
        max: usize,
    },
    /// A date of birth after the arrival or in the future.
    BirthAfterArrival,
    /// The same case code, organisation or room appears earlier in the file.
    DuplicateRow {
        /// Line of the first occurrence.
        first_line: u64,
    },
    /// A bed label another room of the centre (or of the file) already has.
    BedTaken {
        /// The label.
        label: String,
    },
}

impl Problem {
    /// The message in the user's language, without any value from the file
    /// (what standard error and the screen show: the row, the column and
    /// what is wrong).
    pub fn message(&self, i18n: &I18n) -> String {
        self.say(i18n, false)
    }

    /// The message with the value the cell holds (values quoted from the
    /// file are made inert): only for the bad-rows file, beside the row.
    pub fn message_with_value(&self, i18n: &I18n) -> String {
        self.say(i18n, true)
    }

    fn say(&self, i18n: &I18n, values: bool) -> String {
        let s = |v: &str| crate::ui::sanitize::inert(v).chars().take(60).collect::<String>();
        let n = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
        let valued = |key: &str, column: &str, value: &str, more: &[(&str, String)]| {
            let mut args: Vec<(&str, crate::i18n::FluentValue<'_>)> = vec![("column", s(column).into())];
            if values {
                args.push(("value", s(value).into()));
            }
            for (k, v) in more {
                args.push((k, v.clone().into()));
            }
            let key = if values { key.to_string() } else { format!("{key}-at") };
            i18n.t_args(&key, &args)
        };
        match self {
            Problem::Encoding { line, byte } => {
                i18n.t_args("import-encoding-at", &[("line", n(*line).into()), ("byte", n(*byte).into())])
            }
            Problem::NotUtf8 { line, byte } => {
                i18n.t_args("import-not-utf8-at", &[("line", n(*line).into()), ("byte", n(*byte).into())])
            }
            Problem::NotText => i18n.t("import-not-text"),
            Problem::OpenQuote { line } => i18n.t_args("import-open-quote", &[("line", n(*line).into())]),
            Problem::ShortRow { cells, headings } => i18n.t_args(
                "import-short-row",
                &[("cells", n(*cells as u64).into()), ("headings", n(*headings as u64).into())],
            ),
            Problem::ExtraCells { cells, headings } => i18n.t_args(
                "import-extra-cells",
                &[("cells", n(*cells as u64).into()), ("headings", n(*headings as u64).into())],
            ),
            Problem::NotXlsx => i18n.t("import-not-xlsx"),
            Problem::Empty => i18n.t("import-empty"),
            Problem::MissingColumn { column, names } => i18n
                .t_args("import-missing-column", &[("column", column.clone().into()), ("names", names.clone().into())]),
            Problem::DuplicateColumn { column } => {
                i18n.t_args("import-duplicate-column", &[("column", s(column).into())])
            }
            Problem::Required { column } => i18n.t_args("import-required", &[("column", s(column).into())]),
            Problem::BadDate { column, value } => valued("import-bad-date", column, value, &[]),
            Problem::BadChoice { column, value, allowed } => {
                valued("import-bad-choice", column, value, &[("allowed", allowed.clone())])
            }
            Problem::BadCountry { column, value } => valued("import-bad-country", column, value, &[]),
            Problem::BadNumber { column, value } => valued("import-bad-number", column, value, &[]),
            Problem::BadYesNo { column, value } => valued("import-bad-yes-no", column, value, &[]),
            Problem::BadCode { column, value } => {
                if values {
                    i18n.t_args("import-bad-code", &[("value", s(value).into())])
                } else {
                    i18n.t_args("import-bad-code-at", &[("column", s(column).into())])
                }
            }
            Problem::TooLong { column, max } => i18n.t_args(
                "import-too-long",
                &[("column", s(column).into()), ("max", i64::try_from(*max).unwrap_or(i64::MAX).into())],
            ),
            Problem::BirthAfterArrival => i18n.t("import-birth-after-arrival"),
            Problem::DuplicateRow { first_line } => {
                i18n.t_args("import-duplicate-row", &[("line", n(*first_line).into())])
            }
            Problem::BedTaken { label } => {
                if values {
                    i18n.t_args("import-bed-taken", &[("label", s(label).into())])
                } else {
                    i18n.t("import-bed-taken-at")
                }
            }
        }
    }
}

/// A row that cannot be imported: its line, its cells as read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Line in the file (1 is the heading row).
    pub line: u64,
    /// The cells as read.
    pub cells: Vec<String>,
    /// Every problem found in it.
    pub problems: Vec<Problem>,
}

impl BadRow {
    /// `line 5: …; …` in the user's language: the row, the columns and
    /// what is wrong, never a value of the file.
    pub fn message(&self, i18n: &I18n) -> String {
        let why: Vec<String> = self.problems.iter().map(|p| p.message(i18n)).collect();
        i18n.t_args(
            "import-line",
            &[("line", i64::try_from(self.line).unwrap_or(i64::MAX).into()), ("problem", why.join("; ").into())],
        )
    }

    /// What is wrong with the values quoted: for the bad-rows file only.
    pub fn reasons_with_values(&self, i18n: &I18n) -> String {
        self.problems.iter().map(|p| p.message_with_value(i18n)).collect::<Vec<_>>().join("; ")
    }
}

/// A row's shape against the heading row: fewer cells, or filled cells
/// after the last heading (trailing empty cells are what spreadsheets write).
pub fn shape(headings: usize, cells: &[String]) -> Option<Problem> {
    if cells.len() < headings {
        return Some(Problem::ShortRow { cells: cells.len(), headings });
    }
    if cells.iter().skip(headings).any(|c| !c.is_empty()) {
        let last = cells.iter().rposition(|c| !c.is_empty()).map_or(cells.len(), |i| i + 1);
        return Some(Problem::ExtraCells { cells: last, headings });
    }
    None
}

/// Rows checked: the good ones as drafts, the bad ones with their problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<T> {
    /// Good rows with their line.
    pub good: Vec<(u64, T)>,
    /// Bad rows.
    pub bad: Vec<BadRow>,
}

impl<T> Default for Checked<T> {
    fn default() -> Self {
        Checked { good: Vec::new(), bad: Vec::new() }
    }
}

/// Records written per commit, about: a case is some fifteen records (front,
/// file, twelve services, consents), a room one plus its beds.
pub const BATCH_RECORDS: usize = 300;

/// Splits `items` into batches of about [`BATCH_RECORDS`] records.
pub fn batches<T>(items: Vec<T>, records_each: impl Fn(&T) -> usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut size = 0;
    for item in items {
        let n = records_each(&item);
        if out.is_empty() || size + n > BATCH_RECORDS {
            out.push(Vec::new());
            size = 0;
        }
        size += n;
        if let Some(last) = out.last_mut() {
            last.push(item);
        }
    }
    out
}

/// The audit summary of a batch: `cases created=20 batch=1/3 rows=50 existing=0 bad=0`.
pub fn batch_summary(
    kind: Kind,
    created: usize,
    (batch, of): (usize, usize),
    (rows, existing, bad): (usize, usize, usize),
) -> String {
    format!("{} created={created} batch={batch}/{of} rows={rows} existing={existing} bad={bad}", kind.key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_about_three_hundred_records() {
        let parts = batches((0..50).collect::<Vec<_>>(), |_| 15);
        assert_eq!(parts.iter().map(Vec::len).collect::<Vec<_>>(), [20, 20, 10]);
        let rooms = batches(vec![299, 5, 1], |n| *n);
        assert_eq!(rooms, [vec![299], vec![5, 1]]);
        assert!(batches(Vec::<u8>::new(), |_| 1).is_empty());
    }
}
