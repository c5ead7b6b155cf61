//! Names of the world drawn true: Persian and Dari with the zero-width
//! non-joiner, Arabic (whose lam-alef unicode-width counts as one column),
//! a right-to-left override, combining accents, a CJK name, an emoji with a
//! zero-width joiner, escape sequences and a 10,000-character name, on every
//! screen that shows a name or a note, at 80×24 and 120×40. Every cell of
//! the buffer is one a terminal draws at the width ratatui assumes, the
//! columns after a name stay where they are with ordinary names, and a real
//! terminal (tmux) shows exactly the buffer after a frame of hostile names
//! is replaced by one of ordinary names. All names are synthetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use haven::app::console::App;
use haven::domain::case::CaseFront;
use haven::i18n::Lang;
use haven::store::{AuditAction, AuditEntry, Store};
use ratatui::buffer::{Buffer, CellWidth};
use support::*;
use unicode_width::UnicodeWidthChar;

/// Hostile and ordinary names of the world (all made up).
const WORLD: [&str; 16] = [
    "نازنین\u{200C}زهرا احمدی",    // Persian, ZWNJ inside the first name
    "می\u{200C}خواهم فرشته",       // Dari, ZWNJ after a letter
    "علاء بلال",                     // Arabic: two lam-alef pairs
    "\u{202E}ANNA-2026\u{202C}",   // right-to-left override
    "Zoe\u{308} Ame\u{301}lie",    // combining accents on their letters
    "\u{301}Ana",                  // a combining mark with no letter before it
    "李小龍",                      // CJK, two columns a letter
    "Mila 👩\u{200D}👧",           // an emoji ZWJ sequence
    "\u{1b}[2J\u{1b}[31mRed\u{7}", // escape sequences
    "Айгүл Өмүрбекова",            // Kyrgyz
    "Oʻgʻiloy Xoʻjayeva",          // Uzbek (Latin, U+02BB)
    "Ҷамила Қодирова",             // Tajik
    "Ola ☺\u{FE0F} 👍\u{1F3FD}",   // emoji presentation and a skin tone
    "ب\u{200D}ب soft\u{AD}hyphen", // a ZWJ between letters, a soft hyphen
    "Ю\u{200C}",                   // a trailing ZWNJ
    "LONG",                        // replaced by 10,000 characters
];

/// Ordinary names for the frame drawn after the hostile one.
const ORDINARY: [&str; 4] = ["Anna Petrova", "Юлия Иванова", "Maria Lopez", "Olga Smirnova"];

fn world_name(i: usize) -> String {
    let n = WORLD[i % WORLD.len()];
    if n == "LONG" { "Ю\u{200C}ل".repeat(3_334) } else { n.to_string() }
}

/// Gives the cases of `store` the names `name(i)`, in order of their codes.
fn rename(store: &Store, name: impl Fn(usize) -> String) {
    let mut cases = store.scan::<CaseFront>().unwrap();
    cases.sort_by_key(|c| c.body.code.to_string());
    for (i, c) in cases.iter_mut().enumerate() {
        c.body.alias = name(i);
    }
    store
        .commit(AuditEntry::new(AuditAction::Update, "case"), |tx| {
            for c in &cases {
                tx.put(c.body.clone())?;
            }
            Ok(())
        })
        .unwrap();
}

/// The characters terminals disagree about, which must never reach a cell.
fn disputed(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{AD}' | '\u{1F3FB}'..='\u{1F3FF}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Asserts that a terminal drawing `buf` cell by cell advances exactly as
/// ratatui assumes: no cell is empty of width, none holds a character
/// terminals disagree about, and every cell's width is the sum of its
/// characters' widths (what `wcwidth` gives a terminal).
fn assert_cells_true(buf: &Buffer, what: &str) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let s = buf[(x, y)].symbol();
            let assumed = usize::from(s.cell_width());
            let drawn: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(
                assumed >= 1 && assumed == drawn && !s.chars().any(disputed),
                "{what}: cell ({x},{y}) {s:?} is {assumed} columns to ratatui, {drawn} to a terminal\n{}",
                row_text(buf, y)
            );
            x += u16::try_from(assumed).unwrap();
        }
    }
}

/// Row `y` as a terminal shows it: wide cells cover the cell after them.
fn row_text(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = buf.area.left();
    while x < buf.area.right() {
        let s = buf[(x, y)].symbol();
        out.push_str(s);
        x += s.cell_width().max(1);
    }
    out.trim_end().to_string()
}

fn buffer_text(buf: &Buffer) -> String {
    (buf.area.top()..buf.area.bottom()).map(|y| row_text(buf, y)).collect::<Vec<_>>().join("\n")
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    render(app, w, h).backend().buffer().clone()
}

