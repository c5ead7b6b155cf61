//! Terminal key events to chords, handling the terminal pitfalls once.
//!
//! Every quirk listed in STYLE.md is dealt with here so that no screen has to:
//! releases are ignored (Windows sends them), Ctrl-I/M/H/[ become the keys
//! terminals really mean, BackTab is Shift-Tab, an upper-case letter is Shift
//! plus the letter, and AltGr (Ctrl+Alt on Windows) with a symbol is text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::key::{Key, KeyChord, KeyParseError, Mods};

/// Whether Ctrl+Alt with `c` is AltGr typing a character, not a shortcut.
///
/// Windows reports AltGr as Ctrl+Alt. AltGr produces symbols and accented
/// letters (`@`, `€`, `ą`), practically never a plain ASCII letter or digit,
/// so Ctrl-Alt-Q stays a shortcut while Ctrl-Alt-@ is text.
fn is_altgr_text(c: char) -> bool {
    !c.is_control() && !c.is_ascii_alphanumeric()
}

impl KeyChord {
    /// The chord for a terminal key event, or `None` for releases and keys we never bind.
    pub fn from_event(event: &KeyEvent) -> Option<KeyChord> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let m = event.modifiers;
        let mut mods = Mods {
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift: m.contains(KeyModifiers::SHIFT),
        };
        let key = match event.code {
            KeyCode::Char(c) if mods.ctrl && mods.alt && is_altgr_text(c) => {
                mods = Mods::NONE;
                Key::Char(c)
            }
            KeyCode::Char(c) if mods.ctrl => {
                // Terminals send these bytes for Tab, Enter, Backspace and Esc.
                let meant = match c.to_ascii_lowercase() {
                    'i' => Some(Key::Tab),
                    'm' => Some(Key::Enter),
                    'h' => Some(Key::Backspace),
                    '[' => Some(Key::Esc),
                    _ => None,
                };
                match meant {
                    Some(k) => {
                        mods.ctrl = false;
                        k
                    }
                    None => Key::Char(c),
                }
            }
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::F(n) => Key::F(n),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => {
                mods.shift = true;
                Key::Tab
            }
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Insert => Key::Insert,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            _ => return None,
        };
        // With Ctrl or Alt, terminals may report the letter in either case.
        if let Key::Char(c) = key
            && (mods.ctrl || mods.alt)
            && c.is_uppercase()
            && !mods.shift
        {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                return Some(KeyChord::new(Key::Char(l), mods));
            }
        }
        Some(KeyChord::new(key, mods))
    }

    /// The key event a terminal would send for this chord (for tests and scripts).
    pub fn to_event(self) -> KeyEvent {
        let m = self.mods();
        let mut mods = KeyModifiers::NONE;
        if m.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if m.alt {
            mods |= KeyModifiers::ALT;
        }
        if m.shift {
            mods |= KeyModifiers::SHIFT;
        }
        let code = match self.key() {
            Key::Char(c) if m.shift => {
                let mut up = c.to_uppercase();
                match (up.next(), up.next()) {
                    (Some(u), None) => KeyCode::Char(u),
                    _ => KeyCode::Char(c),
                }
            }
            Key::Char(c) => KeyCode::Char(c),
            Key::F(n) => KeyCode::F(n),
            Key::Enter => KeyCode::Enter,
            Key::Esc => KeyCode::Esc,
            Key::Tab if m.shift => KeyCode::BackTab,
            Key::Tab => KeyCode::Tab,
            Key::Backspace => KeyCode::Backspace,
            Key::Delete => KeyCode::Delete,
            Key::Insert => KeyCode::Insert,
            Key::Home => KeyCode::Home,
            Key::End => KeyCode::End,
            Key::PageUp => KeyCode::PageUp,
            Key::PageDown => KeyCode::PageDown,
            Key::Up => KeyCode::Up,
            Key::Down => KeyCode::Down,
            Key::Left => KeyCode::Left,
            Key::Right => KeyCode::Right,
        };
        KeyEvent::new(code, mods)
    }
}

/// The character this event types into a text field, if it types one.
///
/// The app offers these to a focused field before the keymap sees the key,
/// so typing `q` in a name never quits.
pub fn text_char(event: &KeyEvent) -> Option<char> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let KeyCode::Char(c) = event.code else {
        return None;
    };
    if c.is_control() {
        return None;
    }
    let m = event.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let alt = m.contains(KeyModifiers::ALT);
    match (ctrl, alt) {
        (false, false) => Some(c),
        (true, true) if is_altgr_text(c) => Some(c),
        _ => None,
    }
}

