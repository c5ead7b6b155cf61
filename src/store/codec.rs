//! The one place that knows how a value is laid out on disk:
//! `version ‖ class ‖ nonce ‖ XChaCha20-Poly1305(bincode(value))`, with the
//! tree, the key, the version and the class as associated data, so a value
//! copied to another key or tree fails to decrypt. Changing the format means
//! changing this file and bumping [`VERSION`].

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::crypto::{self, Key};
use super::error::{Result, StoreError};

/// The current value format.
pub const VERSION: u8 = 1;

/// The largest plaintext the decoder accepts; bincode refuses any length
/// prefix that would exceed it before allocating.
pub const MAX_PLAIN: usize = 16 * 1024 * 1024;

/// Which class key a value is sealed under (docs/ARCHITECTURE.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[repr(u8)]
pub enum Class {
    /// What reception and night staff may read.
    Front = 1,
    /// The case file, under each case's own key.
    Case = 2,
    /// Audit events, counters and the change log.
    Audit = 3,
    /// Medical and psychological notes, under each case's own key.
    Medical = 4,
}

impl Class {
    fn from_byte(b: u8) -> Option<Class> {
        match b {
            1 => Some(Class::Front),
            2 => Some(Class::Case),
            3 => Some(Class::Audit),
            4 => Some(Class::Medical),
            _ => None,
        }
    }
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<MAX_PLAIN>()
}

/// Serialises a value to bincode (no encryption).
pub fn to_bytes<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    bincode::serde::encode_to_vec(value, config()).map_err(|_| StoreError::Invalid("value too large to store".into()))
}

/// Deserialises bincode with the size limit; trailing bytes are an error.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8], tree: &'static str) -> Result<T> {
    if bytes.len() > MAX_PLAIN {
        return Err(StoreError::Corrupt { tree });
    }
    match bincode::serde::decode_from_slice::<T, _>(bytes, config()) {
        Ok((v, used)) if used == bytes.len() => Ok(v),
        _ => Err(StoreError::Corrupt { tree }),
    }
}

fn aad(tree: &str, key: &[u8], class: Class) -> Vec<u8> {
    let mut a = Vec::with_capacity(16 + tree.len() + key.len());
    a.extend_from_slice(b"haven\0");
    a.extend_from_slice(tree.as_bytes());
    a.push(0);
    a.extend_from_slice(&(key.len() as u32).to_be_bytes());
    a.extend_from_slice(key);
    a.push(VERSION);
    a.push(class as u8);
    a
}

/// Seals a value for `tree`/`key` under `class_key`.
pub fn seal<T: Serialize>(class_key: &Key, class: Class, tree: &str, key: &[u8], value: &T) -> Result<Vec<u8>> {
    let plain = zeroize::Zeroizing::new(to_bytes(value)?);
    seal_bytes(class_key, class, tree, key, &plain)
}

/// Seals raw bytes for `tree`/`key`.
pub fn seal_bytes(class_key: &Key, class: Class, tree: &str, key: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let body = crypto::seal(class_key, &aad(tree, key, class), plain)?;
    let mut out = Vec::with_capacity(2 + body.len());
    out.push(VERSION);
    out.push(class as u8);
    out.extend_from_slice(&body);
    Ok(out)
}

/// The class a stored value claims, without decrypting it.
pub fn class_of(stored: &[u8]) -> Option<Class> {
    match stored {
        [VERSION, c, ..] => Class::from_byte(*c),
        _ => None,
    }
}

/// Opens a value sealed by [`seal_bytes`]; any alteration is [`StoreError::Corrupt`].
pub fn open_bytes(
    class_key: &Key,
    tree: &'static str,
    key: &[u8],
    stored: &[u8],
) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let class = class_of(stored).ok_or(StoreError::Corrupt { tree })?;
    let plain = crypto::open(class_key, &aad(tree, key, class), &stored[2..]).ok_or(StoreError::Corrupt { tree })?;
    Ok(zeroize::Zeroizing::new(plain))
}

