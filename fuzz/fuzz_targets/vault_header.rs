//! The vault header parser: framing, checksum, decoding, KDF caps.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(h) = haven::store::vault::Header::decode(data) {
        // A header that parses never asks for more than the caps allow.
        assert!(h.kdf.check().is_ok());
    }
});
