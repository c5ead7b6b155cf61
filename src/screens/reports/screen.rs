//! The reports screen: a period (month, quarter, year or range) stepped with
//! the arrows, tabs of figures, and the export dialog. The records are read
//! once (and again after a save) on another thread, so F6 draws at once
//! ("Reading…") and the figures follow; changing the period only recomputes.

use std::sync::mpsc::{self, Receiver, TryRecvError};

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
use crate::domain::permissions::{Act, DataClass};
use crate::keymap;
use crate::ops::export;
use crate::report::tables::period_label;
use crate::report::{Data, Figures, Period, PeriodKind, compute};
use crate::screens::fresh::Freshness;
use crate::store::StoreError;
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
    /// The records being read on another thread (the figures shown, if any,
    /// stay until they come).
    loading: Option<Receiver<Result<Data, StoreError>>>,
    /// The period the screen opened at, until its production is in the
    /// audit trail (once per opening, when its figures are first shown).
    unrecorded: Option<Period>,
}

impl Reports {
    /// The current month's report, or why the user may not see reports.
    /// The records are read on another thread: the first frame says so.
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
            loading: None,
            unrecorded: Some(period),
        };
        r.load(ctx);
        r
    }

    /// Starts reading the records on another thread: at 10,000 cases they
    /// are 200,000 records to decrypt (3.3 s on the console's thread before).
    fn load(&mut self, ctx: &Ctx) {
        self.fresh.loaded(ctx);
        let started = ctx.store().and_then(|store| {
            // A role without reports is told at once, not after a read.
            store.authorize(Act::View, DataClass::Case)?;
            let mut reader = store.reader()?;
            let (tx, rx) = mpsc::channel();
            std::thread::Builder::new()
                .name("reports".into())
                .spawn(move || {
                    // The screen may have closed: nobody to tell, nothing lost.
                    let _ = tx.send(Data::read(&mut reader));
                })
                .map_err(|e| StoreError::Io(e.to_string()))?;
            Ok(rx)
        });
        match started {
            Ok(rx) => self.loading = Some(rx),
            Err(e) => {
                self.data = Err(Self::error_text(ctx, e));
                self.recompute(ctx);
            }
        }
    }

    fn error_text(ctx: &Ctx, e: StoreError) -> String {
        match e {
            StoreError::Forbidden(_) => ctx.t("report-forbidden"),
            other => ctx.error_text(&other),
        }
    }

    /// Takes the records read on the other thread, when they have come.
    fn take_data(&mut self, ctx: &Ctx) -> bool {
        let Some(rx) = &self.loading else { return false };
        let read = match rx.try_recv() {
            Ok(read) => read,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(StoreError::Io("the reports thread ended".into())),
        };
        self.loading = None;
        self.data = read.map_err(|e| Self::error_text(ctx, e));
        if self.data.is_ok()
            && let Some(opened) = self.unrecorded.take()
            && let Ok(store) = ctx.store()
            && let Err(e) = export::record_report(store, &opened, "screen")
        {
            self.data = Err(ctx.error_text(&e));
        }
        self.recompute(ctx);
        true
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
        if self.figures.is_none() && self.loading.is_none() {
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
            Action::Export if self.figures.is_some() => {
                self.dialog = Some(Dialog::Export(ExportDialog::new(ctx, &self.period)))
            }
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
        let mut changed = self.take_data(ctx);
        if self.data.is_ok() && self.loading.is_none() && self.fresh.due(ctx) && self.dialog.is_none() {
            self.load(ctx);
            changed = true;
        }
        changed
    }

    fn waiting(&self) -> bool {
        self.loading.is_some()
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        if self.figures.is_none() {
            let (msg, style) = if self.loading.is_some() {
                (ctx.t("report-reading"), theme::dim())
            } else {
                (self.data.as_ref().err().cloned().unwrap_or_default(), theme::error())
            };
            frame.render_widget(Paragraph::new(msg).style(style).wrap(Wrap { trim: true }), area);
            return;
        }
        let Some(f) = self.figures.as_ref() else { return };
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
        if self.figures.is_none() && self.loading.is_none() {
            return Vec::new();
        }
        if self.dialog.is_some() {
            return vec![Action::Open, Action::Up, Action::Down, Action::Back];
        }
        let mut hints = vec![
            Action::PeriodPrev,
            Action::PeriodNext,
            Action::NextTab,
            Action::Export,
            Action::PeriodMonth,
            Action::PeriodQuarter,
            Action::PeriodYear,
            Action::PeriodRange,
        ];
        if self.figures.is_none() {
            // Nothing to export until the figures have come.
            hints.retain(|a| *a != Action::Export);
        }
        hints
    }
}
