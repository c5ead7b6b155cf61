//! Which tree, class and key each domain record is stored under.

use serde::{Deserialize, Serialize};

use super::codec::{self, Class};
use super::record::{Record, Stored, case_scoped_key};
use super::trees::TreeId;
use crate::domain::case::{CaseFront, CasePrivate, MedicalNote, Note};
use crate::domain::consent::Consent;
use crate::domain::gate_zone::GateZone;
use crate::domain::ids::CaseId;
use crate::domain::night::NightCheck;
use crate::domain::permissions::Act;
use crate::domain::pickup::Pickup;
use crate::domain::referral::{Organisation, Referral};
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};
use crate::domain::travel::Travel;

macro_rules! front_record {
    ($t:ty, $tree:expr, $kind:literal) => {
        front_record!($t, $tree, $kind, None);
    };
    ($t:ty, $tree:expr, $kind:literal, $admin:expr) => {
        impl Record for $t {
            const TREE: TreeId = $tree;
            const CLASS: Class = Class::Front;
            const KIND: &'static str = $kind;
            const ADMIN_ACT: Option<Act> = $admin;
            fn key(&self) -> Vec<u8> {
                self.id.id().as_bytes().to_vec()
            }
        }
    };
}

/// A front record whose kind keeps a digest (`store::digest`).
macro_rules! digested_record {
    ($t:ty, $tree:expr, $kind:literal) => {
        impl Record for $t {
            const TREE: TreeId = $tree;
            const CLASS: Class = Class::Front;
            const KIND: &'static str = $kind;
            const DIGEST: Option<&'static str> = Some(<$t as super::digest::Digested>::NAME);
            fn key(&self) -> Vec<u8> {
                self.id.id().as_bytes().to_vec()
            }
            fn digest_entry(stored: &Stored<Self>) -> super::error::Result<Option<Vec<u8>>> {
                super::digest::entry_of(stored)
            }
        }
    };
}

macro_rules! case_record {
    ($t:ty, $tree:expr, $class:expr, $kind:literal) => {
        impl Record for $t {
            const TREE: TreeId = $tree;
            const CLASS: Class = $class;
            const KIND: &'static str = $kind;
            fn key(&self) -> Vec<u8> {
                case_scoped_key(self.case_id, self.id.id().as_bytes())
            }
            fn owner_case(&self) -> Option<CaseId> {
                Some(self.case_id)
            }
        }
    };
}

digested_record!(CaseFront, TreeId::CaseFront, "case");
digested_record!(Pickup, TreeId::Pickups, "pickup");
front_record!(Room, TreeId::Rooms, "room", Some(Act::Rooms));
front_record!(Bed, TreeId::Beds, "bed", Some(Act::Rooms));
digested_record!(Stay, TreeId::Stays, "stay");
front_record!(Reservation, TreeId::Reservations, "reservation");
front_record!(NightCheck, TreeId::NightChecks, "night_check");
digested_record!(ServiceItem, TreeId::Services, "service");
front_record!(Organisation, TreeId::Organisations, "organisation", Some(Act::Organisations));
case_record!(MedicalNote, TreeId::Medical, Class::Medical, "medical_note");
case_record!(Note, TreeId::Notes, Class::Case, "note");
case_record!(Referral, TreeId::Referrals, Class::Case, "referral");
case_record!(Travel, TreeId::Travel, Class::Case, "travel");
case_record!(Consent, TreeId::Consents, Class::Case, "consent");

impl Record for AnonymisedCase {
    const TREE: TreeId = TreeId::Stats;
    const CLASS: Class = Class::Front;
    const KIND: &'static str = "statistics";
    fn key(&self) -> Vec<u8> {
        self.id.as_bytes().to_vec()
    }
}

impl Record for CasePrivate {
    const TREE: TreeId = TreeId::CasePrivate;
    const CLASS: Class = Class::Case;
    const KIND: &'static str = "case_file";
    fn key(&self) -> Vec<u8> {
        self.case_id.id().as_bytes().to_vec()
    }
    fn owner_case(&self) -> Option<CaseId> {
        Some(self.case_id)
    }
}

