//! Hidden test helper for the durability and fault suites. Each step prints
//! `ack N` only after it returned, and the parent kills the process with
//! SIGKILL at random moments to check that every acknowledged step survived:
//!
//! - `saves`: one durable save of a numbered room (with `--paced`, each
//!   when a line arrives on standard input);
//! - `reopen`: opens the centre (sled recovery), logs in, checks it, saves a
//!   numbered room and closes it again, printing the phase it enters, so that
//!   kills land in recovery and login as well as in saves;
//! - `keyslots`: one rewrite of the vault header's keyslots per step, in the
//!   sequence of `keyslot_step` (a passphrase, a new user, a role).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::args::{Cli, TortureArgs, TortureMode};
use super::{creds, paths};
use crate::domain::ids::{Id, RoomId};
use crate::domain::rooms::{Room, Wing};
use crate::domain::user::Role;
use crate::store::{AuditAction, AuditEntry, Store};

/// The two passphrases the keyslot torture alternates for the user running it
/// (`tests/it/faults.rs` follows the same sequence).
const KEYSLOT_PASSPHRASES: [&str; 2] = ["torture passphrase one", "torture passphrase two"];

/// The id the torture test gives room number `n`.
pub fn torture_room_id(n: u64) -> RoomId {
    let mut b = [0xA5u8; 16];
    b[..8].copy_from_slice(&n.to_be_bytes());
    RoomId::from(Id(b))
}

/// One keyslot change: the slot of `username` becomes `role` under `passphrase`.
struct KeyslotStep {
    username: String,
    role: Role,
    passphrase: String,
}

/// Step `n` of the keyslot torture run by `me`: every third step changes
/// `me`'s own passphrase (alternating the two of `KEYSLOT_PASSPHRASES`),
/// the next adds user `k{n}` as reception, the next changes that user's role
/// (case worker or night, so the wrapped key set changes) and passphrase.
fn keyslot_step(me: &str, n: u64) -> KeyslotStep {
    match n % 3 {
        0 => KeyslotStep {
            username: me.to_string(),
            role: Role::Manager,
            passphrase: KEYSLOT_PASSPHRASES[usize::from((n / 3) % 2 == 1)].to_string(),
        },
        1 => KeyslotStep {
            username: format!("k{n}"),
            role: Role::Reception,
            passphrase: format!("keyslot {n} first passphrase"),
        },
        _ => {
            let added = n - 1;
            KeyslotStep {
                username: format!("k{added}"),
                role: if (n / 3).is_multiple_of(2) { Role::CaseWorker } else { Role::Night },
                passphrase: format!("keyslot {added} second passphrase"),
            }
        }
    }
}

/// Runs the helper.
pub fn run(cli: &Cli, a: &TortureArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let mut out = std::io::stdout().lock();
    match a.mode {
        TortureMode::Saves => saves(&dir, a, &mut out),
        TortureMode::Reopen => reopen(&dir, a, &mut out),
        TortureMode::Keyslots => keyslots(&dir, a, &mut out),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// Prints one line and pushes it out before going on, so that what the
/// parent reads is what had happened when it killed.
fn say(out: &mut impl Write, line: &str) -> std::io::Result<()> {
    writeln!(out, "{line}")?;
    out.flush()
}

fn steps(a: &TortureArgs) -> std::ops::Range<u64> {
    a.from..a.from.saturating_add(a.count)
}

fn save_room(store: &Store, n: u64) -> crate::store::Result<()> {
    let room = Room {
        id: torture_room_id(n),
        name: format!("T{n}"),
        floor: (n % 3) as i16,
        wing: Wing::Any,
        accessible: n.is_multiple_of(2),
        retired: false,
    };
    store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(room.clone()).map(|_| ()))
}

fn saves(dir: &Path, a: &TortureArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let store = creds::open(dir)?;
    say(out, "ready")?;
    let mut go = std::io::stdin().lock();
    for n in steps(a) {
        if a.paced && std::io::BufRead::read_line(&mut go, &mut String::new())? == 0 {
            break;
        }
        save_room(&store, n)?;
        say(out, &format!("ack {n}"))?;
    }
    Ok(())
}

fn reopen(dir: &Path, a: &TortureArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let (user, pass) = creds::login()?;
    for n in steps(a) {
        say(out, &format!("open {n}"))?;
        let mut store = Store::open(dir)?;
        say(out, &format!("login {n}"))?;
        store.login(&user, pass.as_bytes())?;
        say(out, &format!("check {n}"))?;
        let report = store.check()?;
        if !report.ok() {
            anyhow::bail!("check after reopening found problems: {:?}", report.problems);
        }
        say(out, &format!("save {n}"))?;
        save_room(&store, n)?;
        say(out, &format!("ack {n}"))?;
        drop(store);
        say(out, &format!("closed {n}"))?;
    }
    Ok(())
}

fn keyslots(dir: &Path, a: &TortureArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let mut store = creds::open(dir)?;
    let me = store.session()?.username.clone();
    say(out, "ready")?;
    for n in steps(a) {
        let step = keyslot_step(&me, n);
        let display =
            store.header().slot(&step.username).map_or_else(|| step.username.clone(), |s| s.display_name.clone());
        store.set_user(&step.username, &display, step.role, step.passphrase.as_bytes())?;
        say(out, &format!("ack {n}"))?;
    }
    Ok(())
}
