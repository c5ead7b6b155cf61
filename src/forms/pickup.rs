//! The pickup form: flight, where and when, who meets the person and how
//! they will recognise each other, needs, and the person — an existing case
//! (search as you type by alias or code) or a new expected case with the
//! minimum intake.
//!
//! An arrival time already past is allowed (the form is often filled in
//! after the fact) but warned about once: the second Ctrl-S saves.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::NaiveDateTime;

use super::arrivals_flow::{Flow, FlowScreen, Notify, SharedFlow, resolve_person};
use super::intake::{self, HasIntake, Intake};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::arrivals::{TerminalError, check_terminal};
use crate::domain::case::CaseFront;
use crate::domain::flight::FlightNumber;
use crate::domain::ids::{CaseId, PickupId};
use crate::domain::person::AgeGroup;
use crate::domain::pickup::{Needs, Pickup, PickupStatus};
use crate::domain::transport::{Transport, parse_arrival};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::arrivals::{self, Person, PickupDetails};

/// Shorthand for this form's field declarations.
type F = FieldSpec<PickupEdit>;

/// The stable name of the form (drafts).
pub const NAME: FormId = FormId::Pickup;

/// What the pickup form edits.
#[derive(Debug, Clone, Default)]
pub struct PickupEdit {
    /// The pickup being changed; `None` for a new one.
    pub id: Option<PickupId>,
    /// Its status (a new pickup is Scheduled).
    pub status: Option<PickupStatus>,
    /// The scheduled time as stored, to warn only about a time that changed.
    pub original_scheduled: Option<NaiveDateTime>,
    /// Flight.
    pub flight: Option<FlightNumber>,
    /// How the person comes: by air (the flight) or another way without one.
    pub by: Transport,
    /// What is typed in the flight field: a flight, or a word such as `train`.
    pub arrival: String,
    /// Where the flight comes from.
    pub origin: String,
    /// Arrival airport.
    pub airport: Option<String>,
    /// Arrival terminal.
    pub terminal: Option<String>,
    /// Scheduled arrival.
    pub scheduled: Option<NaiveDateTime>,
    /// Meeting point in the arrivals hall.
    pub meeting_point: String,
    /// The staff member who meets the person (username).
    pub escort: Option<String>,
    /// How the staff member will recognise the person; a code word.
    pub recognition: String,
    /// Needs: `wheelchair`, `medical`, `minor`.
    pub needs: Vec<String>,
    /// Interpreter language, if one is needed.
    pub interpreter: Option<String>,
    /// The existing case, by code.
    pub case: Option<String>,
    /// A new person's intake.
    pub intake: Intake,
    /// The past time already warned about (the next save accepts it).
    pub past_warned: Rc<Cell<Option<NaiveDateTime>>>,
}

impl HasIntake for PickupEdit {
    fn intake(&self) -> &Intake {
        &self.intake
    }
    fn intake_mut(&mut self) -> &mut Intake {
        &mut self.intake
    }
}

/// The needs keys, in the order shown.
const NEEDS: [&str; 3] = ["wheelchair", "medical", "minor"];

impl PickupEdit {
    /// The form's record for an existing pickup; `case` is its case's front.
    pub fn of(p: &Pickup, case: Option<&CaseFront>) -> Self {
        let needs = [p.needs.wheelchair, p.needs.medical, p.needs.minor];
        PickupEdit {
            id: Some(p.id),
            status: Some(p.status),
            original_scheduled: Some(p.scheduled),
            flight: (!p.flight.is_none()).then(|| p.flight.clone()),
            by: p.by,
            arrival: match p.by {
                Transport::Flight => p.flight.to_string(),
                other => other.word().to_string(),
            },
            origin: p.origin.clone(),
            airport: Some(p.airport.clone()),
            terminal: p.terminal.clone(),
            scheduled: Some(p.scheduled),
            meeting_point: p.meeting_point.clone(),
            escort: p.escort.clone(),
            recognition: p.recognition.clone(),
            needs: NEEDS.iter().zip(needs).filter(|(_, on)| *on).map(|(k, _)| (*k).to_string()).collect(),
            interpreter: p.needs.interpreter.clone(),
            case: case.map(|c| c.code.to_string()),
            intake: Intake::default(),
            past_warned: Rc::default(),
        }
    }
}

