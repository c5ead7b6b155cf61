//! Installations: enrolling a laptop in the roster (a laptop restored from
//! a backup of another, or one that forked, gets an identity of its own),
//! listing them with when each was last heard from, revoking a lost one.

use super::state::{AlarmKind, Head, SyncState};
use crate::store::roster::{Member, Trust, short_id};
use crate::store::{Store, StoreError};

/// Gives this laptop its own identity in the roster (managers). A laptop
/// whose identity is already enrolled — a copy restored from a backup of
/// another laptop — becomes a new installation and keeps the history it
/// came with as the other laptop's.
pub fn enrol(store: &mut Store, name: &str) -> Result<[u8; 16], StoreError> {
    let me = store.header().installation;
    if store.roster()?.trust(&me, 0) == Trust::Unknown {
        store.enrol_self(name)?;
        return Ok(me);
    }
    let (head, _) = store.own_head()?;
    reenrol(store, name, head)
}

/// Re-enrols after a fork: the changes of this laptop's old identity up to
/// `keep` stay; the ones after are issued again under the new identity.
pub fn reenrol(store: &mut Store, name: &str, keep: u64) -> Result<[u8; 16], StoreError> {
    let r = store.reenrol(name, keep)?;
    let mut state = SyncState::load(store)?;
    if r.kept > 0
        && let Some(e) = store.held_entry(&r.old, r.kept)?
    {
        state.heads.insert(r.old, Head { seq: r.kept, hash: e.hash() });
    }
    // The fork alarms about the old identity are answered.
    state.alarms.retain(|a| !(a.kind == AlarmKind::Fork && a.inst == r.old));
    state.hub_seen.remove(&r.old);
    state.own_pushed = 0;
    state.ck_seq = 0;
    state.ck_last.clear();
    super::receive::save(store, &state)?;
    Ok(r.new)
}

/// Where a fork of this laptop's identity starts, if one was seen.
pub fn fork_point(store: &Store) -> Result<Option<u64>, StoreError> {
    let me = store.header().installation;
    let state = SyncState::load(store)?;
    Ok(state.alarms.iter().filter(|a| a.kind == AlarmKind::Fork && a.inst == me).map(|a| a.seq).min())
}

/// One installation as `haven device list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// Roster entry.
    pub member: Member,
    /// This laptop.
    pub this: bool,
    /// Last sequence held here.
    pub head: u64,
    /// Last time something new came from it (ms), if ever.
    pub heard_ms: Option<i64>,
    /// The highest sequence a checkpoint says it has.
    pub claimed: u64,
}

/// Every installation of the roster.
pub fn list(store: &Store) -> Result<Vec<Device>, StoreError> {
    let me = store.header().installation;
    let state = SyncState::load(store)?;
    let (own, _) = store.own_head()?;
    Ok(store
        .roster()?
        .members()
        .into_iter()
        .map(|m| {
            let this = m.installation == me;
            Device {
                head: if this { own } else { state.head(&m.installation).seq },
                heard_ms: state.heard.get(&m.installation).copied(),
                claimed: state.claimed.get(&m.installation).copied().unwrap_or(0),
                this,
                member: m,
            }
        })
        .collect())
}

/// Finds an installation by the start of its id (as `device list` prints it).
pub fn find(store: &Store, prefix: &str) -> Result<Member, StoreError> {
    let p = prefix.trim().to_ascii_lowercase();
    let found: Vec<Member> = store
        .roster()?
        .members()
        .into_iter()
        .filter(|m| {
            let hex: String = m.installation.iter().map(|b| format!("{b:02x}")).collect();
            p.len() >= 4 && hex.starts_with(&p) || m.name == prefix
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(StoreError::NotFound("installation")),
        _ => Err(StoreError::Rule(crate::store::Rule::SyncDeviceAmbiguous)),
    }
}

/// Revokes an installation: its changes after the last one held here are
/// refused everywhere (revoking protects future data only).
pub fn revoke(store: &Store, prefix: &str) -> Result<(Member, u64), StoreError> {
    let m = find(store, prefix)?;
    if m.installation == store.header().installation {
        return Err(StoreError::Rule(crate::store::Rule::SyncRevokeSelf));
    }
    let state = SyncState::load(store)?;
    let after = state.head(&m.installation).seq;
    store.revoke(m.installation, after)?;
    Ok((m, after))
}

/// The short id people see.
pub fn short(id: &[u8; 16]) -> String {
    short_id(id)
}
