//! CSV the way Excel opens it: UTF-8 with a byte-order mark, `;` between
//! cells by default (what Russian and French Excel expect, with a decimal
//! comma), and every text cell that a spreadsheet could run as a formula
//! made inert.

use super::table::{Cell, Table};

/// The UTF-8 byte-order mark: tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The delimiters a centre may choose.
pub const DELIMITERS: [char; 4] = [';', ',', '\t', '|'];

/// How to write a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// Between cells.
    pub delimiter: u8,
    /// Write the byte-order mark first.
    pub bom: bool,
    /// Decimal mark of numbers: `,` goes with `;`, which is what locales with a decimal comma use.
    pub decimal_comma: bool,
}

impl CsvStyle {
    /// The style for `delimiter` (one of [`DELIMITERS`]; anything else gives `;`).
    pub fn with_delimiter(delimiter: char) -> CsvStyle {
        let d = if DELIMITERS.contains(&delimiter) { delimiter } else { ';' };
        CsvStyle { delimiter: d as u8, bom: true, decimal_comma: d == ';' }
    }
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle::with_delimiter(';')
    }
}

/// Whether a spreadsheet would treat text starting like this as a formula
/// (or, for tab and carriage return, as one after its own trimming).
pub fn is_formula_start(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// `s` made inert for a spreadsheet: a leading apostrophe, which Excel and
/// LibreOffice show as nothing and read as "this is text".
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if is_formula_start(s) { std::borrow::Cow::Owned(format!("'{s}")) } else { std::borrow::Cow::Borrowed(s) }
}

/// The text of a cell in a CSV file of `style`.
pub fn cell_text(cell: &Cell, style: &CsvStyle, yes: &str, no: &str) -> String {
    let decimal = |s: String| if style.decimal_comma { s.replace('.', ",") } else { s };
    match cell {
        Cell::Text(s) => neutralise(s).into_owned(),
        Cell::Num(x, d) => decimal(format!("{x:.*}", usize::from(*d))),
        Cell::Percent(x) => decimal(format!("{:.1}%", x * 100.0)),
        other => other.plain(yes, no),
    }
}

/// A CSV writer over `out` (the byte-order mark is written first if asked).
pub fn writer<W: std::io::Write>(mut out: W, style: &CsvStyle) -> std::io::Result<csv::Writer<W>> {
    if style.bom {
        out.write_all(BOM)?;
    }
    Ok(csv::WriterBuilder::new().delimiter(style.delimiter).flexible(true).from_writer(out))
}

fn io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// Writes one row of cells.
pub fn write_row<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    cells: &[Cell],
    style: &CsvStyle,
    yes: &str,
    no: &str,
) -> std::io::Result<()> {
    w.write_record(cells.iter().map(|c| cell_text(c, style, yes, no))).map_err(io)
}

/// Writes a heading row of plain texts (neutralised like any text).
pub fn write_texts<W: std::io::Write>(w: &mut csv::Writer<W>, texts: &[String]) -> std::io::Result<()> {
    w.write_record(texts.iter().map(|t| neutralise(t).into_owned())).map_err(io)
}

/// One table as a whole CSV file: its columns, then its rows.
pub fn table_bytes(t: &Table, style: &CsvStyle, yes: &str, no: &str) -> std::io::Result<Vec<u8>> {
    let mut w = writer(Vec::new(), style)?;
    write_texts(&mut w, &t.columns)?;
    for r in &t.rows {
        write_row(&mut w, r, style, yes, no)?;
    }
    w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
}

/// Several tables in one CSV file: for each its title, columns, rows, notes
/// and a blank line (a report).
pub fn tables_bytes(tables: &[Table], style: &CsvStyle, yes: &str, no: &str) -> std::io::Result<Vec<u8>> {
    let mut w = writer(Vec::new(), style)?;
    for t in tables {
        write_texts(&mut w, std::slice::from_ref(&t.title))?;
        write_texts(&mut w, &t.columns)?;
        for r in &t.rows {
            write_row(&mut w, r, style, yes, no)?;
        }
        for n in &t.notes {
            write_texts(&mut w, std::slice::from_ref(n))?;
        }
        w.write_record([""]).map_err(io)?;
    }
    w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert_and_plain_text_is_not() {
        for bad in ["=1+1", "+7 999", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        for ok in ["Anna", "", "1-2", "MSK-26-0001", " =1", "'=1"] {
            assert_eq!(neutralise(ok), ok);
        }
    }

    #[test]
    fn numbers_use_the_decimal_mark_of_the_delimiter() {
        let semi = CsvStyle::with_delimiter(';');
        let comma = CsvStyle::with_delimiter(',');
        assert_eq!(cell_text(&Cell::Num(2.5, 1), &semi, "y", "n"), "2,5");
        assert_eq!(cell_text(&Cell::Num(2.5, 1), &comma, "y", "n"), "2.5");
        assert_eq!(cell_text(&Cell::Percent(0.5), &semi, "y", "n"), "50,0%");
        assert_eq!(cell_text(&Cell::Int(-99), &semi, "y", "n"), "-99", "numbers are not neutralised");
        assert_eq!(CsvStyle::with_delimiter('x').delimiter, b';');
    }

    #[test]
    fn a_table_starts_with_the_bom_and_uses_the_delimiter() {
        let mut t = Table::new("t", "T", vec!["a".into(), "b".into()]);
        t.rows.push(vec![Cell::text("x;y"), Cell::text("=cmd")]);
        let bytes = table_bytes(&t, &CsvStyle::default(), "y", "n").unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "a;b\n\"x;y\";'=cmd\n");
    }
}
