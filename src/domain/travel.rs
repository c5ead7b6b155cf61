//! Journeys home: domestic transport and repatriation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::country::CountryCode;
use super::ids::{CaseId, TravelId};

/// Inside the country or back to the country of origin.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum TravelKind {
    /// To the final destination inside the country (own nationals).
    Domestic,
    /// Return to the country of origin (foreign nationals).
    Repatriation,
}

/// How the person travels.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum TravelMode {
    /// Plane.
    Air,
    /// Train.
    Rail,
    /// Bus or car.
    Road,
    /// Anything else.
    Other,
}

/// Who accompanies the person.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Escort {
    /// Travels alone.
    None,
    /// A staff member.
    Staff,
    /// Medical staff (service `travel_medical_escort`).
    Medical,
}

keyed!(TravelKind, TravelMode, Escort);

/// A journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Travel {
    /// Record id.
    pub id: TravelId,
    /// The case.
    pub case_id: CaseId,
    /// Domestic or repatriation.
    pub kind: TravelKind,
    /// Destination town.
    pub destination: String,
    /// Destination country.
    pub country: Option<CountryCode>,
    /// Mode of travel.
    pub mode: TravelMode,
    /// Date of departure.
    pub date: Option<NaiveDate>,
    /// Ticket number or booking reference.
    pub ticket: String,
    /// Escort.
    pub escort: Escort,
    /// Travel documents are ready.
    pub documents_ready: bool,
    /// Day the journey was completed.
    pub completed_on: Option<NaiveDate>,
}

impl Travel {
    /// True when a dated, uncompleted journey still lacks documents within `days` of `today`.
    pub fn documents_at_risk(&self, today: NaiveDate, days: i64) -> bool {
        self.completed_on.is_none()
            && !self.documents_ready
            && self.date.is_some_and(|d| (d - today).num_days() <= days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    #[test]
    fn journeys_without_documents_close_to_departure_are_flagged() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut t = Travel {
            id: TravelId(Id([1; 16])),
            case_id: CaseId(Id([2; 16])),
            kind: TravelKind::Repatriation,
            destination: "Tashkent".into(),
            country: None,
            mode: TravelMode::Air,
            date: Some(NaiveDate::from_ymd_opt(2026, 6, 4).unwrap()),
            ticket: String::new(),
            escort: Escort::None,
            documents_ready: false,
            completed_on: None,
        };
        assert!(t.documents_at_risk(today, 3));
        assert!(!t.documents_at_risk(today, 2));
        t.documents_ready = true;
        assert!(!t.documents_at_risk(today, 3));
        assert_eq!(Escort::Medical.key(), "medical");
        assert_eq!(TravelKind::Repatriation.key(), "repatriation");
    }
}
