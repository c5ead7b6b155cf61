//! The provider and note of a medical care or psychological support item:
//! medical data (`permissions::service_detail_class`), kept apart from the
//! checklist item so that only a key holding medical data opens them. The
//! item itself (kind, status, dates) stays front data for every role.

use serde::{Deserialize, Serialize};

use super::ids::{CaseId, ServiceItemId};
use super::permissions::{DataClass, service_detail_class};
use super::service::{Provider, ServiceItem};

/// The medical detail of one checklist item: one per item, under its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDetail {
    /// The item it belongs to.
    pub id: ServiceItemId,
    /// The case.
    pub case_id: CaseId,
    /// Who provides the service.
    pub provider: Provider,
    /// Note.
    pub note: String,
}

/// Whether the provider and note of `item` are kept as a [`ServiceDetail`].
pub fn kept_apart(item: &ServiceItem) -> bool {
    service_detail_class(item.kind) == DataClass::Medical
}

/// Whether the item holds a provider or note of its own.
pub fn holds_detail(item: &ServiceItem) -> bool {
    item.provider != Provider::Internal || !item.note.is_empty()
}

/// Splits an item into what every role may read and its medical detail:
/// the item keeps no provider or note. `None` for items whose detail is
/// front data.
pub fn split(item: &ServiceItem) -> (ServiceItem, Option<ServiceDetail>) {
    if !kept_apart(item) {
        return (item.clone(), None);
    }
    let detail = ServiceDetail { id: item.id, case_id: item.case_id, provider: item.provider, note: item.note.clone() };
    (without_detail(item.clone()), Some(detail))
}

/// The item without its provider and note.
pub fn without_detail(mut item: ServiceItem) -> ServiceItem {
    item.provider = Provider::Internal;
    item.note = String::new();
    item
}

/// The item with its detail put back.
pub fn with_detail(mut item: ServiceItem, detail: &ServiceDetail) -> ServiceItem {
    item.provider = detail.provider;
    item.note = detail.note.clone();
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{Id, OrganisationId};
    use crate::domain::service::{ServiceKind, ServiceStatus};

    fn item(kind: ServiceKind) -> ServiceItem {
        ServiceItem {
            id: ServiceItemId(Id([9; 16])),
            case_id: CaseId(Id([1; 16])),
            kind,
            status: ServiceStatus::Needed,
            planned_on: None,
            done_on: None,
            provider: Provider::Organisation(OrganisationId(Id([3; 16]))),
            amount: None,
            note: "synthetic note".into(),
        }
    }

    #[test]
    fn a_medical_item_splits_into_a_bare_item_and_its_detail_and_joins_back() {
        for kind in [ServiceKind::MedicalCare, ServiceKind::PsychologicalSupport] {
            let whole = item(kind);
            let (bare, detail) = split(&whole);
            assert!(!holds_detail(&bare));
            let detail = detail.unwrap();
            assert_eq!(detail.note, "synthetic note");
            assert_eq!(with_detail(bare, &detail), whole);
        }
        let legal = item(ServiceKind::LegalSupport);
        assert_eq!(split(&legal), (legal.clone(), None));
    }
}
