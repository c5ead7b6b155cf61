//! The one generic form screen: any [`FormDef`] becomes a screen that edits,
//! validates, saves, asks before discarding, and keeps a draft.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::confirm::{Answer, Confirm};
use super::def::{FormDef, OnSave};
use super::field::FieldKind;
use super::input::{Input, KeyEffect};
use super::options::{self, PickOption};
use super::parse::{FieldError, parse, to_text};
use super::picker::{Picker, PickerEffect};
use super::value::Value;
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::keymap;
use crate::ui::theme;

/// One field's editing state beside its declaration.
#[derive(Debug)]
pub(super) struct FieldState {
    /// The editor.
    pub input: Input,
    /// The text when the form opened or was last saved (dirtiness).
    pub initial: String,
    /// The message shown under the field after a save attempt.
    pub error: Option<FieldError>,
    /// The options of a picked field.
    pub options: Vec<PickOption>,
}

/// A form on screen, editing a record of type `R`.
pub struct FormScreen<R> {
    pub(super) def: FormDef<R>,
    base: R,
    record_id: Option<[u8; 16]>,
    on_save: OnSave<R>,
    pub(super) fields: Vec<FieldState>,
    pub(super) focus: usize,
    pub(super) scroll: usize,
    pub(super) message: Option<String>,
    pub(super) picker: Option<Picker>,
    pub(super) confirm: Option<Confirm>,
    pub(super) cursor: Option<(u16, u16)>,
}

impl<R> std::fmt::Debug for FormScreen<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormScreen").field("form", &self.def.name).field("focus", &self.focus).finish_non_exhaustive()
    }
}

/// The placeholder key that shows what a typed kind accepts.
fn placeholder(kind: FieldKind) -> Option<&'static str> {
    Some(match kind {
        FieldKind::Date => "form-placeholder-date",
        FieldKind::Time => "form-placeholder-time",
        FieldKind::DateTime => "form-placeholder-datetime",
        FieldKind::Money => "form-placeholder-money",
        FieldKind::Phone => "form-placeholder-phone",
        FieldKind::Flight => "form-placeholder-flight",
        _ => return None,
    })
}

impl<R: Clone> FormScreen<R> {
    /// A form over `record` (`record_id` when it already exists); `on_save` runs on a valid save.
    pub fn new(def: FormDef<R>, record: R, record_id: Option<[u8; 16]>, on_save: OnSave<R>, ctx: &Ctx) -> Self {
        let lang = ctx.i18n.lang();
        let fields = def
            .fields
            .iter()
            .map(|spec| {
                let text = if spec.kind.is_secret() { String::new() } else { to_text(&(spec.load)(&record), lang) };
                let mut input = Input::new(spec.kind, &text);
                if let (Input::Text(area), Some(key)) = (&mut input, placeholder(spec.kind)) {
                    area.set_placeholder_text(ctx.t(key));
                    area.set_placeholder_style(theme::dim());
                }
                if let Input::Text(area) = &mut input
                    && spec.kind.is_multiline()
                {
                    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
                }
                FieldState { initial: input.text(), input, error: None, options: options::for_kind(spec.kind, ctx) }
            })
            .collect();
        let mut form = FormScreen {
            def,
            base: record,
            record_id,
            on_save,
            fields,
            focus: 0,
            scroll: 0,
            message: None,
            picker: None,
            confirm: None,
            cursor: None,
        };
        if form.def.fields.first().is_some_and(|f| f.read_only) {
            form.move_focus(1);
        }
        form
    }

    /// The same form with a draft's texts filled back in.
    pub fn with_draft(mut self, draft: &Draft) -> Self {
        self.restore(draft);
        self
    }

    /// Refills the fields from a draft (unknown names, passphrases and read-only fields are skipped).
    pub fn restore(&mut self, draft: &Draft) {
        for (name, text) in &draft.fields {
            if let Some(i) = self.def.index_of(name)
                && self.def.fields.get(i).is_some_and(|f| !f.kind.is_secret())
            {
                self.fill(i, text);
            }
        }
    }

