//! Backup and restore, as a manager runs them: the round trip gives the same
//! records, and any damage to the archive is refused before anything is written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fails_with, haven, text};

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let d = dir.join("centre");
    let out = haven(&d).args(["demo", "--no-console", "--cases", "25"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    d
}

fn as_demo(dir: &std::path::Path) -> std::process::Command {
    let mut c = haven(dir);
    c.env("HAVEN_USER", "demo").env("HAVEN_PASSPHRASE", "haven-demo");
    c
}

/// Every (tree, key, value) of the record trees, read raw from sled.
fn records(dir: &std::path::Path) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let db = sled::open(dir.join("db")).unwrap();
    let mut out = Vec::new();
    for name in db.tree_names() {
        let name_s = String::from_utf8_lossy(&name).into_owned();
        // Logins and the restore itself add events; the records must be equal.
        if ["audit", "meta", "changelog", "throttle", "users"].contains(&name_s.as_str()) {
            continue;
        }
        for item in db.open_tree(&name).unwrap().iter() {
            let (k, v) = item.unwrap();
            out.push((name_s.clone(), k.to_vec(), v.to_vec()));
        }
    }
    out.sort();
    out
}

#[test]
fn backup_and_restore_give_the_same_records_and_a_clean_check() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("centre.haven-backup");
    let out = as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("verified"), "{}", text(&out));
    let before = records(&centre);

    // Into a new folder.
    let restored = dir.path().join("restored");
    let out = as_demo(&restored).args(["restore", "--from"]).arg(&archive).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(records(&restored), before, "the restored records differ");
    assert!(as_demo(&restored).arg("check").output().unwrap().status.success());

    // Over the existing centre: refused without --force, then accepted.
    let out = as_demo(&centre).args(["restore", "--from"]).arg(&archive).output().unwrap();
    fails_with(&out, "already exists");
    let out = as_demo(&centre).args(["restore", "--force", "--from"]).arg(&archive).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(records(&centre), before);
    // The backup and the restore are in the audit trail.
    let out = as_demo(&centre).args(["audit", "show", "--action", "restore"]).output().unwrap();
    assert!(text(&out).contains("restore"), "{}", text(&out));
}

#[test]
fn a_flipped_byte_anywhere_or_a_truncation_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("b.haven-backup");
    assert!(as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    let good = std::fs::read(&archive).unwrap();
    let store = haven::store::Store::open_as(&centre, "demo", b"haven-demo").unwrap();
    let header = haven::store::backup::archive_header(&archive).unwrap();
    let (_, keys) = header.unlock("demo", b"haven-demo").unwrap();
    drop(store);
    let damaged = dir.path().join("damaged");
    let step = (good.len() / 3000).max(1);
    let mut tried = 0;
    for pos in (0..good.len()).step_by(step) {
        let mut bad = good.clone();
        bad[pos] ^= 0x20;
        std::fs::write(&damaged, &bad).unwrap();
        let result = haven::store::backup::archive_header(&damaged)
            .and_then(|h| h.unlock("demo", b"haven-demo").map(|(_, k)| k))
            .and_then(|k| haven::store::backup::read_archive(&damaged, &k.audit));
        assert!(result.is_err(), "a flip at byte {pos} of {} went unnoticed", good.len());
        tried += 1;
    }
    assert!(tried > 1000);
    for cut in [0, 10, good.len() / 2, good.len() - 1] {
        std::fs::write(&damaged, &good[..cut]).unwrap();
        assert!(haven::store::backup::read_archive(&damaged, &keys.audit).is_err(), "cut at {cut}");
    }
    // Through the command line: a clear message, no folder created.
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 1;
    std::fs::write(&damaged, &bad).unwrap();
    let target = dir.path().join("never");
    let out = as_demo(&target).args(["restore", "--from"]).arg(&damaged).output().unwrap();
    fails_with(&out, "integrity check failed");
    assert!(!target.exists());
}

#[test]
fn a_backup_of_another_centre_cannot_replace_this_one() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let other_dir = tempfile::tempdir().unwrap();
    let b = demo(other_dir.path());
    let archive = dir.path().join("b.haven-backup");
    assert!(as_demo(&b).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    let out = as_demo(&a).args(["restore", "--force", "--from"]).arg(&archive).output().unwrap();
    fails_with(&out, "another centre");
    assert!(as_demo(&a).arg("check").output().unwrap().status.success());
}
