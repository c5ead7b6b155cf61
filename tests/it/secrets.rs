//! Secrets stay secret (issue 16 §5, issue 15): files holding personal or
//! key material are owner-only whatever the umask, the process cannot be
//! dumped, a script's passphrase need not sit in the environment, printed
//! text is inert, a closed pipe ends a command quietly, and `init` never
//! writes over half a centre.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{ADMIN_PASS, fails_with, haven, init, text};

fn demo(dir: &Path) -> PathBuf {
    let d = dir.join("centre");
    let out = haven(&d).args(["demo", "--no-console", "--cases", "25"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    d
}

fn as_demo(dir: &Path) -> Command {
    let mut c = haven(dir);
    c.env("HAVEN_USER", "demo").env("HAVEN_PASSPHRASE", "haven-demo");
    c
}

#[cfg(unix)]
/// `cmd` run through `sh -c 'umask U; exec haven …'`, with the same
/// environment and arguments.
fn under_umask(umask: &str, cmd: &Command) -> Output {
    let mut sh = Command::new("sh");
    sh.arg("-c").arg(format!("umask {umask}; exec \"$0\" \"$@\"")).arg(cmd.get_program());
    sh.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    if let Some(d) = cmd.get_current_dir() {
        sh.current_dir(d);
    }
    sh.stdin(Stdio::null()).output().unwrap()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every file and folder under `root` (itself included) open to others.
#[cfg(unix)]
fn open_to_others(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(p) = stack.pop() {
        let m = mode(&p);
        if m & 0o077 != 0 {
            out.push((p.clone(), m));
        }
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap().flatten() {
                stack.push(e.path());
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn the_centre_backups_and_exports_are_owner_only_under_any_umask() {
    for umask in ["000", "022"] {
        let dir = tempfile::tempdir().unwrap();
        let centre = dir.path().join("centre");
        let out = under_umask(umask, haven(&centre).args(["init", "--centre", "MSK", "--admin", "anna"]));
        assert!(out.status.success(), "{}", text(&out));
        let backup = dir.path().join("centre.bak");
        let out = under_umask(umask, haven(&centre).args(["backup", "--out"]).arg(&backup));
        assert!(out.status.success(), "{}", text(&out));
        let export = dir.path().join("cases.csv");
        let out = under_umask(
            umask,
            haven(&centre).args(["export", "--format", "csv", "--identifying", "--out"]).arg(&export),
        );
        assert!(out.status.success(), "{}", text(&out));
        let said = text(&out);
        assert!(said.contains("personal data"), "the export does not say it holds personal data: {said}");
        assert!(said.contains(&export.display().to_string()), "no full path: {said}");
        let json = dir.path().join("all.json");
        let out = under_umask(umask, haven(&centre).args(["export", "--format", "json", "--out"]).arg(&json));
        assert!(out.status.success(), "{}", text(&out));
        let bundle = dir.path().join("stick.haven");
        let out = under_umask(umask, haven(&centre).args(["bundle", "export", "--out"]).arg(&bundle));
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(open_to_others(&centre), vec![], "umask {umask}: the centre is open to others");
        for f in [&backup, &export, &json, &bundle] {
            assert_eq!(mode(f), 0o600, "umask {umask}: {}", f.display());
        }
        // Restored into a new folder: owner-only too.
        let restored = dir.path().join("restored");
        let out = under_umask(umask, haven(&restored).args(["restore", "--from"]).arg(&backup));
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(open_to_others(&restored), vec![], "umask {umask}: the restored centre is open to others");
    }
}

#[cfg(unix)]
#[test]
fn a_centre_found_open_to_others_is_closed_at_open_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    init(&centre);
    std::fs::set_permissions(&centre, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(centre.join("vault.haven"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = haven(&centre).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("owner"), "no warning: {}", text(&out));
    assert_eq!(mode(&centre), 0o700);
    assert_eq!(mode(&centre.join("vault.haven")), 0o600);
}

/// The first `ack` line (after `ready`), or the last line read.
#[cfg(target_os = "linux")]
fn first_ack(out: &mut impl std::io::BufRead) -> String {
    let mut line = String::new();
    for _ in 0..3 {
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 || line.starts_with("ack") {
            break;
        }
    }
    line
}

/// Starts a long `haven torture` run and waits for its first acknowledged
/// save, so that the process is past its login.
#[cfg(target_os = "linux")]
fn running(mut cmd: Command) -> (std::process::Child, std::io::BufReader<std::process::ChildStdout>) {
    let mut child =
        cmd.args(["torture", "--count", "1000000"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let line = first_ack(&mut out);
    assert!(line.starts_with("ack"), "torture did not start: {line:?}");
    (child, out)
}

#[cfg(target_os = "linux")]
#[test]
fn a_passphrase_given_on_a_descriptor_is_not_in_the_environment_and_the_process_cannot_dump_core() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    init(&centre);

    // The finding: HAVEN_PASSPHRASE stays in /proc/PID/environ.
    let (mut child, _out) = running(haven(&centre));
    // Unreadable to a user other than root once the process is not dumpable.
    let environ = std::fs::read(format!("/proc/{}/environ", child.id())).ok();
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    if let Some(environ) = environ {
        assert!(environ.windows(ADMIN_PASS.len()).any(|w| w == ADMIN_PASS.as_bytes()), "the control case is wrong");
    }
    let core = limits.lines().find(|l| l.starts_with("Max core file size")).unwrap().to_string();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "core dumps are not disabled: {core}");

    // The documented escape hatch keeps the inherited limit, for debugging.
    let mut debug = haven(&centre);
    debug.env("HAVEN_DEBUG_DUMPS", "1");
    let (mut child, _out) = running(debug);
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let ours = std::fs::read_to_string("/proc/self/limits").unwrap();
    let core_of = |l: &str| l.lines().find(|l| l.starts_with("Max core file size")).unwrap().to_string();
    assert_eq!(core_of(&limits), core_of(&ours), "HAVEN_DEBUG_DUMPS=1 did not keep the limit");

    // With --passphrase-fd 0 it is read from standard input, never the environment.
    let mut cmd = haven(&centre);
    cmd.env_remove("HAVEN_PASSPHRASE").arg("--passphrase-fd").arg("0").stdin(Stdio::piped());
    cmd.args(["torture", "--count", "1000000"]).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{ADMIN_PASS}").unwrap();
    }
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let line = first_ack(&mut out);
    let environ = std::fs::read(format!("/proc/{}/environ", child.id())).unwrap_or_default();
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", child.id())).unwrap_or_default();
    child.kill().unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(
        line.starts_with("ack"),
        "login through --passphrase-fd failed: {line:?} {}",
        String::from_utf8_lossy(&done.stderr)
    );
    for (what, bytes) in [("environ", &environ), ("cmdline", &cmdline)] {
        assert!(!bytes.windows(ADMIN_PASS.len()).any(|w| w == ADMIN_PASS.as_bytes()), "the passphrase is in {what}");
    }
}

#[test]
fn a_display_name_with_escapes_reaches_the_terminal_inert() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    init(&centre);
    let hostile = "Eve\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let out = haven(&centre)
        .env("HAVEN_NEW_PASSPHRASE", "a passphrase long enough")
        .args(["user", "add", "eve", "--role", "night", "--name", hostile])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = haven(&centre).args(["user", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Eve␛]0;pwned␇"), "{shown}");
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "raw control bytes: {shown:?}");
    assert!(!shown.contains('\u{9b}') && !shown.contains('\u{202e}'), "{shown:?}");
}

/// Runs `cmd` with its standard output already closed at the other end
/// (`haven find a | head -0`, without the race).
fn with_closed_stdout(mut cmd: Command) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    cmd.stdout(writer).stderr(Stdio::piped()).output().unwrap()
}

#[test]
fn a_closed_pipe_ends_any_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let centre = demo(dir.path());
    for args in [vec!["find", "a"], vec!["audit", "show"], vec!["user", "list"], vec!["check"]] {
        let mut cmd = as_demo(&centre);
        cmd.args(&args);
        let out = with_closed_stdout(cmd);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {err}");
        assert!(out.status.success(), "{args:?} exit {:?}: {err}", out.status.code());
        assert!(!err.contains("internal error") && !err.contains("panicked"), "{args:?}: {err}");
    }
    let log = std::fs::read_to_string(centre.join("logs").join("haven.log")).unwrap_or_default();
    assert!(!log.contains("panic"), "a panic was logged: {log}");
}

#[test]
fn init_refuses_a_folder_holding_a_database_without_its_vault_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    init(&centre);
    std::fs::remove_file(centre.join("vault.haven")).unwrap();
    let list = |p: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(p).unwrap().flatten().map(|e| e.file_name()).collect();
        v.sort();
        v
    };
    let before = list(&centre);
    let out = haven(&centre).args(["init", "--centre", "MSK", "--admin", "anna"]).output().unwrap();
    fails_with(&out, "database");
    assert!(!centre.join("vault.haven").exists(), "a new vault was written over an old database");
    assert_eq!(list(&centre), before);
}

#[test]
fn check_on_a_damaged_folder_does_not_send_you_to_check() {
    // A half-made centre: the vault of another centre over this database.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    init(&a);
    init(&b);
    std::fs::copy(b.join("vault.haven"), a.join("vault.haven")).unwrap();
    let out = haven(&a).arg("check").output().unwrap();
    let t = text(&out);
    assert!(!out.status.success(), "{t}");
    assert_ne!(out.status.code(), Some(101), "{t}");
    assert!(!t.contains("run `haven check`"), "{t}");
}
