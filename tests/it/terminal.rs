//! The console and its terminal: the terminal going away under it (its
//! pseudo-terminal's master side closed), a scanner's burst of keys and a
//! long paste. The console runs as the real binary in a pseudo-terminal the
//! test holds the master side of (rustix), so the test decides exactly what
//! is written at once and when the terminal goes away. What it draws is fed
//! into a terminal emulator (vt100) and the tests read that screen, as a
//! user would: ratatui writes only the cells that changed between frames,
//! so typed text drawn over two frames ("K", then "T55") never appears
//! whole in the bytes it wrote, while the screen shows it whole.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::{File, OpenOptions};
use std::num::NonZeroU16;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

const BIN: &str = env!("CARGO_BIN_EXE_haven");

/// A five-case demo centre in `data` (user `demo`, passphrase `haven-demo`).
fn small_demo(data: &Path) {
    let setup = Command::new(BIN)
        .env("HAVEN_DATA", data)
        .env("HAVEN_INSECURE_FAST_KDF", "1")
        .args(["demo", "--no-console", "--cases", "5"])
        .output()
        .unwrap();
    assert!(setup.status.success(), "{}", String::from_utf8_lossy(&setup.stderr));
}

/// `haven check` as the demo manager: it opens the centre, so it passes
/// only when the folder's lock is free.
fn check(data: &Path) -> std::process::Output {
    Command::new(BIN)
        .env("HAVEN_DATA", data)
        .env("HAVEN_USER", "demo")
        .env("HAVEN_PASSPHRASE", "haven-demo")
        .env("LANG", "C.UTF-8")
        .args(["--lang", "en", "check"])
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn assert_check_passes(data: &Path) {
    let out = check(data);
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// The draft the demo manager left, decrypted (the typed text is in it as is).
fn draft_of_demo(data: &Path) -> Vec<u8> {
    let store = haven::store::Store::open_as(data, "demo", b"haven-demo").unwrap();
    store.load_draft().unwrap().unwrap_or_default()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// Processor time (user + system) of a process in seconds, and whether it
/// has ended (a zombie: the test has not reaped it yet), from /proc.
fn cpu_of(pid: u32) -> Option<(f64, bool)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // After the name: the state, then utime and stime at the 12th and 13th place.
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some((ticks / 100.0, f[0] == "Z" || f[0] == "X"))
}

/// One console in a pseudo-terminal at a time: the tests in this file run
/// one after another (run in parallel they were seen to lose keys).
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Takes the turn of a test, even after another test failed holding it.
fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What the console has written to its terminal: the bytes, and the screen
/// they draw.
struct Drawn {
    bytes: Vec<u8>,
    screen: vt100::Parser,
}

/// The console in a pseudo-terminal the test holds the master side of.
struct Pty {
    master: Option<OwnedFd>,
    out: Arc<Mutex<Drawn>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    child: Child,
}

impl Pty {
    fn start(data: &Path) -> Pty {
        Pty::start_with(data, &[])
    }

    fn start_with(data: &Path, env: &[(&str, &str)]) -> Pty {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        tcsetwinsize(&master, Winsize { ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 }).unwrap();
        let slave: File = OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
            .open(name.to_str().unwrap())
            .unwrap();
        let child = Command::new(BIN)
            .env("HAVEN_DATA", data)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .envs(env.iter().copied())
            .args(["--lang", "en"])
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .unwrap();
        // The same size as the pseudo-terminal's.
        let (rows, cols) = (NonZeroU16::new(30).unwrap(), NonZeroU16::new(100).unwrap());
        let out = Arc::new(Mutex::new(Drawn { bytes: Vec::new(), screen: vt100::Parser::new(rows, cols, 0) }));
        let stop = Arc::new(AtomicBool::new(false));
        let fd = master.try_clone().unwrap();
        let (o, s) = (Arc::clone(&out), Arc::clone(&stop));
        // Drains what the console draws, so it never blocks on a full pty.
        let reader = std::thread::spawn(move || {
            let mut buf = vec![0u8; 65536];
            let wait = Timespec { tv_sec: 0, tv_nsec: 10_000_000 };
            while !s.load(Ordering::SeqCst) {
                let mut fds = [PollFd::new(&fd, PollFlags::IN)];
                if rustix::event::poll(&mut fds, Some(&wait)).unwrap_or(0) == 0 {
                    continue;
                }
                match rustix::io::read(&fd, &mut buf) {
                    Ok(n) if n > 0 => {
                        let mut drawn = o.lock().unwrap();
                        drawn.bytes.extend_from_slice(&buf[..n]);
                        drawn.screen.process(&buf[..n]);
                    }
                    _ => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Pty { master: Some(master), out, stop, reader: Some(reader), child }
    }

    /// Writes `bytes` to the console as one write (as a scanner or a fast
    /// typist's burst arrives).
    fn write(&self, bytes: &[u8]) {
        let fd = self.master.as_ref().unwrap();
        let mut done = 0;
        while done < bytes.len() {
            done += rustix::io::write(fd, &bytes[done..]).unwrap();
        }
    }

    /// How many bytes the console has drawn so far.
    fn drawn(&self) -> usize {
        self.out.lock().unwrap().bytes.len()
    }

    /// Waits until the console has drawn something after byte `from` of its
    /// output and its screen shows `needle` (within one row); returns when.
    /// An empty needle: anything drawn since `from`.
    fn wait_for_after(&self, from: usize, needle: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            {
                let out = self.out.lock().unwrap();
                if out.bytes.len() > from && out.screen.screen().contents().contains(needle) {
                    return start.elapsed();
                }
            }
            if start.elapsed() >= limit {
                let out = self.out.lock().unwrap();
                let bytes = &out.bytes;
                let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(1000)..]).replace('\x1b', "^");
                let screen = out.screen.screen().contents();
                let pid = self.child.id();
                let mut threads = String::new();
                for t in std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten() {
                    let p = t.path();
                    let comm = std::fs::read_to_string(p.join("comm")).unwrap_or_default();
                    let wchan = std::fs::read_to_string(p.join("wchan")).unwrap_or_default();
                    let stat = std::fs::read_to_string(p.join("stat")).unwrap_or_default();
                    let state =
                        stat.rsplit(')').next().unwrap_or("").split_whitespace().next().unwrap_or("").to_string();
                    threads.push_str(&format!("{} {state} {wchan}; ", comm.trim()));
                }
                if let Ok(dump) = std::env::var("HAVEN_TEST_STACKS_TO") {
                    let bt = Command::new("gdb")
                        .args(["-p", &pid.to_string(), "-batch", "-ex", "thread apply all bt 25"])
                        .output()
                        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                        .unwrap_or_default();
                    let _ = std::fs::write(dump, bt);
                }
                panic!(
                    "waited {limit:?} for {needle:?}; threads: {threads}; the screen:\n{screen}\nthe console drew last:\n{tail}"
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits for `needle` as [`Pty::wait_for_after`], then until the frame
    /// is drawn whole (nothing more for 150 ms), before the next keys.
    fn step(&self, from: usize, needle: &str) {
        self.wait_for_after(from, needle, Duration::from_secs(30));
        let mut seen = self.drawn();
        let mut quiet = Instant::now();
        while quiet.elapsed() < Duration::from_millis(150) {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.drawn();
            if now != seen {
                seen = now;
                quiet = Instant::now();
            }
        }
    }

    fn wait_for(&self, needle: &str) {
        self.step(0, needle);
    }

    /// Closes the master side: the terminal is gone.
    fn close(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.master = None;
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Closes the terminal under the console; returns how long it lived on and
/// how much processor time it used meanwhile (seconds).
fn close_and_measure(pty: &mut Pty) -> (f64, f64) {
    let pid = pty.child.id();
    let (before, _) = cpu_of(pid).unwrap();
    let closed = Instant::now();
    pty.close();
    loop {
        let (cpu, ended) = cpu_of(pid).unwrap();
        if ended {
            return (closed.elapsed().as_secs_f64(), cpu - before);
        }
        assert!(closed.elapsed() < Duration::from_secs(10), "the console still runs 10 s after its terminal closed");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Logs in as the demo manager and opens the walk-in form (F2, w): the
/// focus is on the alias.
fn walk_in(pty: &Pty) {
    pty.wait_for("Log in to Haven");
    pty.write(b"demo\thaven-demo\r");
    pty.wait_for("free beds");
    let from = pty.drawn();
    pty.write(b"\x1bOQ");
    pty.step(from, "Arrivals");
    let from = pty.drawn();
    pty.write(b"w");
    pty.step(from, "(MRZ)");
}

#[test]
fn closing_the_terminal_at_login_ends_the_console_and_frees_the_folder() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let mut pty = Pty::start(&data);
    pty.wait_for("Log in to Haven");
    pty.write(b"dem");
    pty.wait_for("dem");
    let (took, cpu) = close_and_measure(&mut pty);
    eprintln!("terminal/login: ended {took:.3} s after its terminal closed, using {cpu:.2} s of processor time");
    assert!(took < 2.0, "the console lived on {took:.3} s after its terminal closed");
    assert!(cpu <= 0.1, "the console used {cpu:.2} s of processor time after its terminal closed");
    assert_check_passes(&data);
}

#[test]
fn closing_the_terminal_while_typing_a_form_keeps_every_character_as_a_draft() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let mut pty = Pty::start(&data);
    walk_in(&pty);
    pty.write(b"QZ98");
    pty.wait_for("QZ98");
    pty.write(b"WV76");
    pty.wait_for("WV76");
    let (took, cpu) = close_and_measure(&mut pty);
    eprintln!("terminal/form: ended {took:.3} s after its terminal closed, using {cpu:.2} s of processor time");
    assert!(took < 2.0, "the console lived on {took:.3} s after its terminal closed");
    assert!(cpu <= 0.1, "the console used {cpu:.2} s of processor time after its terminal closed");
    assert_check_passes(&data);
    assert!(contains(&draft_of_demo(&data), b"QZ98WV76"), "the draft holds every character typed");
}

const TD3: [&str; 2] = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

/// A synthetic transcript of 10,000 characters, with keys the console would
/// read as commands if the paste were typed (F10 written out, q, Ctrl-S as
/// text) and line breaks; its last line is unique.
fn transcript() -> String {
    let mut t = String::new();
    let mut n = 0;
    let line = |n: usize| format!("Line {n:04}: q then Ctrl-S, F10 and Esc are words here.\n");
    while t.chars().count() + line(n + 1).len() < 9_980 {
        n += 1;
        t.push_str(&line(n));
    }
    let tail = "END-OF-PASTE";
    while t.chars().count() + tail.len() < 10_000 {
        t.push('x');
    }
    t.push_str(tail);
    assert_eq!(t.chars().count(), 10_000);
    t
}

#[test]
fn a_scanner_burst_and_a_long_paste_appear_whole_at_once_and_save() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let pty = Pty::start(&data);
    walk_in(&pty);
    pty.write(b"Anna");
    pty.wait_for("Anna");
    pty.write(b"\t\t\tSU2101");
    pty.wait_for("SU2101");
    let from = pty.drawn();
    pty.write(b"\t\t");
    pty.step(from, "\u{25b8} Passport");

    // The passport reader: two lines and Enter, in one write.
    let from = pty.drawn();
    let burst = format!("{}\r{}\r", TD3[0], TD3[1]);
    let written = Instant::now();
    pty.write(burst.as_bytes());
    pty.wait_for_after(from, TD3[0], Duration::from_secs(5));
    let first = written.elapsed();
    pty.wait_for_after(from, TD3[1], Duration::from_secs(5));
    let second = written.elapsed();
    let from = pty.drawn();
    pty.write(b"\x13");
    pty.step(from, "DEM-26-0006");

    // A note: F4, the first case, its Notes tab, n, the text field.
    let from = pty.drawn();
    pty.write(b"\x1bOS");
    // The list loads in the background: Enter waits for its rows.
    pty.step(from, "DEM-26-0002");
    let from = pty.drawn();
    pty.write(b"\r");
    pty.step(from, "Profile");
    for _ in 0..6 {
        let from = pty.drawn();
        pty.write(b"\t");
        pty.step(from, "");
    }
    let from = pty.drawn();
    pty.write(b"n");
    pty.step(from, "Kind");
    let from = pty.drawn();
    pty.write(b"\t\t");
    pty.step(from, "\u{25b8} Note");

    let text = transcript();
    let from = pty.drawn();
    let written = Instant::now();
    pty.write(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    pty.wait_for_after(from, "END-OF-PASTE", Duration::from_secs(5));
    let pasted = written.elapsed();
    let from = pty.drawn();
    pty.write(b"\x13");
    pty.wait_for_after(from, "saved", Duration::from_secs(30));
    eprintln!(
        "terminal/burst: the zone's lines drawn {:.1} and {:.1} ms after the write began; \
         the 10,000-character paste drawn to its end {:.1} ms after the write began",
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e3,
        pasted.as_secs_f64() * 1e3
    );
    // Generous bounds for a loaded machine; the figures above are what counts.
    assert!(second < Duration::from_secs(2) && pasted < Duration::from_secs(2));
    drop(pty);

    let store = haven::store::Store::open_as(&data, "demo", b"haven-demo").unwrap();
    let notes = store.scan::<haven::domain::case::Note>().unwrap();
    assert!(
        notes.iter().any(|n| n.body.text == text.trim_end_matches('\n')),
        "the pasted note is saved whole ({} notes)",
        notes.len()
    );
    let files = store.scan::<haven::domain::case::CasePrivate>().unwrap();
    assert!(files.iter().any(|f| f.body.family_name == "Eriksson"), "the scanned zone filled the case file");
}

/// Sends SIGTERM to the console; returns how long it took to end.
fn terminate_and_measure(pty: &mut Pty) -> f64 {
    let pid = pty.child.id();
    let sent = Instant::now();
    assert!(Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap().success());
    loop {
        if cpu_of(pid).is_none_or(|(_, ended)| ended) {
            return sent.elapsed().as_secs_f64();
        }
        assert!(sent.elapsed() < Duration::from_secs(10), "the console still runs 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn sigterm_ends_the_console_within_two_seconds_at_login_in_a_form_and_when_its_thread_is_stuck() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);

    let mut pty = Pty::start(&data);
    pty.wait_for("Log in to Haven");
    let at_login = terminate_and_measure(&mut pty);
    drop(pty);

    let mut pty = Pty::start(&data);
    walk_in(&pty);
    pty.write(b"KT55");
    pty.wait_for("KT55");
    let in_form = terminate_and_measure(&mut pty);
    drop(pty);
    assert!(contains(&draft_of_demo(&data), b"KT55"), "the draft is kept on SIGTERM");

    // The console's thread busy in a call that never looks at the stop (as a
    // stalled hub call or a long search would be): the deadline ends it.
    let mut pty = Pty::start_with(&data, &[("HAVEN_TEST_STUCK_AFTER_KEY", "1")]);
    pty.wait_for("Log in to Haven");
    pty.write(b"d");
    std::thread::sleep(Duration::from_millis(300));
    let stuck = terminate_and_measure(&mut pty);
    drop(pty);
    eprintln!(
        "terminal/sigterm: ended {at_login:.3} s (login), {in_form:.3} s (form), {stuck:.3} s (thread stuck) after SIGTERM"
    );
    assert!(at_login < 2.0 && in_form < 2.0 && stuck < 2.0);
    assert_check_passes(&data);
}
