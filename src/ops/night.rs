//! The night roll-call: saving a walk (one record per night, updated by a
//! second walk the same night, never doubled), and the absentees the
//! dashboard shows until they are resolved.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, NightCheckId};
use crate::domain::night::{BedMark, NightCheck, NightMark, unresolved_absentees};
use crate::domain::rooms::Bed;
use crate::domain::stay::Stay;
use crate::store::record::live;
use crate::store::{AuditAction, AuditEntry, Result, Store, new_id};

/// Index of the roll-call per night (`YYYY-MM-DD` → check id).
const NIGHT_CHECK: &str = "night_check";

fn night_key(night: NaiveDate) -> Vec<u8> {
    night.format("%Y-%m-%d").to_string().into_bytes()
}

/// The roll-call saved for `night`, if any (the earliest, should a copy from
/// another laptop have arrived through sync).
pub fn roll_call_of(store: &Store, night: NaiveDate) -> Result<Option<NightCheck>> {
    let mut all: Vec<NightCheck> = live(store.scan::<NightCheck>()?).into_iter().filter(|c| c.night == night).collect();
    all.sort_by_key(|c| c.started_at);
    Ok(all.into_iter().next())
}

/// One walk, as the roll-call screen hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// The night walked.
    pub night: NaiveDate,
    /// When this walk started.
    pub started_at: NaiveDateTime,
    /// When it was finished (saved).
    pub finished_at: NaiveDateTime,
    /// The marks it set (new or changed).
    pub marks: Vec<BedMark>,
    /// Beds whose earlier mark this walk took back.
    pub cleared: Vec<BedId>,
}

/// Saves a walk: the night's roll-call is created, or updated mark by mark
/// when one exists (a second desk walking the other floor adds to it, a
/// re-run changes marks). Never a second record for the same night.
pub fn save_roll_call(store: &Store, walk: &Walk) -> Result<NightCheck> {
    let earlier = roll_call_of(store, walk.night)?;
    let fresh_id = new_id::<NightCheckId>()?;
    let user = store.session()?.username.clone();
    let absent = walk.marks.iter().filter(|m| m.mark == NightMark::Absent).count();
    let unknown = walk.marks.iter().filter(|m| m.mark == NightMark::UnknownPerson).count();
    let args = [
        ("night", walk.night.format("%Y-%m-%d").to_string()),
        ("marks", walk.marks.len().to_string()),
        ("absent", absent.to_string()),
        ("unknown", unknown.to_string()),
    ];
    let action = if earlier.is_some() { AuditAction::Update } else { AuditAction::Create };
    let entry = AuditEntry::new(action, "night_check").said("roll-call", &args);
    store.commit(entry, |tx| {
        let by_index = match tx.index_get(NIGHT_CHECK, &night_key(walk.night))? {
            Some(raw) => match <[u8; 16]>::try_from(raw.as_slice()) {
                Ok(id) => tx.get::<NightCheck>(&id)?.filter(|c| !c.is_deleted()).map(|c| c.body),
                Err(_) => None,
            },
            None => None,
        };
        let current = match (by_index, &earlier) {
            (Some(c), _) => Some(c),
            (None, Some(e)) => tx.get::<NightCheck>(e.id.as_bytes())?.filter(|c| !c.is_deleted()).map(|c| c.body),
            (None, None) => None,
        };
        let mut check = current.unwrap_or_else(|| NightCheck {
            id: fresh_id,
            night: walk.night,
            started_at: walk.started_at,
            finished_at: None,
            by: user.clone(),
            marks: Vec::new(),
        });
        check.started_at = check.started_at.min(walk.started_at);
        check.finished_at = Some(walk.finished_at);
        check.by = user.clone();
        check.marks.retain(|m| !walk.cleared.contains(&m.bed_id));
        for m in &walk.marks {
            check.set_mark(m.bed_id, m.case_id, m.mark);
        }
        tx.index_set(NIGHT_CHECK, &night_key(walk.night), Some(check.id.as_bytes()))?;
        Ok(tx.put(check)?.body)
    })
}

/// One person marked absent at the last roll-call and not yet back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absentee {
    /// The bed label.
    pub bed: String,
    /// The case code.
    pub code: String,
    /// The alias.
    pub alias: String,
}

