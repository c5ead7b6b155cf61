//! The hub's load generator (issue 18 §2, `haven hub load`, documented in
//! docs/PERFORMANCE.md): N centres × M simulated laptops against a real
//! PostgreSQL, each laptop syncing on a schedule — push what it wrote since
//! its last sync, pull what the others pushed after its own cursors, leave
//! its checkpoint — at a set rate of changes for a set time, then it stops
//! by itself and reports changes per second sustained, push and pull
//! latency p50/p99, rows and bytes per change on the hub, rows PostgreSQL
//! read per pulled change, and the hub's CPU (from /proc, when the hub runs
//! on this machine).
//!
//! It drives the hub's own SQL ([`PgHub`]) with opaque random envelopes of
//! a laptop's size, not the laptops' stores and crypto: what it measures is
//! the hub. The laptops share a small pool of connections of the hub's
//! administrator, each call made as the laptop's own role (`SET ROLE`), so
//! row-level security applies as it does to a laptop; a thousand laptops do
//! not need a thousand connections here (the connections a real network
//! needs are issue 18 §6). Run it only against a hub for testing: it
//! creates roles and rows of its own, and removes them when it ends.

use std::collections::{BTreeMap, BinaryHeap};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use postgres::{Client, Config};

use super::delay::DelayProxy;
use super::hub::{Hub, HubError, PAGE, Push, Row};
use super::pg::{self, PgHub};

/// What to run.
#[derive(Debug, Clone)]
pub struct LoadSpec {
    /// The hub administrator's URL (a database for testing).
    pub url: String,
    /// The administrator's password, when not in the URL.
    pub password: Option<String>,
    /// The CA that signed the hub's certificate.
    pub ca_pem: Vec<u8>,
    /// Centres.
    pub centres: usize,
    /// Laptops per centre.
    pub laptops: usize,
    /// Changes a day over the whole network.
    pub per_day: f64,
    /// Extra changes one laptop makes at once, every `burst_every`.
    pub burst: usize,
    /// How often a burst comes.
    pub burst_every: Duration,
    /// How often each laptop syncs.
    pub sync_every: Duration,
    /// How long the load runs.
    pub duration: Duration,
    /// Connections in the pool.
    pub connections: usize,
    /// Round trip added to every connection (a delay proxy on loopback).
    pub delay: Duration,
    /// Bytes of an envelope.
    pub body_bytes: usize,
}

impl Default for LoadSpec {
    fn default() -> LoadSpec {
        LoadSpec {
            url: String::new(),
            password: None,
            ca_pem: Vec::new(),
            centres: 100,
            laptops: 10,
            per_day: 1_000_000.0,
            burst: 100,
            burst_every: Duration::from_secs(10),
            sync_every: Duration::from_secs(10),
            duration: Duration::from_secs(60),
            connections: 8,
            delay: Duration::ZERO,
            body_bytes: 560,
        }
    }
}

/// What a run measured.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LoadReport {
    /// Centres × laptops.
    pub centres: usize,
    /// Laptops per centre.
    pub laptops: usize,
    /// Changes a second offered (rate and bursts).
    pub offered_per_s: f64,
    /// Changes pushed and stored.
    pub pushed: u64,
    /// Changes pulled by the other laptops.
    pub pulled: u64,
    /// Syncs done.
    pub syncs: u64,
    /// Syncs that began later than their schedule by more than a sync interval.
    pub late_syncs: u64,
    /// Failed hub calls.
    pub errors: u64,
    /// Seconds the load ran.
    pub seconds: f64,
    /// Changes pushed per second, sustained: by the syncs that began after
    /// every laptop had synced once and before the end, over that window.
    pub changes_per_s: f64,
    /// Push latency p50 / p99 (ms).
    pub push_ms: (f64, f64),
    /// Pull latency p50 / p99 (ms), the whole pull of a sync.
    pub pull_ms: (f64, f64),
    /// Rows on the hub (envelopes and checkpoints) per change pushed.
    pub rows_per_change: f64,
    /// Bytes the hub grew by (tables, indexes, TOAST) per change pushed.
    pub bytes_per_change: f64,
    /// Rows PostgreSQL read from the envelope and checkpoint tables per change pulled.
    pub read_per_pulled: f64,
    /// The same per sync (what a sync costs when little moves).
    pub read_per_sync: f64,
    /// Milliseconds between two syncs of a laptop.
    pub sync_every_ms: f64,
    /// The hub's CPU while the load ran, in % of one core (None: not on this machine).
    pub hub_cpu_pct: Option<f64>,
    /// Round trip added (ms).
    pub delay_ms: u64,
}

