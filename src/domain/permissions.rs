//! Who may do what, declared once: every role × every action × every kind of
//! data. Deny by default: a combination not listed is refused. The console
//! hides what a role cannot do, the store refuses it anyway, and the README's
//! table is generated from [`matrix_markdown`] (a test keeps them equal).

use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

use super::user::Role;

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Act {
    /// Read records.
    View,
    /// Create records.
    Create,
    /// Change records.
    Edit,
    /// Show a legal name (audited).
    Reveal,
    /// Export data out of Haven.
    Export,
    /// Erase a closed case for good.
    Erase,
    /// Add, change and disable users.
    AdministerUsers,
    /// Set up rooms and beds.
    Rooms,
    /// Keep the directory of organisations.
    Organisations,
    /// Send a referral without a covering consent, with a written reason.
    OverrideConsent,
    /// Place someone in a wing the rule refuses, with a written reason.
    OverrideWingRule,
    /// Read the audit chain.
    ReviewAudit,
    /// Write an encrypted backup of the whole centre. Listed against case
    /// data because a backup carries every case file (sealed): reception and
    /// night staff, who may not see case files, do not carry them away either.
    Backup,
    /// Replace the centre with a backup, or start a new laptop from one: it
    /// undoes every change since the backup and brings back users disabled
    /// since, so only a manager (of the live centre too, when there is one).
    Restore,
    /// Write or read a sync bundle: every change this laptop holds, case
    /// files included (sealed), carried on a stick; as for backups.
    Bundle,
}

/// The kinds of data, by sensitivity (docs/ARCHITECTURE.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DataClass {
    /// Aliases, case codes, beds, pickups, services: what reception and night staff need.
    Front,
    /// The case file: names, documents, trafficking profile, referrals, consent, travel, notes.
    Case,
    /// Medical and psychological notes.
    Medical,
}

/// The matrix: for each role, the (action, class) pairs it may do.
fn grants(role: Role) -> &'static [(Act, DataClass)] {
    use Act::*;
    use DataClass::*;
    match role {
        Role::Reception | Role::Night => &[(View, Front), (Create, Front), (Edit, Front)],
        Role::CaseWorker => &[
            (View, Front),
            (Create, Front),
            (Edit, Front),
            (View, Case),
            (Create, Case),
            (Edit, Case),
            (Reveal, Case),
            (View, Medical),
            (Create, Medical),
            (Edit, Medical),
            (Organisations, Front),
            (Backup, Case),
            (Bundle, Case),
        ],
        Role::Manager => &[
            (View, Front),
            (Create, Front),
            (Edit, Front),
            (Export, Front),
            (Rooms, Front),
            (Organisations, Front),
            (AdministerUsers, Front),
            (ReviewAudit, Front),
            (OverrideWingRule, Front),
            (View, Case),
            (Create, Case),
            (Edit, Case),
            (Reveal, Case),
            (Export, Case),
            (Erase, Case),
            (OverrideConsent, Case),
            (Backup, Case),
            (Restore, Case),
            (Bundle, Case),
            (View, Medical),
            (Create, Medical),
            (Edit, Medical),
            (Erase, Medical),
        ],
    }
}

/// Whether `role` may do `act` on `class`. Anything not granted is denied.
/// The class of a service item's provider and note: medical for medical
/// care and psychological support (a clinic's name, what it treats), front
/// for the rest. Status and dates stay front data: the night shift plans
/// around them; special needs (an inhaler) are on the front part.
pub fn service_detail_class(kind: crate::domain::service::ServiceKind) -> DataClass {
    use crate::domain::service::ServiceKind;
    match kind {
        ServiceKind::MedicalCare | ServiceKind::PsychologicalSupport => DataClass::Medical,
        _ => DataClass::Front,
    }
}

pub fn allowed(role: Role, act: Act, class: DataClass) -> bool {
    grants(role).contains(&(act, class))
}

impl Act {
    /// Stable name.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl DataClass {
    /// Stable name.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Reception => "reception",
        Role::Night => "night",
        Role::CaseWorker => "case worker",
        Role::Manager => "manager",
    }
}

/// The whole matrix as a Markdown table (for the README).
pub fn matrix_markdown() -> String {
    let roles = [Role::Reception, Role::Night, Role::CaseWorker, Role::Manager];
    let mut out = String::from("| action | data |");
    for r in roles {
        out.push_str(&format!(" {} |", role_name(r)));
    }
    out.push_str("\n|---|---|");
    for _ in roles {
        out.push_str("---|");
    }
    out.push('\n');
    for act in Act::iter() {
        for class in DataClass::iter() {
            if !roles.iter().any(|r| allowed(*r, act, class)) {
                continue;
            }
            out.push_str(&format!("| {} | {} |", act.name(), class.name()));
            for r in roles {
                out.push_str(if allowed(r, act, class) { " yes |" } else { " — |" });
            }
            out.push('\n');
        }
    }
    // The fields of a service item whose class is not the item's own.
    let medical: Vec<&str> = crate::domain::service::ServiceKind::all()
        .filter(|k| service_detail_class(*k) == DataClass::Medical)
        .map(|k| k.key())
        .collect();
    out.push_str("\n| service item field | data | stored in |\n|---|---|---|\n");
    out.push_str(&format!(
        "| provider, note of {} | medical | its own record, under the case's key (`service_details`) |\n",
        medical.join(", ")
    ));
    out.push_str("| status, dates of every item; provider, note of the others | front | the item (`services`) |\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reception_and_night_see_only_front_data() {
        for role in [Role::Reception, Role::Night] {
            for act in Act::iter() {
                assert!(!allowed(role, act, DataClass::Case), "{role:?} {act:?}");
                assert!(!allowed(role, act, DataClass::Medical), "{role:?} {act:?}");
            }
            assert!(allowed(role, Act::View, DataClass::Front));
            assert!(!allowed(role, Act::Export, DataClass::Front));
            assert!(!allowed(role, Act::Rooms, DataClass::Front));
            for act in [Act::Backup, Act::Restore, Act::Bundle] {
                assert!(DataClass::iter().all(|c| !allowed(role, act, c)), "{role:?} {act:?}");
            }
        }
    }

    #[test]
    fn only_managers_erase_export_administer_and_override() {
        for act in [
            Act::Erase,
            Act::Export,
            Act::AdministerUsers,
            Act::OverrideConsent,
            Act::OverrideWingRule,
            Act::Rooms,
            Act::ReviewAudit,
            Act::Restore,
        ] {
            for role in [Role::Reception, Role::Night, Role::CaseWorker] {
                for class in DataClass::iter() {
                    assert!(!allowed(role, act, class), "{role:?} {act:?} {class:?}");
                }
            }
            assert!(DataClass::iter().any(|c| allowed(Role::Manager, act, c)), "{act:?}");
        }
    }

    #[test]
    fn the_case_key_and_the_matrix_agree() {
        for role in [Role::Reception, Role::Night, Role::CaseWorker, Role::Manager] {
            assert_eq!(allowed(role, Act::View, DataClass::Case), role.holds_case_key(), "{role:?}");
        }
    }
}
