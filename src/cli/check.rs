//! `haven check`: one summary line, exit 0 only when everything holds.

use std::process::ExitCode;

use super::args::{CheckArgs, Cli};
use super::{creds, paths};
use crate::domain::permissions::{Act, DataClass};

/// Runs `haven check`. Damage that stops the check itself is reported as
/// such: the store's usual message would send the user to `haven check`.
pub fn run(cli: &Cli, a: &CheckArgs) -> anyhow::Result<ExitCode> {
    let result = checked(cli, a);
    if let Err(e) = &result
        && let Some(crate::store::StoreError::Corrupt { tree }) = e.downcast_ref()
    {
        let i18n = crate::i18n::I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
        super::out::warn(&format!("haven: {}", i18n.t_args("check-damaged", &[("tree", (*tree).into())])));
        return Ok(ExitCode::FAILURE);
    }
    result
}

fn checked(cli: &Cli, a: &CheckArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = if a.accept_missing_witness {
        let mut store = crate::store::Store::open(&dir)?;
        let (user, pass) = creds::login()?;
        store.login_accepting_missing_witness(&user, pass.as_bytes())?;
        store
    } else {
        creds::open(&dir)?
    };
    paths::start_log(&dir);
    let report = store.check()?;
    if store.may(Act::Erase, DataClass::Case) {
        let years = crate::app::config::Config::load(paths::config_dir().as_deref())?.retention_years;
        let today = chrono::Local::now().date_naive();
        for (code, since) in crate::ops::access::past_retention(&store, today, years)? {
            super::out::line(&format!(
                "retention: case {code} closed since {since} is past {years} years (erase it with `haven erase {code}`)"
            ))?;
        }
    }
    let head = report.audit_head.map(|h| h.display()).unwrap_or_else(|| "-".into());
    if report.ok() {
        super::out::line(&format!(
            "ok: {} values verified, {} not readable by this role, {} changes, audit head {head}",
            report.values, report.skipped, report.changes
        ))?;
        Ok(ExitCode::SUCCESS)
    } else {
        for p in &report.problems {
            super::out::line(&format!("problem: {p}"))?;
        }
        super::out::line(&format!("FAILED: {} problem(s), {} values verified", report.problems.len(), report.values))?;
        Ok(ExitCode::FAILURE)
    }
}
