//! What can go wrong in the store, as data: the console and the command line
//! turn each variant into a message in the user's language.

use std::path::PathBuf;

/// A store failure. Variants carry no personal data, only paths, counts and
/// names of things, so they can be logged and shown safely.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Unknown user or wrong passphrase: deliberately one variant.
    #[error("wrong username or passphrase")]
    BadCredentials,
    /// Too many failed logins; wait before the next attempt.
    #[error("too many failed attempts: wait {seconds} s")]
    Throttled {
        /// Seconds to wait.
        seconds: u64,
    },
    /// The user's account is disabled.
    #[error("this account is disabled")]
    Disabled,
    /// The folder holds no Haven centre.
    #[error("{path}: not a Haven centre")]
    NotACentre {
        /// The folder.
        path: PathBuf,
    },
    /// A centre already exists in the folder.
    #[error("{path}: a centre already exists here")]
    AlreadyExists {
        /// The folder.
        path: PathBuf,
    },
    /// Another Haven process holds the folder.
    #[error("{path}: Haven is already running on this folder")]
    InUse {
        /// The folder.
        path: PathBuf,
        /// Which process holds it, when it said so.
        holder: Option<Holder>,
    },
    /// The folder was moved away or replaced while this process held it:
    /// nothing more is saved into it.
    #[error("{path}: the folder was moved or replaced; nothing more is saved")]
    FolderReplaced {
        /// The folder.
        path: PathBuf,
    },
    /// The vault header is damaged (checksum, framing or encoding).
    #[error("the vault header is damaged: {0}")]
    HeaderDamaged(&'static str),
    /// The vault header asks for key-derivation costs outside the allowed range.
    #[error("the vault header asks for forbidden key-derivation parameters")]
    ForgedKdf,
    /// A stored value failed authentication or decoding.
    #[error("a stored value is damaged (tree {tree})")]
    Corrupt {
        /// The tree that holds it.
        tree: &'static str,
    },
    /// sled could not read an entry of a tree (a damaged page): reading
    /// stopped there (`store::rows`).
    #[error("the database cannot read tree {tree} past entry {after}")]
    Unreadable {
        /// The tree.
        tree: &'static str,
        /// How many entries were read before.
        after: u64,
    },
    /// The log sled would replay at open is damaged at byte `at` of
    /// `db/db`: the database was not opened, and a copy of the file is kept
    /// at `kept` (`store::replay`).
    #[error("the database file is damaged at byte {at}; it was not opened; a copy is kept in {kept}")]
    Damaged {
        /// File offset of the damage.
        at: u64,
        /// The copy kept aside.
        kept: PathBuf,
    },
    /// The witness of the last save (`head`) is missing.
    #[error("the witness of the last save is missing")]
    WitnessMissing,
    /// The witness of the last save is empty or not a witness.
    #[error("the witness of the last save is unreadable")]
    WitnessUnreadable,
    /// The database ends before saves its witness says were acknowledged.
    #[error("saves lost: the database ends at event {ends} but {acknowledged} were acknowledged")]
    SavesLost {
        /// The last audit event the database holds.
        ends: u64,
        /// The last one acknowledged.
        acknowledged: u64,
        /// A copy of what recovery cut, when one was kept.
        kept: Option<PathBuf>,
    },
    /// The database files themselves could not be read.
    #[error("the database is damaged: {0}")]
    Database(String),
    /// The role of the session does not hold the key or right needed.
    #[error("permission denied: {0}")]
    Forbidden(&'static str),
    /// A rule refused the change.
    #[error("refused: {0}")]
    Rule(super::rule::Rule),
    /// A record the change expects is missing.
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// The disk is full: nothing was written.
    #[error("the disk is full: nothing was saved")]
    DiskFull,
    /// Any other input/output failure.
    #[error("input/output error: {0}")]
    Io(String),
    /// The database was closed after a write the disk refused, and could not
    /// be opened again yet (`store::reopen`).
    #[error("the database is closed after a failed write; nothing was saved")]
    Closed,
    /// Invalid input for an operation (username, centre code, passphrase…).
    #[error("invalid input: {0}")]
    Invalid(String),
}

/// The process that holds a centre folder, as its lock file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    /// Its process id.
    pub pid: u32,
    /// Since when (Unix seconds).
    pub since: i64,
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        if is_disk_full(&e) { StoreError::DiskFull } else { StoreError::Io(e.kind().to_string()) }
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) => io.into(),
            sled::Error::Corruption { .. } => StoreError::Database("corruption detected".into()),
            sled::Error::Unsupported(s) => StoreError::Database(s),
            sled::Error::ReportableBug(_) => StoreError::Database("internal database error".into()),
            sled::Error::CollectionNotFound(_) => StoreError::Database("missing tree".into()),
        }
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::StorageFull {
        return true;
    }
    // ENOSPC (28) and EDQUOT (122 on Linux) as raw codes, for errors that
    // arrive wrapped without a mapped kind.
    matches!(e.raw_os_error(), Some(28) | Some(122)) || e.to_string().contains("No space left on device")
}

/// Result with a [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