/// Opens and decodes a value sealed by [`seal`].
pub fn open<T: DeserializeOwned>(class_key: &Key, tree: &'static str, key: &[u8], stored: &[u8]) -> Result<T> {
    let plain = open_bytes(class_key, tree, key, stored)?;
    from_bytes(&plain, tree)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        name: String,
        n: u64,
        list: Vec<u32>,
    }

    /// A pickup as centres saved it before the three fields that came with
    /// corrections and arrivals that are not flights.
    #[derive(serde::Serialize)]
    struct PickupBeforeCorrections {
        id: crate::domain::ids::PickupId,
        flight: crate::domain::flight::FlightNumber,
        origin: String,
        airport: String,
        terminal: Option<String>,
        scheduled: chrono::NaiveDateTime,
        estimated: Option<chrono::NaiveDateTime>,
        actual: Option<chrono::NaiveDateTime>,
        meeting_point: String,
        escort: Option<String>,
        recognition: String,
        needs: crate::domain::pickup::Needs,
        case_id: Option<crate::domain::ids::CaseId>,
        status: crate::domain::pickup::PickupStatus,
        changes: Vec<(crate::domain::pickup::PickupStatus, chrono::NaiveDateTime)>,
        reason: String,
    }

    #[test]
    fn a_pickup_saved_before_its_newer_fields_still_reads() {
        use crate::domain::pickup::{Needs, Pickup, PickupStatus};
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap().and_hms_opt(6, 40, 0).unwrap();
        let old = PickupBeforeCorrections {
            id: crate::domain::ids::PickupId::from_bytes([7; 16]),
            flight: "SU1234".parse().unwrap(),
            origin: "Tashkent".into(),
            airport: "SVO".into(),
            terminal: Some("B".into()),
            scheduled: at,
            estimated: None,
            actual: Some(at),
            meeting_point: "Gate 3".into(),
            escort: None,
            recognition: "green scarf".into(),
            needs: Needs::default(),
            case_id: None,
            status: PickupStatus::Met,
            changes: vec![(PickupStatus::Scheduled, at), (PickupStatus::Met, at)],
            reason: String::new(),
        };
        // As the last field of a stored record (`Stored { meta, body }`).
        let bytes = to_bytes(&(7u64, old)).unwrap();
        let (n, read): (u64, Pickup) = from_bytes(&bytes, "pickups").unwrap();
        assert_eq!((n, read.status, read.recognition.as_str()), (7, PickupStatus::Met, "green scarf"));
        assert_eq!((read.met_effect, read.corrected, read.by), (None, false, Default::default()));
        // And a pickup of today reads back whole.
        let mut now = read.clone();
        now.corrected = true;
        now.by = crate::domain::transport::Transport::Train;
        assert_eq!(from_bytes::<Pickup>(&to_bytes(&now).unwrap(), "pickups").unwrap(), now);
    }

    fn sample() -> Sample {
        Sample { name: "Юлия Щукина".into(), n: 42, list: vec![1, 2, 3] }
    }

    #[test]
    fn round_trip() {
        let k = Key::random().unwrap();
        let v = seal(&k, Class::Front, "cases", b"key1", &sample()).unwrap();
        assert_eq!(class_of(&v), Some(Class::Front));
        let back: Sample = open(&k, "cases", b"key1", &v).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn every_single_bit_flip_is_detected() {
        let k = Key::random().unwrap();
        let v = seal(&k, Class::Case, "cases", b"key1", &sample()).unwrap();
        for i in 0..v.len() {
            for bit in 0..8 {
                let mut w = v.clone();
                w[i] ^= 1 << bit;
                assert!(open::<Sample>(&k, "cases", b"key1", &w).is_err(), "flip at byte {i} bit {bit}");
            }
        }
    }

    #[test]
    fn a_value_copied_to_another_key_or_tree_fails() {
        let k = Key::random().unwrap();
        let v = seal(&k, Class::Front, "cases", b"key1", &sample()).unwrap();
        assert!(open::<Sample>(&k, "cases", b"key2", &v).is_err());
        assert!(open::<Sample>(&k, "pickups", b"key1", &v).is_err());
        // the class byte is bound too
        let mut w = v.clone();
        w[1] = Class::Case as u8;
        assert!(open::<Sample>(&k, "cases", b"key1", &w).is_err());
        // and the key of another class cannot open it
        assert!(open::<Sample>(&Key::random().unwrap(), "cases", b"key1", &v).is_err());
    }

    #[test]
    fn a_length_bomb_is_refused_not_allocated() {
        // A String whose varint length prefix (0xFD + u64) announces 1 TiB,
        // followed by three bytes: 12 bytes in all.
        let mut bomb = vec![0xFD];
        bomb.extend_from_slice(&(1u64 << 40).to_le_bytes());
        bomb.extend_from_slice(b"abc");
        assert_eq!(bomb.len(), 12);
        assert!(from_bytes::<String>(&bomb, "t").is_err());
        assert!(from_bytes::<Vec<u8>>(&bomb, "t").is_err());
        assert!(from_bytes::<Sample>(&bomb, "t").is_err());
        // Even sealed under a valid key, the decoder refuses it.
        let k = Key::random().unwrap();
        let v = seal_bytes(&k, Class::Front, "t", b"k", &bomb).unwrap();
        assert!(open::<Vec<u8>>(&k, "t", b"k", &v).is_err());
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut b = to_bytes(&7u32).unwrap();
        b.push(0);
        assert!(from_bytes::<u32>(&b, "t").is_err());
    }
}
