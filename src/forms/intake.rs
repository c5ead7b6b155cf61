//! The minimum intake of a person reception has not met before: alias,
//! gender, age group or date of birth, languages — and, for users who hold
//! the case key, the machine-readable zone of a passport or ID card, which
//! fills the names, date of birth, nationality and the document.
//!
//! The fields are declared once here and used by every form that can create
//! a case (the pickup form, the walk-in), through [`HasIntake`].
//!
//! Reception, who hold the passport at the gate but not the case key, get
//! the gate zone field instead: the zone is checked (every check digit)
//! and then only kept sealed for the case worker (`ops::arrivals::gate`).
//! It fills nothing the reception sees, is never kept in a draft, and all
//! reception is told of it is its kind and that its check digits hold.

use chrono::NaiveDate;

use crate::app::context::Ctx;
use crate::domain::mrz::{self, Mrz, MrzError, MrzField};
use crate::domain::person::{AgeGroup, Gender};
use crate::form_engine::languages::LANGUAGES;
use crate::form_engine::{FieldKind, FieldSpec, Value, set};
use crate::ops::arrivals::NewCase;

/// What the intake fields collect.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Intake {
    /// Alias used aloud and on screens.
    pub alias: String,
    /// Gender, once chosen.
    pub gender: Option<Gender>,
    /// Age group, once chosen.
    pub age_group: Option<AgeGroup>,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<String>,
    /// The passport or ID-card zone as typed or scanned.
    pub mrz: String,
    /// The zone typed by reception at the gate, to be sealed for the case
    /// worker (never read back into this form's other fields).
    pub gate_zone: String,
}

/// A form record that carries an intake.
pub trait HasIntake: Clone + 'static {
    /// The intake.
    fn intake(&self) -> &Intake;
    /// The intake, to fill.
    fn intake_mut(&mut self) -> &mut Intake;
}

/// The genders, labelled in the user's language.
pub fn genders(ctx: &Ctx) -> Vec<(String, String)> {
    Gender::all().map(|g| (g.key().to_string(), ctx.t(&format!("gender-{}", g.key())))).collect()
}

/// Minor, adult or not known, labelled.
pub fn age_groups(ctx: &Ctx) -> Vec<(String, String)> {
    AgeGroup::all().map(|g| (g.key().to_string(), ctx.t(&format!("arrivals-age-{}", g.key())))).collect()
}

/// The centre's languages, labelled in the user's language.
pub fn languages(ctx: &Ctx) -> Vec<(String, String)> {
    let lang = ctx.i18n.lang().code();
    LANGUAGES
        .iter()
        .map(|(code, en, ru, fr)| {
            let label = match lang {
                "ru" => ru,
                "fr" => fr,
                _ => en,
            };
            ((*code).to_string(), (*label).to_string())
        })
        .collect()
}

/// The alias field; `required` for forms whose only purpose is a new case.
pub fn alias_field<R: HasIntake>(label: &'static str, required: bool) -> FieldSpec<R> {
    let f = FieldSpec::new("alias", label, FieldKind::Text { max: 40 })
        .load(|r: &R| r.intake().alias.as_str().into())
        .store(|r: &mut R, v| set(&mut r.intake_mut().alias, v.text()));
    if required { f.required() } else { f }
}

/// The gender field.
pub fn gender_field<R: HasIntake>(required: bool) -> FieldSpec<R> {
    let f = FieldSpec::new("gender", "arrivals-field-gender", FieldKind::Choice(genders))
        .load(|r: &R| r.intake().gender.map_or(Value::Empty, |g| Value::Key(g.key().into())))
        .store(|r: &mut R, v| set(&mut r.intake_mut().gender, v.key().and_then(Gender::from_key)));
    if required { f.required() } else { f }
}

/// The age-group field.
pub fn age_group_field<R: HasIntake>(required: bool) -> FieldSpec<R> {
    let f = FieldSpec::new("age_group", "arrivals-field-age-group", FieldKind::Choice(age_groups))
        .load(|r: &R| r.intake().age_group.map_or(Value::Empty, |g| Value::Key(g.key().into())))
        .store(|r: &mut R, v| set(&mut r.intake_mut().age_group, v.key().and_then(AgeGroup::from_key)));
    if required { f.required() } else { f }
}

/// The date-of-birth field.
pub fn date_of_birth_field<R: HasIntake>() -> FieldSpec<R> {
    FieldSpec::new("date_of_birth", "arrivals-field-date-of-birth", FieldKind::Date)
        .load(|r: &R| r.intake().date_of_birth.into())
        .store(|r: &mut R, v| set(&mut r.intake_mut().date_of_birth, v.date()))
}

/// The languages field.
pub fn languages_field<R: HasIntake>() -> FieldSpec<R> {
    FieldSpec::new("languages", "arrivals-field-languages", FieldKind::MultiChoice(languages))
        .load(|r: &R| r.intake().languages.clone().into())
        .store(|r: &mut R, v| set(&mut r.intake_mut().languages, v.keys()))
}

