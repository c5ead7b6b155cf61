//! The command line (README, "Everyday commands"): one file per subcommand.

mod args;
mod audit;
mod backup;
mod bench;
mod bundle;
mod check;
mod console;
mod creds;
pub(crate) mod demo;
mod device;
mod erase;
mod export;
mod find;
mod harden;
mod hub;
mod import;
mod init;
mod keymap;
mod messages;
mod out;
mod paths;
mod progress;
mod report;
mod sync;
mod torture;
mod user;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};
pub use messages::{describe, store_error};

/// Parses the command line and runs it; the process exit code comes back.
pub fn run() -> ExitCode {
    harden::process();
    install_panic_hook();
    let cli = Cli::parse();
    if let Some(fd) = cli.passphrase_fd {
        creds::use_passphrase_fd(fd);
    }
    let lang = crate::i18n::choose_lang(cli.lang.as_deref(), None);
    let i18n = crate::i18n::I18n::new(lang);
    let result = match &cli.command {
        None => open_console(&cli),
        Some(Command::Init(a)) => init::run(&cli, a),
        Some(Command::Demo(a)) => demo::run(&cli, a),
        Some(Command::Check(a)) => check::run(&cli, a),
        Some(Command::Keymap(a)) => keymap::run(a),
        Some(Command::Audit(a)) => audit::run(&cli, a),
        Some(Command::Erase(a)) => erase::run(&cli, a),
        Some(Command::Backup(a)) => backup::run_backup(&cli, a),
        Some(Command::Bench(a)) => bench::run(a),
        Some(Command::Restore(a)) => backup::run_restore(&cli, a),
        Some(Command::Find(a)) => find::run(&cli, a),
        Some(Command::Report(a)) => report::run(&cli, a),
        Some(Command::Export(a)) => export::run(&cli, a),
        Some(Command::Import(a)) => import::run(&cli, a),
        Some(Command::Sync(a)) => sync::run(&cli, a),
        Some(Command::Hub(a)) => hub::run(&cli, a),
        Some(Command::Device(a)) => device::run(&cli, a),
        Some(Command::Bundle(a)) => bundle::run(&cli, a),
        Some(Command::User(a)) => user::run(&cli, a),
        Some(Command::Torture(a)) => torture::run(&cli, a),
    };
    match result {
        Ok(code) => code,
        // `haven find a | head -1`: the reader has all it wanted.
        Err(e) if out::closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Never panic on a closed or full stderr: the message is best effort.
            out::warn(&format!("haven: {}", describe(&e, &i18n)));
            ExitCode::FAILURE
        }
    }
}

fn open_console(cli: &Cli) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    open_console_at(cli, &dir, false)
}

/// Opens the full-screen console on `dir`.
pub(crate) fn open_console_at(cli: &Cli, dir: &std::path::Path, demo: bool) -> anyhow::Result<ExitCode> {
    let app = console::prepare(cli, dir, demo)?;
    paths::start_log(dir);
    crate::app::run::run(app)?;
    Ok(ExitCode::SUCCESS)
}

/// A panic prints a fixed message (never its payload, which could quote
/// data) and the place in the code; the terminal is restored by the console's
/// own hook, installed on top of this one.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(place, "panic");
        let _ =
            writeln!(std::io::stderr(), "haven: internal error at {place}. No data was changed after the last save.");
    }));
}
