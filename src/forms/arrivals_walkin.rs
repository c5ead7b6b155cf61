//! Walk-in at the gate: an arrival nobody announced, registered in five
//! fields — alias, gender, age group, flight (or a word for another way:
//! train, bus, car, on foot, unknown), and where (prefilled with the
//! place reception is working at) — and saved as a case that has arrived
//! and a pickup already met. Users who hold the case key may also scan the
//! passport zone, which can stand in for gender; reception may type it too,
//! and it is kept only sealed for the case worker (`intake::gate_zone_field`).

use std::cell::RefCell;
use std::rc::Rc;

use super::arrivals_flow::{Flow, FlowScreen, Notify, SharedFlow, resolve_person};
use super::intake::{self, HasIntake, Intake};
use crate::app::context::Ctx;
use crate::app::screen::{Draft, Outcome};
use crate::domain::arrivals::{meeting_places, place_label};
use crate::domain::flight::FlightNumber;
use crate::domain::transport::{Transport, parse_arrival};
use crate::form_engine::FormId;
use crate::form_engine::{FieldKind, FieldSpec, FormDef, FormScreen, OnSave, Value, set};
use crate::ops::arrivals;

/// Shorthand for this form's field declarations.
type F = FieldSpec<WalkIn>;

/// The stable name of the form (drafts).
pub const NAME: FormId = FormId::WalkIn;

/// What the walk-in form collects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WalkIn {
    /// The person.
    pub intake: Intake,
    /// The flight the person came on.
    pub flight: Option<FlightNumber>,
    /// How the person came: by air (the flight) or another way without one.
    pub by: Transport,
    /// What was typed in the flight field (a flight or a word such as `train`).
    pub arrival: String,
    /// Where the person was met: `SVO C`, or `DME` for a single hall.
    pub place: Option<String>,
}

impl HasIntake for WalkIn {
    fn intake(&self) -> &Intake {
        &self.intake
    }
    fn intake_mut(&mut self) -> &mut Intake {
        &mut self.intake
    }
}

/// Every airport hall and terminal of the configuration, as one choice.
fn places(ctx: &Ctx) -> Vec<(String, String)> {
    meeting_places(&ctx.config.airports)
        .into_iter()
        .map(|(a, t)| {
            let label = place_label(&a, t.as_deref());
            (label.clone(), label)
        })
        .collect()
}

/// The airport and terminal of a place key.
fn split_place(place: &str) -> (String, Option<String>) {
    match place.split_once(' ') {
        Some((a, t)) => (a.to_string(), Some(t.to_string())),
        None => (place.to_string(), None),
    }
}

fn validate(r: &WalkIn, ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let mut errors = r.intake.errors(ctx.today());
    // Without a passport zone the age group is asked; with one, its date of birth answers.
    let dob_read = r.intake.read_mrz(ctx.today()).ok().flatten().and_then(|m| m.date_of_birth).is_some();
    if r.intake.age_group.is_none() && !dob_read {
        errors.push(("age_group", "form-error-required"));
    }
    errors
}

/// The declaration; `with_mrz` adds the passport zone (case-key holders),
/// which can then stand in for gender and age group. Without it the five
/// fields are followed by the optional zone at the gate, sealed for the
/// case worker (`gate_ready`: this laptop has the case class public key).
pub fn def(with_mrz: bool, gate_ready: bool) -> FormDef<WalkIn> {
    let mut fields = vec![
        intake::alias_field("arrivals-field-alias", true),
        intake::gender_field(!with_mrz),
        intake::age_group_field(!with_mrz),
        F::new("flight", "arrivals-field-flight-or-transport", FieldKind::Text { max: 20 })
            .required()
            .load(|r| r.arrival.as_str().into())
            .store(|r, v| {
                let text = v.text();
                let (by, flight) = parse_arrival(&text).map_err(|_| "arrivals-error-flight-or-transport")?;
                (r.by, r.flight, r.arrival) = (by, flight, text);
                Ok(())
            }),
        F::new("place", "arrivals-field-place", FieldKind::Choice(places))
            .required()
            .load(|r| r.place.clone().map_or(Value::Empty, Value::Key))
            .store(|r, v| set(&mut r.place, v.key().map(String::from))),
    ];
    if with_mrz {
        fields.push(intake::mrz_field());
    } else {
        fields.push(intake::gate_zone_field(gate_ready));
    }
    FormDef { id: NAME, title: "arrivals-walk-in-title", fields, validate: Some(validate) }
}

fn save(flow: SharedFlow, notify: Notify) -> OnSave<WalkIn> {
    Box::new(move |r: &WalkIn, ctx: &mut Ctx| {
        let Some(place) = r.place.clone() else {
            return Err(ctx.t("form-error-summary"));
        };
        if r.by == Transport::Flight && r.flight.is_none() {
            return Err(ctx.t("form-error-summary"));
        }
        let (airport, terminal) = split_place(&place);
        let new = r.intake.new_case(ctx.today(), None);
        let person = resolve_person(&flow, new, ctx)?;
        let store = ctx.store().map_err(|e| ctx.error_text(&e))?;
        let saved =
            arrivals::walk_in(store, (r.by, r.flight.as_ref()), &airport, terminal.as_deref(), &person, ctx.now())
                .map_err(|e| ctx.error_text(&e))?;
        notify.set(Some(saved.pickup));
        let sealed = intake::keep_gate_zone(&r.intake, saved.case, ctx);
        let code = match saved.new_code {
            Some(c) => c.to_string(),
            None => saved
                .case
                .and_then(|c| store.get::<crate::domain::case::CaseFront>(c.as_bytes()).ok().flatten())
                .map(|s| s.body.code.to_string())
                .unwrap_or_default(),
        };
        let mut message = ctx.i18n.t_args("arrivals-walk-in-saved", &[("code", code.into()), ("place", place.into())]);
        if let Some(read) = sealed {
            message.push(' ');
            message.push_str(&read);
        }
        Ok(Outcome::PopWith(message))
    })
}

/// The walk-in form; `place` prefills where reception is working.
pub fn screen(ctx: &Ctx, place: Option<String>, notify: Notify) -> FlowScreen<WalkIn> {
    let with_mrz = ctx.store().ok().and_then(|s| s.session().ok()).is_some_and(|s| s.holds_case_key());
    let gate_ready = ctx.store().is_ok_and(|s| s.gate_seal_ready());
    let known = places(ctx);
    let place = place.filter(|p| known.iter().any(|(k, _)| k == p)).or_else(|| known.first().map(|(k, _)| k.clone()));
    let record = WalkIn { place, ..WalkIn::default() };
    let flow: SharedFlow = Rc::new(RefCell::new(Flow::default()));
    FlowScreen::new(FormScreen::new(def(with_mrz, gate_ready), record, None, save(flow.clone(), notify), ctx), flow)
}

/// The form a kept draft belongs to, refilled.
pub fn reopen(draft: &Draft, ctx: &Ctx) -> FlowScreen<WalkIn> {
    screen(ctx, None, Notify::default()).with_draft(draft)
}
