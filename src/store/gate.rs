//! Passport zones at the gate: reception seals the zone it types to the
//! case class's public key (in the vault header), so the store holds only
//! a value that reception and night sessions cannot open; a case-key
//! holder's session opens it with the private key derived from the case
//! class key (`store::sealed_box`).

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::db::Store;
use super::error::{Result, StoreError};
use super::sealed_box;
use crate::domain::gate_zone::GateZone;
use crate::domain::ids::CaseId;

/// A zone opened by a case-key holder.
#[derive(Debug, Clone)]
pub struct OpenedZone {
    /// The zone as typed.
    pub zone: Zeroizing<String>,
    /// Who entered it at the gate (username).
    pub entered_by: String,
    /// When.
    pub entered_at: DateTime<Utc>,
}

/// The associated data binding a sealed zone to its centre and case, so a
/// value moved to another case does not open.
fn aad(centre: &[u8; 16], case: CaseId) -> Vec<u8> {
    let mut a = b"haven-gate-zone\0".to_vec();
    a.extend_from_slice(centre);
    a.extend_from_slice(case.id().as_bytes());
    a
}

impl Store {
    /// Whether a zone can be sealed here: the header holds the case class's
    /// public key (a centre made before it gets one at the next login of a
    /// case worker or manager).
    pub fn gate_seal_ready(&self) -> bool {
        self.header().case_seal.is_some()
    }

    /// The record holding `zone` sealed for `case`, to put in a save.
    /// Any role may seal; nothing of the zone stays in the clear.
    pub fn seal_gate_zone(&self, case: CaseId, zone: &str) -> Result<GateZone> {
        self.session()?;
        let public = self.header().case_seal.ok_or(StoreError::NotFound("case class public key"))?;
        let sealed = sealed_box::seal(&public, &aad(&self.header().centre_id, case), zone.as_bytes())?;
        Ok(GateZone { case_id: case, sealed })
    }

    /// Whether `case` has a zone waiting (every role may know that much).
    pub fn gate_zone_waiting(&self, case: CaseId) -> Result<bool> {
        Ok(self.get::<GateZone>(case.id().as_bytes())?.is_some_and(|s| s.meta.deleted.is_none()))
    }

    /// Opens the zone waiting for `case`: refused to a session without the
    /// case class key, whatever the screen shows.
    pub fn open_gate_zone(&self, case: CaseId) -> Result<Option<OpenedZone>> {
        let class_key = self.session()?.keys.case.clone().ok_or(StoreError::Forbidden("case files"))?;
        let Some(stored) = self.get::<GateZone>(case.id().as_bytes())? else { return Ok(None) };
        if stored.meta.deleted.is_some() {
            return Ok(None);
        }
        let private = sealed_box::case_private(&class_key);
        let plain = sealed_box::open(&private, &aad(&self.header().centre_id, case), &stored.body.sealed)
            .ok_or(StoreError::Corrupt { tree: "gate_zones" })?;
        let zone =
            Zeroizing::new(String::from_utf8(plain.to_vec()).map_err(|_| StoreError::Corrupt { tree: "gate_zones" })?);
        Ok(Some(OpenedZone { zone, entered_by: stored.meta.created_by, entered_at: stored.meta.created_at }))
    }
}
