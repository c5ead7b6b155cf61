//! Laptops of one centre for the sync tests: the first creates the centre,
//! the others are restored from its backup and enrolled as their own
//! installations, as a real new laptop would be.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{TimeZone, Utc};
use haven::domain::case::CaseFront;
use haven::store::crypto::KdfParams;
use haven::store::{AuditAction, AuditEntry, InitSpec, Record, Store};

pub const PASS: &str = "manager passphrase";

/// A laptop: its folder and its open store.
pub struct Laptop {
    pub dir: tempfile::TempDir,
    pub store: Option<Store>,
    pub clock: Arc<AtomicI64>,
}

impl Laptop {
    pub fn store(&mut self) -> &mut Store {
        self.store.as_mut().unwrap()
    }

    pub fn s(&self) -> &Store {
        self.store.as_ref().unwrap()
    }

    /// Closes and reopens (a restart, or after a crash).
    pub fn reopen(&mut self) {
        self.store = None;
        let mut s = open_retry(self.dir.path());
        let c = self.clock.clone();
        s.set_clock(Arc::new(move || Utc.timestamp_millis_opt(c.load(Ordering::SeqCst)).unwrap()));
        self.store = Some(s);
    }

    /// Moves this laptop's clock on.
    pub fn tick(&self, ms: i64) {
        self.clock.fetch_add(ms, Ordering::SeqCst);
    }
}

fn clocked(mut s: Store, start: i64) -> (Store, Arc<AtomicI64>) {
    let clock = Arc::new(AtomicI64::new(start));
    let c = clock.clone();
    s.set_clock(Arc::new(move || Utc.timestamp_millis_opt(c.load(Ordering::SeqCst)).unwrap()));
    (s, clock)
}

/// The first laptop of a new centre.
pub fn first_laptop() -> Laptop {
    let dir = tempfile::tempdir().unwrap();
    let spec = InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Test centre".into(),
        admin: "anna".into(),
        admin_name: "Anna".into(),
        kdf: KdfParams::TESTING,
        demo: false,
    };
    let s = Store::create(dir.path(), &spec, PASS.as_bytes()).unwrap();
    let (s, clock) = clocked(s, 1_790_000_000_000);
    Laptop { dir, store: Some(s), clock }
}

