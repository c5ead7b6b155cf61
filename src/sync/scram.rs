//! SCRAM-SHA-256 verifiers computed on the laptop (RFC 5802, RFC 7677), in
//! the form PostgreSQL stores in `pg_authid`: a password reaches the hub
//! only as `SCRAM-SHA-256$4096:salt$StoredKey:ServerKey`, never as text a
//! server log could keep.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// PostgreSQL's own iteration count.
pub const ITERATIONS: u32 = 4096;

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts a key of any length: new_from_slice cannot fail.
    let mut m = match HmacSha256::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => return [0; 32],
    };
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// PBKDF2-HMAC-SHA-256, one 32-byte block.
fn pbkdf2(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut u = hmac(password, &[salt, &1u32.to_be_bytes()]);
    let mut out = u;
    for _ in 1..iterations {
        u = hmac(password, &[&u]);
        for (o, x) in out.iter_mut().zip(u.iter()) {
            *o ^= x;
        }
    }
    out
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// The verifier of `password` with `salt`.
pub fn verifier_with_salt(password: &str, salt: &[u8]) -> String {
    let salted = pbkdf2(password.as_bytes(), salt, ITERATIONS);
    let client_key = hmac(&salted, &[b"Client Key"]);
    let stored_key: [u8; 32] = Sha256::digest(client_key).into();
    let server_key = hmac(&salted, &[b"Server Key"]);
    format!("SCRAM-SHA-256${ITERATIONS}:{}${}:{}", base64(salt), base64(&stored_key), base64(&server_key))
}

/// The verifier of `password` with a fresh random salt.
pub fn verifier(password: &str) -> Result<String, crate::store::StoreError> {
    let mut salt = [0u8; 16];
    crate::store::crypto::fill_random(&mut salt)?;
    Ok(verifier_with_salt(password, &salt))
}

/// A new random password (hex, 48 characters).
pub fn new_password() -> Result<String, crate::store::StoreError> {
    let mut pw = [0u8; 24];
    crate::store::crypto::fill_random(&mut pw)?;
    Ok(pw.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn pbkdf2_matches_the_published_vector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first block.
        let out = pbkdf2(b"passwd", b"salt", 1);
        let hex: String = out.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    #[test]
    fn a_verifier_holds_no_password_text() {
        let v = verifier_with_salt("secretpassword", b"0123456789abcdef");
        assert!(v.starts_with("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$"));
        assert!(!v.contains("secretpassword"));
        assert_ne!(verifier("x").unwrap(), verifier("x").unwrap(), "a fresh salt each time");
    }
}
