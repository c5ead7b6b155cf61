//! Key chords: one key plus modifiers, parsed from and shown as short text.
//!
//! There is exactly one canonical form per chord, so that `"G"`,
//! `"shift-g"` and a terminal's `Char('G') + SHIFT` all compare equal:
//! letters are stored lower-case with an explicit Shift flag, Shift on a
//! symbol is meaningless (the symbol already says it) and BackTab is Shift-Tab.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A printable character; letters are always stored lower-case.
    Char(char),
    /// A function key, F1 to F24.
    F(u8),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab (Shift-Tab is `Tab` with Shift).
    Tab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mods {
    /// Control.
    pub ctrl: bool,
    /// Alt (Option, Meta).
    pub alt: bool,
    /// Shift.
    pub shift: bool,
}

impl Mods {
    /// No modifier.
    pub const NONE: Mods = Mods { ctrl: false, alt: false, shift: false };
    /// Control only.
    pub const CTRL: Mods = Mods { ctrl: true, alt: false, shift: false };
    /// Alt only.
    pub const ALT: Mods = Mods { ctrl: false, alt: true, shift: false };
    /// Shift only.
    pub const SHIFT: Mods = Mods { ctrl: false, alt: false, shift: true };
}

/// A key with its modifiers, in canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    key: Key,
    mods: Mods,
}

/// Why a key name could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// Nothing was written.
    #[error("empty key")]
    Empty,
    /// The name is not a key we know.
    #[error("unknown key name \"{0}\"")]
    UnknownKey(String),
    /// A modifier name we do not know (`hyper-x`).
    #[error("unknown modifier \"{0}\"")]
    UnknownModifier(String),
    /// Terminals send another key for this Ctrl combination.
    #[error("Ctrl-{ctrl} cannot be told apart from {sends}: terminals send {sends} for it")]
    Indistinguishable {
        /// The character held with Ctrl.
        ctrl: char,
        /// The key terminals send instead.
        sends: &'static str,
    },
    /// Shift with a symbol: write the symbol itself (`?`, not `shift-/`).
    #[error("Shift with \"{0}\": write the shifted symbol itself")]
    ShiftWithSymbol(char),
}

/// Whether a character has an upper and a lower case (so Shift means something).
fn has_case(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase()
}

/// The one-character lower-case form of `c`, or `c` if there is none.
fn lower(c: char) -> char {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The one-character upper-case form of `c`, or `c` if there is none.
fn upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

impl KeyChord {
    /// A chord in canonical form: letters lower-case, Shift dropped on symbols.
    pub fn new(key: Key, mods: Mods) -> KeyChord {
        let mut mods = mods;
        let key = match key {
            Key::Char(c) if c.is_uppercase() => {
                mods.shift = true;
                Key::Char(lower(c))
            }
            Key::Char(c) if !has_case(c) => {
                mods.shift = false;
                Key::Char(c)
            }
            other => other,
        };
        KeyChord { key, mods }
    }

    /// A plain key without modifiers.
    pub fn plain(key: Key) -> KeyChord {
        KeyChord::new(key, Mods::NONE)
    }

    /// A character key as typed (an upper-case letter implies Shift).
    pub fn char(c: char) -> KeyChord {
        KeyChord::new(Key::Char(c), Mods::NONE)
    }

    /// Ctrl with a character.
    pub fn ctrl(c: char) -> KeyChord {
        KeyChord::new(Key::Char(lower(c)), Mods::CTRL)
    }

    /// Alt with a character.
    pub fn alt(c: char) -> KeyChord {
        KeyChord::new(Key::Char(lower(c)), Mods::ALT)
    }

    /// The key.
    pub fn key(self) -> Key {
        self.key
    }

    /// The modifiers.
    pub fn mods(self) -> Mods {
        self.mods
    }

    /// Parses `"ctrl-s"`, `"F2"`, `"shift-tab"`, `"esc"`, `"space"`, `"/"`, `"G"`, `"ctrl-alt-q"`.
    ///
    /// Modifier and key names ignore case; a lone character is taken as
    /// typed, so `"G"` is Shift-G, while with Ctrl or Alt the letter's case
    /// is ignored (`"Ctrl-S"` is Ctrl-S, as shown in hints).
    pub fn parse(text: &str) -> Result<KeyChord, KeyParseError> {
        if text.is_empty() {
            return Err(KeyParseError::Empty);
        }
        let mut mods = Mods::NONE;
        let mut rest = text;
        // Peel `mod-` prefixes; a trailing `-` alone is the minus key (`ctrl--`).
        while let Some((head, tail)) = rest.split_once('-') {
            if tail.is_empty() {
                break;
            }
            match head.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => mods.ctrl = true,
                "alt" | "meta" | "option" => mods.alt = true,
                "shift" => mods.shift = true,
                _ if head.chars().count() == 1 && tail.chars().count() > 1 => {
                    return Err(KeyParseError::UnknownKey(text.to_string()));
                }
                _ if head.chars().count() > 1 => {
                    return Err(KeyParseError::UnknownModifier(head.to_string()));
                }
                _ => return Err(KeyParseError::UnknownKey(text.to_string())),
            }
            rest = tail;
        }
        let key = parse_key_name(rest).ok_or_else(|| KeyParseError::UnknownKey(text.to_string()))?;
        let key = match key {
            Key::Char(c) if c.is_uppercase() && (mods.ctrl || mods.alt) => Key::Char(lower(c)),
            Key::Char(c) if mods.shift && !has_case(c) => {
                return Err(KeyParseError::ShiftWithSymbol(c));
            }
            other => other,
        };
        if let Key::Char(c) = key
            && mods.ctrl
        {
            let sends = match c {
                'i' => Some("Tab"),
                'm' => Some("Enter"),
                'h' => Some("Backspace"),
                '[' => Some("Esc"),
                _ => None,
            };
            if let Some(sends) = sends {
                return Err(KeyParseError::Indistinguishable { ctrl: c.to_ascii_uppercase(), sends });
            }
        }
        // `backtab` is a name for Shift-Tab.
        if rest.eq_ignore_ascii_case("backtab") {
            mods.shift = true;
        }
        Ok(KeyChord::new(key, mods))
    }

    /// Whether this is a key that types text in a field (no Ctrl or Alt).
    pub fn is_text(self) -> bool {
        matches!(self.key, Key::Char(_)) && !self.mods.ctrl && !self.mods.alt
    }
}

