//! `haven bundle export --out FILE [--since DATE]` and `haven bundle import FILE`.

use std::process::ExitCode;

use super::args::{BundleAction, BundleArgs, Cli};
use super::{creds, paths};

/// Runs `haven bundle`.
pub fn run(cli: &Cli, a: &BundleArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut store = creds::open(&dir)?;
    paths::start_log(&dir);
    store.authorize(crate::domain::permissions::Act::Bundle, crate::domain::permissions::DataClass::Case)?;
    match &a.action {
        BundleAction::Export { out, since } => {
            let since_ms = match since {
                Some(s) => {
                    let today = chrono::Local::now().date_naive();
                    let d = crate::domain::dates::parse_date(s, today)
                        .map_err(|_| anyhow::anyhow!("--since {s}: not a date"))?;
                    d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_millis())
                }
                None => None,
            };
            let r = crate::sync::bundle::export(&store, out, since_ms).map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out::line(&format!(
                "Bundle written: {} ({} changes, {} bytes).",
                out.display(),
                r.entries,
                r.bytes
            ))?;
        }
        BundleAction::Import { file } => {
            let r = crate::sync::bundle::import(&mut store, file).map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out::line(&format!(
                "Bundle read: {} changes verified, {} records applied, {} already here, {} waiting for a key, {} left for later, {} set aside.",
                r.accepted, r.applied, r.repeated, r.pending, r.waiting, r.rejected
            ))?;
            let alarms = super::sync::print_state(&store)?;
            if alarms > 0 {
                return Ok(ExitCode::from(2));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
