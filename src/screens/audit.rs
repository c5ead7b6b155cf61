//! Audit review for managers: every event, newest first, filtered by user,
//! case code, action and dates. Events hold no personal data, so nothing
//! here needs hiding; the screen itself is refused to other roles.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::dates::parse_date;
use crate::keymap::{self, text_char};
use crate::store::audit::{self, AuditEvent};
use crate::ui::audit_words;
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{inert, pad, truncate_to_width};
use crate::ui::theme;

/// A parsed filter line.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Filter {
    user: Option<String>,
    case: Option<String>,
    action: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    words: Vec<String>,
}

impl Filter {
    /// Reads `user:anna case:MSK-26-0001 action:login from:-7d to:today words…`.
    pub fn parse(text: &str, today: NaiveDate) -> Filter {
        let mut f = Filter::default();
        for token in text.split_whitespace() {
            match token.split_once(':') {
                Some(("user", v)) => f.user = Some(v.to_lowercase()),
                Some(("case", v)) => f.case = Some(v.to_uppercase()),
                Some(("action", v)) => f.action = Some(v.to_lowercase()),
                Some(("from", v)) => f.from = parse_date(v, today).ok(),
                Some(("to", v)) => f.to = parse_date(v, today).ok(),
                _ => f.words.push(token.to_lowercase()),
            }
        }
        f
    }

    /// Whether an event passes; `day` is its local date.
    pub fn keeps(&self, e: &AuditEvent, day: NaiveDate) -> bool {
        self.keeps_said(e, day, "")
    }

    /// [`Filter::keeps`], words also found in `said`: the event as the
    /// reader reads it (action, record and summary in their language).
    pub fn keeps_said(&self, e: &AuditEvent, day: NaiveDate, said: &str) -> bool {
        let hay = format!(
            "{} {} {} {} {} {said}",
            e.user,
            e.action.name(),
            e.entity,
            e.case_code.as_deref().unwrap_or(""),
            e.summary
        )
        .to_lowercase();
        self.user.as_ref().is_none_or(|u| e.user.to_lowercase() == *u)
            && self.case.as_ref().is_none_or(|c| e.case_code.as_deref().is_some_and(|x| x.to_uppercase() == *c))
            && self.action.as_ref().is_none_or(|a| e.action.name() == a.as_str())
            && self.from.is_none_or(|d| day >= d)
            && self.to.is_none_or(|d| day <= d)
            && self.words.iter().all(|w| hay.contains(w.as_str()))
    }
}

/// The audit review screen.
pub struct AuditReview {
    events: Vec<(AuditEvent, NaiveDateTime)>,
    /// Each event's action, record and summary in the reader's language.
    words: Vec<[String; 3]>,
    shown: Vec<usize>,
    cursor: ListCursor,
    filter_text: String,
    editing: bool,
    problem: Option<String>,
    head: Option<String>,
}

impl AuditReview {
    /// Opens the review, or says why not (role).
    pub fn open(ctx: &Ctx) -> Result<AuditReview, String> {
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        let events = store.audit_events().map_err(|e| ctx.error_text(&e))?;
        let offset = ctx.now() - store.now().naive_utc();
        let mut problem = None;
        let mut head = None;
        match store.audit_key_for_review().map(|k| audit::verify(&k, events.clone())) {
            Ok(Ok(h)) => head = Some(h.display()),
            Ok(Err(b)) => problem = Some(ctx.i18n.t_args("audit-broken", &[("seq", (b.seq as i64).into())])),
            Err(e) => problem = Some(ctx.error_text(&e)),
        }
        let mut events: Vec<(AuditEvent, NaiveDateTime)> =
            events.into_iter().filter_map(|(_, e)| e).map(|e| (e.clone(), e.at.naive_utc() + offset)).collect();
        events.reverse();
        let words = events
            .iter()
            .map(|(e, _)| {
                [
                    audit_words::action(&ctx.i18n, e.action),
                    audit_words::entity(&ctx.i18n, &e.entity),
                    audit_words::summary(&ctx.i18n, &e.summary),
                ]
            })
            .collect();
        let mut s = AuditReview {
            events,
            words,
            shown: vec![],
            cursor: ListCursor::new(),
            filter_text: String::new(),
            editing: false,
            problem,
            head,
        };
        s.apply(ctx);
        Ok(s)
    }

    fn apply(&mut self, ctx: &Ctx) {
        let f = Filter::parse(&self.filter_text, ctx.today());
        self.shown = (0..self.events.len())
            .filter(|i| {
                let said = self.words.get(*i).map(|w| w.join(" ")).unwrap_or_default();
                f.keeps_said(&self.events[*i].0, self.events[*i].1.date(), &said)
            })
            .collect();
        self.cursor.set_len(self.shown.len());
    }
}

