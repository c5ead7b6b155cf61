//! Every record a data export may write, read once for the user logged in,
//! and which cases may leave Haven: a person who refused (or withdrew) their
//! consent to data processing is left out of every export.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::consent;
use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::ids::CaseId;
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::Stay;
use crate::domain::travel::Travel;
use crate::store::Stored;

/// Records grouped by case.
pub type ByCase<T> = HashMap<CaseId, Vec<Stored<T>>>;

/// The centre's records as far as the user may read them (soft-deleted ones left out).
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Centre code.
    pub centre: String,
    /// Cases, by code.
    pub cases: Vec<Stored<CaseFront>>,
    /// Private files.
    pub files: HashMap<CaseId, Stored<CasePrivate>>,
    /// Services.
    pub services: ByCase<ServiceItem>,
    /// Referrals.
    pub referrals: ByCase<Referral>,
    /// Consents.
    pub consents: ByCase<Consent>,
    /// Journeys.
    pub travel: ByCase<Travel>,
    /// Notes.
    pub notes: ByCase<Note>,
    /// Medical and psychological notes (only for roles that may read them).
    pub medical: ByCase<MedicalNote>,
    /// Stays.
    pub stays: Vec<Stored<Stay>>,
    /// Pickups.
    pub pickups: Vec<Stored<Pickup>>,
    /// The directory.
    pub organisations: Vec<Stored<Organisation>>,
    /// Rooms.
    pub rooms: Vec<Stored<Room>>,
    /// Beds.
    pub beds: Vec<Stored<Bed>>,
    /// Anonymised traces of erased cases.
    pub anonymised: Vec<Stored<AnonymisedCase>>,
}

/// Groups case-scoped records by their case.
pub fn by_case<T>(all: Vec<Stored<T>>, case_of: impl Fn(&T) -> CaseId) -> ByCase<T> {
    let mut map: ByCase<T> = HashMap::new();
    for s in all.into_iter().filter(|s| !s.is_deleted()) {
        map.entry(case_of(&s.body)).or_default().push(s);
    }
    map
}

/// Records of `case` in a map, or none.
pub fn of<T>(map: &ByCase<T>, case: CaseId) -> &[Stored<T>] {
    map.get(&case).map(Vec::as_slice).unwrap_or(&[])
}

impl Records {
    /// The consent records of `case`, bodies only.
    pub fn consents_of(&self, case: CaseId) -> Vec<Consent> {
        of(&self.consents, case).iter().map(|s| s.body.clone()).collect()
    }

    /// The case's code, for rows of other records.
    pub fn codes(&self) -> HashMap<CaseId, String> {
        self.cases.iter().map(|c| (c.body.id, c.body.code.to_string())).collect()
    }
}

/// Which cases an export may write, and how many were left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// The cases written.
    pub cases: HashSet<CaseId>,
    /// Left out: data processing refused or withdrawn.
    pub refused: usize,
}

/// The cases whose data may leave Haven on `today`.
pub fn exportable(records: &Records, today: NaiveDate) -> Selection {
    let mut sel = Selection::default();
    for c in &records.cases {
        let consents = records.consents_of(c.body.id);
        if consent::refused(&consents, ConsentPurpose::DataProcessing, today) {
            sel.refused += 1;
        } else {
            sel.cases.insert(c.body.id);
        }
    }
    sel
}
