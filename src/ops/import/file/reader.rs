//! Reading the cells of one row by column key, collecting every problem
//! instead of stopping at the first, so the user fixes a row in one go.

use chrono::NaiveDate;

use super::Problem;
use super::columns::Columns;
use super::values::{self, Choices};
use crate::domain::country::CountryCode;

/// One row being read.
pub struct RowReader<'a> {
    cols: &'a Columns,
    row: &'a [String],
    /// Problems found so far.
    pub problems: Vec<Problem>,
}

impl<'a> RowReader<'a> {
    /// Starts reading `row` of a file with columns `cols`.
    pub fn new(cols: &'a Columns, row: &'a [String]) -> RowReader<'a> {
        RowReader { cols, row, problems: Vec::new() }
    }

    /// The cell of `key`, "" when absent.
    pub fn cell(&self, key: &str) -> &'a str {
        self.cols.get(self.row, key)
    }

    /// The file's heading of `key`.
    pub fn heading(&self, key: &str) -> String {
        self.cols.heading(key)
    }

    fn take<T: Default>(&mut self, r: Result<T, Problem>) -> T {
        r.unwrap_or_else(|p| {
            self.problems.push(p);
            T::default()
        })
    }

    /// Text of at most `max` characters.
    pub fn text(&mut self, key: &str, max: usize) -> String {
        let r = values::text(&self.heading(key), self.cell(key), max);
        self.take(r)
    }

    /// A required text: its absence is a problem.
    pub fn required(&mut self, key: &str, max: usize) -> String {
        let t = self.text(key, max);
        if t.trim().is_empty() {
            self.problems.push(Problem::Required { column: self.heading(key) });
        }
        t.trim().to_string()
    }

    /// One of `choices`, or none when empty.
    pub fn choice<T: Copy>(&mut self, choices: &Choices<T>, key: &str) -> Option<T> {
        let r = choices.parse(&self.heading(key), self.cell(key));
        self.take(r)
    }

    /// A list of `choices`.
    pub fn choices<T: Copy + PartialEq>(&mut self, choices: &Choices<T>, key: &str) -> Vec<T> {
        let r = choices.parse_list(&self.heading(key), self.cell(key));
        self.take(r)
    }

    /// A date.
    pub fn date(&mut self, key: &str, today: NaiveDate) -> Option<NaiveDate> {
        let r = values::date(&self.heading(key), self.cell(key), today);
        self.take(r)
    }

    /// Yes or no.
    pub fn yes_no(&mut self, key: &str) -> Option<bool> {
        let r = values::yes_no(&self.heading(key), self.cell(key));
        self.take(r)
    }

    /// Countries.
    pub fn countries(&mut self, key: &str) -> Vec<CountryCode> {
        let r = values::countries(&self.heading(key), self.cell(key));
        self.take(r)
    }

    /// A whole number from `min` to `max`.
    pub fn number(&mut self, key: &str, min: i64, max: i64) -> Option<i64> {
        let r = values::number(&self.heading(key), self.cell(key), min, max);
        self.take(r)
    }
}
