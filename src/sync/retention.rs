//! Retention at the hub: `haven hub tidy` (a manager, with the centre's
//! enrolment credential) drops the envelopes that every active laptop of
//! the centre holds — as its latest signed checkpoint at the hub says —
//! and that a verified backup of this laptop covers, keeping each
//! installation's last envelope (the head laptops compare against). A new
//! laptop then starts from a backup at least that recent; one restored from
//! an older backup would miss what was dropped. Erasures noted here are
//! carried first (`sync/erasure.rs`).

use std::collections::BTreeMap;
use std::path::Path;

use super::checkpoint::Checkpoint;
use super::hub::Hub;
use super::setup::SetupError;
use super::wire::{self, Item};
use crate::store::roster::Trust;
use crate::store::{Store, StoreError, codec};

/// What `tidy` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Erased cases carried to the hub.
    pub erased_cases: usize,
    /// Rows emptied at the hub.
    pub erased_rows: u64,
    /// Envelopes dropped, or None with why not.
    pub dropped: Option<u64>,
    /// Why nothing was dropped.
    pub why_not: Option<String>,
}

/// Per installation, the highest sequence a verified backup at `path` holds.
pub fn backup_heads(store: &Store, path: &Path) -> Result<BTreeMap<[u8; 16], u64>, StoreError> {
    let archive = crate::store::backup::read_archive(path, &store.session()?.keys.audit)?;
    let header = archive.parsed_header()?;
    if header.centre_id != store.header().centre_id {
        return Err(StoreError::Invalid("that backup is of another centre".into()));
    }
    let mut out = BTreeMap::new();
    for (name, entries) in &archive.trees {
        for (k, _) in entries {
            let (inst, seq) = match name.as_str() {
                "changelog" => (Some(header.installation), k.get(..8)),
                "envelopes" => (k.get(..16).and_then(|i| <[u8; 16]>::try_from(i).ok()), k.get(16..24)),
                _ => continue,
            };
            let seq = seq.and_then(|s| <[u8; 8]>::try_from(s).ok()).map(u64::from_be_bytes);
            if let (Some(i), Some(s)) = (inst, seq) {
                let e = out.entry(i).or_insert(0);
                *e = (*e).max(s);
            }
        }
    }
    Ok(out)
}

/// Per installation, the highest sequence every active laptop holds, from
/// their latest verified checkpoints at the hub; Err with why when a laptop
/// has none. Active: not revoked in the roster here, and every
/// installation enrolled at the hub and not disabled (one this laptop has
/// not heard of yet included: then nothing is dropped).
pub fn held_by_all(
    store: &Store,
    client: &mut postgres::Client,
    hub: &mut dyn Hub,
) -> Result<Result<BTreeMap<[u8; 16], u64>, String>, SetupError> {
    let centre = store.header().centre_id;
    let tk = wire::transport_key(&store.session()?.keys.front);
    let roster = store.roster()?;
    let pulled = hub.pull(&BTreeMap::new(), 1)?;
    let mut latest: BTreeMap<[u8; 16], Checkpoint> = BTreeMap::new();
    for (dev, n, raw) in &pulled.checkpoints {
        let ck = wire::open(&tk, &centre, Item::Checkpoint, &[], raw)
            .ok()
            .and_then(|p| codec::from_bytes::<Checkpoint>(&p, "checkpoint").ok())
            .filter(|c| c.inst == *dev && c.seq == *n && c.centre == centre);
        let Some(ck) = ck else { continue };
        if !matches!(roster.trust(dev, 0), Trust::Trusted(p) if ck.valid(&p)) {
            continue;
        }
        if latest.get(dev).is_none_or(|c| c.seq < ck.seq) {
            latest.insert(*dev, ck);
        }
    }
    let mut active: Vec<[u8; 16]> =
        roster.members().into_iter().filter(|m| m.revoked_after.is_none()).map(|m| m.installation).collect();
    for d in super::provision::enrolled(client, &centre)? {
        if !active.contains(&d) && !matches!(roster.trust(&d, 0), Trust::Revoked) {
            active.push(d);
        }
    }
    let mut out: Option<BTreeMap<[u8; 16], u64>> = None;
    for m in &active {
        let Some(ck) = latest.get(m) else {
            return Ok(Err(format!(
                "laptop {} has no checkpoint at the hub yet (it must sync first)",
                super::device::short(m)
            )));
        };
        let claims: BTreeMap<[u8; 16], u64> = ck.heads.iter().map(|h| (h.inst, h.seq)).collect();
        out = Some(match out {
            None => claims,
            Some(prev) => prev.into_iter().map(|(i, s)| (i, s.min(claims.get(&i).copied().unwrap_or(0)))).collect(),
        });
    }
    Ok(Ok(out.unwrap_or_default()))
}

/// Carries the erasures, then drops what every laptop holds and the backup
/// covers (see the module comment).
pub fn tidy(
    store: &Store,
    client: &mut postgres::Client,
    hub: &mut dyn Hub,
    backup: Option<&Path>,
) -> Result<Tidied, SetupError> {
    store.authorize(crate::domain::permissions::Act::AdministerUsers, crate::domain::permissions::DataClass::Front)?;
    let (erased_cases, erased_rows) = super::erasure::carry(store, client)?;
    let mut out = Tidied { erased_cases, erased_rows, ..Tidied::default() };
    let Some(backup) = backup else {
        out.why_not = Some("give --backup FILE (a backup of this laptop) to drop what it covers".into());
        return Ok(out);
    };
    let covered = backup_heads(store, backup)?;
    let held = match held_by_all(store, client, hub)? {
        Ok(h) => h,
        Err(why) => {
            out.why_not = Some(why);
            return Ok(out);
        }
    };
    let centre = super::pg::uuid(&store.header().centre_id);
    let mut dropped = 0u64;
    for (inst, seq) in held {
        let upto = seq.min(covered.get(&inst).copied().unwrap_or(0));
        if upto == 0 {
            continue;
        }
        let n: i64 = client
            .query_one(
                "SELECT haven_retain($1::text::uuid, $2::text::uuid, $3)",
                &[&centre, &super::pg::uuid(&inst), &i64::try_from(upto).unwrap_or(i64::MAX)],
            )
            .map_err(|e| SetupError::Hub(super::pg::classify(e)))?
            .get(0);
        dropped += u64::try_from(n).unwrap_or(0);
    }
    out.dropped = Some(dropped);
    Ok(out)
}
