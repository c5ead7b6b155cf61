//! One Haven per centre folder: the refusal names the process that holds the
//! folder, deleting `haven.lock` frees nothing, and a process whose folder
//! was replaced under it stops saving with a message (issues 15 and 16).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::BufRead;
use std::process::{Child, ChildStdout, Stdio};

use common::{fails_with, haven, init, text};

/// `haven torture` saving rooms in a loop: it holds the folder's lock.
fn holder(dir: &std::path::Path) -> (Child, std::io::Lines<std::io::BufReader<ChildStdout>>) {
    let mut child = haven(dir)
        .args(["torture", "--count", "100000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    (child, lines)
}

#[test]
fn the_refusal_names_the_process_that_holds_the_folder_and_since_when() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let (mut first, _lines) = holder(dir.path());
    let out = haven(dir.path()).arg("check").output().unwrap();
    first.kill().unwrap();
    first.wait().unwrap();
    fails_with(&out, "already running");
    let t = text(&out);
    assert!(t.contains(&format!("process {}", first.id())), "the holder's process id is named: {t}");
    assert!(t.contains("since 20"), "since when it holds the folder: {t}");
}

#[test]
fn deleting_haven_lock_does_not_let_a_second_haven_in() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let (mut first, _lines) = holder(dir.path());
    std::fs::remove_file(dir.path().join("haven.lock")).unwrap();
    let out = haven(dir.path()).arg("check").output().unwrap();
    first.kill().unwrap();
    first.wait().unwrap();
    fails_with(&out, "already running");
}

#[test]
fn a_folder_replaced_under_a_running_haven_is_no_longer_saved_into() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("centre");
    init(&dir);
    let (mut first, mut lines) = holder(&dir);
    assert!(lines.next().unwrap().unwrap().starts_with("ack"));
    // Moved away and replaced by another folder, as a restore does.
    std::fs::rename(&dir, parent.path().join("old")).unwrap();
    std::fs::create_dir(&dir).unwrap();
    let acks_after = lines.map_while(Result::ok).filter(|l| l.starts_with("ack")).count();
    let status = first.wait().unwrap();
    let mut said = String::new();
    std::io::Read::read_to_string(&mut first.stderr.take().unwrap(), &mut said).unwrap();
    assert!(!status.success(), "the saves stop");
    assert!(acks_after <= 1, "at most the save under way when the folder moved: {acks_after}");
    assert!(said.contains("moved or replaced"), "a clear message: {said}");
    let written: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(written.is_empty(), "nothing was written into the new folder: {written:?}");
}
