//! Dated notes of a case, and medical or psychological notes, which are a
//! record of their own sealed under the medical class (case workers and
//! managers only).

use super::cases::front;
use crate::domain::case::{MedicalNote, Note};
use crate::domain::ids::CaseId;
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError, Stored};

/// The notes of a case.
pub fn notes_of(store: &Store, case: CaseId) -> Result<Vec<Stored<Note>>, StoreError> {
    store.scan_prefix::<Note>(case.as_bytes())
}

/// The medical and psychological notes of a case.
pub fn medical_of(store: &Store, case: CaseId) -> Result<Vec<Stored<MedicalNote>>, StoreError> {
    store.scan_prefix::<MedicalNote>(case.as_bytes())
}

fn entry<T: Record>(store: &Store, case: CaseId, id: [u8; 16], revision: u64) -> Result<AuditEntry, StoreError> {
    let f = front(store, case)?;
    let action = if revision == 0 { AuditAction::Create } else { AuditAction::Update };
    Ok(AuditEntry::new(action, T::KIND).id(id).case(f.body.code.to_string()))
}

/// Saves a note (new when `revision` is 0).
pub fn save_note(store: &Store, note: &Note, revision: u64) -> Result<Note, StoreError> {
    let mut n = note.clone();
    n.text = n.text.trim_end().to_string();
    if n.text.trim().is_empty() {
        return Err(StoreError::Invalid("note".into()));
    }
    let e = entry::<Note>(store, n.case_id, *n.id.as_bytes(), revision)?;
    store.commit(e, |tx| Ok(tx.put_at(n.clone(), revision)?.body))
}

/// Saves a medical or psychological note (new when `revision` is 0).
pub fn save_medical(store: &Store, note: &MedicalNote, revision: u64) -> Result<MedicalNote, StoreError> {
    let mut n = note.clone();
    n.text = n.text.trim_end().to_string();
    if n.text.trim().is_empty() {
        return Err(StoreError::Invalid("note".into()));
    }
    let e = entry::<MedicalNote>(store, n.case_id, *n.id.as_bytes(), revision)?.summary(n.kind.key());
    store.commit(e, |tx| Ok(tx.put_at(n.clone(), revision)?.body))
}