/// Key events for a script such as `"F1 esc tab ctrl-s a b space"`, for driving screens in tests.
///
/// Each whitespace-separated token is one key; a single character is that
/// character (`S` is Shift-S), and `space` is the space bar.
pub fn parse_script(script: &str) -> Result<Vec<KeyEvent>, KeyParseError> {
    script.split_whitespace().map(|token| KeyChord::parse(token).map(KeyChord::to_event)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn chord(code: KeyCode, mods: KeyModifiers) -> Option<KeyChord> {
        KeyChord::from_event(&ev(code, mods))
    }

    fn p(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn only_presses_and_repeats_count() {
        let mut release = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(KeyChord::from_event(&release), None);
        assert_eq!(text_char(&release), None);
        let repeat = KeyEvent {
            code: KeyCode::Down,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Repeat,
            state: KeyEventState::NONE,
        };
        assert_eq!(KeyChord::from_event(&repeat), Some(p("down")));
    }

    #[test]
    fn shift_is_normalised_one_way() {
        let want = Some(p("G"));
        assert_eq!(chord(KeyCode::Char('G'), KeyModifiers::SHIFT), want);
        assert_eq!(chord(KeyCode::Char('G'), KeyModifiers::NONE), want);
        assert_eq!(chord(KeyCode::Char('g'), KeyModifiers::SHIFT), want);
        // Shift on a symbol is already in the symbol (Windows reports it).
        assert_eq!(chord(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(p("?")));
        assert_eq!(chord(KeyCode::BackTab, KeyModifiers::SHIFT), Some(p("shift-tab")));
        assert_eq!(chord(KeyCode::BackTab, KeyModifiers::NONE), Some(p("shift-tab")));
        assert_eq!(chord(KeyCode::Char('S'), KeyModifiers::CONTROL), Some(p("ctrl-s")));
    }

    #[test]
    fn ctrl_letters_that_mean_other_keys_become_those_keys() {
        assert_eq!(chord(KeyCode::Char('h'), KeyModifiers::CONTROL), Some(p("backspace")));
        assert_eq!(chord(KeyCode::Char('i'), KeyModifiers::CONTROL), Some(p("tab")));
        assert_eq!(chord(KeyCode::Char('m'), KeyModifiers::CONTROL), Some(p("enter")));
        assert_eq!(chord(KeyCode::Char('['), KeyModifiers::CONTROL), Some(p("esc")));
        assert_eq!(chord(KeyCode::Char('s'), KeyModifiers::CONTROL), Some(p("ctrl-s")));
    }

    #[test]
    fn altgr_symbols_are_text_but_ctrl_alt_letters_are_shortcuts() {
        let altgr = ev(KeyCode::Char('@'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        assert_eq!(KeyChord::from_event(&altgr), Some(p("@")));
        assert_eq!(text_char(&altgr), Some('@'));
        let shortcut = ev(KeyCode::Char('q'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        assert_eq!(KeyChord::from_event(&shortcut), Some(p("ctrl-alt-q")));
        assert_eq!(text_char(&shortcut), None);
        assert_eq!(text_char(&ev(KeyCode::Char('q'), KeyModifiers::NONE)), Some('q'));
        assert_eq!(text_char(&ev(KeyCode::Char('Q'), KeyModifiers::SHIFT)), Some('Q'));
        assert_eq!(text_char(&ev(KeyCode::Char('s'), KeyModifiers::CONTROL)), None);
        assert_eq!(text_char(&ev(KeyCode::F(2), KeyModifiers::NONE)), None);
    }

    #[test]
    fn scripts_become_the_events_a_terminal_sends() {
        let events = parse_script("F1 esc tab shift-tab ctrl-s a S space /").unwrap();
        let codes: Vec<_> = events.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                KeyCode::F(1),
                KeyCode::Esc,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::Char('s'),
                KeyCode::Char('a'),
                KeyCode::Char('S'),
                KeyCode::Char(' '),
                KeyCode::Char('/'),
            ]
        );
        assert_eq!(events[4].modifiers, KeyModifiers::CONTROL);
        assert_eq!(events[6].modifiers, KeyModifiers::SHIFT);
        for e in &events {
            assert_eq!(KeyChord::from_event(e).map(KeyChord::to_event), Some(*e));
        }
        assert!(parse_script("F1 bogus").is_err());
    }
}
