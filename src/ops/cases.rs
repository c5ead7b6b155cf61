//! The case itself: opening its file and revealing the name (both audited
//! before anything is shown), creating a case, editing its front part and
//! its private file, closing it with an outcome and reopening it with a
//! reason. One transaction and one audit event each; audit summaries name
//! fields and statuses, never values.

use chrono::{Datelike, NaiveDate};

use crate::domain::case::{CaseFront, CasePrivate, CaseStatus, Closing, ClosingOutcome, Note};
use crate::domain::case_code::CaseCode;
use crate::domain::casefile::{FileRule, OpenAtClose, check_close, open_at_close, reopened_status, validate_document};
use crate::domain::ids::{CaseId, NoteId, ServiceItemId};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::service::{ServiceKind, checklist};
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError, Stored, new_id};

/// A refused rule of the case file as a store error (message `rule-<key>`).
pub fn refused(rule: FileRule) -> StoreError {
    StoreError::Rule(rule.into())
}

/// The front part of a case as stored now.
pub fn front(store: &Store, case: CaseId) -> Result<Stored<CaseFront>, StoreError> {
    store.get::<CaseFront>(case.as_bytes())?.filter(|s| !s.is_deleted()).ok_or(StoreError::NotFound("case"))
}

/// Records that the user opened the file of `case`; written before any of
/// it is shown. Returns the front part read for the event.
pub fn record_view(store: &Store, case: CaseId) -> Result<Stored<CaseFront>, StoreError> {
    let f = front(store, case)?;
    store.audit(
        AuditEntry::new(AuditAction::ViewCase, CaseFront::KIND).id(*case.as_bytes()).case(f.body.code.to_string()),
    )?;
    Ok(f)
}

/// Records that the user revealed the legal name of `case`; refused
/// (and nothing recorded) for roles that may not see names.
pub fn record_reveal(store: &Store, case: CaseId) -> Result<(), StoreError> {
    store.authorize(Act::Reveal, DataClass::Case)?;
    let f = front(store, case)?;
    store.audit(
        AuditEntry::new(AuditAction::RevealName, CaseFront::KIND).id(*case.as_bytes()).case(f.body.code.to_string()),
    )
}

/// Names of the top-level fields that differ between two versions (for the
/// audit summary: names only, no values).
pub fn changed_fields<T: serde::Serialize>(old: Option<&T>, new: &T) -> String {
    let new = serde_json::to_value(new).unwrap_or_default();
    let old = old.and_then(|o| serde_json::to_value(o).ok());
    let names: Vec<String> = match (old, &new) {
        (Some(serde_json::Value::Object(o)), serde_json::Value::Object(n)) => {
            n.iter().filter(|(k, v)| o.get(*k) != Some(*v)).map(|(k, _)| k.clone()).collect()
        }
        _ => vec!["created".into()],
    };
    if names.is_empty() { "unchanged".into() } else { names.join(",") }
}

/// Creates a case from its front part (code drawn from the centre's
/// sequence for the year of `today`), an empty private file when the user
/// holds the case key, and the twelve-item services checklist.
pub fn create_case(store: &Store, draft: &CaseFront, today: NaiveDate) -> Result<CaseFront, StoreError> {
    let id: CaseId = new_id()?;
    let services = ServiceKind::all().map(|_| new_id::<ServiceItemId>()).collect::<Result<Vec<_>, _>>()?;
    let centre = store.header().centre_code.clone();
    let yy = u8::try_from(today.year().rem_euclid(100)).map_err(|_| StoreError::Invalid("year".into()))?;
    let with_file = store.may(Act::Create, DataClass::Case);
    let entry = AuditEntry::new(AuditAction::Create, CaseFront::KIND).id(*id.as_bytes()).said("case-created", &[]);
    store.commit(entry, |tx| {
        let seq = tx.next_case_seq(yy)?;
        let mut front = draft.clone();
        front.id = id;
        front.code = CaseCode::new(centre.clone(), yy, seq).map_err(|e| StoreError::Invalid(e.to_string()))?;
        front.alias = front.alias.trim().to_string();
        tx.case_of_save(front.code.to_string());
        tx.put(front.clone())?;
        if with_file {
            tx.put(CasePrivate::new(id))?;
        }
        let mut next = services.iter().copied();
        for item in checklist(id, || next.next().unwrap_or_else(|| ServiceItemId::from_bytes([0; 16]))) {
            tx.put(item)?;
        }
        Ok(front)
    })
}

/// Saves the front part of a case edited from `revision`.
pub fn save_front(store: &Store, front: &CaseFront, revision: u64) -> Result<CaseFront, StoreError> {
    let mut front = front.clone();
    front.alias = front.alias.trim().to_string();
    if front.alias.is_empty() {
        return Err(StoreError::Invalid("alias".into()));
    }
    let old = store.get::<CaseFront>(front.id.as_bytes())?;
    let summary = changed_fields(old.as_ref().map(|o| &o.body), &front);
    let entry = AuditEntry::new(AuditAction::Update, CaseFront::KIND)
        .id(*front.id.as_bytes())
        .case(front.code.to_string())
        .summary(summary);
    store.commit(entry, |tx| Ok(tx.put_at(front.clone(), revision)?.body))
}

