//! Small drawing helpers shared by screens.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(row);
    cell
}

/// Removes the last character of `s` (one grapheme's last char is enough
/// for the plain fields of the login screen).
pub fn pop_char(s: &mut String) {
    s.pop();
}