impl LoadReport {
    /// Whether the hub kept up: no call failed, it stored 90 % or more of
    /// what was offered (sustained over the steady window), at most 5 % of the syncs
    /// began later than their schedule by a whole interval, and a sync's
    /// push and pull took (p99) less than half the interval between syncs.
    pub fn kept_up(&self) -> bool {
        self.errors == 0
            && self.changes_per_s >= 0.9 * self.offered_per_s
            && (self.late_syncs as f64) <= 0.05 * (self.syncs as f64).max(1.0)
            && self.push_ms.1 + self.pull_ms.1 < self.sync_every_ms / 2.0
    }

    /// A table for people.
    pub fn table(&self) -> String {
        let cpu = self.hub_cpu_pct.map_or("-".to_string(), |c| format!("{c:.0} %"));
        format!(
            "centres × laptops   {} × {}\nadded round trip    {} ms\noffered             {:.1} changes/s\nsustained           {:.1} changes/s ({} pushed, {} pulled, {} syncs, {} late, {} errors, {:.1} s)\npush p50 / p99      {:.1} / {:.1} ms\npull p50 / p99      {:.1} / {:.1} ms\nrows per change     {:.2}\nbytes per change    {:.0}\nrows read           {:.2} per pulled change, {:.1} per sync\nhub CPU             {cpu}\nkept up             {}\n",
            self.centres,
            self.laptops,
            self.delay_ms,
            self.offered_per_s,
            self.changes_per_s,
            self.pushed,
            self.pulled,
            self.syncs,
            self.late_syncs,
            self.errors,
            self.seconds,
            self.push_ms.0,
            self.push_ms.1,
            self.pull_ms.0,
            self.pull_ms.1,
            self.rows_per_change,
            self.bytes_per_change,
            self.read_per_pulled,
            self.read_per_sync,
            if self.kept_up() { "yes" } else { "no" },
        )
    }
}

/// One simulated laptop.
struct Sim {
    centre: [u8; 16],
    device: [u8; 16],
    seq: u64,
    cursors: BTreeMap<[u8; 16], u64>,
    owed: f64,
    ck: u64,
    last: Instant,
    /// Changes pushed by its last sync.
    last_pushed: u64,
}

/// Counters shared by the workers.
#[derive(Default)]
struct Tally {
    pushed: AtomicU64,
    /// Pushed by syncs that began in the steady window (after every laptop
    /// synced once, before the end).
    pushed_steady: AtomicU64,
    pulled: AtomicU64,
    syncs: AtomicU64,
    late: AtomicU64,
    errors: AtomicU64,
    push_us: Mutex<Vec<u64>>,
    pull_us: Mutex<Vec<u64>>,
}

/// A small fast generator for envelope bytes (not for secrets).
struct XorShift(u64);

impl XorShift {
    fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            let b = self.0.to_le_bytes();
            chunk.copy_from_slice(&b[..chunk.len()]);
        }
    }
}

fn random_id() -> Result<[u8; 16], HubError> {
    let mut id = [0u8; 16];
    crate::store::crypto::fill_random(&mut id).map_err(|e| HubError::Local(e.to_string()))?;
    Ok(id)
}

