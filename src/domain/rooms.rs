//! Rooms, beds, and who may sleep in which wing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{BedId, RoomId};
use super::person::{AgeGroup, Gender, MAJORITY_AGE};

/// The wing a room belongs to; decides who may sleep there.
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
pub enum Wing {
    /// Women (feminine and transgender feminine).
    Women,
    /// Men (masculine and transgender masculine).
    Men,
    /// Families, including children with their parents.
    Family,
    /// Unaccompanied minors only.
    Minors,
    /// Adults of any gender.
    Any,
}

keyed!(Wing);

/// A room of the centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    /// Record id.
    pub id: RoomId,
    /// Name or number on the door.
    pub name: String,
    /// Floor (0 = ground, negative = basement).
    pub floor: i16,
    /// Wing.
    pub wing: Wing,
    /// Step-free and fitted for a wheelchair.
    pub accessible: bool,
    /// No longer in use; kept for history.
    pub retired: bool,
}

/// Why a bed is temporarily unusable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutOfService {
    /// Reason (repair, infestation, …).
    pub reason: String,
    /// Last day out of service, if known.
    pub until: Option<NaiveDate>,
}

/// A bed in a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bed {
    /// Record id.
    pub id: BedId,
    /// The room.
    pub room_id: RoomId,
    /// Label on the bed (e.g. `12A`).
    pub label: String,
    /// Position in the night roll-call walk.
    pub walk_order: u32,
    /// Set while the bed cannot be used.
    pub out_of_service: Option<OutOfService>,
    /// No longer in use; kept for history.
    pub retired: bool,
}

impl Bed {
    /// True if the bed can take someone on `day`.
    pub fn usable_on(&self, day: NaiveDate) -> bool {
        if self.retired {
            return false;
        }
        match &self.out_of_service {
            None => true,
            Some(OutOfService { until: Some(until), .. }) => *until < day,
            Some(OutOfService { until: None, .. }) => false,
        }
    }
}

/// Why a person may not sleep in a wing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum WingRefusal {
    /// An adult (or someone 18+) in the minors' wing.
    #[error("adult in the minors' wing")]
    AdultInMinorsWing {
        /// Age, if known.
        age: Option<u32>,
    },
    /// Nobody knows whether the person is a minor; the minors' wing needs that.
    #[error("age unknown for the minors' wing")]
    AgeUnknownForMinorsWing,
    /// A minor outside the minors' or family wing.
    #[error("minor outside the minors' or family wing")]
    MinorOutsideMinorsWing {
        /// The wing asked for.
        wing: Wing,
        /// Age, if known.
        age: Option<u32>,
    },
    /// Gender does not fit the women's wing.
    #[error("gender does not fit the women's wing")]
    WomenWingGender(Gender),
    /// Gender does not fit the men's wing.
    #[error("gender does not fit the men's wing")]
    MenWingGender(Gender),
}

/// Checks whether a person may sleep in `wing`.
///
/// Rules: minors (under 18, by `age` if known else `age_group`) only in the
/// Minors or Family wing; the Minors wing takes only known minors; Women takes
/// Feminine and TransgenderFeminine; Men takes Masculine and
/// TransgenderMasculine; Family takes everyone; Any takes every adult.
pub fn wing_eligibility(wing: Wing, gender: Gender, age_group: AgeGroup, age: Option<u32>) -> Result<(), WingRefusal> {
    let group = age.map_or(age_group, |a| if a < MAJORITY_AGE { AgeGroup::Minor } else { AgeGroup::Adult });
    match (wing, group) {
        (Wing::Family, _) => return Ok(()),
        (Wing::Minors, AgeGroup::Minor) => return Ok(()),
        (Wing::Minors, AgeGroup::Adult) => return Err(WingRefusal::AdultInMinorsWing { age }),
        (Wing::Minors, AgeGroup::Unknown) => return Err(WingRefusal::AgeUnknownForMinorsWing),
        (_, AgeGroup::Minor) => return Err(WingRefusal::MinorOutsideMinorsWing { wing, age }),
        _ => {}
    }
    match wing {
        Wing::Women if !matches!(gender, Gender::Feminine | Gender::TransgenderFeminine) => {
            Err(WingRefusal::WomenWingGender(gender))
        }
        Wing::Men if !matches!(gender, Gender::Masculine | Gender::TransgenderMasculine) => {
            Err(WingRefusal::MenWingGender(gender))
        }
        _ => Ok(()),
    }
}