/// Saves the private file of a case edited from `revision` (0 when it did
/// not exist): names normalised and their Latin form derived, documents checked.
pub fn save_private(store: &Store, file: &CasePrivate, revision: u64) -> Result<CasePrivate, StoreError> {
    let mut file = file.clone();
    file.refresh_latin();
    for d in &file.documents {
        validate_document(d).map_err(refused)?;
    }
    let f = front(store, file.case_id)?;
    let old = store.get::<CasePrivate>(&file.key())?;
    let action = if old.is_some() { AuditAction::Update } else { AuditAction::Create };
    let summary = changed_fields(old.as_ref().map(|o| &o.body), &file);
    let entry = AuditEntry::new(action, CasePrivate::KIND)
        .id(*file.case_id.as_bytes())
        .case(f.body.code.to_string())
        .summary(summary);
    store.commit(entry, |tx| Ok(tx.put_at(file.clone(), revision)?.body))
}

/// Whether the person of `case` still has an open stay.
fn has_open_stay(store: &Store, case: CaseId) -> Result<bool, StoreError> {
    Ok(store.stays_of(case)?.iter().any(|s| !s.is_deleted() && s.body.is_open()))
}

/// What is still open in `case` if it closed now with `outcome`.
pub fn open_items(
    store: &Store,
    case: CaseId,
    outcome: Option<ClosingOutcome>,
) -> Result<Vec<OpenAtClose>, StoreError> {
    let services: Vec<_> = crate::ops::services::of_case(store, case)?.into_iter().map(|s| s.body).collect();
    let referrals: Vec<_> = crate::ops::referrals::referrals_of(store, case)?
        .into_iter()
        .filter(|r| !r.is_deleted())
        .map(|r| r.body)
        .collect();
    let travel: Vec<_> =
        crate::ops::journeys::of_case(store, case)?.into_iter().filter(|t| !t.is_deleted()).map(|t| t.body).collect();
    Ok(open_at_close(&services, &referrals, &travel, outcome))
}

/// Closes a case with its outcome: Closed, or ClosedReferred when the person
/// was referred on. A person who still has a bed must be checked out first.
/// A case with something still open ([`open_items`]) closes only with a
/// written reason (`anyway`), kept as a dated note of the case; the audit
/// event names what was open (keys only, never the words).
pub fn close_case(
    store: &Store,
    case: CaseId,
    outcome: ClosingOutcome,
    on: NaiveDate,
    note: &str,
    anyway: &str,
) -> Result<CaseFront, StoreError> {
    let f = front(store, case)?;
    check_close(&f.body, on, has_open_stay(store, case)?).map_err(refused)?;
    let open = open_items(store, case, Some(outcome))?;
    let anyway = anyway.trim();
    if !open.is_empty() && anyway.is_empty() {
        return Err(refused(FileRule::ClosingOpenNeedsReason));
    }
    let reason = if open.is_empty() || anyway.is_empty() {
        None
    } else {
        Some(Note { id: new_id::<NoteId>()?, case_id: case, date: on, text: anyway.to_string() })
    };
    let closing = Closing { outcome, on, note: note.trim().to_string() };
    let mut summary = format!("closed: {}", outcome.key());
    if !open.is_empty() {
        let keys: Vec<String> = open.iter().map(|o| o.key()).collect();
        summary.push_str(&format!("; closed anyway with open: {}; reason in a note", keys.join(",")));
    }
    let entry = AuditEntry::new(AuditAction::Update, CaseFront::KIND)
        .id(*case.as_bytes())
        .case(f.body.code.to_string())
        .summary(summary);
    store.commit(entry, |tx| {
        let mut front = tx.get::<CaseFront>(case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
        check_close(&front, on, false).map_err(refused)?;
        front.status = outcome.status();
        tx.put(front.clone())?;
        let mut file = tx.get::<CasePrivate>(case.as_bytes())?.map_or_else(|| CasePrivate::new(case), |s| s.body);
        file.closing = Some(closing.clone());
        tx.put(file)?;
        if let Some(n) = &reason {
            tx.put(n.clone())?;
        }
        Ok(front)
    })
}

/// Reopens a closed case: it returns to Expected or Departed, the closing is
/// cleared, and the reason is kept as a dated note of the case.
pub fn reopen_case(store: &Store, case: CaseId, reason: &str, today: NaiveDate) -> Result<CaseFront, StoreError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(refused(FileRule::ReopenNeedsReason));
    }
    let f = front(store, case)?;
    reopened_status(&f.body).map_err(refused)?;
    let note = Note { id: new_id::<NoteId>()?, case_id: case, date: today, text: reason.to_string() };
    let entry = AuditEntry::new(AuditAction::Update, CaseFront::KIND)
        .id(*case.as_bytes())
        .case(f.body.code.to_string())
        .said("case-reopened", &[]);
    store.commit(entry, |tx| {
        let mut front = tx.get::<CaseFront>(case.as_bytes())?.ok_or(StoreError::NotFound("case"))?.body;
        front.status = reopened_status(&front).map_err(refused)?;
        tx.put(front.clone())?;
        if let Some(mut file) = tx.get::<CasePrivate>(case.as_bytes())?.map(|s| s.body) {
            file.closing = None;
            tx.put(file)?;
        }
        tx.put(note.clone())?;
        Ok(front)
    })
}

/// Whether a case's status lets it be closed (for hints).
pub fn may_close(status: CaseStatus) -> bool {
    !status.is_closed()
}
