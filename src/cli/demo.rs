//! `haven demo`: a demo centre with synthetic data, in its own folder.

use std::process::ExitCode;

use super::args::{Cli, DemoArgs};
use super::creds::CliError;
use super::paths;
use crate::demo::users::DEMO_USERS;
use crate::domain::user::Role;
use crate::store::vault::Header;
use crate::store::{InitSpec, Store};

/// Runs `haven demo`.
pub fn run(cli: &Cli, a: &DemoArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), true)?;
    if Header::exists(&dir) {
        let header = Header::read(&dir)?;
        if !header.demo {
            return Err(CliError::NotDemo.into());
        }
        if a.reset {
            // Take the lock first so a running console is not pulled from under.
            drop(Store::open(&dir)?);
            std::fs::remove_dir_all(&dir)?;
        }
    }
    if !Header::exists(&dir) {
        create(&dir, a.cases)?;
    }
    paths::start_log(&dir);
    super::out::line(&format!("Demo centre in {}", dir.display()))?;
    super::out::line("Log in as one of (username / passphrase):")?;
    for (user, role, pass, _) in DEMO_USERS {
        super::out::line(&format!("  {user:<11} {pass:<17} {}", role_label(role)))?;
    }
    if a.no_console {
        return Ok(ExitCode::SUCCESS);
    }
    super::open_console_at(cli, &dir, true)
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Reception => "reception",
        Role::Night => "night shift",
        Role::CaseWorker => "case worker",
        Role::Manager => "manager",
    }
}

fn create(dir: &std::path::Path, cases: usize) -> anyhow::Result<()> {
    let (admin, _, pass, name) = DEMO_USERS[0];
    let spec = InitSpec {
        centre_code: "DEM".into(),
        centre_name: "Haven demo centre".into(),
        admin: admin.into(),
        admin_name: name.into(),
        kdf: crate::store::vault::kdf_for_new_vault(),
        demo: true,
    };
    let mut store = Store::create(dir, &spec, pass.as_bytes())?;
    for (user, role, pass, name) in DEMO_USERS.iter().skip(1) {
        store.set_user(user, name, *role, pass.as_bytes())?;
    }
    let today = chrono::Local::now().date_naive();
    let summary = crate::demo::populate(&store, cases, today)?;
    super::out::line(&format!(
        "Created {} cases, {} beds ({} occupied, {} reserved, {} out of service), {} pickups, {} organisations.",
        summary.cases,
        summary.beds,
        summary.occupied,
        summary.reserved,
        summary.out_of_service,
        summary.pickups,
        summary.organisations
    ))?;
    Ok(())
}
