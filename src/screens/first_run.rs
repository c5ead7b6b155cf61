//! First run: started on a folder with no centre, the console offers to
//! create one (centre code, name, first manager and passphrase) and points
//! to `haven demo` for a look around.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::form_engine::FormScreen;
use crate::forms::centre::{self, NewCentre};
use crate::keymap;
use crate::store::{InitSpec, Store};
use crate::ui::theme;

/// The first-run screen: an introduction above the new-centre form.
pub struct FirstRun {
    form: FormScreen<NewCentre>,
}

impl FirstRun {
    /// A first-run screen creating the centre in the context's data folder.
    pub fn new(ctx: &Ctx) -> FirstRun {
        let dir: PathBuf = ctx.data_dir().to_path_buf();
        let on_save = Box::new(move |c: &NewCentre, ctx: &mut Ctx| {
            let spec = InitSpec {
                centre_code: c.code.trim().to_uppercase(),
                centre_name: c.name.trim().to_string(),
                admin: c.username.trim().to_string(),
                admin_name: c.display_name.trim().to_string(),
                kdf: crate::store::vault::kdf_for_new_vault(),
                demo: false,
            };
            let store = Store::create(&dir, &spec, c.passphrase.as_bytes()).map_err(|e| ctx.error_text(&e))?;
            ctx.set_store(store);
            Ok(Outcome::LoggedIn)
        });
        FirstRun { form: centre::screen(ctx, on_save) }
    }
}

impl Screen for FirstRun {
    fn table(&self) -> keymap::Screen {
        self.form.table()
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("first-run-title")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            // Nothing to go back to: leaving the form means quitting.
            Action::Back | Action::Close | Action::ConfirmDiscard if !self.form.is_dirty() => Outcome::Ignored,
            _ => self.form.update(action, ctx),
        }
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        self.form.key(key, ctx)
    }

    fn text_focused(&self) -> bool {
        self.form.text_focused()
    }

    fn condition(&self, c: Condition) -> bool {
        self.form.condition(c)
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let [intro, form] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
        let lines = vec![Line::raw(ctx.t("first-run-intro")), Line::styled(ctx.t("first-run-demo"), theme::dim())];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), intro);
        self.form.render(frame, form, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        self.form.hints()
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.form.cursor()
    }
}
