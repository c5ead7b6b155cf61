//! The languages the centre meets, as ISO 639-1 codes with their names in
//! English, Russian and French: the countries of origin of the people it
//! assists (Central Asia, the Caucasus, Eastern Europe, South and South-East
//! Asia, West and East Africa) and the languages of its staff and partners.

/// `(code, English, Russian, French)`, most often needed first.
pub const LANGUAGES: &[(&str, &str, &str, &str)] = &[
    ("ru", "Russian", "Русский", "russe"),
    ("en", "English", "Английский", "anglais"),
    ("fr", "French", "Французский", "français"),
    ("uk", "Ukrainian", "Украинский", "ukrainien"),
    ("be", "Belarusian", "Белорусский", "biélorusse"),
    ("kk", "Kazakh", "Казахский", "kazakh"),
    ("ky", "Kyrgyz", "Киргизский", "kirghiz"),
    ("uz", "Uzbek", "Узбекский", "ouzbek"),
    ("tg", "Tajik", "Таджикский", "tadjik"),
    ("tk", "Turkmen", "Туркменский", "turkmène"),
    ("az", "Azerbaijani", "Азербайджанский", "azerbaïdjanais"),
    ("hy", "Armenian", "Армянский", "arménien"),
    ("ka", "Georgian", "Грузинский", "géorgien"),
    ("ro", "Romanian", "Румынский", "roumain"),
    ("bg", "Bulgarian", "Болгарский", "bulgare"),
    ("sr", "Serbian", "Сербский", "serbe"),
    ("sq", "Albanian", "Албанский", "albanais"),
    ("pl", "Polish", "Польский", "polonais"),
    ("de", "German", "Немецкий", "allemand"),
    ("es", "Spanish", "Испанский", "espagnol"),
    ("pt", "Portuguese", "Португальский", "portugais"),
    ("it", "Italian", "Итальянский", "italien"),
    ("tr", "Turkish", "Турецкий", "turc"),
    ("ar", "Arabic", "Арабский", "arabe"),
    ("fa", "Persian", "Персидский", "persan"),
    ("ps", "Pashto", "Пушту", "pachto"),
    ("ur", "Urdu", "Урду", "ourdou"),
    ("hi", "Hindi", "Хинди", "hindi"),
    ("bn", "Bengali", "Бенгальский", "bengali"),
    ("ne", "Nepali", "Непальский", "népalais"),
    ("zh", "Chinese", "Китайский", "chinois"),
    ("vi", "Vietnamese", "Вьетнамский", "vietnamien"),
    ("th", "Thai", "Тайский", "thaï"),
    ("km", "Khmer", "Кхмерский", "khmer"),
    ("lo", "Lao", "Лаосский", "lao"),
    ("my", "Burmese", "Бирманский", "birman"),
    ("tl", "Tagalog", "Тагальский", "tagalog"),
    ("id", "Indonesian", "Индонезийский", "indonésien"),
    ("mn", "Mongolian", "Монгольский", "mongol"),
    ("ko", "Korean", "Корейский", "coréen"),
    ("ja", "Japanese", "Японский", "japonais"),
    ("am", "Amharic", "Амхарский", "amharique"),
    ("ti", "Tigrinya", "Тигринья", "tigrigna"),
    ("so", "Somali", "Сомалийский", "somali"),
    ("sw", "Swahili", "Суахили", "swahili"),
    ("ha", "Hausa", "Хауса", "haoussa"),
    ("yo", "Yoruba", "Йоруба", "yoruba"),
    ("ig", "Igbo", "Игбо", "igbo"),
    ("ln", "Lingala", "Лингала", "lingala"),
    ("wo", "Wolof", "Волоф", "wolof"),
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
        assert_eq!(language_name("UZ", "ru"), Some("Узбекский"));
        assert_eq!(language_name("uz", "fr"), Some("ouzbek"));
        assert_eq!(language_name("xx", "en"), None);
    }
}
