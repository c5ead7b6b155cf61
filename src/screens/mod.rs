//! The screens of the console. Each owns its state, turns actions into
//! changes through the context's store, and draws itself.

pub mod dashboard;
pub mod first_run;
pub mod help;
pub mod login;
pub mod widgets;

use crate::app::action::Action;

/// Whether the screen an action opens exists yet. Keys of screens that later
/// work builds do nothing and are not advertised in help or hints.
pub fn available(action: Action) -> bool {
    !matches!(action, Action::GoArrivals | Action::GoBeds | Action::GoCases | Action::GoNight | Action::GoReports)
}

/// Reopens the form a kept draft belongs to, filled with what was typed.
pub fn reopen_draft(
    draft: &crate::app::screen::Draft,
    ctx: &crate::app::context::Ctx,
) -> Option<Box<dyn crate::app::screen::Screen>> {
    crate::forms::reopen(draft, ctx)
}
