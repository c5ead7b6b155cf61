//! The screens of the console. Each owns its state, turns actions into
//! changes through the context's store, and draws itself.

pub mod arrivals;
pub mod audit;
pub mod beds;
pub mod cases;
pub mod conflicts;
pub mod dashboard;
pub mod first_run;
pub mod fresh;
pub mod help;
pub mod jump;
pub mod login;
pub mod night;
pub mod organisations;
pub mod reports;
pub mod rooms;
pub mod widgets;

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::Screen;
use crate::domain::ids::CaseId;

/// The screen a function-key action opens (F2 arrivals, F3 beds, …).
pub fn open(action: Action, ctx: &Ctx) -> Option<Box<dyn Screen>> {
    match action {
        Action::GoArrivals => arrivals::open(ctx),
        Action::GoBeds => beds::open(ctx),
        Action::GoCases => cases::open(ctx),
        Action::GoNight => night::open(ctx),
        Action::GoReports => reports::open(ctx),
        Action::GoAudit => audit::AuditReview::open(ctx).ok().map(|s| Box::new(s) as Box<dyn Screen>),
        Action::GoConflicts => conflicts::open(ctx),
        _ => None,
    }
}

/// The file of one case (opened from the arrivals board, the bed board…).
pub fn case_file(ctx: &Ctx, case: CaseId) -> Option<Box<dyn Screen>> {
    cases::open_file(ctx, case)
}

/// Offers to assign a bed to a case that has just arrived at the centre.
pub fn assign_bed(ctx: &Ctx, case: CaseId) -> Option<Box<dyn Screen>> {
    beds::assign_for(ctx, case)
}

/// Reopens the form a kept draft belongs to, filled with what was typed.
pub fn reopen_draft(
    draft: &crate::app::screen::Draft,
    ctx: &crate::app::context::Ctx,
) -> Option<Box<dyn crate::app::screen::Screen>> {
    match crate::form_engine::FormId::of_draft(&draft.form)? {
        crate::form_engine::FormId::NightRollCall => night::reopen(draft, ctx),
        id => crate::forms::reopen(id, draft, ctx),
    }
}
