//! Helpers shared by the command-line tests: run the real binary on a
//! temporary centre with cheap key derivation.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

pub const ADMIN: &str = "anna";
pub const ADMIN_PASS: &str = "correct horse battery";

/// A `haven` command on `dir` with fast KDF, English, and the admin's credentials.
pub fn haven(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_haven"));
    c.env("HAVEN_DATA", dir)
        .env("HAVEN_INSECURE_FAST_KDF", "1")
        .env("HAVEN_USER", ADMIN)
        .env("HAVEN_PASSPHRASE", ADMIN_PASS)
        .env("LANG", "en_GB.UTF-8")
        .env("LC_ALL", "en_GB.UTF-8")
        .env_remove("HAVEN_NEW_PASSPHRASE")
        .arg("--lang")
        .arg("en")
        .stdin(std::process::Stdio::null());
    c
}

/// Creates a centre `MSK` with manager `anna` in `dir`.
pub fn init(dir: &Path) {
    let out = haven(dir).args(["init", "--centre", "MSK", "--admin", ADMIN]).output().unwrap();
    assert!(out.status.success(), "init failed: {}", text(&out));
}

/// stdout and stderr together.
pub fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Asserts a failure with a one-line message containing `needle` and no panic.
pub fn fails_with(out: &Output, needle: &str) {
    let t = text(out);
    assert!(!out.status.success(), "expected failure, got success: {t}");
    assert_ne!(out.status.code(), Some(101), "panicked: {t}");
    assert!(!t.contains("panicked") && !t.contains("internal error"), "panicked: {t}");
    assert!(t.to_lowercase().contains(&needle.to_lowercase()), "expected {needle:?} in: {t}");
}

/// The id `haven torture` gives room number `n` (`src/cli/torture.rs`).
pub fn torture_room_id(n: u64) -> Vec<u8> {
    let mut b = [0xA5u8; 16];
    b[..8].copy_from_slice(&n.to_be_bytes());
    b.to_vec()
}

/// A tiny deterministic generator for kill delays.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A delay from zero to `max`.
    pub fn upto(&mut self, max: std::time::Duration) -> std::time::Duration {
        let micros = u64::try_from(max.as_micros()).unwrap_or(u64::MAX).max(1);
        std::time::Duration::from_micros(self.next() % micros)
    }
}
