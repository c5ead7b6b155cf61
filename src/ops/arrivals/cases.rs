//! New cases made at the airport, and the person of a case arriving.

use chrono::{Datelike, NaiveDateTime};

use super::{NewCase, case_key};
use crate::domain::case::{CaseFront, CasePrivate, CaseStatus};
use crate::domain::case_code::CaseCode;
use crate::domain::duplicate::{
    DuplicateReason, Identity, alias_term, document_key, document_term, find_duplicates, name_terms,
};
use crate::domain::ids::{CaseId, ServiceItemId};
use crate::domain::person::{AgeBasis, AgeGroup};
use crate::domain::pickup::MetEffect;
use crate::domain::service::{ServiceItem, ServiceKind, ServiceStatus, checklist};
use crate::store::blind::Part;
use crate::store::tx::Tx;
use crate::store::{Store, StoreError, new_id};

/// The unique index from a case to its airport-reception service item, so
/// that marking a person met does not read every service of the centre.
const RECEPTION_INDEX: &str = "arrivals_reception_service";

/// Ids drawn before a commit for a case that may be created in it.
pub(super) struct CaseIds {
    case: CaseId,
    services: Vec<ServiceItemId>,
}

pub(super) fn draw_case_ids() -> Result<CaseIds, StoreError> {
    let services = ServiceKind::all().map(|_| new_id::<ServiceItemId>()).collect::<Result<Vec<_>, _>>()?;
    Ok(CaseIds { case: new_id()?, services })
}

/// Writes a new case inside `tx`: its front (status `status`), the private
/// file when the user holds the case key, the twelve-item checklist, and the
/// reception index. Returns the front.
pub(super) fn create_case(
    tx: &mut Tx<'_>,
    centre: &str,
    new: &NewCase,
    ids: &CaseIds,
    status: CaseStatus,
    now: NaiveDateTime,
) -> Result<CaseFront, StoreError> {
    let today = now.date();
    let yy = u8::try_from(today.year().rem_euclid(100)).map_err(|_| StoreError::Invalid("year".into()))?;
    let seq = tx.next_case_seq(yy)?;
    let code = CaseCode::new(centre, yy, seq).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let dob = new.date_of_birth.or_else(|| new.mrz.as_ref().and_then(|m| m.date_of_birth));
    let age = dob.map_or(AgeBasis::Unknown, AgeBasis::DateOfBirth);
    let front = CaseFront {
        id: ids.case,
        code,
        alias: new.alias.trim().to_string(),
        gender: new.gender,
        age,
        age_group: match age.age_group(today) {
            AgeGroup::Unknown => new.age_group,
            known => known,
        },
        languages: new.languages.clone(),
        interpreter_needed: new.interpreter_needed,
        special_needs: String::new(),
        status,
        high_risk: false,
        arrived_on: (status == CaseStatus::Arrived).then_some(today),
        worker: None,
    };
    tx.put(front.clone())?;
    if tx.session().holds_case_key() {
        let mut file = CasePrivate::new(ids.case);
        file.date_of_birth = dob;
        if let Some(m) = &new.mrz {
            m.fill(&mut file);
        }
        tx.put(file)?;
    }
    let mut next = ids.services.iter().copied();
    let mut fallback = 0u8;
    let items = checklist(ids.case, || {
        next.next().unwrap_or_else(|| {
            // Never reached: one id is drawn per service kind.
            fallback = fallback.wrapping_add(1);
            ServiceItemId::from_bytes([fallback; 16])
        })
    });
    for mut item in items {
        if item.kind == ServiceKind::AirportReception {
            tx.index_set(RECEPTION_INDEX, ids.case.as_bytes(), Some(item.id.as_bytes()))?;
            if status == CaseStatus::Arrived {
                item.status = ServiceStatus::Done;
                item.done_on = Some(today);
            }
        }
        tx.put(item)?;
    }
    Ok(front)
}

/// What a commit knows about where a case's reception item is, besides the index.
pub(super) type Scanned = Option<Option<ServiceItemId>>;

