//! Who is running a command: `HAVEN_USER` and, for scripts, the passphrase
//! from `--passphrase-fd N` (preferred: it never enters the environment) or
//! `HAVEN_PASSPHRASE`; otherwise asked on the terminal (never echoed).

use std::io::{IsTerminal, Read};
use std::sync::{Mutex, OnceLock};

use anyhow::{Result, bail};
use zeroize::Zeroizing;

use crate::store::Store;

/// Reads a line from the terminal with a prompt.
fn ask(prompt: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask on: set HAVEN_USER and give --passphrase-fd N (or HAVEN_PASSPHRASE)");
    }
    let _ = std::io::Write::write_all(&mut std::io::stderr(), prompt.as_bytes());
    let mut s = String::new();
    std::io::stdin().read_line(&mut s)?;
    Ok(s.trim().to_string())
}

fn ask_secret(prompt: &str) -> Result<Zeroizing<String>> {
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask on: give --passphrase-fd N (or HAVEN_PASSPHRASE)");
    }
    Ok(Zeroizing::new(rpassword::prompt_password(prompt)?))
}

/// The descriptor `--passphrase-fd` names, set once at start.
static PASSPHRASE_FD: OnceLock<u32> = OnceLock::new();
/// The passphrase read from it: a pipe can be read only once.
static FROM_FD: Mutex<Option<Zeroizing<String>>> = Mutex::new(None);

/// Takes the passphrase from descriptor `fd` instead of the environment.
pub fn use_passphrase_fd(fd: u32) {
    let _ = PASSPHRASE_FD.set(fd);
}

/// The first line of `r`, read a byte at a time so nothing past it is taken
/// and no copy is left in a buffer.
fn first_line(mut r: impl Read) -> Result<Zeroizing<String>> {
    let mut bytes = Zeroizing::new(Vec::new());
    let mut b = [0u8; 1];
    while bytes.len() < 4096 {
        match r.read(&mut b) {
            Ok(0) => break,
            Ok(_) if b[0] == b'\n' => break,
            Ok(_) => bytes.push(b[0]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| anyhow::anyhow!("--passphrase-fd: not UTF-8 text"))?;
    Ok(Zeroizing::new(text.to_string()))
}

/// The passphrase from `--passphrase-fd`, if it was given.
fn passphrase_from_fd() -> Result<Option<Zeroizing<String>>> {
    let Some(&fd) = PASSPHRASE_FD.get() else { return Ok(None) };
    let mut cached = FROM_FD.lock().map_err(|_| anyhow::anyhow!("--passphrase-fd"))?;
    if let Some(p) = cached.as_ref() {
        return Ok(Some(p.clone()));
    }
    let p = if fd == 0 { first_line(std::io::stdin().lock())? } else { open_fd(fd)? };
    *cached = Some(p.clone());
    Ok(Some(p))
}

#[cfg(unix)]
fn open_fd(fd: u32) -> Result<Zeroizing<String>> {
    let file = std::fs::File::open(format!("/dev/fd/{fd}"))
        .map_err(|_| anyhow::anyhow!("--passphrase-fd {fd}: no such open descriptor"))?;
    first_line(file)
}

#[cfg(not(unix))]
fn open_fd(fd: u32) -> Result<Zeroizing<String>> {
    bail!("--passphrase-fd {fd}: only 0 (standard input) here")
}

/// The passphrase of whoever runs the command: `--passphrase-fd`, then
/// `HAVEN_PASSPHRASE`, then asked.
fn passphrase() -> Result<Zeroizing<String>> {
    if let Some(p) = passphrase_from_fd()? {
        return Ok(p);
    }
    match std::env::var("HAVEN_PASSPHRASE") {
        Ok(p) => Ok(Zeroizing::new(p)),
        Err(_) => ask_secret("Passphrase: "),
    }
}

/// The username and passphrase of whoever runs the command.
pub fn login() -> Result<(String, Zeroizing<String>)> {
    let user = match std::env::var("HAVEN_USER") {
        Ok(u) if !u.is_empty() => u,
        _ => ask("Username: ")?,
    };
    Ok((user, passphrase()?))
}

/// Opens the centre in `dir` as whoever runs the command.
pub fn open(dir: &std::path::Path) -> Result<Store> {
    if crate::store::compact::is_due(dir) {
        // The command line speaks English (its other prompts above do too).
        super::out::warn(&crate::i18n::I18n::new(crate::i18n::Lang::En).t("opening-compacting"));
    }
    guard_folder(dir, &crate::i18n::I18n::new(crate::i18n::Lang::En));
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

/// Closes a centre folder found open to other users of the computer (a
/// wide umask when it was made, a copy, a restore by an older version), and
/// says so on stderr. Only modes are looked at and changed.
pub fn guard_folder(dir: &std::path::Path, i18n: &crate::i18n::I18n) {
    if !crate::store::vault::Header::exists(dir) {
        return;
    }
    match crate::store::private_file::restrict_centre(dir) {
        Ok(fixed) if !fixed.is_empty() => {
            super::out::warn(&i18n.t_args("centre-permissions-fixed", &[("path", dir.display().to_string().into())]))
        }
        Ok(_) => {}
        Err(_) => {
            super::out::warn(&i18n.t_args("centre-permissions-open", &[("path", dir.display().to_string().into())]))
        }
    }
}

/// The minimum length of a new passphrase.
pub const MIN_PASSPHRASE: usize = 12;

/// A new passphrase: from `env` if set, else asked twice on the terminal.
pub fn new_passphrase(env: &str) -> Result<Zeroizing<String>> {
    let given = if env == "HAVEN_PASSPHRASE" { passphrase_from_fd()? } else { None };
    let p = match (given, std::env::var(env)) {
        (Some(p), _) => p,
        (None, Ok(p)) => Zeroizing::new(p),
        (None, Err(_)) => {
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
