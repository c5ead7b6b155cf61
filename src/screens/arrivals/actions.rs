//! What the board's keys do to the selected pickup: each checks the status
//! change first (so a refusal says why in words), then runs the operation
//! and reads the board again with the cursor kept on the pickup.

use super::board::Board;
use super::prompt::{Ask, Prompt};
use crate::app::context::Ctx;
use crate::app::screen::Outcome;
use crate::domain::arrivals::{parse_estimate, place_label};
use crate::domain::pickup::PickupStatus;
use crate::forms::{arrivals_walkin, pickup as pickup_form};
use crate::ops::arrivals::{self as ops, BoardRow};
use crate::store::StoreError;

impl Board {
    /// A line naming a pickup for prompts and messages: flight, time, alias and code.
    pub(super) fn about(&self, row: &BoardRow, ctx: &Ctx) -> String {
        let p = &row.pickup;
        let who = row.case.as_ref().map(|c| format!(" · {} {}", c.alias, c.code)).unwrap_or_default();
        format!(
            "{} · {} · {}{who}",
            super::view::arrival_text(p, ctx),
            ctx.i18n.format_datetime(p.scheduled),
            place_label(&p.airport, p.terminal.as_deref())
        )
    }

    pub(super) fn status_label(ctx: &Ctx, s: PickupStatus) -> String {
        ctx.t(&format!("pickup-status-{}", s.key()))
    }

    /// A refusal when the selected pickup cannot go to `to`; `None` when it can.
    pub(super) fn refusal(&self, to: PickupStatus, ctx: &Ctx) -> Option<String> {
        let Some(row) = self.rows.get(self.selected) else { return Some(ctx.t("arrivals-nothing-selected")) };
        let from = row.pickup.status;
        if crate::domain::pickup::can_transition(from, to) {
            return None;
        }
        let key = match (from, to) {
            (PickupStatus::Scheduled | PickupStatus::Delayed, PickupStatus::AtCentre) => "arrivals-error-meet-first",
            _ => "arrivals-error-transition",
        };
        Some(ctx.i18n.t_args(key, &[("status", Self::status_label(ctx, from).into())]))
    }

