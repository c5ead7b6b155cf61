//! The screens a keymap has tables for, and which tables each one consults.

use strum::{EnumIter, EnumString, IntoStaticStr};

/// A keymap table: one per screen, plus the shared `global`, `form` and `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumString, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Screen {
    /// Keys that work everywhere unless a screen rebinds them.
    Global,
    /// The login and unlock screen.
    Login,
    /// The dashboard.
    Dashboard,
    /// Any open form (pickup, intake, stay, …).
    Form,
    /// Navigation shared by every list-like screen.
    List,
    /// The arrivals board.
    Arrivals,
    /// The bed board.
    Beds,
    /// The night roll-call.
    Night,
    /// The case list.
    Cases,
    /// One case file.
    CaseFile,
    /// Reports.
    Reports,
    /// The help screen.
    Help,
    /// Administration (users, rooms).
    Admin,
}

impl Screen {
    /// The table name in keymap files (`case_file`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The screen whose table is called `name`.
    pub fn from_name(name: &str) -> Option<Screen> {
        name.parse().ok()
    }

    /// Tables consulted for a key on this screen, most specific first.
    ///
    /// List-like screens share the `[list]` navigation so that it is declared
    /// once; everything ends in `[global]`.
    pub fn layers(self) -> &'static [Screen] {
        use Screen::*;
        match self {
            Global => &[Global],
            Login => &[Login, Global],
            Form => &[Form, Global],
            List => &[List, Global],
            Dashboard => &[Dashboard, List, Global],
            Arrivals => &[Arrivals, List, Global],
            Beds => &[Beds, List, Global],
            Night => &[Night, List, Global],
            Cases => &[Cases, List, Global],
            CaseFile => &[CaseFile, List, Global],
            Reports => &[Reports, List, Global],
            Help => &[Help, List, Global],
            Admin => &[Admin, List, Global],
        }
    }
}
