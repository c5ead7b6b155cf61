//! Stored values: the sealed envelope (with a fixed key) and the bincode
//! decoder with its size limit, for every kind of record.
#![no_main]

use haven::domain::case::{CaseFront, CasePrivate};
use haven::domain::pickup::Pickup;
use haven::store::Stored;
use haven::store::codec;
use haven::store::crypto::Key;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = codec::from_bytes::<Stored<CaseFront>>(data, "fuzz");
    let _ = codec::from_bytes::<Stored<CasePrivate>>(data, "fuzz");
    let _ = codec::from_bytes::<Stored<Pickup>>(data, "fuzz");
    let _ = codec::from_bytes::<haven::store::changelog::ChangeEntry>(data, "fuzz");
    let key = Key::from_bytes([7u8; 32]);
    let _ = codec::open::<Stored<CaseFront>>(&key, "case_front", b"k", data);
});