/// The passport / ID-card zone (shown to case-key holders only).
pub fn mrz_field<R: HasIntake>() -> FieldSpec<R> {
    FieldSpec::new("mrz", "arrivals-field-mrz", FieldKind::MultiLine)
        .load(|r: &R| r.intake().mrz.as_str().into())
        .store(|r: &mut R, v| set(&mut r.intake_mut().mrz, v.text()))
}

/// The passport zone at the gate, for users without the case key: sealed
/// for the case worker on save. `ready` is false while this laptop has no
/// case class public key yet; the field then says so and takes nothing.
pub fn gate_zone_field<R: HasIntake>(ready: bool) -> FieldSpec<R> {
    if !ready {
        // The label says it in plain words; the field takes nothing.
        return FieldSpec::new("gate_zone", "arrivals-field-gate-zone-not-yet", FieldKind::Text { max: 1 })
            .read_only()
            .not_drafted();
    }
    FieldSpec::new("gate_zone", "arrivals-field-gate-zone", FieldKind::MultiLine)
        .not_drafted()
        .load(|r: &R| r.intake().gate_zone.as_str().into())
        .store(|r: &mut R, v| set(&mut r.intake_mut().gate_zone, v.text()))
}

/// All reception is told of a zone read at the gate: the message key of
/// its kind with valid check digits ("passport" or "ID card").
pub fn gate_zone_read_key(m: &Mrz) -> &'static str {
    match m.format {
        mrz::MrzFormat::Td3 => "arrivals-gate-zone-read-passport",
        _ => "arrivals-gate-zone-read-id-card",
    }
}

/// The message under the zone field for a zone that cannot be read; it names
/// the part whose check digit failed.
pub fn mrz_error_key(e: MrzError) -> &'static str {
    match e {
        MrzError::Empty | MrzError::Lines => "arrivals-mrz-lines",
        MrzError::Length { expected: mrz::TD3_WIDTH, .. } => "arrivals-mrz-length-passport",
        MrzError::Length { .. } => "arrivals-mrz-length-id-card",
        MrzError::Character { .. } => "arrivals-mrz-character",
        MrzError::DocumentCode => "arrivals-mrz-document-code",
        MrzError::Sex => "arrivals-mrz-sex",
        MrzError::CheckDigit(field) => match field {
            MrzField::DocumentNumber => "arrivals-mrz-check-document_number",
            MrzField::DateOfBirth => "arrivals-mrz-check-date_of_birth",
            MrzField::Expiry => "arrivals-mrz-check-expiry",
            MrzField::OptionalData => "arrivals-mrz-check-optional_data",
            MrzField::Composite => "arrivals-mrz-check-composite",
        },
        MrzError::Date(MrzField::Expiry) => "arrivals-mrz-date-expiry",
        MrzError::Date(_) => "arrivals-mrz-date-date_of_birth",
    }
}

/// A zone typed into any form (the case identity form too): nothing when
/// blank, the zone when it reads, or the message key naming what failed.
/// [`Mrz::fill`] then puts it into the case file.
pub fn read_zone(text: &str, today: NaiveDate) -> Result<Option<Mrz>, &'static str> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    mrz::parse(text, today).map(Some).map_err(mrz_error_key)
}

/// Keeps the zone typed at the gate sealed for the case worker of `case`
/// (nothing when none was typed) and returns what reception is told of it.
/// The arrival was just saved, so a zone that cannot be kept does not undo
/// it (saving again would register the person twice): the message says the
/// zone was not kept and why.
pub fn keep_gate_zone(intake: &Intake, case: Option<crate::domain::ids::CaseId>, ctx: &Ctx) -> Option<String> {
    let Ok(Some(m)) = intake.read_gate_zone(ctx.today()) else { return None };
    let case = case?;
    let kept = ctx.store().and_then(|store| crate::ops::arrivals::gate::keep_zone(store, case, &intake.gate_zone));
    Some(match kept {
        Ok(()) => ctx.t(gate_zone_read_key(&m)),
        Err(e) => ctx.i18n.t_args("arrivals-gate-zone-not-kept", &[("error", ctx.error_text(&e).into())]),
    })
}

impl Intake {
    /// Whether nothing of a new person was entered.
    pub fn is_blank(&self) -> bool {
        self.alias.trim().is_empty()
            && self.gender.is_none()
            && self.age_group.is_none()
            && self.date_of_birth.is_none()
            && self.languages.is_empty()
            && self.mrz.trim().is_empty()
            && self.gate_zone.trim().is_empty()
    }

    /// The zone typed at the gate, read against `today`: `None` when none was entered.
    pub fn read_gate_zone(&self, today: NaiveDate) -> Result<Option<Mrz>, MrzError> {
        if self.gate_zone.trim().is_empty() {
            return Ok(None);
        }
        mrz::parse(&self.gate_zone, today).map(Some)
    }

