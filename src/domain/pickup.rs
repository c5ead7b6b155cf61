//! Airport pickups: the reception board's rows and their status rules.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize};

use super::case::CaseStatus;
use super::flight::FlightNumber;
use super::ids::{CaseId, PickupId};
use super::service::ServiceStatus;

/// An airport and its terminals, as configured for the centre.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AirportTerminals {
    /// IATA code, e.g. `SVO`.
    pub code: String,
    /// Terminal letters; empty when the airport has one arrivals hall.
    pub terminals: Vec<String>,
}

/// The Moscow airports the centre serves out of the box.
pub fn default_airports() -> Vec<AirportTerminals> {
    let airport = |code: &str, terminals: &[&str]| AirportTerminals {
        code: code.to_string(),
        terminals: terminals.iter().map(|t| (*t).to_string()).collect(),
    };
    vec![
        airport("SVO", &["B", "C", "D", "E", "F"]),
        airport("DME", &[]),
        airport("VKO", &["A", "B", "D"]),
        airport("ZIA", &[]),
    ]
}

/// Where a pickup stands.
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
pub enum PickupStatus {
    /// Booked for a flight.
    Scheduled,
    /// The flight is late (estimated time updated).
    Delayed,
    /// Reception met the person.
    Met,
    /// The person did not come out.
    NoShow,
    /// Called off.
    Cancelled,
    /// Brought to the centre.
    AtCentre,
}

keyed!(PickupStatus);

/// True if a pickup may go from `from` to `to`.
///
/// Scheduled/Delayed → Delayed, Met, NoShow, Cancelled; Met → AtCentre;
/// NoShow and Cancelled → Scheduled (re-booked); AtCentre is final.
pub fn can_transition(from: PickupStatus, to: PickupStatus) -> bool {
    use PickupStatus::*;
    match from {
        Scheduled | Delayed => matches!(to, Delayed | Met | NoShow | Cancelled),
        Met => to == AtCentre,
        NoShow | Cancelled => to == Scheduled,
        AtCentre => false,
    }
}

/// What the person needs on arrival.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Needs {
    /// A wheelchair at the gate.
    pub wheelchair: bool,
    /// Medical attention on arrival.
    pub medical: bool,
    /// The person is a minor.
    pub minor: bool,
    /// Interpreter language (ISO 639-1), if one is needed.
    pub interpreter: Option<String>,
}

/// Why a pickup change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum PickupError {
    /// The status change is not allowed.
    #[error("cannot go from {from:?} to {to:?}")]
    Transition {
        /// Current status.
        from: PickupStatus,
        /// Requested status.
        to: PickupStatus,
    },
    /// Arrival at the centre needs the pickup linked to a case.
    #[error("no case linked")]
    NoCase,
    /// No status change to undo (only the first booking is left).
    #[error("nothing to undo")]
    NothingToUndo,
}

/// What marking a pickup met did to its case, so that a correction can put
/// it back: the case's status and arrival day, and its airport-reception
/// service item, as they were before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MetEffect {
    /// Case status before.
    pub case_status: CaseStatus,
    /// Arrival day before.
    pub arrived_on: Option<chrono::NaiveDate>,
    /// Reception item status and done day before (`None`: the item did not exist).
    pub item: Option<(ServiceStatus, Option<chrono::NaiveDate>)>,
}

/// Minutes after the expected landing before an unmet pickup counts as overdue
/// (passport control and baggage take about this long).
pub const OVERDUE_AFTER_MINUTES: i64 = 60;

