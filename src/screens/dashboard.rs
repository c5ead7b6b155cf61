//! The home screen: today's arrivals and the next one, free beds per wing,
//! alerts, and people assisted this year against the yearly target.

use chrono::{Datelike, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use crate::app::action::Action;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::case::CaseFront;
use crate::domain::occupancy::{bed_states, free_per_wing};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::pickup::{Pickup, PickupStatus};
use crate::domain::rooms::{Bed, Room, Wing};
use crate::domain::service::ServiceItem;
use crate::domain::stats::AnonymisedCase;
use crate::domain::stay::{Reservation, Stay};
use crate::keymap;
use crate::screens::fresh::Freshness;
use crate::store::digest::{CaseDigest, OpenService};
use crate::store::{Store, StoreError, Stored};
use crate::ui::sanitize::inert;
use crate::ui::theme;

/// What the dashboard shows, computed from the records.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Pickups today per status.
    pub arrivals_today: Vec<(PickupStatus, u32)>,
    /// The next expected arrival: time, flight, airport, terminal, alias, code.
    pub next_arrival: Option<(NaiveDateTime, String, String, String)>,
    /// Pickups past their time and still scheduled.
    pub overdue_pickups: u32,
    /// Free beds per wing.
    pub free: Vec<(Wing, u32)>,
    /// Free beds in all.
    pub free_total: u32,
    /// Beds occupied tonight.
    pub occupied: u32,
    /// Usable beds.
    pub capacity: u32,
    /// Planned services past their date.
    pub overdue_services: u32,
    /// People who arrived this year.
    pub assisted_this_year: u32,
    /// Closed cases past the retention period (managers only).
    pub past_retention: u32,
    /// Days since the last verified backup, when a reminder is due (managers only).
    pub backup_overdue: Option<Option<i64>>,
    /// Records with an open sync conflict (two laptops changed the same field).
    pub conflicts: u32,
    /// The last roll-call's absentees not yet back or checked out, with its night.
    pub absentees: Option<(chrono::NaiveDate, Vec<crate::ops::night::Absentee>)>,
}

fn live<T>(v: Vec<Stored<T>>) -> Vec<T> {
    v.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect()
}

impl Summary {
    /// Computes the summary at `now` (local time).
    pub fn load(store: &Store, now: NaiveDateTime, config: &crate::app::config::Config) -> Result<Summary, StoreError> {
        let today = now.date();
        // The digest holds only what can still change a figure (awaited or
        // recent pickups, open stays, open planned services, a line per case):
        // no full scan on the way to the first frame.
        let pickups: Vec<Pickup> = store.digest::<Pickup>()?;
        let cases: Vec<CaseDigest> = store.digest::<CaseFront>()?;
        let rooms: Vec<Room> = live(store.scan::<Room>()?);
        let beds: Vec<Bed> = live(store.scan::<Bed>()?);
        let stays: Vec<Stay> = store.digest::<Stay>()?;
        let reservations: Vec<Reservation> = live(store.scan::<Reservation>()?);
        let services: Vec<OpenService> = store.digest::<ServiceItem>()?;

        let mut s = Summary::default();
        for st in PickupStatus::all() {
            let n = pickups.iter().filter(|p| p.scheduled.date() == today && p.status == st).count() as u32;
            if n > 0 {
                s.arrivals_today.push((st, n));
            }
        }
        s.overdue_pickups = pickups.iter().filter(|p| p.is_overdue(now)).count() as u32;
        let next = pickups
            .iter()
            .filter(|p| matches!(p.status, PickupStatus::Scheduled | PickupStatus::Delayed) && p.expected_at() >= now)
            .min_by_key(|p| p.expected_at());
        if let Some(p) = next {
            let who = match p.case_id {
                Some(c) => store
                    .get::<CaseFront>(c.as_bytes())?
                    .map(|c| format!("{} {}", c.body.alias, c.body.code))
                    .unwrap_or_default(),
                None => String::new(),
            };
            let place = format!("{} {}", p.airport, p.terminal.clone().unwrap_or_default());
            s.next_arrival = Some((p.expected_at(), p.flight.to_string(), place.trim().to_string(), who));
        }
        let states = bed_states(&beds, &stays, &reservations, today);
        let (free, total) = free_per_wing(&rooms, &beds, &states);
        s.free = free;
        s.free_total = total;
        s.occupied =
            states.values().filter(|v| matches!(v, crate::domain::occupancy::BedState::Occupied(_))).count() as u32;
        s.capacity = beds.iter().filter(|b| b.usable_on(today)).count() as u32;
        s.overdue_services = services.iter().filter(|i| i.is_overdue(today)).count() as u32;
        // Erased cases still count, through their anonymised trace.
        let erased = store.scan::<AnonymisedCase>()?.into_iter().filter(|t| t.body.year == today.year()).count();
        s.assisted_this_year =
            (cases.iter().filter(|c| c.arrived_on.is_some_and(|d| d.year() == today.year())).count() + erased) as u32;
        s.absentees = crate::ops::night::absentees(store)?.filter(|(_, away)| !away.is_empty());
        s.conflicts = u32::try_from(crate::sync::conflicts::count(store)).unwrap_or(u32::MAX);
        if store.may(Act::Erase, DataClass::Case) {
            let limit = crate::ops::access::retention_limit(today, config.retention_years);
            s.past_retention = cases.iter().filter(|c| c.closed && c.updated_on < limit).count() as u32;
        }
        if store.may(Act::ReviewAudit, DataClass::Front) {
            let last = store.last_audit_of(crate::store::AuditAction::Backup)?;
            let days = last.map(|t| (store.now() - t).num_days());
            if days.is_none_or(|d| d >= i64::from(config.backup_reminder_days)) {
                s.backup_overdue = Some(days);
            }
        }
        Ok(s)
    }
}

