//! Record ids: random 16-byte values (the caller draws them), shown as hex.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A record id: 16 random bytes drawn by the store; the domain never draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Id(pub [u8; 16]);

/// Why a text is not an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum IdError {
    /// Not exactly 32 characters.
    #[error("id must be 32 hex characters")]
    Length,
    /// A character outside `0-9a-fA-F`.
    #[error("id contains a non-hex character")]
    NotHex,
}

impl Id {
    /// Wraps raw bytes.
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// The raw bytes, e.g. as a sled key.
    pub const fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl FromStr for Id {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let raw = s.as_bytes();
        if raw.len() != 32 {
            return Err(IdError::Length);
        }
        let mut out = [0u8; 16];
        for (slot, pair) in out.iter_mut().zip(raw.chunks_exact(2)) {
            let (hi, lo) = match pair {
                [h, l] => (hex_value(*h), hex_value(*l)),
                _ => (None, None),
            };
            match (hi, lo) {
                (Some(h), Some(l)) => *slot = (h << 4) | l,
                _ => return Err(IdError::NotHex),
            }
        }
        Ok(Self(out))
    }
}

/// Declares typed id newtypes so a `BedId` can never be passed as a `CaseId`.
macro_rules! typed_ids {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Id);

        impl $name {
            /// The untyped id.
            pub const fn id(self) -> Id {
                self.0
            }
            /// Wraps raw bytes.
            pub const fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(Id(bytes))
            }
            /// The raw bytes.
            pub const fn as_bytes(&self) -> &[u8; 16] {
                &self.0 .0
            }
        }

        impl From<Id> for $name {
            fn from(id: Id) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Id {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Id::from_str(s).map(Self)
            }
        }
    )+};
}

typed_ids! {
    /// Id of a case (both its front and private parts).
    CaseId,
    /// Id of an airport pickup.
    PickupId,
    /// Id of a room.
    RoomId,
    /// Id of a bed.
    BedId,
    /// Id of a stay (case in a bed over a period).
    StayId,
    /// Id of a bed reservation.
    ReservationId,
    /// Id of a night roll-call.
    NightCheckId,
    /// Id of a service checklist item.
    ServiceItemId,
    /// Id of a referral.
    ReferralId,
    /// Id of an organisation in the directory.
    OrganisationId,
    /// Id of a journey (domestic transport or repatriation).
    TravelId,
    /// Id of a consent record.
    ConsentId,
    /// Id of a case note.
    NoteId,
    /// Id of a medical or psychological note.
    MedicalNoteId,
    /// Id of this installation of Haven.
    InstallationId,
}

/// How many leading bytes of a service item's or a stay's id are its case's id.
pub const CASE_PREFIX_LEN: usize = 8;

/// Ids of records that lie under their case's key prefix: the first
/// [`CASE_PREFIX_LEN`] bytes are the case's, the rest are drawn at random.
/// A case's records are then read with one prefix scan instead of reading
/// every record of the kind the centre holds.
macro_rules! case_prefixed_ids {
    ($($name:ident),+ $(,)?) => {$(
        impl $name {
            /// The id of a record of `case`: the case's prefix, then `drawn`'s other bytes.
            pub fn in_case(case: CaseId, drawn: $name) -> Self {
                let mut bytes = *drawn.as_bytes();
                bytes[..CASE_PREFIX_LEN].copy_from_slice(&Self::case_prefix(case));
                Self::from_bytes(bytes)
            }

            /// The key prefix the records of `case` share.
            pub fn case_prefix(case: CaseId) -> [u8; CASE_PREFIX_LEN] {
                let mut p = [0u8; CASE_PREFIX_LEN];
                p.copy_from_slice(&case.as_bytes()[..CASE_PREFIX_LEN]);
                p
            }

            /// Whether this id lies under the prefix of `case`.
            pub fn is_in_case(&self, case: CaseId) -> bool {
                self.as_bytes()[..CASE_PREFIX_LEN] == Self::case_prefix(case)
            }
        }
    )+};
}

case_prefixed_ids!(ServiceItemId, StayId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_item_id_starts_with_its_case_and_keeps_the_drawn_rest() {
        let case = CaseId::from_bytes([7; 16]);
        let drawn = ServiceItemId::from_bytes([0xa5; 16]);
        let id = ServiceItemId::in_case(case, drawn);
        assert_eq!(&id.as_bytes()[..CASE_PREFIX_LEN], &[7; CASE_PREFIX_LEN]);
        assert_eq!(&id.as_bytes()[CASE_PREFIX_LEN..], &[0xa5; 16 - CASE_PREFIX_LEN]);
        assert!(id.is_in_case(case));
        assert!(!drawn.is_in_case(case));
        assert!(!id.is_in_case(CaseId::from_bytes([8; 16])));
    }

    #[test]
    fn id_prints_as_lowercase_hex_and_parses_back() {
        let id = Id::from_bytes([
            0x00, 0x01, 0xab, 0xcd, 0xef, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xff,
        ]);
        let text = id.to_string();
        assert_eq!(text, "0001abcdef102030405060708090a0ff");
        assert_eq!(text.parse::<Id>(), Ok(id));
        assert_eq!("0001ABCDEF102030405060708090A0FF".parse::<Id>(), Ok(id));
    }

    #[test]
    fn id_rejects_wrong_length_and_non_hex() {
        assert_eq!("".parse::<Id>(), Err(IdError::Length));
        assert_eq!("00".repeat(17).parse::<Id>(), Err(IdError::Length));
        assert_eq!(format!("{}zz", "00".repeat(15)).parse::<Id>(), Err(IdError::NotHex));
        // Multi-byte characters must not panic the byte-wise parser.
        assert!(format!("{}é", "0".repeat(30)).parse::<Id>().is_err());
    }

    #[test]
    fn typed_ids_wrap_and_unwrap() {
        let id = Id([7; 16]);
        let case = CaseId::from(id);
        assert_eq!(case.id(), id);
        assert_eq!(case.to_string(), id.to_string());
        assert_eq!(Id::from(case), id);
        assert_eq!(case.to_string().parse::<CaseId>(), Ok(case));
        assert_eq!(BedId::from_bytes([7; 16]).as_bytes(), &[7; 16]);
    }
}
