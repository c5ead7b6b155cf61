//! The bed board with 200 beds: key press to frame (update + render +
//! diff) at 200×50 against the budget of docs/PERFORMANCE.md (p99 ≤ 4 ms). Besides
//! criterion's own statistics, the p50 and p99 of 2,000 single key presses
//! are printed, as `benches/frame.rs` does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use haven::app::config::Config;
use haven::app::console::App;
use haven::app::context::Ctx;
use haven::domain::case::{CaseFront, CaseStatus};
use haven::domain::case_code::CaseCode;
use haven::domain::ids::{BedId, CaseId, ReservationId, RoomId, StayId};
use haven::domain::person::{AgeBasis, AgeGroup, Gender};
use haven::domain::rooms::{Bed, OutOfService, Room, Wing};
use haven::domain::stay::{Reservation, Stay};
use haven::i18n::{I18n, Lang};
use haven::keymap::{Keymap, parse_script};
use haven::store::{AuditAction, AuditEntry, Store, new_id};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BEDS: usize = 200;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(23, 30, 0).unwrap()
}

/// 50 rooms of four beds over five floors and every wing; three beds in
/// four occupied, a few reserved and out of service.
fn centre(store: &Store) {
    let today = now().date();
    let wings = [Wing::Women, Wing::Men, Wing::Family, Wing::Minors, Wing::Any];
    let mut rooms = Vec::new();
    let mut beds = Vec::new();
    for r in 0..BEDS / 4 {
        let floor = (r / 10) as i16 + 1;
        let room = Room {
            id: new_id::<RoomId>().unwrap(),
            name: format!("{}{:02}", floor, r % 10 + 1),
            floor,
            wing: wings[r % wings.len()],
            accessible: r % 7 == 0,
            retired: false,
        };
        for b in 0..4u8 {
            let i = beds.len();
            beds.push(Bed {
                id: new_id::<BedId>().unwrap(),
                room_id: room.id,
                label: format!("{}{}", room.name, char::from(b'A' + b)),
                walk_order: (i as u32 + 1) * 10,
                out_of_service: (i % 33 == 7)
                    .then(|| OutOfService { reason: "repair".into(), until: Some(today + chrono::Days::new(3)) }),
                retired: false,
            });
        }
        rooms.push(room);
    }
    let mut cases = Vec::new();
    let mut stays = Vec::new();
    let mut reservations = Vec::new();
    for (i, bed) in beds.iter().enumerate() {
        if bed.out_of_service.is_some() {
            continue;
        }
        let case = CaseFront {
            id: new_id::<CaseId>().unwrap(),
            code: CaseCode::new("MSK", 26, i as u32 + 1).unwrap(),
            alias: format!("Guest {i:03}"),
            gender: Gender::Feminine,
            age: AgeBasis::Estimated { years: 30, on: today },
            age_group: AgeGroup::Adult,
            languages: vec![],
            interpreter_needed: false,
            special_needs: String::new(),
            status: CaseStatus::InResidence,
            high_risk: false,
            arrived_on: Some(today),
            worker: None,
        };
        if i % 4 != 3 {
            stays.push(Stay {
                id: new_id::<StayId>().unwrap(),
                case_id: case.id,
                bed_id: bed.id,
                from: today - chrono::Days::new((i % 60) as u64),
                expected_until: Some(today + chrono::Days::new((i % 40) as u64)),
                until: None,
                end_reason: None,
            });
        } else if i % 8 == 3 {
            reservations.push(Reservation {
                id: new_id::<ReservationId>().unwrap(),
                bed_id: bed.id,
                case_id: Some(case.id),
                pickup_id: None,
                for_date: today,
                released: false,
            });
        }
        cases.push(case);
    }
    store
        .commit(AuditEntry::new(AuditAction::Create, "bench").summary("board bench"), |tx| {
            for r in &rooms {
                tx.put(r.clone())?;
            }
            for b in &beds {
                tx.put(b.clone())?;
            }
            for c in &cases {
                tx.put(c.clone())?;
            }
            for s in &stays {
                tx.put(s.clone())?;
            }
            for r in &reservations {
                tx.put(r.clone())?;
            }
            Ok(())
        })
        .unwrap();
}

fn console() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::create(dir.path());
    store.set_clock(Arc::new(move || Utc.from_utc_datetime(&now())));
    centre(&store);
    let mut ctx =
        Ctx::new(Some(store), I18n::new(Lang::En), Keymap::builtin("default").unwrap(), Config::default(), false);
    ctx.set_clock(Arc::new(now));
    let mut app = App::new(ctx);
    for k in parse_script("F3").unwrap() {
        app.handle_key(k);
    }
    (dir, app)
}

fn frame(app: &mut App, term: &mut Terminal<TestBackend>, key: &ratatui::crossterm::event::KeyEvent) {
    app.handle_key(*key);
    term.draw(|f| app.render(f)).unwrap();
}

fn percentiles(name: &str, app: &mut App, keys: &str) {
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
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
    let (_dir, mut app) = console();
    // Walk the whole board: across, down to the end and back up again.
    let walk =
        [vec!["right"; 7], vec!["down"; 30], vec!["left"; 7], vec!["up"; 30], vec!["pagedown", "pageup"]].concat();
    percentiles("bed board (200 beds)", &mut app, &walk.join(" "));
    percentiles("bed board filters (200 beds)", &mut app, "f w w f w w w w");
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let right = parse_script("right").unwrap()[0];
    let left = parse_script("left").unwrap()[0];
    let mut flip = false;
    c.bench_function("key_to_frame_bed_board_200_beds_200x50", |b| {
        b.iter(|| {
            flip = !flip;
            frame(&mut app, &mut term, if flip { &right } else { &left });
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
