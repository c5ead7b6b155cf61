//! The command line, run as a user would run it: every subcommand and every
//! bad input of the foundation issue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::{ADMIN, fails_with, haven, init, text};

#[test]
fn init_creates_a_centre_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    init(&centre);
    assert!(centre.join("vault.haven").is_file());
    let out = haven(&centre).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).starts_with("ok:"), "{}", text(&out));
}

#[test]
fn init_refuses_an_existing_centre_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let before = std::fs::read(dir.path().join("vault.haven")).unwrap();
    let out = haven(dir.path()).args(["init", "--centre", "MSK", "--admin", "boris"]).output().unwrap();
    fails_with(&out, "already exists");
    assert_eq!(std::fs::read(dir.path().join("vault.haven")).unwrap(), before);
}

#[test]
fn init_refuses_a_short_passphrase_and_a_bad_centre_code() {
    let dir = tempfile::tempdir().unwrap();
    let out = haven(dir.path())
        .env("HAVEN_PASSPHRASE", "short")
        .args(["init", "--centre", "MSK", "--admin", ADMIN])
        .output()
        .unwrap();
    fails_with(&out, "too short");
    assert!(!dir.path().join("vault.haven").exists());
    let out = haven(dir.path()).args(["init", "--centre", "M0SCOW", "--admin", ADMIN]).output().unwrap();
    fails_with(&out, "centre code");
}

#[test]
fn wrong_passphrase_and_unknown_user_get_the_same_message() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let wrong = haven(dir.path()).env("HAVEN_PASSPHRASE", "not the passphrase").arg("check").output().unwrap();
    let unknown = haven(dir.path()).env("HAVEN_USER", "nobody").arg("check").output().unwrap();
    fails_with(&wrong, "wrong username or passphrase");
    fails_with(&unknown, "wrong username or passphrase");
    assert_eq!(String::from_utf8_lossy(&wrong.stderr), String::from_utf8_lossy(&unknown.stderr));
}

#[test]
fn a_folder_that_is_not_a_centre_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let out = haven(dir.path()).arg("check").output().unwrap();
    fails_with(&out, "not a Haven centre");
    assert!(text(&out).contains(&dir.path().display().to_string()));
    let missing = dir.path().join("missing");
    fails_with(&haven(&missing).arg("check").output().unwrap(), "not a Haven centre");
    assert!(!missing.exists(), "check must not create folders");
}

#[test]
fn a_second_instance_is_refused_with_the_folder_named() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let mut first = haven(dir.path())
        .args(["torture", "--count", "100000000"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(first.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    let out = haven(dir.path()).arg("check").output().unwrap();
    first.kill().unwrap();
    first.wait().unwrap();
    fails_with(&out, "already running");
    assert!(text(&out).contains(&dir.path().display().to_string()));
    assert!(haven(dir.path()).arg("check").output().unwrap().status.success());
}

#[test]
fn a_damaged_vault_header_is_reported_not_used() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let path = dir.path().join("vault.haven");
    let good = std::fs::read(&path).unwrap();
    for pos in [0, 9, 12, 20, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[pos] ^= 0x10;
        std::fs::write(&path, &bad).unwrap();
        fails_with(&haven(dir.path()).arg("check").output().unwrap(), "vault header is damaged");
    }
    std::fs::write(&path, &good[..good.len() / 3]).unwrap();
    fails_with(&haven(dir.path()).arg("check").output().unwrap(), "vault header is damaged");
    std::fs::write(&path, &good).unwrap();
    assert!(haven(dir.path()).arg("check").output().unwrap().status.success());
}

#[test]
fn a_header_with_forged_kdf_costs_is_refused_before_deriving() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let mut h = haven::store::vault::Header::read(dir.path()).unwrap();
    h.kdf = haven::store::crypto::KdfParams { m_kib: 64 * 1024 * 1024, t: 1, p: 1 };
    h.write(dir.path()).unwrap();
    let start = std::time::Instant::now();
    let out = haven(dir.path()).arg("check").output().unwrap();
    fails_with(&out, "key-derivation");
    assert!(start.elapsed().as_secs() < 20, "it must not try to allocate 64 GiB");
}

