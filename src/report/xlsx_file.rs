//! XLSX workbooks: one sheet per table, typed cells (dates as dates, counts
//! as numbers, shares as percentages), the heading row bold and frozen.
//! Text is always written as text, so a cell never becomes a formula.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Table};

/// Longest text Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// How a workbook is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XlsxStyle {
    /// Excel number format of dates (`yyyy-mm-dd`, `dd.mm.yyyy`).
    pub date_format: &'static str,
    /// Put the table's title above its columns (reports); data sheets start with the columns,
    /// so that they can be imported back.
    pub titled: bool,
}

/// The date format a language's users read.
pub fn date_format(lang: &str) -> &'static str {
    match lang {
        "ru" => "dd.mm.yyyy",
        "fr" => "dd/mm/yyyy",
        _ => "yyyy-mm-dd",
    }
}

fn err(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// A sheet name Excel accepts (31 characters, none of `[]:*?/\`), unique among `taken`.
pub fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String =
        title.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control()).collect();
    let base: String = clean.trim().trim_matches('\'').chars().take(31).collect();
    let base = if base.is_empty() { "Sheet".to_string() } else { base };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" {n}");
        name = format!("{}{suffix}", base.chars().take(31 - suffix.chars().count()).collect::<String>());
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// A workbook of `tables`, as the bytes of an `.xlsx` file. Tables are
/// taken one at a time, so a caller can build each only when its sheet is
/// written.
pub fn workbook_bytes(
    tables: impl IntoIterator<Item = Table>,
    style: &XlsxStyle,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let title_format = Format::new().set_bold().set_font_size(13);
    let date = Format::new().set_num_format(style.date_format);
    let percent = Format::new().set_num_format("0.0%");
    let decimals =
        [Format::new().set_num_format("0"), Format::new().set_num_format("0.0"), Format::new().set_num_format("0.00")];
    let mut taken = Vec::new();
    let mut done: u64 = 0;
    for t in tables {
        let t = &t;
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.title, &mut taken)).map_err(err)?;
        let mut r: u32 = 0;
        if style.titled {
            ws.write_string_with_format(r, 0, &t.title, &title_format).map_err(err)?;
            r += 2;
        }
        let head = r;
        for (c, name) in t.columns.iter().enumerate() {
            ws.write_string_with_format(r, col(c)?, name, &bold).map_err(err)?;
        }
        r += 1;
        for cells in &t.rows {
            for (c, cell) in cells.iter().enumerate() {
                let c = col(c)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        let s: String = s.chars().take(MAX_CELL_CHARS).collect();
                        ws.write_string(r, c, s).map_err(err)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, c, *n as f64).map_err(err)?;
                    }
                    Cell::Num(x, d) => {
                        let f = decimals.get(usize::from(*d)).unwrap_or(&decimals[2]);
                        ws.write_number_with_format(r, c, *x, f).map_err(err)?;
                    }
                    Cell::Percent(x) => {
                        ws.write_number_with_format(r, c, *x, &percent).map_err(err)?;
                    }
                    Cell::Date(d) => match excel_date(*d) {
                        Some(x) => {
                            ws.write_datetime_with_format(r, c, &x, &date).map_err(err)?;
                        }
                        None => {
                            ws.write_string(r, c, d.to_string()).map_err(err)?;
                        }
                    },
                    Cell::Bool(b) => {
                        ws.write_boolean(r, c, *b).map_err(err)?;
                    }
                }
            }
            r += 1;
            done += 1;
            if done.is_multiple_of(500) {
                progress(done);
            }
        }
        if !t.rows.is_empty() {
            ws.set_freeze_panes(head + 1, 0).map_err(err)?;
            ws.autofilter(head, 0, r - 1, col(t.columns.len().saturating_sub(1))?).map_err(err)?;
        }
        for n in &t.notes {
            r += 1;
            ws.write_string(r, 0, n).map_err(err)?;
        }
        ws.autofit();
    }
    progress(done);
    wb.save_to_buffer().map_err(err)
}

fn col(c: usize) -> std::io::Result<u16> {
    u16::try_from(c).map_err(|_| std::io::Error::other("too many columns"))
}

fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Cases: all [2026]", &mut taken), "Cases all 2026");
        assert_eq!(sheet_name("Cases all 2026", &mut taken), "Cases all 2026 2");
        let long = "Направления по типу организации и ещё";
        let n = sheet_name(long, &mut taken);
        assert!(n.chars().count() <= 31);
        assert_eq!(sheet_name("", &mut taken), "Sheet");
    }
}
