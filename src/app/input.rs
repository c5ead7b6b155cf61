//! What reaches the console from outside while it runs on a real terminal,
//! as one stream of messages for the event loop (`run.rs`): keys, pastes
//! and resizes from the terminal, termination signals, and the loss of the
//! terminal itself.
//!
//! On Unix the console reads its terminal itself, on a thread of its own,
//! with a level-triggered `poll` and `read`, and parses the bytes
//! (`keyparse.rs`). crossterm 0.29's reader is not used there: once the
//! terminal is gone it retries a read that returns 0 or EIO forever, at full
//! speed, without ever returning (crossterm issue 793), and its
//! edge-triggered poll leaves the rest of a burst of more than 1 KiB unread
//! until another key arrives. Here a hang-up, end of file or read error ends
//! the reader at once and tells the loop, which keeps the draft and leaves;
//! a burst is read whole, whatever its size. RELIABILITY.md, "Terminal loss".

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use ratatui::crossterm::event::KeyEvent;

/// One message for the event loop.
#[derive(Debug)]
pub enum Input {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted (bracketed paste): it goes into the focused field.
    Paste(String),
    /// The terminal changed size.
    Resize,
    /// The console must keep the draft and end.
    Stop(Why),
}

/// Why the console stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// SIGTERM, SIGHUP or SIGINT.
    Signal,
    /// The terminal is gone (hang-up, end of file, read error).
    TerminalGone,
}

/// The stream of messages, fed by the reader and signal threads.
pub struct Inputs {
    tx: Option<Sender<Input>>,
    rx: Receiver<Input>,
}

impl Inputs {
    /// Starts listening for termination signals (before the terminal is
    /// put in raw mode, so a signal then still restores it).
    pub fn listen() -> std::io::Result<Inputs> {
        let (tx, rx) = mpsc::channel();
        #[cfg(unix)]
        unix::signals(tx.clone())?;
        Ok(Inputs { tx: Some(tx), rx })
    }

    /// Starts reading the terminal, once it is in raw mode.
    pub fn read_terminal(&mut self) -> std::io::Result<()> {
        let Some(tx) = self.tx.take() else { return Ok(()) };
        #[cfg(unix)]
        unix::reader(tx)?;
        #[cfg(not(unix))]
        portable::reader(tx)?;
        Ok(())
    }

    /// The next message, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Option<Input> {
        match self.rx.recv_timeout(wait) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            // Every sender ended: the reader is gone with the terminal.
            Err(RecvTimeoutError::Disconnected) => Some(Input::Stop(Why::TerminalGone)),
        }
    }

    /// A message already waiting, without waiting.
    pub fn ready(&self) -> Option<Input> {
        self.rx.try_recv().ok()
    }
}

