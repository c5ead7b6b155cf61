//! `haven hub init --url URL --ca FILE`: the hub's schema and this laptop's
//! own role at the hub.

use std::process::ExitCode;

use zeroize::Zeroizing;

use super::args::{Cli, HubAction, HubArgs};
use super::{creds, paths};

/// The hub administrator's password: HAVEN_HUB_PASSWORD, the URL itself, or asked.
pub(crate) fn admin_password(url: &str) -> anyhow::Result<Option<Zeroizing<String>>> {
    if let Ok(p) = std::env::var("HAVEN_HUB_PASSWORD") {
        return Ok(Some(Zeroizing::new(p)));
    }
    let userinfo =
        url.split_once("://").map(|(_, r)| r).and_then(|r| r.split('/').next()).and_then(|a| a.rsplit_once('@'));
    if userinfo.is_some_and(|(u, _)| u.contains(':')) {
        return Ok(None);
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        anyhow::bail!("no terminal to ask the hub administrator's password on: set HAVEN_HUB_PASSWORD");
    }
    Ok(Some(Zeroizing::new(rpassword::prompt_password("Hub administrator's password: ")?)))
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
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    match &a.action {
        HubAction::Init { url, ca } => {
            let ca_pem = std::fs::read(ca).map_err(|e| anyhow::anyhow!("{}: {e}", ca.display()))?;
            let pw = admin_password(url)?;
            let cfg = crate::sync::setup::init(&store, url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out::line(&format!("Hub ready; this laptop connects as {}.", cfg.url))?;
            super::out::line("Run `haven hub init` on every other laptop of the centre, then `haven sync`.")?;
        }
        HubAction::Load(_) => {}
    }
    Ok(ExitCode::SUCCESS)
}
