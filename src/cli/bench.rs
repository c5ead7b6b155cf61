//! `haven bench [--cases N] [--json] [--centre DIR]`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use super::args::BenchArgs;
use crate::bench::{self, Options};
use crate::store::vault::Header;

/// Runs `haven bench`.
pub fn run(a: &BenchArgs) -> anyhow::Result<ExitCode> {
    let kdf = crate::store::vault::kdf_for_new_vault();
    let mut opts = Options { cases: a.cases, kdf, first_open: None };
    if a.populate_only {
        let dir = a.centre.as_deref().context("--populate-only needs --centre")?;
        bench::populate(dir, &opts)?;
        // The first open, in this process too: see `bench::first_open`.
        let first = bench::first_open(dir)?;
        super::out::line(&first.as_micros().to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let talk = std::io::stderr().is_terminal() && !a.json;
    let mut progress = |step: &str| {
        if talk {
            let _ = writeln!(std::io::stderr(), "… {step}");
        }
    };
    let tmp;
    let dir = match &a.centre {
        Some(d) => d.clone(),
        None => {
            tmp = bench::temp_dir()?;
            tmp.0.join("centre")
        }
    };
    if !Header::exists(&dir) {
        progress("creating the synthetic centre (in a child process)");
        // The centre is written by another process so that the memory this
        // one reports is a console's that opened it, not a writer's.
        let exe = std::env::current_exe()?;
        let out = std::process::Command::new(exe)
            .arg("bench")
            .arg("--populate-only")
            .arg("--cases")
            .arg(a.cases.to_string())
            .arg("--centre")
            .arg(&dir)
            .stderr(std::process::Stdio::inherit())
            .output()?;
        anyhow::ensure!(out.status.success(), "creating the synthetic centre failed");
        let micros: Option<u64> = String::from_utf8_lossy(&out.stdout).trim().parse().ok();
        opts.first_open = micros.map(std::time::Duration::from_micros);
    }
    let report = bench::run(&dir, opts, &mut progress)?;
    if a.json {
        super::out::line(&serde_json::to_string_pretty(&report)?)?;
    } else {
        super::out::line(report.table().trim_end_matches('\n'))?;
    }
    Ok(ExitCode::SUCCESS)
}
