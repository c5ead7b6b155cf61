//! The CSV importer without a store: any bytes are decoded, their columns
//! recognised and every row checked as cases, organisations and rooms, and
//! the problems rendered as the user would read them (messages and the
//! bad-rows file). Nothing may panic; a file is imported or refused.
#![no_main]

use haven::i18n::{I18n, Lang};
use haven::ops::import::{self, FileFormat, ImportOptions};
use haven::report::csv_file::{self, CsvStyle};
use haven::ops::import::file::sheet::EncodingChoice;
use haven::ops::import::file::{BadRow, Kind, cases, organisations, rooms};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static I18N: Vec<I18n> = Lang::all().map(I18n::new).collect();
}

/// What the user reads of the bad rows: each row's message, and the
/// bad-rows file written beside the import (as `haven import` writes it).
fn render(headers: &[String], bad: &[BadRow]) {
    I18N.with(|langs| {
        for i18n in langs {
            let Ok(mut w) = csv_file::writer(Vec::new(), &CsvStyle::default()) else { return };
            let _ = csv_file::write_texts(&mut w, headers);
            for b in bad {
                let message = b.message(i18n);
                let mut row = vec![b.line.to_string()];
                row.extend(b.cells.iter().cloned());
                row.resize(headers.len() + 1, String::new());
                row.push(message);
                let _ = csv_file::write_texts(&mut w, &row);
            }
        }
    });
}

fuzz_target!(|data: &[u8]| {
    // The first byte is what the user may force on the command line: the
    // encoding (detected, or Windows-1251, which decodes any bytes at all so
    // that every row reaches the checks) and the delimiter (sniffed or one of
    // the four); the rest is the file. The seeds start with a zero byte.
    let Some((&options, file)) = data.split_first() else { return };
    let encoding = if options & 1 == 0 { EncodingChoice::Auto } else { EncodingChoice::Windows1251 };
    let delimiter = match (options >> 1) & 7 {
        1 => Some(b';'),
        2 => Some(b','),
        3 => Some(b'\t'),
        4 => Some(b'|'),
        _ => None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    for kind in [Kind::Cases, Kind::Organisations, Kind::Rooms] {
        let opts = ImportOptions { kind, format: FileFormat::Csv, encoding, delimiter, skip_bad: false, today };
        let (sheet, cols) = match import::read(file, &opts) {
            Ok(ok) => ok,
            Err(e) => {
                I18N.with(|langs| langs.iter().for_each(|i18n| drop(e.messages(i18n))));
                continue;
            }
        };
        let bad = match kind {
            Kind::Cases => cases::check(&cols, &sheet.rows, today).bad,
            Kind::Organisations => organisations::check(&cols, &sheet.rows).bad,
            Kind::Rooms => rooms::check(&cols, &sheet.rows).bad,
        };
        render(&sheet.headers, &bad);
    }
});
