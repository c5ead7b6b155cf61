//! `haven device enrol|list|revoke`: the installations of the centre.

use std::process::ExitCode;

use super::args::{Cli, DeviceAction, DeviceArgs};
use super::{creds, paths};
use crate::store::roster::short_id;

/// Runs `haven device`.
pub fn run(cli: &Cli, a: &DeviceArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut store = creds::open(&dir)?;
    paths::start_log(&dir);
    match &a.action {
        DeviceAction::Enrol { name } => {
            let old = store.header().installation;
            let id = match crate::sync::device::fork_point(&store)? {
                Some(seq) => crate::sync::device::reenrol(&mut store, name, seq.saturating_sub(1))?,
                None => crate::sync::device::enrol(&mut store, name)?,
            };
            if id == old {
                super::out::line(&format!("This laptop is enrolled as {} ({}).", short_id(&id), name))?;
            } else {
                super::out::line(&format!(
                    "This laptop is now installation {} ({}); its changes since the copy were issued again under it.",
                    short_id(&id),
                    name
                ))?;
                super::out::line("Run `haven hub init` again so the hub knows it.")?;
            }
        }
        DeviceAction::List => {
            for d in crate::sync::device::list(&store)? {
                let state = match d.member.revoked_after {
                    Some(after) => format!("revoked after change {after}"),
                    None => "active".into(),
                };
                super::out::line(&format!(
                    "{}  {:<20} {:<28} enrolled by {} — {} changes held{}",
                    short_id(&d.member.installation),
                    d.member.name,
                    state,
                    d.member.enrolled_by,
                    d.head,
                    if d.this { " — this laptop" } else { "" }
                ))?;
            }
        }
        DeviceAction::Revoke { device, hub_url, ca } => {
            if let Some(url) = hub_url {
                crate::sync::pg::refuse_url_password(url).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
            let (m, after) = crate::sync::device::revoke(&store, device)?;
            super::out::line(&format!(
                "{} ({}) revoked: its changes after {after} are refused on every laptop once synced.",
                short_id(&m.installation),
                m.name
            ))?;
            if let Some(url) = hub_url {
                let ca = ca.as_ref().ok_or_else(|| anyhow::anyhow!("--ca FILE is needed with --hub-url"))?;
                let ca_pem = std::fs::read(ca)?;
                let pw = super::hub::admin_password(url)?;
                let mut admin = crate::sync::pg::connect(url, pw.as_deref().map(|p| p.as_str()), &ca_pem)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                // The centre's enrolment credential (or the operator's) acts
                // through the operator's function, for this centre only.
                crate::sync::provision::disable(&mut admin, &store.header().centre_id, &m.installation)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                super::out::line("Its role at the hub can no longer log in.")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