/// The airport-reception item of `case`: through the index, or the id a
/// scan found before the commit.
fn reception_item(tx: &mut Tx<'_>, case: CaseId, scanned: Scanned) -> Result<Option<ServiceItem>, StoreError> {
    let id = match tx.index_get(RECEPTION_INDEX, case.as_bytes())? {
        Some(raw) => <[u8; 16]>::try_from(raw.as_slice()).ok().map(ServiceItemId::from_bytes),
        None => scanned.flatten(),
    };
    let Some(id) = id else { return Ok(None) };
    Ok(tx.get::<ServiceItem>(id.as_bytes())?.map(|s| s.body))
}

/// The airport-reception item of `case` among the case's services: for
/// cases written before the index existed (demo data, imports).
fn scan_reception_item(store: &Store, case: CaseId) -> Result<Option<ServiceItemId>, StoreError> {
    Ok(crate::ops::services::of_case(store, case)?
        .into_iter()
        .find(|s| s.body.kind == ServiceKind::AirportReception)
        .map(|s| s.body.id))
}

/// Marks the person of `case` arrived: the case moves to Arrived (a person
/// who had left comes back into the file), the arrival day is stamped, and
/// the airport-reception service is done today. Returns what it changed,
/// for a correction to put back.
pub(super) fn case_arrived(
    tx: &mut Tx<'_>,
    case: CaseId,
    scanned: Scanned,
    spare_item: ServiceItemId,
    now: NaiveDateTime,
) -> Result<MetEffect, StoreError> {
    let today = now.date();
    let mut front = tx.get::<CaseFront>(&case_key(case))?.ok_or(StoreError::NotFound("case"))?.body;
    let (case_status, arrived_on) = (front.status, front.arrived_on);
    match front.status {
        CaseStatus::Arrived | CaseStatus::InResidence => {}
        CaseStatus::Expected | CaseStatus::Departed | CaseStatus::Closed | CaseStatus::ClosedReferred => {
            front.status = CaseStatus::Arrived;
            front.arrived_on = Some(today);
        }
    }
    front.arrived_on.get_or_insert(today);
    tx.put(front)?;
    let found = reception_item(tx, case, scanned)?;
    let effect = MetEffect { case_status, arrived_on, item: found.as_ref().map(|i| (i.status, i.done_on)) };
    let mut item = match found {
        Some(item) => item,
        // A case without the item (an old import): the checklist gains it.
        None => ServiceItem {
            id: ServiceItemId::in_case(case, spare_item),
            case_id: case,
            kind: ServiceKind::AirportReception,
            status: ServiceStatus::NotAssessed,
            planned_on: None,
            done_on: None,
            provider: Default::default(),
            amount: None,
            note: String::new(),
        },
    };
    item.status = ServiceStatus::Done;
    item.done_on = Some(today);
    tx.index_set(RECEPTION_INDEX, case.as_bytes(), Some(item.id.as_bytes()))?;
    tx.put(item)?;
    Ok(effect)
}

/// Puts back what marking the person of `case` met changed: the case's
/// status and arrival day, and the reception item's status and done day.
pub(super) fn case_not_arrived(tx: &mut Tx<'_>, case: CaseId, effect: &MetEffect) -> Result<(), StoreError> {
    if let Some(mut front) = tx.get::<CaseFront>(&case_key(case))?.map(|s| s.body) {
        // A case that moved on since (in residence, departed) keeps where it is now.
        if front.status == CaseStatus::Arrived {
            front.status = effect.case_status;
            front.arrived_on = effect.arrived_on;
            tx.put(front)?;
        }
    }
    if let Some(mut item) = reception_item(tx, case, None)? {
        let (status, done_on) = effect.item.unwrap_or((ServiceStatus::NotAssessed, None));
        item.status = status;
        item.done_on = done_on;
        tx.put(item)?;
    }
    Ok(())
}

/// How an attempt at a commit that may need the reception item fails.
#[derive(Debug)]
pub(super) enum Attempt {
    /// It stopped, writing nothing: the item must be found by a scan first.
    NeedScan,
    /// The store failed or refused.
    Store(StoreError),
}

