//! Shared user-interface pieces: theme, widgets, status bar, key hints, and
//! making text from users or files safe to draw.

pub mod chrome;
pub mod list_cursor;
pub mod sanitize;
pub mod theme;
