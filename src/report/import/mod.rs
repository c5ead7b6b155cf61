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
    /// Neither UTF-8 nor recognisably Windows-1251.
    Encoding,
    /// Bytes that are not UTF-8 where UTF-8 was asked for.
    NotUtf8,
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
    /// The message in the user's language (values quoted from the file are made inert).
    pub fn message(&self, i18n: &I18n) -> String {
        let s = |v: &str| crate::ui::sanitize::inert(v).chars().take(60).collect::<String>();
        match self {
            Problem::Encoding => i18n.t("import-encoding"),
            Problem::NotUtf8 => i18n.t("import-not-utf8"),
            Problem::NotXlsx => i18n.t("import-not-xlsx"),
            Problem::Empty => i18n.t("import-empty"),
            Problem::MissingColumn { column, names } => i18n
                .t_args("import-missing-column", &[("column", column.clone().into()), ("names", names.clone().into())]),
            Problem::DuplicateColumn { column } => {
                i18n.t_args("import-duplicate-column", &[("column", s(column).into())])
            }
            Problem::Required { column } => i18n.t_args("import-required", &[("column", s(column).into())]),
            Problem::BadDate { column, value } => {
                i18n.t_args("import-bad-date", &[("column", s(column).into()), ("value", s(value).into())])
            }
            Problem::BadChoice { column, value, allowed } => i18n.t_args(
                "import-bad-choice",
                &[("column", s(column).into()), ("value", s(value).into()), ("allowed", allowed.clone().into())],
            ),
            Problem::BadCountry { column, value } => {
                i18n.t_args("import-bad-country", &[("column", s(column).into()), ("value", s(value).into())])
            }
            Problem::BadNumber { column, value } => {
                i18n.t_args("import-bad-number", &[("column", s(column).into()), ("value", s(value).into())])
            }
            Problem::BadYesNo { column, value } => {
                i18n.t_args("import-bad-yes-no", &[("column", s(column).into()), ("value", s(value).into())])
            }
            Problem::BadCode { value } => i18n.t_args("import-bad-code", &[("value", s(value).into())]),
            Problem::TooLong { column, max } => i18n.t_args(
                "import-too-long",
                &[("column", s(column).into()), ("max", i64::try_from(*max).unwrap_or(i64::MAX).into())],
            ),
            Problem::BirthAfterArrival => i18n.t("import-birth-after-arrival"),
            Problem::DuplicateRow { first_line } => {
                i18n.t_args("import-duplicate-row", &[("line", i64::try_from(*first_line).unwrap_or(i64::MAX).into())])
            }
            Problem::BedTaken { label } => i18n.t_args("import-bed-taken", &[("label", s(label).into())]),
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
    /// `line 5: …; …` in the user's language.
    pub fn message(&self, i18n: &I18n) -> String {
        let why: Vec<String> = self.problems.iter().map(|p| p.message(i18n)).collect();
        i18n.t_args(
            "import-line",
            &[("line", i64::try_from(self.line).unwrap_or(i64::MAX).into()), ("problem", why.join("; ").into())],
        )
    }
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
