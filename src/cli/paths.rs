//! Where a centre's data lives when `--data` / `HAVEN_DATA` do not say.

use std::path::{Path, PathBuf};

/// The data folder: `--data` if given, else the platform's data folder
/// (`~/.local/share/haven/centre`, or `…/demo` for the demo centre, which
/// never shares the real centre's folder).
pub fn data_dir(given: Option<&Path>, demo: bool) -> anyhow::Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    let dirs = directories::ProjectDirs::from("org", "Haven", "haven")
        .ok_or_else(|| anyhow::anyhow!("no home folder: give --data DIR"))?;
    Ok(dirs.data_dir().join(if demo { "demo" } else { "centre" }))
}

/// The user's configuration folder (keymap overrides, settings).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Haven", "haven").map(|d| d.config_dir().to_path_buf())
}

/// Starts logging to `DIR/logs/haven.log`, never to the terminal. Logging is
/// best effort: a read-only folder simply means no log.
pub fn start_log(dir: &Path) {
    let logs = dir.join("logs");
    if std::fs::create_dir_all(&logs).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new().create(true).append(true).open(logs.join("haven.log")) else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_target(false)
        .try_init();
}
