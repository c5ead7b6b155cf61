//! The lines of the picker: people who may get a bed, or beds free for a
//! person, each with whether the pair fits (and why not).

use super::pick::Mode;
use super::text;
use crate::app::context::Ctx;
use crate::domain::case::CaseFront;
use crate::domain::ids::{BedId, CaseId};
use crate::domain::occupancy::{BedState, bed_states};
use crate::domain::placement::{Holder, Refusal, check_bed_usable, check_wing};
use crate::domain::rooms::{Wing, WingRefusal};
use crate::domain::translit::search_fold;
use crate::ops::beds::{CandidateGroup, Snapshot, candidates};
use crate::ui::sanitize::inert;

/// One line of the list.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// The person, or the bed, the line stands for.
    pub(super) case: Option<CaseId>,
    pub(super) bed: Option<BedId>,
    pub(super) cols: Vec<String>,
    pub(super) fit: Result<(), Refusal>,
    pub(super) search: String,
    /// Listed before the others (the bed already held for this person).
    pub(super) first: bool,
}

/// Where a candidate is: at the centre since, met at, expected at…
fn whereabouts(
    ctx: &Ctx,
    snap: &Snapshot,
    group: CandidateGroup,
    pickup: Option<&crate::domain::pickup::Pickup>,
    at: Option<chrono::NaiveDateTime>,
) -> String {
    let when = at.map(|t| {
        if t.date() == ctx.today() {
            ctx.i18n.format_time(t.time())
        } else {
            format!("{} {}", text::short_date(ctx, t.date()), ctx.i18n.format_time(t.time()))
        }
    });
    let flight = pickup.map(|p| format!("{} {}", p.flight, p.airport)).unwrap_or_default();
    let _ = snap;
    ctx.i18n.t_args(
        &format!("beds-candidate-{}", group.key()),
        &[("when", when.unwrap_or_default().into()), ("flight", inert(&flight).into_owned().into())],
    )
}

fn fit_text(ctx: &Ctx, fit: &Result<(), Refusal>) -> String {
    match fit {
        Ok(()) => format!("✓ {}", ctx.t("beds-fits")),
        Err(r) => format!("✗ {}", text::refusal(ctx, r)),
    }
}

/// The people who may get `bed`: today's arrivals first, the person it is reserved for at the very top.
pub(super) fn people_for_bed(ctx: &Ctx, snap: &Snapshot, bed: BedId) -> (String, Vec<Item>) {
    let today = ctx.today();
    let room = snap.bed(bed).and_then(|b| snap.room_of(b)).cloned();
    let held = snap.holding(bed, today).cloned();
    let holder_case = held.as_ref().and_then(|r| snap.reservation_case(r)).map(|f| f.id);
    let mut items = Vec::new();
    for c in candidates(snap, today) {
        let Some(front) = snap.cases.get(&c.case) else { continue };
        let pickup = c.pickup.and_then(|p| snap.pickups.get(&p));
        let mut fit = match &room {
            Some(r) => check_wing(r, front, today),
            None => Ok(()),
        };
        if held.is_some() && holder_case != Some(front.id) && fit.is_ok() {
            fit = Err(Refusal::ReservedForAnother);
        }
        items.push(Item {
            case: Some(front.id),
            bed: Some(bed),
            cols: vec![
                front.code.to_string(),
                inert(&front.alias).into_owned(),
                text::gender_age(ctx, front),
                whereabouts(ctx, snap, c.group, pickup, c.at),
                fit_text(ctx, &fit),
            ],
            fit,
            search: search_fold(&format!("{} {}", front.code, front.alias)),
            first: false,
        });
    }
    if let Some(h) = holder_case
        && let Some(i) = items.iter().position(|it| it.case == Some(h))
    {
        let first = items.remove(i);
        items.insert(0, first);
    }
    let label = snap.bed(bed).map(|b| inert(&b.label).into_owned()).unwrap_or_default();
    let room_text = room.as_ref().map(|r| text::room_line(ctx, r)).unwrap_or_default();
    let heading =
        ctx.i18n.t_args("beds-pick-person", &[("bed", label.into()), ("room", inert(&room_text).into_owned().into())]);
    (heading, items)
}