impl Screen for AuditReview {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Admin
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-audit")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::Search => self.editing = true,
            Action::Confirm | Action::Open if self.editing => {
                self.editing = false;
                self.apply(ctx);
            }
            Action::Back | Action::Close | Action::Cancel if self.editing => {
                self.editing = false;
                self.filter_text.clear();
                self.apply(ctx);
            }
            Action::Down => self.cursor.down(),
            Action::Up => self.cursor.up(),
            Action::PageDown => self.cursor.page_down(),
            Action::PageUp => self.cursor.page_up(),
            Action::Home => self.cursor.home(),
            Action::End => self.cursor.end(),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if !self.editing {
            return Outcome::Ignored;
        }
        if let Some(c) = text_char(&key) {
            if self.filter_text.chars().count() < 200 {
                self.filter_text.push(c);
            }
        } else if key.code == KeyCode::Backspace {
            self.filter_text.pop();
        }
        self.apply(ctx);
        Outcome::None
    }

    fn text_focused(&self) -> bool {
        self.editing
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let [top, head, list, detail, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        // Under 100 columns the summary has no room in the row: the selected
        // event's record and summary are written in full on the line below.
        let wide = area.width >= 100;
        let filter = if self.editing || !self.filter_text.is_empty() {
            Line::from(vec![
                Span::styled(format!("{}: ", ctx.t("audit-filter")), theme::heading()),
                Span::styled(
                    format!("{} ", inert(&self.filter_text)),
                    if self.editing { theme::selected() } else { theme::dim() },
                ),
            ])
        } else {
            Line::styled(ctx.t("audit-filter-help"), theme::dim())
        };
        frame.render_widget(Paragraph::new(filter), top);
        let entity_col =
            |text: &str| if wide { format!("{} ", pad(&truncate_to_width(text, 12), 12)) } else { String::new() };
        let header = format!(
            " {:>6}  {}  {} {} {}{} {}",
            "#",
            pad(&ctx.t("audit-col-when"), 16),
            pad(&ctx.t("audit-col-user"), 12),
            pad(&ctx.t("audit-col-action"), 12),
            entity_col(&ctx.t("audit-col-entity")),
            pad(&ctx.t("audit-col-case"), 14),
            ctx.t("audit-col-summary")
        );
        frame.render_widget(
            Paragraph::new(truncate_to_width(&header, area.width as usize)).style(theme::heading()),
            head,
        );
        let visible = self.cursor.scroll_into_view(usize::from(list.height));
        let selected = self.cursor.selected();
        let lines: Vec<Line<'_>> = self
            .shown
            .iter()
            .enumerate()
            .skip(visible.start)
            .take(visible.len())
            .map(|(i, idx)| {
                let (e, at) = &self.events[*idx];
                let [action, entity, summary] = self.words.get(*idx).cloned().unwrap_or_default();
                // Padded by the columns drawn, not by characters: a user or
                // entity in any script keeps the columns after it in place.
                let text = format!(
                    " {:>6}  {}  {} {} {}{} {}",
                    e.seq,
                    pad(&ctx.i18n.format_datetime(*at), 16),
                    pad(&e.user, 12),
                    pad(&truncate_to_width(&action, 12), 12),
                    entity_col(&entity),
                    pad(e.case_code.as_deref().unwrap_or("-"), 14),
                    summary
                );
                let line = truncate_to_width(&text, area.width as usize);
                if i == selected { Line::styled(line, theme::selected()) } else { Line::raw(line) }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        if let Some(words) = self.shown.get(selected).and_then(|i| self.words.get(*i)) {
            let [_, entity, summary] = words;
            let text = if summary.is_empty() { format!(" {entity}") } else { format!(" {entity} · {summary}") };
            frame.render_widget(
                Paragraph::new(truncate_to_width(&text, area.width as usize)).style(theme::dim()),
                detail,
            );
        }
        let mut foot_text = ctx.i18n.t_args(
            "audit-count",
            &[("shown", (self.shown.len() as i64).into()), ("total", (self.events.len() as i64).into())],
        );
        if let Some(h) = &self.head {
            foot_text = format!("{foot_text} · {}", ctx.i18n.t_args("audit-head", &[("head", h.clone().into())]));
        }
        match &self.problem {
            Some(p) => frame.render_widget(Paragraph::new(inert(p).into_owned()).style(theme::error()), foot),
            None => frame.render_widget(Paragraph::new(truncate_to_width(&foot_text, area.width as usize)), foot),
        }
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::Search, Action::Back]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::AuditAction;

    fn ev(user: &str, action: AuditAction, case: Option<&str>) -> AuditEvent {
        AuditEvent {
            seq: 1,
            at: chrono::DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
            user: user.into(),
            installation: [0; 16],
            action,
            entity: "case".into(),
            entity_id: None,
            case_code: case.map(String::from),
            summary: "status".into(),
            prev_mac: [0; 32],
            mac: [0; 32],
        }
    }

    #[test]
    fn filters_by_user_case_action_dates_and_words() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let e = ev("anna", AuditAction::ViewCase, Some("MSK-26-0001"));
        assert!(Filter::parse("", today).keeps(&e, day));
        assert!(Filter::parse("user:anna", today).keeps(&e, day));
        assert!(!Filter::parse("user:rita", today).keeps(&e, day));
        assert!(Filter::parse("case:msk-26-0001 action:view_case", today).keeps(&e, day));
        assert!(!Filter::parse("action:login", today).keeps(&e, day));
        assert!(Filter::parse("from:-7d to:today", today).keeps(&e, day));
        assert!(!Filter::parse("from:today", today).keeps(&e, day));
        assert!(Filter::parse("status", today).keeps(&e, day));
        assert!(!Filter::parse("erase", today).keeps(&e, day));
    }
}
