//! Colours and styles, named once. Only basic ANSI colours are used so the
//! console reads well on any terminal palette, and nothing relies on colour
//! alone (overdue rows also carry a marker).

use ratatui::style::{Color, Modifier, Style};

/// The title bar.
pub fn title() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// The hint bar.
pub fn hints() -> Style {
    Style::new().fg(Color::White).bg(Color::DarkGray)
}

/// A key name inside the hint bar.
pub fn hint_key() -> Style {
    Style::new().fg(Color::Yellow).bg(Color::DarkGray).add_modifier(Modifier::BOLD)
}

/// The status bar.
pub fn status() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

/// The DEMO marker and warnings.
pub fn warning() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// Error messages (under form fields, refused actions).
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// The selected row or focused field.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Headings inside a screen.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Secondary text.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Good news (saved, present, free).
pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}
