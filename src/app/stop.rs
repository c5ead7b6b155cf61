//! The console is stopping (a termination signal, or its terminal went
//! away): a call waiting for the hub is told to end early
//! (`sync::background::stop_waiting`), and a deadline is armed after which
//! the process ends even if the console's thread is still busy, so nothing
//! can keep a console alive — and its folder locked — after its terminal has
//! gone.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the console may take to save the draft and end after a stop
/// was asked for. The promise is two seconds; this leaves room for exiting.
pub const DEADLINE: Duration = Duration::from_millis(1_500);

/// The exit status when the deadline had to end the process.
const DEADLINE_EXIT: i32 = 3;

/// Set by the first request, so the deadline is armed once.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Asks the console to stop, and arms the deadline (once).
pub fn request() {
    if STOPPING.swap(true, Ordering::SeqCst) {
        return;
    }
    crate::sync::background::stop_waiting();
    let _ = std::thread::Builder::new().name("haven-deadline".into()).spawn(|| {
        std::thread::sleep(DEADLINE);
        tracing::warn!("the console did not end in time after a stop; ending it");
        // A terminal still there is given back as it was (a gone one only
        // refuses the writes, at once).
        let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::DisableBracketedPaste);
        let _ = ratatui::try_restore();
        // Everything saved so far is durable; the operating system releases
        // the folder's lock with the process.
        std::process::exit(DEADLINE_EXIT);
    });
}
