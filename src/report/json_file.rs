//! The complete data of the cases a user may read, as one JSON document for
//! migration to another system: each case with its file, services,
//! referrals, consents, journeys, notes, stays and pickups, then the
//! directory, the plan of rooms and beds, and the anonymised statistics of
//! erased cases. Every record keeps its revision, times and authors.
//!
//! Ids are written as 32 hex digits and country and currency codes as text,
//! so that the file reads without Haven.

use std::collections::HashSet;
use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use super::records::{Records, of};
use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::ids::CaseId;
use crate::domain::pickup::Pickup;
use crate::domain::referral::Referral;
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;
use crate::domain::travel::Travel;
use crate::store::Stored;

/// The format name written at the top of the document.
pub const FORMAT: &str = "haven-export";
/// Its version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct CaseDoc<'a> {
    case: &'a Stored<CaseFront>,
    file: Option<&'a Stored<CasePrivate>>,
    services: &'a [Stored<ServiceItem>],
    referrals: &'a [Stored<Referral>],
    consents: &'a [Stored<Consent>],
    travel: &'a [Stored<Travel>],
    notes: &'a [Stored<Note>],
    medical_notes: &'a [Stored<MedicalNote>],
    stays: Vec<&'a Stored<Stay>>,
    pickups: Vec<&'a Stored<Pickup>>,
}

/// Byte arrays as text: 16 bytes (ids) as hex, two or three capital
/// letters (country and currency codes) as letters.
fn readable(v: Value) -> Value {
    match v {
        Value::Array(items) => {
            let bytes: Option<Vec<u8>> = items.iter().map(|x| x.as_u64().and_then(|n| u8::try_from(n).ok())).collect();
            match bytes {
                Some(b) if b.len() == 16 => Value::String(b.iter().map(|x| format!("{x:02x}")).collect()),
                Some(b) if (2..=3).contains(&b.len()) && b.iter().all(u8::is_ascii_uppercase) => {
                    Value::String(b.iter().map(|x| char::from(*x)).collect())
                }
                _ => Value::Array(items.into_iter().map(readable).collect()),
            }
        }
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, readable(v))).collect()),
        other => other,
    }
}

fn json_err(e: serde_json::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// One value, readable, compact, after `key`.
fn field<W: Write, T: Serialize + ?Sized>(w: &mut W, key: &str, value: &T, last: bool) -> std::io::Result<()> {
    let v = readable(serde_json::to_value(value).map_err(json_err)?);
    write!(w, "{}: ", serde_json::to_string(key).map_err(json_err)?)?;
    serde_json::to_writer(&mut *w, &v).map_err(json_err)?;
    w.write_all(if last { b"\n" } else { b",\n" })
}

/// Writes the document for the cases in `keep` to `w`, one case per line so
/// that a large centre never has to fit in memory twice.
pub fn write<W: Write>(w: &mut W, r: &Records, keep: &HashSet<CaseId>, exported_at: &str) -> std::io::Result<()> {
    w.write_all(b"{\n")?;
    field(w, "format", FORMAT, false)?;
    field(w, "version", &VERSION, false)?;
    field(w, "centre", &r.centre, false)?;
    field(w, "exported_at", exported_at, false)?;
    w.write_all(b"\"cases\": [\n")?;
    let mut first = true;
    for c in r.cases.iter().filter(|c| keep.contains(&c.body.id)) {
        let id = c.body.id;
        let doc = CaseDoc {
            case: c,
            file: r.files.get(&id),
            services: of(&r.services, id),
            referrals: of(&r.referrals, id),
            consents: of(&r.consents, id),
            travel: of(&r.travel, id),
            notes: of(&r.notes, id),
            medical_notes: of(&r.medical, id),
            stays: r.stays.iter().filter(|s| s.body.case_id == id).collect(),
            pickups: r.pickups.iter().filter(|p| p.body.case_id == Some(id)).collect(),
        };
        if !first {
            w.write_all(b",\n")?;
        }
        first = false;
        let v = readable(serde_json::to_value(&doc).map_err(json_err)?);
        serde_json::to_writer(&mut *w, &v).map_err(json_err)?;
    }
    w.write_all(b"\n],\n")?;
    // Pickups of no case, or of a case not exported, without the link.
    let unlinked: Vec<Stored<Pickup>> = r
        .pickups
        .iter()
        .filter(|p| p.body.case_id.is_none_or(|c| !keep.contains(&c)))
        .map(|p| {
            let mut p = p.clone();
            p.body.case_id = None;
            p
        })
        .collect();
    field(w, "pickups_without_case", &unlinked, false)?;
    field(w, "organisations", &r.organisations, false)?;
    field(w, "rooms", &r.rooms, false)?;
    field(w, "beds", &r.beds, false)?;
    field(w, "statistics_of_erased_cases", &r.anonymised, true)?;
    w.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_codes_become_text_and_other_arrays_stay() {
        let v = serde_json::json!({
            "id": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,255],
            "country": [82, 85],
            "currency": [82, 85, 66],
            "services": ["medical_care"],
            "numbers": [1, 2],
        });
        let r = readable(v);
        assert_eq!(r["id"], "0102030405060708090a0b0c0d0e0fff");
        assert_eq!(r["country"], "RU");
        assert_eq!(r["currency"], "RUB");
        assert_eq!(r["numbers"], serde_json::json!([1, 2]));
    }
}
