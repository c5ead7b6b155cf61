//! The screen contract: every screen turns actions into state changes and
//! draws its state. Only the app knows the stack.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::{Action, Condition};
use super::context::Ctx;
use crate::keymap;

/// What a screen asks the app to do after an update.
pub enum Outcome {
    /// Nothing more (the screen may still have changed: it is redrawn).
    None,
    /// The screen did not use the action; the app may.
    Ignored,
    /// Open a screen on top.
    Push(Box<dyn Screen>),
    /// Close this screen.
    Pop,
    /// Close this screen and open another in its place.
    Replace(Box<dyn Screen>),
    /// Close this screen and tell the one below something (status line).
    PopWith(String),
    /// Close this screen and open the file of `case` in its place; when the
    /// file cannot be opened, close it and say `or_else` (a form that has
    /// just created a case, without knowing the screens).
    OpenCase { case: crate::domain::ids::CaseId, or_else: String },
    /// Show a message in the status line.
    Status(String),
    /// Lock the console.
    Lock,
    /// A user has just logged in: show the dashboard (and any kept draft).
    LoggedIn,
    /// Quit.
    Quit,
}

/// A form in progress, kept as an encrypted draft on lock, signal or pause.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    /// Which form (a stable name such as `pickup`).
    pub form: String,
    /// The record being edited, when it exists already.
    pub record: Option<[u8; 16]>,
    /// Field name → text typed.
    pub fields: Vec<(String, String)>,
}

/// One screen of the console.
pub trait Screen {
    /// The keymap table this screen reads (after its own, `global`).
    fn table(&self) -> keymap::Screen;

    /// The title shown above the screen, in the user's language.
    fn title(&self, ctx: &Ctx) -> String;

    /// Reacts to an action resolved by the keymap.
    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome;

    /// Receives a key that no binding took, or that types text while a text
    /// field has the focus.
    fn key(&mut self, _key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        Outcome::Ignored
    }

    /// Receives pasted text while a text field has the focus: typed into
    /// it as text, never read as commands. Line breaks become spaces here;
    /// a screen with multi-line fields keeps them where they belong.
    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        let mut last = Outcome::None;
        for c in text.trim_end_matches(['\r', '\n']).chars() {
            let c = if c.is_control() { ' ' } else { c };
            last = self.key(KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c)), ctx);
        }
        last
    }

    /// Whether a text field has the focus (it gets text keys first).
    fn text_focused(&self) -> bool {
        false
    }

    /// The state a conditional binding asks about.
    fn condition(&self, _c: Condition) -> bool {
        false
    }

    /// Draws the screen into `area`. Only visible rows are built.
    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx);

    /// The grant of the permission matrix `action` needs on this screen
    /// (the console refuses it, and hints and help leave it out, for a role
    /// without it).
    fn grant(&self, action: Action) -> Option<super::grants::Grant> {
        super::grants::needs(self.table(), action)
    }

    /// The actions worth showing in the hint bar, most useful first.
    fn hints(&self) -> Vec<Action> {
        Vec::new()
    }

    /// Called about once a second and after saves: refresh data that may
    /// have changed. Returns whether a redraw is needed.
    fn refresh(&mut self, _ctx: &mut Ctx) -> bool {
        false
    }

    /// Whether an answer from a background thread (search hits) is due: the
    /// event loop then looks again within milliseconds instead of at its
    /// next quarter-second tick.
    fn waiting(&self) -> bool {
        false
    }

    /// The form in progress, if this screen holds one with unsaved changes.
    fn draft(&self) -> Option<Draft> {
        None
    }

    /// Where the terminal cursor should be (a focused text field), if anywhere.
    fn cursor(&self) -> Option<(u16, u16)> {
        None
    }
}

impl std::fmt::Debug for dyn Screen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Screen({})", self.table().name())
    }
}