/// The configured airports.
fn airports(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.config.airports.iter().map(|a| (a.code.clone(), a.code.clone())).collect()
}

/// Every terminal letter of the configured airports, with the airports that have it.
fn terminals(ctx: &Ctx) -> Vec<(String, String)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for a in &ctx.config.airports {
        for t in &a.terminals {
            match out.iter_mut().find(|(x, _)| x == t) {
                Some((_, codes)) => codes.push(a.code.clone()),
                None => out.push((t.clone(), vec![a.code.clone()])),
            }
        }
    }
    out.into_iter().map(|(t, codes)| (t.clone(), format!("{t} ({})", codes.join(", ")))).collect()
}

/// Who can meet a person: the centre's enabled users, then any other escort
/// already on record (so that older pickups still open and save as they are).
pub fn staff(ctx: &Ctx) -> Vec<(String, String)> {
    let Ok(store) = ctx.store() else { return Vec::new() };
    let mut out: Vec<(String, String)> = store
        .header()
        .slots
        .iter()
        .filter(|s| !s.disabled)
        .map(|s| (s.username.clone(), format!("{} ({})", s.display_name, s.username)))
        .collect();
    let mut others: Vec<String> =
        store.scan::<Pickup>().map(|all| all.into_iter().filter_map(|p| p.body.escort).collect()).unwrap_or_default();
    others.sort();
    others.dedup();
    for e in others {
        if !out.iter().any(|(k, _)| *k == e) {
            out.push((e.clone(), e));
        }
    }
    out
}

fn needs(ctx: &Ctx) -> Vec<(String, String)> {
    NEEDS.iter().map(|k| ((*k).to_string(), ctx.t(&format!("arrivals-need-{k}")))).collect()
}

/// Every case, open ones first and newest first, labelled with alias, code and status.
fn cases(ctx: &Ctx) -> Vec<(String, String)> {
    let Ok(store) = ctx.store() else { return Vec::new() };
    let Ok(all) = store.scan::<CaseFront>() else { return Vec::new() };
    let mut fronts: Vec<CaseFront> = all.into_iter().filter(|s| !s.is_deleted()).map(|s| s.body).collect();
    fronts.sort_by(|a, b| (a.status.is_closed(), &b.code).cmp(&(b.status.is_closed(), &a.code)));
    fronts
        .into_iter()
        .map(|f| {
            let status = ctx.t(&format!("case-status-{}", f.status.key()));
            (f.code.to_string(), format!("{} · {} · {status}", f.alias, f.code))
        })
        .collect()
}

fn terminal_error(e: TerminalError) -> (&'static str, &'static str) {
    match e {
        TerminalError::UnknownAirport => ("airport", "form-error-choice"),
        TerminalError::Missing => ("terminal", "arrivals-error-terminal-missing"),
        TerminalError::NotAtAirport => ("terminal", "arrivals-error-terminal-not-at-airport"),
        TerminalError::NoTerminals => ("terminal", "arrivals-error-terminal-none"),
    }
}

fn validate(r: &PickupEdit, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if let Some(a) = &r.airport
        && let Err(e) = check_terminal(&ctx.config.airports, a, r.terminal.as_deref())
    {
        errors.push(terminal_error(e));
    }
    // A zone typed at the gate goes with the case chosen or the new person.
    let person = Intake { gate_zone: String::new(), ..r.intake.clone() };
    if r.case.is_some() && !person.is_blank() {
        errors.push(("alias", "arrivals-error-case-or-new"));
    } else if r.case.is_none() && !person.is_blank() {
        errors.extend(r.intake.errors(ctx.today()));
    } else if let Err(e) = r.intake.read_gate_zone(ctx.today()) {
        errors.push(("gate_zone", intake::mrz_error_key(e)));
    } else if r.case.is_none() && !r.intake.gate_zone.trim().is_empty() {
        errors.push(("gate_zone", "arrivals-gate-zone-needs-person"));
    }
    // A time in the past is allowed, with a warning the first time it is saved.
    if let Some(at) = r.scheduled
        && at < ctx.now()
        && r.original_scheduled != Some(at)
        && r.past_warned.get() != Some(at)
    {
        r.past_warned.set(Some(at));
        errors.push(("scheduled", "arrivals-warn-past"));
    }
    errors
}

