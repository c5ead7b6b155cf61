//! Assembles the console: language, settings, keymap (with the user's
//! overrides) and the centre, or the first-run screen when there is none.

use std::path::Path;

use super::args::Cli;
use super::paths;
use crate::app::config::Config;
use crate::app::console::App;
use crate::app::context::Ctx;
use crate::i18n::{I18n, choose_lang};
use crate::keymap::Keymap;
use crate::store::{Store, StoreError};

/// The user's keymap override file, when present.
pub fn user_keymap() -> Option<std::path::PathBuf> {
    paths::config_dir().map(|d| d.join("keymap.toml")).filter(|p| p.is_file())
}

/// Everything the console needs, read and checked before the terminal is touched.
pub fn prepare(cli: &Cli, dir: &Path, demo: bool) -> anyhow::Result<App> {
    let config = Config::load(paths::config_dir().as_deref())?;
    let lang = choose_lang(cli.lang.as_deref(), config.lang.as_deref());
    let keymap_name = cli.keymap.clone().or_else(|| config.keymap.clone()).unwrap_or_else(|| "default".into());
    let keymap = Keymap::load(&keymap_name, user_keymap().as_deref())?;
    let i18n = I18n::new(lang);
    if crate::store::compact::is_due(dir) {
        super::out::warn(&i18n.t("opening-compacting"));
    }
    super::creds::guard_folder(dir, &i18n);
    let store = match Store::open(dir) {
        Ok(s) => Some(s),
        Err(StoreError::NotACentre { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let demo = demo || store.as_ref().is_some_and(|s| s.header().demo);
    let mut ctx = Ctx::new(store, i18n, keymap, config, demo);
    ctx.set_data_dir(dir);
    Ok(App::new(ctx))
}
