//! Values sealed to the case class's public key: anyone holding the public
//! key (every role) can seal, only a holder of the case class key can open.
//! Ephemeral X25519 (RFC 7748) → HKDF-SHA-256 (RFC 5869) → XChaCha20-Poly1305.
//!
//! The case class's key pair is derived from the case class key itself
//! (HKDF with a fixed label), so every laptop and every case-key holder
//! computes the same pair, the private half is never stored anywhere, and
//! it is exactly as protected as the case class key that keyslots wrap.
//!
//! Layout of a sealed value: `1 ‖ ephemeral public (32) ‖ nonce ‖ ciphertext ‖ tag`.

use curve25519_dalek::montgomery::MontgomeryPoint;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::crypto::{self, Key};
use super::error::{Result, StoreError};

/// The format byte of a sealed value.
const VERSION: u8 = 1;
/// Label deriving the case class's X25519 private key from the case class key.
const PAIR_LABEL: &[u8] = b"haven case-class x25519 key v1";
/// Label of the key sealing one value.
const BOX_LABEL: &[u8] = b"haven sealed box v1";

/// HMAC-SHA-256 over `parts` with a key of any length (HKDF needs salts
/// that are not 32 bytes).
fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut m) = <Hmac<Sha256> as Mac>::new_from_slice(key) else { return [0u8; 32] };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// HKDF-SHA-256 (RFC 5869) giving 32 bytes.
pub fn hkdf32(salt: &[u8], ikm: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let prk = Zeroizing::new(hmac(salt, &[ikm]));
    Zeroizing::new(hmac(prk.as_ref(), &[info, &[1u8]]))
}

/// X25519 of `scalar` with the point `u` (RFC 7748 §5, clamped).
pub fn x25519(scalar: &[u8; 32], u: &[u8; 32]) -> [u8; 32] {
    MontgomeryPoint(*u).mul_clamped(*scalar).to_bytes()
}

/// The public key of `scalar`: X25519 with the base point 9.
pub fn x25519_public(scalar: &[u8; 32]) -> [u8; 32] {
    MontgomeryPoint::mul_base_clamped(*scalar).to_bytes()
}

/// The case class's X25519 private key, derived from the case class key.
pub fn case_private(case_class: &Key) -> Zeroizing<[u8; 32]> {
    hkdf32(b"", case_class.as_bytes(), PAIR_LABEL)
}

/// The case class's public key, as every keyslot's holder may receive it.
pub fn case_public(case_class: &Key) -> [u8; 32] {
    x25519_public(&case_private(case_class))
}

fn box_key(shared: &[u8; 32], ephemeral: &[u8; 32], recipient: &[u8; 32]) -> Key {
    let k = hkdf32(&[ephemeral.as_slice(), recipient.as_slice()].concat(), shared, BOX_LABEL);
    Key::from_bytes(*k)
}

/// Seals `plain` to `recipient` with `aad` bound in; a fresh ephemeral key
/// each time.
pub fn seal(recipient: &[u8; 32], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let mut e = Zeroizing::new([0u8; 32]);
    crypto::fill_random(e.as_mut())?;
    seal_with(&e, recipient, aad, plain)
}

/// Seals with a caller-chosen ephemeral secret (known-answer tests).
pub fn seal_with(ephemeral_secret: &[u8; 32], recipient: &[u8; 32], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let ephemeral = x25519_public(ephemeral_secret);
    let shared = Zeroizing::new(x25519(ephemeral_secret, recipient));
    // A low-order public key gives an all-zero secret: refuse to seal to it.
    if crypto::ct_eq(shared.as_ref(), &[0u8; 32]) {
        return Err(StoreError::Invalid("not a valid public key".into()));
    }
    let key = box_key(&shared, &ephemeral, recipient);
    let body = crypto::seal(&key, aad, plain)?;
    let mut out = Vec::with_capacity(1 + 32 + body.len());
    out.push(VERSION);
    out.extend_from_slice(&ephemeral);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens a value sealed by [`seal`] with the recipient's private key;
/// `None` when the key is not the one it was sealed to or anything changed.
pub fn open(private: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let [VERSION, rest @ ..] = sealed else { return None };
    if rest.len() < 32 {
        return None;
    }
    let (e, body) = rest.split_at(32);
    let ephemeral: [u8; 32] = e.try_into().ok()?;
    let shared = Zeroizing::new(x25519(private, &ephemeral));
    if crypto::ct_eq(shared.as_ref(), &[0u8; 32]) {
        return None;
    }
    let key = box_key(&shared, &ephemeral, &x25519_public(private));
    crypto::open(&key, aad, body).map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    fn a32(s: &str) -> [u8; 32] {
        unhex(s).try_into().unwrap()
    }

    /// RFC 7748 §6.1: Alice's and Bob's keys and their shared secret.
    #[test]
    fn x25519_matches_rfc7748_vector() {
        let a = a32("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        let b = a32("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        let pa = x25519_public(&a);
        let pb = x25519_public(&b);
        assert_eq!(pa, a32("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
        assert_eq!(pb, a32("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
        let k = a32("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assert_eq!(x25519(&a, &pb), k);
        assert_eq!(x25519(&b, &pa), k);
    }

    /// RFC 5869 A.1 (the first 32 bytes of its 42-byte output).
    #[test]
    fn hkdf_matches_rfc5869_vector() {
        let ikm = [0x0bu8; 22];
        let salt = unhex("000102030405060708090a0b0c");
        let info = unhex("f0f1f2f3f4f5f6f7f8f9");
        let okm = hkdf32(&salt, &ikm, &info);
        assert_eq!(okm.to_vec(), unhex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"));
    }

    #[test]
    fn sealed_to_the_case_class_opens_only_with_it() {
        let case = Key::random().unwrap();
        let other = Key::random().unwrap();
        let public = case_public(&case);
        let sealed = seal(&public, b"aad", b"P<UTOSYNTHETIC<<NAME").unwrap();
        assert!(!sealed.windows(9).any(|w| w == b"SYNTHETIC"));
        assert_eq!(open(&case_private(&case), b"aad", &sealed).unwrap().as_slice(), b"P<UTOSYNTHETIC<<NAME");
        assert!(open(&case_private(&other), b"aad", &sealed).is_none(), "another key");
        assert!(open(&case_private(&case), b"aae", &sealed).is_none(), "another place");
        for i in 0..sealed.len() {
            let mut s = sealed.clone();
            s[i] ^= 0x20;
            assert!(open(&case_private(&case), b"aad", &s).is_none(), "flip at {i}");
        }
        assert!(open(&case_private(&case), b"aad", &sealed[..40]).is_none());
        assert!(seal(&[0u8; 32], b"aad", b"x").is_err(), "a low-order key is refused");
    }

    /// The same inputs give the same box (a regression guard on the layout
    /// and the derivation labels: a change here strands every sealed zone).
    #[test]
    fn the_derivation_and_layout_do_not_change() {
        let case = Key::from_bytes([7u8; 32]);
        let public = case_public(&case);
        assert_eq!(public, case_public(&Key::from_bytes([7u8; 32])));
        let a = seal_with(&[9u8; 32], &public, b"aad", b"zone").unwrap();
        assert_eq!(a[0], 1);
        assert_eq!(&a[1..33], &x25519_public(&[9u8; 32]));
        assert_eq!(a.len(), 1 + 32 + crypto::NONCE_LEN + 4 + crypto::TAG_LEN);
        assert_eq!(open(&case_private(&case), b"aad", &a).unwrap().as_slice(), b"zone");
    }
}
