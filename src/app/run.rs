//! The event loop on a real terminal: draw only when something changed,
//! sleep until the next key, paste, tick or signal, and restore the terminal
//! on every way out (return, error, panic, SIGTERM, SIGHUP, SIGINT). When
//! the terminal itself goes away the draft is kept and the console ends at
//! once (`input.rs`, RELIABILITY.md "Terminal loss").

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, KeyEventKind};
use ratatui::crossterm::execute;

use super::console::App;
use super::input::{Input, Inputs, Why};

/// Restores the terminal when dropped, whatever happened before.
struct Restore {
    /// The terminal is still there to restore.
    tty: bool,
}

impl Drop for Restore {
    fn drop(&mut self) {
        // On a panic ratatui's hook has restored already; leaving the
        // alternate screen twice would move the cursor over its message.
        // A terminal that is gone has nothing to restore, and writing to it
        // (or to stderr about it) only fails.
        if self.tty && !std::thread::panicking() {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            let _ = ratatui::try_restore();
        }
    }
}

/// How long the loop sleeps at most when nothing happens (the idle lock and
/// the status bar's clock are looked at this often).
const MAX_WAIT: Duration = Duration::from_millis(250);

/// How long it sleeps while a background answer is due: search hits are
/// shown within this of arriving, not up to a quarter second later.
const ANSWER_WAIT: Duration = Duration::from_millis(5);

/// How long a burst of keys is handled before the screen is drawn anyway:
/// a scanner's two lines appear at once, and a long stream still shows.
const BURST: Duration = Duration::from_millis(40);

/// Runs the console until the user quits or a signal arrives.
pub fn run(mut app: App) -> io::Result<()> {
    let mut inputs = Inputs::listen()?;
    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()?;
    let mut restore = Restore { tty: true };
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    inputs.read_terminal()?;
    #[cfg(any(test, debug_assertions))]
    let panic_in_render = std::env::var("HAVEN_TEST_PANIC_IN_RENDER").is_ok_and(|v| v == "1");
    // Tests: after the first key the console's thread is stuck for a minute
    // (a call that never looks at the stop), so the deadline must end it.
    #[cfg(any(test, debug_assertions))]
    let mut stuck_after_key = std::env::var("HAVEN_TEST_STUCK_AFTER_KEY").is_ok_and(|v| v == "1");
    loop {
        if app.needs_redraw() {
            #[cfg(any(test, debug_assertions))]
            if panic_in_render {
                #[allow(clippy::panic)]
                {
                    panic!("test-only panic in render");
                }
            }
            if terminal.draw(|f| app.render(f)).is_err() {
                // The terminal refuses output: it is gone.
                restore.tty = false;
                super::stop::request();
                app.on_signal();
                break;
            }
        }
        let wait = if app.waiting() { ANSWER_WAIT } else { MAX_WAIT };
        let (stop, _handled) = handle_burst(&mut app, &inputs, wait);
        if let Some(why) = stop {
            restore.tty = why != Why::TerminalGone;
            app.on_signal();
            break;
        }
        #[cfg(any(test, debug_assertions))]
        if stuck_after_key && _handled {
            stuck_after_key = false;
            std::thread::sleep(Duration::from_secs(60));
        }
        app.tick();
        if app.should_quit() {
            break;
        }
    }
    if restore.tty {
        let _ = terminal.flush();
    }
    Ok(())
}

/// Waits up to `wait` for input, then handles everything that is already
/// there (a burst of keys, a paste) before the next frame, for at most
/// [`BURST`]. Returns why the console must stop, if it must, and whether
/// any input was handled.
fn handle_burst(app: &mut App, inputs: &Inputs, wait: Duration) -> (Option<Why>, bool) {
    let mut next = inputs.next(wait);
    let started = Instant::now();
    let handled = next.is_some();
    while let Some(input) = next {
        match input {
            Input::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(k),
            Input::Key(_) => {}
            Input::Paste(text) => app.handle_paste(&text),
            Input::Resize => app.invalidate(),
            Input::Stop(why) => return (Some(why), handled),
        }
        if app.should_quit() || started.elapsed() >= BURST {
            break;
        }
        next = inputs.ready();
    }
    (None, handled)
}