/// An airport pickup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pickup {
    /// Record id.
    pub id: PickupId,
    /// Flight.
    pub flight: FlightNumber,
    /// Where the flight comes from (city or IATA code).
    pub origin: String,
    /// Arrival airport code.
    pub airport: String,
    /// Arrival terminal, if the airport has several.
    pub terminal: Option<String>,
    /// Scheduled arrival, local time.
    pub scheduled: NaiveDateTime,
    /// Estimated arrival when delayed.
    pub estimated: Option<NaiveDateTime>,
    /// When the person was actually met.
    pub actual: Option<NaiveDateTime>,
    /// Meeting point in the arrivals hall.
    pub meeting_point: String,
    /// Who accompanies the person on the flight, if anyone.
    pub escort: Option<String>,
    /// How reception will recognise the person (no names).
    pub recognition: String,
    /// Needs on arrival.
    pub needs: Needs,
    /// The case, once known (optional until met).
    pub case_id: Option<CaseId>,
    /// Current status.
    pub status: PickupStatus,
    /// Every status change with its time.
    pub changes: Vec<(PickupStatus, NaiveDateTime)>,
    /// Reason for the last no-show, cancellation or delay.
    pub reason: String,
    /// What the last "met" did to the case, for a correction to undo.
    #[serde(default, deserialize_with = "added_later")]
    pub met_effect: Option<MetEffect>,
    /// True when the last step was a correction (undo): reception may undo
    /// one change, managers and case workers may go back further.
    #[serde(default, deserialize_with = "added_later")]
    pub corrected: bool,
    /// How the person comes: by air (the flight above) or another way.
    #[serde(default, deserialize_with = "added_later")]
    pub by: super::transport::Transport,
}

/// Reads a field added after centres had saved pickups. A pickup saved
/// before it ends where the field begins: a self-describing format leaves
/// it out (`serde(default)`), and the store's bincode runs out of bytes,
/// which here reads as the default too. Only fields at the end of the
/// record may be added this way.
fn added_later<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(T::deserialize(d).unwrap_or_default())
}

impl Pickup {
    /// Moves to `to` at `at`: checks the rule, stamps `actual` when met, records the change.
    pub fn apply(&mut self, to: PickupStatus, at: NaiveDateTime) -> Result<(), PickupError> {
        if !can_transition(self.status, to) {
            return Err(PickupError::Transition { from: self.status, to });
        }
        if to == PickupStatus::AtCentre && self.case_id.is_none() {
            return Err(PickupError::NoCase);
        }
        match to {
            PickupStatus::Met => self.actual = Some(at),
            // A re-booked pickup starts over: no meeting has happened.
            PickupStatus::Scheduled => self.actual = None,
            _ => {}
        }
        self.status = to;
        self.changes.push((to, at));
        self.corrected = false;
        Ok(())
    }

    /// Undoes the last status change: the status goes back to the one
    /// before it (a meeting undone forgets its time). Returns the status
    /// undone; the caller puts back what it did to the case.
    pub fn undo_last(&mut self) -> Result<PickupStatus, PickupError> {
        if self.changes.len() < 2 {
            return Err(PickupError::NothingToUndo);
        }
        let Some((undone, _)) = self.changes.pop() else { return Err(PickupError::NothingToUndo) };
        let Some(&(back, _)) = self.changes.last() else { return Err(PickupError::NothingToUndo) };
        if undone == PickupStatus::Met {
            self.actual = None;
        }
        self.status = back;
        self.corrected = true;
        Ok(undone)
    }

    /// The time the person is expected out: the estimate if any, else the schedule.
    pub fn expected_at(&self) -> NaiveDateTime {
        self.estimated.unwrap_or(self.scheduled)
    }

