//! `haven sync`: push and pull once with the centre's hub, then show the
//! state: last sync, the laptops last heard from, changes waiting, alarms.

use std::process::ExitCode;

use super::args::{Cli, SyncArgs};
use super::{creds, paths};
use crate::store::roster::short_id;
use crate::sync::hub::{self, SyncError};
use crate::sync::state::SyncState;

fn when(ms: Option<i64>) -> String {
    ms.and_then(chrono::DateTime::from_timestamp_millis)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "never".into())
}

/// Prints the state and the alarms.
pub(crate) fn print_state(store: &crate::store::Store) -> anyhow::Result<usize> {
    let state = SyncState::load(store)?;
    super::out::line(&format!("Last sync: {}", when(state.last_sync_ms)))?;
    if let Some(since) = state.offline_since_ms {
        // hubflow (issue 18 §4): the reason in plain words, and the server's own.
        let i18n = crate::i18n::I18n::new(crate::i18n::choose_lang(None, None));
        let why = i18n.t(state.last_error.as_deref().unwrap_or("sync-error-hub"));
        super::out::line(
            &i18n.t_args("sync-unreachable-since", &[("time", when(Some(since)).into()), ("why", why.into())]),
        )?;
        if let Some(detail) = &state.extra.last_error_detail {
            let detail = crate::ui::sanitize::inert(detail).into_owned();
            super::out::line(&i18n.t_args("sync-last-error-detail", &[("detail", detail.into())]))?;
        }
    }
    for d in crate::sync::device::list(store)? {
        let revoked = if d.member.revoked_after.is_some() { " (revoked)" } else { "" };
        let this = if d.this { " (this laptop)" } else { "" };
        let behind =
            if d.claimed > d.head { format!(", {} more known to exist", d.claimed - d.head) } else { String::new() };
        super::out::line(&format!(
            "  {} {}{}{}: {} changes held, last heard {}{}",
            short_id(&d.member.installation),
            d.member.name,
            this,
            revoked,
            d.head,
            when(d.heard_ms),
            behind
        ))?;
    }
    if !state.pending.is_empty() {
        super::out::line(&format!("{} change(s) wait for a session that holds their key.", state.pending.len()))?;
    }
    let open = crate::sync::conflicts::count(store);
    if open > 0 {
        super::out::line(&format!(
            "{open} record(s) with a conflict: open the conflict screen from the dashboard (k)."
        ))?;
    }
    for a in &state.alarms {
        super::out::line(&format!(
            "ALARM {} {}: installation {} change {} ({:?})",
            when(Some(a.at_ms)),
            a.kind.name(),
            short_id(&a.inst),
            a.seq,
            a.source
        ))?;
    }
    // hubflow (issue 18 §4): every kind with its count, kept alarms or not.
    let i18n = crate::i18n::I18n::new(crate::i18n::choose_lang(None, None));
    for (kind, count) in &state.extra.alarm_counts {
        let count = i64::try_from(*count).unwrap_or(i64::MAX);
        super::out::line(&i18n.t_args("sync-alarm-count", &[("kind", kind.name().into()), ("count", count.into())]))?;
    }
    Ok(state.alarms.len())
}

/// Runs `haven sync`.
pub fn run(cli: &Cli, a: &SyncArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut store = creds::open(&dir)?;
    paths::start_log(&dir);
    if a.clear_alarms {
        store.authorize(crate::domain::permissions::Act::ReviewAudit, crate::domain::permissions::DataClass::Front)?;
        let mut state = SyncState::load(&store)?;
        let n = state.clear_alarms();
        crate::sync::receive::save(&store, &state)?;
        store.audit(
            crate::store::AuditEntry::new(crate::store::AuditAction::Update, "sync")
                .summary(format!("{n} alarm(s) acknowledged")),
        )?;
        super::out::line(&format!("{n} alarm(s) acknowledged."))?;
        return Ok(ExitCode::SUCCESS);
    }
    if !a.status {
        let Some(mut hub) = crate::sync::setup::connect(&store).map_err(|e| match e {
            crate::sync::setup::SetupError::Hub(h) => {
                // hubflow (issue 18 §4): kept for `sync --status`, said in plain words.
                let _ = hub::record_failure(&store, &h);
                let i18n = crate::i18n::I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
                let detail = crate::ui::sanitize::inert(&h.to_string()).into_owned();
                anyhow::anyhow!(
                    i18n.t_args("sync-hub-not-reached", &[("why", i18n.t(h.key()).into()), ("detail", detail.into())])
                )
            }
            crate::sync::setup::SetupError::Store(s) => s.into(),
        })?
        else {
            anyhow::bail!("no hub is configured on this laptop: haven hub init --url URL --ca FILE");
        };
        hub.listen();
        match hub::sync(&mut store, &mut hub) {
            Ok(r) => super::out::line(&format!(
                "Synced: {} sent, {} received ({} applied, {} repeated, {} waiting for a key, {} set aside); {} bytes up, {} down.",
                r.pushed,
                r.received.accepted,
                r.received.applied,
                r.received.repeated,
                r.received.pending,
                r.received.rejected,
                r.bytes_up,
                r.bytes_down
            ))?,
            Err(SyncError::Hub(e)) => {
                let i18n = crate::i18n::I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
                let detail = crate::ui::sanitize::inert(&e.to_string()).into_owned();
                super::out::line(
                    &i18n.t_args("sync-hub-not-reached", &[("why", i18n.t(e.key()).into()), ("detail", detail.into())]),
                )?
            }
            Err(SyncError::Store(e)) => return Err(e.into()),
        }
    }
    let alarms = print_state(&store)?;
    Ok(if alarms > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
