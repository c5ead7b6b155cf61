//! Words the bed forms and the bed screens share: a refusal in one
//! sentence that says why, short dates for cells, wing and room labels.

use chrono::NaiveDate;

use crate::app::context::Ctx;
use crate::domain::case::CaseFront;
use crate::domain::placement::Refusal;
use crate::domain::rooms::{Room, Wing, WingRefusal};
use crate::i18n::FluentValue;
use crate::ops::beds::BedError;
use crate::ui::sanitize::inert;

/// `5 Dec` (en), `05.12` (ru), `05/12` (fr): a date in a narrow cell.
pub fn short_date(ctx: &Ctx, d: NaiveDate) -> String {
    ctx.i18n.format_day_month(d)
}

/// The wing's name.
pub fn wing(ctx: &Ctx, w: Wing) -> String {
    ctx.t(&format!("wing-{}", w.key()))
}

/// `201 · Women · floor 2` (and `· step-free`).
pub fn room_line(ctx: &Ctx, r: &Room) -> String {
    let floor = ctx.i18n.t_args("beds-floor", &[("floor", i64::from(r.floor).into())]);
    let mut s = format!("{} · {} · {floor}", inert(&r.name), wing(ctx, r.wing));
    if r.accessible {
        s.push_str(" · ");
        s.push_str(&ctx.t("beds-step-free"));
    }
    s
}

/// `MSK-26-0042 · Ayla` (the alias made inert: it is drawn as typed).
pub fn person(front: &CaseFront) -> String {
    format!("{} · {}", front.code, inert(&front.alias))
}

/// The gender and age of a person, short: `Feminine, 24`.
pub fn gender_age(ctx: &Ctx, front: &CaseFront) -> String {
    let gender = ctx.t(&format!("gender-{}", front.gender.key()));
    match front.age_on(ctx.today()) {
        Some(age) => format!("{gender}, {age}"),
        None => match front.effective_age_group(ctx.today()) {
            crate::domain::person::AgeGroup::Minor => format!("{gender}, {}", ctx.t("beds-minor")),
            crate::domain::person::AgeGroup::Adult => format!("{gender}, {}", ctx.t("beds-adult")),
            crate::domain::person::AgeGroup::Unknown => gender,
        },
    }
}

fn wing_refusal(ctx: &Ctx, wing_of: Wing, why: &WingRefusal) -> String {
    let w: FluentValue<'_> = wing(ctx, wing_of).into();
    match why {
        WingRefusal::AdultInMinorsWing { age: Some(age) } => {
            ctx.i18n.t_args("rule-bed-wing-adult_in_minors", &[("age", i64::from(*age).into())])
        }
        WingRefusal::AdultInMinorsWing { age: None } => ctx.t("rule-bed-wing-adult_in_minors-no_age"),
        WingRefusal::AgeUnknownForMinorsWing => ctx.t("rule-bed-wing-age_unknown"),
        WingRefusal::MinorOutsideMinorsWing { age: Some(age), .. } => {
            ctx.i18n.t_args("rule-bed-wing-minor_outside", &[("wing", w), ("age", i64::from(*age).into())])
        }
        WingRefusal::MinorOutsideMinorsWing { age: None, .. } => {
            ctx.i18n.t_args("rule-bed-wing-minor_outside-no_age", &[("wing", w)])
        }
        WingRefusal::WomenWingGender(g) | WingRefusal::MenWingGender(g) => {
            let key = if matches!(why, WingRefusal::WomenWingGender(_)) {
                "rule-bed-wing-women"
            } else {
                "rule-bed-wing-men"
            };
            ctx.i18n.t_args(key, &[("gender", ctx.t(&format!("gender-{}", g.key())).into())])
        }
    }
}

/// A refusal in one sentence that says why.
pub fn refusal(ctx: &Ctx, r: &Refusal) -> String {
    match r {
        Refusal::Wing { wing, why } => wing_refusal(ctx, *wing, why),
        Refusal::OutOfService { reason, until } => {
            let reason: FluentValue<'_> = crate::ui::sanitize::inert(reason).into_owned().into();
            match until {
                Some(u) => ctx.i18n.t_args(
                    "rule-bed-out_of_service-until",
                    &[("reason", reason), ("until", ctx.i18n.format_date(*u).into())],
                ),
                None => ctx.i18n.t_args("rule-bed-out_of_service", &[("reason", reason)]),
            }
        }
        Refusal::BeforeCheckIn { from } => {
            ctx.i18n.t_args("rule-bed-before_check_in", &[("from", ctx.i18n.format_date(*from).into())])
        }
        other => ctx.t(&format!("rule-{}", other.key())),
    }
}

/// A failed bed operation as one line.
pub fn error(ctx: &Ctx, e: &BedError) -> String {
    match e {
        BedError::Refused(r) => refusal(ctx, r),
        BedError::Store(s) => ctx.error_text(s),
    }
}

/// The refusal followed by what a manager may do about it.
pub fn refusal_with_hint(ctx: &Ctx, r: &Refusal, manager: bool) -> String {
    let text = refusal(ctx, r);
    if r.overridable() && manager { format!("{text} {}", ctx.t("beds-override-hint")) } else { text }
}
