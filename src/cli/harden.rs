//! The process guards its secrets before it reads any (issue 16 §5), as
//! password managers do:
//!
//! - the umask becomes 077, so every file and folder Haven writes (the
//!   database sled creates, logs, backups, exports) is owner-only whatever
//!   the umask it was started with;
//! - core dumps are off (`RLIMIT_CORE` 0, soft and hard): a SIGQUIT no longer
//!   writes a core holding revealed names and passphrases;
//! - on Linux the process is not dumpable (`PR_SET_DUMPABLE` 0): another
//!   process of the same user cannot attach with ptrace or read its memory,
//!   and `/proc/PID/environ` becomes unreadable to other users.
//!
//! `HAVEN_DEBUG_DUMPS=1` keeps core dumps and ptrace for debugging (the
//! umask is tightened anyway). Failures are not fatal: a system without the
//! call simply keeps its default, and `haven` still runs.

/// The setting that keeps core dumps and debugger attachment.
pub const DEBUG_ENV: &str = "HAVEN_DEBUG_DUMPS";

/// Whether the debug setting asks to keep dumps.
fn debugging() -> bool {
    std::env::var(DEBUG_ENV).is_ok_and(|v| v == "1")
}

/// Applies the guards to this process.
pub fn process() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        use rustix::process::{Resource, Rlimit, setrlimit, umask};
        umask(Mode::from_raw_mode(0o077));
        if debugging() {
            return;
        }
        let _ = setrlimit(Resource::Core, Rlimit { current: Some(0), maximum: Some(0) });
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    }
    #[cfg(not(unix))]
    let _ = debugging();
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_guarded_process_cannot_dump_core_or_be_traced() {
        // Changes this test process only: it is not dumpable afterwards.
        if super::debugging() {
            return;
        }
        super::process();
        let core = rustix::process::getrlimit(rustix::process::Resource::Core);
        assert_eq!((core.current, core.maximum), (Some(0), Some(0)));
        assert_eq!(rustix::process::dumpable_behavior().unwrap(), rustix::process::DumpableBehavior::NotDumpable);
    }
}
