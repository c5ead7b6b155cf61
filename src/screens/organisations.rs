//! The directory of organisations referrals go to and come from: add, edit,
//! retire (and bring back). Retiring keeps an organisation's referrals and
//! history; it only leaves the pickers of new referrals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::referral::Organisation;
use crate::keymap;
use crate::screens::fresh::Freshness;
use crate::store::Stored;
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// The directory screen.
pub struct Directory {
    orgs: Vec<Stored<Organisation>>,
    cursor: ListCursor,
    error: Option<String>,
    fresh: Freshness,
    may_edit: bool,
}

fn cell(text: &str, width: usize) -> String {
    let t = truncate_to_width(text, width);
    let pad = width.saturating_sub(display_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

impl Directory {
    /// Loads the directory.
    pub fn new(ctx: &Ctx) -> Directory {
        let may_edit = ctx.store().is_ok_and(|s| s.may(Act::Organisations, DataClass::Front));
        let mut d = Directory {
            orgs: Vec::new(),
            cursor: ListCursor::new(),
            error: None,
            fresh: Freshness::on_save(),
            may_edit,
        };
        d.reload(ctx);
        d
    }

    fn reload(&mut self, ctx: &Ctx) {
        let Ok(store) = ctx.store() else { return };
        self.fresh.loaded(ctx);
        match crate::ops::referrals::organisations(store) {
            Ok(orgs) => {
                self.orgs = orgs;
                self.error = None;
            }
            Err(e) => self.error = Some(ctx.error_text(&e)),
        }
        self.cursor.set_len(self.orgs.len());
    }

    fn edit(&self, ctx: &Ctx, new: bool) -> Outcome {
        if !self.may_edit {
            return Outcome::Status(ctx.t("error-forbidden"));
        }
        let existing = if new { None } else { self.orgs.get(self.cursor.selected()) };
        if !new && existing.is_none() {
            return Outcome::None;
        }
        match crate::forms::organisation::screen(ctx, existing) {
            Ok(form) => Outcome::Push(Box::new(form)),
            Err(e) => Outcome::Status(e),
        }
    }

    fn retire(&mut self, ctx: &Ctx) -> Outcome {
        if !self.may_edit {
            return Outcome::Status(ctx.t("error-forbidden"));
        }
        let Some(o) = self.orgs.get(self.cursor.selected()) else { return Outcome::None };
        let Ok(store) = ctx.store() else { return Outcome::None };
        let retire = !o.body.retired;
        match crate::ops::referrals::set_retired(store, o.body.id, retire) {
            Ok(_) => {
                self.reload(ctx);
                Outcome::Status(ctx.t(if retire { "cases-organisation-retired" } else { "cases-organisation-back" }))
            }
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }
}

impl Screen for Directory {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Admin
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("cases-organisations-title")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::Up => self.cursor.up(),
            Action::Down => self.cursor.down(),
            Action::PageUp => self.cursor.page_up(),
            Action::PageDown => self.cursor.page_down(),
            Action::Home => self.cursor.home(),
            Action::End => self.cursor.end(),
            Action::New | Action::Edit | Action::Open | Action::Confirm => {
                let out = self.edit(ctx, action == Action::New);
                return out;
            }
            Action::Delete => return self.retire(ctx),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.orgs.is_empty(),
            Condition::ListNotEmpty => !self.orgs.is_empty(),
            Condition::TextNotFocused | Condition::FormClean => true,
            _ => false,
        }
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.fresh.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if area.height < 3 || area.width == 0 {
            return;
        }
        let width = usize::from(area.width);
        let put = |frame: &mut Frame<'_>, y: u16, l: Line<'_>| {
            frame.render_widget(Paragraph::new(l), Rect { x: area.x, y, width: area.width, height: 1 });
        };
        let count = i64::try_from(self.orgs.len()).unwrap_or(0);
        put(
            frame,
            area.y,
            Line::styled(ctx.i18n.t_args("cases-organisations-count", &[("count", count.into())]), theme::heading()),
        );
        let (type_w, city_w, country_w) = (20, 14, 4);
        let services_w = if width >= 110 { 30 } else { 0 };
        let name_w = width.saturating_sub(type_w + city_w + country_w + services_w + 6).max(10);
        let mut head = [
            cell(&ctx.t("cases-col-organisation"), name_w),
            cell(&ctx.t("cases-col-type"), type_w),
            cell(&ctx.t("cases-col-city"), city_w),
            cell(&ctx.t("cases-col-country"), country_w),
        ]
        .join(" ");
        if services_w > 0 {
            head.push(' ');
            head.push_str(&ctx.t("cases-col-services-offered"));
        }
        put(frame, area.y + 1, Line::styled(truncate_to_width(&head, width), theme::dim()));
        let visible = self.cursor.scroll_into_view(usize::from(area.height - 3));
        if self.orgs.is_empty() {
            put(
                frame,
                area.y + 2,
                Line::styled(
                    ctx.t(if self.may_edit {
                        "cases-organisations-empty"
                    } else {
                        "cases-organisations-empty-read-only"
                    }),
                    theme::dim(),
                ),
            );
        }
        for (i, o) in self.orgs.iter().enumerate().skip(visible.start).take(visible.len()) {
            let o = &o.body;
            let name = if o.retired { format!("{} ({})", o.name, ctx.t("cases-retired")) } else { o.name.clone() };
            let mut text = [
                cell(&inert(&name), name_w),
                cell(&ctx.t(&format!("cases-org-type-{}", o.kind.key())), type_w),
                cell(&inert(&o.city), city_w),
                cell(o.country.as_ref().map_or("—", |c| c.as_str()), country_w),
            ]
            .join(" ");
            if services_w > 0 {
                let s: Vec<String> = o.services.iter().map(|s| ctx.t(&format!("service-{}", s.key()))).collect();
                text.push(' ');
                text.push_str(&s.join(", "));
            }
            let style = if i == self.cursor.selected() {
                theme::selected()
            } else if o.retired {
                theme::dim()
            } else {
                Style::default()
            };
            let y = area.y + 2 + u16::try_from(i - visible.start).unwrap_or(0);
            put(frame, y, Line::styled(cell(&text, width), style));
        }
        let footer = match &self.error {
            Some(e) => Line::styled(inert(e).into_owned(), theme::error()),
            None => Line::styled(ctx.t("cases-organisations-help"), theme::dim()),
        };
        put(frame, area.y + area.height - 1, footer);
    }

    fn grant(&self, action: Action) -> Option<crate::app::grants::Grant> {
        crate::app::grants::in_directory(action)
    }

    fn hints(&self) -> Vec<Action> {
        if self.may_edit { vec![Action::New, Action::Edit, Action::Delete, Action::Back] } else { vec![Action::Back] }
    }
}
