//! The conflict screen: every record two laptops changed without seeing
//! each other's change, and for each field the values side by side with
//! the laptop, the user, the time and the common base they both replaced.
//! Enter keeps the selected value; `e` types a new one. Either closes the
//! conflict here and, once synced, on every laptop.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::case::CaseFront;
use crate::keymap::{self, text_char};
use crate::screens::fresh::Freshness;
use crate::store::merge::DELETED;
use crate::store::roster::short_id;
use crate::sync::conflicts::{self, FieldConflict};
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{inert, truncate_to_width};
use crate::ui::theme;

/// One record with a conflict.
struct Item {
    tree: String,
    key: Vec<u8>,
    label: String,
}

/// The conflict screen.
pub struct Conflicts {
    items: Vec<Item>,
    cursor: ListCursor,
    /// The record open, its conflicting fields, the field and value selected.
    open: Option<(usize, Vec<FieldConflict>, usize, usize)>,
    typing: Option<String>,
    message: Option<(String, bool)>,
    fresh: Freshness,
}

/// Opens the screen.
pub fn open(ctx: &Ctx) -> Option<Box<dyn Screen>> {
    Some(Box::new(Conflicts::new(ctx)))
}

fn label(ctx: &Ctx, tree: &str, key: &[u8]) -> String {
    let kind = ctx.t(&format!("sync-tree-{tree}"));
    let case = key.get(..16).and_then(|k| ctx.store().ok()?.get::<CaseFront>(k).ok().flatten());
    match case {
        Some(c) => format!("{kind} · {} {}", c.body.code, c.body.alias),
        None => format!("{kind} · {}", short_id(key.get(key.len().saturating_sub(16)..).unwrap_or(key))),
    }
}

/// A value for people: strings without quotes, a deletion as such.
fn show_value(ctx: &Ctx, field: &str, v: &serde_json::Value) -> String {
    if field == DELETED {
        return match v {
            serde_json::Value::Null => ctx.t("conflict-kept"),
            other => {
                let reason = other.get("reason").and_then(|r| r.as_str()).unwrap_or("");
                ctx.i18n.t_args("conflict-deleted", &[("reason", reason.to_string().into())])
            }
        };
    }
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "—".into(),
        other => other.to_string(),
    }
}

impl Conflicts {
    fn new(ctx: &Ctx) -> Conflicts {
        let mut s = Conflicts {
            items: Vec::new(),
            cursor: ListCursor::new(),
            open: None,
            typing: None,
            message: None,
            fresh: Freshness::on_save(),
        };
        s.reload(ctx);
        s
    }

    fn reload(&mut self, ctx: &Ctx) {
        self.fresh.loaded(ctx);
        self.items = match ctx.store() {
            Ok(store) => store
                .conflict_set()
                .unwrap_or_default()
                .into_iter()
                .map(|(tree, key)| Item { label: label(ctx, &tree, &key), tree, key })
                .collect(),
            Err(_) => Vec::new(),
        };
        self.cursor.set_len(self.items.len());
    }

    fn open_selected(&mut self, ctx: &Ctx) {
        let selected = self.cursor.selected();
        let Some(item) = self.items.get(selected) else { return };
        let Ok(store) = ctx.store() else { return };
        match conflicts::detail(store, &item.tree, &item.key) {
            Ok(fields) if !fields.is_empty() => self.open = Some((selected, fields, 0, 0)),
            Ok(_) => self.message = Some((ctx.t("conflict-none-left"), false)),
            Err(e) => self.message = Some((ctx.error_text(&e), true)),
        }
    }

    fn resolve(&mut self, ctx: &Ctx, value: serde_json::Value) {
        let Some((i, fields, f, _)) = &self.open else { return };
        let (Some(item), Some(field)) = (self.items.get(*i), fields.get(*f)) else { return };
        let Ok(store) = ctx.store() else { return };
        match conflicts::resolve(store, &item.tree, &item.key, &field.field, &value) {
            Ok(()) => {
                self.message = Some((ctx.t("conflict-resolved"), false));
                self.open = None;
                self.typing = None;
                self.reload(ctx);
            }
            Err(e) => self.message = Some((ctx.error_text(&e), true)),
        }
    }

    fn typed_value(&self, field: &FieldConflict, text: &str) -> Option<serde_json::Value> {
        let sample = field.values.first().map(|v| &v.value);
        match sample {
            Some(serde_json::Value::String(_)) | None => Some(serde_json::Value::String(text.to_string())),
            Some(_) => serde_json::from_str(text).ok(),
        }
    }
}

