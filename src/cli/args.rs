//! The command-line grammar.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Haven: the console of a shelter and rehabilitation centre.
#[derive(Debug, Parser)]
#[command(name = "haven", version, about, long_about = None)]
pub struct Cli {
    /// The centre's data folder (default: the platform's data folder).
    #[arg(long, global = true, env = "HAVEN_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Language of the interface: en, ru or fr.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Keymap: a name (default, vim) or a file.
    #[arg(long, global = true, value_name = "NAME|FILE")]
    pub keymap: Option<String>,
    /// Read the passphrase from this file descriptor (its first line): 0 for
    /// standard input, or 3 with `3<file`. For scripts, safer than
    /// HAVEN_PASSPHRASE, which stays readable in /proc/PID/environ.
    #[arg(long, global = true, value_name = "N")]
    pub passphrase_fd: Option<u32>,
    /// What to do; without a subcommand the console opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new centre (the passphrase is asked, or taken from HAVEN_PASSPHRASE).
    Init(InitArgs),
    /// Create (or reuse) a demo centre with synthetic data, then open the console.
    Demo(DemoArgs),
    /// Verify integrity, decryptability, invariants and the audit chain; exit 0 or 1.
    Check(CheckArgs),
    /// Manage user accounts (managers only).
    User(UserArgs),
    /// Keymap files.
    Keymap(KeymapArgs),
    /// Audit review for managers: list events, verify the chain against a recorded head.
    Audit(AuditArgs),
    /// Erase a closed case for good, keeping its anonymised statistics (managers).
    Erase(EraseArgs),
    /// Write an encrypted backup of the centre and verify it by reading it back.
    Backup(BackupArgs),
    /// Restore a centre from a backup (an existing centre only with --force).
    Restore(RestoreArgs),
    /// Measure the performance scenario of docs/PERFORMANCE.md on a synthetic centre.
    Bench(BenchArgs),
    /// Search cases by code, alias, document number and (case workers, managers) legal names.
    Find(FindArgs),
    /// The donor report of a period: people, services, referrals, pickups, occupancy, the yearly target.
    Report(super::report::ReportArgs),
    /// Export the records (managers): CSV or XLSX for Excel, JSON for migration, CTDC for IOM.
    Export(super::export::ExportArgs),
    /// Import cases, organisations or rooms from a CSV or XLSX file, checked whole first.
    Import(super::import::ImportArgs),
    /// Push and pull once with the centre's hub (docs/SYNC.md); shows the sync state and alarms.
    Sync(SyncArgs),
    /// Set up the PostgreSQL hub that connects the centre's laptops.
    Hub(HubArgs),
    /// The installations (laptops) of the centre: enrol, list, revoke.
    Device(DeviceArgs),
    /// Sync bundles: the same changes on a USB stick, between laptops without a network.
    Bundle(BundleArgs),
    /// Test helper: writes numbered saves and acknowledges each on stdout.
    #[command(hide = true)]
    Torture(TortureArgs),
}

/// `haven sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only show the state (last sync, laptops last heard from, alarms).
    #[arg(long)]
    pub status: bool,
    /// Acknowledge (clear) the alarms listed (managers).
    #[arg(long)]
    pub clear_alarms: bool,
}

/// `haven hub`.
#[derive(Debug, Args)]
pub struct HubArgs {
    /// The action.
    #[command(subcommand)]
    pub action: HubAction,
}