impl From<StoreError> for Attempt {
    fn from(e: StoreError) -> Self {
        Attempt::Store(e)
    }
}

/// Runs a commit that may need the reception item of a case: first through
/// the index; if the case has never been indexed (the attempt stops before
/// writing anything), once more with the item found by a scan.
pub(super) fn with_reception_item<R>(
    store: &Store,
    case: Option<CaseId>,
    run: impl Fn(Scanned) -> Result<R, Attempt>,
) -> Result<R, StoreError> {
    let second = match run(None) {
        Ok(r) => return Ok(r),
        Err(Attempt::Store(e)) => return Err(e),
        Err(Attempt::NeedScan) => {
            let scanned = match case {
                Some(c) => scan_reception_item(store, c)?,
                None => None,
            };
            run(Some(scanned))
        }
    };
    // With a scan handed in, an attempt never asks for one again.
    second.map_err(|e| match e {
        Attempt::Store(e) => e,
        Attempt::NeedScan => StoreError::Rule(crate::store::Rule::ArrivalsNeedScan),
    })
}

/// Inside a commit: whether the reception item of `case` must be found by a
/// scan first (no index entry and no scan result handed in yet).
pub(super) fn needs_scan(tx: &mut Tx<'_>, case: CaseId, scanned: Scanned) -> Result<bool, StoreError> {
    Ok(scanned.is_none() && tx.index_get(RECEPTION_INDEX, case.as_bytes())?.is_none())
}

/// Cases that may be the person about to be created, strongest reason first.
/// Names are compared only when a zone was read and the user holds the case key.
///
/// A lookup in the blind index (`store::blind`) names the candidates: the
/// cases sharing a document, a name (with the date of birth, or a file
/// without one) or an alias with the gender; only those are read and the
/// rules decide, as before. A centre whose index is not built yet is read
/// whole, as it always was.
pub fn possible_duplicates(
    store: &Store,
    new: &NewCase,
    today: chrono::NaiveDate,
) -> Result<Vec<(CaseFront, DuplicateReason)>, StoreError> {
    let me = new.identity(today);
    let names = me.name.is_some() && store.session()?.holds_case_key();
    let number = new.mrz.as_ref().and_then(|m| document_term(&m.document_number));
    let Some(candidates) = duplicate_candidates(store, &me, names, number.as_deref())? else {
        return scan_duplicates(store, new, today);
    };
    let mut fronts = Vec::new();
    let mut files = std::collections::HashMap::new();
    for id in candidates {
        let Some(front) = store.get::<CaseFront>(&case_key(id))?.filter(|s| !s.is_deleted()) else { continue };
        fronts.push(front.body);
        if names && let Some(file) = store.get::<CasePrivate>(&case_key(id))?.filter(|s| !s.is_deleted()) {
            files.insert(id, file.body);
        }
    }
    Ok(judge(&me, new, today, &fronts, &files))
}

