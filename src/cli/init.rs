//! `haven init`: a new centre with its first manager.

use std::process::ExitCode;

use super::args::{Cli, InitArgs};
use super::{creds, paths};
use crate::store::{InitSpec, Store, StoreError};

/// Runs `haven init`.
pub fn run(cli: &Cli, a: &InitArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    if crate::store::vault::Header::exists(&dir) {
        return Err(StoreError::AlreadyExists { path: dir }.into());
    }
    let centre = a.centre.trim().to_uppercase();
    if !crate::domain::case_code::valid_centre_code(&centre) {
        return Err(StoreError::Invalid("centre code: 2 to 5 letters, e.g. MSK".into()).into());
    }
    if !crate::domain::user::valid_username(&a.admin) {
        return Err(StoreError::Invalid("username: 2 to 32 of a-z 0-9 . - _".into()).into());
    }
    let pass = creds::new_passphrase("HAVEN_PASSPHRASE")?;
    let spec = InitSpec {
        centre_code: centre.clone(),
        centre_name: a.name.clone().unwrap_or_else(|| centre.clone()),
        admin: a.admin.clone(),
        admin_name: a.admin_name.clone().unwrap_or_else(|| a.admin.clone()),
        kdf: crate::store::vault::kdf_for_new_vault(),
        demo: false,
    };
    let store = Store::create(&dir, &spec, pass.as_bytes())?;
    paths::start_log(&dir);
    tracing::info!("centre created");
    super::out::line(&format!("Centre {centre} created in {}. Manager: {}.", store.dir().display(), a.admin))?;
    Ok(ExitCode::SUCCESS)
}
