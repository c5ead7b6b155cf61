//! The bytes a terminal sends, turned into keys and pastes. The console
//! reads its terminal itself (`input.rs`) and this parser makes of every
//! byte read the same key events crossterm's own parser would: printable
//! text, control keys, CSI/SS3 sequences for arrows, function and editing
//! keys with their modifiers. A bracketed paste (`ESC [200~` … `ESC [201~`)
//! comes out as one paste, never as keys, so pasted text is never read as
//! commands. Sequences the console does not use (mouse, focus, replies) are
//! consumed and dropped.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the parser made of the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A key press.
    Key(KeyEvent),
    /// A bracketed paste, whole.
    Paste(String),
}

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// The longest CSI sequence kept while waiting for its final byte; longer
/// ones are garbage and dropped.
const CSI_MAX: usize = 64;

/// Bytes read but not yet made into events, and a paste being received.
#[derive(Debug, Default)]
pub struct KeyParser {
    buf: Vec<u8>,
    paste: Option<Vec<u8>>,
}

/// One step of the parser over the front of the buffer.
enum Step {
    /// `n` bytes made an event (or nothing worth sending).
    Done(usize, Option<Parsed>),
    /// The bytes so far may be the start of a longer sequence.
    Incomplete,
}

impl KeyParser {
    /// Takes bytes just read and returns every event they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Parsed> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        self.drain(&mut out, false);
        out
    }

    /// Whether bytes wait for more (an escape sequence cut between two
    /// reads, or a lone Esc). A paste in progress waits without a limit.
    pub fn waiting(&self) -> bool {
        self.paste.is_none() && !self.buf.is_empty()
    }

    /// No more bytes came soon: what is held is what it looks like on its
    /// own (a lone `ESC` is the Esc key, `ESC x` is Alt+x).
    pub fn flush(&mut self) -> Vec<Parsed> {
        let mut out = Vec::new();
        self.drain(&mut out, true);
        out
    }

    fn drain(&mut self, out: &mut Vec<Parsed>, flush: bool) {
        let mut start = 0;
        loop {
            if let Some(paste) = self.paste.as_mut() {
                let rest = &self.buf[start..];
                match find(rest, PASTE_END) {
                    Some(end) => {
                        paste.extend_from_slice(&rest[..end]);
                        start += end + PASTE_END.len();
                        let bytes = self.paste.take().unwrap_or_default();
                        out.push(Parsed::Paste(String::from_utf8_lossy(&bytes).into_owned()));
                        continue;
                    }
                    None => {
                        // Keep a tail that may be the start of the end marker.
                        let keep = partial_suffix(rest, PASTE_END);
                        paste.extend_from_slice(&rest[..rest.len() - keep]);
                        start = self.buf.len() - keep;
                        break;
                    }
                }
            }
            let rest = &self.buf[start..];
            if rest.is_empty() {
                break;
            }
            if rest.starts_with(PASTE_START) {
                self.paste = Some(Vec::new());
                start += PASTE_START.len();
                continue;
            }
            match step(rest, flush) {
                Step::Done(n, ev) => {
                    start += n.max(1);
                    out.extend(ev);
                }
                Step::Incomplete => break,
            }
        }
        self.buf.drain(..start.min(self.buf.len()));
    }
}

/// Where `needle` starts in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `hay` are a proper prefix of `marker`.
fn partial_suffix(hay: &[u8], marker: &[u8]) -> usize {
    (1..marker.len()).rev().find(|&k| hay.len() >= k && hay.ends_with(&marker[..k])).unwrap_or(0)
}

fn key(code: KeyCode, mods: KeyModifiers) -> Option<Parsed> {
    Some(Parsed::Key(KeyEvent::new(code, mods)))
}

fn plain(code: KeyCode) -> Option<Parsed> {
    key(code, KeyModifiers::NONE)
}

/// One event from the front of `b` (not empty).
fn step(b: &[u8], flush: bool) -> Step {
    match b[0] {
        ESC => escape(b, flush),
        b'\r' | b'\n' => Step::Done(1, plain(KeyCode::Enter)),
        b'\t' => Step::Done(1, plain(KeyCode::Tab)),
        0x7f => Step::Done(1, plain(KeyCode::Backspace)),
        0 => Step::Done(1, key(KeyCode::Char(' '), KeyModifiers::CONTROL)),
        c @ 0x01..=0x1a => Step::Done(1, key(KeyCode::Char(char::from(c - 1 + b'a')), KeyModifiers::CONTROL)),
        c @ 0x1c..=0x1f => Step::Done(1, key(KeyCode::Char(char::from(c - 0x1c + b'4')), KeyModifiers::CONTROL)),
        _ => utf8(b, flush),
    }
}

