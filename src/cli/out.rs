//! What a command prints: every line goes through the inert path of the
//! console (`ui::sanitize::inert`), so a name holding an escape sequence
//! cannot retitle the terminal or move its cursor; tabs stay, as the column
//! separators of `find`. A closed standard output (`haven find a | head -1`)
//! ends the command quietly: the write fails with a broken pipe, which
//! [`closed_pipe`] recognises and the entry point turns into exit 0, instead
//! of the panic `println!` would raise.

use std::io::Write;

use crate::ui::sanitize::inert;

/// `s` made inert, tab-separated columns kept.
pub fn clean(s: &str) -> String {
    s.split('\t').map(inert).collect::<Vec<_>>().join("\t")
}

/// Prints one line (each line of `s`, if it has several) on standard output.
pub fn line(s: &str) -> std::io::Result<()> {
    let mut o = std::io::stdout().lock();
    for l in s.split('\n') {
        writeln!(o, "{}", clean(l))?;
    }
    o.flush()
}

/// Prints one line on standard error, inert; best effort (a closed or full
/// stderr loses the line, never the command).
pub fn warn(s: &str) {
    let mut e = std::io::stderr().lock();
    for l in s.split('\n') {
        let _ = writeln!(e, "{}", clean(l));
    }
}

/// Whether `e` comes from writing to a closed pipe.
pub fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_and_tabs_kept() {
        assert_eq!(clean("MSK-26-0001\tEve\u{1b}]0;x\u{7}\tbed"), "MSK-26-0001\tEve␛]0;x␇\tbed");
        assert_eq!(clean("\u{9b}31m"), "\u{FFFD}31m");
    }

    #[test]
    fn a_broken_pipe_is_recognised_through_context() {
        let e = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe)).context("printing");
        assert!(closed_pipe(&e));
        assert!(!closed_pipe(&anyhow::anyhow!("other")));
    }
}