fn settle(app: &mut App) {
    wait_for_background(app);
    for _ in 0..200 {
        app.tick();
        if !screen_text(app, 120, 40).contains(haven::screens::cases::PENDING_MARK) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn the_case_list_keeps_its_columns_with_any_name() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_d1, world) = centre(Some(20));
        rename(&world, world_name);
        let (_d2, plain) = centre(Some(20));
        rename(&plain, |i| ORDINARY[i % ORDINARY.len()].to_string());
        let mut a = app(world, Lang::En);
        let mut b = app(plain, Lang::En);
        press(&mut a, "F4");
        press(&mut b, "F4");
        settle(&mut a);
        settle(&mut b);
        let (ba, bb) = (draw(&mut a, w, h), draw(&mut b, w, h));
        assert_cells_true(&ba, &format!("case list {w}x{h}"));
        // The columns after the name: from the status title on, every row
        // reads the same whatever the names are.
        let titles = (0..h).find(|y| row_text(&bb, *y).contains("Status")).unwrap();
        let col = row_text(&bb, titles).find("Status").unwrap();
        let col = u16::try_from(row_text(&bb, titles)[..col].chars().count()).unwrap();
        for y in titles..h.saturating_sub(2) {
            let tail = |buf: &Buffer| (col..w).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>();
            assert_eq!(tail(&ba), tail(&bb), "row {y} at {w}x{h}:\n{}\n{}", row_text(&ba, y), row_text(&bb, y));
        }
    }
}

/// The case with a world name `i` (by order of codes).
fn case_no(store: &Store, i: usize) -> CaseFront {
    let mut cases: Vec<CaseFront> = store.scan::<CaseFront>().unwrap().into_iter().map(|c| c.body).collect();
    cases.sort_by_key(|c| c.code.to_string());
    cases.swap_remove(i)
}

/// Every screen that shows a name or a note, each at both sizes, with the
/// name of case `i` of the world list in its file, its forms and its note.
fn walk_every_screen(i: usize, lang: Lang, mut check: impl FnMut(&mut App, &str)) {
    let (_dir, store) = centre(Some(20));
    rename(&store, world_name);
    let case = case_no(&store, i);
    let mut app = app(store, lang);
    for keys in ["alt-0", "F2", "F3", "F4", "F5", "F6", "alt-0 A"] {
        press(&mut app, keys);
        settle(&mut app);
        check(&mut app, keys);
    }
    press(&mut app, "alt-0");
    app.push(haven::screens::case_file(&app.ctx, case.id).unwrap());
    check(&mut app, "profile");
    // The case form: the name in an input, the cursor on each of its characters.
    press(&mut app, "e");
    check(&mut app, "case form");
    press(&mut app, "tab");
    for n in 0..case.alias.chars().count().min(12) {
        check(&mut app, &format!("case form, cursor {n} from the end"));
        press(&mut app, "left");
    }
    press(&mut app, "esc");
    // A note in the world's words, through its form (which names the case).
    for _ in 0..6 {
        press(&mut app, "tab");
    }
    press(&mut app, "n");
    check(&mut app, "note form");
    press(&mut app, "tab tab");
    type_text(&mut app, &world_name(i).chars().filter(|c| !c.is_control()).take(300).collect::<String>());
    check(&mut app, "note form typed");
    press(&mut app, "ctrl-s");
    for tab in ["notes", "history", "profile", "stay", "services", "referrals", "travel", "consent"] {
        check(&mut app, tab);
        press(&mut app, "tab");
    }
    press(&mut app, "ctrl-l");
    check(&mut app, "lock screen");
}

#[test]
fn every_screen_that_shows_a_name_draws_every_cell_true() {
    for (i, name) in WORLD.iter().enumerate() {
        walk_every_screen(i, Lang::En, |app, what| {
            for (w, h) in [(80, 24), (120, 40)] {
                let buf = draw(app, w, h);
                assert_cells_true(&buf, &format!("name {i} {name:?}, {what} at {w}x{h}"));
            }
        });
    }
}

/// The frames drawn in a real terminal: each is `(what, keys to press
/// first, which app)`; app 0 has the world's names, app 1 ordinary ones.
/// Keys after `|` are pressed once the screen has settled.
const FRAMES: [(&str, &str, usize); 6] = [
    ("world list", "F4", 0),
    ("ordinary list", "F4", 1),
    ("world beds", "F3", 0),
    ("world case form", "F4|down down down|enter|e", 0),
    ("world lock screen", "ctrl-l", 0),
    ("ordinary list again", "F4", 1),
];