    /// Puts `text` into field `i` as if typed, unless the field is read-only.
    fn fill(&mut self, i: usize, text: &str) {
        let (Some(spec), Some(state)) = (self.def.fields.get(i), self.fields.get_mut(i)) else { return };
        if spec.read_only {
            return;
        }
        let placeholder = state.input.area().map(|a| (a.placeholder_text().to_string(), a.wrap_mode()));
        state.input = Input::new(spec.kind, text);
        if let (Input::Text(area), Some((text, wrap))) = (&mut state.input, placeholder) {
            area.set_placeholder_text(text);
            area.set_placeholder_style(theme::dim());
            area.set_wrap_mode(wrap);
        }
    }

    /// The form's stable name.
    pub fn name(&self) -> &'static str {
        self.def.name
    }

    /// Whether anything differs from what was loaded or last saved.
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.input.text() != f.initial)
    }

    /// The name of the focused field.
    pub fn focused(&self) -> &'static str {
        self.def.fields.get(self.focus).map_or("", |f| f.name)
    }

    /// The text of field `name` (keys for picked fields, `yes`/`no`).
    pub fn text(&self, name: &str) -> Option<String> {
        self.def.index_of(name).and_then(|i| self.fields.get(i)).map(|f| f.input.text())
    }

    /// Replaces the text of field `name`, as if typed (read-only fields stay).
    pub fn set_text(&mut self, name: &str, text: &str) {
        if let Some(i) = self.def.index_of(name) {
            self.fill(i, text);
        }
    }

    /// The message key shown under field `name`, if any.
    pub fn error(&self, name: &str) -> Option<&'static str> {
        self.def.index_of(name).and_then(|i| self.fields.get(i)).and_then(|f| f.error.as_ref()).map(|e| e.key)
    }

    /// The form's message line (a save that failed).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the save / discard / keep-editing question is open.
    pub fn asking(&self) -> bool {
        self.confirm.is_some()
    }

    /// Whether a picker is open.
    pub fn picking(&self) -> bool {
        self.picker.is_some()
    }

    fn editable(&self, i: usize) -> bool {
        self.def.fields.get(i).is_some_and(|f| !f.read_only)
    }

    /// Moves the focus by `delta` editable fields, wrapping round.
    fn move_focus(&mut self, delta: isize) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = (i as isize + delta).rem_euclid(n as isize) as usize;
            if self.editable(i) {
                self.focus = i;
                return;
            }
        }
    }

    /// Parses every field into a copy of the record; on failure marks the fields and focuses the first.
    fn validate(&mut self, ctx: &Ctx) -> Option<R> {
        let mut record = self.base.clone();
        for (spec, state) in self.def.fields.iter().zip(self.fields.iter_mut()) {
            state.error = None;
            if spec.read_only {
                continue;
            }
            let text = state.input.text();
            let parsed = if text.trim().is_empty() {
                if spec.required { Err(FieldError::new("form-error-required")) } else { Ok(Value::Empty) }
            } else {
                parse(spec.kind, &text, &state.options, ctx)
            };
            let stored = parsed.and_then(|v| (spec.store)(&mut record, v).map_err(FieldError::new));
            state.error = stored.err();
        }
        if self.fields.iter().all(|f| f.error.is_none())
            && let Some(check) = self.def.validate
        {
            for (name, key) in check(&record, ctx) {
                let target = self.def.index_of(name).and_then(|i| self.fields.get_mut(i));
                match target {
                    Some(state) if state.error.is_none() => state.error = Some(FieldError::new(key)),
                    Some(_) => {}
                    // A rule about the whole form goes to the message line.
                    None => self.message = Some(ctx.t(key)),
                }
            }
        }
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(first) => {
                self.focus = first;
                self.message.get_or_insert_with(|| ctx.t("form-error-summary"));
                None
            }
            None if self.message.is_some() => None,
            None => Some(record),
        }
    }

    /// Validates, then hands the record to the form's save.
    pub fn save(&mut self, ctx: &mut Ctx) -> Outcome {
        self.picker = None;
        self.confirm = None;
        self.message = None;
        let Some(record) = self.validate(ctx) else { return Outcome::None };
        match (self.on_save)(&record, ctx) {
            Ok(outcome) => {
                for f in &mut self.fields {
                    f.initial = f.input.text();
                }
                outcome
            }
            Err(message) => {
                self.message = Some(message);
                Outcome::None
            }
        }
    }

    fn leave(&mut self) -> Outcome {
        if self.is_dirty() {
            self.confirm = Some(Confirm::default());
            Outcome::None
        } else {
            Outcome::Pop
        }
    }

    fn answer(&mut self, answer: Answer, ctx: &mut Ctx) -> Outcome {
        self.confirm = None;
        match answer {
            Answer::Save => self.save(ctx),
            Answer::Discard => Outcome::Pop,
            Answer::Keep => Outcome::None,
        }
    }

    fn open_picker(&mut self, first: Option<char>) {
        let Some((spec, state)) = self.def.fields.get(self.focus).zip(self.fields.get(self.focus)) else { return };
        let current = match &state.input {
            Input::Pick(keys) => keys.clone(),
            _ => return,
        };
        let multi = matches!(spec.kind, FieldKind::MultiChoice(_));
        self.picker = Some(Picker::open(self.focus, multi, &state.options, current, first));
    }

    fn picked(&mut self, effect: PickerEffect) {
        match effect {
            PickerEffect::Stay => return,
            PickerEffect::Cancel => {}
            PickerEffect::Done(keys) => {
                if let Some(state) = self.picker.as_ref().and_then(|p| self.fields.get_mut(p.field)) {
                    state.input = Input::Pick(keys);
                    state.error = None;
                }
            }
        }
        self.picker = None;
    }

    /// A key for the focused field.
    fn field_key(&mut self, key: &KeyEvent) -> Outcome {
        let Some(kind) = self.def.fields.get(self.focus).map(|f| f.kind) else { return Outcome::Ignored };
        let effect = if self.editable(self.focus) {
            let Some(state) = self.fields.get_mut(self.focus) else { return Outcome::Ignored };
            let before = state.input.text();
            let effect = state.input.key(kind, key);
            if state.input.text() != before {
                state.error = None;
            }
            effect
        } else {
            match key.code {
                KeyCode::Up => KeyEffect::Prev,
                KeyCode::Down | KeyCode::Enter => KeyEffect::Next,
                _ => KeyEffect::Ignored,
            }
        };
        match effect {
            KeyEffect::Used => {}
            KeyEffect::Ignored => return Outcome::Ignored,
            KeyEffect::Next => self.move_focus(1),
            KeyEffect::Prev => self.move_focus(-1),
            KeyEffect::OpenPicker(first) => self.open_picker(first),
        }
        Outcome::None
    }

    fn picker_action(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let Some(picker) = self.picker.as_mut() else { return Outcome::Ignored };
        let options = self.fields.get(picker.field).map(|f| f.options.as_slice()).unwrap_or_default();
        match action {
            Action::Confirm | Action::Open => {
                let effect = picker.confirm(options);
                self.picked(effect);
            }
            Action::Back | Action::Close | Action::ConfirmDiscard | Action::Cancel => {
                let effect = picker.close();
                self.picked(effect);
            }
            Action::NextField | Action::PrevField => {
                let effect = picker.close();
                self.picked(effect);
                self.move_focus(if action == Action::NextField { 1 } else { -1 });
            }
            Action::Save => {
                let effect = picker.close();
                self.picked(effect);
                return self.save(ctx);
            }
            Action::Up => _ = picker.move_by(KeyCode::Up),
            Action::Down => _ = picker.move_by(KeyCode::Down),
            Action::PageUp => _ = picker.move_by(KeyCode::PageUp),
            Action::PageDown => _ = picker.move_by(KeyCode::PageDown),
            Action::Home => _ = picker.move_by(KeyCode::Home),
            Action::End => _ = picker.move_by(KeyCode::End),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn confirm_action(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let Some(confirm) = self.confirm.as_mut() else { return Outcome::Ignored };
        match action {
            Action::Confirm | Action::Open => {
                let answer = confirm.highlighted();
                self.answer(answer, ctx)
            }
            Action::Save => self.answer(Answer::Save, ctx),
            Action::Back | Action::Close | Action::ConfirmDiscard | Action::Cancel => self.answer(Answer::Keep, ctx),
            Action::Left | Action::Up | Action::PrevField => {
                confirm.step(false);
                Outcome::None
            }
            Action::Right | Action::Down | Action::NextField => {
                confirm.step(true);
                Outcome::None
            }
            _ => Outcome::Ignored,
        }
    }
}

/// The key event an action stands for inside a field (Enter, arrows, Home, End).
fn action_key(action: Action) -> Option<KeyEvent> {
    let code = match action {
        Action::Confirm | Action::Open => KeyCode::Enter,
        Action::Up => KeyCode::Up,
        Action::Down => KeyCode::Down,
        Action::Left => KeyCode::Left,
        Action::Right => KeyCode::Right,
        Action::Home => KeyCode::Home,
        Action::End => KeyCode::End,
        _ => return None,
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

impl<R: Clone + 'static> Screen for FormScreen<R> {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Form
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t(self.def.title)
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if self.confirm.is_some() {
            return self.confirm_action(action, ctx);
        }
        if self.picker.is_some() {
            return self.picker_action(action, ctx);
        }
        match action {
            Action::NextField => self.move_focus(1),
            Action::PrevField => self.move_focus(-1),
            Action::Save => return self.save(ctx),
            Action::Back | Action::Close | Action::ConfirmDiscard | Action::Cancel => return self.leave(),
            other => match action_key(other) {
                Some(key) => return self.field_key(&key),
                None => return Outcome::Ignored,
            },
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
        }
        if let Some(confirm) = self.confirm.as_mut() {
            return match confirm.key(&key) {
                Some(answer) => self.answer(answer, ctx),
                None => Outcome::None,
            };
        }
        if let Some(picker) = self.picker.as_mut() {
            let options = self.fields.get(picker.field).map(|f| f.options.as_slice()).unwrap_or_default();
            let effect = picker.key(&key, options);
            self.picked(effect);
            return Outcome::None;
        }
        self.field_key(&key)
    }

    fn text_focused(&self) -> bool {
        self.confirm.is_some() || self.picker.is_some() || self.editable(self.focus)
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::FormDirty => self.is_dirty(),
            Condition::FormClean => !self.is_dirty(),
            Condition::TextFocused => self.text_focused(),
            Condition::TextNotFocused => !self.text_focused(),
            Condition::ListEmpty | Condition::ListNotEmpty => false,
        }
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        if self.picker.is_some() {
            vec![Action::Confirm, Action::Close]
        } else if self.confirm.is_some() {
            Vec::new()
        } else {
            vec![Action::Save, Action::NextField, Action::Back]
        }
    }

    fn draft(&self) -> Option<Draft> {
        if !self.is_dirty() {
            return None;
        }
        let fields = self
            .def
            .fields
            .iter()
            .zip(&self.fields)
            .filter(|(spec, _)| !spec.kind.is_secret())
            .map(|(spec, state)| (spec.name.to_string(), state.input.text()))
            .collect();
        Some(Draft { form: self.def.name.to_string(), record: self.record_id, fields })
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.cursor
    }
}
