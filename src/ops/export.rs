//! Data leaving Haven: the donor report of a period, and exports of the
//! records as CSV, XLSX, JSON or the anonymised CTDC dataset. Each checks the
//! user's permission, respects each person's consent, writes its file whole
//! (a temporary file renamed into place) and one audit event that counts
//! rows and never holds content.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::Stay;
use crate::domain::travel::Travel;
use crate::i18n::I18n;
use crate::report::csv_file::{self, CsvStyle};
use crate::report::records::{Records, by_case, exportable};
use crate::report::rows::{self, RowsOptions};
use crate::report::xlsx_file::{self, XlsxStyle};
use crate::report::{Data, Figures, Period, Table, ctdc, json_file, tables};
use crate::store::record::not_deleted;
use crate::store::{AuditAction, AuditEntry, Store, StoreError};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Format {
    /// One kind of record per CSV file.
    Csv,
    /// One workbook, a sheet per kind of record.
    Xlsx,
    /// The complete data, for migration.
    Json,
    /// The anonymised CTDC dataset.
    Ctdc,
}

impl Format {
    /// Stable name.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Report file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ReportFormat {
    /// Aligned text.
    Text,
    /// CSV, every table one after the other.
    Csv,
    /// A workbook, a sheet per table.
    Xlsx,
}

/// Why an export did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The store refused or failed (permission, damage).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file could not be written.
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// A kind of record that does not exist.
    #[error("unknown kind of record: {0}")]
    UnknownKind(String),
}

impl ExportError {
    /// The message in the user's language.
    pub fn message(&self, i18n: &I18n) -> String {
        match self {
            ExportError::Store(e) => crate::ui::messages::store_error(e, i18n),
            ExportError::Write { path, reason } => i18n.t_args(
                "export-cannot-write",
                &[("path", path.display().to_string().into()), ("reason", reason.clone().into())],
            ),
            ExportError::UnknownKind(k) => i18n.t_args(
                "export-unknown-kind",
                &[
                    ("kind", crate::ui::sanitize::inert(k).into_owned().into()),
                    ("kinds", rows::KINDS.join(", ").into()),
                ],
            ),
        }
    }
}

/// How to export.
pub struct ExportOptions<'a> {
    /// The format.
    pub format: Format,
    /// CSV only: one kind of record (see [`rows::KINDS`]), or `all` for a file per kind.
    pub kind: &'a str,
    /// CSV and XLSX: also names, dates of birth, documents, contacts and notes.
    pub identifying: bool,
    /// CSV layout (delimiter, byte-order mark).
    pub csv: CsvStyle,
    /// Labels, dates and messages in this language.
    pub i18n: &'a I18n,
    /// The day consents are judged on and nights counted to.
    pub today: NaiveDate,
    /// Time stamp written into a JSON export.
    pub exported_at: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Exported {
    /// Files written with their rows.
    pub files: Vec<(PathBuf, usize)>,
    /// Rows per kind of record.
    pub rows: BTreeMap<String, usize>,
    /// Cases exported.
    pub cases: usize,
    /// Cases left out because data processing was refused or withdrawn.
    pub refused: usize,
    /// For a CTDC export: what was left out and suppressed.
    pub ctdc: Option<ctdc::Summary>,
}

impl Exported {
    /// All rows written.
    pub fn total(&self) -> usize {
        self.files.iter().map(|(_, n)| n).sum()
    }
}