/// Run inside tmux by `a_real_terminal_shows_exactly_the_buffer`: draws the
/// frames through crossterm on the terminal, each time writing the buffer as
/// text and waiting until the other side has captured the pane.
#[test]
#[ignore = "run inside tmux by a_real_terminal_shows_exactly_the_buffer"]
fn tmux_side_draws_the_frames() {
    use ratatui::crossterm::execute;
    use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
    let Ok(dir) = std::env::var("WORLD_NAMES_DIR") else { return };
    let dir = std::path::PathBuf::from(dir);
    let (_d1, world) = centre(Some(20));
    rename(&world, world_name);
    let (_d2, plain) = centre(Some(20));
    rename(&plain, |i| ORDINARY[i % ORDINARY.len()].to_string());
    let mut apps = [app(world, Lang::En), app(plain, Lang::En)];
    let mut out = std::io::stdout();
    execute!(out, EnterAlternateScreen).unwrap();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout())).unwrap();
    terminal.clear().unwrap();
    for (n, (_, keys, which)) in FRAMES.iter().enumerate() {
        let app = &mut apps[*which];
        for group in keys.split('|') {
            press(app, group);
            settle(app);
        }
        let done = terminal.draw(|f| app.render(f)).unwrap();
        let text = buffer_text(done.buffer);
        std::fs::write(dir.join(format!("frame-{n}.txt")), text).unwrap();
        let go = dir.join(format!("captured-{n}"));
        let start = std::time::Instant::now();
        while !go.exists() && start.elapsed() < std::time::Duration::from_secs(60) {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    execute!(out, LeaveAlternateScreen).unwrap();
}

#[test]
fn a_real_terminal_shows_exactly_the_buffer() {
    use std::process::Command;
    if !Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock").display().to_string();
        let exe = std::env::current_exe().unwrap();
        let script = format!(
            "WORLD_NAMES_DIR={d} LANG=C.UTF-8 {exe} --exact world_names::tmux_side_draws_the_frames --ignored --nocapture \
             --test-threads=1 2>{d}/stderr.txt; sleep 60",
            d = dir.path().display(),
            exe = exe.display()
        );
        let ok = Command::new("tmux")
            .args(["-S", &socket, "new-session", "-d", "-s", "world", "-x", &w.to_string(), "-y", &h.to_string()])
            .args(["bash", "--norc", "-c", &script])
            .env("TERM", "xterm-256color")
            .status()
            .unwrap();
        assert!(ok.success());
        let capture = || {
            let out = Command::new("tmux").args(["-S", &socket, "capture-pane", "-p", "-t", "world"]).output().unwrap();
            String::from_utf8_lossy(&out.stdout).lines().map(|l| l.trim_end().to_string()).collect::<Vec<_>>()
        };
        let mut failures = Vec::new();
        for (n, (what, _, _)) in FRAMES.iter().enumerate() {
            let frame = dir.path().join(format!("frame-{n}.txt"));
            let start = std::time::Instant::now();
            while !frame.exists() {
                let err = std::fs::read_to_string(dir.path().join("stderr.txt")).unwrap_or_default();
                assert!(start.elapsed() < std::time::Duration::from_secs(60), "no frame {n}:\n{err}");
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            let want: Vec<String> = std::fs::read_to_string(&frame).unwrap().lines().map(str::to_string).collect();
            // The pane settles once the frame is written; give it a generous moment.
            let start = std::time::Instant::now();
            let mut got = capture();
            while got[..want.len().min(got.len())] != want[..] && start.elapsed() < std::time::Duration::from_secs(3) {
                std::thread::sleep(std::time::Duration::from_millis(100));
                got = capture();
            }
            if std::env::var_os("WORLD_NAMES_SHOW").is_some() {
                eprintln!("--- {what} at {w}x{h}\n{}", got.join("\n"));
            }
            for (y, (g, e)) in got.iter().zip(&want).enumerate() {
                if g != e {
                    failures.push(format!("{what} at {w}x{h}, row {y}:\n  tmux:   {g}\n  buffer: {e}"));
                }
            }
            std::fs::write(dir.path().join(format!("captured-{n}")), "").unwrap();
        }
        let _ = Command::new("tmux").args(["-S", &socket, "kill-server"]).status();
        assert!(failures.is_empty(), "{} rows differ:\n{}", failures.len(), failures.join("\n"));
    }
}

/// The screens that show a name or a note, with the world's names, in
/// English and Russian at both sizes.
#[test]
fn snapshots_of_the_world_names() {
    for lang in [Lang::En, Lang::Ru] {
        let (_dir, store) = centre(Some(20));
        rename(&store, world_name);
        let case = case_no(&store, 0);
        let mut app = app(store, lang);
        let shoot = |app: &mut App, name: &str| {
            for (w, h) in [(80, 24), (120, 40)] {
                let buf = draw(app, w, h);
                assert_cells_true(&buf, name);
                insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), buffer_text(&buf));
            }
        };
        press(&mut app, "F4");
        settle(&mut app);
        shoot(&mut app, "list");
        press(&mut app, "F3");
        settle(&mut app);
        shoot(&mut app, "beds");
        press(&mut app, "alt-0");
        app.push(haven::screens::case_file(&app.ctx, case.id).unwrap());
        press(&mut app, "e");
        shoot(&mut app, "case_form");
        press(&mut app, "esc");
        for _ in 0..6 {
            press(&mut app, "tab");
        }
        press(&mut app, "n tab tab");
        let note: Vec<String> = (0..WORLD.len() - 1).map(world_name).collect();
        type_text(&mut app, &note.join(" · ").chars().filter(|c| !c.is_control()).collect::<String>());
        shoot(&mut app, "note_form");
        press(&mut app, "ctrl-s");
        shoot(&mut app, "notes");
    }
}