/// The beds free tonight for the person or holder of `mode`: held for them first, then those that fit.
pub(super) fn beds_for(ctx: &Ctx, snap: &Snapshot, mode: Mode) -> (String, Vec<Item>) {
    let today = ctx.today();
    let (case, holder) = match mode {
        Mode::BedForPerson(c) | Mode::BedForTransfer(c) => (Some(c), Holder { case: Some(c), pickup: None }),
        Mode::BedForHolder(h) => {
            let c = h.case.or_else(|| h.pickup.and_then(|p| snap.pickups.get(&p)).and_then(|p| p.case_id));
            (c, Holder { case: c, pickup: h.pickup })
        }
        Mode::PersonForBed(_) => (None, Holder::default()),
    };
    let front: Option<&CaseFront> = case.and_then(|c| snap.cases.get(&c));
    let minor_pickup = holder.pickup.and_then(|p| snap.pickups.get(&p)).is_some_and(|p| p.needs.minor);
    let current = case.and_then(|c| snap.open_stay_of(c)).map(|s| s.bed_id);
    // A bed held for the person's pickup is theirs too.
    let pickups: Vec<_> = case.map(|c| snap.pickups_of(c).map(|p| p.id).collect()).unwrap_or_default();
    let theirs =
        |r: &crate::domain::stay::Reservation| holder.owns(r) || r.pickup_id.is_some_and(|p| pickups.contains(&p));
    let states = bed_states(&snap.beds, &snap.stays, &snap.reservations, today);
    let mut items: Vec<Item> = Vec::new();
    for bed in snap.beds_in_plan() {
        let Some(room) = snap.room_of(bed) else { continue };
        let mine = snap.holding(bed.id, today).is_some_and(theirs);
        let open = match states.get(&bed.id) {
            Some(BedState::Free) => true,
            Some(BedState::Reserved(_)) => mine,
            _ => false,
        };
        if !open || Some(bed.id) == current {
            continue;
        }
        let mut fit = check_bed_usable(room, bed, today);
        if fit.is_ok() {
            fit = match front {
                Some(f) => check_wing(room, f, today),
                None if minor_pickup && !matches!(room.wing, Wing::Minors | Wing::Family) => Err(Refusal::Wing {
                    wing: room.wing,
                    why: WingRefusal::MinorOutsideMinorsWing { wing: room.wing, age: None },
                }),
                None => Ok(()),
            };
        }
        let label = inert(&bed.label).into_owned();
        let state = if mine { ctx.t("beds-pick-held-for-them") } else { ctx.t("beds-cell-free") };
        items.push(Item {
            case,
            bed: Some(bed.id),
            cols: vec![label.clone(), inert(&text::room_line(ctx, room)).into_owned(), state, fit_text(ctx, &fit)],
            fit,
            search: search_fold(&format!("{label} {} {}", room.name, text::wing(ctx, room.wing))),
            first: mine,
        });
    }
    // Beds held for this person first, then those that fit, each in walking order.
    items.sort_by_key(|it| (!it.first, it.fit.is_err()));
    let who = front
        .map(text::person)
        .or_else(|| holder.pickup.and_then(|p| snap.pickups.get(&p)).map(|p| format!("{} {}", p.flight, p.airport)));
    let key = match mode {
        Mode::BedForTransfer(_) => "beds-pick-transfer",
        Mode::BedForHolder(_) => "beds-pick-reserve",
        _ => "beds-pick-bed",
    };
    let heading = ctx.i18n.t_args(key, &[("who", inert(&who.unwrap_or_default()).into_owned().into())]);
    (heading, items)
}
