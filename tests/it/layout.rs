//! Every screen at 80×24 in English, Russian and French: nothing cut while
//! the row has room, F1 and F10 always in the hint bar, every tab on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haven::i18n::Lang;

use crate::support::{app, centre, press, screen_text, wait_for_background};

/// Each screen a user can reach by keys, named, with the script that opens it
/// from the dashboard.
const WALK: &[(&str, &str)] = &[
    ("dashboard", ""),
    ("arrivals", "F2"),
    ("beds", "F3"),
    ("cases", "F4"),
    ("night", "F5"),
    ("help", "F1"),
    ("audit", "A"),
    ("reports-summary", "F6"),
    ("reports-gender", "F6 tab"),
    ("reports-age", "F6 tab tab"),
    ("reports-citizenship", "F6 tab tab tab"),
    ("reports-exploitation", "F6 tab tab tab tab"),
    ("reports-services", "F6 tab tab tab tab tab"),
    ("reports-referrals", "F6 tab tab tab tab tab tab"),
    ("reports-occupancy", "F6 tab tab tab tab tab tab tab"),
    ("file-profile", "F4 enter"),
    ("file-stay", "F4 enter tab"),
    ("file-services", "F4 enter tab tab"),
    ("file-referrals", "F4 enter tab tab tab"),
    ("file-travel", "F4 enter tab tab tab tab"),
    ("file-consent", "F4 enter tab tab tab tab tab"),
    ("file-notes", "F4 enter tab tab tab tab tab tab"),
    ("file-history", "F4 enter tab tab tab tab tab tab tab"),
];

/// The console on a demo centre of 300 cases (people, beds, arrivals,
/// services, referrals) in `lang`.
fn demo_app(lang: Lang) -> haven::app::console::App {
    let (dir, store) = centre(Some(300));
    // The temporary folder must outlive the console: leak it for the test.
    std::mem::forget(dir);
    app(store, lang)
}

/// Opens `script` from the dashboard and returns the screen at 80×24.
fn open(a: &mut haven::app::console::App, script: &str) -> String {
    press(a, "alt-0");
    for step in script.split_whitespace() {
        press(a, step);
        wait_for_background(a);
    }
    screen_text(a, 80, 24)
}

/// Screens whose cuts this test does not yet hold against, each with why.
/// F1, F10 and the tabs are still checked on them.
const CUTS_KNOWN: &[(&str, &str)] = &[
    // "…" there is the mark of a bed not called yet, not a cut label.
    ("night", "placeholder"),
    // Fixed columns (when 16, user 12, …) leave the summary one or two
    // columns at 80; the audit's language and columns are being reworked.
    ("audit", "summary column squeezed"),
    // Bed cells are a grid of equal width: a note is cut to its cell even
    // when the row has fewer cells than columns.
    ("beds", "grid of equal cells"),
];

/// Whether a blank column counts as free: it lies in a run of at least
/// three blanks (one or two blanks only separate columns).
const FREE_RUN: usize = 3;
/// Free columns a row segment may have beside a cut label.
const FREE_ALLOWED: usize = 5;

/// The labels cut while space is free on `screen`, as `row: text`.
///
/// Precisely: a row is split at the box borders `│` into segments. A cut is
/// a `…` in a segment. The segment's free columns are its blanks that lie
/// in runs of at least [`FREE_RUN`] blanks (the trailing blanks included).
/// A cut in a segment with more than [`FREE_ALLOWED`] free columns is a
/// label cut while space is free: widening or wrapping it would have kept
/// it whole.
fn cut_with_room(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (y, row) in screen.lines().enumerate() {
        for seg in row.split('│') {
            if !seg.contains('…') {
                continue;
            }
            let mut free = 0;
            let mut run = 0;
            for c in seg.chars() {
                if c == ' ' {
                    run += 1;
                } else {
                    if run >= FREE_RUN {
                        free += run;
                    }
                    run = 0;
                }
            }
            if run >= FREE_RUN {
                free += run;
            }
            if free > FREE_ALLOWED {
                found.push(format!("row {y}: {}", seg.trim_end()));
            }
        }
    }
    found
}

#[test]
#[ignore]
fn dump_every_screen() {
    for lang in [Lang::En, Lang::Ru, Lang::Fr] {
        let mut a = demo_app(lang);
        for (name, script) in WALK {
            let text = open(&mut a, script);
            std::fs::write(format!("/tmp/lay/{}-{name}.txt", lang.code()), text).unwrap();
        }
    }
}

