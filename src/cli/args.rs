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
    Check,
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
    /// Search cases by code, alias, document number and (case workers, managers) legal names.
    Find(FindArgs),
    /// Test helper: writes numbered saves and acknowledges each on stdout.
    #[command(hide = true)]
    Torture(TortureArgs),
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