/// The administrator's connection settings, optionally to another port on
/// loopback (the delay proxy), keeping the host name the certificate names.
fn config(spec: &LoadSpec, port: Option<u16>) -> Result<Config, HubError> {
    let given =
        Config::from_str(&pg::strip_sslmode(&spec.url)?).map_err(|e| HubError::Local(format!("hub URL: {e}")))?;
    let mut cfg = Config::new();
    if let Some(u) = given.get_user() {
        cfg.user(u);
    }
    if let Some(d) = given.get_dbname() {
        cfg.dbname(d);
    }
    if let Some(p) = given.get_password() {
        cfg.password(p);
    }
    if let Some(p) = &spec.password {
        cfg.password(p);
    }
    for h in given.get_hosts() {
        if let postgres::config::Host::Tcp(h) = h {
            cfg.host(h);
        }
    }
    match port {
        Some(p) => {
            cfg.hostaddr(std::net::IpAddr::from([127, 0, 0, 1]));
            cfg.port(p);
        }
        None => {
            for p in given.get_ports() {
                cfg.port(*p);
            }
        }
    }
    cfg.ssl_mode(postgres::config::SslMode::Require);
    cfg.connect_timeout(Duration::from_secs(10));
    cfg.application_name("haven-load");
    Ok(cfg)
}

fn connect(spec: &LoadSpec, port: Option<u16>) -> Result<Client, HubError> {
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(pg::tls_config(&spec.ca_pem)?);
    config(spec, port)?.connect(tls).map_err(pg::classify)
}

/// The hub's server processes' CPU time so far, in ticks of 1/100 s:
/// the postmaster (with its children that ended) and its live children.
/// None when the hub does not run on this machine.
fn hub_ticks(postmaster: Option<u32>) -> Option<u64> {
    let pm = postmaster?;
    let fields = |pid: &str| -> Option<Vec<String>> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let rest = stat.rsplit_once(')')?.1;
        Some(rest.split_whitespace().map(str::to_string).collect())
    };
    let num = |f: &[String], i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    // After the ")": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    let own = fields(&pm.to_string())?;
    let mut total = num(&own, 11) + num(&own, 12) + num(&own, 13) + num(&own, 14);
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Some(f) = fields(&name)
            && num(&f, 1) == u64::from(pm)
        {
            total += num(&f, 11) + num(&f, 12);
        }
    }
    Some(total)
}

/// The postmaster of the server `admin` is connected to, if it runs here.
fn postmaster(admin: &mut Client) -> Option<u32> {
    let pid: i32 = admin.query_one("SELECT pg_backend_pid()", &[]).ok()?.get(0);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let ppid = rest.split_whitespace().nth(1)?.parse::<u32>().ok()?;
    let comm = std::fs::read_to_string(format!("/proc/{ppid}/comm")).ok()?;
    comm.trim().starts_with("postgres").then_some(ppid)
}

/// Rows read from the envelope and checkpoint tables so far, once the
/// counters stand still (a backend flushes its counts when it ends).
fn rows_read(admin: &mut Client) -> Result<i64, HubError> {
    let read = |c: &mut Client| -> Result<i64, HubError> {
        c.batch_execute("SELECT pg_stat_clear_snapshot()").map_err(pg::classify)?;
        c.query_one(
            "SELECT (SELECT coalesce(sum(seq_tup_read), 0) FROM pg_stat_user_tables
                     WHERE relname IN ('haven_envelope', 'haven_checkpoint'))::bigint
                  + (SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes
                     WHERE relname IN ('haven_envelope', 'haven_checkpoint'))::bigint",
            &[],
        )
        .map(|r| r.get(0))
        .map_err(pg::classify)
    };
    let mut last = read(admin)?;
    for _ in 0..10 {
        std::thread::sleep(Duration::from_millis(500));
        let now = read(admin)?;
        if now == last {
            return Ok(now);
        }
        last = now;
    }
    Ok(last)
}

