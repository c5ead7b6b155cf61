//! Connections at a few hundred laptops (issue 18 §6), on a PostgreSQL of
//! its own (`.ci/pg-pair.sh start DIR solo`, default `max_connections` =
//! 100) so that filling it up harms no other test: 300 laptops each holding
//! a LISTEN connection do not fit; the same 300 polling with backoff
//! (connect, look, disconnect; `sync/wake.rs`) all get through, holding a
//! handful of backends at a time. The figures go to docs/HUB.md.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use std::collections::{BTreeMap, BinaryHeap};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use haven::sync::hub::Hub;
use haven::sync::pg::PgHub;
use haven::sync::wake::Backoff;
use sync_common::*;

const LAPTOPS: usize = 300;

/// (when, laptop, quiet polls so far), soonest first.
type Schedule = BinaryHeap<std::cmp::Reverse<(Duration, usize, u32)>>;

struct Solo {
    dir: std::path::PathBuf,
    port: String,
    pw: String,
}

impl Solo {
    fn start() -> Option<Solo> {
        if std::env::var("HAVEN_TEST_PG_ROOT").is_err() {
            eprintln!("HAVEN_TEST_PG_ROOT is not set: the connections test is skipped (.ci/run starts a cluster)");
            return None;
        }
        let dir = std::path::PathBuf::from(format!(
            "/tmp/haven-solo-{}",
            haven::store::crypto::random16().unwrap().iter().map(|b| format!("{b:02x}")).collect::<String>()
        ));
        let out = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/pg-pair.sh"))
            .args(["start"])
            .arg(&dir)
            .arg("solo")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let env = std::fs::read_to_string(dir.join("env")).unwrap();
        let get = |k: &str| env.lines().find_map(|l| l.strip_prefix(&format!("{k}="))).unwrap().to_string();
        Some(Solo { port: get("P1"), pw: get("PW"), dir })
    }
}

impl Drop for Solo {
    fn drop(&mut self) {
        let _ = std::process::Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/pg-pair.sh"))
            .arg("stop")
            .arg(&self.dir)
            .output();
    }
}

