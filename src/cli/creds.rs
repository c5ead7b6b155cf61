//! Who is running a command: `HAVEN_USER` / `HAVEN_PASSPHRASE` for scripts,
//! otherwise asked on the terminal (the passphrase never echoed).

use std::io::IsTerminal;

use anyhow::{Result, bail};
use zeroize::Zeroizing;

use crate::store::Store;

/// Reads a line from the terminal with a prompt.
fn ask(prompt: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask on: set HAVEN_USER and HAVEN_PASSPHRASE");
    }
    eprint!("{prompt}");
    let mut s = String::new();
    std::io::stdin().read_line(&mut s)?;
    Ok(s.trim().to_string())
}

fn ask_secret(prompt: &str) -> Result<Zeroizing<String>> {
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask on: set HAVEN_PASSPHRASE");
    }
    Ok(Zeroizing::new(rpassword::prompt_password(prompt)?))
}

/// The username and passphrase of whoever runs the command.
pub fn login() -> Result<(String, Zeroizing<String>)> {
    let user = match std::env::var("HAVEN_USER") {
        Ok(u) if !u.is_empty() => u,
        _ => ask("Username: ")?,
    };
    let pass = match std::env::var("HAVEN_PASSPHRASE") {
        Ok(p) => Zeroizing::new(p),
        Err(_) => ask_secret("Passphrase: ")?,
    };
    Ok((user, pass))
}

/// Opens the centre in `dir` as whoever runs the command.
pub fn open(dir: &std::path::Path) -> Result<Store> {
    if crate::store::compact::is_due(dir) {
        // The command line speaks English (its other prompts above do too).
        eprintln!("{}", crate::i18n::I18n::new(crate::i18n::Lang::En).t("opening-compacting"));
    }
    let mut store = Store::open(dir)?;
    let (user, pass) = login()?;
    store.login(&user, pass.as_bytes())?;
    // An import a kill cut short was undone as the centre opened: say so once.
    if let Ok(Some(undone)) = store.take_interrupted_import() {
        let config = crate::app::config::Config::load(super::paths::config_dir().as_deref()).ok();
        let lang = crate::i18n::choose_lang(None, config.and_then(|c| c.lang).as_deref());
        eprintln!("{}", crate::ops::import::interrupted_message(&undone, &crate::i18n::I18n::new(lang)));
    }
    Ok(store)
}

/// The minimum length of a new passphrase.
pub const MIN_PASSPHRASE: usize = 12;

/// A new passphrase: from `env` if set, else asked twice on the terminal.
pub fn new_passphrase(env: &str) -> Result<Zeroizing<String>> {
    let p = match std::env::var(env) {
        Ok(p) => Zeroizing::new(p),
        Err(_) => {
            let a = ask_secret("New passphrase: ")?;
            let b = ask_secret("Repeat it: ")?;
            if *a != *b {
                return Err(CliError::Mismatch.into());
            }
            a
        }
    };
    if p.chars().count() < MIN_PASSPHRASE {
        return Err(CliError::TooShort.into());
    }
    Ok(p)
}

/// Failures that belong to the command line itself.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The two passphrases typed differ.
    #[error("the passphrases do not match")]
    Mismatch,
    /// The passphrase is shorter than the minimum.
    #[error("the passphrase is too short")]
    TooShort,
    /// The demo folder holds a real centre.
    #[error("that folder holds a real centre, not a demo")]
    NotDemo,
}