/// The declaration; `with_mrz` adds the passport zone (case-key holders),
/// else the zone at the gate, sealed for the case worker (`gate_ready`:
/// this laptop has the case class public key).
pub fn def(with_mrz: bool, editing: bool, gate_ready: bool) -> FormDef<PickupEdit> {
    let mut fields = vec![
        F::new("flight", "arrivals-field-flight-or-transport", FieldKind::Text { max: 20 })
            .required()
            .load(|r| r.arrival.as_str().into())
            .store(|r, v| {
                let text = v.text();
                let (by, flight) = parse_arrival(&text).map_err(|_| "arrivals-error-flight-or-transport")?;
                (r.by, r.flight, r.arrival) = (by, flight, text);
                Ok(())
            }),
        F::new("origin", "arrivals-field-origin", FieldKind::Text { max: 40 })
            .load(|r| r.origin.as_str().into())
            .store(|r, v| set(&mut r.origin, v.text())),
        F::new("airport", "arrivals-field-airport", FieldKind::Choice(airports))
            .required()
            .load(|r| r.airport.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.airport, v.key().map(String::from))),
        F::new("terminal", "arrivals-field-terminal", FieldKind::Choice(terminals))
            .load(|r| r.terminal.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.terminal, v.key().map(String::from))),
        F::new("scheduled", "arrivals-field-scheduled", FieldKind::DateTime)
            .required()
            .load(|r| r.scheduled.into())
            .store(|r, v| set(&mut r.scheduled, v.datetime())),
        F::new("meeting_point", "arrivals-field-meeting-point", FieldKind::Text { max: 80 })
            .load(|r| r.meeting_point.as_str().into())
            .store(|r, v| set(&mut r.meeting_point, v.text())),
        F::new("escort", "arrivals-field-escort", FieldKind::Choice(staff))
            .load(|r| r.escort.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.escort, v.key().map(String::from))),
        F::new("recognition", "arrivals-field-recognition", FieldKind::Text { max: 200 })
            .load(|r| r.recognition.as_str().into())
            .store(|r, v| set(&mut r.recognition, v.text())),
        F::new("needs", "arrivals-field-needs", FieldKind::MultiChoice(needs))
            .load(|r| r.needs.clone().into())
            .store(|r, v| set(&mut r.needs, v.keys())),
        F::new("interpreter", "arrivals-field-interpreter", FieldKind::Language)
            .load(|r| r.interpreter.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.interpreter, v.key().map(String::from))),
        F::new("case", "arrivals-field-case", FieldKind::Choice(cases))
            .load(|r| r.case.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.case, v.key().map(String::from))),
        intake::alias_field("arrivals-field-new-alias", false),
        intake::gender_field(false),
        intake::age_group_field(false),
        intake::date_of_birth_field(),
        intake::languages_field(),
    ];
    if with_mrz {
        fields.push(intake::mrz_field());
    } else {
        fields.push(intake::gate_zone_field(gate_ready));
    }
    FormDef {
        id: NAME,
        title: if editing { "arrivals-form-edit-title" } else { "arrivals-form-new-title" },
        fields,
        validate: Some(validate),
    }
}

/// The case whose code is `code`.
fn case_by_code(ctx: &Ctx, code: &str) -> Result<CaseFront, String> {
    let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
    let all = store.scan::<CaseFront>().map_err(|e| ctx.error_text(&e))?;
    all.into_iter().map(|s| s.body).find(|f| f.code.to_string() == code).ok_or_else(|| ctx.t("form-error-choice"))
}