/// Another laptop of the same centre: restored from a backup of `from`,
/// then enrolled as its own installation.
pub fn join(from: &Laptop, name: &str) -> Laptop {
    let backup = tempfile::tempdir().unwrap();
    let file = backup.path().join("centre.haven");
    from.s().backup_to(&file, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("c");
    // sled's flusher may still hold a just-closed database for a moment.
    let s = (0..20)
        .find_map(|_| match haven::store::backup::restore(&file, &target, "anna", PASS.as_bytes(), false) {
            Ok((_, s)) => Some(s),
            Err(_) => {
                std::thread::sleep(std::time::Duration::from_millis(100));
                None
            }
        })
        .unwrap();
    let (mut s, clock) = clocked(s, from.clock.load(Ordering::SeqCst));
    haven::sync::device::enrol(&mut s, name).unwrap();
    // Keep the folder alive through the laptop.
    let holder = tempfile::TempDir::new_in(dir.path()).unwrap();
    drop(holder);
    Laptop { dir: relocate(dir, &target, s, clock.clone()), store: None, clock }.opened()
}

fn relocate(dir: tempfile::TempDir, _target: &Path, s: Store, _c: Arc<AtomicI64>) -> tempfile::TempDir {
    drop(s);
    dir
}

impl Laptop {
    fn opened(mut self) -> Laptop {
        // The centre lives in the sub-folder "c" of a joined laptop.
        let sub = self.dir.path().join("c");
        if sub.exists() {
            let mut s = open_retry(&sub);
            let c = self.clock.clone();
            s.set_clock(Arc::new(move || Utc.timestamp_millis_opt(c.load(Ordering::SeqCst)).unwrap()));
            self.store = Some(s);
        }
        self
    }

    /// The centre folder.
    pub fn path(&self) -> std::path::PathBuf {
        let sub = self.dir.path().join("c");
        if sub.exists() { sub } else { self.dir.path().to_path_buf() }
    }

    /// Reopens from the centre folder.
    pub fn restart(&mut self) {
        self.store = None;
        let mut s = open_retry(&self.path());
        let c = self.clock.clone();
        s.set_clock(Arc::new(move || Utc.timestamp_millis_opt(c.load(Ordering::SeqCst)).unwrap()));
        self.store = Some(s);
    }
}

/// A case front with `alias`.
pub fn new_case(alias: &str) -> CaseFront {
    use haven::domain::case::*;
    use haven::domain::person::{AgeBasis, AgeGroup, Gender};
    CaseFront {
        id: haven::store::new_id().unwrap(),
        code: haven::domain::case_code::CaseCode::new("MSK", 26, 42).unwrap(),
        alias: alias.into(),
        gender: Gender::Feminine,
        age: AgeBasis::Unknown,
        age_group: AgeGroup::Adult,
        languages: vec!["ru".into()],
        interpreter_needed: false,
        special_needs: String::new(),
        status: CaseStatus::Expected,
        high_risk: false,
        arrived_on: None,
        worker: None,
    }
}

/// Saves a record.
pub fn put<T: Record>(s: &Store, r: T) {
    s.commit(AuditEntry::new(AuditAction::Update, T::KIND), |tx| tx.put(r.clone()).map(|_| ())).unwrap();
}

/// A digest of what every laptop must agree on: each record and its merge state.
pub fn state_hash(s: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    for c in s.scan::<CaseFront>().unwrap() {
        out.extend(serde_json::to_vec(&c.body).unwrap());
        out.extend(serde_json::to_vec(&c.meta.deleted).unwrap());
        let (mut m, rec) = s.merge_state("case_front", &c.body.key()).unwrap().unwrap();
        // Each laptop forgets its own superseded dots and keeps the others':
        // the dead sets differ by design, the values and conflicts may not.
        for f in m.fields.values_mut() {
            f.dead.clear();
        }
        out.extend(m.digest(&rec));
        out.extend(format!("{:?}", m.conflicts).into_bytes());
    }
    haven::store::crypto::hash(&[&out]).to_vec()
}

/// Opens a centre just closed: sled's flusher may hold it for a moment.
pub fn open_retry(path: &Path) -> Store {
    for _ in 0..50 {
        match Store::open_as(path, "anna", PASS.as_bytes()) {
            Ok(s) => return s,
            Err(haven::store::StoreError::InUse { .. }) => std::thread::sleep(std::time::Duration::from_millis(50)),
            Err(e) => panic!("{e}"),
        }
    }
    panic!("the centre stayed in use");
}

/// A small deterministic generator (the simulation's seed fixes everything).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One value written by a laptop, to check that nothing vanished.
pub struct Written {
    key: Vec<u8>,
    field: &'static str,
    dot: haven::store::merge::Dot,
}

/// The seeded simulation of three laptops over any hub: `prepare` sets a
/// laptop up (hub registration), `sync_one` syncs it (online or not).
pub fn simulate(seed: u64, steps: usize, prepare: &dyn Fn(&Laptop), sync_one: &mut dyn FnMut(&mut Laptop, bool)) {
    let mut rng = Rng(seed);
    let first = first_laptop();
    let mut laptops: Vec<Laptop> = vec![join(&first, "a"), join(&first, "b"), join(&first, "c")];
    drop(first);
    for l in laptops.iter_mut() {
        prepare(l);
        sync_one(l, true);
    }
    let mut online = [true; 3];
    let mut written: Vec<Written> = Vec::new();
    let bundles = tempfile::tempdir().unwrap();
    for step in 0..steps {
        let i = rng.below(3) as usize;
        for l in &laptops {
            l.tick(1 + rng.below(5000) as i64);
        }
        match rng.below(10) {
            0..=4 => {
                // An edit: a new case, or a field of a case this laptop knows.
                let s = laptops[i].s();
                let known = s.scan::<CaseFront>().unwrap();
                let me = s.header().installation;
                if known.is_empty() || rng.below(4) == 0 {
                    let c = new_case(&format!("S{step}"));
                    put(s, c.clone());
                    written.push(Written {
                        key: c.key(),
                        field: "alias",
                        dot: haven::store::merge::Dot { inst: me, seq: s.own_head().unwrap().0 },
                    });
                } else {
                    let c = known[rng.below(known.len() as u64) as usize].body.clone();
                    let mut e = c.clone();
                    let field = match rng.below(3) {
                        0 => {
                            e.special_needs = format!("need {step}");
                            "special_needs"
                        }
                        1 => {
                            e.alias = format!("alias {step}");
                            "alias"
                        }
                        _ => {
                            e.interpreter_needed = !e.interpreter_needed;
                            "interpreter_needed"
                        }
                    };
                    put(s, e);
                    written.push(Written {
                        key: c.key(),
                        field,
                        dot: haven::store::merge::Dot { inst: me, seq: s.own_head().unwrap().0 },
                    });
                }
            }
            5 => online[i] = !online[i],
            6 | 7 => {
                let on = online[i];
                sync_one(&mut laptops[i], on);
            }
            8 => {
                // A bundle carried from one laptop to another.
                let j = (i + 1 + rng.below(2) as usize) % 3;
                let file = bundles.path().join(format!("b{step}.haven"));
                haven::sync::bundle::export(laptops[i].s(), &file, None).unwrap();
                haven::sync::bundle::import(laptops[j].store(), &file).unwrap();
            }
            _ => {
                // A crash mid-apply during a sync, then a restart.
                haven::sync::receive::crash_next_apply_after(Some(rng.below(3) as usize));
                sync_one(&mut laptops[i], true);
                haven::sync::receive::crash_next_apply_after(None);
                laptops[i].restart();
            }
        }
    }
    // Everyone back online: sync until quiet.
    for _ in 0..3 {
        for l in laptops.iter_mut() {
            sync_one(l, true);
        }
    }
    let hashes: Vec<Vec<u8>> = laptops.iter().map(|l| state_hash(l.s())).collect();
    assert!(hashes.windows(2).all(|w| w[0] == w[1]), "seed {seed}: laptops differ");
    for l in &laptops {
        let st = haven::sync::state::SyncState::load(l.s()).unwrap();
        assert!(st.alarms.is_empty(), "seed {seed}: {:?}", st.alarms);
        assert!(st.pending.is_empty());
        assert!(l.s().check().unwrap().ok(), "seed {seed}: {:?}", l.s().check().unwrap().problems);
    }
    // No value vanished: each is live, or was replaced by an editor who saw
    // it. Asked of a laptop that did not write it: the writer forgets its
    // own superseded dots, the others keep them.
    let mut conflicts = 0;
    for w in &written {
        let s = laptops.iter().map(|l| l.s()).find(|s| s.header().installation != w.dot.inst).expect("three laptops");
        let (mut m, rec) = s.merge_state("case_front", &w.key).unwrap().unwrap();
        m.fill(&rec);
        let live_or_seen = match m.fields.get(w.field) {
            Some(f) => f.values.iter().any(|v| v.dot == w.dot) || f.dead.contains(&w.dot),
            None => m.origin.as_ref().is_some_and(|o| o.dot == w.dot),
        };
        assert!(live_or_seen, "seed {seed}: a value of {} vanished", w.field);
        if let Some(f) = m.fields.get(w.field)
            && f.in_conflict()
        {
            assert!(m.conflicts.iter().any(|c| c == w.field), "seed {seed}: a conflict is not shown");
            conflicts += 1;
        }
    }
    let _ = conflicts;
}
