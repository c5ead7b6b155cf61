//! `haven backup --out FILE` and `haven restore --from FILE`.

use std::process::ExitCode;

use super::args::{BackupArgs, Cli, RestoreArgs};
use super::progress::Progress;
use super::{creds, out, paths};
use crate::domain::permissions::{Act, DataClass};
use crate::i18n::I18n;
use crate::store::backup;

/// Runs `haven backup`.
pub fn run_backup(cli: &Cli, a: &BackupArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    store.authorize(Act::Backup, DataClass::Case)?;
    let mut bar = Progress::new("backup", None);
    let counts = store.backup_to(&a.out, &mut |n| bar.update(n))?;
    bar.finish(counts.values);
    let path = std::path::absolute(&a.out).unwrap_or_else(|_| a.out.clone());
    out::line(&format!(
        "Backup written and verified: {} ({} values, {} bytes).",
        path.display(),
        counts.values,
        counts.bytes
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `haven restore`.
pub fn run_restore(cli: &Cli, a: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let i18n = I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let (user, pass) = creds::login()?;
    let done = backup::restore_over(&a.from, &dir, &user, pass.as_bytes(), a.force)?;
    let store = done.store;
    paths::start_log(store.dir());
    let report = store.check()?;
    out::line(&format!(
        "Restored {} values into {}; check: {} values verified{}.",
        done.counts.values,
        store.dir().display(),
        report.values,
        if report.ok() { ", ok" } else { ", PROBLEMS" }
    ))?;
    if let Some(old) = &done.replaced {
        out::line(&i18n.t_args("restore-replaced-kept", &[("path", old.display().to_string().into())]))?;
    }
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
