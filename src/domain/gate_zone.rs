//! A passport's machine-readable zone typed by reception at the gate,
//! kept only sealed to the case class's public key (`store::sealed_box`):
//! reception and night staff, who hold the record, cannot read what it
//! holds. A case worker opens it in the file, applies it through the
//! zone preview or dismisses it, and the record is removed.

use serde::{Deserialize, Serialize};

use super::ids::CaseId;

/// The sealed zone of one case (one at a time: a new one replaces it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateZone {
    /// The case the passport belongs to.
    pub case_id: CaseId,
    /// The zone's text sealed to the case class's public key.
    pub sealed: Vec<u8>,
}
