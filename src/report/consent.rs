//! What each person agreed to, as exports read it: the latest decision about
//! a purpose made by a day (a refusal wins over a consent of the same day).

use chrono::NaiveDate;

use crate::domain::consent::{Consent, ConsentPurpose};

fn latest(consents: &[Consent], purpose: ConsentPurpose, on: NaiveDate) -> Option<&Consent> {
    consents.iter().filter(|c| c.purpose == purpose && c.date <= on).max_by_key(|c| (c.date, !c.given))
}

/// Whether the latest decision about `purpose` by `on` is a consent still in force.
pub fn in_force(consents: &[Consent], purpose: ConsentPurpose, on: NaiveDate) -> bool {
    latest(consents, purpose, on).is_some_and(|c| c.in_force(on))
}

/// Whether the person refused `purpose`, or withdrew their consent, by `on`.
/// No decision at all is not a refusal.
pub fn refused(consents: &[Consent], purpose: ConsentPurpose, on: NaiveDate) -> bool {
    latest(consents, purpose, on).is_some_and(|c| !c.in_force(on))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CaseId, ConsentId, Id};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn c(n: u8, given: bool, date: NaiveDate, withdrawn: Option<NaiveDate>) -> Consent {
        Consent {
            id: ConsentId(Id([n; 16])),
            case_id: CaseId(Id([1; 16])),
            purpose: ConsentPurpose::AnonymisedStatistics,
            given,
            date,
            recorded_by: "w".into(),
            withdrawn_on: withdrawn,
        }
    }

    #[test]
    fn given_withdrawn_refused_and_absent() {
        let p = ConsentPurpose::AnonymisedStatistics;
        assert!(!in_force(&[], p, d(6, 1)) && !refused(&[], p, d(6, 1)));
        let given = [c(1, true, d(1, 1), None)];
        assert!(in_force(&given, p, d(6, 1)) && !refused(&given, p, d(6, 1)));
        assert!(!in_force(&given, ConsentPurpose::DataProcessing, d(6, 1)), "another purpose");
        let withdrawn = [c(1, true, d(1, 1), Some(d(3, 1)))];
        assert!(in_force(&withdrawn, p, d(2, 28)) && !in_force(&withdrawn, p, d(3, 1)));
        assert!(refused(&withdrawn, p, d(3, 1)));
        let changed = [c(1, true, d(1, 1), None), c(2, false, d(2, 1), None)];
        assert!(!in_force(&changed, p, d(6, 1)) && refused(&changed, p, d(6, 1)));
        let same_day = [c(1, true, d(1, 1), None), c(2, false, d(1, 1), None)];
        assert!(refused(&same_day, p, d(1, 1)), "on the same day a refusal wins");
    }
}
