//! End to end: the real binary in a real terminal (tmux), as a person uses it.
//! Skipped with a message where tmux is not installed (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

struct Session {
    name: String,
    socket: String,
}

impl Session {
    /// Starts `script` in a detached tmux session of 100×30, under its own server.
    fn start(name: &str, dir: &Path, script: &str) -> Session {
        let socket = dir.join("tmux.sock").display().to_string();
        let status = Command::new("tmux")
            .args([
                "-S",
                &socket,
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "100",
                "-y",
                "30",
                "bash",
                "--norc",
                "-c",
                script,
            ])
            .env("TERM", "xterm-256color")
            .status()
            .unwrap();
        assert!(status.success());
        Session { name: name.into(), socket }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok =
                Command::new("tmux").args(["-S", &self.socket, "send-keys", "-t", &self.name, k]).status().unwrap();
            assert!(ok.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, t: &str) {
        let ok =
            Command::new("tmux").args(["-S", &self.socket, "send-keys", "-l", "-t", &self.name, t]).status().unwrap();
        assert!(ok.success());
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        let out =
            Command::new("tmux").args(["-S", &self.socket, "capture-pane", "-p", "-t", &self.name]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "waited for {needle:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-S", &self.socket, "kill-server"]).status();
    }
}

fn script(dir: &Path, env: &str, args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_haven");
    let out = dir.join("after.txt").display().to_string();
    format!(
        "cd {d}; {env} HAVEN_INSECURE_FAST_KDF=1 LANG=C.UTF-8 {bin} --lang en {args}; echo \"exit=$?\" > {out}; \
         stty -a >> {out}; echo AFTER-EXIT; sleep 60",
        d = dir.display()
    )
}

fn after(dir: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(t) = std::fs::read_to_string(dir.join("after.txt"))
            && t.contains("icanon")
        {
            return t;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the console did not exit");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A five-case demo centre in `data`, created without the console.
fn small_demo(data: &Path) {
    let setup = Command::new(env!("CARGO_BIN_EXE_haven"))
        .env("HAVEN_DATA", data)
        .env("HAVEN_INSECURE_FAST_KDF", "1")
        .args(["demo", "--no-console", "--cases", "5"])
        .output()
        .unwrap();
    assert!(setup.status.success());
}

fn assert_terminal_restored(report: &str) {
    // Canonical mode and echo are back on: raw mode was left.
    let flags: Vec<&str> = report.split_whitespace().collect();
    assert!(flags.contains(&"icanon") && flags.contains(&"echo"), "terminal left in raw mode:\n{report}");
}

#[test]
fn demo_login_help_lock_login_and_quit_leave_the_terminal_restored() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let s = Session::start(
        "haven-e2e",
        dir.path(),
        &script(dir.path(), &format!("HAVEN_DATA={}", data.display()), "demo --cases 20"),
    );
    let screen = s.wait_for("Log in to Haven");
    assert!(screen.contains("haven-demo"), "the demo login shows its accounts:\n{screen}");
    s.text("demo");
    s.keys(&["Tab"]);
    s.text("haven-demo");
    s.keys(&["Enter"]);
    s.wait_for("free beds");
    s.keys(&["F1"]);
    s.wait_for("Lock the screen");
    s.keys(&["Escape"]);
    s.wait_for("free beds");
    s.keys(&["C-l"]);
    s.wait_for("Screen locked");
    s.text("demo");
    s.keys(&["Tab"]);
    s.text("haven-demo");
    s.keys(&["Enter"]);
    s.wait_for("free beds");
    s.keys(&["F10"]);
    s.wait_for("AFTER-EXIT");
    let report = after(dir.path());
    assert!(report.starts_with("exit=0"), "{report}");
    assert_terminal_restored(&report);
    // The data is intact: `haven check` as the demo manager.
    let out = Command::new(env!("CARGO_BIN_EXE_haven"))
        .env("HAVEN_DATA", &data)
        .env("HAVEN_USER", "demo")
        .env("HAVEN_PASSPHRASE", "haven-demo")
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_panic_in_render_leaves_the_terminal_restored() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let s = Session::start(
        "haven-panic",
        dir.path(),
        &script(dir.path(), &format!("HAVEN_DATA={} HAVEN_TEST_PANIC_IN_RENDER=1", data.display()), ""),
    );
    let screen = s.wait_for("AFTER-EXIT");
    let report = after(dir.path());
    assert!(!report.starts_with("exit=0"), "{report}");
    assert_terminal_restored(&report);
    assert!(screen.contains("internal error"), "a short message is printed:\n{screen}");
}

#[test]
fn sigterm_while_typing_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let pidfile = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_haven");
    let out = dir.path().join("after.txt").display().to_string();
    let script = format!(
        "HAVEN_DATA={} LANG=C.UTF-8 {bin} --lang en & echo $! > {}; wait; echo \"exit=$?\" > {out}; stty -a >> {out}; \
         echo AFTER-EXIT; sleep 60",
        data.display(),
        pidfile.display()
    );
    let s = Session::start("haven-term", dir.path(), &script);
    s.wait_for("Log in to Haven");
    s.text("dem");
    let pid = std::fs::read_to_string(&pidfile).unwrap().trim().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    s.wait_for("AFTER-EXIT");
    assert_terminal_restored(&after(dir.path()));
}

#[test]
fn sigterm_while_typing_in_a_form_keeps_what_was_typed_as_a_draft() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    small_demo(&data);
    let pidfile = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_haven");
    let out = dir.path().join("after.txt").display().to_string();
    // Run the console twice: killed the first time, then again to log back in.
    let script = format!(
        "for i in 1 2; do HAVEN_DATA={d} LANG=C.UTF-8 {bin} --lang en & echo $! > {p}; wait; done; \
         echo \"exit=$?\" > {out}; stty -a >> {out}; echo AFTER-EXIT; sleep 60",
        d = data.display(),
        p = pidfile.display()
    );
    let s = Session::start("haven-draft", dir.path(), &script);
    s.wait_for("Log in to Haven");
    s.text("demo");
    s.keys(&["Tab"]);
    s.text("haven-demo");
    s.keys(&["Enter"]);
    s.wait_for("free beds");
    s.keys(&["F2"]);
    s.keys(&["n"]);
    std::thread::sleep(Duration::from_millis(300));
    s.text("QZ9876");
    std::thread::sleep(Duration::from_millis(300));
    let first = std::fs::read_to_string(&pidfile).unwrap().trim().to_string();
    assert!(Command::new("kill").args(["-TERM", &first]).status().unwrap().success());
    // The second run starts; the draft comes back after logging in.
    let start = Instant::now();
    while std::fs::read_to_string(&pidfile).unwrap().trim() == first {
        assert!(start.elapsed() < Duration::from_secs(20), "the console did not restart");
        std::thread::sleep(Duration::from_millis(100));
    }
    s.wait_for("Log in to Haven");
    s.text("demo");
    s.keys(&["Tab"]);
    s.text("haven-demo");
    s.keys(&["Enter"]);
    s.wait_for("QZ9876");
    s.keys(&["F10"]);
}