/// Reads every record an export may write; refused unless the user may
/// export both front and case data (managers).
pub fn load(store: &Store) -> Result<Records, StoreError> {
    store.authorize(Act::Export, DataClass::Front)?;
    store.authorize(Act::Export, DataClass::Case)?;
    let mut cases = not_deleted(store.scan::<CaseFront>()?);
    cases.sort_by(|a, b| a.body.code.cmp(&b.body.code));
    let medical = if store.may(Act::View, DataClass::Medical) {
        by_case(store.scan::<MedicalNote>()?, |m| m.case_id)
    } else {
        Default::default()
    };
    Ok(Records {
        centre: store.header().centre_code.clone(),
        files: not_deleted(store.scan::<CasePrivate>()?).into_iter().map(|s| (s.body.case_id, s)).collect(),
        services: by_case(super::services::readable(store, None, store.scan::<ServiceItem>()?)?, |s| s.case_id),
        referrals: by_case(store.scan::<Referral>()?, |r| r.case_id),
        consents: by_case(store.scan::<Consent>()?, |c| c.case_id),
        travel: by_case(store.scan::<Travel>()?, |t| t.case_id),
        notes: by_case(store.scan::<Note>()?, |n| n.case_id),
        medical,
        stays: not_deleted(store.scan::<Stay>()?),
        pickups: not_deleted(store.scan::<Pickup>()?),
        organisations: not_deleted(store.scan::<Organisation>()?),
        rooms: not_deleted(store.scan::<Room>()?),
        beds: not_deleted(store.scan::<Bed>()?),
        anonymised: store.scan::<AnonymisedCase>()?,
        cases,
    })
}

/// The temporary file beside `path` an export is written to first.
fn part_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{name}.part"))
}

/// Writes the temporary file of `path` with `fill`, synced to the disk;
/// removed again on failure.
fn stage(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<PathBuf, ExportError> {
    let tmp = part_path(path);
    let result = (|| {
        use std::io::Write;
        // Owner-only whatever the umask: an export holds names or case data
        // in clear (issue 15); the CTDC file is anonymised but costs nothing
        // to keep as private.
        let mut w = std::io::BufWriter::new(crate::store::private_file::create(&tmp)?);
        fill(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(ExportError::Write { path: path.to_path_buf(), reason: e.to_string() })
        }
    }
}

/// Writes `bytes` to `path` whole: a temporary file beside it, synced, then
/// renamed, so a failure never leaves half a file under the asked name.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let tmp = stage(path, |w| std::io::Write::write_all(w, bytes))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        ExportError::Write { path: path.to_path_buf(), reason: e.to_string() }
    })
}

/// `export.csv` → `export-cases.csv`: the file of one kind in a multi-file CSV export.
pub fn kind_path(out: &Path, kind: &str) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let ext = out.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_else(|| "csv".into());
    out.with_file_name(format!("{stem}-{kind}.{ext}"))
}

