//! The sled trees of a centre, named once.

/// Every tree the store opens. A commit runs one sled transaction over all of
/// them, so a save is atomic whatever it touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum TreeId {
    /// Counters, sequence heads and clocks (sealed, audit class).
    Meta,
    /// Per-case keys, wrapped by the case class key.
    CaseKeys,
    /// Case, front part.
    CaseFront,
    /// Case, case part (per-case key).
    CasePrivate,
    /// Medical and psychological notes (per-case key).
    Medical,
    /// Dated notes (per-case key).
    Notes,
    /// Airport pickups.
    Pickups,
    /// Rooms.
    Rooms,
    /// Beds.
    Beds,
    /// Stays.
    Stays,
    /// Bed reservations.
    Reservations,
    /// Night roll-calls.
    NightChecks,
    /// Service checklist items.
    Services,
    /// Referrals (per-case key).
    Referrals,
    /// Organisation directory.
    Organisations,
    /// Travel (per-case key).
    Travel,
    /// Consent records (per-case key).
    Consents,
    /// Unique indexes maintained inside transactions (sealed, front class).
    Index,
    /// Every previous version of every record.
    History,
    /// The audit chain.
    Audit,
    /// This installation's change log.
    ChangeLog,
    /// Encrypted drafts of forms in progress.
    Drafts,
    /// Per-user information that is not secret (last login).
    Users,
    /// Anonymised traces of erased cases, for reports.
    Stats,
    /// Change-log entries of the other installations of the centre, as they
    /// travel (installation ‖ sequence → signed entry), kept to verify the
    /// chains and to relay them in sync bundles.
    Envelopes,
    /// Per-record merge state (dots, bases, values side by side), sealed
    /// under the record's own key.
    Merge,
    /// Sync state: this installation's signing key, the roster, heads,
    /// checkpoints, alarms and quarantine (sealed, audit class).
    Sync,
    /// The provider and note of medical and psychological service items
    /// (per-case key, medical class).
    ServiceDetails,
    /// Passport zones typed at the gate, sealed to the case class's public
    /// key inside a front-class record (`domain::gate_zone`).
    GateZones,
}

impl TreeId {
    /// All trees, in transaction order.
    pub const ALL: [TreeId; 29] = [
        TreeId::Meta,
        TreeId::CaseKeys,
        TreeId::CaseFront,
        TreeId::CasePrivate,
        TreeId::Medical,
        TreeId::Notes,
        TreeId::Pickups,
        TreeId::Rooms,
        TreeId::Beds,
        TreeId::Stays,
        TreeId::Reservations,
        TreeId::NightChecks,
        TreeId::Services,
        TreeId::Referrals,
        TreeId::Organisations,
        TreeId::Travel,
        TreeId::Consents,
        TreeId::Index,
        TreeId::History,
        TreeId::Audit,
        TreeId::ChangeLog,
        TreeId::Drafts,
        TreeId::Users,
        TreeId::Stats,
        TreeId::Envelopes,
        TreeId::Merge,
        TreeId::Sync,
        TreeId::ServiceDetails,
        TreeId::GateZones,
    ];

    /// The tree's name on disk; also bound into every value's AAD.
    pub const fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::CaseKeys => "case_keys",
            TreeId::CaseFront => "case_front",
            TreeId::CasePrivate => "case_private",
            TreeId::Medical => "medical",
            TreeId::Notes => "notes",
            TreeId::Pickups => "pickups",
            TreeId::Rooms => "rooms",
            TreeId::Beds => "beds",
            TreeId::Stays => "stays",
            TreeId::Reservations => "reservations",
            TreeId::NightChecks => "night_checks",
            TreeId::Services => "services",
            TreeId::Referrals => "referrals",
            TreeId::Organisations => "organisations",
            TreeId::Travel => "travel",
            TreeId::Consents => "consents",
            TreeId::Index => "index",
            TreeId::History => "history",
            TreeId::Audit => "audit",
            TreeId::ChangeLog => "changelog",
            TreeId::Drafts => "drafts",
            TreeId::Users => "users",
            TreeId::Stats => "stats",
            TreeId::Envelopes => "envelopes",
            TreeId::Merge => "merge",
            TreeId::Sync => "sync",
            TreeId::ServiceDetails => "service_details",
            TreeId::GateZones => "gate_zones",
        }
    }

    /// Position in [`TreeId::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The tree with this name, if any.
    pub fn from_name(name: &str) -> Option<TreeId> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The plain (unencrypted) tree of failed login attempts, kept outside the
/// transaction set because it is written before anyone has a key.
pub const THROTTLE_TREE: &str = "throttle";

/// Key of a history entry: tree name ‖ 0 ‖ record key ‖ revision.
pub(crate) fn history_prefix(tree: TreeId, key: &[u8]) -> Vec<u8> {
    let mut p = Vec::with_capacity(tree.name().len() + 1 + key.len() + 8);
    p.extend_from_slice(tree.name().as_bytes());
    p.push(0);
    p.extend_from_slice(key);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_names_are_unique() {
        for (i, t) in TreeId::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(TreeId::from_name(t.name()), Some(*t));
        }
        let mut names: Vec<_> = TreeId::ALL.iter().map(|t| t.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), TreeId::ALL.len());
    }
}