fn send_stop(tx: &Sender<Input>, why: Why) {
    super::stop::request();
    let _ = tx.send(Input::Stop(why));
}

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::os::fd::{AsFd, BorrowedFd};
    use std::sync::mpsc::Sender;
    use std::time::Duration;

    use rustix::event::{PollFd, PollFlags, Timespec};
    use rustix::io::Errno;

    use super::{Input, Why, send_stop};
    use crate::app::keyparse::{KeyParser, Parsed};

    /// How long a lone Esc (or half a sequence) waits for the rest.
    const ESC_WAIT: Duration = Duration::from_millis(30);

    /// Termination signals and resizes, from a thread of their own.
    pub(super) fn signals(tx: Sender<Input>) -> std::io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH])?;
        std::thread::Builder::new().name("haven-signals".into()).spawn(move || {
            for sig in signals.forever() {
                if sig == SIGWINCH {
                    if tx.send(Input::Resize).is_err() {
                        return;
                    }
                } else {
                    send_stop(&tx, Why::Signal);
                }
            }
        })?;
        Ok(())
    }

    /// The terminal the console reads: standard input when it is one, else
    /// `/dev/tty` (as crossterm chooses).
    enum Tty {
        Stdin,
        Dev(File),
    }

    impl Tty {
        fn open() -> std::io::Result<Tty> {
            if rustix::termios::isatty(rustix::stdio::stdin()) {
                Ok(Tty::Stdin)
            } else {
                Ok(Tty::Dev(std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty")?))
            }
        }

        fn fd(&self) -> BorrowedFd<'_> {
            match self {
                Tty::Stdin => rustix::stdio::stdin(),
                Tty::Dev(f) => f.as_fd(),
            }
        }
    }

    enum Ready {
        Readable,
        Quiet,
        Gone,
    }

    /// Waits until the terminal has bytes, hangs up, or `wait` passes.
    fn wait(fd: BorrowedFd<'_>, wait: Option<Duration>) -> Ready {
        let timeout = wait.and_then(|d| Timespec::try_from(d).ok());
        loop {
            let mut fds = [PollFd::new(&fd, PollFlags::IN)];
            match rustix::event::poll(&mut fds, timeout.as_ref()) {
                Ok(0) => return Ready::Quiet,
                Ok(_) => {
                    let got = fds[0].revents();
                    // A hang-up with bytes still buffered: they are read
                    // first, and the read then ends with 0 or EIO.
                    if got.contains(PollFlags::IN) {
                        return Ready::Readable;
                    }
                    if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                        return Ready::Gone;
                    }
                }
                Err(Errno::INTR) => {}
                Err(_) => return Ready::Gone,
            }
        }
    }

    /// Reads the terminal on a thread of its own until it is gone.
    pub(super) fn reader(tx: Sender<Input>) -> std::io::Result<()> {
        let tty = Tty::open()?;
        std::thread::Builder::new().name("haven-tty".into()).spawn(move || read_loop(&tty, &tx))?;
        Ok(())
    }

    fn read_loop(tty: &Tty, tx: &Sender<Input>) {
        let fd = tty.fd();
        let mut parser = KeyParser::default();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let timeout = parser.waiting().then_some(ESC_WAIT);
            match wait(fd, timeout) {
                Ready::Gone => return send_stop(tx, Why::TerminalGone),
                Ready::Quiet => {
                    if !send(tx, parser.flush()) {
                        return;
                    }
                    continue;
                }
                Ready::Readable => {}
            }
            match rustix::io::read(fd, &mut buf) {
                Ok(0) => return send_stop(tx, Why::TerminalGone),
                Ok(n) => {
                    if !send(tx, parser.feed(&buf[..n])) {
                        return;
                    }
                }
                Err(Errno::INTR | Errno::AGAIN) => {}
                Err(_) => return send_stop(tx, Why::TerminalGone),
            }
        }
    }

    /// Sends the events; false when the console no longer listens.
    fn send(tx: &Sender<Input>, events: Vec<Parsed>) -> bool {
        events.into_iter().all(|ev| {
            let input = match ev {
                Parsed::Key(k) => Input::Key(k),
                Parsed::Paste(t) => Input::Paste(t),
            };
            tx.send(input).is_ok()
        })
    }
}

#[cfg(not(unix))]
mod portable {
    use std::sync::mpsc::Sender;

    use ratatui::crossterm::event::{self, Event, KeyEventKind};

    use super::{Input, Why, send_stop};

    /// crossterm's reader, on a thread of its own (its Windows source ends
    /// with an error when the console goes away).
    pub(super) fn reader(tx: Sender<Input>) -> std::io::Result<()> {
        std::thread::Builder::new().name("haven-tty".into()).spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Input::Key(k),
                    Ok(Event::Paste(t)) => Input::Paste(t),
                    Ok(Event::Resize(..)) => Input::Resize,
                    Ok(_) => continue,
                    Err(_) => return send_stop(&tx, Why::TerminalGone),
                };
                if tx.send(input).is_err() {
                    return;
                }
            }
        })?;
        Ok(())
    }
}
