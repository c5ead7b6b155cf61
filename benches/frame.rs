//! Key press to frame (update + render + diff) at 200×50 on the dashboard,
//! the help, the case list and a form, against the docs/PERFORMANCE.md budget (p99 ≤
//! 4 ms). Besides criterion's own statistics, the p50 and p99 of 2,000
//! single key presses are printed for each screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use haven::app::config::Config;
use haven::app::console::App;
use haven::app::context::Ctx;
use haven::forms::sample::Sample;
use haven::i18n::{I18n, Lang};
use haven::keymap::{Keymap, parse_script};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn console(cases: usize) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::create(dir.path());
    let now = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 30, 0).unwrap();
    store.set_clock(Arc::new(move || Utc.from_utc_datetime(&now)));
    haven::demo::populate(&store, cases, now.date()).unwrap();
    let mut ctx =
        Ctx::new(Some(store), I18n::new(Lang::En), Keymap::builtin("default").unwrap(), Config::default(), false);
    ctx.set_clock(Arc::new(move || now));
    (dir, App::new(ctx))
}

fn frame(app: &mut App, term: &mut Terminal<TestBackend>, key: &ratatui::crossterm::event::KeyEvent) {
    app.handle_key(*key);
    term.draw(|f| app.render(f)).unwrap();
}

fn percentiles(name: &str, app: &mut App, keys: &str) {
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let keys = parse_script(keys).unwrap();
    let mut times: Vec<Duration> = Vec::with_capacity(2000);
    for i in 0..2000 {
        let k = &keys[i % keys.len()];
        let t = Instant::now();
        frame(app, &mut term, k);
        times.push(t.elapsed());
    }
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!("key→frame {name} 200x50: p50 {:?}  p99 {:?}  (budget p99 ≤ 4 ms)", p(0.50), p(0.99));
}

fn bench(c: &mut Criterion) {
    let (_dir, mut app) = console(200);
    percentiles("dashboard", &mut app, "down up");
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let down = parse_script("down").unwrap()[0];
    c.bench_function("key_to_frame_dashboard_200x50", |b| b.iter(|| frame(&mut app, &mut term, &down)));
    let f1 = parse_script("F1").unwrap();
    for k in &f1 {
        app.handle_key(*k);
    }
    percentiles("help", &mut app, "down up pagedown pageup");
    c.bench_function("key_to_frame_help_200x50", |b| b.iter(|| frame(&mut app, &mut term, &down)));

    // The case list (200 cases), once its search thread has its index.
    for k in parse_script("esc F4").unwrap() {
        app.handle_key(k);
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.waiting() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
        app.tick();
    }
    percentiles("case list", &mut app, "down down up pagedown pageup");
    c.bench_function("key_to_frame_case_list_200x50", |b| b.iter(|| frame(&mut app, &mut term, &down)));

    // A form: typing into a field and moving between fields.
    for k in parse_script("alt-0").unwrap() {
        app.handle_key(k);
    }
    let on_save = Box::new(|_: &Sample, _: &mut haven::app::context::Ctx| Ok(haven::app::screen::Outcome::Pop));
    let form = haven::forms::sample::screen(&app.ctx, Sample::default(), on_save);
    app.push(Box::new(form));
    percentiles("form", &mut app, "a b c backspace backspace backspace tab shift-tab");
    let tab = parse_script("tab").unwrap()[0];
    c.bench_function("key_to_frame_form_200x50", |b| b.iter(|| frame(&mut app, &mut term, &tab)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
