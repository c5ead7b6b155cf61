//! What the contact and document forms share: a form over one entry of a
//! list in the private case file, opened on entry `index` (or a new one),
//! saved back into the file in place (or appended), removed, and reopened
//! from a kept draft on the entry it was editing. Each form declares only
//! its fields and how its record becomes an entry.

use super::case_common::{case_label_at, case_of_draft, failed, index_of_draft, saved};
use crate::app::context::Ctx;
use crate::app::screen::Draft;
use crate::domain::case::{CaseFront, CasePrivate};
use crate::form_engine::{FormDef, FormScreen, OnSave};
use crate::store::Stored;

/// Where a kind of entry lives in the file.
pub type List<T> = fn(&mut CasePrivate) -> &mut Vec<T>;

/// A form over a case, its file and one entry of it (`None`: a new one).
pub type Opener<R> = fn(&Ctx, &CaseFront, Option<&Stored<CasePrivate>>, Option<usize>) -> FormScreen<R>;

/// The form `def` over entry `index` of the file's `list` (a new entry
/// without one). `record` makes the form's record from the case label and
/// the entry (`None` for a new one); `entry` makes the entry to save from
/// the form's record, and may fill in the rest of the file.
pub fn screen<R: Clone + 'static, T: Clone + 'static>(
    ctx: &Ctx,
    def: FormDef<R>,
    at: (&CaseFront, Option<&Stored<CasePrivate>>, Option<usize>),
    list: List<T>,
    record: impl FnOnce(String, Option<T>) -> R,
    entry: impl Fn(&R, &Ctx, &mut CasePrivate) -> T + 'static,
) -> FormScreen<R> {
    screen_checked(ctx, def, at, list, record, entry, |_, _, _, _| Ok(()))
}

/// [`screen`], with `check` run before each save on the form's record, the
/// entry about to be saved and the file as it was opened (with the entry's
/// own slot, `None` for a new one): `Err` is the form's message (it may be
/// several lines) and nothing is saved.
pub fn screen_checked<R: Clone + 'static, T: Clone + 'static>(
    ctx: &Ctx,
    def: FormDef<R>,
    (front, file, index): (&CaseFront, Option<&Stored<CasePrivate>>, Option<usize>),
    list: List<T>,
    record: impl FnOnce(String, Option<T>) -> R,
    entry: impl Fn(&R, &Ctx, &mut CasePrivate) -> T + 'static,
    check: impl Fn(&R, &T, &Ctx, (&CasePrivate, Option<usize>)) -> Result<(), String> + 'static,
) -> FormScreen<R> {
    let mut base = file.map_or_else(|| CasePrivate::new(front.id), |f| f.body.clone());
    let revision = file.map_or(0, |f| f.meta.revision);
    let current = index.and_then(|i| list(&mut base).get(i)).cloned();
    let shown = index.filter(|i| *i < list(&mut base).len());
    let record = record(case_label_at(front, shown), current);
    let on_save: OnSave<R> = Box::new(move |r: &R, ctx| {
        let mut p = base.clone();
        let e = entry(r, ctx, &mut p);
        check(r, &e, ctx, (&base, index))?;
        match index.and_then(|i| list(&mut p).get_mut(i)) {
            Some(slot) => *slot = e,
            None => list(&mut p).push(e),
        }
        let store = ctx.store().map_err(|e| failed(ctx, &e))?;
        match crate::ops::cases::save_private(store, &p, revision) {
            Ok(_) => saved(ctx, "cases-saved"),
            Err(e) => Err(failed(ctx, &e)),
        }
    });
    FormScreen::new(def, record, Some(*front.id.as_bytes()), on_save, ctx)
}

/// Removes entry `index` of `list` from the file (the earlier version keeps
/// it in history).
pub fn remove<T>(ctx: &Ctx, file: &Stored<CasePrivate>, index: usize, list: List<T>) -> Result<(), String> {
    let mut p = file.body.clone();
    if index >= list(&mut p).len() {
        return Ok(());
    }
    list(&mut p).remove(index);
    let store = ctx.store().map_err(|e| failed(ctx, &e))?;
    crate::ops::cases::save_private(store, &p, file.meta.revision).map(|_| ()).map_err(|e| failed(ctx, &e))
}

/// The form a kept draft was, on the entry it was editing; `screen` opens
/// the form over a case, its file and an entry.
pub fn reopen<R: Clone>(draft: &Draft, ctx: &Ctx, screen: Opener<R>) -> Option<FormScreen<R>> {
    let front = case_of_draft(draft, ctx)?;
    let file = ctx.store().ok()?.get::<CasePrivate>(front.body.id.as_bytes()).ok()?;
    Some(screen(ctx, &front.body, file.as_ref(), index_of_draft(draft)).with_draft(draft))
}