/// Compares room names so that `9` comes before `10` and `101` before `101a`.
pub fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let num = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u64>().ok();
    match (num(a), num(b)) {
        (Some(x), Some(y)) if x != y => x.cmp(&y),
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Id;

    fn feminine(g: Gender) -> bool {
        matches!(g, Gender::Feminine | Gender::TransgenderFeminine)
    }
    fn masculine(g: Gender) -> bool {
        matches!(g, Gender::Masculine | Gender::TransgenderMasculine)
    }

    #[test]
    fn every_wing_gender_and_age_combination() {
        let ages: [(AgeGroup, Option<u32>); 6] = [
            (AgeGroup::Minor, None),
            (AgeGroup::Minor, Some(15)),
            (AgeGroup::Adult, None),
            (AgeGroup::Adult, Some(30)),
            (AgeGroup::Unknown, None),
            (AgeGroup::Unknown, Some(17)),
        ];
        for wing in Wing::all() {
            for gender in Gender::all() {
                for (group, age) in ages {
                    let minor = age.map_or(group == AgeGroup::Minor, |a| a < 18);
                    let adult = age.map_or(group == AgeGroup::Adult, |a| a >= 18);
                    let want = match wing {
                        Wing::Family => Ok(()),
                        Wing::Minors if minor => Ok(()),
                        Wing::Minors if adult => Err(WingRefusal::AdultInMinorsWing { age }),
                        Wing::Minors => Err(WingRefusal::AgeUnknownForMinorsWing),
                        _ if minor => Err(WingRefusal::MinorOutsideMinorsWing { wing, age }),
                        Wing::Women if !feminine(gender) => Err(WingRefusal::WomenWingGender(gender)),
                        Wing::Men if !masculine(gender) => Err(WingRefusal::MenWingGender(gender)),
                        _ => Ok(()),
                    };
                    assert_eq!(
                        wing_eligibility(wing, gender, group, age),
                        want,
                        "{wing:?} {gender:?} {group:?} {age:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_known_age_overrides_the_stated_group() {
        assert_eq!(
            wing_eligibility(Wing::Women, Gender::Feminine, AgeGroup::Adult, Some(16)),
            Err(WingRefusal::MinorOutsideMinorsWing { wing: Wing::Women, age: Some(16) })
        );
        assert_eq!(
            wing_eligibility(Wing::Minors, Gender::Masculine, AgeGroup::Minor, Some(18)),
            Err(WingRefusal::AdultInMinorsWing { age: Some(18) })
        );
        assert_eq!(wing_eligibility(Wing::Minors, Gender::Masculine, AgeGroup::Adult, Some(17)), Ok(()));
    }

    #[test]
    fn typical_placements() {
        assert!(wing_eligibility(Wing::Women, Gender::TransgenderFeminine, AgeGroup::Adult, None).is_ok());
        assert!(wing_eligibility(Wing::Men, Gender::TransgenderMasculine, AgeGroup::Adult, None).is_ok());
        assert!(wing_eligibility(Wing::Any, Gender::NonConforming, AgeGroup::Unknown, None).is_ok());
        assert!(wing_eligibility(Wing::Family, Gender::Feminine, AgeGroup::Minor, Some(4)).is_ok());
        assert!(wing_eligibility(Wing::Women, Gender::NonSpecifiedUnknown, AgeGroup::Adult, None).is_err());
    }

    #[test]
    fn beds_out_of_service_or_retired_take_nobody() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
        let mut bed = Bed {
            id: BedId(Id([1; 16])),
            room_id: RoomId(Id([2; 16])),
            label: "1A".into(),
            walk_order: 1,
            out_of_service: None,
            retired: false,
        };
        assert!(bed.usable_on(day));
        bed.out_of_service = Some(OutOfService { reason: "repair".into(), until: Some(day) });
        assert!(!bed.usable_on(day));
        assert!(bed.usable_on(day.succ_opt().unwrap()));
        bed.out_of_service = Some(OutOfService { reason: "repair".into(), until: None });
        assert!(!bed.usable_on(day));
        bed.out_of_service = None;
        bed.retired = true;
        assert!(!bed.usable_on(day));
    }
}