#[test]
fn users_are_added_listed_changed_and_disabled_by_a_manager_only() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let add = |user: &str, role: &str| {
        haven(dir.path())
            .env("HAVEN_NEW_PASSPHRASE", format!("{user} passphrase 1"))
            .args(["user", "add", user, "--role", role, "--name", "Synthetic Person"])
            .output()
            .unwrap()
    };
    assert!(add("rita", "reception").status.success());
    assert!(add("cora", "case-worker").status.success());
    fails_with(&add("rita", "night"), "already exists");
    let list = haven(dir.path()).args(["user", "list"]).output().unwrap();
    let t = text(&list);
    assert!(t.contains("rita") && t.contains("reception") && t.contains("case_worker") && t.contains(ADMIN), "{t}");

    // A receptionist may not administer users.
    let as_rita = |args: &[&str]| {
        haven(dir.path())
            .env("HAVEN_USER", "rita")
            .env("HAVEN_PASSPHRASE", "rita passphrase 1")
            .args(args)
            .output()
            .unwrap()
    };
    fails_with(&as_rita(&["user", "list"]), "permission denied");
    assert!(as_rita(&["check"]).status.success(), "{}", text(&as_rita(&["check"])));

    // Passphrase change: the old one stops working, the new one works.
    let out = haven(dir.path())
        .env("HAVEN_NEW_PASSPHRASE", "rita new passphrase")
        .args(["user", "passwd", "rita"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    fails_with(&as_rita(&["check"]), "wrong username or passphrase");
    let out = haven(dir.path())
        .env("HAVEN_USER", "rita")
        .env("HAVEN_PASSPHRASE", "rita new passphrase")
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));

    // Disable: rita can no longer log in; the last manager cannot be disabled.
    assert!(haven(dir.path()).args(["user", "disable", "rita"]).output().unwrap().status.success());
    let out = haven(dir.path())
        .env("HAVEN_USER", "rita")
        .env("HAVEN_PASSPHRASE", "rita new passphrase")
        .arg("check")
        .output()
        .unwrap();
    assert!(!out.status.success());
    fails_with(&haven(dir.path()).args(["user", "disable", ADMIN]).output().unwrap(), "last manager");
    let out = haven(dir.path()).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn demo_creates_a_centre_with_every_role_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let out = haven(&demo).args(["demo", "--no-console", "--cases", "30"]).output().unwrap();
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    for expected in ["demo", "haven-demo", "reception", "night", "caseworker"] {
        assert!(t.contains(expected), "{expected} missing from {t}");
    }
    for (user, pass) in [
        ("demo", "haven-demo"),
        ("reception", "haven-reception"),
        ("night", "haven-night"),
        ("caseworker", "haven-caseworker"),
    ] {
        let out = haven(&demo).env("HAVEN_USER", user).env("HAVEN_PASSPHRASE", pass).arg("check").output().unwrap();
        assert!(out.status.success(), "{user}: {}", text(&out));
    }
    // Reusing keeps the data; --reset makes it anew.
    let again = haven(&demo).args(["demo", "--no-console"]).output().unwrap();
    assert!(again.status.success());
    assert!(!text(&again).contains("Created"));
    let reset = haven(&demo).args(["demo", "--no-console", "--reset", "--cases", "10"]).output().unwrap();
    assert!(text(&reset).contains("Created 10 cases"), "{}", text(&reset));
}

#[test]
fn demo_refuses_to_reset_a_real_centre() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let out = haven(dir.path()).args(["demo", "--no-console", "--reset"]).output().unwrap();
    fails_with(&out, "real centre");
    assert!(dir.path().join("vault.haven").is_file());
}

#[test]
fn flipped_bytes_in_the_database_file_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("c");
    init(&centre);
    // Some data to damage.
    let out = haven(&centre).args(["torture", "--count", "40"]).output().unwrap();
    assert!(out.status.success());
    let db = centre.join("db").join("db");
    let good = std::fs::read(&db).unwrap();
    let mut detected = 0;
    // Flip bits inside the part of the file sled has written (the rest is
    // preallocated zeros that hold nothing).
    let used = good.iter().rposition(|b| *b != 0).unwrap() + 1;
    let positions: Vec<usize> = (0..24).map(|i| (used * (2 * i + 1)) / 48).collect();
    for pos in positions {
        let mut bad = good.clone();
        bad[pos] ^= 0x04;
        std::fs::write(&db, &bad).unwrap();
        let out = haven(&centre).arg("check").output().unwrap();
        let t = text(&out);
        assert_ne!(out.status.code(), Some(101), "panic at {pos}: {t}");
        assert!(!t.contains("internal error"), "panic at {pos}: {t}");
        if !out.status.success() {
            detected += 1;
        }
    }
    // A truncated file is refused too, with a message.
    std::fs::write(&db, &good[..used / 2]).unwrap();
    fails_with(&haven(&centre).arg("check").output().unwrap(), "damaged");
    assert!(detected >= 20, "only {detected} of 24 flips in live data were detected");
    // The undamaged file still opens with every save.
    std::fs::write(&db, &good).unwrap();
    let out = haven(&centre).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn keymap_check_accepts_the_shipped_keymaps_and_names_file_line_key_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["default", "vim"] {
        let file = root.join("keymaps").join(format!("{name}.toml"));
        let out = haven(dir.path()).args(["keymap", "check"]).arg(&file).output().unwrap();
        assert!(out.status.success(), "{name}: {}", text(&out));
    }
    let bad = root.join("tests/fixtures/bad_keymaps/unknown_action.toml");
    let out = haven(dir.path()).args(["keymap", "check"]).arg(&bad).output().unwrap();
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("unknown_action.toml") && t.contains("line "), "{t}");
    let missing = haven(dir.path()).args(["keymap", "check", "no-such-file.toml"]).output().unwrap();
    fails_with(&missing, "no-such-file.toml");
}

