//! A damaged database is refused, quickly, and nothing is written over it
//! (issue 16, RELIABILITY.md "A damaged database"). One byte of `db/db` is
//! flipped at offsets spread over the whole file; for each copy `check`,
//! `backup` and a login that writes run as child processes with a deadline
//! and a memory cap. Each must end, either harmlessly (everything verifies)
//! or refused with a message, never a panic; a login must refuse what
//! `check` reports; and the file's bytes past the damage must still be on
//! disk afterwards: in `db/db` as they were, or in the copy kept aside.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{haven, init, text};

/// Memory a step may reach (the unbounded scans grew past 1.9 GB).
const MEMORY_CAP_KB: u64 = 600 * 1024;

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Refused,
}

/// Runs `cmd` with a deadline and a memory cap, polling the child's
/// resident size; a step that exceeds either fails the test.
fn run(mut cmd: Command, deadline: Duration, what: &str) -> (Outcome, String) {
    let out_path = std::env::temp_dir().join(format!("haven-damage-{}-{}.out", std::process::id(), what.len()));
    let out = std::fs::File::create(&out_path).unwrap();
    let mut child = cmd.stdout(Stdio::from(out.try_clone().unwrap())).stderr(Stdio::from(out)).spawn().unwrap();
    let started = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        let rss = rss_kb(child.id());
        peak = peak.max(rss);
        if rss > MEMORY_CAP_KB || started.elapsed() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            let said = std::fs::read_to_string(&out_path).unwrap_or_default();
            panic!("{what}: no end after {:?} with {peak} kB resident: {said}", started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let said = std::fs::read_to_string(&out_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    assert_ne!(status.code(), Some(101), "{what} panicked: {said}");
    assert!(!said.contains("panicked") && !said.contains("internal error"), "{what} panicked: {said}");
    if status.success() {
        (Outcome::Ok, said)
    } else {
        assert!(status.code().is_some(), "{what} died by a signal: {said}");
        assert!(!said.trim().is_empty(), "{what} refused without a message");
        (Outcome::Refused, said)
    }
}

fn rss_kb(pid: u32) -> u64 {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { return 0 };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else if e.file_name() != "lock" {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A small centre whose log spans several of sled's segments: the older
/// ones sled recovered at its last open (before its snapshot), the last
/// one it will replay at the next.
fn pristine(root: &Path) -> PathBuf {
    let centre = root.join("pristine");
    init(&centre);
    for count in ["300", "20"] {
        let out = haven(&centre).args(["torture", "--count", count]).output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        let out = haven(&centre).arg("check").output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
    }
    centre
}

/// Every file under `dir` (the kept copies are looked for there).
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            files_under(&e.path(), out);
        } else {
            out.push(e.path());
        }
    }
}

/// The copies kept aside beside the database (`damaged-db-…`, `cut-db-…`).
fn kept_copies(centre: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    files_under(centre, &mut files);
    files.retain(|f| f.file_name().is_some_and(|n| n.to_string_lossy().contains("-db-")));
    files
}

/// The positions from `at` on where `db/db` no longer holds what the
/// damaged file held, and which no kept copy holds either.
fn lost_past(centre: &Path, damaged: &[u8], at: usize) -> Vec<usize> {
    let now = std::fs::read(centre.join("db").join("db")).unwrap_or_default();
    let mut changed: Vec<usize> =
        (at..damaged.len()).filter(|i| damaged[*i] != 0 && now.get(*i) != Some(&damaged[*i])).collect();
    for f in kept_copies(centre) {
        let kept = std::fs::read(&f).unwrap_or_default();
        // A kept copy is the file's bytes from the offset in its name on.
        let from: usize = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .and_then(|n| n.rsplit("-from").next().and_then(|s| s.split('.').next()).and_then(|s| s.parse().ok()))
            .unwrap_or(0);
        changed.retain(|i| !(*i >= from && kept.get(i - from) == Some(&damaged[*i])));
    }
    changed
}

#[derive(Debug, Default)]
struct Tally {
    /// `check` and `backup` succeed: nothing the centre holds was touched.
    harmless: u32,
    /// Refused before sled opened the database (`store::replay`).
    refused_at_open: u32,
    /// Refused at login: a page sled cannot read, or saves lost.
    refused_at_login: u32,
}

fn sweep(offsets: usize) -> Tally {
    let root = tempfile::tempdir().unwrap();
    let centre = pristine(root.path());
    let good = std::fs::read(centre.join("db").join("db")).unwrap();
    // Flips inside the part of the file sled has written (past it lie the
    // zeros sled preallocates, which hold nothing).
    let used = good.iter().rposition(|b| *b != 0).unwrap() + 1;
    let deadline = Duration::from_secs(30);
    let mut tally = Tally::default();
    for i in 0..offsets {
        let at = (used * (2 * i + 1)) / (2 * offsets);
        let mut bad = good.clone();
        bad[at] ^= 0x10;
        let copy = root.path().join(format!("c{i}"));
        copy_dir(&centre, &copy);
        std::fs::write(copy.join("db").join("db"), &bad).unwrap();
        // `check` logs in, which writes an event: a login on damage.
        let (checked, said) = run(
            {
                let mut c = haven(&copy);
                c.arg("check");
                c
            },
            deadline,
            "check",
        );
        // `backup` after every harmless flip (where its count of each tree
        // used to loop for ever), after every fourth refused one (it is
        // refused at the same open or login as `check`).
        let archive = root.path().join(format!("c{i}.haven"));
        let backed_up = if checked == Outcome::Ok || i % 4 == 0 {
            let mut c = haven(&copy);
            c.arg("backup").arg("--out").arg(&archive);
            run(c, deadline, "backup").0
        } else {
            Outcome::Refused
        };
        let lost = lost_past(&copy, &bad, at + 1);
        let now = std::fs::read(copy.join("db").join("db")).unwrap();
        match checked {
            // Everything verifies: the flip hit space sled no longer uses,
            // which it may zero or write again.
            Outcome::Ok => {
                assert_eq!(backed_up, Outcome::Ok, "a flip at {at}: check passed, backup refused");
                tally.harmless += 1;
            }
            // Not opened: the file is as it was, and a copy is kept.
            Outcome::Refused if said.contains("not opened") && !said.contains("witness") => {
                assert!(now == bad, "a flip at {at}: refused at open, yet the file changed");
                assert!(!kept_copies(&copy).is_empty(), "a flip at {at}: no copy kept: {said}");
                tally.refused_at_open += 1
            }
            // Opened and refused at login: no save was written; sled zeroed
            // at most what its page table no longer uses (it does at every
            // open), or what it cut after a copy was kept.
            Outcome::Refused => {
                let written: Vec<_> = lost.iter().filter(|i| now.get(**i).is_some_and(|b| *b != 0)).collect();
                assert!(
                    written.is_empty(),
                    "a flip at {at}: written over at {:?}: {said}",
                    &written[..written.len().min(5)]
                );
                tally.refused_at_login += 1
            }
        }
        std::fs::remove_dir_all(&copy).unwrap();
        let _ = std::fs::remove_file(&archive);
    }
    tally
}

#[test]
fn a_flipped_byte_anywhere_is_harmless_or_refused_in_bounded_time_and_nothing_past_it_is_lost() {
    let started = Instant::now();
    let tally = sweep(200);
    eprintln!("flip sweep over 200 offsets in {:?}: {tally:?}", started.elapsed());
    // Damage in the log sled replays was met. Whether a flip also lands on
    // a live page below sled's snapshot (refused at login) depends on where
    // sled laid out the pages in this run: `store::pagescan::tests` damages
    // such a page on purpose.
    assert!(tally.refused_at_open > 0, "{tally:?}");
}

#[test]
#[ignore = "extended sweep: 1,000 offsets"]
fn an_extended_flip_sweep() {
    let tally = sweep(1000);
    eprintln!("flip sweep over 1000 offsets: {tally:?}");
}
