//! What the case list shows and what search indexes, read for the user
//! logged in: front data for everyone, legal names and document numbers
//! only for those holding the case key.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::ids::{BedId, CaseId};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::rooms::Bed;
use crate::domain::service::ServiceItem;
use crate::domain::stay::Stay;
use crate::search::IndexEntry;
use crate::store::reader::Reader;
use crate::store::{Store, StoreError};

/// One line of the case list.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRow {
    /// The front part of the case.
    pub front: CaseFront,
    /// The bed of its open stay, if any.
    pub bed: Option<String>,
    /// Services still open (not assessed, needed, planned, in progress).
    pub open_services: u16,
    /// Of those, planned ones past their date.
    pub overdue_services: u16,
}

pub(crate) use crate::store::record::live;

/// What the list adds to each case front: the bed of its open stay and its
/// open and overdue services, all from the digest (no scan of the twelve
/// checklist items of every case).
#[derive(Debug, Clone, Default)]
pub struct RowContext {
    bed_of: HashMap<CaseId, String>,
    open: HashMap<CaseId, (u16, u16)>,
}

/// Reads the beds and the digest for the rows of `today`.
pub fn row_context(store: &Store, today: NaiveDate) -> Result<RowContext, StoreError> {
    let beds: HashMap<BedId, String> = live(store.scan::<Bed>()?).into_iter().map(|b| (b.id, b.label)).collect();
    let mut bed_of: HashMap<CaseId, String> = HashMap::new();
    for s in store.digest::<Stay>()?.into_iter().filter(Stay::is_open) {
        if let Some(label) = beds.get(&s.bed_id) {
            bed_of.insert(s.case_id, label.clone());
        }
    }
    let mut open: HashMap<CaseId, (u16, u16)> = HashMap::new();
    for item in store.digest::<ServiceItem>()? {
        let slot = open.entry(item.case_id).or_default();
        slot.0 = slot.0.saturating_add(1);
        if item.is_overdue(today) {
            slot.1 = slot.1.saturating_add(1);
        }
    }
    Ok(RowContext { bed_of, open })
}

/// Every live case front, through a [`Reader`] (the list's loading thread).
pub fn fronts_from(reader: &mut Reader) -> Result<Vec<CaseFront>, StoreError> {
    let mut out = Vec::new();
    reader.for_each::<CaseFront>(|f| {
        if !f.is_deleted() {
            out.push(f.body);
        }
        Ok(())
    })?;
    Ok(out)
}

/// The rows of `fronts`, newest code first.
pub fn rows(context: &RowContext, fronts: Vec<CaseFront>) -> Vec<CaseRow> {
    let mut rows: Vec<CaseRow> = fronts
        .into_iter()
        .map(|front| {
            let (open_services, overdue_services) = context.open.get(&front.id).copied().unwrap_or_default();
            CaseRow { bed: context.bed_of.get(&front.id).cloned(), open_services, overdue_services, front }
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse((r.front.code.year, r.front.code.seq)));
    rows
}

/// Every case with its bed and open services, newest code first.
pub fn case_rows(store: &Store, today: NaiveDate) -> Result<Vec<CaseRow>, StoreError> {
    let context = row_context(store, today)?;
    Ok(rows(&context, live(store.scan::<CaseFront>()?)))
}

/// The legal names of a private file as indexed: the original script and
/// the Latin form.
pub fn names_of(p: &CasePrivate) -> Vec<String> {
    let full = p.full_name();
    let mut out = Vec::new();
    if !full.is_empty() {
        out.push(full);
    }
    if !p.latin.is_empty() {
        out.push(p.latin.clone());
    }
    out
}

/// What search indexes: codes and aliases for everyone; legal names and
/// document numbers when the user may read case files.
pub fn index_entries(store: &Store) -> Result<Vec<IndexEntry>, StoreError> {
    index_entries_from(&mut store.reader()?)
}

/// [`index_entries`] through a [`Reader`], which the search thread owns.
pub fn index_entries_from(reader: &mut Reader) -> Result<Vec<IndexEntry>, StoreError> {
    // One private file at a time: only the words indexed are kept, never
    // every decrypted file at once.
    let mut files: HashMap<CaseId, (Vec<String>, Vec<String>)> = HashMap::new();
    if reader.may(Act::View, DataClass::Case) {
        reader.for_each::<CasePrivate>(|p| {
            if !p.is_deleted() {
                let documents = p.body.documents.iter().map(|d| d.number.clone()).filter(|n| !n.is_empty()).collect();
                files.insert(p.body.case_id, (documents, names_of(&p.body)));
            }
            Ok(())
        })?;
    }
    let mut out = Vec::new();
    reader.for_each::<CaseFront>(|f| {
        if !f.is_deleted() {
            let f = f.body;
            let (documents, names) = files.remove(&f.id).unwrap_or_default();
            out.push(IndexEntry { case: f.id, code: f.code, alias: f.alias, documents, names });
        }
        Ok(())
    })?;
    Ok(out)
}
