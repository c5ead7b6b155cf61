//! Proptest strategies for every record type: arbitrary *valid* values with
//! hostile text (Cyrillic, emoji, control characters). The store's codec
//! round-trip tests use them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Debug;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use super::*;

/// One of the given values.
pub fn pick<T: Clone + Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = T> {
    select(values)
}

/// Text as users and attackers type it: any Unicode, or a mix of Cyrillic,
/// Latin, emoji and control characters.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\x7fа-яА-ЯёЁәқңөүұһўєїґ a-zA-Z0-9😀🏠👩‍👧'’\\-\\n\\t]{0,24}",
        Just(String::new()),
    ]
}

/// A date between 1950 and about 2169.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..80_000).prop_map(|d| NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + Duration::days(d))
}

/// A date-time to the second.
pub fn datetime() -> impl Strategy<Value = NaiveDateTime> {
    (date(), 0i64..86_400).prop_map(|(d, s)| d.and_hms_opt(0, 0, 0).unwrap() + Duration::seconds(s))
}

/// A raw id.
pub fn id() -> impl Strategy<Value = Id> {
    any::<[u8; 16]>().prop_map(Id)
}

/// A typed id.
pub fn typed_id<T: From<Id> + Debug>() -> impl Strategy<Value = T> {
    id().prop_map(T::from)
}

/// A valid case code.
pub fn case_code() -> impl Strategy<Value = CaseCode> {
    ("[A-Z]{2,5}", 0u8..=99, any::<u32>()).prop_map(|(c, y, s)| CaseCode::new(c, y, s).unwrap())
}

/// An assigned country code.
pub fn country() -> impl Strategy<Value = CountryCode> {
    pick(CountryCode::all().collect())
}

/// A valid username.
pub fn username() -> impl Strategy<Value = String> {
    "[a-z0-9._-]{2,32}"
}

/// A non-negative amount in some currency.
pub fn money() -> impl Strategy<Value = Money> {
    (
        0i64..=i64::MAX,
        prop_oneof![
            Just(Currency::RUB),
            Just(Currency::EUR),
            Just(Currency::USD),
            "[A-Z]{3}".prop_map(|c| Currency::parse(&c).unwrap()),
        ],
    )
        .prop_map(|(m, c)| Money::new(m, c))
}

/// A valid flight number.
pub fn flight() -> impl Strategy<Value = FlightNumber> {
    ("[A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3}", "[0-9]{1,4}[A-Z]?")
        .prop_map(|(a, n)| FlightNumber::parse(&format!("{a} {n}")).unwrap())
}

/// Any age basis.
pub fn age_basis() -> impl Strategy<Value = AgeBasis> {
    prop_oneof![
        date().prop_map(AgeBasis::DateOfBirth),
        (any::<u8>(), date()).prop_map(|(years, on)| AgeBasis::Estimated { years, on }),
        Just(AgeBasis::Unknown),
    ]
}

macro_rules! all_of {
    ($t:ty) => {
        pick(<$t>::all().collect::<Vec<_>>())
    };
}

