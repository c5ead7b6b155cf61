//! `haven export --format csv|xlsx|json|ctdc --out FILE`: the records out of
//! Haven for managers, each person's consent respected, one audit event
//! with the row counts.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::args::Cli;
use super::progress::Progress;
use super::{creds, paths};
use crate::app::config::Config;
use crate::i18n::{I18n, choose_lang};
use crate::ops::export::{self, ExportOptions, Format};

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormatArg {
    /// CSV for Excel: one kind of record (--kind), or a file per kind (--kind all).
    Csv,
    /// An Excel workbook, a sheet per kind of record.
    Xlsx,
    /// The complete data of every case, for migration.
    Json,
    /// The anonymised CTDC dataset for IOM (statistics consent only, k = 11).
    Ctdc,
}

/// `haven export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// CSV: cases, services, referrals, consents, travel, stays, pickups, organisations, rooms, beds, or all.
    #[arg(long, default_value = "cases")]
    pub kind: String,
    /// CSV and XLSX: also legal names, dates of birth, documents, contacts and notes.
    #[arg(long)]
    pub identifying: bool,
    /// CSV delimiter: ; , tab or | (default: the csv_delimiter setting).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
}

/// Runs `haven export`.
pub fn run(cli: &Cli, a: &ExportArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(paths::config_dir().as_deref())?;
    let i18n = I18n::new(choose_lang(cli.lang.as_deref(), config.lang.as_deref()));
    let csv = super::report::delimiter(a.delimiter.as_deref(), &config)?;
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let format = match a.format {
        ExportFormatArg::Csv => Format::Csv,
        ExportFormatArg::Xlsx => Format::Xlsx,
        ExportFormatArg::Json => Format::Json,
        ExportFormatArg::Ctdc => Format::Ctdc,
    };
    let opts = ExportOptions {
        format,
        kind: &a.kind,
        identifying: a.identifying,
        csv,
        i18n: &i18n,
        today: chrono::Local::now().date_naive(),
        exported_at: chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    };
    let mut bar = Progress::new(&i18n.t("export-progress"), None);
    let done =
        export::export(&store, &a.out, &opts, &mut |n| bar.update(n)).map_err(|e| anyhow::anyhow!(e.message(&i18n)))?;
    bar.finish(done.total() as u64);
    for line in export::summary_lines(&done, &i18n) {
        super::out::line(&line)?;
    }
    Ok(ExitCode::SUCCESS)
}
