//! Every user-bindable action, declared once.
//!
//! Keymap validation, the help screen and the key-hint bar are all generated
//! from this one enum, so an action cannot exist in one place and be missing
//! in another. Internal messages (tick, resize, render, draft saving) are a
//! separate type in the app and can never be bound from a keymap file.

use strum::{EnumIter, EnumMessage, EnumString, IntoEnumIterator, IntoStaticStr};

/// A user-bindable action; its snake_case name is what keymap files use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumString, IntoStaticStr, EnumIter, EnumMessage,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    // Global.
    /// Open the help screen.
    #[strum(message = "Show help for this screen")]
    Help,
    /// Go to the arrivals board.
    #[strum(message = "Go to arrivals")]
    GoArrivals,
    /// Go to the bed board.
    #[strum(message = "Go to beds")]
    GoBeds,
    /// Go to the case list.
    #[strum(message = "Go to cases")]
    GoCases,
    /// Go to the night roll-call.
    #[strum(message = "Go to the night roll-call")]
    GoNight,
    /// Go to reports.
    #[strum(message = "Go to reports")]
    GoReports,
    /// Go to the dashboard.
    #[strum(message = "Go to the dashboard")]
    GoDashboard,
    /// Review the audit chain (managers).
    #[strum(message = "Review the audit trail")]
    GoAudit,
    /// Review the records two laptops changed at the same time (sync conflicts).
    #[strum(message = "Review sync conflicts")]
    GoConflicts,
    /// Quit the console.
    #[strum(message = "Quit")]
    Quit,
    /// Lock the screen now.
    #[strum(message = "Lock the screen")]
    Lock,
    /// Leave the current screen.
    #[strum(message = "Go back")]
    Back,
    /// Close the current form, dialog or popup.
    #[strum(message = "Close")]
    Close,
    /// Ask before throwing away unsaved changes.
    #[strum(message = "Close, asking before discarding changes")]
    ConfirmDiscard,
    /// Do nothing; in a keymap file it unbinds a key.
    #[strum(message = "Do nothing (unbinds a key)")]
    Noop,

    // Navigation.
    /// Move up.
    #[strum(message = "Move up")]
    Up,
    /// Move down.
    #[strum(message = "Move down")]
    Down,
    /// Move left.
    #[strum(message = "Move left")]
    Left,
    /// Move right.
    #[strum(message = "Move right")]
    Right,
    /// Move one page up.
    #[strum(message = "Page up")]
    PageUp,
    /// Move one page down.
    #[strum(message = "Page down")]
    PageDown,
    /// Go to the first item.
    #[strum(message = "First item")]
    Home,
    /// Go to the last item.
    #[strum(message = "Last item")]
    End,
    /// Focus the next field.
    #[strum(message = "Next field")]
    NextField,
    /// Focus the previous field.
    #[strum(message = "Previous field")]
    PrevField,
    /// Open the selected item.
    #[strum(message = "Open the selected item")]
    Open,
    /// Confirm the current choice.
    #[strum(message = "Confirm")]
    Confirm,
    /// Save the form.
    #[strum(message = "Save")]
    Save,
    /// Search the list.
    #[strum(message = "Search")]
    Search,
    /// Cancel the current operation.
    #[strum(message = "Cancel")]
    Cancel,

    // Arrivals.
    /// Schedule a new pickup.
    #[strum(message = "New pickup")]
    PickupNew,
    /// Edit the selected pickup.
    #[strum(message = "Edit the pickup")]
    PickupEdit,
    /// Mark the person met at the airport.
    #[strum(message = "Mark met")]
    PickupMet,
    /// Mark the person as not arrived.
    #[strum(message = "Mark no-show")]
    PickupNoShow,
    /// Mark the flight delayed.
    #[strum(message = "Mark delayed")]
    PickupDelayed,
    /// Mark the pickup cancelled.
    #[strum(message = "Mark cancelled")]
    PickupCancelled,
    /// Mark the person arrived at the centre.
    #[strum(message = "Mark arrived at the centre")]
    PickupAtCentre,
    /// Undo the last status change of the pickup (a correction).
    #[strum(message = "Undo the last status change")]
    PickupUndo,
    /// Record an unexpected arrival.
    #[strum(message = "Walk-in arrival")]
    WalkIn,
    /// Open the linked case file.
    #[strum(message = "Open the case file")]
    OpenCase,
    /// Show today's arrivals.
    #[strum(message = "Today")]
    ViewToday,
    /// Show tomorrow's arrivals.
    #[strum(message = "Tomorrow")]
    ViewTomorrow,
    /// Show this week's arrivals.
    #[strum(message = "This week")]
    ViewWeek,
    /// Show every pickup not yet closed.
    #[strum(message = "All open pickups")]
    ViewOpen,

    // Beds.
    /// Assign a bed to a person.
    #[strum(message = "Assign a bed")]
    BedAssign,
    /// Move a person to another bed.
    #[strum(message = "Transfer to another bed")]
    BedTransfer,
    /// End the stay in this bed.
    #[strum(message = "Check out")]
    BedCheckout,
    /// Hold a bed for an expected arrival.
    #[strum(message = "Reserve the bed")]
    BedReserve,
    /// Take the bed out of service.
    #[strum(message = "Out of service")]
    BedOutOfService,
    /// Filter beds by wing.
    #[strum(message = "Filter by wing")]
    FilterWing,
    /// Show only free beds.
    #[strum(message = "Only free beds")]
    FilterFree,
    /// Set up rooms and beds.
    #[strum(message = "Rooms and beds setup")]
    RoomsSetup,
    /// Add a room to the plan.
    #[strum(message = "New room")]
    RoomNew,

    // Night roll-call.
    /// Mark the person present.
    #[strum(message = "Present")]
    MarkPresent,
    /// Mark the person absent.
    #[strum(message = "Absent")]
    MarkAbsent,
    /// Mark the person on authorised leave.
    #[strum(message = "On leave")]
    MarkOnLeave,
    /// Mark the person in hospital.
    #[strum(message = "In hospital")]
    MarkHospital,
    /// Record an unknown person in a bed that should be empty.
    #[strum(message = "Unknown person in the bed")]
    MarkUnknownPerson,
    /// Undo the last mark.
    #[strum(message = "Undo the last mark")]
    UndoMark,
    /// Finish the roll-call.
    #[strum(message = "Finish")]
    Finish,

    // Cases.
    /// Show the legal name (audited).
    #[strum(message = "Reveal the name (audited)")]
    RevealName,
    /// Next tab of the case file.
    #[strum(message = "Next tab")]
    NextTab,
    /// Previous tab of the case file.
    #[strum(message = "Previous tab")]
    PrevTab,
    /// Move the service one status forward.
    #[strum(message = "Service: next status")]
    ServiceForward,
    /// Move the service one status back (undoes a step taken by mistake).
    #[strum(message = "Service: previous status")]
    ServiceBack,
    /// Mark the service done today.
    #[strum(message = "Service: done today")]
    ServiceDoneToday,
    /// Mark the service not applicable.
    #[strum(message = "Service: not applicable")]
    ServiceNotApplicable,
    /// Filter cases by status.
    #[strum(message = "Filter by status")]
    FilterStatus,
    /// Show only my cases.
    #[strum(message = "Only my cases")]
    FilterMine,
    /// Close the case.
    #[strum(message = "Close the case")]
    CaseClose,
    /// Reopen a closed case.
    #[strum(message = "Reopen the case")]
    CaseReopen,
    /// Open the directory of organisations.
    #[strum(message = "Directory of organisations")]
    Organisations,
    /// Mark the selected journey completed today.
    #[strum(message = "Journey completed today")]
    TravelComplete,
    /// Create a new record.
    #[strum(message = "New")]
    New,
    /// Edit the selected record.
    #[strum(message = "Edit")]
    Edit,
    /// Delete the selected record (soft delete with a reason).
    #[strum(message = "Delete")]
    Delete,

    // Reports.
    /// Export the report.
    #[strum(message = "Export")]
    Export,
    /// Next reporting period.
    #[strum(message = "Next period")]
    PeriodNext,
    /// Previous reporting period.
    #[strum(message = "Previous period")]
    PeriodPrev,
    /// Report a calendar month.
    #[strum(message = "Month")]
    PeriodMonth,
    /// Report a calendar quarter.
    #[strum(message = "Quarter")]
    PeriodQuarter,
    /// Report a calendar year.
    #[strum(message = "Year")]
    PeriodYear,
    /// Report any range of dates.
    #[strum(message = "Dates from … to")]
    PeriodRange,
}

