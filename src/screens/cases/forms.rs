//! The forms the case screens open, each as the outcome that pushes it (or
//! the message that says why it cannot open).

use crate::app::context::Ctx;
use crate::app::screen::Outcome;
use crate::forms;
use crate::ops::case_file::CaseData;

/// A note or a medical note of the file, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRef {
    /// A case note.
    Note(usize),
    /// A medical or psychological note.
    Medical(usize),
}

fn push<S: crate::app::screen::Screen + 'static>(screen: S) -> Outcome {
    Outcome::Push(Box::new(screen))
}

fn pushed<S: crate::app::screen::Screen + 'static>(screen: Result<S, String>) -> Outcome {
    match screen {
        Ok(s) => push(s),
        Err(e) => Outcome::Status(e),
    }
}

/// Whether the user may edit the case part; the message when not.
fn case_part(ctx: &Ctx, data: &CaseData) -> Option<Outcome> {
    (!data.readable.case).then(|| Outcome::Status(ctx.t("error-forbidden")))
}

/// A new case.
pub fn new_case(ctx: &Ctx) -> Outcome {
    push(forms::case_front::new_case(ctx))
}

/// The front part of the case.
pub fn edit_front(ctx: &Ctx, data: &CaseData) -> Outcome {
    push(forms::case_front::edit(ctx, &data.front))
}

/// Whether the file holds a legal name to reveal (a reveal is recorded
/// only when a name shows).
pub fn has_name(data: &CaseData) -> bool {
    data.private.as_ref().is_some_and(|p| !p.is_deleted() && !p.body.full_name().is_empty())
}

/// Identity: the form shows the names, so opening it on a file that has one
/// is recorded as a reveal.
pub fn edit_identity(ctx: &Ctx, data: &CaseData, revealed: bool) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    if !revealed && has_name(data) {
        let recorded = ctx.store().and_then(|s| crate::ops::cases::record_reveal(s, data.front.body.id));
        if let Err(e) = recorded {
            return Outcome::Status(ctx.error_text(&e));
        }
    }
    push(forms::case_identity::screen(ctx, &data.front.body, data.private.as_ref()))
}

/// A document (a new one without an index).
pub fn edit_document(ctx: &Ctx, data: &CaseData, index: Option<usize>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    push(forms::case_document::screen(ctx, &data.front.body, data.private.as_ref(), index))
}

/// A contact (a new one without an index).
pub fn edit_contact(ctx: &Ctx, data: &CaseData, index: Option<usize>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    push(forms::case_contact::screen(ctx, &data.front.body, data.private.as_ref(), index))
}

/// Removes a document; history keeps it.
pub fn remove_document(ctx: &Ctx, data: &CaseData, index: usize) -> Outcome {
    let Some(file) = &data.private else { return Outcome::None };
    match forms::case_document::remove(ctx, file, index) {
        Ok(()) => Outcome::Status(ctx.t("cases-removed")),
        Err(e) => Outcome::Status(e),
    }
}

/// Removes a contact; history keeps it.
pub fn remove_contact(ctx: &Ctx, data: &CaseData, index: usize) -> Outcome {
    let Some(file) = &data.private else { return Outcome::None };
    match forms::case_contact::remove(ctx, file, index) {
        Ok(()) => Outcome::Status(ctx.t("cases-removed")),
        Err(e) => Outcome::Status(e),
    }
}

/// The trafficking profile.
pub fn edit_trafficking(ctx: &Ctx, data: &CaseData) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    push(forms::case_trafficking::screen(ctx, &data.front.body, data.private.as_ref()))
}

/// One service of the checklist.
pub fn edit_service(ctx: &Ctx, data: &CaseData, index: usize) -> Outcome {
    match data.services.get(index) {
        Some(item) => push(forms::service::screen(ctx, &data.front.body, item)),
        None => Outcome::None,
    }
}

/// A referral (a new outgoing one without an index).
pub fn edit_referral(ctx: &Ctx, data: &CaseData, index: Option<usize>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    let existing = index.and_then(|i| data.referrals.get(i));
    pushed(forms::referral::screen(ctx, &data.front.body, existing, crate::domain::referral::Direction::Out))
}

/// A new incoming referral (who sent the person).
pub fn new_incoming(ctx: &Ctx, data: &CaseData) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    pushed(forms::referral::screen(ctx, &data.front.body, None, crate::domain::referral::Direction::In))
}

/// A consent (a new one without an index).
pub fn edit_consent(ctx: &Ctx, data: &CaseData, index: Option<usize>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    pushed(forms::consent::screen(ctx, &data.front.body, index.and_then(|i| data.consents.get(i)), None))
}

/// A journey (a new one without an index).
pub fn edit_travel(ctx: &Ctx, data: &CaseData, index: Option<usize>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    pushed(forms::travel::screen(ctx, &data.front.body, index.and_then(|i| data.travel.get(i))))
}

/// A note or medical note (a new one without a reference).
pub fn edit_note(ctx: &Ctx, data: &CaseData, note: Option<NoteRef>) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    let existing = match note {
        Some(NoteRef::Note(i)) => data.notes.get(i).cloned().map(forms::note::Existing::Note),
        Some(NoteRef::Medical(i)) => data.medical.get(i).cloned().map(forms::note::Existing::Medical),
        None => None,
    };
    push(forms::note::screen(ctx, &data.front.body, existing))
}

/// Closes the case (asks for the outcome).
pub fn close_case(ctx: &Ctx, data: &CaseData) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    if data.front.body.status.is_closed() {
        return Outcome::Status(ctx.t("rule-already_closed"));
    }
    push(forms::closing::close(ctx, &data.front.body))
}

/// Reopens the case (asks for the reason).
pub fn reopen_case(ctx: &Ctx, data: &CaseData) -> Outcome {
    if let Some(no) = case_part(ctx, data) {
        return no;
    }
    if !data.front.body.status.is_closed() {
        return Outcome::Status(ctx.t("rule-not_closed"));
    }
    push(forms::closing::reopen(ctx, &data.front.body))
}
