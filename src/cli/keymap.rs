//! `haven keymap check FILE`.

use std::process::ExitCode;

use super::args::{KeymapAction, KeymapArgs};
use crate::keymap::Keymap;

/// Runs `haven keymap …`.
pub fn run(a: &KeymapArgs) -> anyhow::Result<ExitCode> {
    match &a.action {
        KeymapAction::Check { file } => {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            let errors = Keymap::check(&text, &name);
            if errors.is_empty() {
                super::out::line(&format!("{name}: ok"))?;
                Ok(ExitCode::SUCCESS)
            } else {
                for e in &errors {
                    super::out::line(&e.to_string())?;
                }
                Ok(ExitCode::FAILURE)
            }
        }
    }
}