/// `haven hub …` actions.
#[derive(Debug, Subcommand)]
pub enum HubAction {
    /// Enrol this laptop at the hub with a role of its own, with the centre's
    /// enrolment credential (`hub provision`); run it once on every laptop.
    Init {
        /// postgres://haven_c_…@HOST:PORT/DB (the password is asked, or taken
        /// from HAVEN_HUB_PASSWORD; it is never stored, never in the URL).
        #[arg(long)]
        url: String,
        /// The centre's CA certificate (PEM) that signed the hub's certificate.
        #[arg(long, value_name = "FILE")]
        ca: PathBuf,
        /// Replace this laptop's own credential at the hub (only when this very
        /// laptop lost its hub settings; never on a copy of another laptop).
        #[arg(long)]
        replace: bool,
    },
    // --- hubops: operator and centre commands (issue 18 §3, §5, §6) ---
    /// The hub's operator, once per centre: the schema and the centre's
    /// enrolment credential (printed once, for the centre's manager).
    Provision {
        /// postgres://OPERATOR@HOST:PORT/DB (password from HAVEN_HUB_PASSWORD or asked).
        #[arg(long)]
        url: String,
        /// The CA certificate (PEM) that signed the hub's certificate.
        #[arg(long, value_name = "FILE")]
        ca: PathBuf,
        /// The centre's id (`haven hub centre` prints it on a laptop of the centre).
        #[arg(long)]
        centre: String,
    },
    /// Print this centre's id, for the hub's operator.
    Centre,
    /// Tell whether a server has what the hub needs (TLS, SCRAM, row-level
    /// security, roles, LISTEN, partitioning, the operator's functions).
    Doctor {
        /// postgres://ROLE@HOST:PORT/DB (password from HAVEN_HUB_PASSWORD or asked).
        #[arg(long)]
        url: String,
        /// The CA certificate (PEM) that signed the hub's certificate.
        #[arg(long, value_name = "FILE")]
        ca: PathBuf,
    },
    /// A manager, with the centre's enrolment credential: carry erasures to
    /// the hub, and drop envelopes every laptop holds and a verified backup covers.
    Tidy {
        /// postgres://haven_c_…@HOST:PORT/DB (password from HAVEN_HUB_PASSWORD or asked).
        #[arg(long)]
        url: String,
        /// The centre's CA certificate (PEM).
        #[arg(long, value_name = "FILE")]
        ca: PathBuf,
        /// A backup of this laptop (`haven backup`): only what it holds is dropped.
        #[arg(long, value_name = "FILE")]
        backup: Option<PathBuf>,
    },
    // --- end hubops ---
    /// The hub's operator: how every laptop learns of new changes. `listen`
    /// holds one connection per running console (fine for a few dozen
    /// laptops); `poll` holds none between looks (docs/HUB.md, "Connections").
    Wake {
        /// postgres://OPERATOR@HOST:PORT/DB (password from HAVEN_HUB_PASSWORD or asked).
        #[arg(long)]
        url: String,
        /// The CA certificate (PEM) that signed the hub's certificate.
        #[arg(long, value_name = "FILE")]
        ca: PathBuf,
        /// `listen` or `poll`.
        #[arg(value_parser = ["listen", "poll"])]
        mode: String,
        /// Polling: seconds to the next look after something moved.
        #[arg(long, default_value_t = 30)]
        fast: u64,
        /// Polling: the longest wait, reached by doubling while nothing moves.
        #[arg(long, default_value_t = 300)]
        slow: u64,
    },
    /// Drive simulated centres and laptops against a hub for testing and
    /// report its figures (docs/PERFORMANCE.md, "The hub under load").
    #[command(hide = true)]
    Load(super::hub::LoadArgs),
}

/// `haven device`.
#[derive(Debug, Args)]
pub struct DeviceArgs {
    /// The action.
    #[command(subcommand)]
    pub action: DeviceAction,
}

/// `haven device …` actions.
#[derive(Debug, Subcommand)]
pub enum DeviceAction {
    /// Give this laptop its own identity in the roster (managers): after a
    /// restore from another laptop's backup, or after a fork alarm.
    Enrol {
        /// A name people recognise ("reception 2").
        #[arg(long)]
        name: String,
    },
    /// List the centre's installations, when each was last heard from.
    List,
    /// Revoke a lost or stolen laptop: its later changes are refused everywhere.
    Revoke {
        /// Its id (the first digits `device list` shows) or its name.
        device: String,
        /// Also stop its role at the hub (the centre's enrolment URL, or the
        /// operator's; password from HAVEN_HUB_PASSWORD or asked).
        #[arg(long)]
        hub_url: Option<String>,
        /// The centre's CA certificate, with --hub-url.
        #[arg(long, value_name = "FILE")]
        ca: Option<PathBuf>,
    },
}

/// `haven bundle`.
#[derive(Debug, Args)]
pub struct BundleArgs {
    /// The action.
    #[command(subcommand)]
    pub action: BundleAction,
}

/// `haven bundle …` actions.
#[derive(Debug, Subcommand)]
pub enum BundleAction {
    /// Write every change this laptop holds (its own and the others') to a file.
    Export {
        /// The bundle to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only changes from this date on (any form: 2026-12-01, -7d, today).
        #[arg(long)]
        since: Option<String>,
    },
    /// Verify a bundle and apply what it carries.
    Import {
        /// The bundle to read.
        file: PathBuf,
    },
}

/// `haven find`.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// What to look for: a name in any script, an alias, a case code, a document number.
    #[arg(required = true, num_args = 1.., value_name = "QUERY", allow_hyphen_values = true, trailing_var_arg = true)]
    pub query: Vec<String>,
    /// Most cases listed.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// `haven init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Centre code used in case codes, 2–5 capital letters (e.g. MSK).
    #[arg(long)]
    pub centre: String,
    /// Username of the first manager.
    #[arg(long)]
    pub admin: String,
    /// Name of the centre.
    #[arg(long)]
    pub name: Option<String>,
    /// Display name of the first manager.
    #[arg(long)]
    pub admin_name: Option<String>,
}