/// The cases the blind index names for `me`, in case order; `None` when it
/// cannot answer.
fn duplicate_candidates(
    store: &Store,
    me: &Identity,
    names: bool,
    number: Option<&str>,
) -> Result<Option<std::collections::BTreeSet<CaseId>>, StoreError> {
    let mut terms: Vec<String> = Vec::new();
    if names {
        if let (Some(name), Some(dob)) = (me.name.as_deref(), me.date_of_birth) {
            terms.extend(name_terms(name, Some(dob)));
            terms.extend(name_terms(name, None));
        }
        terms.extend(number.map(String::from));
    }
    let mut out = if terms.is_empty() {
        std::collections::BTreeSet::new()
    } else {
        match store.blind_cases(Part::Case, &terms)? {
            Some(found) => found,
            None => return Ok(None),
        }
    };
    let alias: Vec<String> = alias_term(&me.alias, me.gender).into_iter().collect();
    if !alias.is_empty() {
        match store.blind_cases(Part::Alias, &alias)? {
            Some(found) => out.extend(found),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

/// [`possible_duplicates`] by reading every case: a centre whose blind
/// index is not built yet.
fn scan_duplicates(
    store: &Store,
    new: &NewCase,
    today: chrono::NaiveDate,
) -> Result<Vec<(CaseFront, DuplicateReason)>, StoreError> {
    let me = new.identity(today);
    let fronts: Vec<CaseFront> =
        store.scan::<CaseFront>()?.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect();
    // By case: looking each file up in a list made the check quadratic
    // (27 of its 148 ms at 10,000 cases, a hundred times that at 100,000).
    let files: std::collections::HashMap<CaseId, CasePrivate> = if me.name.is_some()
        && store.session()?.holds_case_key()
    {
        store.scan::<CasePrivate>()?.into_iter().filter(|s| !s.is_deleted()).map(|s| (s.body.case_id, s.body)).collect()
    } else {
        std::collections::HashMap::new()
    };
    Ok(judge(&me, new, today, &fronts, &files))
}

/// The rules over the cases read (`fronts` in case order, with the files
/// the user may compare names and documents in).
fn judge(
    me: &Identity,
    new: &NewCase,
    today: chrono::NaiveDate,
    fronts: &[CaseFront],
    files: &std::collections::HashMap<CaseId, CasePrivate>,
) -> Vec<(CaseFront, DuplicateReason)> {
    let known: Vec<(CaseId, Identity)> = fronts
        .iter()
        .map(|f| {
            let file = files.get(&f.id);
            let dob = file.and_then(|p| p.date_of_birth).or(match f.age {
                AgeBasis::DateOfBirth(d) => Some(d),
                _ => None,
            });
            let identity = Identity {
                name: file.map(CasePrivate::full_name).filter(|n| !n.is_empty()),
                date_of_birth: dob,
                alias: f.alias.clone(),
                gender: f.gender,
                age_group: f.effective_age_group(today),
            };
            (f.id, identity)
        })
        .collect();
    let mut found = find_duplicates(me, known.iter().map(|(id, i)| (*id, i)));
    // A case holding the zone's document number comes first, whatever else matches.
    if let Some(number) = new.mrz.as_ref().map(|m| document_key(&m.document_number)).filter(|k| !k.is_empty()) {
        let mut same: Vec<CaseId> = files
            .values()
            .filter(|f| f.documents.iter().any(|d| document_key(&d.number) == number))
            .map(|f| f.case_id)
            .collect();
        same.sort();
        found.retain(|(id, _)| !same.contains(id));
        found.splice(0..0, same.into_iter().map(|id| (id, DuplicateReason::SameDocument)));
    }
    found
        .into_iter()
        .filter_map(|(id, reason)| fronts.iter().find(|f| f.id == id).map(|f| (f.clone(), reason)))
        .collect()
}

/// The other cases whose file holds a document with this number (folded as
/// [`document_key`]), for a flag before the save. Only a user who holds the
/// case key can see both files; for anyone else the answer is empty.
/// A lookup in the blind index; a centre whose index is not built yet is
/// read whole.
pub fn cases_holding_document(store: &Store, number: &str, except: CaseId) -> Result<Vec<CaseFront>, StoreError> {
    let key = document_key(number);
    if key.is_empty() || !store.session()?.holds_case_key() {
        return Ok(Vec::new());
    }
    let terms: Vec<String> = document_term(number).into_iter().collect();
    let files: Vec<CasePrivate> = match store.blind_cases(Part::Case, &terms)? {
        Some(ids) => {
            let mut files = Vec::new();
            for id in ids.into_iter().filter(|id| *id != except) {
                if let Some(file) = store.get::<CasePrivate>(&case_key(id))? {
                    files.push(file);
                }
            }
            files.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
        }
        None => store.scan::<CasePrivate>()?.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect(),
    };
    let mut out = Vec::new();
    for file in files {
        if file.case_id == except || !file.documents.iter().any(|d| document_key(&d.number) == key) {
            continue;
        }
        if let Some(front) = store.get::<CaseFront>(&case_key(file.case_id))? {
            out.push(front.body);
        }
    }
    out.sort_by_key(|f| f.code.to_string());
    Ok(out)
}
