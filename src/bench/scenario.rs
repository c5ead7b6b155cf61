//! The performance scenario of docs/PERFORMANCE.md, run in one process on a synthetic
//! centre in a temporary folder: open, key press to frame on four screens,
//! search as you type, durable saves against plain fsync (and SQLite where it
//! is built in), memory, and database size fresh and after editing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::measure::{quantile_ms, rss_mib, time};
use super::report::{BenchReport, Figure};
use crate::app::config::Config;
use crate::app::console::App;
use crate::app::context::Ctx;
use crate::domain::case::CaseFront;
use crate::domain::rooms::{Bed, Room, Wing};
use crate::i18n::{I18n, Lang};
use crate::keymap::{Keymap, parse_script};
use crate::store::compact::db_bytes;
use crate::store::crypto::{self, KdfParams};
use crate::store::{AuditAction, AuditEntry, InitSpec, Store, StoreError};

const USER: &str = "bench";
const PASS: &[u8] = b"bench passphrase long enough";
const KEYS_PER_SCREEN: usize = 400;
const SAVES: usize = 100;

/// A temporary folder, removed however the run ends.
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh temporary folder for a run.
pub fn temp_dir() -> Result<TempDir, StoreError> {
    let name = crate::store::audit::hex(&crypto::random16()?);
    let dir = std::env::temp_dir().join(format!("haven-bench-{name}"));
    std::fs::create_dir_all(&dir)?;
    Ok(TempDir(dir))
}

/// Options of a run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Cases in the synthetic centre.
    pub cases: usize,
    /// Argon2id costs: calibrated for the real figure, cheap in tests.
    pub kdf: KdfParams,
    /// How long the first open after writing the centre took, when the
    /// process that wrote it measured that (see [`first_open`]).
    pub first_open: Option<Duration>,
}

/// Opens the centre `populate` just wrote once, as a console would, and
/// returns the time without the key derivation: sled replays the log of
/// the bulk write and the database is compacted.
pub fn first_open(dir: &Path) -> Result<Duration, StoreError> {
    let (d, _, app) = open_console(dir)?;
    drop(app);
    Ok(d)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Adds rooms until the board has at least `beds` beds.
fn fill_beds(store: &Store, beds: usize) -> Result<usize, StoreError> {
    let have = store.scan::<Bed>()?.len();
    let mut rooms = Vec::new();
    let mut new_beds = Vec::new();
    let mut n = have;
    let mut r = 0u32;
    while n < beds {
        let room = Room {
            id: crate::store::new_id()?,
            name: format!("B{r:03}"),
            floor: (r % 3 + 1) as i16,
            wing: [Wing::Women, Wing::Men, Wing::Family, Wing::Any][r as usize % 4],
            accessible: r.is_multiple_of(5),
            retired: false,
        };
        for b in 0..4u32 {
            new_beds.push(Bed {
                id: crate::store::new_id()?,
                room_id: room.id,
                label: format!("{}{}", room.name, (b'A' + b as u8) as char),
                walk_order: 1000 + r * 4 + b,
                out_of_service: None,
                retired: false,
            });
            n += 1;
        }
        rooms.push(room);
        r += 1;
    }
    store.commit(AuditEntry::new(AuditAction::Create, "room").summary("bench rooms"), |tx| {
        for room in &rooms {
            tx.put(room.clone())?;
        }
        for bed in &new_beds {
            tx.put(bed.clone())?;
        }
        Ok(())
    })?;
    Ok(n)
}

fn console(store: Store) -> Result<App, StoreError> {
    let keymap = Keymap::builtin("default").map_err(|e| StoreError::Invalid(e.to_string()))?;
    let ctx = Ctx::new(Some(store), I18n::new(Lang::En), keymap, Config::default(), false);
    Ok(App::new(ctx))
}

fn key_to_frame(app: &mut App, term: &mut Terminal<TestBackend>, keys: &str) -> Vec<Duration> {
    let keys = parse_script(keys).unwrap_or_default();
    let mut samples = Vec::with_capacity(KEYS_PER_SCREEN);
    for i in 0..KEYS_PER_SCREEN {
        let Some(k) = keys.get(i % keys.len().max(1)) else { break };
        let start = Instant::now();
        app.handle_key(*k);
        let _ = term.draw(|f| app.render(f));
        samples.push(start.elapsed());
    }
    samples
}

/// Lets the case list's search thread finish building its index (0.2 s at
/// 10,000 cases, on the other core) before its keys are timed: one query is
/// answered only after the index it waits behind.
fn wait_for_search_index(app: &mut App) {
    press(app, "/ z");
    settle(app);
    press(app, "esc");
}

/// Ticks until the screen on top has no answer due from its threads.
pub(super) fn settle(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while app.waiting() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_micros(200));
        app.tick();
    }
}

