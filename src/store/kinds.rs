//! The record types by tree name, for code that handles records without
//! knowing their type at compile time: applying a change that arrived from
//! another laptop, writing the value chosen on the conflict screen.

use serde_json::Value as JsonValue;

use super::codec::{self, Class};
use super::crypto::Key;
use super::error::{Result, StoreError};
use super::merge::Json;
use super::record::{Meta, Record, Stored};
use super::records::UserActivity;
use super::trees::TreeId;
use super::tx::Tx;
use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::gate_zone::GateZone;
use crate::domain::night::NightCheck;
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::ServiceItem;
use crate::domain::service_detail::ServiceDetail;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};
use crate::domain::travel::Travel;

/// Opens a stored value into its metadata and JSON fields.
pub type OpenFn = fn(&Key, &'static str, &[u8], &[u8]) -> Result<(Meta, Json)>;
/// Seals metadata and JSON fields for a tree and key.
pub type SealFn = fn(&Key, &str, &[u8], Meta, &Json) -> Result<Vec<u8>>;
/// Writes a record given as metadata and JSON fields, keeping the digest.
pub type WriteFn = fn(&mut Tx<'_>, &Key, &[u8], Meta, &Json) -> Result<()>;

/// What the store needs to handle one record type by its tree name.
#[derive(Clone, Copy)]
pub struct Kind {
    /// The tree.
    pub tree: TreeId,
    /// The class key sealing it.
    pub class: Class,
    /// Entity name (audit).
    pub kind: &'static str,
    /// Decodes a whole record (bincode, as a creation carries it) to JSON fields.
    pub whole: fn(&[u8]) -> Result<Json>,
    /// Opens a stored value into its metadata and JSON fields.
    pub open: OpenFn,
    /// Seals metadata and JSON fields for a tree and key.
    pub seal: SealFn,
    /// The storage key the JSON fields give (refuses a change whose fields
    /// would move the record to another key).
    pub key_of: fn(&Json) -> Result<Vec<u8>>,
    /// Writes the record (sync applying a change, a conflict resolved) and
    /// enters it in the digest, so that such a write does not leave the
    /// digest to be rebuilt from every record at the next read.
    pub write: WriteFn,
}

fn to_json<T: Record>(v: &T) -> Result<Json> {
    match serde_json::to_value(v) {
        Ok(JsonValue::Object(m)) => Ok(m),
        _ => Err(StoreError::Invalid("record not encodable as fields".into())),
    }
}

fn from_json<T: Record>(m: &Json) -> Result<T> {
    serde_json::from_value(JsonValue::Object(m.clone()))
        .map_err(|_| StoreError::Rule(super::rule::Rule::SyncValueUnfit))
}

fn whole<T: Record>(b: &[u8]) -> Result<Json> {
    to_json(&codec::from_bytes::<T>(b, "changelog")?)
}

fn open<T: Record>(k: &Key, tree: &'static str, key: &[u8], raw: &[u8]) -> Result<(Meta, Json)> {
    let s: Stored<T> = codec::open(k, tree, key, raw)?;
    Ok((s.meta, to_json(&s.body)?))
}

fn seal<T: Record>(k: &Key, tree: &str, key: &[u8], meta: Meta, m: &Json) -> Result<Vec<u8>> {
    let body: T = from_json(m)?;
    codec::seal(k, T::CLASS, tree, key, &Stored { meta, body })
}

fn write<T: Record>(tx: &mut Tx<'_>, k: &Key, key: &[u8], meta: Meta, m: &Json) -> Result<()> {
    // Everything that can refuse the value comes before the first write: a
    // refused change from another laptop is set aside and the batch goes on.
    let stored = Stored { meta, body: from_json::<T>(m)? };
    let sealed = codec::seal(k, T::CLASS, T::TREE.name(), key, &stored)?;
    tx.tput_kept(T::TREE, key, sealed)?;
    if tx.note_digest(key, &stored).is_err() {
        // A shard that does not open: the next reader rebuilds the digest.
        tx.digest_stale();
    }
    tx.blind_after_write(key, &stored)
}

fn key_of<T: Record>(m: &Json) -> Result<Vec<u8>> {
    Ok(from_json::<T>(m)?.key())
}

fn kind<T: Record>() -> Kind {
    Kind {
        tree: T::TREE,
        class: T::CLASS,
        kind: T::KIND,
        whole: whole::<T>,
        open: open::<T>,
        seal: seal::<T>,
        key_of: key_of::<T>,
        write: write::<T>,
    }
}

/// The record type kept in `tree`, if that tree holds records.
pub fn by_tree(tree: &str) -> Option<Kind> {
    let t = TreeId::from_name(tree)?;
    Some(match t {
        TreeId::CaseFront => kind::<CaseFront>(),
        TreeId::CasePrivate => kind::<CasePrivate>(),
        TreeId::Medical => kind::<MedicalNote>(),
        TreeId::Notes => kind::<Note>(),
        TreeId::Pickups => kind::<Pickup>(),
        TreeId::Rooms => kind::<Room>(),
        TreeId::Beds => kind::<Bed>(),
        TreeId::Stays => kind::<Stay>(),
        TreeId::Reservations => kind::<Reservation>(),
        TreeId::NightChecks => kind::<NightCheck>(),
        TreeId::Services => kind::<ServiceItem>(),
        TreeId::Referrals => kind::<Referral>(),
        TreeId::Organisations => kind::<Organisation>(),
        TreeId::Travel => kind::<Travel>(),
        TreeId::Consents => kind::<Consent>(),
        TreeId::Users => kind::<UserActivity>(),
        TreeId::Stats => kind::<AnonymisedCase>(),
        TreeId::ServiceDetails => kind::<ServiceDetail>(),
        TreeId::GateZones => kind::<GateZone>(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::strategies as st;

    #[test]
    fn every_record_tree_has_a_kind_and_fields_round_trip() {
        for t in TreeId::ALL {
            let k = by_tree(t.name());
            let holds_records = t.index() >= TreeId::CaseFront.index() && t.index() <= TreeId::Consents.index()
                || matches!(t, TreeId::Users | TreeId::Stats | TreeId::ServiceDetails | TreeId::GateZones);
            assert_eq!(k.is_some(), holds_records, "{t:?}");
        }
        let front = st::sample_case_front();
        let kind = by_tree("case_front").unwrap();
        let json = (kind.whole)(&codec::to_bytes(&front).unwrap()).unwrap();
        assert_eq!((kind.key_of)(&json).unwrap(), front.key());
        let back: CaseFront = from_json(&json).unwrap();
        assert_eq!(back, front);
    }
}
