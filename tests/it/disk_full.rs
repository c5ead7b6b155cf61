//! A full disk during saves: the save reports failure in one clear line, the
//! process does not crash, and every save acknowledged before is intact.
//! Needs a small tmpfs, which root can mount (CI runs as root); elsewhere the
//! test is skipped with a message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::process::Command;

use common::{fails_with, haven, init, text};

struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// A tmpfs of `size`, or `None` with a message where mounting is not
    /// allowed (the test is then skipped).
    fn mount(size: &str) -> Option<(tempfile::TempDir, Tmpfs)> {
        let mounted = Self::try_mount(size);
        if mounted.is_none() {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        }
        mounted
    }

    fn try_mount(size: &str) -> Option<(tempfile::TempDir, Tmpfs)> {
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
    let Some((_guard, fs)) = Tmpfs::mount("3m") else { return };
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

use crate::support;

/// A console on a new centre in `fs`, with the new-case form open and an
/// alias typed; and the disk then filled to its last page.
fn console_with_a_form_on_a_full_disk(fs: &Tmpfs) -> (haven::app::console::App, std::path::PathBuf) {
    use haven::i18n::Lang;
    use support::{app, press, type_text, wait_for_background};
    let spec = haven::store::InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Moscow shelter".into(),
        admin: "anna".into(),
        admin_name: "Anna K.".into(),
        kdf: haven::store::crypto::KdfParams::TESTING,
        demo: false,
    };
    let store = haven::store::Store::create(&fs.0.join("centre"), &spec, support::PASS.as_bytes()).unwrap();
    let mut app = app(store, Lang::En);
    press(&mut app, "F4");
    wait_for_background(&mut app);
    press(&mut app, "n");
    type_text(&mut app, "Newcomer");
    let filler = fs.0.join("filler");
    let left = free_bytes(&fs.0).saturating_sub(4096);
    let ok = Command::new("fallocate").args(["-l", &left.to_string()]).arg(&filler).status().unwrap();
    assert!(ok.success());
    (app, filler)
}

/// In the console: a full disk refuses the save, the form stays open with
/// what was typed, and once there is space again the same form saves.
#[test]
fn a_full_disk_keeps_the_form_open_with_what_was_typed() {
    use haven::keymap::Screen;
    use support::{press, screen_text};

    let Some((_guard, fs)) = Tmpfs::mount("8m") else { return };
    let (mut app, filler) = console_with_a_form_on_a_full_disk(&fs);
    let top = |app: &haven::app::console::App| *app.stack_tables().last().unwrap();
    assert_eq!(top(&app), Screen::Form);
    press(&mut app, "ctrl-s");
    let shown = screen_text(&mut app, 120, 40);
    assert_eq!(top(&app), Screen::Form, "the form stays open:\n{shown}");
    assert!(shown.contains("The disk is full: nothing was saved."), "{shown}");
    assert!(shown.contains("Newcomer"), "what was typed is still there:\n{shown}");
    // Trying again while the disk is still full refuses again, the same way.
    press(&mut app, "ctrl-s");
    let again = screen_text(&mut app, 120, 40);
    assert_eq!(top(&app), Screen::Form, "{again}");
    assert!(again.contains("nothing was saved") && again.contains("Newcomer"), "{again}");

    // Quitting now would lose what was typed (the draft is refused too):
    // the console says so and stays; only quitting again leaves.
    press(&mut app, "F10");
    assert!(!app.should_quit(), "the first quit keeps the console open");
    assert!(app.status().is_some_and(|s| s.contains("could not be kept")), "{:?}", app.status());
    press(&mut app, "down");
    press(&mut app, "F10");
    assert!(!app.should_quit(), "warned again after another key");
    // The user frees some space, which takes a moment.
    std::fs::remove_file(&filler).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    press(&mut app, "ctrl-s");
    let shown = screen_text(&mut app, 120, 40);
    assert_eq!(top(&app), Screen::CaseFile, "saved once there is space:\n{shown}");
    let cases = app.ctx.store().unwrap().scan::<haven::domain::case::CaseFront>().unwrap();
    assert_eq!(cases.len(), 1, "one case, nothing of the refused attempts");
    assert_eq!(cases[0].body.alias, "Newcomer");
    let report = app.ctx.store().unwrap().check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
}

/// Quitting after the disk refused a save (and so the draft): the console
/// says what would be lost and stays; quitting again at once leaves.
#[test]
fn quitting_twice_leaves_without_the_draft_the_disk_refused() {
    use support::press;
    let Some((_guard, fs)) = Tmpfs::mount("8m") else { return };
    let (mut app, _filler) = console_with_a_form_on_a_full_disk(&fs);
    // The save is refused; sled then refuses the draft too.
    press(&mut app, "ctrl-s");
    press(&mut app, "F10");
    assert!(!app.should_quit());
    assert!(app.status().is_some_and(|s| s.contains("could not be kept")), "{:?}", app.status());
    press(&mut app, "F10");
    assert!(app.should_quit(), "the second quit in a row leaves");
}
