//! A form that may create a case, with the question it may have to ask
//! first: "is this the person of case MSK-26-0012?" when a possible
//! duplicate exists. The form engine's save calls [`resolve_person`]; when
//! that finds candidates it leaves them in the shared [`Flow`], and the
//! [`FlowScreen`] around the form shows the question. The answer is kept and
//! the save runs again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::domain::case::CaseFront;
use crate::domain::duplicate::DuplicateReason;
use crate::domain::ids::{CaseId, PickupId};
use crate::form_engine::FormScreen;
use crate::keymap;
use crate::ops::arrivals::{NewCase, Person, possible_duplicates};
use crate::ui::sanitize::{inert, truncate_to_width};
use crate::ui::theme;

/// Where a saved pickup's id is left for the board, so its cursor can go there.
pub type Notify = Rc<Cell<Option<PickupId>>>;

/// The answer to the duplicate question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The person is the one of this case.
    Same(CaseId),
    /// A different person: create the new case.
    Different,
}

/// State shared between a form's save and the screen around it.
#[derive(Debug, Default)]
pub struct Flow {
    /// Cases that may be the person, while the question is open.
    pub question: Option<Vec<(CaseFront, DuplicateReason)>>,
    /// The answer, used by the next save.
    pub decision: Option<Decision>,
}

/// The flow of one open form.
pub type SharedFlow = Rc<RefCell<Flow>>;

/// Which case a save should use for a new person: the answer to the
/// question if it was asked, the new case if nobody resembles the person;
/// otherwise the question is left in `flow` and the save stops with a message.
pub fn resolve_person(flow: &SharedFlow, new: NewCase, ctx: &Ctx) -> Result<Person, String> {
    if let Some(decision) = flow.borrow_mut().decision.take() {
        return Ok(match decision {
            Decision::Same(id) => Person::Existing(id),
            Decision::Different => Person::New(Box::new(new)),
        });
    }
    let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
    let found = possible_duplicates(store, &new, ctx.today()).map_err(|e| ctx.error_text(&e))?;
    if found.is_empty() {
        return Ok(Person::New(Box::new(new)));
    }
    flow.borrow_mut().question = Some(found);
    Err(ctx.t("arrivals-duplicate-found"))
}

/// The answers offered, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Button {
    Same,
    Different,
    Back,
}

const BUTTONS: [Button; 3] = [Button::Same, Button::Different, Button::Back];

/// A form screen with the duplicate question on top when it is open.
pub struct FlowScreen<R> {
    form: FormScreen<R>,
    flow: SharedFlow,
    candidate: usize,
    button: usize,
}

