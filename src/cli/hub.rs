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

/// Runs `haven hub`.
pub fn run(cli: &Cli, a: &HubArgs) -> anyhow::Result<ExitCode> {
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
    }
    Ok(ExitCode::SUCCESS)
}
