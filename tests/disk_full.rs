//! A full disk during saves: the save reports failure in one clear line, the
//! process does not crash, and every save acknowledged before is intact.
//! Needs a small tmpfs, which root can mount (CI runs as root); elsewhere the
//! test is skipped with a message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Command;

use common::{fails_with, haven, init, text};

struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    fn mount(size: &str) -> Option<(tempfile::TempDir, Tmpfs)> {
        let dir = tempfile::tempdir().ok()?;
        let point = dir.path().join("small");
        std::fs::create_dir(&point).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&point)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| (dir, Tmpfs(point)))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn free_bytes(path: &std::path::Path) -> u64 {
    let out = Command::new("df").args(["--output=avail", "-B1"]).arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn a_full_disk_refuses_the_save_and_keeps_every_earlier_one() {
    let Some((_guard, fs)) = Tmpfs::mount("3m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let centre = fs.0.join("centre");
    init(&centre);
    let out = haven(&centre).args(["torture", "--count", "20"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));

    // Fill the disk to the last page.
    let filler = fs.0.join("filler");
    let left = free_bytes(&fs.0).saturating_sub(4096);
    let ok = Command::new("fallocate").args(["-l", &left.to_string()]).arg(&filler).status().unwrap();
    assert!(ok.success());

    let out = haven(&centre).args(["torture", "--from", "1000", "--count", "100000"]).output().unwrap();
    fails_with(&out, "disk is full");
    let acked: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("ack ").and_then(|n| n.parse().ok()))
        .collect();

    // Space again: everything acknowledged, before and during, is there.
    std::fs::remove_file(&filler).unwrap();
    let out = haven(&centre).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let store = haven::store::Store::open_as(&centre, common::ADMIN, common::ADMIN_PASS.as_bytes()).unwrap();
    for n in (0..20).chain(acked.iter().copied()) {
        let mut id = [0xA5u8; 16];
        id[..8].copy_from_slice(&n.to_be_bytes());
        assert!(store.get::<haven::domain::rooms::Room>(&id).unwrap().is_some(), "save {n} lost");
    }
}