fn percentiles(mut v: Vec<u64>) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    v.sort_unstable();
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize] as f64 / 1000.0;
    (at(0.50), at(0.99))
}

/// Creates the centres' laptops at the hub: a role each (no login: the
/// pool acts as it) and its row.
fn enrol(admin: &mut Client, spec: &LoadSpec) -> Result<Vec<Sim>, HubError> {
    pg::init_schema(admin)?;
    let now = Instant::now();
    let mut sims = Vec::new();
    for _ in 0..spec.centres {
        let centre = random_id()?;
        let mut ddl = String::new();
        let (mut devs, mut roles) = (Vec::new(), Vec::new());
        for _ in 0..spec.laptops {
            let device = random_id()?;
            let role = pg::device_role(&device);
            // A change a laptop has begun and not finished: a random part of
            // one, so that a short run at a low rate still averages right.
            let begun = f64::from(u16::from_le_bytes([device[0], device[1]])) / 65_536.0;
            ddl.push_str(&format!("CREATE ROLE {role} NOLOGIN IN ROLE {};", pg::DEVICE_GROUP));
            devs.push(pg::uuid(&device));
            roles.push(role);
            sims.push(Sim {
                centre,
                device,
                seq: 0,
                cursors: BTreeMap::new(),
                owed: begun,
                ck: 0,
                last: now,
                last_pushed: 0,
            });
        }
        admin.batch_execute(&ddl).map_err(pg::classify)?;
        admin
            .execute(
                "INSERT INTO haven_device (centre_id, device_id, db_role, pubkey)
                 SELECT $1::text::uuid, d::uuid, r, '\\x00'::bytea FROM unnest($2::text[], $3::text[]) AS t(d, r)",
                &[&pg::uuid(&centre), &devs, &roles],
            )
            .map_err(pg::classify)?;
    }
    Ok(sims)
}

/// Removes what [`enrol`] and the run created.
fn remove(admin: &mut Client, sims: &[Sim]) -> Result<(), HubError> {
    let centres: Vec<String> = {
        let mut c: Vec<String> = sims.iter().map(|s| pg::uuid(&s.centre)).collect();
        c.dedup();
        c
    };
    for table in ["haven_envelope", "haven_checkpoint", "haven_roster", "haven_device"] {
        admin
            .execute(&format!("DELETE FROM {table} WHERE centre_id = ANY($1::text[]::uuid[])"), &[&centres])
            .map_err(pg::classify)?;
    }
    for chunk in sims.chunks(200) {
        let ddl: String =
            chunk.iter().map(|s| format!("DROP ROLE IF EXISTS {};", pg::device_role(&s.device))).collect();
        admin.batch_execute(&ddl).map_err(pg::classify)?;
    }
    Ok(())
}