/// `haven demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of synthetic cases.
    #[arg(long, default_value_t = 60)]
    pub cases: usize,
    /// Delete the demo centre first and create it anew.
    #[arg(long)]
    pub reset: bool,
    /// Only create the demo centre; do not open the console.
    #[arg(long)]
    pub no_console: bool,
}

/// `haven user`.
#[derive(Debug, Args)]
pub struct UserArgs {
    /// The action.
    #[command(subcommand)]
    pub action: UserAction,
}

/// Roles on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// Airport reception.
    Reception,
    /// Night shift.
    Night,
    /// Case worker.
    CaseWorker,
    /// Manager.
    Manager,
}

/// `haven user …` actions.
#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Add a user (their passphrase is asked, or taken from HAVEN_NEW_PASSPHRASE).
    Add {
        /// Login name.
        username: String,
        /// Role.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Display name.
        #[arg(long)]
        name: Option<String>,
    },
    /// List users.
    List,
    /// Change a user's passphrase (asked, or HAVEN_NEW_PASSPHRASE).
    Passwd {
        /// Login name.
        username: String,
    },
    /// Change a user's role; their keys are re-wrapped under a new
    /// passphrase (asked, or HAVEN_NEW_PASSPHRASE) that the manager hands over.
    Role {
        /// Login name.
        username: String,
        /// The new role.
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// Disable a user and remove their keys.
    Disable {
        /// Login name.
        username: String,
    },
}

/// `haven torture` (hidden).
#[derive(Debug, Args)]
pub struct TortureArgs {
    /// First save number.
    #[arg(long, default_value_t = 0)]
    pub from: u64,
    /// Number of saves.
    #[arg(long, default_value_t = 1000)]
    pub count: u64,
    /// What each step does.
    #[arg(long, value_enum, default_value_t = TortureMode::Saves)]
    pub mode: TortureMode,
    /// Saves: wait for a line on standard input before each step (ending at
    /// its end), for tests that act between two saves.
    #[arg(long)]
    pub paced: bool,
}

/// What one step of `haven torture` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TortureMode {
    /// One durable save.
    Saves,
    /// Open the centre (recovery), log in, check it, save once, close it.
    Reopen,
    /// One keyslot change: a passphrase, a new user or a role.
    Keyslots,
}

/// `haven keymap`.
#[derive(Debug, Args)]
pub struct KeymapArgs {
    /// The action.
    #[command(subcommand)]
    pub action: KeymapAction,
}

/// `haven keymap …` actions.
#[derive(Debug, Subcommand)]
pub enum KeymapAction {
    /// Validate a keymap file: every error names the file, line, key and problem.
    Check {
        /// The file.
        file: PathBuf,
    },
}

/// `haven check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Accept a centre whose witness of the last save (`head`) is missing or
    /// unreadable, as its database is now, and write a new witness (a
    /// manager who knows why it was lost; recorded in the audit chain).
    #[arg(long)]
    pub accept_missing_witness: bool,
}

/// `haven audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The action.
    #[command(subcommand)]
    pub action: AuditCmd,
}

/// `haven audit …` actions.
#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// List events, oldest first, with filters.
    Show {
        /// Only this user's events.
        #[arg(long)]
        user: Option<String>,
        /// Only events about this case code.
        #[arg(long)]
        case: Option<String>,
        /// Only this action (login, view_case, reveal_name, update, export, …).
        #[arg(long)]
        action: Option<String>,
        /// From this date (any form: 2026-12-01, 01.12.2026, today, -7d).
        #[arg(long)]
        from: Option<String>,
        /// Up to this date, included.
        #[arg(long)]
        to: Option<String>,
    },
    /// Verify the chain; with --head SEQ:MAC, also that nothing up to that
    /// recorded head was altered or removed.
    Verify {
        /// A head written down earlier (`haven check` prints it).
        #[arg(long, value_name = "SEQ:MAC")]
        head: Option<String>,
    },
}

/// `haven erase`.
#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The case code (e.g. MSK-26-0042).
    pub case: String,
    /// Confirms that the case is to be erased for good.
    #[arg(long)]
    pub yes: bool,
}

/// `haven backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The archive to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// `haven restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive to read.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Replace the existing centre in the data folder (the same centre only).
    #[arg(long)]
    pub force: bool,
}

/// `haven bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Cases in the synthetic centre.
    #[arg(long, default_value_t = 10_000)]
    pub cases: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Measure the centre in this folder, creating it first when it is empty,
    /// and keep it afterwards (the run edits it). Without it a temporary
    /// folder is used and deleted.
    #[arg(long, value_name = "DIR")]
    pub centre: Option<std::path::PathBuf>,
    /// Only create the synthetic centre in `--centre` (the measuring process
    /// runs this in a child, so that its own memory is that of a console
    /// opening a centre, not of one that has just written it).
    #[arg(long, hide = true, requires = "centre")]
    pub populate_only: bool,
}
