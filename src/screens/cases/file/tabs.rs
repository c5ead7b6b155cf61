//! The tabs of the case file, which of them a role sees, and what a tab
//! draws: its lines and, among them, the rows the cursor can stop on.

use ratatui::text::Line;

use crate::app::context::Ctx;
use crate::ops::case_file::Readable;

/// A tab of the case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Tab {
    /// Identity, documents, contacts, trafficking profile, incoming referral.
    Profile,
    /// Stays in the centre's beds.
    Stay,
    /// The services checklist.
    Services,
    /// Referrals in and out.
    Referrals,
    /// Journeys home.
    Travel,
    /// Consent records.
    Consent,
    /// Notes, medical and psychological notes.
    Notes,
    /// Every version of every record.
    History,
}

impl Tab {
    /// Stable key (`profile`, …): the message `cases-tab-<key>`.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The tab's name in the user's language.
    pub fn label(self, ctx: &Ctx) -> String {
        ctx.t(&format!("cases-tab-{}", self.key()))
    }

    /// Whether the tab shows only case-part data (hidden from reception and night roles).
    pub fn needs_case_key(self) -> bool {
        matches!(self, Tab::Referrals | Tab::Travel | Tab::Consent | Tab::Notes)
    }

    /// The tabs a user who may read `readable` sees, in order.
    pub fn visible(readable: Readable) -> Vec<Tab> {
        <Tab as strum::IntoEnumIterator>::iter().filter(|t| readable.case || !t.needs_case_key()).collect()
    }
}

/// A row the cursor can stop on, and what Enter or a key does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The front part (alias, gender, age, languages…).
    Front,
    /// Names, date of birth, citizenship, origin.
    Identity,
    /// One identity document (index in the file).
    Document(usize),
    /// Adds a document.
    AddDocument,
    /// One contact (index in the file).
    Contact(usize),
    /// Adds a contact.
    AddContact,
    /// The trafficking profile.
    Trafficking,
    /// The referral that brought the person.
    Incoming,
    /// A stay (index in the file's stays).
    Stay(usize),
    /// A service of the checklist (index in the file's services).
    Service(usize),
    /// A referral (index).
    Referral(usize),
    /// A consent (index).
    Consent(usize),
    /// A journey (index).
    Travel(usize),
    /// A note (index).
    Note(usize),
    /// A medical or psychological note (index).
    Medical(usize),
    /// A version in the history (index).
    Version(usize),
    /// The passport zone entered at the gate, waiting to be applied or dismissed.
    GateZone,
}

/// What a tab draws: its lines, and the rows the cursor stops on.
#[derive(Debug, Default)]
pub struct TabView {
    /// Every line of the tab (a case has tens of them, not thousands).
    pub lines: Vec<Line<'static>>,
    /// Selectable rows: the line each starts on, and the item.
    pub items: Vec<(usize, Item)>,
}

impl TabView {
    /// Adds a line.
    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// Adds a line the cursor can stop on.
    pub fn item(&mut self, item: Item, line: Line<'static>) {
        self.items.push((self.lines.len(), item));
        self.lines.push(line);
    }

    /// Adds an empty line.
    pub fn gap(&mut self) {
        self.lines.push(Line::raw(""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_roles_see_only_the_tabs_they_can_read() {
        let front = Tab::visible(Readable { case: false, medical: false });
        assert_eq!(front, [Tab::Profile, Tab::Stay, Tab::Services, Tab::History]);
        let full = Tab::visible(Readable { case: true, medical: true });
        assert_eq!(full.len(), 8);
    }
}
