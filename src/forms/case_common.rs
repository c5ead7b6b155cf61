//! What every form of the case file shares: the read-only line naming the
//! case (it also lets a kept draft find its case again after a lock), the
//! outcome of a save, and turning a refused save into a message.

use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::case::CaseFront;
use crate::domain::case_code::CaseCode;
use crate::form_engine::{FieldKind, FieldSpec, Value};
use crate::store::{StoreError, Stored};

/// The name of the read-only field that names the case.
pub const CASE_FIELD: &str = "case";

/// How a form names its case: code and alias.
pub fn case_label(front: &CaseFront) -> String {
    format!("{} · {}", front.code, front.alias)
}

/// The read-only first field naming the case; `get` reads the label kept in the record.
pub fn case_field<R>(get: fn(&R) -> Value) -> FieldSpec<R> {
    FieldSpec::new(CASE_FIELD, "cases-field-case", FieldKind::Text { max: 200 }).read_only().load(get)
}

/// The case a kept draft belongs to, found by the code in its case field.
pub fn case_of_draft(draft: &Draft, ctx: &Ctx) -> Option<Stored<CaseFront>> {
    let text = draft.fields.iter().find(|(name, _)| name == CASE_FIELD).map(|(_, t)| t.as_str())?;
    let code: CaseCode = text.split_whitespace().next()?.parse().ok()?;
    let store = ctx.store().ok()?;
    store.scan::<CaseFront>().ok()?.into_iter().find(|f| !f.is_deleted() && f.body.code == code)
}

/// Closes the form with a message in the user's language.
pub fn saved(ctx: &Ctx, key: &str) -> Result<Outcome, String> {
    Ok(Outcome::PopWith(ctx.t(key)))
}

/// A refused or failed save as the form's message line.
pub fn failed(ctx: &Ctx, e: &StoreError) -> String {
    ctx.error_text(e)
}

/// The revision a form edits from: 0 for a new record.
pub fn revision<T>(existing: Option<&Stored<T>>) -> u64 {
    existing.map_or(0, |s| s.meta.revision)
}

/// The label of a case with the position of one entry of a list in its
/// file (`MSK-26-0042 · Лиса #2`), so that a kept draft edits that entry again.
pub fn case_label_at(front: &CaseFront, index: Option<usize>) -> String {
    match index {
        Some(i) => format!("{} #{}", case_label(front), i + 1),
        None => case_label(front),
    }
}

/// The entry position a kept draft's case label names, if any.
pub fn index_of_draft(draft: &Draft) -> Option<usize> {
    let text = draft.fields.iter().find(|(name, _)| name == CASE_FIELD).map(|(_, t)| t.as_str())?;
    let n: usize = text.split_whitespace().last()?.strip_prefix('#')?.parse().ok()?;
    n.checked_sub(1)
}
