//! Backup and restore, as a manager runs them: the round trip gives the same
//! records, and any damage to the archive is refused before anything is written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

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
    assert!(text(&out).contains(" Restore "), "{}", text(&out));
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

fn as_user(dir: &std::path::Path, user: &str, pass: &str) -> std::process::Command {
    let mut c = haven(dir);
    c.env("HAVEN_USER", user).env("HAVEN_PASSPHRASE", pass);
    c
}

fn slot_disabled(dir: &std::path::Path, user: &str) -> bool {
    haven::store::vault::Header::read(dir).unwrap().slot(user).unwrap().disabled
}

/// The folders beside `centre` whose name starts with `centre.replaced`.
fn replaced(centre: &std::path::Path) -> Vec<std::path::PathBuf> {
    let name = centre.file_name().unwrap().to_string_lossy().into_owned();
    let mut out: Vec<_> = std::fs::read_dir(centre.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{name}.replaced")))
        .collect();
    out.sort();
    out
}

#[test]
fn only_a_manager_of_the_live_centre_restores_over_it_and_a_disabled_user_never() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("old.bak");
    assert!(as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    let out = as_demo(&centre).args(["user", "disable", "reception"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let before = records(&centre);

    // The reproduction: a disabled receptionist, active in the backup.
    let out = as_user(&centre, "reception", "haven-reception")
        .args(["restore", "--force", "--from"])
        .arg(&archive)
        .output()
        .unwrap();
    fails_with(&out, "disabled");
    assert!(slot_disabled(&centre, "reception"), "reception came back to life");
    // An active case worker is no manager either.
    let out = as_user(&centre, "caseworker", "haven-caseworker")
        .args(["restore", "--force", "--from"])
        .arg(&archive)
        .output()
        .unwrap();
    fails_with(&out, "permission denied");
    // Into an empty folder (a new laptop) only a manager of the backup.
    let fresh = dir.path().join("fresh");
    let out = as_user(&fresh, "night", "haven-night").args(["restore", "--from"]).arg(&archive).output().unwrap();
    fails_with(&out, "permission denied");
    assert!(!fresh.exists(), "a refused restore left a folder");
    assert_eq!(records(&centre), before, "a refused restore changed the centre");
    assert!(replaced(&centre).is_empty());
    assert!(as_demo(&centre).arg("check").output().unwrap().status.success());
}

#[test]
fn a_restore_keeps_the_replaced_centre_and_says_who_restored_what_over_what() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("old.bak");
    assert!(as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    // A change after the backup, which the restore takes away.
    assert!(as_demo(&centre).args(["user", "disable", "night"]).output().unwrap().status.success());
    let out = as_demo(&centre).args(["restore", "--force", "--from"]).arg(&archive).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let kept = replaced(&centre);
    assert_eq!(kept.len(), 1, "the replaced centre was not kept: {}", text(&out));
    assert!(kept[0].join("vault.haven").is_file() && kept[0].join("db").is_dir());
    assert!(slot_disabled(&kept[0], "night"), "the kept folder is not the replaced centre");
    assert!(text(&out).contains(&kept[0].display().to_string()), "the message does not say where: {}", text(&out));

    let out = as_demo(&centre).args(["audit", "show", "--action", "restore"]).output().unwrap();
    let t = text(&out);
    let line = t.lines().find(|l| l.contains(" Restore ")).unwrap_or_else(|| panic!("no restore event: {t}"));
    assert!(line.contains("demo"), "who: {line}");
    assert!(line.contains("old.bak"), "from which backup: {line}");
    assert!(line.contains("replaced"), "what it replaced: {line}");
    assert!(line.contains(&kept[0].file_name().unwrap().to_string_lossy().into_owned()), "where it is: {line}");

    // A second restore (in the same second, or not) keeps the first replaced folder too.
    let out = as_demo(&centre).args(["restore", "--force", "--from"]).arg(&archive).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(replaced(&centre).len(), 2);
}

#[test]
fn a_restore_into_a_relative_data_folder_works_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("old.bak");
    assert!(as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    let out = as_demo(&centre)
        .current_dir(dir.path())
        .env("HAVEN_DATA", "centre")
        .args(["restore", "--force", "--from", "old.bak"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("disk error"), "{}", text(&out));
    assert!(!dir.path().join("centre.restoring").exists());
    let out = as_demo(&centre).args(["audit", "show", "--action", "restore"]).output().unwrap();
    assert!(text(&out).contains("old.bak"), "{}", text(&out));
    assert!(as_demo(&centre).arg("check").output().unwrap().status.success());
}

#[test]
fn a_damaged_header_inside_a_backup_is_called_a_damaged_backup() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    let archive = dir.path().join("b.bak");
    assert!(as_demo(&centre).args(["backup", "--out"]).arg(&archive).output().unwrap().status.success());
    let mut bad = std::fs::read(&archive).unwrap();
    bad[40] ^= 0x01;
    std::fs::write(&archive, &bad).unwrap();
    let target = dir.path().join("never");
    let out = as_demo(&target).args(["restore", "--from"]).arg(&archive).output().unwrap();
    fails_with(&out, "backup");
    assert!(!text(&out).contains("Restore it from a backup"), "{}", text(&out));
    assert!(!target.exists());
}
