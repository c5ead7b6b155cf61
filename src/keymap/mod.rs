//! Keys and keymaps: parsing key names, reading keymap files, and resolving
//! a key on a screen to an [`Action`](action::Action).
//!
//! Text input is not resolved here: the app offers keys that type text to a
//! focused field first ([`text_char`]), and only the rest reach the keymap.

pub mod action;
mod error;
mod event;
mod file;
mod key;
mod resolve;
mod screen;
mod seq;

pub use error::{KeymapError, KeymapProblem};
pub use event::{parse_script, text_char};
pub use file::Rule;
pub use key::{Key, KeyChord, KeyParseError, Mods};
pub use resolve::{Binding, KeyResult, Keymap};
pub use screen::Screen;
pub use seq::{KeySeq, parse_sequence};