/// The absentees of the last finished roll-call still unresolved (still
/// holding a bed, not marked back by a re-run), with that night.
pub fn absentees(store: &Store) -> Result<Option<(NaiveDate, Vec<Absentee>)>> {
    let checks = live(store.scan::<NightCheck>()?);
    if checks.is_empty() {
        return Ok(None);
    }
    let open: Vec<Stay> = store.digest::<Stay>()?.into_iter().filter(Stay::is_open).collect();
    let Some((last, marks)) = unresolved_absentees(&checks, &open) else { return Ok(None) };
    let beds = live(store.scan::<Bed>()?);
    let mut out = Vec::new();
    for m in marks {
        let front = match m.case_id {
            Some(c) => store.get::<CaseFront>(c.as_bytes())?.map(|f| f.body),
            None => None,
        };
        out.push(Absentee {
            bed: beds.iter().find(|b| b.id == m.bed_id).map(|b| b.label.clone()).unwrap_or_default(),
            code: front.as_ref().map(|f| f.code.to_string()).unwrap_or_default(),
            alias: front.map(|f| f.alias).unwrap_or_default(),
        });
    }
    Ok(Some((last.night, out)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::Gender;
    use crate::domain::rooms::Wing;
    use crate::ops::beds::tests::fixture::*;
    use crate::ops::beds::{Placement, assign, check_out};

    fn at(h: u32) -> NaiveDateTime {
        today().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn running_the_roll_call_again_the_same_night_updates_it_and_never_doubles_it() {
        let (_d, store) = store();
        let (_, beds) = room(&store, "201", Wing::Women, 2);
        let ayla = case(&store, "Ayla", Gender::Feminine, Some(24));
        let bea = case(&store, "Bea", Gender::Feminine, Some(31));
        assign(&store, &Placement { from: today(), ..place(ayla, beds[0].id) }, today()).unwrap();
        assign(&store, &Placement { from: today(), ..place(bea, beds[1].id) }, today()).unwrap();
        let first = Walk {
            night: today(),
            started_at: at(23),
            finished_at: at(23),
            marks: vec![
                BedMark { bed_id: beds[0].id, case_id: Some(ayla), mark: NightMark::Present },
                BedMark { bed_id: beds[1].id, case_id: Some(bea), mark: NightMark::Absent },
            ],
            cleared: vec![],
        };
        let saved = save_roll_call(&store, &first).unwrap();
        let (night, away) = absentees(&store).unwrap().unwrap();
        assert_eq!(night, today());
        assert_eq!(away.iter().map(|a| a.alias.as_str()).collect::<Vec<_>>(), ["Bea"]);
        assert_eq!(away[0].bed, "201B");

        // Bea comes back at two: the desk re-runs the roll-call for her bed.
        let again = Walk {
            started_at: at(2) + chrono::Duration::days(1),
            finished_at: at(2) + chrono::Duration::days(1),
            marks: vec![BedMark { bed_id: beds[1].id, case_id: Some(bea), mark: NightMark::Present }],
            ..first.clone()
        };
        let updated = save_roll_call(&store, &again).unwrap();
        assert_eq!(updated.id, saved.id);
        assert_eq!(updated.marks.len(), 2, "marks updated, never doubled");
        assert_eq!(updated.started_at, at(23), "the first walk's start is kept");
        assert_eq!(live(store.scan::<NightCheck>().unwrap()).len(), 1);
        assert!(absentees(&store).unwrap().unwrap().1.is_empty());

        // Taking a mark back removes it from the saved roll-call.
        let undo = Walk { marks: vec![], cleared: vec![beds[0].id], ..again };
        assert_eq!(save_roll_call(&store, &undo).unwrap().marks.len(), 1);
    }

    #[test]
    fn an_absentee_who_is_checked_out_leaves_the_dashboard() {
        let (_d, store) = store();
        let (_, beds) = room(&store, "104", Wing::Men, 1);
        let tom = case(&store, "Tom", Gender::Masculine, Some(40));
        assign(&store, &place(tom, beds[0].id), today()).unwrap();
        let walk = Walk {
            night: today(),
            started_at: at(23),
            finished_at: at(23),
            marks: vec![BedMark { bed_id: beds[0].id, case_id: Some(tom), mark: NightMark::Absent }],
            cleared: vec![],
        };
        save_roll_call(&store, &walk).unwrap();
        assert_eq!(absentees(&store).unwrap().unwrap().1.len(), 1);
        check_out(&store, tom, today(), crate::domain::stay::StayEndReason::LeftWithoutNotice, today()).unwrap();
        assert!(absentees(&store).unwrap().unwrap().1.is_empty());
    }
}
