//! How keys and actions move a form: typing into the focused field, Tab,
//! Enter, the picker and the leave-with-changes question, and the
//! [`Screen`] contract the console drives.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::confirm::{Answer, Confirm};
use super::field::FieldKind;
use super::input::{Input, KeyEffect};
use super::picker::{Picker, PickerEffect};
use super::screen::FormScreen;
use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome, Screen};
use crate::keymap;

impl<R: Clone> FormScreen<R> {
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

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.confirm.is_some() || self.picker.is_some() || !self.editable(self.focus) {
            return Outcome::None;
        }
        let Some(kind) = self.def.fields.get(self.focus).map(|f| f.kind) else { return Outcome::None };
        if let Some(state) = self.fields.get_mut(self.focus)
            && state.input.paste(kind, text)
        {
            state.error = None;
        }
        Outcome::None
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
            .filter(|(spec, _)| !spec.kind.is_secret() && !spec.not_drafted)
            .map(|(spec, state)| (spec.name.to_string(), state.input.text()))
            .collect();
        Some(Draft { form: self.def.id.key().to_string(), record: self.record_id, fields })
    }

    fn cursor(&self) -> Option<(u16, u16)> {
        self.cursor
    }
}