/// A character typed, in UTF-8; an upper-case letter carries Shift as
/// crossterm reports it.
fn utf8(b: &[u8], flush: bool) -> Step {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Step::Done(1, None),
    };
    if b.len() < len {
        return if flush { Step::Done(b.len(), None) } else { Step::Incomplete };
    }
    match std::str::from_utf8(&b[..len]).ok().and_then(|s| s.chars().next()) {
        Some(c) => {
            let mods = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            Step::Done(len, key(KeyCode::Char(c), mods))
        }
        None => Step::Done(1, None),
    }
}

fn escape(b: &[u8], flush: bool) -> Step {
    let Some(&second) = b.get(1) else {
        return if flush { Step::Done(1, plain(KeyCode::Esc)) } else { Step::Incomplete };
    };
    match second {
        b'[' => match csi(b) {
            Some(step) => step,
            None if flush => Step::Done(2, key(KeyCode::Char('['), KeyModifiers::ALT)),
            None => Step::Incomplete,
        },
        b'O' => match b.get(2) {
            Some(&c) => Step::Done(3, ss3(c)),
            None if flush => Step::Done(2, key(KeyCode::Char('O'), KeyModifiers::ALT | KeyModifiers::SHIFT)),
            None => Step::Incomplete,
        },
        ESC => Step::Done(1, plain(KeyCode::Esc)),
        _ => match step(&b[1..], flush) {
            Step::Done(n, Some(Parsed::Key(mut k))) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Done(n + 1, Some(Parsed::Key(k)))
            }
            Step::Done(n, other) => Step::Done(n + 1, other),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

fn ss3(c: u8) -> Option<Parsed> {
    match c {
        b'A' => plain(KeyCode::Up),
        b'B' => plain(KeyCode::Down),
        b'C' => plain(KeyCode::Right),
        b'D' => plain(KeyCode::Left),
        b'H' => plain(KeyCode::Home),
        b'F' => plain(KeyCode::End),
        b'P'..=b'S' => plain(KeyCode::F(1 + c - b'P')),
        _ => None,
    }
}

/// A CSI sequence `ESC [ params final`; None while its final byte has not
/// come yet.
fn csi(b: &[u8]) -> Option<Step> {
    // The Linux console's F1-F5: ESC [ [ A-E.
    if b.get(2) == Some(&b'[') {
        let c = *b.get(3)?;
        let ev = if (b'A'..=b'E').contains(&c) { plain(KeyCode::F(1 + c - b'A')) } else { None };
        return Some(Step::Done(4, ev));
    }
    let end = b.iter().skip(2).position(|c| (0x40..=0x7e).contains(c)).map(|p| p + 2);
    let Some(end) = end else {
        return if b.len() > CSI_MAX { Some(Step::Done(b.len(), None)) } else { None };
    };
    let params = std::str::from_utf8(&b[2..end]).unwrap_or("");
    let fin = b[end];
    let mut nums = params.split(';').map(|p| p.split(':').next().unwrap_or("").parse::<u16>().ok());
    let first = nums.next().flatten();
    let mods = nums.next().flatten().map(modifiers).unwrap_or(KeyModifiers::NONE);
    let code = match fin {
        _ if params.starts_with(['<', '?', '>']) => None,
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'P' => Some(KeyCode::F(1)),
        b'Q' => Some(KeyCode::F(2)),
        b'R' if first == Some(1) && mods != KeyModifiers::NONE => Some(KeyCode::F(3)),
        b'S' => Some(KeyCode::F(4)),
        b'Z' => {
            return Some(Step::Done(end + 1, key(KeyCode::BackTab, KeyModifiers::SHIFT | mods)));
        }
        b'~' => first.and_then(tilde),
        _ => None,
    };
    Some(Step::Done(end + 1, code.and_then(|c| key(c, mods))))
}

/// `ESC [ n ~` keys.
fn tilde(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28 | 29 => KeyCode::F((n - 15) as u8),
        31..=34 => KeyCode::F((n - 17) as u8),
        _ => return None,
    })
}

