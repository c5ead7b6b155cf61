//! Past one server (issue 18 §6): a PostgreSQL primary with a streaming
//! replica on loopback (`.ci/pg-pair.sh`: pg_basebackup, then pg_ctl
//! promote). Laptops name both servers in one URL
//! (`host1:port1,host2:port2?target_session_attrs=read-write`) and switch
//! to the new primary by themselves; nothing acknowledged under
//! synchronous replication is lost, and what the new primary lacks from an
//! asynchronous window is pushed again by the laptops that wrote it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use haven::domain::case::CaseFront;
use haven::sync::hub;
use haven::sync::state::{AlarmKind, SyncState};
use sync_common::*;

struct Pair {
    dir: std::path::PathBuf,
    p1: String,
    p2: String,
    pw: String,
}

fn script(cmd: &str, dir: &std::path::Path, extra: &[&str]) {
    let out = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/pg-pair.sh"))
        .arg(cmd)
        .arg(dir)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "pg-pair.sh {cmd}: {}", String::from_utf8_lossy(&out.stderr));
}

impl Pair {
    fn start() -> Option<Pair> {
        if std::env::var("HAVEN_TEST_PG_ROOT").is_err() {
            eprintln!("HAVEN_TEST_PG_ROOT is not set: the failover test is skipped (.ci/run starts a cluster)");
            return None;
        }
        let dir = std::path::PathBuf::from(format!(
            "/tmp/haven-pair-{}",
            haven::store::crypto::random16().unwrap().iter().map(|b| format!("{b:02x}")).collect::<String>()
        ));
        script("start", &dir, &[]);
        let env = std::fs::read_to_string(dir.join("env")).unwrap();
        let get = |k: &str| env.lines().find_map(|l| l.strip_prefix(&format!("{k}="))).unwrap().to_string();
        Some(Pair { p1: get("P1"), p2: get("P2"), pw: get("PW"), dir })
    }

    fn url(&self) -> String {
        format!(
            "postgres://haven_admin@localhost:{},localhost:{}/haven_hub?sslmode=verify-full&target_session_attrs=read-write",
            self.p1, self.p2
        )
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        let _ = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/pg-pair.sh"))
            .arg("stop")
            .arg(&self.dir)
            .output();
    }
}

fn sync(l: &mut Laptop) -> hub::Report {
    let mut h = haven::sync::setup::connect(l.s()).unwrap().unwrap();
    hub::sync(l.store(), &mut h).unwrap()
}

#[test]
fn laptops_switch_to_the_promoted_replica_and_push_again_what_it_lacks() {
    let Some(pair) = Pair::start() else { return };
    let ca = std::fs::read(std::env::var("HAVEN_TEST_PG_CA").unwrap()).unwrap();
    let mut a = first_laptop();
    let mut b = join(&a, "desk");
    haven::sync::setup::init(a.s(), &pair.url(), Some(&pair.pw), &ca).unwrap();
    haven::sync::setup::init(b.s(), &pair.url(), Some(&pair.pw), &ca).unwrap();
    // Synchronous replication: what the primary acknowledges is on the replica.
    script("sync", &pair.dir, &["on"]);
    for i in 0..3 {
        put(a.s(), new_case(&format!("Acked{i}")));
    }
    put(b.s(), new_case("AckedB"));
    sync(&mut a);
    sync(&mut b);
    sync(&mut a);
    let (acked_head, _) = a.s().own_head().unwrap();
    let (b_head, _) = b.s().own_head().unwrap();
    // Then an asynchronous window the replica never receives.
    script("sync", &pair.dir, &["off"]);
    script("cut", &pair.dir, &[]);
    put(a.s(), new_case("Lagged0"));
    put(a.s(), new_case("Lagged1"));
    assert!(sync(&mut a).pushed >= 2, "acknowledged by the old primary");
    let (a_head, _) = a.s().own_head().unwrap();
    // The primary dies; the replica is promoted.
    script("promote", &pair.dir, &[]);
    let only_new = format!("postgres://haven_admin@localhost:{}/haven_hub?sslmode=verify-full", pair.p2);
    let mut admin = haven::sync::pg::connect(&only_new, Some(&pair.pw), &ca).unwrap();
    let a_dev = uuid(&a.s().header().installation);
    let on_new = |admin: &mut postgres::Client| -> i64 {
        admin
            .query_one("SELECT coalesce(max(seq), 0) FROM haven_envelope WHERE device_id = $1::text::uuid", &[&a_dev])
            .unwrap()
            .get(0)
    };
    let lacking = on_new(&mut admin);
    assert!(lacking < a_head as i64, "the new primary lacks the asynchronous window");
    // Nothing acknowledged under synchronous replication was lost, before any laptop pushes again.
    assert!(lacking >= acked_head as i64, "{lacking} < {acked_head}");
    let b_rows: i64 = admin
        .query_one(
            "SELECT count(*) FROM haven_envelope WHERE device_id = $1::text::uuid",
            &[&uuid(&b.s().header().installation)],
        )
        .unwrap()
        .get(0);
    assert_eq!(b_rows, b_head as i64);
    // The laptops reach the new primary through the same URL, and A pushes again.
    for _ in 0..2 {
        sync(&mut a);
        sync(&mut b);
    }
    assert_eq!(on_new(&mut admin), a_head as i64, "what the new primary lacked was pushed again");
    let count: i64 = admin
        .query_one("SELECT count(*) FROM haven_envelope WHERE device_id = $1::text::uuid", &[&a_dev])
        .unwrap()
        .get(0);
    assert_eq!(count, a_head as i64, "no gap");
    for l in [&a, &b] {
        assert_eq!(l.s().scan::<CaseFront>().unwrap().len(), 6);
        // The hub showing less than before is named (a rollback), nothing else.
        let alarms = SyncState::load(l.s()).unwrap().alarms;
        assert!(alarms.iter().all(|x| x.kind == AlarmKind::Rollback), "{alarms:?}");
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
}

fn uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