    pub(super) fn done(&mut self, ctx: &Ctx, result: Result<String, StoreError>) -> Outcome {
        let id = self.selected_id();
        self.reload(ctx, id);
        match result {
            Ok(message) => Outcome::Status(message),
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    pub(super) fn met(&mut self, ctx: &Ctx, confirmed: bool) -> Outcome {
        if let Some(why) = self.refusal(PickupStatus::Met, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        if !confirmed && row.pickup.scheduled.date() != ctx.today() && row.pickup.expected_at().date() != ctx.today() {
            self.prompt = Some(Prompt::new(Ask::ConfirmMet, row.pickup.id, self.about(&row, ctx), String::new()));
            return Outcome::None;
        }
        let now = ctx.now();
        let result = ctx.store().and_then(|s| ops::mark_met(s, row.pickup.id, now)).map(|_| {
            let who = row
                .case
                .as_ref()
                .map(|c| format!("{} ({})", c.alias, c.code))
                .unwrap_or_else(|| super::view::arrival_text(&row.pickup, ctx));
            ctx.i18n
                .t_args("arrivals-done-met", &[("who", who.into()), ("time", ctx.i18n.format_time(now.time()).into())])
        });
        self.done(ctx, result)
    }

    pub(super) fn ask(&mut self, ask: Ask, to: PickupStatus, ctx: &Ctx) -> Outcome {
        if let Some(why) = self.refusal(to, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        let input = match ask {
            Ask::Delay => row.pickup.estimated.map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
            _ => String::new(),
        };
        self.prompt = Some(Prompt::new(ask, row.pickup.id, self.about(&row, ctx), input));
        Outcome::None
    }

    /// Acts on the open prompt's answer; a refused answer keeps the prompt with its message.
    pub(super) fn answer(&mut self, ctx: &Ctx) -> Outcome {
        let Some(prompt) = self.prompt.clone() else { return Outcome::None };
        if prompt.ask == Ask::ConfirmMet {
            self.prompt = None;
            return self.met(ctx, true);
        }
        if prompt.ask == Ask::ConfirmUndo {
            self.prompt = None;
            return self.undo(ctx, true);
        }
        let Some(p) = self.rows.iter().find(|r| r.pickup.id == prompt.pickup).map(|r| r.pickup.clone()) else {
            self.prompt = None;
            return Outcome::None;
        };
        let now = ctx.now();
        let store = match ctx.store() {
            Ok(s) => s,
            Err(e) => return Outcome::Status(ctx.error_text(&e)),
        };
        let result = match prompt.ask {
            Ask::NoShow if prompt.input.trim().is_empty() => Err(ctx.t("arrivals-prompt-reason-needed")),
            Ask::NoShow => ops::mark_no_show(store, p.id, &prompt.input, now)
                .map(|_| {
                    ctx.i18n.t_args("arrivals-done-no-show", &[("flight", super::view::arrival_text(&p, ctx).into())])
                })
                .map_err(|e| ctx.error_text(&e)),
            Ask::Cancel => ops::mark_cancelled(store, p.id, &prompt.input, now)
                .map(|_| {
                    ctx.i18n.t_args("arrivals-done-cancelled", &[("flight", super::view::arrival_text(&p, ctx).into())])
                })
                .map_err(|e| ctx.error_text(&e)),
            Ask::Delay => match parse_estimate(&prompt.input, p.scheduled, now) {
                Err(e) => Err(ctx.t(date_error_key(e))),
                Ok(at) if at < p.scheduled => Err(ctx.t("arrivals-prompt-estimate-early")),
                Ok(at) => ops::mark_delayed(store, p.id, at, now)
                    .map(|_| {
                        ctx.i18n.t_args(
                            "arrivals-done-delayed",
                            &[
                                ("flight", super::view::arrival_text(&p, ctx).into()),
                                ("time", ctx.i18n.format_datetime(at).into()),
                            ],
                        )
                    })
                    .map_err(|e| ctx.error_text(&e)),
            },
            Ask::ConfirmMet | Ask::ConfirmUndo => Ok(String::new()),
        };
        match result {
            Ok(message) => {
                self.prompt = None;
                self.reload(ctx, Some(p.id));
                Outcome::Status(message)
            }
            Err(message) => {
                if let Some(open) = self.prompt.as_mut() {
                    open.error = Some(message);
                }
                Outcome::None
            }
        }
    }

    /// Corrects a mistaken status: asks first, naming the change undone and
    /// the status it goes back to; then undoes it with what it did to the case.
    pub(super) fn undo(&mut self, ctx: &Ctx, confirmed: bool) -> Outcome {
        let Some(row) = self.rows.get(self.selected).cloned() else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        let p = &row.pickup;
        let back = p.changes.len().checked_sub(2).and_then(|i| p.changes.get(i)).map(|c| c.0);
        let Some(back) = back else { return Outcome::Status(ctx.t("rule-pickup_nothing_to_undo")) };
        let role = ctx.store().and_then(|s| s.session().map(|x| x.role));
        if let Ok(role) = role
            && !ops::may_undo(role, p)
        {
            return Outcome::Status(ctx.t("rule-pickup_correction_once"));
        }
        let args =
            [("status", Self::status_label(ctx, p.status).into()), ("back", Self::status_label(ctx, back).into())];
        if !confirmed {
            let question = ctx.i18n.t_args("arrivals-prompt-undo-question", &args);
            self.prompt = Some(Prompt::new(Ask::ConfirmUndo, p.id, self.about(&row, ctx), question));
            return Outcome::None;
        }
        let result =
            ctx.store().and_then(|s| ops::undo_status(s, p.id)).map(|_| ctx.i18n.t_args("arrivals-done-undone", &args));
        self.done(ctx, result)
    }

    pub(super) fn at_centre(&mut self, ctx: &Ctx) -> Outcome {
        if let Some(why) = self.refusal(PickupStatus::AtCentre, ctx) {
            return Outcome::Status(why);
        }
        let Some(row) = self.rows.get(self.selected).cloned() else { return Outcome::None };
        if row.pickup.case_id.is_none() {
            return Outcome::Status(ctx.t("arrivals-error-no-case"));
        }
        let result = ctx.store().and_then(|s| ops::mark_at_centre(s, row.pickup.id, ctx.now()));
        self.reload(ctx, Some(row.pickup.id));
        match result {
            Ok(case) => match crate::screens::assign_bed(ctx, case) {
                Some(screen) => Outcome::Push(screen),
                None => Outcome::Status(ctx.t("arrivals-done-at-centre")),
            },
            Err(e) => Outcome::Status(ctx.error_text(&e)),
        }
    }

    pub(super) fn edit(&mut self, ctx: &Ctx) -> Outcome {
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        let form = pickup_form::screen(ctx, Some((&row.pickup, row.case.as_ref())), self.notify.clone());
        Outcome::Push(Box::new(form))
    }

    /// The linked case's file.
    pub(super) fn open_case(&self, ctx: &Ctx) -> Outcome {
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        let Some(case) = row.pickup.case_id else { return Outcome::Status(ctx.t("arrivals-error-no-case")) };
        match crate::screens::case_file(ctx, case) {
            Some(s) => Outcome::Push(s),
            None => Outcome::Status(ctx.t("arrivals-case-file-not-ready")),
        }
    }

    /// Holds a bed tonight for the selected pickup, before leaving the airport.
    pub(super) fn reserve_bed(&self, ctx: &Ctx) -> Outcome {
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Status(ctx.t("arrivals-nothing-selected"));
        };
        match crate::screens::beds::reserve_for_pickup(ctx, row.pickup.id) {
            Some(s) => Outcome::Push(s),
            None => Outcome::Status(ctx.t("arrivals-beds-not-ready")),
        }
    }

    pub(super) fn walk_in(&self, ctx: &Ctx) -> Outcome {
        // Reception is where the selected pickup is, most likely.
        let place = self.rows.get(self.selected).map(|r| place_label(&r.pickup.airport, r.pickup.terminal.as_deref()));
        Outcome::Push(Box::new(arrivals_walkin::screen(ctx, place, self.notify.clone())))
    }
}

/// The message key of a date-time that does not parse.
fn date_error_key(e: crate::domain::dates::DateError) -> &'static str {
    use crate::domain::dates::DateError;
    match e {
        DateError::Empty => "form-error-required",
        DateError::Unrecognised => "arrivals-prompt-estimate-format",
        DateError::InvalidDate => "form-error-no-such-date",
        DateError::InvalidTime => "form-error-no-such-time",
        DateError::OutOfRange => "form-error-date-range",
        DateError::MissingTime => "form-error-time-missing",
    }
}