/// The key named `name` (no modifiers), case-insensitive for named keys.
fn parse_key_name(name: &str) -> Option<Key> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Key::Char(c));
    }
    let lower_name = name.to_ascii_lowercase();
    let key = match lower_name.as_str() {
        "esc" | "escape" => Key::Esc,
        "enter" | "return" | "ret" => Key::Enter,
        "tab" | "backtab" => Key::Tab,
        "backspace" | "bs" | "bksp" => Key::Backspace,
        "delete" | "del" => Key::Delete,
        "insert" | "ins" => Key::Insert,
        "home" => Key::Home,
        "end" => Key::End,
        "pageup" | "pgup" | "page_up" => Key::PageUp,
        "pagedown" | "pgdn" | "pgdown" | "page_down" => Key::PageDown,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "space" | "spc" => Key::Char(' '),
        other => {
            let n: u8 = other.strip_prefix('f')?.parse().ok()?;
            if (1..=24).contains(&n) {
                Key::F(n)
            } else {
                return None;
            }
        }
    };
    Some(key)
}

impl fmt::Display for KeyChord {
    /// The short form shown in hints: `F2`, `Ctrl-S`, `Shift-Tab`, `G`, `m`, `Space`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.mods;
        if let Key::Char(c) = self.key
            && has_case(c)
            && !m.ctrl
            && !m.alt
        {
            let shown = if m.shift { upper(c) } else { c };
            return write!(f, "{shown}");
        }
        if m.ctrl {
            f.write_str("Ctrl-")?;
        }
        if m.alt {
            f.write_str("Alt-")?;
        }
        if m.shift {
            f.write_str("Shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) if m.ctrl || m.alt => write!(f, "{}", upper(c)),
            Key::Char(c) => write!(f, "{c}"),
            Key::F(n) => write!(f, "F{n}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Del"),
            Key::Insert => f.write_str("Ins"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Up => f.write_str("Up"),
            Key::Down => f.write_str("Down"),
            Key::Left => f.write_str("Left"),
            Key::Right => f.write_str("Right"),
        }
    }
}

impl KeyChord {
    /// The name shown in hints and help in the user's language: `name` gives
    /// the text of a message id (`key-enter`, `key-shift`…, `i18n::I18n::t`);
    /// letters and function keys are written as they are. Keymap files keep
    /// the English names of [`KeyChord`]'s `Display`.
    pub fn label(self, name: &dyn Fn(&str) -> String) -> String {
        let m = self.mods;
        if let Key::Char(c) = self.key
            && has_case(c)
            && !m.ctrl
            && !m.alt
        {
            return if m.shift { upper(c) } else { c }.to_string();
        }
        let mut out = String::new();
        for (on, id) in [(m.ctrl, "key-ctrl"), (m.alt, "key-alt"), (m.shift, "key-shift")] {
            if on {
                out.push_str(&name(id));
                out.push('-');
            }
        }
        let id = match self.key {
            Key::Char(' ') => "key-space",
            Key::Char(c) if m.ctrl || m.alt => {
                out.push(upper(c));
                return out;
            }
            Key::Char(c) => {
                out.push(c);
                return out;
            }
            Key::F(n) => {
                out.push_str(&format!("F{n}"));
                return out;
            }
            Key::Enter => "key-enter",
            Key::Esc => "key-esc",
            Key::Tab => "key-tab",
            Key::Backspace => "key-backspace",
            Key::Delete => "key-delete",
            Key::Insert => "key-insert",
            Key::Home => "key-home",
            Key::End => "key-end",
            Key::PageUp => "key-pageup",
            Key::PageDown => "key-pagedown",
            Key::Up => "key-up",
            Key::Down => "key-down",
            Key::Left => "key-left",
            Key::Right => "key-right",
        };
        out.push_str(&name(id));
        out
    }
}

impl std::str::FromStr for KeyChord {
    type Err = KeyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KeyChord::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn labels_name_keys_and_modifiers_through_messages_and_keep_letters() {
        let name = |id: &str| format!("<{id}>");
        assert_eq!(p("esc").label(&name), "<key-esc>");
        assert_eq!(p("shift-tab").label(&name), "<key-shift>-<key-tab>");
        assert_eq!(p("ctrl-s").label(&name), "<key-ctrl>-S");
        assert_eq!(p("space").label(&name), "<key-space>");
        assert_eq!(p("F2").label(&name), "F2");
        assert_eq!(p("G").label(&name), "G");
        assert_eq!(p("m").label(&name), "m");
        assert_eq!(p("/").label(&name), "/");
    }