#[test]
fn every_screen_at_80x24_keeps_its_labels_tabs_help_and_quit_in_three_languages() {
    let mut failures = Vec::new();
    for lang in [Lang::En, Lang::Ru, Lang::Fr] {
        let i18n = haven::i18n::I18n::new(lang);
        let mut a = demo_app(lang);
        for (name, script) in WALK {
            let text = open(&mut a, script);
            let rows: Vec<&str> = text.lines().collect();
            let hints = rows[rows.len() - 2];
            for key in [" F1 ", " F10 "] {
                if !hints.contains(key) {
                    failures.push(format!("{}/{name}: no{key}in the hint bar: {hints}", lang.code()));
                }
            }
            for cut in cut_with_room(&text).into_iter().filter(|_| !CUTS_KNOWN.iter().any(|(n, _)| n == name)) {
                failures.push(format!("{}/{name}: cut while there is room: {cut}", lang.code()));
            }
            let tabs: Vec<(String, String)> = if name.starts_with("reports-") {
                ["summary", "gender", "age", "citizenship", "exploitation", "services", "referrals", "occupancy"]
                    .iter()
                    .map(|k| (i18n.t(&format!("report-tab-{k}")), i18n.t(&format!("report-tab-short-{k}"))))
                    .collect()
            } else if name.starts_with("file-") {
                ["profile", "stay", "services", "referrals", "travel", "consent", "notes", "history"]
                    .iter()
                    .map(|k| (i18n.t(&format!("cases-tab-{k}")), i18n.t(&format!("cases-tab-{k}"))))
                    .collect()
            } else {
                Vec::new()
            };
            // A bar never runs into text: a gauge's text over its bar, or a
            // chart's value glued to its bar, shows as a letter or digit
            // touching a bar cell.
            for (y, row) in rows.iter().enumerate() {
                let cells: Vec<char> = row.chars().collect();
                let bar = |c: char| c == '█' || c == '░';
                if cells
                    .windows(2)
                    .any(|w| (bar(w[0]) && w[1].is_alphanumeric()) || (w[0].is_alphanumeric() && bar(w[1])))
                {
                    failures.push(format!("{}/{name}: text touches a bar on row {y}: {row}", lang.code()));
                }
            }
            // An alert too long for its panel goes on onto the next row: its
            // last word is on screen.
            if *name == "dashboard" {
                let alert = i18n.t("dash-backup-never");
                let last = alert.split_whitespace().last().unwrap_or_default();
                if !text.contains(last) {
                    failures.push(format!("{}/{name}: the backup alert is cut before {last:?}", lang.code()));
                }
            }
            // The tab bar is the row showing the most tabs; every tab must be on it.
            // A tab is shown when a cell of the row between `│` reads its full
            // or its short name (scroll markers aside).
            let shown = |row: &str, (full, short): &(String, String)| {
                row.split('│')
                    .map(|c| c.trim_matches(|ch: char| ch == ' ' || ch == '◀' || ch == '▶'))
                    .any(|c| c == full || c == short)
            };
            if let Some(bar) = rows.iter().max_by_key(|r| tabs.iter().filter(|t| shown(r, t)).count()) {
                for t in tabs.iter().filter(|t| !shown(bar, t)) {
                    failures.push(format!("{}/{name}: the tab {:?} is not on the tab bar: {bar}", lang.code(), t.0));
                }
            }
            if !failures.is_empty() && std::env::var_os("LAYOUT_SHOW").is_some() {
                eprintln!("{text}");
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// A bed put out of service while someone still sleeps in it (a broken
/// frame, the person not yet moved) was counted by the dashboard as occupied
/// but not as a bed ("2 of 1"), and by the reports as a bed in use: the two
/// counted 37 and 38 beds on the demo centre. Both now count beds in use
/// on a night the one way `domain::occupancy::beds_in_use` says.
#[test]
fn the_dashboard_and_the_reports_count_the_same_beds() {
    use haven::domain::ids::{BedId, Id};
    use haven::domain::rooms::{Bed, OutOfService};
    use haven::ops::dashboard::{Limits, Summary};
    use haven::report::{Data, Period, compute};
    use haven::store::{AuditAction, AuditEntry};
    let (_dir, store) = centre(None);
    crate::reports::november_centre(&store);
    // Bed 1B, where case 2 sleeps, breaks on 30 November.
    let mut bed: Bed = store.get::<Bed>(BedId::from(Id([92; 16])).as_bytes()).unwrap().unwrap().body;
    bed.out_of_service = Some(OutOfService {
        reason: "broken frame".into(),
        until: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()),
    });
    store.commit(AuditEntry::new(AuditAction::Update, "test data"), |tx| tx.put(bed.clone())).unwrap();
    let now = crate::support::now();
    let s = Summary::load(&store, now, Limits { retention_years: 5, backup_reminder_days: 7 }).unwrap();
    let data = Data::load(&store).unwrap();
    let f = compute(&data, Period::month(2026, 11).unwrap(), now.date(), 350);
    let last = f.occupancy.nightly.last().unwrap();
    assert_eq!((s.occupied, s.capacity), (last.occupied, last.capacity), "tonight as the reports count the last night");
    assert!(s.occupied <= s.capacity, "never more people than beds: {} of {}", s.occupied, s.capacity);
}

/// The reports' last tab at 80 columns, where it used to fall off the bar,
/// and a chart whose labels are whole, in English and Russian.
#[test]
fn the_occupancy_tab_and_the_charts_at_80x24() {
    for lang in [Lang::En, Lang::Ru] {
        let (dir, store) = centre(None);
        crate::reports::november_centre(&store);
        std::mem::forget(dir);
        let mut a = app(store, lang);
        press(&mut a, "F6 left");
        wait_for_background(&mut a);
        press(&mut a, "shift-tab");
        wait_for_background(&mut a);
        insta::assert_snapshot!(
            format!("occupancy_{}_80x24", lang.code()),
            crate::support::render(&mut a, 80, 24).backend()
        );
        press(&mut a, "shift-tab shift-tab shift-tab");
        wait_for_background(&mut a);
        insta::assert_snapshot!(
            format!("exploitation_{}_80x24", lang.code()),
            crate::support::render(&mut a, 80, 24).backend()
        );
    }
}