/// Saves through the operations: a new pickup or the changed one, with its case.
fn save(flow: SharedFlow, notify: Notify) -> OnSave<PickupEdit> {
    Box::new(move |r: &PickupEdit, ctx: &mut Ctx| {
        let flight = match r.by {
            Transport::Flight => r.flight.clone(),
            _ => Some(FlightNumber::none()),
        };
        let (Some(flight), Some(airport), Some(scheduled)) = (flight, r.airport.clone(), r.scheduled) else {
            return Err(ctx.t("form-error-summary"));
        };
        let today = ctx.today();
        let mut needs = Needs {
            wheelchair: r.needs.iter().any(|k| k == "wheelchair"),
            medical: r.needs.iter().any(|k| k == "medical"),
            minor: r.needs.iter().any(|k| k == "minor"),
            interpreter: r.interpreter.clone(),
        };
        let person = match &r.case {
            Some(code) => {
                let front = case_by_code(ctx, code)?;
                needs.minor |= front.effective_age_group(today) == AgeGroup::Minor;
                Person::Existing(front.id)
            }
            None if r.intake.is_blank() => Person::Unknown,
            None => {
                let new = r.intake.new_case(today, r.interpreter.as_deref());
                needs.minor |= new.identity(today).age_group == AgeGroup::Minor;
                resolve_person(&flow, new, ctx)?
            }
        };
        let case_id: Option<CaseId> = match &person {
            Person::Existing(id) => Some(*id),
            _ => None,
        };
        let details = PickupDetails {
            by: r.by,
            flight,
            origin: r.origin.clone(),
            airport,
            terminal: r.terminal.clone(),
            scheduled,
            meeting_point: r.meeting_point.clone(),
            escort: r.escort.clone(),
            recognition: r.recognition.clone(),
            needs,
            case_id,
        };
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        let saved = match r.id {
            Some(id) => arrivals::update_pickup(store, id, &details, &person, ctx.now()),
            None => arrivals::create_pickup(store, &details, &person, ctx.now()),
        }
        .map_err(|e| ctx.error_text(&e))?;
        notify.set(Some(saved.pickup));
        let sealed = intake::keep_gate_zone(&r.intake, saved.case, ctx);
        let when = ctx.i18n.format_datetime(scheduled);
        let flight = match details.by {
            Transport::Flight => details.flight.to_string(),
            other => ctx.t(&format!("arrivals-by-{}", other.key())),
        };
        let args = [("flight", flight.into()), ("when", when.into())];
        let mut message = ctx.i18n.t_args("arrivals-saved", &args);
        if let Some(code) = saved.new_code {
            message.push(' ');
            message.push_str(&ctx.i18n.t_args("arrivals-case-created", &[("code", code.to_string().into())]));
        }
        if let Some(read) = sealed {
            message.push(' ');
            message.push_str(&read);
        }
        Ok(Outcome::PopWith(message))
    })
}

/// The pickup form over `existing` (with its case) or a new pickup.
pub fn screen(ctx: &Ctx, existing: Option<(&Pickup, Option<&CaseFront>)>, notify: Notify) -> FlowScreen<PickupEdit> {
    let with_mrz = ctx.store().ok().and_then(|s| s.session().ok()).is_some_and(|s| s.holds_case_key());
    let gate_ready = ctx.store().is_ok_and(|s| s.gate_seal_ready());
    let record = existing.map(|(p, c)| PickupEdit::of(p, c)).unwrap_or_default();
    let flow: SharedFlow = Rc::new(RefCell::new(Flow::default()));
    let id = record.id.map(|i| *i.as_bytes());
    let form =
        FormScreen::new(def(with_mrz, existing.is_some(), gate_ready), record, id, save(flow.clone(), notify), ctx);
    FlowScreen::new(form, flow)
}

/// The form a kept draft belongs to, refilled (the pickup is read again).
pub fn reopen(draft: &Draft, ctx: &Ctx) -> Option<FlowScreen<PickupEdit>> {
    let notify = Notify::default();
    let Some(raw) = draft.record else { return Some(screen(ctx, None, notify).with_draft(draft)) };
    let store = ctx.store().ok()?;
    let p = arrivals::pickup(store, PickupId::from_bytes(raw)).ok()?;
    let case = p.case_id.and_then(|c| store.get::<CaseFront>(c.as_bytes()).ok().flatten()).map(|s| s.body);
    Some(screen(ctx, Some((&p, case.as_ref())), notify).with_draft(draft))
}