/// The dashboard screen.
pub struct Dashboard {
    summary: Result<Summary, String>,
    fresh: Freshness,
}

impl Dashboard {
    /// Loads the figures.
    pub fn new(ctx: &Ctx) -> Dashboard {
        let mut d = Dashboard { summary: Ok(Summary::default()), fresh: Freshness::on_save_or_every(60) };
        d.reload(ctx);
        d
    }

    fn reload(&mut self, ctx: &Ctx) {
        self.fresh.loaded(ctx);
        self.summary = match ctx.store() {
            Ok(store) => Summary::load(store, ctx.now(), &ctx.config).map_err(|e| ctx.error_text(&e)),
            Err(e) => Err(ctx.error_text(&e)),
        };
    }
}

impl Screen for Dashboard {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Dashboard
    }

    fn title(&self, ctx: &Ctx) -> String {
        ctx.t("screen-dashboard")
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::GoConflicts => crate::screens::conflicts::open(ctx).map_or(Outcome::Ignored, Outcome::Push),
            _ => Outcome::Ignored,
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
        let s = match &self.summary {
            Ok(s) => s,
            Err(e) => {
                frame.render_widget(Paragraph::new(inert(e).into_owned()).style(theme::error()), area);
                return;
            }
        };
        let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(area);
        let [arrivals, beds] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(top);
        let [alerts, target] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(bottom);

        // Arrivals today.
        let mut lines: Vec<Line<'_>> = Vec::new();
        let total: u32 = s.arrivals_today.iter().map(|(_, n)| n).sum();
        lines.push(Line::styled(
            ctx.i18n.t_args("dash-arrivals-today", &[("count", i64::from(total).into())]),
            theme::heading(),
        ));
        let labels: Vec<(String, u32)> =
            s.arrivals_today.iter().map(|(st, n)| (ctx.t(&format!("pickup-status-{}", st.key())), *n)).collect();
        lines.extend(counted_lines(&labels));
        lines.push(Line::raw(""));
        match &s.next_arrival {
            Some((at, flight, place, who)) => {
                lines.push(Line::styled(ctx.t("dash-next-arrival"), theme::heading()));
                lines.push(Line::raw(format!(
                    "  {} {}  {}  {}",
                    ctx.i18n.format_date(at.date()),
                    ctx.i18n.format_time(at.time()),
                    inert(flight),
                    inert(place)
                )));
                if !who.is_empty() {
                    lines.push(Line::raw(format!("  {}", inert(who))));
                }
            }
            None => lines.push(Line::styled(ctx.t("dash-no-arrivals"), theme::dim())),
        }
        frame.render_widget(Paragraph::new(lines).block(panel(ctx.t("screen-arrivals"))), arrivals);

        // Beds.
        let mut lines: Vec<Line<'_>> = vec![Line::styled(
            ctx.i18n.t_args("beds-free", &[("count", i64::from(s.free_total).into())]),
            theme::heading(),
        )];
        let labels: Vec<(String, u32)> =
            s.free.iter().map(|(w, n)| (ctx.t(&format!("wing-{}", w.key())), *n)).collect();
        lines.extend(counted_lines(&labels));
        lines.push(Line::raw(""));
        lines.push(Line::raw(ctx.i18n.t_args(
            "dash-occupancy",
            &[("occupied", i64::from(s.occupied).into()), ("capacity", i64::from(s.capacity).into())],
        )));
        frame.render_widget(Paragraph::new(lines).block(panel(ctx.t("screen-beds"))), beds);

        // Alerts.
        let mut lines: Vec<Line<'_>> = Vec::new();
        if s.overdue_pickups > 0 {
            lines.push(Line::styled(
                ctx.i18n.t_args("dash-overdue-pickups", &[("count", i64::from(s.overdue_pickups).into())]),
                theme::error(),
            ));
        }
        if s.overdue_services > 0 {
            lines.push(Line::styled(
                ctx.i18n.t_args("dash-overdue-services", &[("count", i64::from(s.overdue_services).into())]),
                theme::error(),
            ));
        }
        if let Some((night, away)) = &s.absentees {
            let count = i64::try_from(away.len()).unwrap_or(0);
            lines.push(Line::styled(
                ctx.i18n.t_args(
                    "night-absentees",
                    &[("count", count.into()), ("night", ctx.i18n.format_date(*night).into())],
                ),
                theme::error(),
            ));
            for a in away {
                lines.push(Line::raw(format!("  {} · {} {}", inert(&a.bed), inert(&a.alias), inert(&a.code))));
            }
        }
        match s.backup_overdue {
            Some(Some(days)) => {
                lines.push(Line::styled(ctx.i18n.t_args("dash-backup-old", &[("days", days.into())]), theme::error()))
            }
            Some(None) => lines.push(Line::styled(ctx.t("dash-backup-never"), theme::error())),
            None => {}
        }
        if s.conflicts > 0 {
            lines.push(Line::styled(
                ctx.i18n.t_args("dash-conflicts", &[("count", i64::from(s.conflicts).into())]),
                theme::error(),
            ));
        }
        if s.past_retention > 0 {
            lines.push(Line::styled(
                ctx.i18n.t_args("dash-past-retention", &[("count", i64::from(s.past_retention).into())]),
                theme::error(),
            ));
        }
        if lines.is_empty() {
            lines.push(Line::from(Span::styled(ctx.t("dash-no-alerts"), theme::ok())));
        }
        frame.render_widget(Paragraph::new(lines).block(panel(ctx.t("dash-alerts"))), alerts);

        // Target.
        let goal = ctx.config.yearly_target.max(1);
        let ratio = (f64::from(s.assisted_this_year) / f64::from(goal)).min(1.0);
        let label = ctx.i18n.t_args(
            "dash-target",
            &[("count", i64::from(s.assisted_this_year).into()), ("target", i64::from(goal).into())],
        );
        let inner = panel(ctx.t("dash-year")).inner(target);
        frame.render_widget(panel(ctx.t("dash-year")), target);
        let [gauge_row, _] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        frame.render_widget(Gauge::default().ratio(ratio).label(label).gauge_style(theme::ok()), gauge_row);
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::GoArrivals, Action::GoBeds, Action::GoCases, Action::GoNight, Action::Lock]
    }
}

/// `label   n` lines with the numbers aligned by display width.
fn counted_lines(rows: &[(String, u32)]) -> Vec<Line<'static>> {
    let w = rows.iter().map(|(l, _)| unicode_width::UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
    rows.iter()
        .map(|(l, n)| {
            let pad = " ".repeat(w - unicode_width::UnicodeWidthStr::width(l.as_str()) + 2);
            Line::raw(format!("  {l}{pad}{n}"))
        })
        .collect()
}

fn panel(title: String) -> Block<'static> {
    Block::default().borders(Borders::ALL).title(format!(" {title} "))
}
