//! The selection in a scrolling list, and the first row shown: moves by a
//! row, a page (the height last drawn), to either end; keeps the selection
//! in view; stays inside the list when it shrinks. Every list screen and
//! the form's picker use this one, so Page Down means the same everywhere.

use std::ops::Range;

/// Rows a page moves before the list has ever been drawn.
const FIRST_PAGE: usize = 10;

/// Selection and scroll offset of a list of `len` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCursor {
    selected: usize,
    top: usize,
    page: usize,
    len: usize,
}

impl Default for ListCursor {
    fn default() -> ListCursor {
        ListCursor { selected: 0, top: 0, page: FIRST_PAGE, len: 0 }
    }
}

impl ListCursor {
    /// An empty list, nothing scrolled.
    pub fn new() -> ListCursor {
        ListCursor::default()
    }

    /// The selected row (0 when the list is empty).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row shown.
    pub fn top(&self) -> usize {
        self.top
    }

    /// How many rows the list has.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list has no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn last(&self) -> usize {
        self.len.saturating_sub(1)
    }

    /// The list now has `len` rows: the selection and the offset stay inside it.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.selected = self.selected.min(self.last());
        self.top = self.top.min(self.selected);
    }

    /// Selects row `i` (the last row if `i` is past the end).
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.last());
    }

    /// Back to the first row, scrolled to the top (a new filter, a new list).
    pub fn reset(&mut self) {
        self.selected = 0;
        self.top = 0;
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn step(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// One row up.
    pub fn up(&mut self) {
        self.step(-1);
    }

    /// One row down.
    pub fn down(&mut self) {
        self.step(1);
    }

    /// One page (the height last drawn) up.
    pub fn page_up(&mut self) {
        self.step(-self.page_rows());
    }

    /// One page (the height last drawn) down.
    pub fn page_down(&mut self) {
        self.step(self.page_rows());
    }

    /// The first row.
    pub fn home(&mut self) {
        self.selected = 0;
    }

    /// The last row.
    pub fn end(&mut self) {
        self.selected = self.last();
    }

    fn page_rows(&self) -> isize {
        isize::try_from(self.page.max(1)).unwrap_or(isize::MAX)
    }

    /// The list is drawn `height` rows high: that is the page from now on;
    /// scrolls so the selection is in view and returns the rows to draw.
    pub fn scroll_into_view(&mut self, height: usize) -> Range<usize> {
        self.page = height.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        }
        if height > 0 && self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        self.top..(self.top + height).min(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(len: usize) -> ListCursor {
        let mut c = ListCursor::new();
        c.set_len(len);
        c
    }

    #[test]
    fn moves_stop_at_both_ends() {
        let mut c = list(3);
        c.up();
        assert_eq!(c.selected(), 0);
        c.down();
        c.down();
        c.down();
        assert_eq!(c.selected(), 2);
        c.home();
        assert_eq!(c.selected(), 0);
        c.end();
        assert_eq!(c.selected(), 2);
        c.step(isize::MIN);
        assert_eq!(c.selected(), 0);
        c.step(isize::MAX);
        assert_eq!(c.selected(), 2);
    }

    #[test]
    fn an_empty_list_selects_row_zero_and_draws_nothing() {
        let mut c = list(0);
        c.down();
        c.end();
        c.page_down();
        assert_eq!(c.selected(), 0);
        assert!(c.is_empty());
        assert_eq!(c.scroll_into_view(5), 0..0);
    }

    #[test]
    fn a_page_is_the_height_last_drawn() {
        let mut c = list(100);
        c.page_down();
        assert_eq!(c.selected(), 10, "before any drawing");
        c.home();
        c.scroll_into_view(7);
        c.page_down();
        assert_eq!(c.selected(), 7);
        c.page_down();
        assert_eq!(c.selected(), 14);
        c.page_up();
        assert_eq!(c.selected(), 7);
        c.scroll_into_view(0);
        c.page_down();
        assert_eq!(c.selected(), 8, "a list drawn with no room still moves");
    }

    #[test]
    fn the_selection_stays_in_view_and_the_view_does_not_jump() {
        let mut c = list(50);
        assert_eq!(c.scroll_into_view(10), 0..10);
        c.select(9);
        assert_eq!(c.scroll_into_view(10), 0..10, "the last visible row needs no scrolling");
        c.down();
        assert_eq!(c.scroll_into_view(10), 1..11, "one row past the bottom scrolls by one");
        c.end();
        assert_eq!(c.scroll_into_view(10), 40..50);
        c.up();
        assert_eq!(c.scroll_into_view(10), 40..50, "moving up inside the view keeps it");
        c.select(5);
        assert_eq!(c.scroll_into_view(10), 5..15, "above the view: it starts at the selection");
        assert_eq!(c.top(), 5);
    }

    #[test]
    fn a_shorter_list_than_the_view_draws_all_its_rows() {
        let mut c = list(3);
        c.end();
        assert_eq!(c.scroll_into_view(10), 0..3);
    }

    #[test]
    fn a_list_that_shrinks_keeps_the_selection_and_the_view_inside_it() {
        let mut c = list(50);
        c.end();
        c.scroll_into_view(10);
        c.set_len(5);
        assert_eq!(c.selected(), 4);
        assert!(c.top() <= c.selected());
        assert_eq!(c.scroll_into_view(10), 4..5);
        c.set_len(0);
        assert_eq!((c.selected(), c.top()), (0, 0));
        c.set_len(20);
        c.select(30);
        assert_eq!(c.selected(), 19);
        c.reset();
        assert_eq!((c.selected(), c.top()), (0, 0));
    }
}
