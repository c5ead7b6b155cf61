//! The event loop on a real terminal: draw only when something changed,
//! sleep until the next key, tick or signal, and restore the terminal on
//! every way out (return, error, panic, SIGTERM, SIGHUP, SIGINT).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::console::App;

/// Restores the terminal when dropped, whatever happened before.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        // On a panic ratatui's hook has restored already; leaving the
        // alternate screen twice would move the cursor over its message.
        if !std::thread::panicking() {
            ratatui::restore();
        }
    }
}

/// Set by a termination signal; the loop saves the draft and leaves.
fn signal_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
        }
    }
    flag
}

/// How long the loop sleeps at most: signals are noticed within this.
const MAX_WAIT: Duration = Duration::from_millis(250);

/// How long it sleeps while a background answer is due: search hits are
/// shown within this of arriving, not up to a quarter second later.
const ANSWER_WAIT: Duration = Duration::from_millis(5);

/// Runs the console until the user quits or a signal arrives.
pub fn run(mut app: App) -> io::Result<()> {
    let stop = signal_flag();
    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    #[cfg(any(test, debug_assertions))]
    let panic_in_render = std::env::var("HAVEN_TEST_PANIC_IN_RENDER").is_ok_and(|v| v == "1");
    loop {
        if app.needs_redraw() {
            #[cfg(any(test, debug_assertions))]
            if panic_in_render {
                #[allow(clippy::panic)]
                {
                    panic!("test-only panic in render");
                }
            }
            terminal.draw(|f| app.render(f))?;
        }
        if stop.load(Ordering::Relaxed) {
            app.on_signal();
            break;
        }
        let wait = if app.waiting() { ANSWER_WAIT } else { MAX_WAIT };
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(k),
                Event::Resize(_, _) => app.invalidate(),
                _ => {}
            }
        }
        app.tick();
        if app.should_quit() {
            break;
        }
    }
    Ok(())
}