#[test]
fn a_keyslot_change_interrupted_before_the_rename_leaves_the_old_credentials_working() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    // A crash while writing the new header leaves a partial temporary file.
    let header = std::fs::read(dir.path().join("vault.haven")).unwrap();
    std::fs::write(dir.path().join("vault.haven.tmp"), &header[..header.len() / 2]).unwrap();
    let out = haven(dir.path()).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    // The next change replaces it cleanly.
    let out = haven(dir.path())
        .env("HAVEN_NEW_PASSPHRASE", "rita passphrase 1")
        .args(["user", "add", "rita", "--role", "night"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = haven(dir.path())
        .env("HAVEN_USER", "rita")
        .env("HAVEN_PASSPHRASE", "rita passphrase 1")
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

fn demo_centre(dir: &std::path::Path) -> std::path::PathBuf {
    let demo = dir.join("demo");
    let out = haven(&demo).args(["demo", "--no-console", "--cases", "30"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    demo
}

fn as_demo(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    haven(dir).env("HAVEN_USER", "demo").env("HAVEN_PASSPHRASE", "haven-demo").args(args).output().unwrap()
}

#[test]
fn audit_show_filters_events_and_verify_catches_removal_after_a_recorded_head() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_centre(dir.path());
    let out = as_demo(&demo, &["audit", "show", "--action", "login"]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.lines().filter(|l| l.contains(" Login ")).count() >= 1, "{t}");
    assert!(!t.contains(" Set up "), "the filter keeps only logins: {t}");
    // Reception may not review the audit.
    let out = haven(&demo)
        .env("HAVEN_USER", "reception")
        .env("HAVEN_PASSPHRASE", "haven-reception")
        .args(["audit", "show"])
        .output()
        .unwrap();
    fails_with(&out, "permission denied");

    let out = as_demo(&demo, &["audit", "verify"]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    let head = t.split_whitespace().last().unwrap().to_string();
    assert!(head.contains(':'), "{t}");
    // More events, then the recorded head still verifies.
    assert!(as_demo(&demo, &["check"]).status.success());
    let out = as_demo(&demo, &["audit", "verify", "--head", &head]);
    assert!(out.status.success(), "{}", text(&out));
    // Remove the newest events behind Haven's back: verification against the
    // head fails and names the removal.
    {
        let db = sled::open(demo.join("db")).unwrap();
        let audit = db.open_tree("audit").unwrap();
        let seq: u64 = head.split(':').next().unwrap().parse().unwrap();
        for k in audit.iter().keys().map(|k| k.unwrap()).collect::<Vec<_>>() {
            if u64::from_be_bytes(k.as_ref().try_into().unwrap()) >= seq {
                audit.remove(k).unwrap();
            }
        }
        db.flush().unwrap();
    }
    let out = as_demo(&demo, &["audit", "verify", "--head", &head]);
    let t = text(&out);
    assert!(!out.status.success() && t.contains("removed"), "{t}");
    assert!(!as_demo(&demo, &["check"]).status.success(), "check notices too");
}

#[test]
fn a_manager_erases_a_closed_case_and_the_centre_still_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_centre(dir.path());
    let code = {
        let store = haven::store::Store::open_as(&demo, "demo", b"haven-demo").unwrap();
        store
            .scan::<haven::domain::case::CaseFront>()
            .unwrap()
            .into_iter()
            .find(|c| c.body.status.is_closed())
            .map(|c| c.body.code.to_string())
            .expect("the demo has closed cases")
    };
    let out = as_demo(&demo, &["erase", &code]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = haven(&demo)
        .env("HAVEN_USER", "caseworker")
        .env("HAVEN_PASSPHRASE", "haven-caseworker")
        .args(["erase", &code, "--yes"])
        .output()
        .unwrap();
    fails_with(&out, "permission denied");
    let out = as_demo(&demo, &["erase", &code, "--yes"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = as_demo(&demo, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = as_demo(&demo, &["audit", "show", "--action", "erase"]);
    assert!(text(&out).contains(&code), "{}", text(&out));
    let out = as_demo(&demo, &["erase", &code, "--yes"]);
    fails_with(&out, "not found");
}

#[test]
fn a_role_change_rewraps_the_keys_the_new_role_holds() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let out = haven(dir.path())
        .env("HAVEN_NEW_PASSPHRASE", "night passphrase 1")
        .args(["user", "add", "nina", "--role", "night"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let nina = |pass: &str| {
        haven::store::Store::open_as(dir.path(), "nina", pass.as_bytes()).map(|s| s.session().unwrap().holds_case_key())
    };
    assert!(!nina("night passphrase 1").unwrap());
    let out = haven(dir.path())
        .env("HAVEN_NEW_PASSPHRASE", "case passphrase 22")
        .args(["user", "role", "nina", "--role", "case-worker"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(nina("night passphrase 1").is_err(), "the old passphrase no longer opens");
    assert!(nina("case passphrase 22").unwrap(), "the new role holds the case key");
    let out = haven(dir.path())
        .env("HAVEN_NEW_PASSPHRASE", "manager passphrase 3")
        .args(["user", "role", ADMIN, "--role", "night"])
        .output()
        .unwrap();
    fails_with(&out, "last manager");
}
