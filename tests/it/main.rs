//! Every integration test in one binary: each file here is a module, so the
//! crate is linked once for all of them instead of once per file (issue 19:
//! 24 binaries each linked the whole crate). Run one file's tests with
//! `cargo test --test it arrivals::`. The helpers shared by the files stay
//! beside this folder: `tests/common` (the binary), `tests/support` (the
//! console driven in process), `tests/sync_common` (laptops and a hub).

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/mod.rs"]
mod support;
#[path = "../sync_common/mod.rs"]
mod sync_common;

mod arrivals;
mod backup;
mod beds;
mod blind_index;
mod cases;
mod cli;
mod console;
mod damage;
mod disk_full;
mod durability;
mod e2e;
mod export;
mod faults;
mod gate_zone;
mod hostile;
mod hub_connections;
mod hub_failover;
mod hub_flow;
mod hub_ops;
mod hub_wake;
mod i18n;
mod import;
mod import_kill;
mod keymaps;
mod layers;
mod layout;
mod lock;
mod night;
mod readme;
mod reports;
mod reveal;
mod search;
mod secrets;
mod sync;
mod sync_hostile;
mod sync_pg;
mod sync_screens;
mod sync_sim;
mod terminal;
mod unseen;
mod witness;
mod words;
mod world_names;
