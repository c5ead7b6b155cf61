//! Which form a kept draft belongs to: one variant per form (and the night
//! roll-call, the one screen that keeps a draft), each with the name its
//! drafts are stored under. A declaration names its variant and reopening
//! a draft matches on it, so the two cannot drift apart; the names are
//! written here once, apart from the Rust names, because drafts already
//! kept on disk carry them (`forms/tests.rs` pins them).

/// What a kept draft belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString, strum::EnumIter)]
pub enum FormId {
    /// A user account (new or edited).
    #[strum(serialize = "user")]
    User,
    /// The centre created at first run (never kept: there is no centre yet).
    #[strum(serialize = "centre")]
    Centre,
    /// The engine's sample form (tests).
    #[strum(serialize = "sample")]
    Sample,
    /// An airport pickup.
    #[strum(serialize = "pickup")]
    Pickup,
    /// A person met at the gate without a pickup.
    #[strum(serialize = "walk_in")]
    WalkIn,
    /// The front part of a case.
    #[strum(serialize = "case_front")]
    CaseFront,
    /// A case's identity.
    #[strum(serialize = "case_identity")]
    CaseIdentity,
    /// An identity document of a case.
    #[strum(serialize = "case_document")]
    CaseDocument,
    /// A contact of a case.
    #[strum(serialize = "case_contact")]
    CaseContact,
    /// How the person was trafficked.
    #[strum(serialize = "case_trafficking")]
    CaseTrafficking,
    /// A service item.
    #[strum(serialize = "service")]
    Service,
    /// A referral.
    #[strum(serialize = "referral")]
    Referral,
    /// A consent.
    #[strum(serialize = "consent")]
    Consent,
    /// A journey.
    #[strum(serialize = "travel")]
    Travel,
    /// A note.
    #[strum(serialize = "note")]
    Note,
    /// An organisation of the directory.
    #[strum(serialize = "organisation")]
    Organisation,
    /// Closing a case.
    #[strum(serialize = "case_close")]
    CaseClose,
    /// Reopening a case.
    #[strum(serialize = "case_reopen")]
    CaseReopen,
    /// Giving a bed.
    #[strum(serialize = "stay_assign")]
    StayAssign,
    /// Moving a person to another bed.
    #[strum(serialize = "stay_transfer")]
    StayTransfer,
    /// Checking a person out.
    #[strum(serialize = "stay_checkout")]
    StayCheckout,
    /// Extending a stay.
    #[strum(serialize = "stay_extend")]
    StayExtend,
    /// Reserving a bed.
    #[strum(serialize = "stay_reserve")]
    StayReserve,
    /// A bed (new or edited).
    #[strum(serialize = "bed")]
    Bed,
    /// Taking a bed out of service.
    #[strum(serialize = "bed_out_of_service")]
    BedOutOfService,
    /// A room.
    #[strum(serialize = "room")]
    Room,
    /// The night roll-call walk (a screen, not a form).
    #[strum(serialize = "night_roll_call")]
    NightRollCall,
}

impl FormId {
    /// The name its drafts are stored under.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The form a draft stored under `name` belongs to (`None`: a name no
    /// form of this version has).
    pub fn of_draft(name: &str) -> Option<FormId> {
        name.parse().ok()
    }
}
