//! Records saved by earlier versions still read. Records are stored as
//! bincode, which has no field names: a field inserted, removed or retyped
//! makes every record saved before it unreadable, and `serde(default)` does
//! not help (see `domain::pickup::added_later`). One sample of each record
//! kind, as this version encodes it, is kept under
//! `tests/fixtures/layouts/<kind>.<n>.hex`; every file kept there must
//! still read as today's type. A kind without a file gets one written
//! (commit it). When a layout changes on purpose, keep the old files and
//! the next number gets the new layout.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codec;
use crate::domain::strategies as s;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts")
}

/// A few values of `strategy`, the same on every run.
fn samples<T>(strategy: impl Strategy<Value = T>) -> Vec<T> {
    let mut runner = TestRunner::deterministic();
    (0..3).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    let t = text.trim();
    (0..t.len()).step_by(2).map(|i| u8::from_str_radix(&t[i..i + 2], 16).unwrap()).collect()
}

/// Checks every kept layout of `kind` reads as `T`; keeps today's when
/// none is kept yet. Returns how many were read.
fn layouts<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    kind: &str,
    strategy: impl Strategy<Value = T>,
) -> usize {
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut kept: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{kind}.")) && n.ends_with(".hex"))
        })
        .collect();
    kept.sort();
    if kept.is_empty() {
        let lines: Vec<String> = samples(strategy).iter().map(|v| hex(&codec::to_bytes(v).unwrap())).collect();
        let path = dir.join(format!("{kind}.1.hex"));
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        kept.push(path);
    }
    let mut read = 0;
    for path in kept {
        for (n, line) in std::fs::read_to_string(&path).unwrap().lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let bytes = unhex(line);
            let value: T = codec::from_bytes(&bytes, "layouts")
                .unwrap_or_else(|e| panic!("{} sample {n} no longer reads as today's {kind}: {e}", path.display()));
            // Today's encoding of it reads back the same.
            assert_eq!(codec::from_bytes::<T>(&codec::to_bytes(&value).unwrap(), "layouts").unwrap(), value);
            read += 1;
        }
    }
    read
}

#[test]
fn every_record_kind_saved_by_an_earlier_version_still_reads() {
    let n = layouts("case_front", s::case_front())
        + layouts("case_private", s::case_private())
        + layouts("pickup", s::pickup())
        + layouts("room", s::room())
        + layouts("bed", s::bed())
        + layouts("stay", s::stay())
        + layouts("reservation", s::reservation())
        + layouts("night_check", s::night_check())
        + layouts("service_item", s::service_item())
        + layouts("referral", s::referral())
        + layouts("organisation", s::organisation())
        + layouts("travel", s::travel())
        + layouts("consent", s::consent())
        + layouts("note", s::note())
        + layouts("medical_note", s::medical_note())
        + layouts("user", s::user())
        + layouts("service_detail", s::service_detail())
        + layouts("gate_zone", s::gate_zone());
    assert!(n >= 48, "{n} samples read");
}
