//! `haven report --from DATE --to DATE --format text|csv|xlsx [--out FILE]`:
//! the donor report of any period, the same figures as the console's F6.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::args::Cli;
use super::{creds, paths};
use crate::app::config::Config;
use crate::domain::dates::parse_date;
use crate::i18n::{I18n, choose_lang};
use crate::ops::export::{self, ReportFormat};
use crate::report::Period;
use crate::report::csv_file::CsvStyle;

/// Report formats on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormatArg {
    /// Aligned text.
    Text,
    /// CSV for Excel (UTF-8 with a byte-order mark).
    Csv,
    /// An Excel workbook, a sheet per table.
    Xlsx,
}

/// `haven report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day (2026-11-01, 01.11.2026, …).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: String,
    /// Last day, included.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Text)]
    pub format: ReportFormatArg,
    /// Write to this file instead of the standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// CSV delimiter: ; , tab or | (default: the csv_delimiter setting).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
}

/// A delimiter as typed (`;`, `,`, `tab`, `|`).
pub fn delimiter(arg: Option<&str>, config: &Config) -> anyhow::Result<CsvStyle> {
    let c = match arg {
        None => config.csv_delimiter,
        Some("tab" | "\\t" | "\t") => '\t',
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(';'),
        Some(s) => anyhow::bail!("--delimiter {s:?}: use ; , tab or |"),
    };
    if !crate::report::csv_file::DELIMITERS.contains(&c) {
        anyhow::bail!("--delimiter {c:?}: use ; , tab or |");
    }
    Ok(CsvStyle::with_delimiter(c))
}

/// Runs `haven report`.
pub fn run(cli: &Cli, a: &ReportArgs) -> anyhow::Result<ExitCode> {
    let config = Config::load(paths::config_dir().as_deref())?;
    let i18n = I18n::new(choose_lang(cli.lang.as_deref(), config.lang.as_deref()));
    let today = chrono::Local::now().date_naive();
    let date = |s: &str, what: &str| {
        parse_date(s, today).map_err(|_| {
            anyhow::anyhow!(i18n.t_args(
                "report-cli-bad-date",
                &[("option", what.to_string().into()), ("value", crate::ui::sanitize::inert(s).into_owned().into())]
            ))
        })
    };
    let (from, to) = (date(&a.from, "--from")?, date(&a.to, "--to")?);
    let period = Period::range(from, to).map_err(|e| {
        anyhow::anyhow!(i18n.t(match e {
            crate::report::period::PeriodError::EndsBeforeStart => "report-cli-ends-before-start",
            crate::report::period::PeriodError::TooLong => "report-cli-too-long",
        }))
    })?;
    let format = match a.format {
        ReportFormatArg::Text => ReportFormat::Text,
        ReportFormatArg::Csv => ReportFormat::Csv,
        ReportFormatArg::Xlsx => ReportFormat::Xlsx,
    };
    if matches!(format, ReportFormat::Xlsx) && a.out.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(i18n.t("report-cli-xlsx-needs-out"));
    }
    let style = delimiter(a.delimiter.as_deref(), &config)?;
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let how = match format {
        ReportFormat::Text => "text",
        ReportFormat::Csv => "csv",
        ReportFormat::Xlsx => "xlsx",
    };
    let figures = export::report(&store, period, today, config.yearly_target, how)?;
    let bytes = export::report_bytes(&figures, format, &i18n, &style)?;
    match &a.out {
        Some(path) => {
            export::write_whole(path, &bytes).map_err(|e| anyhow::anyhow!(e.message(&i18n)))?;
            super::out::warn(&i18n.t_args("report-cli-written", &[("path", path.display().to_string().into())]));
        }
        // Text for a person goes through the inert path; CSV and XLSX are
        // data for a program and pass as they are.
        None if matches!(format, ReportFormat::Text) => {
            super::out::line(String::from_utf8_lossy(&bytes).trim_end_matches('\n'))?
        }
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
