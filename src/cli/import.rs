//! `haven import --format csv|xlsx --kind cases|organisations|rooms FILE`:
//! the whole file checked first, every bad row reported with its line and
//! reason; nothing written unless all rows are good, or with `--skip-bad`
//! the good rows imported and the bad ones written to a file to correct.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::args::Cli;
use super::progress::Progress;
use super::{creds, paths};
use crate::app::config::Config;
use crate::i18n::{I18n, choose_lang};
use crate::ops::import::file::sheet::{Encoding, EncodingChoice};
use crate::ops::import::file::{BadRow, Kind};
use crate::ops::import::{self, FileFormat, ImportError, ImportOptions, Imported};
use crate::report::csv_file::{self, CsvStyle};

/// File formats on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormatArg {
    /// CSV (any of ; , tab | as delimiter, detected).
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// What the file holds.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Cases, matched on their case code.
    Cases,
    /// The directory of organisations, matched on their name.
    Organisations,
    /// Rooms and their beds, matched on the room's name.
    Rooms,
}

/// Encodings on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8, or Windows-1251 when the file clearly is.
    Auto,
    /// UTF-8 only.
    Utf8,
    /// Windows-1251 (Cyrillic Windows).
    Windows1251,
}

/// `haven import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file's format (default: from its extension).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormatArg>,
    /// What the file holds.
    #[arg(long, value_enum)]
    pub kind: KindArg,
    /// The file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Import the good rows and write the bad ones to FILE.bad.csv (or --bad-out).
    #[arg(long)]
    pub skip_bad: bool,
    /// Where --skip-bad writes the bad rows.
    #[arg(long, value_name = "FILE")]
    pub bad_out: Option<PathBuf>,
    /// CSV text encoding.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// CSV delimiter: ; , tab or | (default: detected from the heading row).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
}

/// The file beside `file` that takes its bad rows.
pub fn bad_path(file: &Path) -> PathBuf {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "import".into());
    file.with_file_name(format!("{stem}.bad.csv"))
}

/// The bad rows as a CSV file for correcting: the file's headings, each
/// row's cells, and the reason in a last column.
pub fn bad_rows_csv(headers: &[String], bad: &[BadRow], i18n: &I18n) -> std::io::Result<Vec<u8>> {
    let style = CsvStyle::default();
    let mut w = csv_file::writer(Vec::new(), &style)?;
    let mut head = vec![i18n.t("import-col-line")];
    head.extend(headers.iter().cloned());
    head.push(i18n.t("import-col-problem"));
    csv_file::write_texts(&mut w, &head)?;
    for b in bad {
        let mut row = vec![b.line.to_string()];
        row.extend(b.cells.iter().cloned());
        row.resize(headers.len() + 1, String::new());
        row.push(b.reasons_with_values(i18n));
        csv_file::write_texts(&mut w, &row)?;
    }
    w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
}

/// The lines printed after an import.
pub fn summary_lines(done: &Imported, kind: Kind, i18n: &I18n) -> Vec<String> {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let mut out = Vec::new();
    if done.encoding == Some(Encoding::Windows1251) {
        // What to check, by column: the names themselves are never printed.
        let (columns, line) = done.decoded.clone().unwrap_or_default();
        let cols: Vec<String> = columns.iter().map(|c| crate::ui::sanitize::inert(c).into_owned()).collect();
        out.push(i18n.t_args(
            "import-decoded-1251-check",
            &[("columns", cols.join(", ").into()), ("line", i64::try_from(line).unwrap_or(i64::MAX).into())],
        ));
    }
    if !done.ignored_columns.is_empty() {
        let cols: Vec<String> =
            done.ignored_columns.iter().map(|c| crate::ui::sanitize::inert(c).into_owned()).collect();
        out.push(i18n.t_args("import-ignored-columns", &[("columns", cols.join(", ").into())]));
    }
    out.push(i18n.t_args(
        &format!("import-done-{}", kind.key()),
        &[
            ("created", n(done.created).into()),
            ("existing", n(done.existing).into()),
            ("rows", n(done.rows).into()),
            ("beds", n(done.beds).into()),
        ],
    ));
    if done.not_housed > 0 {
        out.push(i18n.t_args("import-not-housed", &[("count", n(done.not_housed).into())]));
    }
    out
}

