//! A table of typed cells: what reports and data exports hand to the text,
//! CSV and XLSX writers, so each writer decides how a date or a share looks.

use chrono::NaiveDate;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text (from the user or a file: writers neutralise it where needed).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number shown with `decimals` digits after the mark.
    Num(f64, u8),
    /// A share, 0.0–1.0, shown as a percentage with one decimal.
    Percent(f64),
    /// A date.
    Date(NaiveDate),
    /// Yes or no.
    Bool(bool),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count.
    pub fn count(n: u32) -> Cell {
        Cell::Int(i64::from(n))
    }

    /// A date, or empty.
    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as plain text: ISO dates, `.` as decimal mark, `yes` / `no`.
    pub fn plain(&self, yes: &str, no: &str) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x, d) => format!("{x:.*}", usize::from(*d)),
            Cell::Percent(x) => format!("{:.1}%", x * 100.0),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Bool(b) => (if *b { yes } else { no }).to_string(),
        }
    }

    /// Whether the cell holds a number (right-aligned in text).
    pub fn is_numeric(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num(..) | Cell::Percent(_))
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Stable identifier (`gender`, `services`, `cases`, …): sheet names and tests use it.
    pub id: String,
    /// Title in the user's language.
    pub title: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, each as long as `columns` or shorter.
    pub rows: Vec<Vec<Cell>>,
    /// Notes printed under the table (how something was counted).
    pub notes: Vec<String>,
}

impl Table {
    /// An empty table with its id, title and columns.
    pub fn new(id: &str, title: impl Into<String>, columns: Vec<String>) -> Table {
        Table { id: id.to_string(), title: title.into(), columns, rows: Vec::new(), notes: Vec::new() }
    }

    /// The cell at `row`, `col`, if any.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The row whose first cell is the text `label`.
    pub fn row(&self, label: &str) -> Option<&[Cell]> {
        self.rows.iter().find(|r| matches!(r.first(), Some(Cell::Text(t)) if t == label)).map(Vec::as_slice)
    }
}