pub(super) fn press(app: &mut App, keys: &str) {
    for k in parse_script(keys).unwrap_or_default() {
        app.handle_key(k);
    }
}

/// Plain 4 KiB write + fsync in `dir`, `n` times: once appending to a new
/// file (the file grows, so the journal commits too), once overwriting a
/// block already on disk (the cheapest durable write there is).
fn plain_fsync(dir: &Path, n: usize, append: bool) -> Result<Vec<Duration>, StoreError> {
    use std::io::{Seek, SeekFrom};
    let path = dir.join("fsync-probe");
    let block = vec![0x5au8; 4096];
    let _ = std::fs::remove_file(&path);
    let mut f = std::fs::OpenOptions::new().create(true).truncate(true).read(true).write(true).open(&path)?;
    if !append {
        f.write_all(&block)?;
        f.sync_all()?;
    }
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        if append {
            f.seek(SeekFrom::End(0))?;
        } else {
            f.seek(SeekFrom::Start(0))?;
        }
        f.write_all(&block)?;
        f.sync_all()?;
        out.push(start.elapsed());
    }
    drop(f);
    let _ = std::fs::remove_file(&path);
    Ok(out)
}

/// sled's own durable floor: one 4 KiB value inserted, sled's flush and
/// `sync_all` of its file, `n` times, in a database of its own in `dir`
/// configured as the centre's is.
fn sled_floor(dir: &Path, n: usize) -> Result<Vec<Duration>, StoreError> {
    let path = dir.join("sled-floor");
    let db = crate::store::db::sled_config(&path).open()?;
    let file = std::fs::OpenOptions::new().read(true).write(true).open(path.join("db"))?;
    let value = vec![0x5au8; 4096];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        db.insert((i as u64 % 10).to_be_bytes(), value.as_slice())?;
        db.flush()?;
        file.sync_all()?;
        out.push(start.elapsed());
    }
    drop(db);
    let _ = std::fs::remove_dir_all(&path);
    Ok(out)
}

/// SQLite's commit of the same value (WAL, synchronous=FULL), `n` times.
#[cfg(unix)]
fn sqlite_commits(dir: &Path, value: &[u8], n: usize) -> Option<Vec<Duration>> {
    let conn = rusqlite::Connection::open(dir.join("probe.sqlite")).ok()?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE r (k INTEGER PRIMARY KEY, v BLOB);",
    )
    .ok()?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        conn.execute("INSERT OR REPLACE INTO r (k, v) VALUES (?1, ?2)", rusqlite::params![i as i64 % 10, value])
            .ok()?;
        out.push(start.elapsed());
    }
    Some(out)
}

#[cfg(not(unix))]
fn sqlite_commits(_dir: &Path, _value: &[u8], _n: usize) -> Option<Vec<Duration>> {
    None
}

/// Opens the centre, logs in and draws the first frame of the console: the
/// time without the key derivation, the key derivation, and the console.
fn open_console(dir: &Path) -> Result<(Duration, Duration, App), StoreError> {
    let start = Instant::now();
    let mut store = Store::open(dir)?;
    store.login(USER, PASS)?;
    let kdf = store.last_unlock_time();
    let mut app = console(store)?;
    let mut term = Terminal::new(TestBackend::new(200, 50)).map_err(|e| StoreError::Io(e.to_string()))?;
    let _ = term.draw(|f| app.render(f));
    Ok((start.elapsed().saturating_sub(kdf), kdf, app))
}

/// A person registered at the airport with the specimen passport of ICAO
/// 9303 read: the save compares the name with every case file.
fn arriving() -> crate::ops::arrivals::NewCase {
    use crate::domain::person::{AgeGroup, Gender};
    let zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    let today = chrono::Local::now().date_naive();
    crate::ops::arrivals::NewCase {
        alias: "Anna".into(),
        gender: Gender::Feminine,
        date_of_birth: None,
        age_group: AgeGroup::Adult,
        languages: vec!["sv".into()],
        interpreter_needed: false,
        mrz: crate::domain::mrz::parse(zone, today).ok(),
    }
}

