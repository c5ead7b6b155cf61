//! The storage hot paths of docs/PERFORMANCE.md on a centre of 1,000 synthetic cases:
//! a durable save (encrypt, record + history + audit + change log, flush,
//! sync) next to a plain 4 KiB overwrite + fsync in the same folder, opening
//! the centre to the console's first frame (the key derivation is the cheap
//! test one), and reading one case file. `haven bench` gives the same figures
//! at 10,000 and 100,000 cases against their budgets; these catch regressions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use haven::app::config::Config;
use haven::app::console::App;
use haven::app::context::Ctx;
use haven::domain::case::CaseFront;
use haven::i18n::{I18n, Lang};
use haven::keymap::Keymap;
use haven::store::{AuditAction, AuditEntry, Store};

use common::PASS;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn centre(dir: &Path, cases: usize) {
    let store = common::create(dir);
    haven::demo::populate(&store, cases, chrono::Local::now().date_naive()).unwrap();
}

fn open_to_first_frame(dir: &Path) {
    let mut store = Store::open(dir).unwrap();
    store.login("anna", PASS).unwrap();
    let ctx = Ctx::new(Some(store), I18n::new(Lang::En), Keymap::builtin("default").unwrap(), Config::default(), false);
    let mut app = App::new(ctx);
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    centre(dir.path(), 1_000);
    // The first open after the bulk write replays and compacts: not what is measured.
    open_to_first_frame(dir.path());

    c.bench_function("open_to_first_frame_1000_cases", |b| b.iter(|| open_to_first_frame(dir.path())));

    let mut store = Store::open(dir.path()).unwrap();
    store.login("anna", PASS).unwrap();
    let cases: Vec<CaseFront> = store.scan::<CaseFront>().unwrap().into_iter().map(|s| s.body).collect();
    let mut n = 0usize;
    c.bench_function("case_file_open_1000_cases", |b| {
        b.iter(|| {
            n += 1;
            haven::ops::case_file::load(&store, cases[n % cases.len()].id).unwrap()
        })
    });

    // Each save edits the next case, as a day's work does: one record
    // edited thousands of times would measure its merge state instead.
    let mut i = 0usize;
    c.bench_function("durable_save_1000_cases", |b| {
        b.iter(|| {
            i += 1;
            let mut front = cases[i % cases.len()].clone();
            front.special_needs = format!("edit {i}");
            store
                .commit(AuditEntry::new(AuditAction::Update, "case").summary("bench"), |tx| {
                    tx.put(front.clone()).map(|_| ())
                })
                .unwrap();
        })
    });

    let path = dir.path().join("fsync-probe");
    let mut f = std::fs::OpenOptions::new().create(true).truncate(true).read(true).write(true).open(&path).unwrap();
    let block = vec![0x5au8; 4096];
    f.write_all(&block).unwrap();
    f.sync_all().unwrap();
    c.bench_function("plain_4k_overwrite_fsync", |b| {
        b.iter(|| {
            f.seek(SeekFrom::Start(0)).unwrap();
            f.write_all(&block).unwrap();
            f.sync_all().unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