/// One sync of one simulated laptop on a pooled connection.
fn sync_one(
    hub: &mut PgHub,
    sim: &mut Sim,
    spec: &LoadSpec,
    rng: &mut XorShift,
    tally: &Tally,
) -> Result<(), HubError> {
    hub.act_as(sim.centre, sim.device)?;
    let n = sim.owed.floor() as u64;
    sim.owed -= n as f64;
    sim.last_pushed = 0;
    if n > 0 {
        let t = Instant::now();
        let mut left = n;
        while left > 0 {
            let k = left.min(PAGE as u64);
            let rows: Vec<Row> = (0..k)
                .map(|i| {
                    let mut body = vec![0u8; spec.body_bytes];
                    rng.fill(&mut body);
                    let mut prev_hash = vec![0u8; 32];
                    rng.fill(&mut prev_hash);
                    Row { device: sim.device, seq: sim.seq + 1 + i, hlc_ms: 0, key_id: 1, prev_hash, body }
                })
                .collect();
            let clashes = hub.push(&Push { rows, checkpoint: None, statements: Vec::new() })?;
            if !clashes.is_empty() {
                return Err(HubError::Other(format!("{} clashes", clashes.len())));
            }
            sim.seq += k;
            left -= k;
        }
        tally.push_us.lock().map_err(|_| HubError::Local("tally".into()))?.push(t.elapsed().as_micros() as u64);
        tally.pushed.fetch_add(n, Ordering::Relaxed);
        sim.last_pushed = n;
    }
    sim.cursors.insert(sim.device, sim.seq);
    let t = Instant::now();
    let mut got = 0u64;
    loop {
        let pulled = hub.pull(&sim.cursors, PAGE)?;
        for r in &pulled.rows {
            let c = sim.cursors.entry(r.device).or_insert(0);
            *c = (*c).max(r.seq);
        }
        got += pulled.rows.len() as u64;
        if !pulled.more || pulled.rows.is_empty() {
            break;
        }
    }
    tally.pull_us.lock().map_err(|_| HubError::Local("tally".into()))?.push(t.elapsed().as_micros() as u64);
    tally.pulled.fetch_add(got, Ordering::Relaxed);
    if n > 0 || got > 0 {
        sim.ck += 1;
        let mut body = vec![0u8; 400];
        rng.fill(&mut body);
        hub.push(&Push { rows: Vec::new(), checkpoint: Some((sim.ck, body)), statements: Vec::new() })?;
    }
    Ok(())
}

/// Runs the load once (see the module comment).
pub fn run(spec: &LoadSpec) -> Result<LoadReport, HubError> {
    if spec.centres == 0 || spec.laptops == 0 || spec.connections == 0 {
        return Err(HubError::Local("centres, laptops and connections must be at least 1".into()));
    }
    let mut admin = connect(spec, None)?;
    let sims = enrol(&mut admin, spec)?;
    let result = drive(spec, &mut admin, sims);
    match result {
        Ok((report, sims)) => {
            remove(&mut admin, &sims)?;
            Ok(report)
        }
        Err((e, sims)) => {
            let _ = remove(&mut admin, &sims);
            Err(e)
        }
    }
}

type Driven = Result<(LoadReport, Vec<Sim>), (HubError, Vec<Sim>)>;