/// The queries typed, one keystroke at a time, in both scripts.
pub const QUERIES: [&str; 10] =
    ["Юлия", "Iuliia", "Yulia", "Julia", "Щукина", "Shchukina", "Schukina", "Наталья", "Natalya", "DEM-26-00"];

/// Creates the synthetic centre of `opts.cases` cases in `dir`, with a bed
/// board of at least 200 beds.
pub fn populate(dir: &Path, opts: &Options) -> Result<(), StoreError> {
    let spec = InitSpec {
        centre_code: "DEM".into(),
        centre_name: "Bench centre".into(),
        admin: USER.into(),
        admin_name: "Bench".into(),
        kdf: opts.kdf,
        demo: false,
    };
    let store = Store::create(dir, &spec, PASS)?;
    let today = chrono::Local::now().date_naive();
    crate::demo::populate(&store, opts.cases, today)?;
    fill_beds(&store, 200)?;
    Ok(())
}

/// Runs the scenario on the centre `populate` made in `dir`. It opens the
/// centre as the console does, so the memory measured is that of a console
/// that opened it — provided the centre was written by another process.
pub fn run(dir: &Path, opts: Options, progress: &mut dyn FnMut(&str)) -> Result<BenchReport, StoreError> {
    let mut figures = Vec::new();
    let big = opts.cases > 10_000;
    let fresh = db_bytes(&dir.join("db"));

    progress("opening");
    // This process opens the centre once, as a console starting in the
    // morning does.
    let (open, kdf_time, mut app) = open_console(dir)?;
    figures.push(Figure::at_most("key derivation (Argon2id, deliberate)", ms(kdf_time), "ms", None));
    if let Some(first) = opts.first_open {
        // Measured by the process that wrote the centre: it replays sled's
        // log of the whole bulk write and compacts the database (a one-off,
        // as after a large import), which would otherwise inflate the memory
        // this process reports.
        figures.push(Figure::at_most("first open after the bulk write (replay, compaction)", ms(first), "ms", None));
    }
    figures.push(Figure::at_most(
        "open to first frame, without the key derivation",
        ms(open),
        "ms",
        Some(if big { 300.0 } else { 100.0 }),
    ));
    let mut term = Terminal::new(TestBackend::new(200, 50)).map_err(|e| StoreError::Io(e.to_string()))?;

    if let Some(mem) = rss_mib() {
        figures.push(Figure::at_most("resident memory after opening (dashboard drawn)", mem, "MB", None));
    }

    progress("key press to frame");
    for (name, setup, keys) in [
        ("dashboard", "", "down up"),
        ("bed board (200 beds)", "F3", "right right down left up down"),
        ("case list", "F4", "down down up pagedown pageup"),
    ] {
        let (_, opened) = time(|| {
            press(&mut app, setup);
            let _ = term.draw(|f| app.render(f));
        });
        if !setup.is_empty() {
            // Opening a screen reads what it shows (the bed board on this
            // thread, the case list's fronts on another).
            figures.push(Figure::at_most(format!("{name}: {setup} to its first frame"), ms(opened), "ms", None));
        }
        if setup == "F4" {
            // The rows are read on another thread: how long until they are on screen.
            let (_, rows) = time(|| {
                settle(&mut app);
                let _ = term.draw(|f| app.render(f));
            });
            figures.push(Figure::at_most("case list: F4 to its rows on screen", ms(opened + rows), "ms", None));
            wait_for_search_index(&mut app);
        }
        let s = key_to_frame(&mut app, &mut term, keys);
        figures.push(Figure::at_most(format!("key to frame, {name}, 200x50, p50"), quantile_ms(&s, 0.5), "ms", None));
        figures.push(Figure::at_most(
            format!("key to frame, {name}, 200x50, p99"),
            quantile_ms(&s, 0.99),
            "ms",
            Some(4.0),
        ));
        if setup == "F4" {
            // The console as a case worker has it: the list on screen and
            // its search index built on the other thread.
            if let Some(mem) = rss_mib() {
                figures.push(Figure::at_most(
                    "resident memory with the case list and its search index",
                    mem,
                    "MB",
                    Some(if big { 400.0 } else { 100.0 }),
                ));
            }
            let (_, opened) = time(|| {
                press(&mut app, "enter");
                let _ = term.draw(|f| app.render(f));
            });
            figures.push(Figure::at_most("case file: Enter on the list to its first frame", ms(opened), "ms", None));
            let store = app.ctx.store()?;
            let (found, checked) = time(|| {
                crate::ops::arrivals::possible_duplicates(store, &arriving(), chrono::Local::now().date_naive())
            });
            found?;
            // A lookup in the blind index (DESIGN §8: Ctrl-S to "Saved" ≤ 16 ms at 10k, ≤ 50 ms at 100k).
            let budget = if big { 50.0 } else { 16.0 };
            figures.push(Figure::at_most(
                "new arrival with a passport read: duplicate check",
                ms(checked),
                "ms",
                Some(budget),
            ));
        }
        press(&mut app, "alt-0");
    }
    // Where the space of the fresh centre goes, before the saves below add
    // to it (after the memory figures: it reads every tree).
    let trees = app.ctx.store()?.footprint()?;
    progress("first frame of every screen a key opens");
    figures.extend(super::screens::first_frames(&mut app, &mut term, big));
    progress("Ctrl-S to Saved, each kind of form");
    figures.extend(super::saves::ctrl_s(&mut app, &mut term, big));
    let on_save = Box::new(|_: &crate::forms::sample::Sample, _: &mut Ctx| Ok(crate::app::screen::Outcome::Pop));
    let form = crate::forms::sample::screen(&app.ctx, crate::forms::sample::Sample::default(), on_save);
    app.push(Box::new(form));
    let s = key_to_frame(&mut app, &mut term, "a b c backspace backspace backspace tab shift-tab");
    figures.push(Figure::at_most("key to frame, form, 200x50, p50", quantile_ms(&s, 0.5), "ms", None));
    figures.push(Figure::at_most("key to frame, form, 200x50, p99", quantile_ms(&s, 0.99), "ms", Some(4.0)));

    progress("search as you type");
    let store = app.ctx.store()?;
    let beds = store.scan::<Bed>()?.into_iter().filter(|b| !b.is_deleted() && !b.body.retired).count();
    let entries = crate::ops::case_list::index_entries(store)?;
    let (mut searcher, build) = time(|| crate::search::Searcher::new(&entries));
    figures.push(Figure::at_most("search index build", ms(build), "ms", None));
    let mut per_key = Vec::new();
    for q in QUERIES {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            let (_, d) = time(|| searcher.search(&typed));
            per_key.push(d);
        }
        searcher.search("");
    }
    figures.push(Figure::at_most("search per keystroke, p50", quantile_ms(&per_key, 0.5), "ms", None));
    figures.push(Figure::at_most("search per keystroke, p95", quantile_ms(&per_key, 0.95), "ms", Some(10.0)));
    drop(searcher);
    drop(entries);

    progress("durable saves");
    let mut case = store.scan::<CaseFront>()?.into_iter().next().ok_or(StoreError::NotFound("case"))?.body;
    let mut saves = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        case.alias = format!("Bench {i}");
        let (r, d) = time(|| {
            store.commit(AuditEntry::new(AuditAction::Update, "case").summary("alias"), |tx| {
                tx.put(case.clone()).map(|_| ())
            })
        });
        r?;
        saves.push(d);
    }
    let floor = sled_floor(dir, SAVES)?;
    let appended = plain_fsync(dir, SAVES, true)?;
    let overwritten = plain_fsync(dir, SAVES, false)?;
    let save50 = quantile_ms(&saves, 0.5);
    // The stricter reference: the cheaper of the two plain writes.
    let plain50 = quantile_ms(&appended, 0.5).min(quantile_ms(&overwritten, 0.5));
    let floor50 = quantile_ms(&floor, 0.5);
    figures.push(Figure::at_most("durable save, p50", save50, "ms", Some(floor50 * 2.0)));
    figures.push(Figure::at_most("durable save, p99", quantile_ms(&saves, 0.99), "ms", None));
    figures.push(Figure::at_most("plain 4 KiB append + fsync, p50", quantile_ms(&appended, 0.5), "ms", None));
    figures.push(Figure::at_most("plain 4 KiB overwrite + fsync, p50", quantile_ms(&overwritten, 0.5), "ms", None));
    figures.push(Figure::at_most("sled's durable floor (4 KiB insert, flush, sync_all), p50", floor50, "ms", None));
    figures.push(Figure::at_most(
        "durable save / sled's durable floor (p50)",
        save50 / floor50.max(0.001),
        "x",
        Some(2.0),
    ));
    figures.push(Figure::at_most("durable save / cheaper plain write (p50)", save50 / plain50.max(0.001), "x", None));
    let value = crate::store::codec::to_bytes(&case)?;
    if let Some(sq) = sqlite_commits(dir, &value, SAVES) {
        let sq50 = quantile_ms(&sq, 0.5);
        figures.push(Figure::at_most("SQLite commit (WAL, synchronous=FULL), p50", sq50, "ms", None));
        figures.push(Figure::at_most("durable save p50 vs SQLite p50", save50 / sq50.max(0.001), "x", None));
    }

    progress("database size");
    let per_k = |bytes: u64| bytes as f64 / (opts.cases.max(1) as f64 / 1000.0) / (1024.0 * 1024.0);
    figures.push(Figure::at_most(
        "database per 1,000 cases, fresh (after the first open)",
        per_k(fresh),
        "MB",
        Some(25.0),
    ));
    rewrite_all(store, 5)?;
    let edited = db_bytes(&dir.join("db"));
    figures.push(Figure::at_most(
        "database per 1,000 cases, after 5 rewrites of each",
        per_k(edited),
        "MB",
        Some(35.0),
    ));
    Ok(BenchReport { cases: opts.cases, beds, figures, trees })
}