    /// The zone, read against `today`: `None` when none was entered.
    pub fn read_mrz(&self, today: NaiveDate) -> Result<Option<Mrz>, MrzError> {
        if self.mrz.trim().is_empty() {
            return Ok(None);
        }
        mrz::parse(&self.mrz, today).map(Some)
    }

    /// The problems of a new person's intake: `(field, message key)`.
    pub fn errors(&self, today: NaiveDate) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if self.alias.trim().is_empty() {
            out.push(("alias", "arrivals-error-alias-needed"));
        }
        let zone = match self.read_mrz(today) {
            Ok(zone) => zone,
            Err(e) => {
                out.push(("mrz", mrz_error_key(e)));
                None
            }
        };
        if let Err(e) = self.read_gate_zone(today) {
            out.push(("gate_zone", mrz_error_key(e)));
        }
        if self.gender.is_none() && zone.as_ref().and_then(Mrz::gender).is_none() {
            out.push(("gender", "form-error-required"));
        }
        if let Some(dob) = self.date_of_birth {
            if dob > today {
                out.push(("date_of_birth", "arrivals-error-birth-future"));
            } else if let Some(read) = zone.as_ref().and_then(|z| z.date_of_birth)
                && read != dob
            {
                out.push(("date_of_birth", "arrivals-error-birth-differs"));
            }
        }
        out
    }

    /// The new case this intake describes; `interpreter` says whether one is needed.
    /// Call after [`Intake::errors`] found nothing.
    pub fn new_case(&self, today: NaiveDate, interpreter: Option<&str>) -> NewCase {
        let zone = self.read_mrz(today).ok().flatten();
        let mut languages = self.languages.clone();
        if let Some(l) = interpreter
            && !languages.iter().any(|x| x == l)
        {
            languages.push(l.to_string());
        }
        NewCase {
            alias: self.alias.trim().to_string(),
            gender: self.gender.or_else(|| zone.as_ref().and_then(Mrz::gender)).unwrap_or(Gender::NonSpecifiedUnknown),
            date_of_birth: self.date_of_birth.or_else(|| zone.as_ref().and_then(|z| z.date_of_birth)),
            age_group: self.age_group.unwrap_or(AgeGroup::Unknown),
            languages,
            interpreter_needed: interpreter.is_some(),
            mrz: zone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_new_person_needs_an_alias_and_a_gender() {
        let i = Intake::default();
        assert!(i.is_blank());
        assert_eq!(i.errors(today()), [("alias", "arrivals-error-alias-needed"), ("gender", "form-error-required")]);
        let i = Intake { alias: "Lena".into(), gender: Some(Gender::Feminine), ..Intake::default() };
        assert!(i.errors(today()).is_empty());
    }

    #[test]
    fn the_zone_supplies_gender_and_date_of_birth() {
        let i = Intake { alias: "Lena".into(), mrz: TD3.into(), ..Intake::default() };
        assert!(i.errors(today()).is_empty());
        let c = i.new_case(today(), Some("uz"));
        assert_eq!(c.gender, Gender::Feminine);
        assert_eq!(c.date_of_birth, NaiveDate::from_ymd_opt(1974, 8, 12));
        assert_eq!(c.languages, ["uz"]);
        assert!(c.interpreter_needed);
        assert_eq!(c.mrz.map(|m| m.document_number), Some("L898902C3".into()));
    }

    #[test]
    fn a_bad_zone_names_the_failing_part_and_fills_nothing() {
        let bad = TD3.replace("7408122F", "7408123F");
        let i = Intake { alias: "Lena".into(), mrz: bad, ..Intake::default() };
        assert_eq!(
            i.errors(today()),
            [("mrz", "arrivals-mrz-check-date_of_birth"), ("gender", "form-error-required")],
            "the gender is not taken from a zone that failed"
        );
        let short = Intake { mrz: "P<UTO\nL898".into(), ..i.clone() };
        assert!(short.errors(today()).contains(&("mrz", "arrivals-mrz-length-passport")));
    }

    #[test]
    fn any_form_can_read_a_zone() {
        assert_eq!(read_zone("  ", today()), Ok(None));
        assert_eq!(read_zone(TD3, today()).unwrap().map(|m| m.family_name), Some("ERIKSSON".into()));
        assert_eq!(read_zone("P<UTO", today()), Err("arrivals-mrz-lines"));
    }

    #[test]
    fn a_typed_date_of_birth_must_agree_with_the_zone() {
        let i = Intake {
            alias: "Lena".into(),
            mrz: TD3.into(),
            date_of_birth: NaiveDate::from_ymd_opt(1974, 8, 13),
            ..Intake::default()
        };
        assert_eq!(i.errors(today()), [("date_of_birth", "arrivals-error-birth-differs")]);
        let future = Intake { date_of_birth: NaiveDate::from_ymd_opt(2027, 1, 1), mrz: String::new(), ..i };
        assert_eq!(
            future.errors(today()),
            [("gender", "form-error-required"), ("date_of_birth", "arrivals-error-birth-future")]
        );
    }
}