impl Screen for Conflicts {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Admin
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-conflicts")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        self.message = None;
        if let Some(text) = self.typing.clone() {
            match action {
                Action::Confirm | Action::Open | Action::Save => {
                    let field = self.open.as_ref().and_then(|(_, fs, f, _)| fs.get(*f).cloned());
                    match field.and_then(|f| self.typed_value(&f, &text)) {
                        Some(v) => self.resolve(ctx, v),
                        None => self.message = Some((ctx.t("conflict-value-unfit"), true)),
                    }
                }
                Action::Back | Action::Close | Action::Cancel => self.typing = None,
                _ => return Outcome::Ignored,
            }
            return Outcome::None;
        }
        if let Some((_, fields, f, v)) = &mut self.open {
            let nv = fields.get(*f).map(|x| x.values.len()).unwrap_or(0);
            match action {
                Action::Left => *v = v.saturating_sub(1),
                Action::Right => *v = (*v + 1).min(nv.saturating_sub(1)),
                Action::Up => {
                    *f = f.saturating_sub(1);
                    *v = 0;
                }
                Action::Down => {
                    *f = (*f + 1).min(fields.len().saturating_sub(1));
                    *v = 0;
                }
                Action::Open | Action::Confirm => {
                    let value = fields.get(*f).and_then(|x| x.values.get(*v)).map(|x| x.value.clone());
                    if let Some(value) = value {
                        self.resolve(ctx, value);
                    }
                }
                Action::Edit => {
                    if fields.get(*f).is_some_and(|x| x.field != DELETED) {
                        self.typing = Some(String::new());
                    }
                }
                Action::Back | Action::Close | Action::Cancel => self.open = None,
                _ => return Outcome::Ignored,
            }
            return Outcome::None;
        }
        match action {
            Action::Down => self.cursor.down(),
            Action::Up => self.cursor.up(),
            Action::Home => self.cursor.home(),
            Action::End => self.cursor.end(),
            Action::PageDown => self.cursor.page_down(),
            Action::PageUp => self.cursor.page_up(),
            Action::Open | Action::Confirm => self.open_selected(ctx),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        let Some(text) = self.typing.as_mut() else { return Outcome::Ignored };
        if let Some(c) = text_char(&key) {
            if text.chars().count() < 2000 {
                text.push(c);
            }
        } else if key.code == KeyCode::Backspace {
            text.pop();
        }
        Outcome::None
    }

    fn text_focused(&self) -> bool {
        self.typing.is_some()
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.open.is_none() && self.typing.is_none() && self.fresh.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let [body, foot] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let width = area.width as usize;
        match &self.open {
            None => {
                let visible = self.cursor.scroll_into_view(usize::from(body.height));
                let selected = self.cursor.selected();
                let lines: Vec<Line<'_>> = if self.items.is_empty() {
                    vec![Line::styled(ctx.t("conflict-none"), theme::ok())]
                } else {
                    self.items
                        .iter()
                        .enumerate()
                        .skip(visible.start)
                        .take(visible.len())
                        .map(|(i, it)| {
                            let text = truncate_to_width(&format!(" ! {}", inert(&it.label)), width);
                            if i == selected { Line::styled(text, theme::selected()) } else { Line::raw(text) }
                        })
                        .collect()
                };
                frame.render_widget(Paragraph::new(lines), body);
            }
            Some((i, fields, f, v)) => {
                let Some(field) = fields.get(*f) else { return };
                let label = self.items.get(*i).map(|x| x.label.clone()).unwrap_or_default();
                let name = if field.field == DELETED { ctx.t("conflict-field-deleted") } else { field.field.clone() };
                let [head, base, cols] =
                    Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Fill(1)]).areas(body);
                let title = ctx.i18n.t_args(
                    "conflict-field",
                    &[
                        ("field", inert(&name).into_owned().into()),
                        ("n", (*f as i64 + 1).into()),
                        ("of", (fields.len() as i64).into()),
                    ],
                );
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::styled(truncate_to_width(&inert(&label), width), theme::heading()),
                        Line::raw(truncate_to_width(&title, width)),
                    ]),
                    head,
                );
                let base_line = match &field.base {
                    Some(b) => ctx.i18n.t_args(
                        "conflict-base",
                        &[
                            ("value", inert(&show_value(ctx, &field.field, &b.value)).into_owned().into()),
                            ("laptop", inert(&b.laptop).into_owned().into()),
                            ("user", inert(&b.user).into_owned().into()),
                        ],
                    ),
                    None => ctx.t("conflict-base-unknown"),
                };
                frame.render_widget(Paragraph::new(truncate_to_width(&base_line, width)).style(theme::dim()), base);
                // Up to three values side by side, the selected one in view.
                let n = field.values.len().max(1);
                let shown = n.min(3);
                let first = v.saturating_sub(shown - 1).min(n - shown);
                let areas = Layout::horizontal(vec![Constraint::Ratio(1, shown as u32); shown]).split(cols);
                for (slot, (j, val)) in field.values.iter().enumerate().skip(first).take(shown).enumerate() {
                    let Some(rect) = areas.get(slot) else { continue };
                    let at = ctx.i18n.format_date(val.at.date_naive());
                    let time = val.at.format("%H:%M").to_string();
                    let block = Block::default()
                        .borders(Borders::ALL)
                        .title(format!(" {} ", inert(&val.laptop)))
                        .border_style(if j == *v { theme::selected() } else { theme::dim() });
                    let text = vec![
                        Line::raw(format!("{} · {at} {time}", inert(&val.user))),
                        Line::raw(""),
                        Line::raw(inert(&show_value(ctx, &field.field, &val.value)).into_owned()),
                    ];
                    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), *rect);
                }
            }
        }
        let foot_text = match (&self.typing, &self.message) {
            (Some(t), _) => format!("{}: {}▏", ctx.t("conflict-new-value"), inert(t)),
            (None, Some((m, _))) => m.clone(),
            (None, None) if self.open.is_some() => ctx.t("conflict-help-detail"),
            (None, None) => ctx.i18n.t_args("conflict-count", &[("count", (self.items.len() as i64).into())]),
        };
        let style = match &self.message {
            Some((_, true)) => theme::error(),
            _ => theme::dim(),
        };
        frame.render_widget(Paragraph::new(truncate_to_width(&foot_text, width)).style(style), foot);
    }

    fn hints(&self) -> Vec<Action> {
        if self.open.is_some() {
            vec![Action::Open, Action::Edit, Action::Back]
        } else {
            vec![Action::Open, Action::Back]
        }
    }
}