/// Rewrites every case `times` times, in batches, as normal editing would.
fn rewrite_all(store: &Store, times: usize) -> Result<(), StoreError> {
    let cases: Vec<CaseFront> = store.scan::<CaseFront>()?.into_iter().map(|c| c.body).collect();
    for round in 0..times {
        for chunk in cases.chunks(500) {
            let batch: Vec<CaseFront> = chunk
                .iter()
                .map(|c| {
                    let mut c = c.clone();
                    c.special_needs = format!("edit {round}");
                    c
                })
                .collect();
            store.commit(AuditEntry::new(AuditAction::Update, "case").summary("bench edit"), |tx| {
                for c in &batch {
                    tx.put(c.clone())?;
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_run_reports_every_budgeted_figure_and_the_trees() {
        let tmp = temp_dir().unwrap();
        let dir = tmp.0.join("centre");
        let opts = Options { cases: 30, kdf: KdfParams::TESTING, first_open: None };
        populate(&dir, &opts).unwrap();
        let first = first_open(&dir).unwrap();
        let report = run(&dir, Options { first_open: Some(first), ..opts }, &mut |_| {}).unwrap();
        assert_eq!((report.cases, report.beds >= 200), (30, true));
        let budgeted: Vec<&str> =
            report.figures.iter().filter(|f| f.budget.is_some()).map(|f| f.what.as_str()).collect();
        for what in [
            "open to first frame, without the key derivation",
            "key to frame, dashboard, 200x50, p99",
            "key to frame, bed board (200 beds), 200x50, p99",
            "key to frame, case list, 200x50, p99",
            "key to frame, form, 200x50, p99",
            "search per keystroke, p95",
            "durable save, p50",
            "durable save / sled's durable floor (p50)",
            "database per 1,000 cases, fresh (after the first open)",
            "database per 1,000 cases, after 5 rewrites of each",
        ] {
            assert!(budgeted.contains(&what), "{what} missing from {budgeted:?}");
        }
        if rss_mib().is_some() {
            assert!(budgeted.contains(&"resident memory with the case list and its search index"));
        }
        let mut unsaved = Vec::new();
        for (name, _) in crate::bench::saves::FORMS {
            let p99 = format!("Ctrl-S to Saved, {name}, p99");
            assert!(budgeted.contains(&p99.as_str()), "{p99} missing from {budgeted:?}");
            let failed = format!("Ctrl-S to Saved, {name}: saves that did not close the form");
            let f = report.figures.iter().find(|f| f.what == failed).unwrap();
            if f.value != 0.0 {
                unsaved.push((name, f.value));
            }
        }
        assert!(unsaved.is_empty(), "forms whose saves did not close: {unsaved:?}");
        for screen in ["F2", "F3", "F4", "F5", "F6", "case file", "audit trail", "conflicts"] {
            assert!(
                budgeted.iter().any(|w| w.contains(screen) && w.contains("key to its first frame")),
                "{screen} missing from {budgeted:?}"
            );
        }
        assert!(report.figures.iter().all(|f| f.value.is_finite() && f.value >= 0.0));
        let table = report.table();
        assert!(table.contains("case file: Enter on the list to its first frame"), "{table}");
        assert!(table.contains("case list: F4 to its rows on screen"), "{table}");
        assert!(report.trees.iter().any(|t| t.tree == "services" && t.entries == 30 * 12), "{:?}", report.trees);
    }
}
