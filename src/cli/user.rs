//! `haven user add|list|passwd|disable`.

use std::process::ExitCode;

use super::args::{Cli, RoleArg, UserAction, UserArgs};
use super::{creds, paths};
use crate::domain::user::Role;
use crate::store::StoreError;

fn role(r: RoleArg) -> Role {
    match r {
        RoleArg::Reception => Role::Reception,
        RoleArg::Night => Role::Night,
        RoleArg::CaseWorker => Role::CaseWorker,
        RoleArg::Manager => Role::Manager,
    }
}

fn slot_role_name(r: Role) -> &'static str {
    match r {
        Role::Reception => "reception",
        Role::Night => "night",
        Role::CaseWorker => "case_worker",
        Role::Manager => "manager",
    }
}

/// Runs `haven user …`.
pub fn run(cli: &Cli, a: &UserArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut store = creds::open(&dir)?;
    paths::start_log(&dir);
    let manager = store.session()?.role == Role::Manager;
    let me = store.session()?.username.clone();
    match &a.action {
        UserAction::List => {
            if !manager {
                return Err(StoreError::Forbidden("user administration").into());
            }
            for s in &store.header().slots {
                let state = if s.disabled { "disabled" } else { "active" };
                super::out::line(&format!("{:<20} {:<12} {:<8} {}", s.username, s.role_name(), state, s.display_name))?;
            }
        }
        UserAction::Add { username, role: r, name } => {
            if !manager {
                return Err(StoreError::Forbidden("user administration").into());
            }
            if store.header().slot(username).is_some() {
                return Err(StoreError::Invalid(format!("user {username} already exists")).into());
            }
            let pass = creds::new_passphrase("HAVEN_NEW_PASSPHRASE")?;
            let display = name.clone().unwrap_or_else(|| username.clone());
            store.set_user(username, &display, role(*r), pass.as_bytes())?;
            super::out::line(&format!("User {username} added."))?;
        }
        UserAction::Passwd { username } => {
            if !manager && *username != me {
                return Err(StoreError::Forbidden("user administration").into());
            }
            let slot = store.header().slot(username).cloned().ok_or(StoreError::NotFound("user"))?;
            if slot.disabled {
                return Err(StoreError::Disabled.into());
            }
            let pass = creds::new_passphrase("HAVEN_NEW_PASSPHRASE")?;
            store.set_user(username, &slot.display_name, slot.role, pass.as_bytes())?;
            super::out::line(&format!("Passphrase of {username} changed."))?;
        }
        UserAction::Role { username, role: r } => {
            if !manager {
                return Err(StoreError::Forbidden("user administration").into());
            }
            let slot = store.header().slot(username).cloned().ok_or(StoreError::NotFound("user"))?;
            if slot.disabled {
                return Err(StoreError::Disabled.into());
            }
            let managers = store.header().slots.iter().filter(|s| s.role == Role::Manager && !s.disabled).count();
            if slot.role == Role::Manager && role(*r) != Role::Manager && managers <= 1 {
                return Err(StoreError::Rule(crate::store::Rule::LastManager).into());
            }
            let pass = creds::new_passphrase("HAVEN_NEW_PASSPHRASE")?;
            store.set_user(username, &slot.display_name, role(*r), pass.as_bytes())?;
            super::out::line(&format!(
                "{username} is now {}; give them the new passphrase.",
                slot_role_name(role(*r))
            ))?;
        }
        UserAction::Disable { username } => {
            store.disable_user(username)?;
            super::out::line(&format!("User {username} disabled."))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
