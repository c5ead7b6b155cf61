//! The languages the centre meets, as ISO 639-1 codes with their names in
//! English, Russian and French (Russian and French write them in lower case,
//! as in a sentence; a screen shows the name, never the code): the countries of origin of the people it
//! assists (Central Asia, the Caucasus, Eastern Europe, South and South-East
//! Asia, West and East Africa) and the languages of its staff and partners.

/// `(code, English, Russian, French)`, most often needed first.
pub const LANGUAGES: &[(&str, &str, &str, &str)] = &[
    ("ru", "Russian", "русский", "russe"),
    ("en", "English", "английский", "anglais"),
    ("fr", "French", "французский", "français"),
    ("uk", "Ukrainian", "украинский", "ukrainien"),
    ("be", "Belarusian", "белорусский", "biélorusse"),
    ("kk", "Kazakh", "казахский", "kazakh"),
    ("ky", "Kyrgyz", "киргизский", "kirghiz"),
    ("uz", "Uzbek", "узбекский", "ouzbek"),
    ("tg", "Tajik", "таджикский", "tadjik"),
    ("tk", "Turkmen", "туркменский", "turkmène"),
    ("az", "Azerbaijani", "азербайджанский", "azerbaïdjanais"),
    ("hy", "Armenian", "армянский", "arménien"),
    ("ka", "Georgian", "грузинский", "géorgien"),
    ("ro", "Romanian", "румынский", "roumain"),
    ("bg", "Bulgarian", "болгарский", "bulgare"),
    ("sr", "Serbian", "сербский", "serbe"),
    ("sq", "Albanian", "албанский", "albanais"),
    ("pl", "Polish", "польский", "polonais"),
    ("de", "German", "немецкий", "allemand"),
    ("es", "Spanish", "испанский", "espagnol"),
    ("pt", "Portuguese", "португальский", "portugais"),
    ("it", "Italian", "итальянский", "italien"),
    ("tr", "Turkish", "турецкий", "turc"),
    ("ar", "Arabic", "арабский", "arabe"),
    ("fa", "Persian", "персидский", "persan"),
    ("ps", "Pashto", "пушту", "pachto"),
    ("ur", "Urdu", "урду", "ourdou"),
    ("hi", "Hindi", "хинди", "hindi"),
    ("bn", "Bengali", "бенгальский", "bengali"),
    ("ne", "Nepali", "непальский", "népalais"),
    ("zh", "Chinese", "китайский", "chinois"),
    ("vi", "Vietnamese", "вьетнамский", "vietnamien"),
    ("th", "Thai", "тайский", "thaï"),
    ("km", "Khmer", "кхмерский", "khmer"),
    ("lo", "Lao", "лаосский", "lao"),
    ("my", "Burmese", "бирманский", "birman"),
    ("tl", "Tagalog", "тагальский", "tagalog"),
    ("id", "Indonesian", "индонезийский", "indonésien"),
    ("mn", "Mongolian", "монгольский", "mongol"),
    ("ko", "Korean", "корейский", "coréen"),
    ("ja", "Japanese", "японский", "japonais"),
    ("am", "Amharic", "амхарский", "amharique"),
    ("ti", "Tigrinya", "тигринья", "tigrigna"),
    ("so", "Somali", "сомалийский", "somali"),
    ("sw", "Swahili", "суахили", "swahili"),
    ("ha", "Hausa", "хауса", "haoussa"),
    ("yo", "Yoruba", "йоруба", "yoruba"),
    ("ig", "Igbo", "игбо", "igbo"),
    ("ln", "Lingala", "лингала", "lingala"),
    ("wo", "Wolof", "волоф", "wolof"),
];

/// The name of language `code` in interface language `lang` (`en`, `ru`, `fr`).
pub fn language_name(code: &str, lang: &str) -> Option<&'static str> {
    let (_, en, ru, fr) = LANGUAGES.iter().find(|(c, ..)| c.eq_ignore_ascii_case(code.trim()))?;
    Some(match lang {
        "ru" => ru,
        "fr" => fr,
        _ => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_two_letter_lowercase() {
        let mut seen = HashSet::new();
        for (code, en, ru, fr) in LANGUAGES {
            assert!(seen.insert(*code), "{code} twice");
            assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(!en.is_empty() && !ru.is_empty() && !fr.is_empty());
        }
        assert!(LANGUAGES.len() >= 40);
    }

    #[test]
    fn names_in_each_language() {
        assert_eq!(language_name("uz", "en"), Some("Uzbek"));
        assert_eq!(language_name("UZ", "ru"), Some("узбекский"));
        assert_eq!(language_name("uz", "fr"), Some("ouzbek"));
        assert_eq!(language_name("xx", "en"), None);
    }
}