/// Per-user facts that are not secret but still sealed: last login.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserActivity {
    /// Login name.
    pub username: String,
    /// Last successful login.
    pub last_login: chrono::DateTime<chrono::Utc>,
}

impl Record for UserActivity {
    const TREE: TreeId = TreeId::Users;
    const CLASS: Class = Class::Front;
    const KIND: &'static str = "user";
    fn key(&self) -> Vec<u8> {
        self.username.as_bytes().to_vec()
    }
}

fn is<T: Record>(plain: &[u8]) -> bool {
    codec::from_bytes::<Stored<T>>(plain, "check").is_ok()
}

/// Whether `plain`, read from `tree` (holding records of `record_tree`), decodes as what that tree holds.
pub fn decodes(tree: TreeId, record_tree: TreeId, _key: &[u8], plain: &[u8]) -> bool {
    match (tree, record_tree) {
        (TreeId::History, t) if t != TreeId::History => decodes(t, t, _key, plain),
        (TreeId::CaseFront, _) => is::<CaseFront>(plain),
        (TreeId::CasePrivate, _) => is::<CasePrivate>(plain),
        (TreeId::Medical, _) => is::<MedicalNote>(plain),
        (TreeId::Notes, _) => is::<Note>(plain),
        (TreeId::Pickups, _) => is::<Pickup>(plain),
        (TreeId::Rooms, _) => is::<Room>(plain),
        (TreeId::Beds, _) => is::<Bed>(plain),
        (TreeId::Stays, _) => is::<Stay>(plain),
        (TreeId::Reservations, _) => is::<Reservation>(plain),
        (TreeId::NightChecks, _) => is::<NightCheck>(plain),
        (TreeId::Services, _) => is::<ServiceItem>(plain),
        (TreeId::Referrals, _) => is::<Referral>(plain),
        (TreeId::Organisations, _) => is::<Organisation>(plain),
        (TreeId::Travel, _) => is::<Travel>(plain),
        (TreeId::Consents, _) => is::<Consent>(plain),
        (TreeId::Users, _) => is::<UserActivity>(plain),
        (TreeId::Stats, _) => is::<AnonymisedCase>(plain),
        (TreeId::GateZones, _) => is::<GateZone>(plain),
        (TreeId::CaseKeys, _) => plain.len() == 32,
        (TreeId::Meta, _) => codec::from_bytes::<super::tx::Counters>(plain, "meta").is_ok(),
        (TreeId::Audit, _) => codec::from_bytes::<super::audit::AuditEvent>(plain, "audit").is_ok(),
        (TreeId::ChangeLog, _) | (TreeId::Envelopes, _) => {
            codec::from_bytes::<super::changelog::ChangeEntry>(plain, "changelog").is_ok()
        }
        (TreeId::Merge, _) => codec::from_bytes::<super::merge::MergeState>(plain, "merge").is_ok(),
        (TreeId::Sync, _) => true,
        (TreeId::ServiceDetails, _) => is::<crate::domain::service_detail::ServiceDetail>(plain),
        (TreeId::Index, _) | (TreeId::Drafts, _) | (TreeId::History, _) => true,
    }
}

// The provider and note of medical and psychological service items
// (`domain::service_detail`): medical data under the case's own key.
case_record!(crate::domain::service_detail::ServiceDetail, TreeId::ServiceDetails, Class::Medical, "service_detail");
/// A passport zone sealed at the gate: front class, so that reception can
/// write it and every laptop can carry it; what it holds is sealed again to
/// the case class's public key. Keyed by the case: one per case.
impl Record for GateZone {
    const TREE: TreeId = TreeId::GateZones;
    const CLASS: Class = Class::Front;
    const KIND: &'static str = "gate_zone";
    fn key(&self) -> Vec<u8> {
        self.case_id.id().as_bytes().to_vec()
    }
}
