//! Hidden test helper for the durability suite: writes numbered rooms, one
//! durable save each, and prints `ack N` only after the save returned. The
//! parent kills it at random moments and checks that every acknowledged
//! save survived.

use std::io::Write;
use std::process::ExitCode;

use super::args::{Cli, TortureArgs};
use super::{creds, paths};
use crate::domain::ids::{Id, RoomId};
use crate::domain::rooms::{Room, Wing};
use crate::store::{AuditAction, AuditEntry};

/// The id the torture test gives room number `n`.
pub fn torture_room_id(n: u64) -> RoomId {
    let mut b = [0xA5u8; 16];
    b[..8].copy_from_slice(&n.to_be_bytes());
    RoomId::from(Id(b))
}

/// Runs the helper.
pub fn run(cli: &Cli, a: &TortureArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready")?;
    out.flush()?;
    for n in a.from..a.from.saturating_add(a.count) {
        let room = Room {
            id: torture_room_id(n),
            name: format!("T{n}"),
            floor: (n % 3) as i16,
            wing: Wing::Any,
            accessible: n % 2 == 0,
            retired: false,
        };
        store.commit(AuditEntry::new(AuditAction::Create, "room"), |tx| tx.put(room.clone()).map(|_| ()))?;
        writeln!(out, "ack {n}")?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
