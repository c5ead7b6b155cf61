//! Syncing 10,000 changes between two laptops through the hub: the time to
//! push them from one laptop and to pull, verify and apply them on the
//! other, and the bytes on the wire. Through the in-memory hub always, and
//! through a real PostgreSQL when HAVEN_TEST_PG_URL / HAVEN_TEST_PG_CA name
//! one (`.ci/pg.sh` starts one). `cargo bench --bench sync`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Instant;

use haven::domain::case::{CaseFront, CaseStatus};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::store::{AuditAction, AuditEntry, Store};

use common::PASS;
use haven::sync::hub::{self, Hub};
use haven::sync::memhub::MemoryHub;

const CHANGES: usize = 10_000;
const PER_COMMIT: usize = 100;

fn case(i: usize) -> CaseFront {
    CaseFront {
        id: haven::store::new_id().unwrap(),
        code: haven::domain::case_code::CaseCode::new("MSK", 26, (i % 9000 + 1) as u32).unwrap(),
        alias: format!("Bird {i}"),
        gender: Gender::Feminine,
        age: AgeBasis::Unknown,
        age_group: AgeGroup::Adult,
        languages: vec!["ru".into()],
        interpreter_needed: i.is_multiple_of(3),
        special_needs: String::new(),
        status: CaseStatus::Expected,
        high_risk: false,
        arrived_on: None,
        worker: None,
    }
}

fn laptops() -> (tempfile::TempDir, Store, Store) {
    let root = tempfile::tempdir().unwrap();
    let a = common::create(&root.path().join("a"));
    let file = root.path().join("a.haven");
    a.backup_to(&file, &mut |_| {}).unwrap();
    let (_, mut b) = haven::store::backup::restore(&file, &root.path().join("b"), "anna", PASS, false).unwrap();
    haven::sync::device::enrol(&mut b, "night desk").unwrap();
    (root, a, b)
}

fn write_changes(a: &Store) {
    for c in 0..CHANGES / PER_COMMIT {
        let batch: Vec<CaseFront> = (0..PER_COMMIT).map(|i| case(c * PER_COMMIT + i)).collect();
        a.commit(AuditEntry::new(AuditAction::Create, "case"), |tx| {
            for r in &batch {
                tx.put(r.clone())?;
            }
            Ok(())
        })
        .unwrap();
    }
}

fn run(name: &str, a: &mut Store, b: &mut Store, hub_a: &mut dyn Hub, hub_b: &mut dyn Hub) {
    let t = Instant::now();
    let up = hub::sync(a, hub_a).unwrap();
    let push = t.elapsed();
    let t = Instant::now();
    let down = hub::sync(b, hub_b).unwrap();
    let pull = t.elapsed();
    assert_eq!(b.scan::<CaseFront>().unwrap().len(), CHANGES);
    assert!(haven::sync::state::SyncState::load(b).unwrap().alarms.is_empty());
    println!(
        "sync/{name}: {CHANGES} changes — push {:.2} s ({} envelopes, {} bytes up), pull+verify+apply {:.2} s ({} applied, {} bytes down), {:.0} changes/s end to end",
        push.as_secs_f64(),
        up.pushed,
        up.bytes_up,
        pull.as_secs_f64(),
        down.received.applied,
        down.bytes_down,
        CHANGES as f64 / (push + pull).as_secs_f64()
    );
}

fn main() {
    // `cargo test --benches` runs this too: keep that quick.
    if std::env::args().any(|a| a == "--test") || std::env::var("HAVEN_BENCH_SKIP").is_ok() {
        return;
    }
    let (_root, mut a, mut b) = laptops();
    let t = Instant::now();
    write_changes(&a);
    println!("sync/setup: {CHANGES} changes written on laptop A in {:.2} s", t.elapsed().as_secs_f64());
    let hub = MemoryHub::new();
    let (ia, ib) = (a.header().installation, b.header().installation);
    run("memory", &mut a, &mut b, &mut hub.handle(ia), &mut hub.handle(ib));
    println!("sync/memory: the hub holds {} bytes of envelopes", hub.bytes());

    if let (Ok(url), Ok(ca)) = (std::env::var("HAVEN_TEST_PG_URL"), std::env::var("HAVEN_TEST_PG_CA")) {
        let ca = std::fs::read(ca).unwrap();
        let (_root2, mut a, mut b) = laptops();
        write_changes(&a);
        haven::sync::setup::init(&a, &url, None, &ca).unwrap();
        haven::sync::setup::init(&b, &url, None, &ca).unwrap();
        let mut ha = haven::sync::setup::connect(&a).unwrap().unwrap();
        let mut hb = haven::sync::setup::connect(&b).unwrap().unwrap();
        run("postgresql", &mut a, &mut b, &mut ha, &mut hb);
    } else {
        println!("sync/postgresql: skipped (set HAVEN_TEST_PG_URL and HAVEN_TEST_PG_CA)");
    }
}
