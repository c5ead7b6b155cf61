//! `haven erase CODE --yes`: a manager erases a closed case for good.

use std::process::ExitCode;

use super::args::{Cli, EraseArgs};
use super::{creds, paths};
use crate::domain::case::CaseFront;
use crate::store::StoreError;

/// Runs `haven erase`.
pub fn run(cli: &Cli, a: &EraseArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut store = creds::open(&dir)?;
    paths::start_log(&dir);
    let case = store
        .scan::<CaseFront>()?
        .into_iter()
        .find(|c| c.body.code.to_string() == a.case.trim())
        .ok_or(StoreError::NotFound("case"))?;
    if !a.yes {
        super::out::line(&format!(
            "This erases case {} for good; only anonymised statistics remain. Add --yes to confirm.",
            a.case
        ))?;
        return Ok(ExitCode::from(2));
    }
    let report = crate::sync::erasure::erase_case(&mut store, case.body.id)?;
    super::out::line(&format!(
        "Case {} erased: {} records, {} earlier versions, {} log entries emptied.",
        a.case, report.records, report.versions, report.log_bodies
    ))?;
    // hubops: the hub's copies are emptied by the next `hub tidy` (src/sync/erasure.rs).
    if !crate::sync::erasure::pending(&store)?.is_empty() {
        super::out::line(
            "The hub still holds its rows until a manager runs `haven hub tidy` with the centre's enrolment credential.",
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
