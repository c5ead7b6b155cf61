//! The editor of one field: a text area for typed kinds, the chosen keys for
//! picked kinds, an answer for yes/no. Each can say its content as text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

use super::field::FieldKind;
use super::parse::{KEY_SEPARATOR, split_keys};
use crate::ui::sanitize::inert;

/// The character shown for each character of a passphrase.
pub const MASK: char = '•';

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyEffect {
    /// The field used the key.
    Used,
    /// The field did not want the key.
    Ignored,
    /// Leave for the next field.
    Next,
    /// Leave for the previous field.
    Prev,
    /// Open the picker, with this first character of the filter (if any).
    OpenPicker(Option<char>),
}

/// The editing state of one field.
pub enum Input {
    /// Typed text.
    Text(Box<TextArea<'static>>),
    /// Picked keys (at most one unless multiple choice).
    Pick(Vec<String>),
    /// A yes/no answer, or none yet.
    YesNo(Option<bool>),
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Input::Text(t) => f.debug_tuple("Text").field(&t.lines().len()).finish(),
            Input::Pick(k) => f.debug_tuple("Pick").field(k).finish(),
            Input::YesNo(a) => f.debug_tuple("YesNo").field(a).finish(),
        }
    }
}

fn text_area(kind: FieldKind, text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if kind.is_multiline() {
        text.split('\n').map(String::from).collect()
    } else {
        // A single-line field never holds a newline, whatever a draft says.
        vec![text.replace(['\n', '\r'], " ")]
    };
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::default());
    if kind.is_secret() {
        area.set_mask_char(MASK);
    }
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

