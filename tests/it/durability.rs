//! Durability: a child process writes acknowledged saves while this test
//! kills it with SIGKILL at random moments. After every kill the centre
//! opens, `haven check` passes, and every acknowledged save is there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{ADMIN, ADMIN_PASS, Lcg, haven, init, text, torture_room_id};
use haven::domain::rooms::Room;
use haven::store::Store;

#[test]
fn every_acknowledged_save_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let mut rng = Lcg(0x5eed);
    let mut acked: Vec<u64> = Vec::new();
    let mut next = 0u64;
    let mut kills = 0;
    let started = Instant::now();
    while kills < 60 || acked.len() < 2000 {
        assert!(started.elapsed() < Duration::from_secs(600), "durability test took too long");
        let mut child = haven(dir.path())
            .args(["torture", "--from", &next.to_string(), "--count", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait until it is writing, then let it run a random while.
        let first = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        assert_eq!(first, "ready");
        std::thread::sleep(Duration::from_millis(5 + rng.next() % 120));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        kills += 1;
        for line in rx.try_iter() {
            if let Some(n) = line.strip_prefix("ack ") {
                let n: u64 = n.parse().unwrap();
                acked.push(n);
                next = next.max(n + 1);
            }
        }
        // The killed save (not acknowledged) may or may not be there; the
        // next run starts after it so numbers stay unique.
        next += 1;

        let store = Store::open_as(dir.path(), ADMIN, ADMIN_PASS.as_bytes()).unwrap();
        for n in acked.iter().rev().take(200) {
            assert!(
                store.get::<Room>(&torture_room_id(*n)).unwrap().is_some(),
                "acknowledged save {n} lost after kill {kills}"
            );
        }
        drop(store);
        if kills % 10 == 0 {
            let out = haven(dir.path()).arg("check").output().unwrap();
            assert!(out.status.success(), "check failed after kill {kills}: {}", text(&out));
        }
    }
    let store = Store::open_as(dir.path(), ADMIN, ADMIN_PASS.as_bytes()).unwrap();
    for n in &acked {
        assert!(store.get::<Room>(&torture_room_id(*n)).unwrap().is_some(), "acknowledged save {n} lost");
    }
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    eprintln!("durability: {kills} kills, {} acknowledged saves, all present", acked.len());
}
