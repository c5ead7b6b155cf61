//! `haven hub init|provision|centre|doctor|tidy`: the hub's operator
//! provisions a centre once; a manager enrols each laptop with the centre's
//! enrolment credential; `doctor` checks a server; `tidy` carries erasures
//! to the hub and drops what every laptop holds and a backup covers.

use std::process::ExitCode;

use zeroize::Zeroizing;

use super::args::{Cli, HubAction, HubArgs};
use super::{creds, paths};

/// The hub password for `url` (the operator's or the centre's enrolment
/// credential): HAVEN_HUB_PASSWORD, or asked. A password inside the URL is
/// refused (it would show in `ps` and the shell history).
pub(crate) fn admin_password(url: &str) -> anyhow::Result<Option<Zeroizing<String>>> {
    crate::sync::pg::refuse_url_password(url).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Ok(p) = std::env::var("HAVEN_HUB_PASSWORD") {
        return Ok(Some(Zeroizing::new(p)));
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        anyhow::bail!("no terminal to ask the hub password on: set HAVEN_HUB_PASSWORD");
    }
    Ok(Some(Zeroizing::new(rpassword::prompt_password("Hub password: ")?)))
}

fn read_ca(ca: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(ca).map_err(|e| anyhow::anyhow!("{}: {e}", ca.display()))
}

/// Runs `haven hub`.
pub fn run(cli: &Cli, a: &HubArgs) -> anyhow::Result<ExitCode> {
    // --- hubops: commands without a centre's store (the operator's) ---
    match &a.action {
        HubAction::Provision { url, ca, centre } => return provision(url, ca, centre),
        HubAction::Doctor { url, ca } => return doctor(url, ca),
        _ => {}
    }
    // --- end hubops ---
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    match &a.action {
        HubAction::Init { url, ca, replace } => {
            let pw = admin_password(url)?;
            let ca_pem = read_ca(ca)?;
            let cfg = crate::sync::setup::init_with(&store, url, pw.as_deref().map(|p| p.as_str()), &ca_pem, *replace)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out::line(&format!("Hub ready; this laptop connects as {}.", cfg.url))?;
            super::out::line("Run `haven hub init` on every other laptop of the centre, then `haven sync`.")?;
        }
        // --- hubops ---
        HubAction::Centre => {
            let id = crate::sync::pg::uuid(&store.header().centre_id);
            super::out::line(&format!("Centre id: {id}"))?;
            super::out::line("Give it to the hub's operator for `haven hub provision --centre ID`.")?;
        }
        HubAction::Tidy { url, ca, backup } => {
            let pw = admin_password(url)?;
            let ca_pem = read_ca(ca)?;
            let mut client = crate::sync::pg::connect(url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut hub =
                crate::sync::setup::connect(&store).map_err(|e| anyhow::anyhow!("{e}"))?.ok_or_else(|| {
                    anyhow::anyhow!("no hub is configured on this laptop: haven hub init --url URL --ca FILE")
                })?;
            let t = crate::sync::retention::tidy(&store, &mut client, &mut hub, backup.as_deref())
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out::line(&format!(
                "Erasures carried to the hub: {} case(s), {} envelope(s) emptied.",
                t.erased_cases, t.erased_rows
            ))?;
            match t.dropped {
                Some(n) => super::out::line(&format!(
                    "Envelopes dropped from the hub: {n} (every laptop holds them and the backup covers them)."
                ))?,
                None => super::out::line(&format!("Nothing dropped: {}", t.why_not.unwrap_or_default()))?,
            }
        }
        HubAction::Provision { .. } | HubAction::Doctor { .. } => {} // --- end hubops ---
    }
    Ok(ExitCode::SUCCESS)
}

// --- hubops ---
fn provision(url: &str, ca: &std::path::Path, centre: &str) -> anyhow::Result<ExitCode> {
    let id = crate::sync::pg::parse_uuid(centre)
        .ok_or_else(|| anyhow::anyhow!("--centre: a centre id as `haven hub centre` prints it"))?;
    let pw = admin_password(url)?;
    let ca_pem = read_ca(ca)?;
    let mut admin = crate::sync::pg::connect(url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = Zeroizing::new(crate::sync::scram::new_password()?);
    let verifier = crate::sync::scram::verifier(&password)?;
    let role =
        crate::sync::provision::provision(&mut admin, &id, Some(&verifier)).map_err(|e| anyhow::anyhow!("{e}"))?;
    let enrol_url = crate::sync::setup::with_user(url, &role).map_err(|e| anyhow::anyhow!("{e}"))?;
    super::out::line(&format!("Centre provisioned. Its enrolment URL: {enrol_url}"))?;
    super::out::line(&format!("Its enrolment password (shown once; give it to the centre's manager): {}", *password))?;
    super::out::line(
        "The manager runs `haven hub init --url URL --ca FILE` on each laptop with HAVEN_HUB_PASSWORD set to it. \
         Running provision again replaces that password.",
    )?;
    Ok(ExitCode::SUCCESS)
}

fn doctor(url: &str, ca: &std::path::Path) -> anyhow::Result<ExitCode> {
    let pw = admin_password(url)?;
    let ca_pem = read_ca(ca)?;
    let mut client = crate::sync::pg::connect(url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let report = crate::sync::doctor::check(&mut client);
    for c in &report {
        let mark = match c.ok {
            Some(true) => "ok  ",
            Some(false) => "NO  ",
            None => "note",
        };
        super::out::line(&format!("{mark} {}: {}", c.what, c.detail))?;
    }
    let missing = report.iter().filter(|c| c.ok == Some(false)).count();
    if missing == 0 {
        super::out::line("This server has what the hub needs.")?;
        Ok(ExitCode::SUCCESS)
    } else {
        super::out::line(&format!("{missing} requirement(s) missing: see docs/HUB.md."))?;
        Ok(ExitCode::from(1))
    }
}
// --- end hubops ---
