//! How envelopes, checkpoints and roster statements travel: each is sealed
//! once more under a transport key derived from the front key (which every
//! member of staff holds and the hub never does), padded to a size bucket,
//! so the hub sees no class, no case id and no exact size. The nonce is
//! derived from the content: the same envelope always travels as the same
//! bytes, and a hub row that differs is a different envelope.

use crate::store::changelog::ChangeEntry;
use crate::store::codec;
use crate::store::crypto::{self, Key};

/// What a sealed item is (bound into its associated data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Item {
    /// A change-log entry.
    Envelope = 1,
    /// A signed checkpoint.
    Checkpoint = 2,
    /// A roster statement.
    Statement = 3,
    /// A frame of a sync bundle.
    Bundle = 4,
}

const VERSION: u8 = 1;
const SMALLEST_BUCKET: usize = 256;

/// Why a travelling item could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// Too short, wrong version or padding: cut or damaged.
    #[error("truncated or malformed")]
    Malformed,
    /// Authentication failed: altered, or sealed for another centre.
    #[error("altered, or from another centre")]
    Altered,
}

/// The transport key of a centre, from its front key.
pub fn transport_key(front: &Key) -> Key {
    Key::from_bytes(crypto::mac(front, &[b"haven-sync-transport-v1"]))
}

fn aad(centre: &[u8; 16], item: Item, extra: &[u8]) -> Vec<u8> {
    let mut a = b"haven-wire\0".to_vec();
    a.push(VERSION);
    a.extend_from_slice(centre);
    a.push(item as u8);
    a.extend_from_slice(extra);
    a
}

fn pad(plain: &[u8]) -> Vec<u8> {
    let need = plain.len() + 4;
    let bucket = need.next_power_of_two().max(SMALLEST_BUCKET);
    let mut out = Vec::with_capacity(bucket);
    out.extend_from_slice(&(plain.len() as u32).to_be_bytes());
    out.extend_from_slice(plain);
    out.resize(bucket, 0);
    out
}

fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let n = u32::from_be_bytes(padded.get(..4)?.try_into().ok()?) as usize;
    let body = padded.get(4..4 + n)?;
    padded.get(4 + n..)?.iter().all(|b| *b == 0).then_some(body)
}

/// Seals `plain` for travel (deterministically).
pub fn seal(tk: &Key, centre: &[u8; 16], item: Item, extra: &[u8], plain: &[u8]) -> Vec<u8> {
    let padded = zeroize::Zeroizing::new(pad(plain));
    let n = crypto::mac(tk, &[b"nonce", centre, &[item as u8], extra, plain]);
    let mut nonce = [0u8; crypto::NONCE_LEN];
    nonce.copy_from_slice(&n[..crypto::NONCE_LEN]);
    let mut out = vec![VERSION];
    // Sealing with a valid key and nonce cannot fail; an empty result
    // would be refused by every reader.
    out.extend(crypto::seal_with_nonce(tk, &nonce, &aad(centre, item, extra), &padded).unwrap_or_default());
    out
}

/// Opens an item sealed by [`seal`].
pub fn open(tk: &Key, centre: &[u8; 16], item: Item, extra: &[u8], bytes: &[u8]) -> Result<Vec<u8>, WireError> {
    match bytes.first() {
        Some(&VERSION) => {}
        _ => return Err(WireError::Malformed),
    }
    let rest = &bytes[1..];
    if rest.len() < crypto::NONCE_LEN + crypto::TAG_LEN + SMALLEST_BUCKET {
        return Err(WireError::Malformed);
    }
    let padded = crypto::open(tk, &aad(centre, item, extra), rest).ok_or(WireError::Altered)?;
    unpad(&padded).map(|b| b.to_vec()).ok_or(WireError::Malformed)
}

/// Seals a change-log entry for the hub or a bundle.
pub fn seal_entry(tk: &Key, centre: &[u8; 16], e: &ChangeEntry) -> Vec<u8> {
    seal(tk, centre, Item::Envelope, &[], &codec::to_bytes(e).unwrap_or_default())
}

/// Opens a travelling entry.
pub fn open_entry(tk: &Key, centre: &[u8; 16], bytes: &[u8]) -> Result<ChangeEntry, WireError> {
    let plain = open(tk, centre, Item::Envelope, &[], bytes)?;
    codec::from_bytes(&plain, "envelope").map_err(|_| WireError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_items_are_padded_deterministic_and_bound_to_their_centre() {
        let tk = transport_key(&Key::random().unwrap());
        let a = seal(&tk, &[1; 16], Item::Envelope, &[], b"hello");
        let b = seal(&tk, &[1; 16], Item::Envelope, &[], b"hello");
        assert_eq!(a, b);
        assert_eq!(a.len(), 1 + 24 + 256 + 16);
        assert_eq!(open(&tk, &[1; 16], Item::Envelope, &[], &a).unwrap(), b"hello");
        assert_eq!(open(&tk, &[2; 16], Item::Envelope, &[], &a), Err(WireError::Altered));
        assert_eq!(open(&tk, &[1; 16], Item::Checkpoint, &[], &a), Err(WireError::Altered));
        assert_eq!(open(&tk, &[1; 16], Item::Envelope, &[], &a[..100]), Err(WireError::Malformed));
        let mut c = a.clone();
        c[50] ^= 4;
        assert_eq!(open(&tk, &[1; 16], Item::Envelope, &[], &c), Err(WireError::Altered));
        let big = seal(&tk, &[1; 16], Item::Envelope, &[], &[7u8; 300]);
        assert_eq!(big.len(), 1 + 24 + 512 + 16);
    }
}