fn drive(spec: &LoadSpec, admin: &mut Client, sims: Vec<Sim>) -> Driven {
    let proxy = if spec.delay.is_zero() {
        None
    } else {
        let target = match hub_address(spec) {
            Ok(a) => a,
            Err(e) => return Err((e, sims)),
        };
        match DelayProxy::start(target, spec.delay / 2) {
            Ok(p) => Some(p),
            Err(e) => return Err((HubError::Local(format!("delay proxy: {e}")), sims)),
        }
    };
    let port = proxy.as_ref().map(DelayProxy::port);
    let mut pool = Vec::new();
    for _ in 0..spec.connections {
        match connect(spec, port) {
            Ok(c) => pool.push(PgHub::pooled(c)),
            Err(e) => return Err((e, sims)),
        }
    }
    let laptops = sims.len();
    let per_laptop = spec.per_day / 86_400.0 / laptops as f64;
    // Bursts come at every whole burst interval after the start; those in
    // the steady window (from one sync interval after the start to the end)
    // count, as the changes pushed there do.
    let window = spec.duration.saturating_sub(spec.sync_every).as_secs_f64().max(0.001);
    let every = spec.burst_every.as_secs_f64().max(0.001);
    let first = (spec.sync_every.as_secs_f64() / every).ceil().max(1.0);
    let last = (spec.duration.as_secs_f64() / every).ceil() - 1.0;
    let bursts = (last - first + 1.0).max(0.0);
    let offered = spec.per_day / 86_400.0 + spec.burst as f64 * bursts / window;
    let pm = postmaster(admin);
    let size_before = hub_size(admin).map(|x| x.0).unwrap_or(0);
    let read_before = rows_read(admin).unwrap_or(0);
    let cpu_before = hub_ticks(pm);
    let start = Instant::now();
    let end = start + spec.duration;
    // Every laptop's first sync is spread over one interval.
    let mut heap = BinaryHeap::new();
    for i in 0..laptops {
        let offset = spec.sync_every.mul_f64(i as f64 / laptops as f64);
        heap.push(std::cmp::Reverse((start + offset, i)));
    }
    let heap = Arc::new(Mutex::new(heap));
    let sims: Arc<Vec<Mutex<Sim>>> = Arc::new(
        sims.into_iter()
            .map(|mut s| {
                s.last = start;
                Mutex::new(s)
            })
            .collect(),
    );
    let next_burst = Arc::new(Mutex::new(start + spec.burst_every));
    let tally = Arc::new(Tally::default());
    let mut workers = Vec::new();
    for (w, mut hub) in pool.into_iter().enumerate() {
        let (heap, sims, tally, next_burst, spec) =
            (heap.clone(), sims.clone(), tally.clone(), next_burst.clone(), spec.clone());
        workers.push(std::thread::spawn(move || {
            let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ (w as u64 + 1));
            loop {
                // Bounded: a laptop fallen behind its schedule does not keep
                // the run going past its end.
                if Instant::now() > end + spec.sync_every.min(Duration::from_secs(5)) {
                    return hub;
                }
                let due = {
                    let Ok(mut h) = heap.lock() else { return hub };
                    match h.peek() {
                        Some(std::cmp::Reverse((at, _))) if *at > end => return hub,
                        None => return hub,
                        Some(std::cmp::Reverse((at, i))) if *at <= Instant::now() => {
                            let (at, i) = (*at, *i);
                            h.pop();
                            Some((at, i))
                        }
                        Some(std::cmp::Reverse((at, _))) => {
                            let wait = at.saturating_duration_since(Instant::now());
                            drop(h);
                            std::thread::sleep(wait.min(Duration::from_millis(20)));
                            None
                        }
                    }
                };
                let Some((at, i)) = due else { continue };
                let now = Instant::now();
                if now.saturating_duration_since(at) > spec.sync_every {
                    tally.late.fetch_add(1, Ordering::Relaxed);
                }
                if let Some(m) = sims.get(i)
                    && let Ok(mut sim) = m.lock()
                {
                    sim.owed += per_laptop * now.saturating_duration_since(sim.last).as_secs_f64();
                    sim.last = now;
                    if let Ok(mut nb) = next_burst.lock()
                        && now >= *nb
                    {
                        sim.owed += spec.burst as f64;
                        *nb += spec.burst_every;
                    }
                    let steady = now >= start + spec.sync_every && now <= end;
                    match sync_one(&mut hub, &mut sim, &spec, &mut rng, &tally) {
                        Ok(()) => tally.syncs.fetch_add(1, Ordering::Relaxed),
                        Err(_) => tally.errors.fetch_add(1, Ordering::Relaxed),
                    };
                    if steady {
                        tally.pushed_steady.fetch_add(sim.last_pushed, Ordering::Relaxed);
                    }
                }
                if let Ok(mut h) = heap.lock() {
                    h.push(std::cmp::Reverse((at + spec.sync_every, i)));
                }
            }
        }));
    }
    let mut hubs = Vec::new();
    for w in workers {
        if let Ok(h) = w.join() {
            hubs.push(h);
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu_after = hub_ticks(pm);
    drop(hubs);
    drop(proxy);
    let sims: Vec<Sim> = match Arc::try_unwrap(sims) {
        Ok(v) => v.into_iter().filter_map(|m| m.into_inner().ok()).collect(),
        Err(_) => Vec::new(),
    };
    let read_after = rows_read(admin).unwrap_or(read_before);
    let (bytes, rows) = match hub_size(admin) {
        Ok((size, rows)) => (size - size_before, rows),
        Err(e) => return Err((e, sims)),
    };
    let pushed = tally.pushed.load(Ordering::Relaxed);
    let pulled = tally.pulled.load(Ordering::Relaxed);
    let push = tally.push_us.lock().map(|v| v.clone()).unwrap_or_default();
    let pull = tally.pull_us.lock().map(|v| v.clone()).unwrap_or_default();
    let report = LoadReport {
        centres: spec.centres,
        laptops: spec.laptops,
        offered_per_s: offered,
        pushed,
        pulled,
        syncs: tally.syncs.load(Ordering::Relaxed),
        late_syncs: tally.late.load(Ordering::Relaxed),
        errors: tally.errors.load(Ordering::Relaxed),
        seconds,
        changes_per_s: tally.pushed_steady.load(Ordering::Relaxed) as f64
            / (spec.duration.saturating_sub(spec.sync_every).as_secs_f64()).max(0.001),
        push_ms: percentiles(push),
        pull_ms: percentiles(pull),
        rows_per_change: rows as f64 / (pushed.max(1)) as f64,
        bytes_per_change: bytes as f64 / (pushed.max(1)) as f64,
        read_per_pulled: (read_after - read_before) as f64 / (pulled.max(1)) as f64,
        read_per_sync: (read_after - read_before) as f64 / (tally.syncs.load(Ordering::Relaxed).max(1)) as f64,
        sync_every_ms: spec.sync_every.as_secs_f64() * 1000.0,
        hub_cpu_pct: match (cpu_before, cpu_after) {
            (Some(a), Some(b)) => Some((b.saturating_sub(a)) as f64 / seconds.max(0.001)),
            _ => None,
        },
        delay_ms: spec.delay.as_millis() as u64,
    };
    Ok((report, sims))
}

/// Bytes of the envelope and checkpoint tables (with indexes and TOAST),
/// and their rows. The growth is the figure: give the load a fresh database.
fn hub_size(admin: &mut Client) -> Result<(i64, i64), HubError> {
    admin
        .query_one(
            // The envelope table is partitioned: its size is its partitions'.
            "SELECT ((SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('haven_envelope'))
                     + pg_total_relation_size('haven_checkpoint'))::bigint,
                    (SELECT count(*) FROM haven_envelope)::bigint + (SELECT count(*) FROM haven_checkpoint)::bigint",
            &[],
        )
        .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)))
        .map_err(pg::classify)
}

