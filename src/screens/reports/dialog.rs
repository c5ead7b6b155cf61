//! The two small dialogs of the reports screen: the export (what to write
//! and where) and the range of dates. Both are one line of text the user
//! edits, with Enter to go and Esc to leave.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::context::Ctx;
use crate::domain::permissions::{Act, DataClass};
use crate::keymap::text_char;
use crate::ops::export::{self, ExportOptions, Format, ReportFormat};
use crate::report::csv_file::CsvStyle;
use crate::report::period::PeriodError;
use crate::report::{Figures, Period};
use crate::screens::widgets::centered;
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

/// What the export dialog can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Choice {
    /// This report as a workbook.
    ReportXlsx,
    /// This report as CSV.
    ReportCsv,
    /// This report as text.
    ReportText,
    /// Every record, a sheet per kind (managers).
    DataXlsx,
    /// The cases as CSV (managers).
    DataCsv,
    /// The complete data as JSON (managers).
    Json,
    /// The CTDC dataset (managers).
    Ctdc,
}

impl Choice {
    /// Whether it writes records rather than the report (managers only).
    pub fn is_data(self) -> bool {
        !matches!(self, Choice::ReportXlsx | Choice::ReportCsv | Choice::ReportText)
    }

    fn file_name(self, period: &Period, today: chrono::NaiveDate) -> String {
        let slug = period.slug();
        match self {
            Choice::ReportXlsx => format!("haven-report-{slug}.xlsx"),
            Choice::ReportCsv => format!("haven-report-{slug}.csv"),
            Choice::ReportText => format!("haven-report-{slug}.txt"),
            Choice::DataXlsx => format!("haven-export-{today}.xlsx"),
            Choice::DataCsv => format!("haven-cases-{today}.csv"),
            Choice::Json => format!("haven-export-{today}.json"),
            Choice::Ctdc => format!("haven-ctdc-{today}.csv"),
        }
    }
}

/// Edits `text` by `key`: printable characters, Backspace, Ctrl-U to clear.
fn edit(text: &mut String, key: &KeyEvent, max: usize) -> bool {
    if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
        text.clear();
        return true;
    }
    if let Some(c) = text_char(key) {
        if text.chars().count() < max {
            text.push(c);
        }
        return true;
    }
    if key.code == KeyCode::Backspace {
        text.pop();
        return true;
    }
    false
}

/// The export dialog.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    choices: Vec<Choice>,
    selected: usize,
    /// The file to write (relative to the folder Haven was started in).
    pub path: String,
    edited: bool,
    error: Option<String>,
}

impl ExportDialog {
    /// The dialog for `period`; data exports only for those who may export.
    pub fn new(ctx: &Ctx, period: &Period) -> ExportDialog {
        let may = ctx.store().is_ok_and(|s| s.may(Act::Export, DataClass::Case));
        let choices: Vec<Choice> =
            <Choice as strum::IntoEnumIterator>::iter().filter(|c| may || !c.is_data()).collect();
        let mut d = ExportDialog { choices, selected: 0, path: String::new(), edited: false, error: None };
        d.default_path(period, ctx.today());
        d
    }

    fn default_path(&mut self, period: &Period, today: chrono::NaiveDate) {
        if !self.edited
            && let Some(c) = self.choices.get(self.selected)
        {
            self.path = c.file_name(period, today);
        }
    }

    /// The choice under the cursor.
    pub fn choice(&self) -> Option<Choice> {
        self.choices.get(self.selected).copied()
    }

