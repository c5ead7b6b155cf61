//! The primitives: random bytes, XChaCha20-Poly1305 sealing, Argon2id key
//! derivation, HMAC-SHA-256 and SHA-256. Nothing else in the crate touches a
//! cipher directly, but `store::sealed_box` (X25519 sealing built on these).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::error::{Result, StoreError};

/// Nonce length of XChaCha20-Poly1305.
pub const NONCE_LEN: usize = 24;
/// Authentication tag length.
pub const TAG_LEN: usize = 16;

/// A 256-bit secret key, wiped from memory when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// A fresh random key.
    pub fn random() -> Result<Key> {
        let mut k = [0u8; 32];
        fill_random(&mut k)?;
        Ok(Key(k))
    }

    /// Wraps existing key bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    /// The raw bytes (for wrapping under another key only).
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// Fills `buf` from the operating system's random source.
pub fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|_| StoreError::Io("no random source".into()))
}

/// 16 random bytes, for ids and salts.
pub fn random16() -> Result<[u8; 16]> {
    let mut b = [0u8; 16];
    fill_random(&mut b)?;
    Ok(b)
}

/// Encrypts `plain` under `key` with a fresh random nonce; returns nonce ‖ ciphertext ‖ tag.
pub fn seal(key: &Key, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce)?;
    seal_with_nonce(key, &nonce, aad, plain)
}

/// Encrypts with a caller-chosen nonce (known-answer tests only need this).
pub fn seal_with_nonce(key: &Key, nonce: &[u8; NONCE_LEN], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    let ct = cipher
        .encrypt(XNonce::from_slice(nonce), Payload { msg: plain, aad })
        .map_err(|_| StoreError::Io("encryption failed".into()))?;
    let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
    out.extend_from_slice(nonce);
    out.extend_from_slice(&ct);
    Ok(out)
}

/// Decrypts nonce ‖ ciphertext ‖ tag; `None` when anything was altered.
pub fn open(key: &Key, aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad }).ok()
}

/// Argon2id cost parameters, as stored in the vault header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// The most memory a header may ask for: 1 GiB.
    pub const MAX_M_KIB: u32 = 1024 * 1024;
    /// The most passes a header may ask for.
    pub const MAX_T: u32 = 64;
    /// The most lanes a header may ask for.
    pub const MAX_P: u32 = 16;

    /// Cheap parameters for tests; never written by a release build.
    pub const TESTING: KdfParams = KdfParams { m_kib: 64, t: 1, p: 1 };

    /// Refuses parameters that would let a forged header exhaust the machine
    /// (or that Argon2 itself rejects), before anything is allocated.
    pub fn check(&self) -> Result<()> {
        let ok = (1..=Self::MAX_P).contains(&self.p)
            && (1..=Self::MAX_T).contains(&self.t)
            && self.m_kib >= 8 * self.p
            && self.m_kib <= Self::MAX_M_KIB;
        if ok { Ok(()) } else { Err(StoreError::ForgedKdf) }
    }
}

/// Derives a 32-byte key from a passphrase with Argon2id v1.3.
pub fn derive(params: &KdfParams, passphrase: &[u8], salt: &[u8]) -> Result<Key> {
    params.check()?;
    let p = argon2::Params::new(params.m_kib, params.t, params.p, Some(32)).map_err(|_| StoreError::ForgedKdf)?;
    let a = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p);
    let mut out = [0u8; 32];
    a.hash_password_into(passphrase, salt, &mut out)
        .map_err(|_| StoreError::Invalid("key derivation failed".into()))?;
    let key = Key(out);
    out.zeroize();
    Ok(key)
}

/// HMAC-SHA-256 of `parts`, concatenated.
pub fn mac(key: &Key, parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail for 32 bytes.
    let mut m = match <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()) {
        Ok(m) => m,
        Err(_) => return [0u8; 32],
    };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// SHA-256 of `parts`, concatenated.
pub fn hash(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

/// An Ed25519 signing key (an installation's, or the centre's roster key
/// that managers hold), wiped from memory when dropped.
#[derive(Clone)]
pub struct SigningKey(ed25519_dalek::SigningKey);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(…)")
    }
}

impl SigningKey {
    /// A fresh random key.
    pub fn random() -> Result<SigningKey> {
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        fill_random(seed.as_mut())?;
        Ok(SigningKey(ed25519_dalek::SigningKey::from_bytes(&seed)))
    }

