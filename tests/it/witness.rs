//! The witness of the last save (`head`, `store::head`) cannot be deleted
//! away (issue 16): a missing or unreadable witness is refused with the
//! command for a manager who knows why it is missing, a higher one is
//! described as lost saves, a lower one (a power cut before it was written)
//! is accepted and brought up to date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::path::Path;

use common::{ADMIN, ADMIN_PASS, fails_with, haven, init, text};
use haven::store::{AuditAction, Store};

fn torture(centre: &Path, count: u32) {
    let out = haven(centre).args(["torture", "--count", &count.to_string()]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

fn check_ok(centre: &Path) -> String {
    let out = haven(centre).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn a_tail_cut_with_the_witness_deleted_is_refused_until_a_manager_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("c");
    init(&centre);
    torture(&centre, 20);
    let earlier = dir.path().join("earlier");
    copy_dir(&centre.join("db"), &earlier);
    torture(&centre, 10);
    // The last ten saves cut from the log, and the witness deleted.
    std::fs::remove_dir_all(centre.join("db")).unwrap();
    copy_dir(&earlier, &centre.join("db"));
    std::fs::remove_file(centre.join("head")).unwrap();
    let out = haven(&centre).arg("check").output().unwrap();
    fails_with(&out, "witness of the last save");
    assert!(text(&out).contains("haven check --accept-missing-witness"), "{}", text(&out));
    // The console's login says the same, and writes nothing.
    let mut store = Store::open(&centre).unwrap();
    let e = store.login(ADMIN, ADMIN_PASS.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("witness"), "{e}");
    drop(store);
    assert!(!centre.join("head").exists());

    // A manager who knows why accepts the database as it is: audited.
    let out = haven(&centre).args(["check", "--accept-missing-witness"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(centre.join("head").exists());
    check_ok(&centre);
    let store = Store::open_as(&centre, ADMIN, ADMIN_PASS.as_bytes()).unwrap();
    let accepted = store
        .audit_events()
        .unwrap()
        .into_iter()
        .filter_map(|(_, e)| e)
        .filter(|e| e.action == AuditAction::Update && e.entity == "witness")
        .count();
    assert_eq!(accepted, 1);
}

#[test]
fn an_emptied_garbage_higher_or_lower_witness_is_described_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("c");
    init(&centre);
    torture(&centre, 5);
    let head = centre.join("head");
    let good = std::fs::read_to_string(&head).unwrap();

    for (bytes, says) in [("", "empty or damaged"), ("not a witness at all\n", "empty or damaged")] {
        std::fs::write(&head, bytes).unwrap();
        let out = haven(&centre).arg("check").output().unwrap();
        fails_with(&out, says);
        assert!(text(&out).contains("--accept-missing-witness"));
        assert_eq!(std::fs::read_to_string(&head).unwrap(), bytes, "the witness was rewritten");
    }

    // Higher: saves the database does not hold were acknowledged.
    std::fs::write(&head, format!("haven-head-1 {:020} {:020}\n", 999_999, 999_999)).unwrap();
    let out = haven(&centre).arg("check").output().unwrap();
    fails_with(&out, "Saves were lost");
    assert!(text(&out).contains("999999 were acknowledged"), "{}", text(&out));
    assert!(!text(&out).contains("files are damaged"), "{}", text(&out));

    // Lower: a power cut before the witness was written. Accepted, and the
    // next save brings it up to date.
    std::fs::write(&head, format!("haven-head-1 {:020} {:020}\n", 1, 1)).unwrap();
    check_ok(&centre);
    let now = std::fs::read_to_string(&head).unwrap();
    assert_ne!(now, format!("haven-head-1 {:020} {:020}\n", 1, 1));
    assert!(now.len() == good.len() && now.starts_with("haven-head-1 "), "{now:?}");
}

#[test]
fn a_new_centre_has_its_witness_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("c");
    init(&centre);
    assert!(std::fs::read_to_string(centre.join("head")).unwrap().starts_with("haven-head-1 "));
    check_ok(&centre);
}