/// The hub's address on this machine (the delay proxy forwards to it).
fn hub_address(spec: &LoadSpec) -> Result<std::net::SocketAddr, HubError> {
    use std::net::ToSocketAddrs;
    let cfg = config(spec, None)?;
    let host = cfg
        .get_hosts()
        .iter()
        .find_map(|h| match h {
            postgres::config::Host::Tcp(h) => Some(h.clone()),
            #[allow(unreachable_patterns)]
            _ => None,
        })
        .unwrap_or_else(|| "localhost".into());
    let port = cfg.get_ports().first().copied().unwrap_or(5432);
    (host.as_str(), port)
        .to_socket_addrs()
        .map_err(|e| HubError::Offline(e.to_string()))?
        .find(|a| a.is_ipv4())
        .ok_or_else(|| HubError::Offline(format!("{host}: no IPv4 address")))
}

/// Runs the load at `spec`'s rate, then at twice it, and so on (at most
/// `steps` runs) until the hub no longer keeps up: the last rate it kept up
/// with is the saturation point.
pub fn saturation(spec: &LoadSpec, steps: usize) -> Result<Vec<LoadReport>, HubError> {
    let mut out = Vec::new();
    let mut s = spec.clone();
    for _ in 0..steps {
        let r = run(&s)?;
        let kept = r.kept_up();
        out.push(r);
        if !kept {
            break;
        }
        s.per_day *= 2.0;
        s.burst *= 2;
    }
    Ok(out)
}