/// Proportional set size of a process, in kB.
fn pss_kb(pid: i32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    s.lines().find_map(|l| l.strip_prefix("Pss:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v.get(((v.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default()
}

#[test]
fn three_hundred_laptops_do_not_fit_holding_listen_connections_and_do_polling_with_backoff() {
    let Some(solo) = Solo::start() else { return };
    let ca = std::fs::read(std::env::var("HAVEN_TEST_PG_CA").unwrap()).unwrap();
    let url = format!("postgres://haven_admin@localhost:{}/haven_hub?sslmode=verify-full", solo.port);
    let mut a = first_laptop();
    haven::sync::setup::init(a.s(), &url, Some(&solo.pw), &ca).unwrap();
    put(a.s(), new_case("Tern"));
    {
        let mut h = haven::sync::setup::connect(a.s()).unwrap().unwrap();
        haven::sync::hub::sync(a.store(), &mut h).unwrap();
    }
    let cfg = haven::sync::setup::config(a.s()).unwrap().unwrap();
    let (centre, me) = (a.s().header().centre_id, a.s().header().installation);
    let mut admin = haven::sync::pg::connect(&url, Some(&solo.pw), &ca).unwrap();
    let max: i64 = admin.query_one("SHOW max_connections", &[]).unwrap().get::<_, String>(0).parse().unwrap();

    // 1. Every laptop holds a LISTEN connection.
    let mut held = Vec::new();
    let mut refusal = None;
    for _ in 0..LAPTOPS {
        match PgHub::connect(&cfg, centre, me) {
            Ok(mut h) => {
                assert!(h.listen());
                held.push(h);
            }
            Err(e) => {
                refusal = Some(e.to_string());
                break;
            }
        }
    }
    let pids: Vec<i32> = admin
        .query("SELECT pid FROM pg_stat_activity WHERE application_name = 'haven' AND pid <> pg_backend_pid()", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let pss: Vec<u64> = pids.iter().filter_map(|p| pss_kb(*p)).collect();
    let per_backend_kb = pss.iter().sum::<u64>() / pss.len().max(1) as u64;
    let listening = held.len();
    drop(held);
    eprintln!(
        "LISTEN: {listening} of {LAPTOPS} laptops got a connection (max_connections {max}); then: {refusal:?}; \
         {per_backend_kb} kB PSS per idle backend"
    );
    assert!(listening < LAPTOPS, "all {LAPTOPS} fit under max_connections {max}?");
    assert!(listening < max as usize, "refused at the connection limit, not before");
    assert!(refusal.is_some());

    // 2. The same laptops polling with backoff (compressed: 2 s doubling to 8 s).
    let run = Duration::from_secs(15);
    let start = Instant::now();
    let queue: Arc<Mutex<Schedule>> = Arc::new(Mutex::new(
        (0..LAPTOPS)
            .map(|i| std::cmp::Reverse((Duration::from_millis((i as u64 * 2_000) / LAPTOPS as u64), i, 0)))
            .collect(),
    ));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let polled = Arc::new(Mutex::new(vec![0u32; LAPTOPS]));
    let done = Arc::new(AtomicBool::new(false));
    let peak = Arc::new(AtomicUsize::new(0));
    let sampler = {
        let (done, peak, url, pw, ca) = (done.clone(), peak.clone(), url.clone(), solo.pw.clone(), ca.clone());
        std::thread::spawn(move || {
            let mut admin = haven::sync::pg::connect(&url, Some(&pw), &ca).unwrap();
            while !done.load(Ordering::SeqCst) {
                let n: i64 = admin
                    .query_one("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'haven'", &[])
                    .unwrap()
                    .get(0);
                peak.fetch_max(n as usize, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (queue, latencies, failures, polled, cfg) =
                (queue.clone(), latencies.clone(), failures.clone(), polled.clone(), cfg.clone());
            std::thread::spawn(move || {
                loop {
                    let next = queue.lock().unwrap().pop();
                    let Some(std::cmp::Reverse((at, laptop, quiet))) = next else { return };
                    if at >= run {
                        return;
                    }
                    let now = start.elapsed();
                    if at > now {
                        std::thread::sleep(at - now);
                    }
                    let t = Instant::now();
                    let r = PgHub::connect(&cfg, centre, me).and_then(|mut h| {
                        let after: BTreeMap<[u8; 16], u64> = [(me, 1)].into_iter().collect();
                        h.pull(&after, 100)
                    });
                    latencies.lock().unwrap().push(t.elapsed());
                    match r {
                        Ok(p) => assert!(p.rows.is_empty()),
                        Err(e) => failures.lock().unwrap().push(e.to_string()),
                    }
                    polled.lock().unwrap()[laptop] += 1;
                    let mut b = Backoff::with(Duration::from_secs(2), Duration::from_secs(8));
                    for _ in 0..=quiet {
                        b.quiet();
                    }
                    let jitter = (laptop % 7) as f64 / 7.0;
                    queue.lock().unwrap().push(std::cmp::Reverse((
                        start.elapsed() + b.wait(jitter),
                        laptop,
                        quiet + 1,
                    )));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    done.store(true, Ordering::SeqCst);
    sampler.join().unwrap();
    let mut lat = latencies.lock().unwrap().clone();
    let polls = lat.len();
    let failures = failures.lock().unwrap().clone();
    let every = polled.lock().unwrap().iter().all(|n| *n > 0);
    eprintln!(
        "polling: {LAPTOPS} laptops, {polls} polls in {:?} ({:.0}/s), connect+look p50 {:?} p99 {:?}, \
         peak {} backends, {} failures",
        run,
        polls as f64 / run.as_secs_f64(),
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        peak.load(Ordering::SeqCst),
        failures.len()
    );
    assert!(failures.is_empty(), "{:?}", &failures[..failures.len().min(3)]);
    assert!(every, "every laptop looked at the hub");
    assert!(peak.load(Ordering::SeqCst) <= 12, "a handful of backends at a time");
}
