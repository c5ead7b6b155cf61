//! The reports screen: a period (month, quarter, year or range) stepped with
//! the arrows, tabs of figures, and the export dialog. The records are read
//! once (and again after a save); changing the period only recomputes.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::dialog::{ExportDialog, RangeDialog};
use super::tabs::{self, Tab};
use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::keymap;
use crate::ops::export;
use crate::report::tables::period_label;
use crate::report::{Data, Figures, Period, PeriodKind, compute};
use crate::screens::fresh::Freshness;
use crate::ui::theme;

enum Dialog {
    Export(ExportDialog),
    Range(RangeDialog),
}

/// The reports screen.
pub struct Reports {
    data: Result<Data, String>,
    period: Period,
    figures: Option<Figures>,
    tab: Tab,
    scroll: usize,
    rows: usize,
    dialog: Option<Dialog>,
    fresh: Freshness,
}

impl Reports {
    /// The current month's report, or why the user may not see reports.
    pub fn open(ctx: &Ctx) -> Reports {
        let period = Period::containing(PeriodKind::Month, ctx.today());
        let mut r = Reports {
            data: Err(String::new()),
            period,
            figures: None,
            tab: Tab::Summary,
            scroll: 0,
            rows: 0,
            dialog: None,
            fresh: Freshness::on_save(),
        };
        r.load(ctx);
        if let (Ok(store), Ok(_)) = (ctx.store(), &r.data)
            && let Err(e) = export::record_report(store, &r.period, "screen")
        {
            r.data = Err(ctx.error_text(&e));
        }
        r
    }

    fn load(&mut self, ctx: &Ctx) {
        self.fresh.loaded(ctx);
        self.data = match ctx.store() {
            Ok(store) => export::report_data(store).map_err(|e| match e {
                crate::store::StoreError::Forbidden(_) => ctx.t("report-forbidden"),
                other => ctx.error_text(&other),
            }),
            Err(e) => Err(ctx.error_text(&e)),
        };
        self.recompute(ctx);
    }

    fn recompute(&mut self, ctx: &Ctx) {
        self.figures = self.data.as_ref().ok().map(|d| compute(d, self.period, ctx.today(), ctx.config.yearly_target));
    }

    fn set_period(&mut self, p: Period, ctx: &Ctx) {
        self.period = p;
        self.scroll = 0;
        self.recompute(ctx);
    }

    /// The period shown.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The figures shown.
    pub fn figures(&self) -> Option<&Figures> {
        self.figures.as_ref()
    }

    fn kind(&mut self, kind: PeriodKind, ctx: &Ctx) {
        let anchor = self.period.to.min(ctx.today());
        self.set_period(Period::containing(kind, anchor), ctx);
    }

    fn dialog_action(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let period = self.period;
        let Some(dialog) = self.dialog.as_mut() else { return Outcome::Ignored };
        match (dialog, action) {
            (_, Action::Back | Action::Close | Action::Cancel) => {
                self.dialog = None;
            }
            (Dialog::Export(d), Action::Up | Action::PrevField) => d.move_by(-1, &period, ctx.today()),
            (Dialog::Export(d), Action::Down | Action::NextField | Action::NextTab) => {
                d.move_by(1, &period, ctx.today())
            }
            (Dialog::Export(d), Action::Confirm | Action::Open | Action::Save) => {
                let Some(f) = self.figures.as_ref() else { return Outcome::None };
                if let Some(msg) = d.run(ctx, f) {
                    self.dialog = None;
                    return Outcome::Status(msg);
                }
            }
            (Dialog::Range(d), Action::Confirm | Action::Open | Action::Save) => {
                if let Some(p) = d.period(ctx) {
                    self.dialog = None;
                    self.set_period(p, ctx);
                }
            }
            _ => {}
        }
        Outcome::None
    }
}

impl Screen for Reports {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Reports
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-reports")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        if self.dialog.is_some() {
            return self.dialog_action(action, ctx);
        }
        if self.figures.is_none() {
            return Outcome::Ignored;
        }
        let last = self.rows.saturating_sub(1);
        match action {
            Action::PeriodNext | Action::Right => self.set_period(self.period.next(), ctx),
            Action::PeriodPrev | Action::Left => self.set_period(self.period.prev(), ctx),
            Action::PeriodMonth => self.kind(PeriodKind::Month, ctx),
            Action::PeriodQuarter => self.kind(PeriodKind::Quarter, ctx),
            Action::PeriodYear => self.kind(PeriodKind::Year, ctx),
            Action::PeriodRange => self.dialog = Some(Dialog::Range(RangeDialog::new(&self.period, ctx))),
            Action::NextTab => {
                self.tab = self.tab.next();
                self.scroll = 0;
            }
            Action::PrevTab => {
                self.tab = self.tab.prev();
                self.scroll = 0;
            }
            Action::Down => self.scroll = (self.scroll + 1).min(last),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = (self.scroll + 10).min(last),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = last,
            Action::Export => self.dialog = Some(Dialog::Export(ExportDialog::new(ctx, &self.period))),
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    fn key(&mut self, key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        match self.dialog.as_mut() {
            Some(Dialog::Export(d)) => {
                d.key(&key);
                Outcome::None
            }
            Some(Dialog::Range(d)) => {
                d.key(&key);
                Outcome::None
            }
            None => Outcome::Ignored,
        }
    }

    fn text_focused(&self) -> bool {
        self.dialog.is_some()
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.data.is_ok() && self.fresh.due(ctx) && self.dialog.is_none() {
            self.load(ctx);
            return true;
        }
        false
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let Some(f) = self.figures.as_ref() else {
            let msg = self.data.as_ref().err().cloned().unwrap_or_default();
            frame.render_widget(Paragraph::new(msg).style(theme::error()).wrap(Wrap { trim: true }), area);
            return;
        };
        let [head, bar, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let body = Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body };
        let mut spans = vec![
            Span::styled(" ◀ ", theme::dim()),
            Span::styled(period_label(&self.period, &ctx.i18n), theme::heading()),
            Span::styled(" ▶  ", theme::dim()),
        ];
        for (kind, key) in [
            (PeriodKind::Month, "report-kind-month"),
            (PeriodKind::Quarter, "report-kind-quarter"),
            (PeriodKind::Year, "report-kind-year"),
            (PeriodKind::Range, "report-kind-range"),
        ] {
            let style = if kind == self.period.kind { theme::selected() } else { theme::dim() };
            spans.push(Span::styled(format!(" {} ", ctx.t(key)), style));
        }
        let line = Line::from(spans);
        frame.render_widget(Paragraph::new(line), head);
        frame.render_widget(Paragraph::new(tabs::tab_bar(self.tab, bar.width as usize, ctx)), bar);
        self.rows = tabs::draw(frame, body, self.tab, f, self.scroll, ctx);
        match &self.dialog {
            Some(Dialog::Export(d)) => d.render(frame, area, ctx),
            Some(Dialog::Range(d)) => d.render(frame, area, ctx),
            None => {}
        }
    }

    fn hints(&self) -> Vec<Action> {
        if self.figures.is_none() {
            return Vec::new();
        }
        if self.dialog.is_some() {
            return vec![Action::Open, Action::Up, Action::Down, Action::Back];
        }
        vec![
            Action::PeriodPrev,
            Action::PeriodNext,
            Action::NextTab,
            Action::Export,
            Action::PeriodMonth,
            Action::PeriodQuarter,
            Action::PeriodYear,
            Action::PeriodRange,
        ]
    }
}
