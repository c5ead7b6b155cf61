//! One Haven per centre folder: the refusal names the process that holds the
//! folder, deleting `haven.lock` frees nothing, and a process whose folder
//! was replaced under it stops saving with a message (issues 15 and 16).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::io::{BufRead, Write};
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
    let since = t.split("since ").nth(1).unwrap_or_default();
    assert!(since.contains(" 20"), "since when it holds the folder, in the language's date: {t}");
}

#[test]
fn deleting_haven_lock_does_not_let_a_second_haven_in() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let (mut first, _lines) = holder(dir.path());
    std::fs::remove_file(dir.path().join("haven.lock")).unwrap();
    // The folder's lock itself, as `restore` takes it before replacing the
    // folder (sled's own lock would stop a second console, not a restore).
    let second = haven::store::lock::DirLock::acquire(dir.path());
    first.kill().unwrap();
    first.wait().unwrap();
    assert!(matches!(second, Err(haven::store::StoreError::InUse { .. })), "{second:?}");
}

#[test]
fn a_folder_replaced_under_a_running_haven_is_no_longer_saved_into() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("centre");
    init(&dir);
    // Saves made one at a time, each when asked: the test knows which were
    // made before the folder moved. (Counting the acknowledgements of a
    // free-running loop after the move failed 1 run in 12 under load: the
    // reader lagged and acknowledgements made before the move were counted
    // after it.)
    let mut first = haven(&dir)
        .args(["torture", "--count", "1000", "--paced"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut go = first.stdin.take().unwrap();
    let mut lines = std::io::BufReader::new(first.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    for n in 0..3 {
        writeln!(go, "save").unwrap();
        assert_eq!(lines.next().unwrap().unwrap(), format!("ack {n}"));
    }
    // Moved away and replaced by another folder, as a restore does.
    std::fs::rename(&dir, parent.path().join("old")).unwrap();
    std::fs::create_dir(&dir).unwrap();
    // The next save is refused and the process ends: no acknowledgement.
    let _ = writeln!(go, "save");
    drop(go);
    let after: Vec<String> = lines.map_while(Result::ok).collect();
    let status = first.wait().unwrap();
    let mut said = String::new();
    std::io::Read::read_to_string(&mut first.stderr.take().unwrap(), &mut said).unwrap();
    assert!(after.iter().all(|l| !l.starts_with("ack")), "a save after the move was acknowledged: {after:?}");
    assert!(!status.success(), "the process stops saving and ends");
    assert!(said.contains("moved or replaced"), "a clear message: {said}");
    let written: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(written.is_empty(), "nothing was written into the new folder: {written:?}");
    // The saves made before the move are all in the moved folder.
    let moved = parent.path().join("old");
    let out = haven(&moved).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

/// Locks and unlocks a folder over and over while another thread starts
/// programs: returns how many times the lock was refused.
fn refusals_while_programs_start(lock: impl Fn(&std::path::Path) -> bool) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let spawners: Vec<_> = (0..4)
        .map(|_| {
            let s = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                while !s.load(std::sync::atomic::Ordering::SeqCst) {
                    let _ = std::process::Command::new("true").status();
                }
            })
        })
        .collect();
    let refused = (0..400).filter(|_| !lock(dir.path())).count();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for s in spawners {
        s.join().unwrap();
    }
    refused
}

#[test]
fn a_lock_just_released_is_not_refused_while_another_thread_starts_programs() {
    // The cause: a child forked while the lock is held keeps a copy of its
    // descriptor until it runs its program, so one immediate try can fail.
    let single_try = refusals_while_programs_start(|dir| {
        let f = std::fs::File::open(dir).unwrap();
        let taken = f.try_lock().is_ok();
        // Held a moment, as a store is between its open and its close.
        std::thread::sleep(std::time::Duration::from_millis(2));
        taken
    });
    eprintln!("lock/fork: {single_try} of 400 single tries refused while programs start");
    // The lock retries for a short bounded time: never refused.
    let refused = refusals_while_programs_start(|dir| {
        let lock = haven::store::lock::DirLock::acquire(dir);
        std::thread::sleep(std::time::Duration::from_millis(2));
        lock.is_ok()
    });
    assert_eq!(refused, 0, "a lock nobody holds for good was refused");
}