impl Action {
    /// The stable snake_case name used in keymap files (`go_arrivals`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The action named `name` in a keymap file, if there is one.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    /// The English one-line description; translated text is `action-<name>`.
    pub fn description(self) -> &'static str {
        self.get_message().unwrap_or_else(|| self.name())
    }

    /// The Fluent message id of the translated description (`action-go_arrivals`).
    pub fn message_id(self) -> String {
        format!("action-{}", self.name())
    }

    /// Every action, in declaration order.
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter()
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A state a binding may depend on (`when = "form_dirty"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Condition {
    /// The open form has unsaved changes.
    FormDirty,
    /// The open form has no unsaved changes.
    FormClean,
    /// A text field has the focus.
    TextFocused,
    /// No text field has the focus.
    TextNotFocused,
    /// The list on screen has no rows.
    ListEmpty,
    /// The list on screen has at least one row.
    ListNotEmpty,
}

impl Condition {
    /// The snake_case name used in `when = "…"`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The condition named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Condition> {
        name.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = HashSet::new();
        for a in Action::all() {
            assert!(seen.insert(a.name()), "duplicate name {}", a.name());
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(a.get_message().is_some(), "{a} has no description");
            assert!(a.name().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        assert_eq!(Action::GoArrivals.name(), "go_arrivals");
        assert_eq!(Action::PickupNoShow.name(), "pickup_no_show");
        assert_eq!(Action::from_name("tick"), None);
        assert_eq!(Action::GoNight.message_id(), "action-go_night");
    }

    #[test]
    fn conditions_parse_by_name() {
        assert_eq!(Condition::from_name("form_dirty"), Some(Condition::FormDirty));
        assert_eq!(Condition::from_name("list_empty"), Some(Condition::ListEmpty));
        assert_eq!(Condition::from_name("dirty"), None);
    }
}