impl Input {
    /// An editor for `kind` holding `text` (the text form of its value).
    pub fn new(kind: FieldKind, text: &str) -> Input {
        match kind {
            FieldKind::YesNo => Input::YesNo(match text.trim() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }),
            k if k.is_pick() => {
                let mut keys = split_keys(text);
                if !matches!(k, FieldKind::MultiChoice(_)) {
                    keys.truncate(1);
                }
                Input::Pick(keys)
            }
            k => Input::Text(Box::new(text_area(k, text))),
        }
    }

    /// The content as text (lines joined by newlines, keys by commas).
    pub fn text(&self) -> String {
        match self {
            Input::Text(t) => t.lines().join("\n"),
            Input::Pick(keys) => keys.join(&KEY_SEPARATOR.to_string()),
            Input::YesNo(Some(true)) => "yes".into(),
            Input::YesNo(Some(false)) => "no".into(),
            Input::YesNo(None) => String::new(),
        }
    }

    /// Whether nothing is entered (spaces count as nothing).
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The text area, for typed kinds.
    pub fn area(&self) -> Option<&TextArea<'static>> {
        match self {
            Input::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Pasted text, at the cursor of a typed field (line breaks only in a
    /// multi-line field, the length limit kept); false for other kinds.
    pub fn paste(&mut self, kind: FieldKind, text: &str) -> bool {
        let Input::Text(area) = self else { return false };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut text: String = if kind.is_multiline() {
            text.trim_end_matches('\n').chars().filter(|c| *c == '\n' || !c.is_control()).collect()
        } else {
            text.trim_end_matches('\n').chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
        };
        if let FieldKind::Text { max } = kind {
            let used = area.lines().iter().map(|l| l.chars().count()).sum::<usize>();
            text = text.chars().take(max.saturating_sub(used)).collect();
        }
        area.insert_str(text);
        true
    }

    /// Handles a key that reached the field (typing, editing, moving inside it).
    pub fn key(&mut self, kind: FieldKind, key: &KeyEvent) -> KeyEffect {
        let typed = crate::keymap::text_char(key);
        match self {
            Input::Text(area) => text_key(area, kind, key, typed),
            Input::Pick(keys) => match (key.code, typed) {
                (_, Some(' ')) | (KeyCode::Enter, _) => KeyEffect::OpenPicker(None),
                (_, Some(c)) => KeyEffect::OpenPicker(Some(c)),
                (KeyCode::Backspace | KeyCode::Delete, _) => {
                    keys.clear();
                    KeyEffect::Used
                }
                (KeyCode::Up, _) => KeyEffect::Prev,
                (KeyCode::Down, _) => KeyEffect::Next,
                _ => KeyEffect::Ignored,
            },
            Input::YesNo(answer) => match (key.code, typed) {
                // Yes and no in the three interface languages: y/д/o(ui), n/н.
                (_, Some('y' | 'Y' | 'д' | 'Д' | 'o' | 'O')) => {
                    *answer = Some(true);
                    KeyEffect::Used
                }
                (_, Some('n' | 'N' | 'н' | 'Н')) => {
                    *answer = Some(false);
                    KeyEffect::Used
                }
                (KeyCode::Left | KeyCode::Right | KeyCode::Enter, _) | (_, Some(' ')) => {
                    *answer = Some(!answer.unwrap_or(false));
                    KeyEffect::Used
                }
                (KeyCode::Backspace | KeyCode::Delete, _) => {
                    *answer = None;
                    KeyEffect::Used
                }
                (KeyCode::Up, _) => KeyEffect::Prev,
                (KeyCode::Down, _) => KeyEffect::Next,
                // Other letters are swallowed: a stray key never reaches the keymap.
                (_, Some(_)) => KeyEffect::Used,
                _ => KeyEffect::Ignored,
            },
        }
    }
}

/// The copy of `area` that is drawn: every line through the inert path (so
/// the width rule of `ui::sanitize` holds in inputs as in lists), the cursor
/// on the same letter, the same styles. The stored text is untouched; a
/// passphrase draws only its mask, so it is drawn as it is.
pub fn drawn(area: &TextArea<'static>) -> TextArea<'static> {
    if area.mask_char().is_some() {
        return area.clone();
    }
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    let lines: Vec<String> = area.lines().iter().map(|l| inert(l).into_owned()).collect();
    // The cursor's column in the copy: the copy of the text before it, then
    // on past characters of no width so that it sits on a visible letter.
    let before = area.lines().get(row).map(|l| l.chars().take(col).collect::<String>()).unwrap_or_default();
    let line: Vec<char> = lines.get(row).map(|l| l.chars().collect()).unwrap_or_default();
    let mut at = inert(&before).chars().count().min(line.len());
    while line.get(at).is_some_and(|c| unicode_width::UnicodeWidthChar::width(*c) == Some(0)) {
        at += 1;
    }
    let mut shown = TextArea::new(lines);
    shown.set_style(area.style());
    shown.set_cursor_style(area.cursor_style());
    shown.set_cursor_line_style(area.cursor_line_style());
    shown.set_wrap_mode(area.wrap_mode());
    shown.set_placeholder_text(inert(area.placeholder_text()).into_owned());
    if let Some(style) = area.placeholder_style() {
        shown.set_placeholder_style(style);
    }
    shown.move_cursor(CursorMove::Jump(u16::try_from(row).unwrap_or(u16::MAX), u16::try_from(at).unwrap_or(u16::MAX)));
    shown
}

fn text_key(area: &mut TextArea<'static>, kind: FieldKind, key: &KeyEvent, typed: Option<char>) -> KeyEffect {
    let multiline = kind.is_multiline();
    if let Some(c) = typed {
        if let FieldKind::Text { max } = kind
            && area.lines().iter().map(|l| l.chars().count()).sum::<usize>() >= max
        {
            return KeyEffect::Used;
        }
        if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
            // AltGr on Windows arrives as Ctrl+Alt; the textarea would drop it.
            area.insert_char(c);
        } else {
            area.input_without_shortcuts(*key);
        }
        return KeyEffect::Used;
    }
    let word = key.modifiers.contains(KeyModifiers::CONTROL);
    let mv = match key.code {
        KeyCode::Left if word => CursorMove::WordBack,
        KeyCode::Right if word => CursorMove::WordForward,
        KeyCode::Left => CursorMove::Back,
        KeyCode::Right => CursorMove::Forward,
        KeyCode::Home => CursorMove::Head,
        KeyCode::End => CursorMove::End,
        KeyCode::Up if multiline && area.cursor().0 > 0 => CursorMove::Up,
        KeyCode::Down if multiline && area.cursor().0 + 1 < area.lines().len() => CursorMove::Down,
        KeyCode::Up => return KeyEffect::Prev,
        KeyCode::Down => return KeyEffect::Next,
        KeyCode::Enter if multiline => {
            area.insert_newline();
            return KeyEffect::Used;
        }
        // Enter never puts a newline into a one-line field: it moves on.
        KeyCode::Enter => return KeyEffect::Next,
        KeyCode::Backspace if word => {
            area.delete_word();
            return KeyEffect::Used;
        }
        KeyCode::Backspace | KeyCode::Delete => {
            area.input_without_shortcuts(*key);
            return KeyEffect::Used;
        }
        _ => return KeyEffect::Ignored,
    };
    area.move_cursor(mv);
    KeyEffect::Used
}
