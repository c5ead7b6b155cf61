//! Progress of long operations on a terminal: count and rate on one line of
//! standard error, redrawn at most ten times a second; silent when standard
//! error is not a terminal (scripts, logs, tests).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A progress line.
pub struct Progress {
    label: String,
    total: Option<u64>,
    started: Instant,
    last: Instant,
    enabled: bool,
}

impl Progress {
    /// A progress line for `label`, of `total` items if known.
    pub fn new(label: &str, total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            label: label.to_string(),
            total,
            started: now,
            last: now - Duration::from_secs(1),
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Reports `done` items.
    pub fn update(&mut self, done: u64) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let rate = done as f64 / self.started.elapsed().as_secs_f64().max(0.001);
        let text = match self.total {
            Some(t) if t > 0 => {
                let width = 30usize;
                let filled = ((done.min(t) as f64 / t as f64) * width as f64) as usize;
                format!(
                    "\r{} [{}{}] {done}/{t}  {rate:.0}/s ",
                    self.label,
                    "#".repeat(filled),
                    " ".repeat(width - filled)
                )
            }
            _ => format!("\r{} {done}  {rate:.0}/s ", self.label),
        };
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    /// Ends the line.
    pub fn finish(&mut self, done: u64) {
        if self.enabled {
            self.last = Instant::now() - Duration::from_secs(1);
            self.update(done);
            let _ = std::io::stderr().write_all(b"\n");
        }
    }
}