impl<R: Clone + 'static> FlowScreen<R> {
    /// Wraps `form`, whose save shares `flow`.
    pub fn new(form: FormScreen<R>, flow: SharedFlow) -> Self {
        FlowScreen { form, flow, candidate: 0, button: 0 }
    }

    /// The same screen with a draft's texts filled back in.
    pub fn with_draft(mut self, draft: &Draft) -> Self {
        self.form.restore(draft);
        self
    }

    /// The form inside (tests read its fields and errors).
    pub fn form(&self) -> &FormScreen<R> {
        &self.form
    }

    /// Whether the duplicate question is open.
    pub fn asking(&self) -> bool {
        self.flow.borrow().question.is_some()
    }

    fn candidates(&self) -> usize {
        self.flow.borrow().question.as_ref().map_or(0, Vec::len)
    }

    fn answer(&mut self, button: Button, ctx: &mut Ctx) -> Outcome {
        let chosen = self.flow.borrow().question.as_ref().and_then(|q| q.get(self.candidate)).map(|(f, _)| f.id);
        let decision = match (button, chosen) {
            (Button::Same, Some(id)) => Decision::Same(id),
            (Button::Different, _) => Decision::Different,
            _ => {
                self.flow.borrow_mut().question = None;
                return Outcome::None;
            }
        };
        {
            let mut flow = self.flow.borrow_mut();
            flow.question = None;
            flow.decision = Some(decision);
        }
        let out = self.form.save(ctx);
        // A save that failed (the record changed meanwhile) asks again next time.
        self.flow.borrow_mut().decision = None;
        out
    }

    fn question_action(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::Up => self.candidate = self.candidate.saturating_sub(1),
            Action::Down => self.candidate = (self.candidate + 1).min(self.candidates().saturating_sub(1)),
            Action::Left | Action::PrevField => self.button = self.button.saturating_sub(1),
            Action::Right | Action::NextField => self.button = (self.button + 1).min(BUTTONS.len() - 1),
            Action::Confirm | Action::Open => {
                let b = BUTTONS.get(self.button).copied().unwrap_or(Button::Back);
                return self.answer(b, ctx);
            }
            Action::Back | Action::Close | Action::Cancel | Action::ConfirmDiscard => {
                return self.answer(Button::Back, ctx);
            }
            _ => {}
        }
        Outcome::None
    }

    fn question_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        // `s` / `n` also on a Russian layout, where those keys type ы / т.
        match crate::keymap::text_char(key) {
            Some('s' | 'S' | 'ы' | 'Ы') => return self.answer(Button::Same, ctx),
            Some('n' | 'N' | 'т' | 'Т') => return self.answer(Button::Different, ctx),
            _ => {}
        }
        match key.code {
            KeyCode::Up => self.question_action(Action::Up, ctx),
            KeyCode::Down => self.question_action(Action::Down, ctx),
            KeyCode::Left | KeyCode::BackTab => self.question_action(Action::Left, ctx),
            KeyCode::Right | KeyCode::Tab => self.question_action(Action::Right, ctx),
            KeyCode::Enter => self.question_action(Action::Confirm, ctx),
            KeyCode::Esc => self.question_action(Action::Back, ctx),
            _ => Outcome::None,
        }
    }

    fn draw_question(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let flow = self.flow.borrow();
        let Some(found) = flow.question.as_ref() else { return };
        let width = area.width.saturating_sub(4).min(76);
        let rows = u16::try_from(found.len()).unwrap_or(u16::MAX).min(area.height.saturating_sub(8));
        let height = (rows + 7).min(area.height);
        if width < 20 || height < 5 {
            return;
        }
        let popup =
            Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", ctx.t("arrivals-duplicate-title")))
            .border_style(theme::warning());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let w = usize::from(inner.width);
        let mut lines = vec![Line::raw(truncate_to_width(&ctx.t("arrivals-duplicate-question"), w)), Line::raw("")];
        let first = self.candidate.saturating_sub(usize::from(rows.max(1)) - 1);
        for (i, (front, reason)) in found.iter().enumerate().skip(first).take(usize::from(rows)) {
            let arrived = front.arrived_on.map(|d| ctx.i18n.format_date(d)).unwrap_or_else(|| "—".into());
            let text = format!(
                "{}  {}  {}  {}  {}",
                front.code,
                inert(&front.alias),
                ctx.t(&format!("case-status-{}", front.status.key())),
                arrived,
                ctx.t(&format!("arrivals-duplicate-{}", reason.key())),
            );
            let style = if i == self.candidate { theme::selected() } else { ratatui::style::Style::default() };
            lines.push(Line::styled(truncate_to_width(&text, w), style));
        }
        lines.push(Line::raw(""));
        let labels = [
            ("s", ctx.t("arrivals-duplicate-same")),
            ("n", ctx.t("arrivals-duplicate-different")),
            ("Esc", ctx.t("arrivals-duplicate-back")),
        ];
        lines.push(crate::ui::buttons::row(&labels, self.button));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

impl<R: Clone + 'static> Screen for FlowScreen<R> {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Form
    }

    fn title(&self, ctx: &Ctx) -> String {
        self.form.title(ctx)
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if self.asking() {
            return self.question_action(action, ctx);
        }
        let out = self.form.update(action, ctx);
        if self.asking() {
            self.candidate = 0;
            self.button = 0;
        }
        out
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
        }
        if self.asking() {
            return self.question_key(&key, ctx);
        }
        let out = self.form.key(key, ctx);
        if self.asking() {
            // A save from the leave-with-changes question may open this one.
            self.candidate = 0;
            self.button = 0;
        }
        out
    }

    fn text_focused(&self) -> bool {
        self.asking() || self.form.text_focused()
    }

    fn condition(&self, c: Condition) -> bool {
        self.form.condition(c)
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.form.render(frame, area, ctx);
        if self.asking() {
            self.draw_question(frame, area, ctx);
        }
    }

    fn hints(&self) -> Vec<Action> {
        if self.asking() { vec![Action::Confirm, Action::Back] } else { self.form.hints() }
    }

    fn draft(&self) -> Option<Draft> {
        self.form.draft()
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        if self.asking() { None } else { self.form.cursor() }
    }
}
