//! The one generic form screen: any [`FormDef`] becomes a screen that edits,
//! validates, saves, asks before discarding, and keeps a draft. Keys and
//! actions are in `dispatch`, drawing in `view`.

use super::confirm::Confirm;
use super::def::{FormDef, OnSave};
use super::field::FieldKind;
use super::input::Input;
use super::options::{self, PickOption};
use super::parse::{FieldError, parse, to_text};
use super::picker::Picker;
use super::value::Value;
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
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
    pub(super) record_id: Option<[u8; 16]>,
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
        f.debug_struct("FormScreen").field("form", &self.def.id).field("focus", &self.focus).finish_non_exhaustive()
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
                && self.def.fields.get(i).is_some_and(|f| !f.kind.is_secret() && !f.not_drafted)
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

    /// Which form this is.
    pub fn id(&self) -> super::FormId {
        self.def.id
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

    pub(super) fn editable(&self, i: usize) -> bool {
        self.def.fields.get(i).is_some_and(|f| !f.read_only)
    }

    /// Moves the focus by `delta` editable fields, wrapping round.
    pub(super) fn move_focus(&mut self, delta: isize) {
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
}
