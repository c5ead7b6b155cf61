//! What every screen may use: the store, the language, the keymap, the
//! settings and the clock. Screens reach the database only through here.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::config::Config;
use crate::i18n::I18n;
use crate::keymap::Keymap;
use crate::store::reopen::Detached;
use crate::store::{Store, StoreError};

/// The local wall clock; tests inject a fixed one.
pub type LocalClock = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// The application context handed to screens.
pub struct Ctx {
    /// The open centre (absent only on the first-run screen).
    store: Option<Store>,
    /// The interface language.
    pub i18n: I18n,
    /// The active keymap.
    pub keymap: Keymap,
    /// Settings.
    pub config: Config,
    /// Whether this is the demo centre (login shows its accounts).
    pub demo: bool,
    clock: LocalClock,
    data_dir: std::path::PathBuf,
    /// The centre while its database is closed after a failed write, and
    /// when it was last tried (see [`Ctx::recover_store`]).
    detached: Option<(Box<Detached>, std::time::Instant)>,
}

/// How often a closed database is tried again on its own, and at most on
/// keys (typing into a form while the disk is full must not open sled at
/// every character).
const REOPEN_EVERY: std::time::Duration = std::time::Duration::from_secs(2);
const REOPEN_ON_KEY: std::time::Duration = std::time::Duration::from_millis(250);

impl Ctx {
    /// A context over an open store (or none, before the first centre exists).
    pub fn new(store: Option<Store>, i18n: I18n, keymap: Keymap, config: Config, demo: bool) -> Ctx {
        Ctx {
            store,
            i18n,
            keymap,
            config,
            demo,
            clock: Arc::new(|| chrono::Local::now().naive_local()),
            data_dir: std::path::PathBuf::new(),
            detached: None,
        }
    }

    /// The open centre.
    pub fn store(&self) -> Result<&Store, StoreError> {
        self.store.as_ref().ok_or_else(|| self.missing())
    }

    /// The open centre, for logging in and out.
    pub fn store_mut(&mut self) -> Result<&mut Store, StoreError> {
        let missing = self.missing();
        self.store.as_mut().ok_or(missing)
    }

    fn missing(&self) -> StoreError {
        if self.detached.is_some() { StoreError::Closed } else { StoreError::Forbidden("no centre") }
    }

    /// After a write the disk refused, sled refuses every later one until
    /// the database is opened again: closes it and opens it again in place
    /// (no login, no restart), at once, then on a key (`now`, at most four
    /// times a second) and every two seconds while it cannot be. Meanwhile
    /// screens keep what they show and saves say so. True when the store
    /// came back.
    pub fn recover_store(&mut self, now: bool) -> bool {
        if self.store.as_ref().is_some_and(Store::write_failed)
            && let Some(store) = self.store.take()
        {
            let due = std::time::Instant::now().checked_sub(REOPEN_EVERY).unwrap_or_else(std::time::Instant::now);
            self.detached = Some((store.detach(), due));
        }
        let Some((detached, tried)) = self.detached.take() else { return false };
        if tried.elapsed() < if now { REOPEN_ON_KEY } else { REOPEN_EVERY } {
            self.detached = Some((detached, tried));
            return false;
        }
        match detached.attach() {
            Ok(store) => {
                self.store = Some(store);
                true
            }
            Err((e, detached)) => {
                tracing::warn!(error = %e, "the database could not be opened again yet");
                self.detached = Some((detached, std::time::Instant::now()));
                false
            }
        }
    }

    /// Installs the centre created on the first-run screen.
    pub fn set_store(&mut self, store: Store) {
        self.store = Some(store);
    }

    /// Whether someone is logged in.
    pub fn unlocked(&self) -> bool {
        self.store.as_ref().is_some_and(|s| s.is_unlocked())
    }

    /// A store error as one line in the user's language.
    pub fn error_text(&self, e: &StoreError) -> String {
        crate::ui::messages::store_error(e, &self.i18n)
    }

    /// The centre folder (where the first-run screen creates a centre).
    pub fn data_dir(&self) -> &std::path::Path {
        match &self.store {
            Some(s) => s.dir(),
            None => &self.data_dir,
        }
    }

    /// Sets the folder a centre is created in when there is none yet.
    pub fn set_data_dir(&mut self, dir: &std::path::Path) {
        self.data_dir = dir.to_path_buf();
    }

    /// Replaces the clock (tests).
    pub fn set_clock(&mut self, clock: LocalClock) {
        self.clock = clock;
    }

    /// Local date and time now.
    pub fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// Local date today.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// A message in the user's language.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(key)
    }
}