    #[test]
    fn every_key_kind_round_trips_through_its_display() {
        let samples = [
            "a",
            "G",
            "/",
            "?",
            "*",
            "7",
            "-",
            "space",
            "ctrl-s",
            "ctrl-shift-s",
            "alt-x",
            "alt-1",
            "ctrl-alt-q",
            "f1",
            "F12",
            "f24",
            "shift-f2",
            "enter",
            "esc",
            "tab",
            "shift-tab",
            "backspace",
            "del",
            "ins",
            "home",
            "end",
            "pageup",
            "pagedown",
            "up",
            "down",
            "left",
            "right",
            "ctrl-up",
            "alt-shift-x",
            "ctrl--",
            "ctrl-space",
            "ж",
            "Ж",
            "alt-enter",
        ];
        for s in samples {
            let chord = p(s);
            let shown = chord.to_string();
            assert_eq!(p(&shown), chord, "{s} shown as {shown}");
        }
    }

    #[test]
    fn hints_use_the_short_canonical_form() {
        assert_eq!(p("f2").to_string(), "F2");
        assert_eq!(p("ctrl-s").to_string(), "Ctrl-S");
        assert_eq!(p("shift-tab").to_string(), "Shift-Tab");
        assert_eq!(p("backtab").to_string(), "Shift-Tab");
        assert_eq!(p("esc").to_string(), "Esc");
        assert_eq!(p("space").to_string(), "Space");
        assert_eq!(p(" ").to_string(), "Space");
        assert_eq!(p("G").to_string(), "G");
        assert_eq!(p("m").to_string(), "m");
        assert_eq!(p("alt-1").to_string(), "Alt-1");
        assert_eq!(p("ctrl-alt-q").to_string(), "Ctrl-Alt-Q");
        assert_eq!(p("pagedown").to_string(), "PgDn");
    }

    #[test]
    fn uppercase_letter_and_shift_letter_are_the_same_key() {
        assert_eq!(p("G"), p("shift-g"));
        assert_eq!(p("G"), p("Shift-G"));
        assert_eq!(p("G").key(), Key::Char('g'));
        assert!(p("G").mods().shift);
        assert_ne!(p("g"), p("G"));
        // With Ctrl or Alt the case of the letter does not matter.
        assert_eq!(p("Ctrl-S"), p("ctrl-s"));
        assert_eq!(p("ALT-X"), p("alt-x"));
        assert_eq!(KeyChord::char('T'), p("shift-t"));
    }

    #[test]
    fn ctrl_keys_that_terminals_cannot_tell_apart_are_refused() {
        for (s, sends) in [("ctrl-i", "Tab"), ("ctrl-m", "Enter"), ("ctrl-h", "Backspace"), ("ctrl-[", "Esc")] {
            match KeyChord::parse(s) {
                Err(KeyParseError::Indistinguishable { sends: got, .. }) => assert_eq!(got, sends),
                other => panic!("{s}: {other:?}"),
            }
        }
        assert!(KeyChord::parse("Ctrl-I").is_err());
        assert!(KeyChord::parse("ctrl-alt-h").is_err());
        assert!(KeyChord::parse("alt-h").is_ok());
    }

    #[test]
    fn bad_names_are_errors_not_panics() {
        assert_eq!(KeyChord::parse(""), Err(KeyParseError::Empty));
        assert!(matches!(KeyChord::parse("f25"), Err(KeyParseError::UnknownKey(_))));
        assert!(matches!(KeyChord::parse("enterr"), Err(KeyParseError::UnknownKey(_))));
        assert!(matches!(KeyChord::parse("hyper-x"), Err(KeyParseError::UnknownModifier(_))));
        assert!(matches!(KeyChord::parse("shift-/"), Err(KeyParseError::ShiftWithSymbol('/'))));
        assert!(matches!(KeyChord::parse("x-y"), Err(KeyParseError::UnknownKey(_))));
        assert!(matches!(KeyChord::parse("ctrl-"), Err(KeyParseError::UnknownKey(_))));
        assert_eq!(p("ctrl--"), KeyChord::new(Key::Char('-'), Mods::CTRL));
        assert_eq!(p("-"), KeyChord::char('-'));
    }
}