fn csv_with_progress<W: std::io::Write>(
    out: W,
    t: &Table,
    style: &CsvStyle,
    i18n: &I18n,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<()> {
    let (yes, no) = (i18n.t("report-yes"), i18n.t("report-no"));
    let mut w = csv_file::writer(out, style)?;
    csv_file::write_texts(&mut w, &t.columns)?;
    for (n, r) in t.rows.iter().enumerate() {
        csv_file::write_row(&mut w, r, style, &yes, &no)?;
        if n % 500 == 499 {
            progress(n as u64 + 1);
        }
    }
    w.flush()
}

/// Exports the records to `out` as `opts` says; `progress` hears rows written.
pub fn export(
    store: &Store,
    out: &Path,
    opts: &ExportOptions<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<Exported, ExportError> {
    let records = load(store)?;
    let selection = exportable(&records, opts.today);
    let ro = RowsOptions { i18n: opts.i18n, identifying: opts.identifying, today: opts.today };
    let mut done = Exported { cases: selection.cases.len(), refused: selection.refused, ..Exported::default() };
    // Every file is written beside its place first; only once the audit
    // event is recorded do they take their names.
    let mut staged: Vec<(PathBuf, PathBuf, usize)> = Vec::new();
    let result = (|| -> Result<(), ExportError> {
        match opts.format {
            Format::Csv => {
                let kinds: Vec<&str> = if opts.kind == "all" { rows::KINDS.to_vec() } else { vec![opts.kind] };
                for kind in kinds {
                    let t = rows::table(kind, &records, &selection.cases, &ro)
                        .ok_or_else(|| ExportError::UnknownKind(kind.to_string()))?;
                    let path = if opts.kind == "all" { kind_path(out, kind) } else { out.to_path_buf() };
                    let tmp = stage(&path, |w| csv_with_progress(w, &t, &opts.csv, opts.i18n, progress))?;
                    done.rows.insert(kind.to_string(), t.rows.len());
                    staged.push((path, tmp, t.rows.len()));
                }
            }
            Format::Xlsx => {
                let style = XlsxStyle { date_format: xlsx_file::date_format(opts.i18n.lang().code()), titled: false };
                // Each sheet's table is built as it is written, and its rows counted.
                let mut counts: Vec<(String, usize)> = Vec::new();
                let tables = rows::KINDS
                    .iter()
                    .filter_map(|k| rows::table(k, &records, &selection.cases, &ro))
                    .inspect(|t| counts.push((t.id.clone(), t.rows.len())));
                let bytes = xlsx_file::workbook_bytes(tables, &style, progress)
                    .map_err(|e| ExportError::Write { path: out.to_path_buf(), reason: e.to_string() })?;
                let tmp = stage(out, |w| std::io::Write::write_all(w, &bytes))?;
                let total = counts.iter().map(|(_, n)| n).sum();
                done.rows = counts.into_iter().collect();
                staged.push((out.to_path_buf(), tmp, total));
            }
            Format::Json => {
                let tmp = stage(out, |w| json_file::write(w, &records, &selection.cases, &opts.exported_at))?;
                done.rows.insert("cases".into(), selection.cases.len());
                staged.push((out.to_path_buf(), tmp, selection.cases.len()));
            }
            Format::Ctdc => {
                let consents: Vec<Vec<Consent>> =
                    records.cases.iter().map(|c| records.consents_of(c.body.id)).collect();
                let sources: Vec<ctdc::Source<'_>> = records
                    .cases
                    .iter()
                    .zip(&consents)
                    .filter(|(c, _)| selection.cases.contains(&c.body.id))
                    .map(|(c, cs)| ctdc::Source {
                        front: &c.body,
                        file: records.files.get(&c.body.id).map(|f| &f.body),
                        consents: cs,
                        registered: c.body.arrived_on.unwrap_or_else(|| c.meta.created_at.date_naive()),
                    })
                    .collect();
                let (table, summary) = ctdc::build(&sources, opts.today);
                // Read by statistics software: plain commas, no byte-order mark.
                let style = CsvStyle { delimiter: b',', bom: false, decimal_comma: false };
                let tmp = stage(out, |w| csv_with_progress(w, &table, &style, opts.i18n, progress))?;
                done.rows.insert("ctdc".into(), table.rows.len());
                done.ctdc = Some(summary);
                staged.push((out.to_path_buf(), tmp, table.rows.len()));
            }
        }
        Ok(())
    })();
    let discard = |staged: &[(PathBuf, PathBuf, usize)]| {
        for (_, tmp, _) in staged {
            let _ = std::fs::remove_file(tmp);
        }
    };
    if let Err(e) = result {
        discard(&staged);
        return Err(e);
    }
    let summary = format!(
        "{}{} {}",
        opts.format.key(),
        if opts.identifying { " identifying" } else { "" },
        done.rows.iter().map(|(k, n)| format!("{k}={n}")).collect::<Vec<_>>().join(" ")
    );
    // Recorded before the files appear: an export that is not in the audit
    // trail never reaches its name.
    if let Err(e) = store.audit(AuditEntry::new(AuditAction::Export, "export").summary(summary)) {
        discard(&staged);
        return Err(e.into());
    }
    for (i, (path, tmp, n)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            discard(staged.get(i..).unwrap_or(&[]));
            return Err(ExportError::Write { path: path.clone(), reason: e.to_string() });
        }
        done.files.push((path.clone(), *n));
    }
    Ok(done)
}

/// Records that the report of `period` was produced (`how`: `screen`,
/// `text`, `csv`, `xlsx`): the period only, never a figure.
pub fn record_report(store: &Store, period: &Period, how: &str) -> Result<(), StoreError> {
    let args = [
        ("how", format!("#audit-report-{how}")),
        ("from", period.from.format("%Y-%m-%d").to_string()),
        ("to", period.to.format("%Y-%m-%d").to_string()),
    ];
    store.audit(AuditEntry::new(AuditAction::Report, "report").said("report", &args))
}

/// Reads what reports count; case workers and managers only (the figures
/// break people down by citizenship and exploitation, from the case files).
pub fn report_data(store: &Store) -> Result<Data, StoreError> {
    store.authorize(Act::View, DataClass::Case)?;
    Data::load(store)
}

/// Computes the report of `period` and records that it was produced.
pub fn report(store: &Store, period: Period, today: NaiveDate, target: u32, how: &str) -> Result<Figures, StoreError> {
    let data = report_data(store)?;
    let figures = crate::report::compute(&data, period, today, target);
    record_report(store, &period, how)?;
    Ok(figures)
}

/// The report's tables as the bytes of a file of `format`.
pub fn report_bytes(f: &Figures, format: ReportFormat, i18n: &I18n, csv: &CsvStyle) -> Result<Vec<u8>, std::io::Error> {
    let (yes, no) = (i18n.t("report-yes"), i18n.t("report-no"));
    let mut all = tables::all(f, i18n, format != ReportFormat::Text);
    if let Some(s) = all.first_mut() {
        s.title = format!("{} · {}", i18n.t("report-title"), tables::period_label(&f.period, i18n));
    }
    match format {
        ReportFormat::Text => {
            let style = crate::report::text::TextStyle {
                date: &|d| i18n.format_date(d),
                yes: &yes,
                no: &no,
                decimal_comma: i18n.lang().code() != "en",
            };
            Ok(crate::report::text::render(&all, &style).into_bytes())
        }
        ReportFormat::Csv => csv_file::tables_bytes(&all, csv, &yes, &no),
        ReportFormat::Xlsx => {
            let style = XlsxStyle { date_format: xlsx_file::date_format(i18n.lang().code()), titled: true };
            xlsx_file::workbook_bytes(all, &style, &mut |_| {})
        }
    }
}

/// The lines printed after an export.
pub fn summary_lines(done: &Exported, i18n: &I18n) -> Vec<String> {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let mut out = Vec::new();
    let full = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string();
    for (path, rows) in &done.files {
        out.push(i18n.t_args("export-written", &[("path", full(path).into()), ("rows", n(*rows).into())]));
    }
    // Every export but the anonymised CTDC set carries names or case data.
    if done.ctdc.is_none() {
        for (path, _) in &done.files {
            out.push(i18n.t_args("export-personal-clear", &[("path", full(path).into())]));
        }
    }
    if done.refused > 0 {
        out.push(i18n.t_args("export-left-out-refused", &[("count", n(done.refused).into())]));
    }
    if let Some(s) = &done.ctdc {
        out.extend(ctdc_lines(s, i18n));
    }
    out
}

/// What a CTDC export left out and suppressed.
pub fn ctdc_lines(s: &ctdc::Summary, i18n: &I18n) -> Vec<String> {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let mut out = vec![i18n.t_args(
        "export-ctdc-summary",
        &[
            ("cases", n(s.cases).into()),
            ("consent", n(s.without_consent).into()),
            ("victims", n(s.not_victims).into()),
            ("rows", n(s.rows).into()),
            ("k", n(s.k).into()),
        ],
    )];
    let cells: Vec<String> = ctdc::QUASI_IDENTIFIERS
        .iter()
        .zip(s.suppressed)
        .filter(|(_, c)| *c > 0)
        .map(|(q, c)| format!("{q} {c}"))
        .collect();
    out.push(if cells.is_empty() {
        i18n.t("export-ctdc-nothing-suppressed")
    } else {
        i18n.t_args("export-ctdc-suppressed", &[("cells", cells.join(", ").into())])
    });
    if s.dropped > 0 {
        out.push(i18n.t_args("export-ctdc-dropped", &[("count", n(s.dropped).into())]));
    }
    out
}
