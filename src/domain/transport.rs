//! How a person arrives: by air with a flight number, or another way
//! (train, bus, car, on foot, not known) for a walk-in without a flight.

use serde::{Deserialize, Serialize};

use super::flight::{FlightError, FlightNumber};

/// How the person came.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// By air: the pickup's flight number says which.
    #[default]
    Flight,
    /// By train.
    Train,
    /// By bus or coach.
    Bus,
    /// By car.
    Car,
    /// On foot.
    OnFoot,
    /// Not known.
    Unknown,
}

keyed!(Transport);

impl Transport {
    /// The word that reads back as this way of coming (the form shows it
    /// when a pickup without a flight is edited); empty for a flight.
    pub fn word(self) -> &'static str {
        match self {
            Transport::Flight => "",
            Transport::Train => "train",
            Transport::Bus => "bus",
            Transport::Car => "car",
            Transport::OnFoot => "foot",
            Transport::Unknown => "unknown",
        }
    }
}

/// The words reception may type instead of a flight, in the three interface
/// languages (lower case), for each way of coming other than by air.
const WORDS: &[(Transport, &[&str])] = &[
    (Transport::Train, &["train", "поезд", "ж/д"]),
    (Transport::Bus, &["bus", "coach", "автобус", "autocar", "autobus"]),
    (Transport::Car, &["car", "auto", "машина", "авто", "voiture"]),
    (Transport::OnFoot, &["foot", "on foot", "walk", "пешком", "à pied", "a pied", "pied"]),
    (Transport::Unknown, &["unknown", "?", "неизвестно", "не знаю", "inconnu"]),
];

/// Reads what reception typed in the flight field: a way of coming other
/// than by air (`train`, `bus`, `car`, `foot`, `unknown`, in English,
/// Russian or French), or else a flight number.
pub fn parse_arrival(input: &str) -> Result<(Transport, Option<FlightNumber>), FlightError> {
    let word = input.trim().to_lowercase();
    // "car" is a car, as in English; a French coach is written "autocar".
    if let Some((t, _)) = WORDS.iter().find(|(_, words)| words.contains(&word.as_str())) {
        return Ok((*t, None));
    }
    FlightNumber::parse(input).map(|f| (Transport::Flight, Some(f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_three_languages_or_a_flight() {
        assert_eq!(parse_arrival(" Train ").unwrap(), (Transport::Train, None));
        assert_eq!(parse_arrival("автобус").unwrap(), (Transport::Bus, None));
        assert_eq!(parse_arrival("car").unwrap(), (Transport::Car, None));
        assert_eq!(parse_arrival("à pied").unwrap(), (Transport::OnFoot, None));
        assert_eq!(parse_arrival("?").unwrap(), (Transport::Unknown, None));
        let (t, f) = parse_arrival("su2101").unwrap();
        assert_eq!((t, f.unwrap().to_string()), (Transport::Flight, "SU 2101".to_string()));
        assert!(parse_arrival("zz").is_err());
        for t in Transport::all().filter(|t| *t != Transport::Flight) {
            assert_eq!(parse_arrival(t.word()).unwrap(), (t, None), "{t:?} reads back");
        }
    }
}
