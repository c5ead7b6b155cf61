//! The records a report is computed from, read once from the store for the
//! user logged in. Everything after this is pure computation.

use std::collections::HashMap;

use crate::domain::case::{CaseFront, CasePrivate};
use crate::domain::ids::CaseId;
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::Bed;
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::Stay;
use crate::store::reader::Reader;
use crate::store::record::live;
use crate::store::{Store, StoreError};

/// The records of the centre that reports count (soft-deleted ones left out).
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// Front parts of the cases.
    pub cases: Vec<CaseFront>,
    /// Private files by case (empty without the case key).
    pub files: HashMap<CaseId, CasePrivate>,
    /// Service items.
    pub services: Vec<ServiceItem>,
    /// Referrals in and out (empty without the case key).
    pub referrals: Vec<Referral>,
    /// The directory (retired organisations included: old referrals name them).
    pub organisations: Vec<Organisation>,
    /// Airport pickups.
    pub pickups: Vec<Pickup>,
    /// Stays, open and closed.
    pub stays: Vec<Stay>,
    /// Beds of the plan, retired ones included (they hold history).
    pub beds: Vec<Bed>,
    /// Anonymised traces of erased cases.
    pub anonymised: Vec<AnonymisedCase>,
    /// Whether the private files and referrals could be read.
    pub case_key: bool,
}

impl Data {
    /// Reads every record a report needs, as far as the user may read.
    pub fn load(store: &Store) -> Result<Data, StoreError> {
        Data::read(&mut store.reader()?)
    }

    /// The same, read through a [`Reader`] another thread may own: the
    /// reports screen computes on it while its first frame is drawn.
    pub fn read(store: &mut Reader) -> Result<Data, StoreError> {
        let case_key = store.may(Act::View, DataClass::Case);
        let cases = live(store.scan::<CaseFront>()?);
        let (files, referrals) = if case_key {
            let files = live(store.scan::<CasePrivate>()?).into_iter().map(|p| (p.case_id, p)).collect();
            (files, live(store.scan::<Referral>()?))
        } else {
            (HashMap::new(), Vec::new())
        };
        let live_cases: std::collections::HashSet<CaseId> = cases.iter().map(|c| c.id).collect();
        let services =
            live(store.scan::<ServiceItem>()?).into_iter().filter(|s| live_cases.contains(&s.case_id)).collect();
        Ok(Data {
            cases,
            files,
            services,
            referrals: referrals.into_iter().filter(|r: &Referral| live_cases.contains(&r.case_id)).collect(),
            organisations: store.scan::<Organisation>()?.into_iter().map(|s| s.body).collect(),
            pickups: live(store.scan::<Pickup>()?),
            stays: live(store.scan::<Stay>()?),
            beds: store.scan::<Bed>()?.into_iter().filter(|b| !b.is_deleted()).map(|s| s.body).collect(),
            anonymised: store.scan::<AnonymisedCase>()?.into_iter().map(|s| s.body).collect(),
            case_key,
        })
    }
}
