//! `haven backup --out FILE` and `haven restore --from FILE`.

use std::process::ExitCode;

use super::args::{BackupArgs, Cli, RestoreArgs};
use super::progress::Progress;
use super::{creds, paths};
use crate::store::backup;

/// Runs `haven backup`.
pub fn run_backup(cli: &Cli, a: &BackupArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let mut bar = Progress::new("backup", None);
    let counts = store.backup_to(&a.out, &mut |n| bar.update(n))?;
    bar.finish(counts.values);
    println!("Backup written and verified: {} ({} values, {} bytes).", a.out.display(), counts.values, counts.bytes);
    Ok(ExitCode::SUCCESS)
}

/// Runs `haven restore`.
pub fn run_restore(cli: &Cli, a: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let (user, pass) = creds::login()?;
    let (counts, store) = backup::restore(&a.from, &dir, &user, pass.as_bytes(), a.force)?;
    paths::start_log(&dir);
    let report = store.check()?;
    println!(
        "Restored {} values into {}; check: {} values verified{}.",
        counts.values,
        dir.display(),
        report.values,
        if report.ok() { ", ok" } else { ", PROBLEMS" }
    );
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