    /// Moves the cursor.
    pub fn move_by(&mut self, delta: isize, period: &Period, today: chrono::NaiveDate) {
        let n = self.choices.len();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).rem_euclid(n as isize) as usize;
        self.default_path(period, today);
    }

    /// A key for the file name.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        let changed = edit(&mut self.path, key, 400);
        if changed {
            self.edited = true;
            self.error = None;
        }
        changed
    }

    /// Writes the chosen export; the message to show, or the error (kept in the dialog).
    pub fn run(&mut self, ctx: &Ctx, figures: &Figures) -> Option<String> {
        let choice = self.choice()?;
        let path = PathBuf::from(self.path.trim());
        if self.path.trim().is_empty() {
            self.error = Some(ctx.t("report-export-no-file"));
            return None;
        }
        match run(ctx, choice, &path, figures) {
            Ok(msg) => Some(msg),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Draws the dialog over `area`.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let h = (self.choices.len() as u16 + 6).min(area.height);
        let w = area.width.saturating_sub(4).min(76);
        let r = centered(area, w, h);
        frame.render_widget(Clear, r);
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", ctx.t("report-export-title")));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (i, c) in self.choices.iter().enumerate() {
            let key: &'static str = (*c).into();
            let text = format!(" {} ", ctx.t(&format!("report-export-{key}")));
            let style = if i == self.selected { theme::selected() } else { ratatui::style::Style::new() };
            lines.push(Line::styled(truncate_to_width(&text, inner.width as usize), style));
        }
        lines.push(Line::raw(""));
        let label = format!("{}: ", ctx.t("report-export-file"));
        let room = (inner.width as usize).saturating_sub(display_width(&label) + 1);
        let shown: String = {
            let p = inert(&self.path).into_owned();
            let chars: Vec<char> = p.chars().collect();
            let mut start = 0;
            while display_width(&chars[start..].iter().collect::<String>()) > room && start < chars.len() {
                start += 1;
            }
            chars[start..].iter().collect()
        };
        lines.push(Line::from(vec![
            Span::styled(label, theme::heading()),
            Span::raw(shown),
            Span::styled(" ", theme::selected()),
        ]));
        match &self.error {
            Some(e) => lines.push(Line::styled(inert(e).into_owned(), theme::error())),
            None => lines.push(Line::styled(ctx.t("report-export-help"), theme::dim())),
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

/// Writes `choice` to `path`; the status message, or the error's text.
fn run(ctx: &Ctx, choice: Choice, path: &std::path::Path, figures: &Figures) -> Result<String, String> {
    let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
    let csv = CsvStyle::with_delimiter(ctx.config.csv_delimiter);
    let i18n = &ctx.i18n;
    let shown = path.display().to_string();
    let report = |format: ReportFormat, how: &str| -> Result<String, String> {
        let bytes = export::report_bytes(figures, format, i18n, &csv).map_err(|e| e.to_string())?;
        export::record_report(store, &figures.period, how).map_err(|e| ctx.error_text(&e))?;
        export::write_whole(path, &bytes).map_err(|e| e.message(i18n))?;
        Ok(i18n.t_args("report-cli-written", &[("path", shown.clone().into())]))
    };
    match choice {
        Choice::ReportXlsx => report(ReportFormat::Xlsx, "xlsx"),
        Choice::ReportCsv => report(ReportFormat::Csv, "csv"),
        Choice::ReportText => report(ReportFormat::Text, "text"),
        data => {
            let format = match data {
                Choice::DataXlsx => Format::Xlsx,
                Choice::DataCsv => Format::Csv,
                Choice::Json => Format::Json,
                _ => Format::Ctdc,
            };
            let opts = ExportOptions {
                format,
                kind: "cases",
                identifying: false,
                csv,
                i18n,
                today: ctx.today(),
                exported_at: ctx.now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            };
            let done = export::export(store, path, &opts, &mut |_| {}).map_err(|e| e.message(i18n))?;
            Ok(export::summary_lines(&done, i18n).join(" "))
        }
    }
}

/// The dialog asking for a range of dates.
#[derive(Debug, Clone)]
pub struct RangeDialog {
    /// What the user typed: `01.11.2026 – 30.11.2026`, or two dates with any separator.
    pub text: String,
    error: Option<String>,
}

impl RangeDialog {
    /// Prefilled with `period`.
    pub fn new(period: &Period, ctx: &Ctx) -> RangeDialog {
        RangeDialog {
            text: format!("{} – {}", ctx.i18n.format_date(period.from), ctx.i18n.format_date(period.to)),
            error: None,
        }
    }

    /// A key for the text.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        let changed = edit(&mut self.text, key, 60);
        if changed {
            self.error = None;
        }
        changed
    }

    /// The period typed, or the problem (kept in the dialog).
    pub fn period(&mut self, ctx: &Ctx) -> Option<Period> {
        // Split at the dash first: an English date has spaces (`1 Nov 2026`).
        let text = self.text.replace("..", "–");
        let mut parts: Vec<&str> =
            text.split(['–', '—', '…']).map(str::trim).filter(|s| !s.is_empty() && *s != "-").collect();
        if parts.len() == 1 {
            parts = text.split_whitespace().filter(|s| *s != "-").collect();
        }
        let dates: Vec<Option<chrono::NaiveDate>> =
            parts.iter().map(|p| ctx.i18n.parse_date(p, ctx.today()).ok()).collect();
        let result = match dates.as_slice() {
            [Some(a), Some(b)] => Period::range(*a, *b).map_err(|e| match e {
                PeriodError::EndsBeforeStart => ctx.t("report-cli-ends-before-start"),
                PeriodError::TooLong => ctx.t("report-cli-too-long"),
            }),
            _ => Err(ctx.t("report-range-help")),
        };
        match result {
            Ok(p) => Some(p),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Draws the dialog over `area`.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let r = centered(area, area.width.saturating_sub(4).min(60), 5);
        frame.render_widget(Clear, r);
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", ctx.t("report-range-title")));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let lines = vec![
            Line::from(vec![Span::raw(inert(&self.text).into_owned()), Span::styled(" ", theme::selected())]),
            match &self.error {
                Some(e) => Line::styled(e.clone(), theme::error()),
                None => Line::styled(ctx.t("report-range-help"), theme::dim()),
            },
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
