//! Drawing helpers every layer above the store may use: the theme, the
//! message for a store error, and making text from users or files safe to
//! draw. The frame around the screens (title, hints, status bar) is the
//! console's: `app/chrome.rs`.

pub mod audit_words;
pub mod buttons;
pub mod gauge;
pub mod list_cursor;
pub mod messages;
pub mod sanitize;
pub mod theme;
pub mod wrap;