/// The front part of a case.
pub fn case_front() -> impl Strategy<Value = CaseFront> {
    (
        (typed_id::<CaseId>(), case_code(), text(), all_of!(Gender), age_basis(), all_of!(AgeGroup)),
        (
            vec("[a-z]{2}", 0..4),
            any::<bool>(),
            text(),
            all_of!(CaseStatus),
            any::<bool>(),
            option::of(date()),
            option::of(username()),
        ),
    )
        .prop_map(
            |(
                (id, code, alias, gender, age, age_group),
                (languages, interpreter_needed, special_needs, status, high_risk, arrived_on, worker),
            )| CaseFront {
                id,
                code,
                alias,
                gender,
                age,
                age_group,
                languages,
                interpreter_needed,
                special_needs,
                status,
                high_risk,
                arrived_on,
                worker,
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        all_of!(DocumentKind),
        text(),
        option::of(country()),
        option::of(date()),
        option::of(date()),
        all_of!(DocumentLocation),
    )
        .prop_map(|(kind, number, issuing_country, issued_on, expires_on, location)| Document {
            kind,
            number,
            issuing_country,
            issued_on,
            expires_on,
            location,
        })
}

fn contact() -> impl Strategy<Value = Contact> {
    (all_of!(ContactKind), text(), text()).prop_map(|(kind, value, note)| Contact { kind, value, note })
}

fn trafficking() -> impl Strategy<Value = TraffickingProfile> {
    (
        all_of!(TraffickingStatus),
        option::of(all_of!(DecidingOrganisation)),
        vec(all_of!(ExploitationType), 0..4),
        vec(all_of!(MeansOfControl), 0..6),
        option::of(all_of!(RecruiterRelation)),
        option::of(all_of!(RecruitmentMethod)),
        vec(country(), 0..3),
    )
        .prop_map(|(status, decided_by, exploitation, means_of_control, relationship, recruitment, countries)| {
            TraffickingProfile {
                status,
                decided_by,
                exploitation,
                means_of_control,
                relationship,
                recruitment,
                country_of_exploitation: countries,
            }
        })
}

fn closing() -> impl Strategy<Value = Closing> {
    (all_of!(ClosingOutcome), date(), text()).prop_map(|(outcome, on, note)| Closing { outcome, on, note })
}

/// The private part of a case, names in NFC with their derived Latin form.
pub fn case_private() -> impl Strategy<Value = CasePrivate> {
    (
        (typed_id::<CaseId>(), text(), text(), text(), option::of(date()), vec(country(), 0..3)),
        (
            text(),
            vec(document(), 0..3),
            vec(contact(), 0..3),
            trafficking(),
            option::of(typed_id::<ReferralId>()),
            option::of(closing()),
            text(),
        ),
    )
        .prop_map(
            |(
                (case_id, family_name, given_names, patronymic, date_of_birth, citizenship),
                (place_of_origin, documents, contacts, trafficking, incoming_referral, closing, notes),
            )| {
                let mut p = CasePrivate {
                    case_id,
                    family_name,
                    given_names,
                    patronymic,
                    latin: String::new(),
                    date_of_birth,
                    citizenship,
                    place_of_origin,
                    documents,
                    contacts,
                    trafficking,
                    incoming_referral,
                    closing,
                    notes,
                };
                p.refresh_latin();
                p
            },
        )
}

fn needs() -> impl Strategy<Value = Needs> {
    (any::<bool>(), any::<bool>(), any::<bool>(), option::of("[a-z]{2}"))
        .prop_map(|(wheelchair, medical, minor, interpreter)| Needs { wheelchair, medical, minor, interpreter })
}

/// An airport pickup.
pub fn pickup() -> impl Strategy<Value = Pickup> {
    (
        (
            typed_id::<PickupId>(),
            flight(),
            text(),
            pick(vec!["SVO".to_string(), "DME".into(), "VKO".into(), "ZIA".into()]),
            option::of("[A-F]"),
            datetime(),
            option::of(datetime()),
            option::of(datetime()),
        ),
        (
            text(),
            option::of(text()),
            text(),
            needs(),
            option::of(typed_id::<CaseId>()),
            all_of!(PickupStatus),
            vec((all_of!(PickupStatus), datetime()), 0..4),
            text(),
        ),
    )
        .prop_map(
            |(
                (id, flight, origin, airport, terminal, scheduled, estimated, actual),
                (meeting_point, escort, recognition, needs, case_id, status, changes, reason),
            )| Pickup {
                id,
                flight,
                origin,
                airport,
                terminal,
                scheduled,
                estimated,
                actual,
                meeting_point,
                escort,
                recognition,
                needs,
                case_id,
                status,
                changes,
                reason,
                met_effect: None,
                corrected: false,
                by: Default::default(),
            },
        )
}

/// A room.
pub fn room() -> impl Strategy<Value = Room> {
    (typed_id::<RoomId>(), text(), any::<i16>(), all_of!(Wing), any::<bool>(), any::<bool>())
        .prop_map(|(id, name, floor, wing, accessible, retired)| Room { id, name, floor, wing, accessible, retired })
}

/// A bed.
pub fn bed() -> impl Strategy<Value = Bed> {
    (
        typed_id::<BedId>(),
        typed_id::<RoomId>(),
        text(),
        any::<u32>(),
        option::of((text(), option::of(date())).prop_map(|(reason, until)| OutOfService { reason, until })),
        any::<bool>(),
    )
        .prop_map(|(id, room_id, label, walk_order, out_of_service, retired)| Bed {
            id,
            room_id,
            label,
            walk_order,
            out_of_service,
            retired,
        })
}

/// A stay; a closed one ends on or after its start and has a reason.
pub fn stay() -> impl Strategy<Value = Stay> {
    (
        typed_id::<StayId>(),
        typed_id::<CaseId>(),
        typed_id::<BedId>(),
        date(),
        option::of(0i64..400),
        option::of((0i64..400, all_of!(StayEndReason))),
    )
        .prop_map(|(id, case_id, bed_id, from, expected, end)| Stay {
            id,
            case_id,
            bed_id,
            from,
            expected_until: expected.map(|d| from + Duration::days(d)),
            until: end.map(|(d, _)| from + Duration::days(d)),
            end_reason: end.map(|(_, r)| r),
        })
}

/// A reservation.
pub fn reservation() -> impl Strategy<Value = Reservation> {
    (
        typed_id::<ReservationId>(),
        typed_id::<BedId>(),
        option::of(typed_id::<CaseId>()),
        option::of(typed_id::<PickupId>()),
        date(),
        any::<bool>(),
    )
        .prop_map(|(id, bed_id, case_id, pickup_id, for_date, released)| Reservation {
            id,
            bed_id,
            case_id,
            pickup_id,
            for_date,
            released,
        })
}

/// A night roll-call with at most one mark per bed.
pub fn night_check() -> impl Strategy<Value = NightCheck> {
    (
        typed_id::<NightCheckId>(),
        date(),
        datetime(),
        option::of(datetime()),
        username(),
        vec((typed_id::<BedId>(), option::of(typed_id::<CaseId>()), all_of!(NightMark)), 0..8),
    )
        .prop_map(|(id, night, started_at, finished_at, by, marks)| {
            let mut check = NightCheck { id, night, started_at, finished_at, by, marks: Vec::new() };
            for (bed, case, mark) in marks {
                check.set_mark(bed, case, mark);
            }
            check
        })
}

fn provider() -> impl Strategy<Value = Provider> {
    prop_oneof![Just(Provider::Internal), typed_id::<OrganisationId>().prop_map(Provider::Organisation),]
}

/// A service item that passes [`validate_service`].
pub fn service_item() -> impl Strategy<Value = ServiceItem> {
    (
        typed_id::<ServiceItemId>(),
        typed_id::<CaseId>(),
        all_of!(ServiceKind),
        all_of!(ServiceStatus),
        date(),
        option::of(date()),
        provider(),
        money(),
        any::<bool>(),
        text(),
    )
        .prop_map(|(id, case_id, kind, status, planned, done, provider, amount, with_amount, note)| {
            let committed = matches!(status, ServiceStatus::Planned | ServiceStatus::InProgress | ServiceStatus::Done);
            let amount = Money::new(amount.minor.max(1), amount.currency);
            ServiceItem {
                id,
                case_id,
                kind,
                status,
                planned_on: if status == ServiceStatus::Planned { Some(planned) } else { done.map(|_| planned) },
                done_on: if status == ServiceStatus::Done { Some(done.unwrap_or(planned)) } else { None },
                provider,
                amount: if (kind.has_amount() && committed) || with_amount { Some(amount) } else { None },
                note,
            }
        })
}

/// A referral.
pub fn referral() -> impl Strategy<Value = Referral> {
    (
        (
            typed_id::<ReferralId>(),
            typed_id::<CaseId>(),
            all_of!(Direction),
            typed_id::<OrganisationId>(),
            date(),
            all_of!(ReferralReason),
        ),
        (
            vec(all_of!(ServiceKind), 0..4),
            all_of!(ReferralStatus),
            option::of(date()),
            option::of(typed_id::<ConsentId>()),
            option::of(text()),
        ),
    )
        .prop_map(
            |(
                (id, case_id, direction, organisation, date, reason),
                (services, status, follow_up, consent, override_reason),
            )| Referral {
                id,
                case_id,
                direction,
                organisation,
                date,
                reason,
                services,
                status,
                follow_up,
                consent,
                override_reason,
            },
        )
}

/// An organisation.
pub fn organisation() -> impl Strategy<Value = Organisation> {
    (
        typed_id::<OrganisationId>(),
        text(),
        all_of!(OrganisationType),
        text(),
        option::of(country()),
        text(),
        vec(all_of!(ServiceKind), 0..5),
        any::<bool>(),
    )
        .prop_map(|(id, name, kind, city, country, contact, services, retired)| Organisation {
            id,
            name,
            kind,
            city,
            country,
            contact,
            services,
            retired,
        })
}

/// A journey.
pub fn travel() -> impl Strategy<Value = Travel> {
    (
        (typed_id::<TravelId>(), typed_id::<CaseId>(), all_of!(TravelKind), text(), option::of(country())),
        (all_of!(TravelMode), option::of(date()), text(), all_of!(Escort), any::<bool>(), option::of(date())),
    )
        .prop_map(
            |(
                (id, case_id, kind, destination, country),
                (mode, date, ticket, escort, documents_ready, completed_on),
            )| Travel {
                id,
                case_id,
                kind,
                destination,
                country,
                mode,
                date,
                ticket,
                escort,
                documents_ready,
                completed_on,
            },
        )
}

fn consent_purpose() -> impl Strategy<Value = ConsentPurpose> {
    prop_oneof![
        Just(ConsentPurpose::DataProcessing),
        typed_id::<OrganisationId>().prop_map(ConsentPurpose::SharingWith),
        Just(ConsentPurpose::AnonymisedStatistics),
    ]
}

/// A consent or refusal.
pub fn consent() -> impl Strategy<Value = Consent> {
    (
        typed_id::<ConsentId>(),
        typed_id::<CaseId>(),
        consent_purpose(),
        any::<bool>(),
        date(),
        username(),
        option::of(0i64..1000),
    )
        .prop_map(|(id, case_id, purpose, given, date, recorded_by, withdrawn)| Consent {
            id,
            case_id,
            purpose,
            given,
            date,
            recorded_by,
            withdrawn_on: withdrawn.map(|d| date + Duration::days(d)),
        })
}

/// A case note.
pub fn note() -> impl Strategy<Value = Note> {
    (typed_id::<NoteId>(), typed_id::<CaseId>(), date(), text()).prop_map(|(id, case_id, date, text)| Note {
        id,
        case_id,
        date,
        text,
    })
}

/// The medical detail of a service item.
pub fn service_detail() -> impl Strategy<Value = crate::domain::service_detail::ServiceDetail> {
    (typed_id::<ServiceItemId>(), typed_id::<CaseId>(), provider(), text()).prop_map(|(id, case_id, provider, note)| {
        crate::domain::service_detail::ServiceDetail { id, case_id, provider, note }
    })
}

/// A medical or psychological note.
pub fn medical_note() -> impl Strategy<Value = MedicalNote> {
    (typed_id::<MedicalNoteId>(), typed_id::<CaseId>(), date(), all_of!(MedicalNoteKind), text())
        .prop_map(|(id, case_id, date, kind, text)| MedicalNote { id, case_id, date, kind, text })
}

/// A user with a valid username.
pub fn user() -> impl Strategy<Value = User> {
    (username(), text(), all_of!(Role), any::<bool>()).prop_map(|(username, display_name, role, disabled)| User {
        username,
        display_name,
        role,
        disabled,
    })
}

/// A fixed, plausible front part for example-based tests (synthetic data).
pub fn sample_case_front() -> CaseFront {
    CaseFront {
        id: CaseId(Id([1; 16])),
        code: CaseCode::new("MSK", 26, 42).unwrap(),
        alias: "Rose".into(),
        gender: Gender::Feminine,
        age: AgeBasis::Unknown,
        age_group: AgeGroup::Adult,
        languages: vec!["ru".into()],
        interpreter_needed: false,
        special_needs: String::new(),
        status: CaseStatus::Expected,
        high_risk: false,
        arrived_on: None,
        worker: None,
    }
}

/// A fixed, plausible private part for example-based tests (synthetic data).
pub fn sample_case_private() -> CasePrivate {
    let mut p = CasePrivate::new(CaseId(Id([1; 16])));
    p.family_name = "Иванова".into();
    p.given_names = "Юлия".into();
    p.patronymic = "Петровна".into();
    p.date_of_birth = NaiveDate::from_ymd_opt(1999, 2, 28);
    p.citizenship = vec![CountryCode::parse("UZ").unwrap()];
    p.trafficking.status = TraffickingStatus::PresumedVictim;
    p.trafficking.exploitation = vec![ExploitationType::ForcedLabour];
    p.refresh_latin();
    p
}

/// A passport zone sealed at the gate (random bytes stand for the sealed value).
pub fn gate_zone() -> impl Strategy<Value = crate::domain::gate_zone::GateZone> {
    (typed_id::<CaseId>(), proptest::collection::vec(any::<u8>(), 0..200))
        .prop_map(|(case_id, sealed)| crate::domain::gate_zone::GateZone { case_id, sealed })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn generated_records_keep_the_domain_rules(
            front in case_front(),
            private in case_private(),
            item in service_item(),
            s in stay(),
            check in night_check(),
            u in user(),
            c in consent(),
        ) {
            prop_assert!(valid_centre_code(&front.code.centre));
            prop_assert_eq!(front.code.to_string().parse::<CaseCode>(), Ok(front.code.clone()));
            let mut again = private.clone();
            again.refresh_latin();
            prop_assert_eq!(again, private);
            prop_assert_eq!(validate_service(&item), Ok(()));
            prop_assert!(s.until.is_none_or(|u| u >= s.from));
            prop_assert_eq!(s.is_open(), s.end_reason.is_none());
            let mut beds: Vec<_> = check.marks.iter().map(|m| m.bed_id).collect();
            beds.sort();
            beds.dedup();
            prop_assert_eq!(beds.len(), check.marks.len());
            prop_assert!(valid_username(&u.username));
            prop_assert!(c.withdrawn_on.is_none_or(|w| w >= c.date));
        }

        /// Every other strategy gives values that survive serialisation
        /// whole (what the store's codec relies on) and, where the value has
        /// a written form, reads back from it.
        #[test]
        fn every_strategy_produces_values_that_read_back(
            p in pickup(), r in room(), b in bed(), res in reservation(),
            referral in referral(), o in organisation(), t in travel(),
            n in note(), m in medical_note(), f in flight(), money in money(),
        ) {
            prop_assert_eq!(FlightNumber::parse(&f.to_string()), Ok(f.clone()));
            prop_assert_eq!(FlightNumber::parse(&p.flight.to_string()), Ok(p.flight.clone()));
            prop_assert_eq!(Money::parse(&money.to_string(), Currency::RUB), Ok(money));
            if let Some(c) = &o.country {
                prop_assert_eq!(CountryCode::parse(c.as_str()), Ok(*c));
            }
            fn again<T: serde::Serialize + serde::de::DeserializeOwned>(v: &T) -> T {
                serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap()
            }
            prop_assert_eq!(again(&p), p);
            prop_assert_eq!(again(&r), r);
            prop_assert_eq!(again(&b), b);
            prop_assert_eq!(again(&res), res);
            prop_assert_eq!(again(&referral), referral);
            prop_assert_eq!(again(&o), o);
            prop_assert_eq!(again(&t), t);
            prop_assert_eq!(again(&n), n);
            prop_assert_eq!(again(&m), m);
        }
    }
}