    /// The key from its 32-byte seed.
    pub fn from_seed(seed: &[u8; 32]) -> SigningKey {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    /// The seed (for sealing at rest only).
    pub fn seed(&self) -> zeroize::Zeroizing<[u8; 32]> {
        zeroize::Zeroizing::new(self.0.to_bytes())
    }

    /// The public half.
    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    /// Signs `parts`, concatenated.
    pub fn sign(&self, parts: &[&[u8]]) -> [u8; 64] {
        use ed25519_dalek::Signer;
        self.0.sign(&parts.concat()).to_bytes()
    }
}

/// Whether `sig` is `public`'s signature over `parts` (strict verification:
/// no malleable or small-order forms).
pub fn verify_signature(public: &[u8; 32], parts: &[&[u8]], sig: &[u8]) -> bool {
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(public) else { return false };
    let Ok(sig) = <[u8; 64]>::try_from(sig) else { return false };
    key.verify_strict(&parts.concat(), &ed25519_dalek::Signature::from_bytes(&sig)).is_ok()
}

/// Compares two byte strings in constant time.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// RFC 9106 §5.3 test vector for Argon2id (with secret and associated data).
    #[test]
    fn argon2id_matches_rfc9106_vector() {
        let params = argon2::Params::new(32, 3, 4, Some(32)).unwrap();
        let secret = [3u8; 8];
        let a = argon2::Argon2::new_with_secret(&secret, argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .unwrap();
        // associated data goes through the params builder
        let params = argon2::ParamsBuilder::new()
            .m_cost(32)
            .t_cost(3)
            .p_cost(4)
            .output_len(32)
            .data(argon2::AssociatedData::new(&[4u8; 12]).unwrap())
            .build()
            .unwrap();
        let a2 = argon2::Argon2::new_with_secret(&secret, argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .unwrap();
        let _ = a;
        let mut out = [0u8; 32];
        a2.hash_password_into(&[1u8; 32], &[2u8; 16], &mut out).unwrap();
        assert_eq!(out.to_vec(), unhex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    /// draft-irtf-cfrg-xchacha-03 §A.3.1 test vector for XChaCha20-Poly1305.
    #[test]
    fn xchacha20poly1305_matches_draft_vector() {
        let plaintext = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let aad = unhex("50515253c0c1c2c3c4c5c6c7");
        let key: [u8; 32] =
            unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f").try_into().unwrap();
        let nonce: [u8; 24] = unhex("404142434445464748494a4b4c4d4e4f5051525354555657").try_into().unwrap();
        let expected_ct = unhex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb
             731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452
             2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9
             21f9664c97637da9768812f615c68b13b52e",
        );
        let expected_tag = unhex("c0875924c1c7987947deafd8780acf49");
        let sealed = seal_with_nonce(&Key::from_bytes(key), &nonce, &aad, plaintext).unwrap();
        assert_eq!(&sealed[..24], &nonce);
        assert_eq!(&sealed[24..24 + plaintext.len()], expected_ct.as_slice());
        assert_eq!(&sealed[24 + plaintext.len()..], expected_tag.as_slice());
        assert_eq!(open(&Key::from_bytes(key), &aad, &sealed).unwrap(), plaintext);
    }

    #[test]
    fn forged_kdf_parameters_are_refused_before_allocation() {
        for bad in [
            KdfParams { m_kib: u32::MAX, t: 1, p: 1 },
            KdfParams { m_kib: KdfParams::MAX_M_KIB + 1, t: 1, p: 1 },
            KdfParams { m_kib: 65536, t: 1_000_000, p: 1 },
            KdfParams { m_kib: 65536, t: 0, p: 1 },
            KdfParams { m_kib: 65536, t: 1, p: 0 },
            KdfParams { m_kib: 65536, t: 1, p: 255 },
            KdfParams { m_kib: 4, t: 1, p: 1 },
        ] {
            assert!(matches!(derive(&bad, b"x", &[0u8; 16]), Err(StoreError::ForgedKdf)), "{bad:?}");
        }
    }

    /// RFC 8032 §7.1 test 2 (one-byte message) for Ed25519.
    #[test]
    fn ed25519_matches_rfc8032_vector() {
        let seed: [u8; 32] =
            unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb").try_into().unwrap();
        let k = SigningKey::from_seed(&seed);
        assert_eq!(k.public().to_vec(), unhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        let sig = k.sign(&[&[0x72]]);
        assert_eq!(
            sig.to_vec(),
            unhex(
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da
                 085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
            )
        );
        assert!(verify_signature(&k.public(), &[&[0x72]], &sig));
        assert!(!verify_signature(&k.public(), &[&[0x73]], &sig));
        let mut bad = sig;
        bad[5] ^= 1;
        assert!(!verify_signature(&k.public(), &[&[0x72]], &bad));
        assert!(!verify_signature(&k.public(), &[&[0x72]], &sig[..63]));
    }

    #[test]
    fn any_altered_byte_fails_to_open() {
        let k = Key::random().unwrap();
        let sealed = seal(&k, b"aad", b"hello").unwrap();
        for i in 0..sealed.len() {
            for bit in 0..8 {
                let mut s = sealed.clone();
                s[i] ^= 1 << bit;
                assert!(open(&k, b"aad", &s).is_none());
            }
        }
        assert!(open(&k, b"aae", &sealed).is_none());
        assert!(open(&k, b"aad", &sealed[..10]).is_none());
    }
}