/// Runs `haven import`.
pub fn run(cli: &Cli, a: &ImportArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(paths::config_dir().as_deref())?;
    let i18n = I18n::new(choose_lang(cli.lang.as_deref(), config.lang.as_deref()));
    let format = match a.format {
        Some(ImportFormatArg::Csv) => FileFormat::Csv,
        Some(ImportFormatArg::Xlsx) => FileFormat::Xlsx,
        None => match a.file.extension().map(|e| e.to_string_lossy().to_lowercase()).as_deref() {
            Some("xlsx" | "xlsm") => FileFormat::Xlsx,
            _ => FileFormat::Csv,
        },
    };
    let delimiter = match a.delimiter.as_deref() {
        None => None,
        Some(d) => Some(super::report::delimiter(Some(d), &config)?.delimiter),
    };
    let kind = match a.kind {
        KindArg::Cases => Kind::Cases,
        KindArg::Organisations => Kind::Organisations,
        KindArg::Rooms => Kind::Rooms,
    };
    let opts = ImportOptions {
        kind,
        format,
        encoding: match a.encoding {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Utf8,
            EncodingArg::Windows1251 => EncodingChoice::Windows1251,
        },
        delimiter,
        skip_bad: a.skip_bad,
        today: chrono::Local::now().date_naive(),
    };
    let bytes = std::fs::read(&a.file).map_err(|e| {
        anyhow::anyhow!(i18n.t_args(
            "import-cannot-read",
            &[("path", a.file.display().to_string().into()), ("reason", e.to_string().into())]
        ))
    })?;
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let mut bar = Progress::new(&i18n.t("import-progress"), None);
    let result = import::import(&store, &bytes, &opts, &mut |n| bar.update(n));
    let bad_out = a.bad_out.clone().unwrap_or_else(|| bad_path(&a.file));
    let done = match result {
        Ok(done) => done,
        Err(e) => {
            // Row, column and what is wrong only: the values go to the
            // bad-rows file, which only this user can read.
            for line in e.messages(&i18n) {
                super::out::warn(&line);
            }
            if let ImportError::Undone { .. } = e {
                bar.finish(0);
            }
            if let ImportError::Rows { bad, .. } = &e {
                let headers = import::read(&bytes, &opts).map(|(s, _)| s.headers).unwrap_or_default();
                write_bad_rows(&bad_out, &headers, bad, &i18n)?;
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    bar.finish(done.created as u64);
    for line in summary_lines(&done, kind, &i18n) {
        super::out::line(&line)?;
    }
    if !done.bad.is_empty() {
        for b in &done.bad {
            super::out::warn(&b.message(&i18n));
        }
        write_bad_rows(&bad_out, &done.headers, &done.bad, &i18n)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the bad rows, values and all, to `path`, readable by this user
/// only, and says where.
fn write_bad_rows(path: &Path, headers: &[String], bad: &[BadRow], i18n: &I18n) -> anyhow::Result<()> {
    let bytes = bad_rows_csv(headers, bad, i18n)?;
    write_private(path, &bytes).map_err(|e| {
        anyhow::anyhow!(i18n.t_args(
            "import-cannot-write",
            &[("path", path.display().to_string().into()), ("reason", e.to_string().into())]
        ))
    })?;
    super::out::line(&i18n.t_args(
        "import-bad-written",
        &[("count", i64::try_from(bad.len()).unwrap_or(i64::MAX).into()), ("path", path.display().to_string().into())],
    ))?;
    Ok(())
}

/// Writes `bytes` to an owner-only file (an older file of the same name is
/// made owner-only before it is overwritten), synced.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = crate::store::private_file::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}
