//! Why a change was refused: one variant per rule, each with its message
//! `rule-<key>` in `locales/*/` (the test in `ui/messages.rs` checks every
//! variant has one in every language). Code matches on the variant, never
//! on text.

use std::fmt;

use crate::domain::casefile::FileRule;

/// A rule that refused a change; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumCount)]
#[strum(serialize_all = "snake_case")]
pub enum Rule {
    /// The record changed since it was read (another save came first).
    StaleRevision,
    /// A passphrase below the minimum length.
    PassphraseShort,
    /// A database folder without its vault header.
    DatabaseWithoutVault,
    /// Disabling or demoting the last manager.
    LastManager,
    /// A backup of another centre.
    BackupOtherCentre,
    /// Erasing a case that is still open.
    EraseOpenCase,
    /// An import is already running.
    ImportRunning,
    /// A row of the import changed between the preview and the import.
    ImportRowChanged,
    /// A synced value that does not fit its record.
    SyncValueUnfit,
    /// A synced change under a key of the wrong shape.
    SyncWrongKey,
    /// A synced change sealed under the wrong class.
    SyncWrongClass,
    /// A synced change to a record kind this version does not know.
    SyncUnknownRecord,
    /// A synced change that cannot be read.
    SyncMalformed,
    /// A synced case key that differs from the one held.
    SyncCaseKeyDiffers,
    /// The session does not hold the roster key.
    SyncNoRosterKey,
    /// A device name that matches more than one laptop.
    SyncDeviceAmbiguous,
    /// Revoking this laptop itself.
    SyncRevokeSelf,
    /// A reintegration grant without its amount.
    ServiceGrantNeedsAmount,
    /// A reintegration grant of zero.
    ServiceGrantAmountZero,
    /// A negative amount.
    ServiceNegativeAmount,
    /// A service done without its date.
    ServiceDoneNeedsDate,
    /// A done date on a service that is not done.
    ServiceDoneDateWithoutDone,
    /// A planned service without its date.
    ServicePlannedNeedsDate,
    /// A service with no step after its status.
    ServiceNoNextStep,
    /// Marking done a service that is done.
    ServiceAlreadyDone,
    /// A service with no status before its own.
    ServiceNoPreviousStep,
    /// A pickup status change its status does not allow.
    PickupTransition,
    /// A pickup without its case where one is needed.
    PickupNoCase,
    /// A no-show or cancellation without its reason.
    PickupReasonNeeded,
    /// The board changed since it was shown: scan again before saving.
    ArrivalsNeedScan,
    /// A pickup with only its booking: no status change to undo.
    PickupNothingToUndo,
    /// Reception has corrected this pickup once; further back is for a manager or case worker.
    PickupCorrectionOnce,
    /// A referral to an organisation that is retired.
    OrganisationRetired,
    /// Changing a journey that is completed.
    TravelAlreadyCompleted,
    /// A rule of the case file.
    File(FileRule),
}

impl Rule {
    /// Every rule but those of the case file (`Rule::File`), for the
    /// message check and for reading a key back.
    pub const PLAIN: &[Rule] = &[
        Rule::StaleRevision,
        Rule::PassphraseShort,
        Rule::DatabaseWithoutVault,
        Rule::LastManager,
        Rule::BackupOtherCentre,
        Rule::EraseOpenCase,
        Rule::ImportRunning,
        Rule::ImportRowChanged,
        Rule::SyncValueUnfit,
        Rule::SyncWrongKey,
        Rule::SyncWrongClass,
        Rule::SyncUnknownRecord,
        Rule::SyncMalformed,
        Rule::SyncCaseKeyDiffers,
        Rule::SyncNoRosterKey,
        Rule::SyncDeviceAmbiguous,
        Rule::SyncRevokeSelf,
        Rule::ServiceGrantNeedsAmount,
        Rule::ServiceGrantAmountZero,
        Rule::ServiceNegativeAmount,
        Rule::ServiceDoneNeedsDate,
        Rule::ServiceDoneDateWithoutDone,
        Rule::ServicePlannedNeedsDate,
        Rule::ServiceNoNextStep,
        Rule::ServiceAlreadyDone,
        Rule::ServiceNoPreviousStep,
        Rule::PickupTransition,
        Rule::PickupNoCase,
        Rule::PickupReasonNeeded,
        Rule::ArrivalsNeedScan,
        Rule::PickupNothingToUndo,
        Rule::PickupCorrectionOnce,
        Rule::OrganisationRetired,
        Rule::TravelAlreadyCompleted,
    ];

    /// The stable key: the message is `rule-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Rule::File(f) => f.key(),
            other => other.into(),
        }
    }

    /// The Fluent message id of this refusal.
    pub fn message_id(self) -> String {
        format!("rule-{}", self.key())
    }
}

impl From<FileRule> for Rule {
    fn from(f: FileRule) -> Self {
        Rule::File(f)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use strum::EnumCount;

    use super::*;

    #[test]
    fn every_rule_but_the_case_file_ones_is_listed_once() {
        let kinds: std::collections::HashSet<_> = Rule::PLAIN.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), Rule::PLAIN.len());
        assert_eq!(Rule::PLAIN.len(), Rule::COUNT - 1, "a new variant belongs in Rule::PLAIN");
    }
}
