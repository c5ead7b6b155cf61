//! `haven bench [--cases N] [--json]`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::args::BenchArgs;
use crate::bench::{self, Options};

/// Runs `haven bench`.
pub fn run(a: &BenchArgs) -> anyhow::Result<ExitCode> {
    let kdf = super::init::kdf_for_new_vault();
    let talk = std::io::stderr().is_terminal() && !a.json;
    let mut progress = |step: &str| {
        if talk {
            let _ = writeln!(std::io::stderr(), "… {step}");
        }
    };
    let report = bench::run(Options { cases: a.cases, kdf }, &mut progress)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}