    /// True when the person should have come out by `now` and has not been met.
    pub fn is_overdue(&self, now: NaiveDateTime) -> bool {
        matches!(self.status, PickupStatus::Scheduled | PickupStatus::Delayed)
            && self
                .expected_at()
                .checked_add_signed(Duration::minutes(OVERDUE_AFTER_MINUTES))
                .is_some_and(|deadline| deadline < now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;
    use PickupStatus::*;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    fn pickup() -> Pickup {
        Pickup {
            id: PickupId(Id([3; 16])),
            flight: FlightNumber::parse("SU 2101").unwrap(),
            origin: "DXB".into(),
            airport: "SVO".into(),
            terminal: Some("C".into()),
            scheduled: at(6, 10),
            estimated: None,
            actual: None,
            meeting_point: "exit 3".into(),
            escort: None,
            recognition: "red scarf".into(),
            needs: Needs::default(),
            case_id: None,
            status: Scheduled,
            changes: vec![],
            reason: String::new(),
            met_effect: None,
            corrected: false,
            by: Default::default(),
        }
    }

    #[test]
    fn the_last_change_can_be_undone_down_to_the_booking() {
        let mut p = pickup();
        p.changes.push((Scheduled, at(5, 0)));
        assert_eq!(p.undo_last(), Err(PickupError::NothingToUndo));
        p.apply(Delayed, at(6, 0)).unwrap();
        p.apply(Met, at(7, 0)).unwrap();
        assert_eq!(p.undo_last(), Ok(Met));
        assert_eq!((p.status, p.actual, p.corrected), (Delayed, None, true));
        assert_eq!(p.undo_last(), Ok(Delayed));
        assert_eq!(p.status, Scheduled);
        p.apply(Met, at(8, 0)).unwrap();
        assert!(!p.corrected, "a new change clears the mark");
    }

    #[test]
    fn the_whole_transition_matrix() {
        let allowed = [
            (Scheduled, Delayed),
            (Scheduled, Met),
            (Scheduled, NoShow),
            (Scheduled, Cancelled),
            (Delayed, Delayed),
            (Delayed, Met),
            (Delayed, NoShow),
            (Delayed, Cancelled),
            (Met, AtCentre),
            (NoShow, Scheduled),
            (Cancelled, Scheduled),
        ];
        for from in PickupStatus::all() {
            for to in PickupStatus::all() {
                assert_eq!(can_transition(from, to), allowed.contains(&(from, to)), "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn meeting_the_person_stamps_the_time_and_logs_the_change() {
        let mut p = pickup();
        p.apply(Delayed, at(5, 0)).unwrap();
        p.estimated = Some(at(7, 0));
        p.apply(Met, at(7, 20)).unwrap();
        assert_eq!(p.status, Met);
        assert_eq!(p.actual, Some(at(7, 20)));
        assert_eq!(p.changes, vec![(Delayed, at(5, 0)), (Met, at(7, 20))]);
    }

    #[test]
    fn arrival_at_the_centre_needs_a_case() {
        let mut p = pickup();
        p.apply(Met, at(6, 30)).unwrap();
        assert_eq!(p.apply(AtCentre, at(8, 0)), Err(PickupError::NoCase));
        p.case_id = Some(CaseId(Id([1; 16])));
        p.apply(AtCentre, at(8, 0)).unwrap();
        assert_eq!(p.apply(Met, at(9, 0)), Err(PickupError::Transition { from: AtCentre, to: Met }));
        assert_eq!(p.changes.len(), 2, "refused changes are not logged");
    }

    #[test]
    fn a_no_show_can_be_rebooked() {
        let mut p = pickup();
        p.apply(NoShow, at(8, 0)).unwrap();
        p.apply(Scheduled, at(9, 0)).unwrap();
        assert_eq!(p.status, Scheduled);
        assert_eq!(p.actual, None);
    }

    #[test]
    fn unmet_pickups_become_overdue_an_hour_after_landing() {
        let mut p = pickup();
        assert!(!p.is_overdue(at(7, 10)));
        assert!(p.is_overdue(at(7, 11)));
        p.apply(Delayed, at(6, 0)).unwrap();
        p.estimated = Some(at(9, 0));
        assert!(!p.is_overdue(at(7, 11)), "the estimate moves the deadline");
        assert!(p.is_overdue(at(10, 1)));
        p.apply(Met, at(10, 5)).unwrap();
        assert!(!p.is_overdue(at(12, 0)));
    }

    #[test]
    fn default_airports_are_the_moscow_ones() {
        let a = default_airports();
        let codes: Vec<_> = a.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(codes, ["SVO", "DME", "VKO", "ZIA"]);
        assert_eq!(a[0].terminals, ["B", "C", "D", "E", "F"]);
        assert!(a[1].terminals.is_empty());
        assert_eq!(a[2].terminals, ["A", "B", "D"]);
        assert!(a[3].terminals.is_empty());
    }
}