/// The xterm modifier parameter (1 + bits).
fn modifiers(mask: u16) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn k(code: KeyCode, m: KeyModifiers) -> Parsed {
        Parsed::Key(KeyEvent::new(code, m))
    }

    fn p(code: KeyCode) -> Parsed {
        k(code, KeyModifiers::NONE)
    }

    fn all(bytes: &[u8]) -> Vec<Parsed> {
        let mut parser = KeyParser::default();
        let mut out = parser.feed(bytes);
        out.extend(parser.flush());
        out
    }

    #[test]
    fn text_control_keys_and_utf8_come_out_as_crossterm_reports_them() {
        assert_eq!(
            all("aÉ\r\t\x7f\x13\x08я".as_bytes()),
            vec![
                p(KeyCode::Char('a')),
                k(KeyCode::Char('É'), KeyModifiers::SHIFT),
                p(KeyCode::Enter),
                p(KeyCode::Tab),
                p(KeyCode::Backspace),
                k(KeyCode::Char('s'), KeyModifiers::CONTROL),
                k(KeyCode::Char('h'), KeyModifiers::CONTROL),
                p(KeyCode::Char('я')),
            ]
        );
    }

    #[test]
    fn escape_sequences_for_arrows_function_and_editing_keys() {
        assert_eq!(
            all(b"\x1b[A\x1bOB\x1bOP\x1b[15~\x1b[24~\x1b[3~\x1b[1;5C\x1b[Z\x1b[[A\x1b[6~\x1b[1;2R"),
            vec![
                p(KeyCode::Up),
                p(KeyCode::Down),
                p(KeyCode::F(1)),
                p(KeyCode::F(5)),
                p(KeyCode::F(12)),
                p(KeyCode::Delete),
                k(KeyCode::Right, KeyModifiers::CONTROL),
                k(KeyCode::BackTab, KeyModifiers::SHIFT),
                p(KeyCode::F(1)),
                p(KeyCode::PageDown),
                k(KeyCode::F(3), KeyModifiers::SHIFT),
            ]
        );
    }

    #[test]
    fn a_lone_escape_waits_for_more_then_is_the_esc_key() {
        let mut parser = KeyParser::default();
        assert!(parser.feed(b"\x1b").is_empty());
        assert!(parser.waiting());
        assert_eq!(parser.flush(), vec![p(KeyCode::Esc)]);
        assert_eq!(all(b"\x1bx"), vec![k(KeyCode::Char('x'), KeyModifiers::ALT)]);
    }

    #[test]
    fn a_sequence_cut_between_two_reads_is_one_key() {
        let mut parser = KeyParser::default();
        assert!(parser.feed(b"\x1b[1").is_empty());
        assert_eq!(parser.feed(b"5~"), vec![p(KeyCode::F(5))]);
        let ya = "я".as_bytes();
        assert!(parser.feed(&ya[..1]).is_empty());
        assert_eq!(parser.feed(&ya[1..]), vec![p(KeyCode::Char('я'))]);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_cut_anywhere() {
        let text = "F10 \x13 quit\r\nsecond line \x1b[A";
        let bytes = [PASTE_START, text.as_bytes(), PASTE_END, b"z"].concat();
        for cut in 0..bytes.len() {
            let mut parser = KeyParser::default();
            let mut out = parser.feed(&bytes[..cut]);
            out.extend(parser.feed(&bytes[cut..]));
            assert_eq!(out, vec![Parsed::Paste(text.into()), p(KeyCode::Char('z'))], "cut at {cut}");
        }
    }

    #[test]
    fn unknown_and_mouse_sequences_are_dropped_without_eating_the_next_key() {
        assert_eq!(all(b"\x1b[<0;3;4M\x1b[I\x1b[?1;2cq"), vec![p(KeyCode::Char('q'))]);
    }

    #[test]
    fn ten_thousand_bytes_in_one_read_all_come_out() {
        let text = "x".repeat(10_000);
        assert_eq!(all(text.as_bytes()).len(), 10_000);
    }

    #[test]
    fn typed_keys_cut_at_any_two_places_between_reads_come_out_as_read_whole() {
        // What the pty tests type: text, F2 as SS3, an arrow with Ctrl, a
        // Cyrillic letter, Enter and a scanner's line, cut anywhere.
        let bytes = "KT55\x1bOQw\x1b[1;5Cя\rP<UTO\t".as_bytes();
        let whole = all(bytes);
        assert_eq!(whole.len(), 15);
        for i in 0..=bytes.len() {
            for j in i..=bytes.len() {
                let mut parser = KeyParser::default();
                let mut out = parser.feed(&bytes[..i]);
                out.extend(parser.feed(&bytes[i..j]));
                out.extend(parser.feed(&bytes[j..]));
                // Nothing is held once the whole burst is read.
                assert!(!parser.waiting(), "held after cuts at {i} and {j}");
                assert_eq!(out, whole, "cuts at {i} and {j}");
            }
        }
    }
}
