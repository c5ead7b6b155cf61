//! Which grant of the permission matrix (`domain::permissions`) an action
//! needs where it is pressed. The console refuses the action, and the hint
//! bar and help leave it out, when the logged-in role's row of the matrix
//! lacks that grant: this one declaration is read by all three, and the
//! matrix alone says which role holds what.

use super::action::Action;
use super::context::Ctx;
use crate::domain::permissions::{Act, DataClass};
use crate::keymap::Screen;

/// A grant of the matrix: an act on a class of data.
pub type Grant = (Act, DataClass);

/// The grant `action` needs on a screen reading keymap table `table`;
/// `None` when every role that reaches the screen may do it (the store
/// still refuses what the matrix does not grant).
pub fn needs(table: Screen, action: Action) -> Option<Grant> {
    use Action::*;
    match (table, action) {
        (_, RevealName) => Some((Act::Reveal, DataClass::Case)),
        (_, GoAudit) => Some((Act::ReviewAudit, DataClass::Front)),
        (_, RoomsSetup) => Some((Act::Rooms, DataClass::Front)),
        // The bed board and the rooms plan: beds and rooms themselves.
        (Screen::Beds, New | RoomNew | Delete | BedOutOfService) => Some((Act::Rooms, DataClass::Front)),
        // The case file: closing, reopening, journeys, documents and contacts
        // are the case part.
        (Screen::CaseFile, CaseClose | CaseReopen | TravelComplete | Delete) => Some((Act::Edit, DataClass::Case)),
        _ => None,
    }
}

/// The grant an action needs in the directory of organisations (it shares
/// the `admin` table with screens where the same keys mean other things).
pub fn in_directory(action: Action) -> Option<Grant> {
    match action {
        Action::New | Action::Edit | Action::Delete => Some((Act::Organisations, DataClass::Front)),
        other => needs(Screen::Admin, other),
    }
}

/// The grant an action needs in a case file, on the stay tab or another:
/// a new item is a case-part record everywhere but on the stay tab, where
/// it is a bed for the person.
pub fn in_case_file(action: Action, on_stay_tab: bool) -> Option<Grant> {
    match action {
        Action::New if !on_stay_tab => Some((Act::Create, DataClass::Case)),
        other => needs(Screen::CaseFile, other),
    }
}

/// Whether the logged-in role holds `grant` (no grant needed: yes).
pub fn holds(ctx: &Ctx, grant: Option<Grant>) -> bool {
    grant.is_none_or(|(act, class)| ctx.store().is_ok_and(|s| s.may(act, class)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::permissions::allowed;
    use crate::domain::user::Role;

    #[test]
    fn night_staff_hold_none_of_the_grants_the_reveal_rooms_and_delete_keys_need() {
        for (table, action) in [
            (Screen::Cases, Action::RevealName),
            (Screen::CaseFile, Action::RevealName),
            (Screen::Beds, Action::RoomsSetup),
            (Screen::Beds, Action::Delete),
            (Screen::Beds, Action::New),
            (Screen::Dashboard, Action::GoAudit),
        ] {
            let (act, class) = needs(table, action).unwrap();
            assert!(!allowed(Role::Night, act, class), "{table:?} {action:?}");
            assert!(allowed(Role::Manager, act, class), "{table:?} {action:?}");
        }
        assert!(allowed(Role::CaseWorker, Act::Reveal, DataClass::Case));
        assert_eq!(needs(Screen::Beds, Action::BedAssign), None);
        assert_eq!(in_case_file(Action::New, true), None);
        assert_eq!(in_directory(Action::Edit), Some((Act::Organisations, DataClass::Front)));
    }
}
