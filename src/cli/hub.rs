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

// ---- hubflow (issue 18 §2): `haven hub load`, the hub's load generator ----

/// `haven hub load`: N centres × M simulated laptops against a hub for
/// testing (it needs no laptop folder).
#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// postgres://ADMIN@HOST:PORT/DB of a hub for testing (password from
    /// HAVEN_HUB_PASSWORD or asked).
    #[arg(long)]
    pub url: String,
    /// The CA certificate (PEM) that signed the hub's certificate.
    #[arg(long, value_name = "FILE")]
    pub ca: std::path::PathBuf,
    /// Centres.
    #[arg(long, default_value_t = 100)]
    pub centres: usize,
    /// Laptops per centre.
    #[arg(long, default_value_t = 10)]
    pub laptops: usize,
    /// Changes a day over the whole network.
    #[arg(long, default_value_t = 1_000_000.0)]
    pub per_day: f64,
    /// Extra changes one laptop makes at once, every --burst-every seconds.
    #[arg(long, default_value_t = 100)]
    pub burst: usize,
    /// Seconds between bursts.
    #[arg(long, default_value_t = 10.0)]
    pub burst_every: f64,
    /// Seconds between two syncs of a laptop.
    #[arg(long, default_value_t = 10.0)]
    pub sync_every: f64,
    /// Seconds the load runs.
    #[arg(long, default_value_t = 60.0)]
    pub seconds: f64,
    /// Connections in the pool the simulated laptops share.
    #[arg(long, default_value_t = 8)]
    pub connections: usize,
    /// Added round trip in milliseconds (a delay proxy on loopback).
    #[arg(long, default_value_t = 0)]
    pub delay_ms: u64,
    /// Bytes of an envelope.
    #[arg(long, default_value_t = 560)]
    pub body_bytes: usize,
    /// Double the rate (and bursts) after each run the hub kept up with, at
    /// most this many runs: the last rate kept up with is the saturation point.
    #[arg(long, default_value_t = 0)]
    pub saturation_steps: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn load(a: &LoadArgs) -> anyhow::Result<ExitCode> {
    let ca_pem = std::fs::read(&a.ca).map_err(|e| anyhow::anyhow!("{}: {e}", a.ca.display()))?;
    let pw = admin_password(&a.url)?;
    let secs = |s: f64| std::time::Duration::from_secs_f64(s.max(0.001));
    let spec = crate::sync::load::LoadSpec {
        url: a.url.clone(),
        password: pw.as_deref().map(|p| p.to_string()),
        ca_pem,
        centres: a.centres,
        laptops: a.laptops,
        per_day: a.per_day,
        burst: a.burst,
        burst_every: secs(a.burst_every),
        sync_every: secs(a.sync_every),
        duration: secs(a.seconds),
        connections: a.connections,
        delay: std::time::Duration::from_millis(a.delay_ms),
        body_bytes: a.body_bytes,
    };
    let reports = if a.saturation_steps > 0 {
        crate::sync::load::saturation(&spec, a.saturation_steps)
    } else {
        crate::sync::load::run(&spec).map(|r| vec![r])
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    for r in &reports {
        if a.json {
            super::out::line(&serde_json::to_string(r)?)?;
        } else {
            super::out::line(r.table().trim_end_matches('\n'))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
// ---- end hubflow ----

/// Runs `haven hub`.
pub fn run(cli: &Cli, a: &HubArgs) -> anyhow::Result<ExitCode> {
    if let HubAction::Load(l) = &a.action {
        return load(l);
    }
    // --- hubops: commands without a centre's store (the operator's) ---
    match &a.action {
        HubAction::Provision { url, ca, centre } => return provision(url, ca, centre),
        HubAction::Doctor { url, ca } => return doctor(url, ca),
        HubAction::Wake { url, ca, mode, fast, slow } => return wake(url, ca, mode, *fast, *slow),
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
        HubAction::Provision { .. } | HubAction::Doctor { .. } | HubAction::Wake { .. } | HubAction::Load(_) => {} // --- end hubops ---
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

fn wake(url: &str, ca: &std::path::Path, mode: &str, fast: u64, slow: u64) -> anyhow::Result<ExitCode> {
    use crate::sync::wake::Wake;
    let secs = std::time::Duration::from_secs;
    let wake = match mode {
        "poll" => Wake::poll(secs(fast), secs(slow)),
        _ => Wake::Listen,
    };
    let pw = admin_password(url)?;
    let ca_pem = read_ca(ca)?;
    let mut admin = crate::sync::pg::connect(url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if !crate::sync::provision::is_operator(&mut admin).map_err(|e| anyhow::anyhow!("{e}"))? {
        anyhow::bail!("only the hub's operator (a role that may create roles) sets how laptops look for changes");
    }
    crate::sync::pg::set_wake(&mut admin, wake).map_err(|e| anyhow::anyhow!("{e}"))?;
    match wake {
        Wake::Listen => super::out::line("Laptops now hold a connection and listen for changes.")?,
        Wake::Poll { fast, slow } => super::out::line(&format!(
            "Laptops now poll: {} s after something moved, doubling to {} s while nothing does; \
             no connection is held between looks. Running consoles switch at their next connection.",
            fast.as_secs(),
            slow.as_secs()
        ))?,
    }
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
