//! The sync part of the status bar: synced at, or offline since; the
//! laptop heard from least recently; alarms. Hidden when no hub is set up
//! and nothing ever came from another laptop.

use ratatui::text::Span;

use super::context::Ctx;
use crate::store::Store;
use crate::sync::background::{Shown, shown};
use crate::sync::state::SyncState;
use crate::ui::sanitize::inert;
use crate::ui::theme;

fn local_time(ctx: &Ctx, store: &Store, ms: i64) -> String {
    let Some(at) = chrono::DateTime::from_timestamp_millis(ms) else { return String::new() };
    // The console's local clock minus the store's clock is the local offset.
    let offset = ctx.now() - store.now().naive_utc();
    let minutes = (offset.num_seconds() as f64 / 60.0).round() as i64;
    let local = at.naive_utc() + chrono::Duration::minutes(minutes);
    if local.date() == ctx.today() { ctx.i18n.format_time(local.time()) } else { ctx.i18n.format_date(local.date()) }
}

/// The spans to add to the status bar.
pub fn spans(ctx: &Ctx, store: &Store) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    match shown(store) {
        Shown::Off => return out,
        Shown::Synced(ms) => out.push(Span::raw(format!(
            "│ {} ",
            ctx.i18n.t_args("sync-status-synced", &[("time", local_time(ctx, store, ms).into())])
        ))),
        Shown::Offline(0, _) => out.push(Span::styled(format!("│ {} ", ctx.t("sync-status-connecting")), theme::dim())),
        Shown::Offline(since, why) => out.push(Span::styled(
            format!(
                "│ {} ",
                ctx.i18n.t_args(
                    "sync-status-offline",
                    &[("time", local_time(ctx, store, since).into()), ("why", ctx.t(&why).into())]
                )
            ),
            theme::warning(),
        )),
        Shown::Alarms(n) => out.push(Span::styled(
            format!("│ {} ", ctx.i18n.t_args("sync-status-alarms", &[("count", i64::try_from(n).unwrap_or(0).into())])),
            theme::error(),
        )),
    }
    // The laptop heard from least recently.
    if let (Ok(state), Ok(roster)) = (SyncState::load(store), store.roster()) {
        let me = store.header().installation;
        let quietest = roster
            .members()
            .into_iter()
            .filter(|m| m.installation != me && m.revoked_after.is_none())
            .min_by_key(|m| state.heard.get(&m.installation).copied().unwrap_or(0));
        if let Some(m) = quietest {
            let text = match state.heard.get(&m.installation) {
                Some(ms) => ctx.i18n.t_args(
                    "sync-status-heard",
                    &[("laptop", inert(&m.name).into_owned().into()), ("time", local_time(ctx, store, *ms).into())],
                ),
                None => ctx.i18n.t_args("sync-status-never-heard", &[("laptop", inert(&m.name).into_owned().into())]),
            };
            out.push(Span::styled(format!("· {text} "), theme::dim()));
        }
    }
    out
}
