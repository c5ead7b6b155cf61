//! Names across scripts: NFC storage, ICAO 9303 Latin form, and a search key.
//!
//! # ICAO 9303 (Part 3, 8th edition) transliteration
//!
//! One table for every Cyrillic language (as ICAO has one): Ж→ZH, Х→KH, Ц→TS,
//! Ч→CH, Ш→SH, Щ→SHCH, Ъ→IE, Ы→Y, Ь dropped, Э→E, Ю→IU, Я→IA, Й→I, Ё→E,
//! Є→IE, Ї→I, Г/Ґ→G, Ў→U. Letters ICAO does not list (Kazakh, Uzbek, Tajik)
//! go to the nearest ICAO letter as their national passports do: Ә→A, Ғ→G,
//! Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Һ/Ҳ→H, Ҷ→J. Latin: Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA,
//! Æ→AE, Ø→OE, Œ→OE, Þ→TH, Ð/Đ→D, Ł→L, other diacritics stripped. Greek: the
//! ICAO basic table (Β→V, Η→I, Θ→TH, Ξ→X, Υ→Y, Χ→CH, Ψ→PS, Ω→O). Apostrophes
//! are dropped; spaces and hyphens kept; other scripts pass through unchanged.
//!
//! # Search folding
//!
//! [`search_fold`] turns a name into the key that both the index and the
//! query go through, so that the spellings people really type meet:
//!
//! 1. Latin diacritics are stripped first (`Müller` → `muller`, because staff
//!    rarely type `ue`), then [`icao_latin`], then lowercase.
//! 2. Anything not a letter or digit separates words; words keep their order.
//! 3. Per word: `w`→`v`, `x`→`ks`, `q`→`k`; `shch`/`sch`→`sh`, `tch`→`ch`,
//!    `kh`→`h`, `ts`/`tz`→`c`, `ou`→`u` (French transcriptions).
//! 4. `y` and `j` become `i` (so ya/ia/ja, yu/iu/ju, yo/io meet).
//! 5. Doubled letters collapse (`Iuliia`→`iulia`, `Anna`→`ana`); doubled
//!    digits do not (`0028`, `0228` and `0280` are three case codes, `AB1122`
//!    and `AB12` two passports).
//! 6. `io`/`ie` become `e` (ICAO writes Ё as E and Е after a vowel as E:
//!    `Fyodor`/`Fedor`, `Yelena`/`Elena`, `Aliyev`/`Aliev`), and `iu` after a
//!    consonant becomes `u` (`Lyudmila`/`Ludmila`).
//! 7. Doubled letters collapse again.
//!
//! Folding is deliberately lossy; the search ranks exact matches first.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The string in Unicode normalisation form C, as every name is stored.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// ICAO 9303 (and near-ICAO national practice) for one uppercase letter.
fn table(c: char) -> Option<&'static str> {
    Some(match c {
        // Cyrillic
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' | 'Ґ' | 'Ѓ' | 'Ғ' => "G",
        'Д' | 'Ђ' => "D",
        'Е' | 'Ё' | 'Э' => "E",
        'Є' | 'Ъ' => "IE",
        'Ж' => "ZH",
        'З' => "Z",
        'Ѕ' | 'Џ' => "DZ",
        'И' | 'І' | 'Ї' | 'Й' | 'Ӣ' => "I",
        'Ј' | 'Ҷ' => "J",
        'К' | 'Ќ' | 'Қ' => "K",
        'Л' => "L",
        'Љ' => "LJ",
        'М' => "M",
        'Н' | 'Ң' => "N",
        'Њ' => "NJ",
        'О' | 'Ө' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "C",
        'У' | 'Ў' | 'Ұ' | 'Ү' | 'Ӯ' => "U",
        'Ф' => "F",
        'Х' => "KH",
        'Һ' | 'Ҳ' => "H",
        'Ц' => "TS",
        'Ч' => "CH",
        'Ш' => "SH",
        'Щ' => "SHCH",
        'Ы' => "Y",
        'Ь' => "",
        'Ю' => "IU",
        'Я' => "IA",
        'Ә' => "A",
        // Latin letters ICAO expands rather than strips
        'Ä' | 'Æ' => "AE",
        'Å' => "AA",
        'Ö' | 'Ø' | 'Œ' => "OE",
        'Ü' => "UE",
        'Þ' => "TH",
        'Ð' | 'Đ' => "D",
        'Ł' => "L",
        'Ħ' => "H",
        'Ŋ' => "N",
        'Ŧ' => "T",
        'Ĳ' => "IJ",
        // Greek
        'Α' => "A",
        'Β' => "V",
        'Γ' => "G",
        'Δ' => "D",
        'Ε' => "E",
        'Ζ' => "Z",
        'Η' | 'Ι' => "I",
        'Θ' => "TH",
        'Κ' => "K",
        'Λ' => "L",
        'Μ' => "M",
        'Ν' => "N",
        'Ξ' => "X",
        'Ο' | 'Ω' => "O",
        'Π' => "P",
        'Ρ' => "R",
        'Σ' => "S",
        'Τ' => "T",
        'Υ' => "Y",
        'Φ' => "F",
        'Χ' => "CH",
        'Ψ' => "PS",
        _ => return None,
    })
}

/// Apostrophe-like marks (Ukrainian apostrophe, prime, ASCII quote …).
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʹ' | 'ʺ' | '`' | '´' | '‘')
}

/// Pushes the ICAO form of one uppercase character.
fn push_icao(out: &mut String, c: char) {
    if let Some(t) = table(c) {
        out.push_str(t);
    } else if c.is_ascii_alphanumeric() || c == ' ' || c == '-' {
        out.push(c);
    } else if is_apostrophe(c) {
        // ICAO drops apostrophes (Мар'яна → MARIANA).
    } else if c.is_whitespace() {
        out.push(' ');
    } else {
        // Strip diacritics and try again on the base letters (Ć, Ș, Ά, Й …).
        let bases: Vec<char> = std::iter::once(c).nfd().filter(|b| !is_combining_mark(*b)).collect();
        if bases.len() == 1 && bases.first() == Some(&c) {
            out.push(c);
            return;
        }
        for b in bases {
            match table(b) {
                Some(t) => out.push_str(t),
                None => out.push(b),
            }
        }
    }
}

/// ICAO 9303 Latin form of a name, uppercase: `Щукина Юлия` → `SHCHUKINA IULIIA`.
pub fn icao_latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        for u in c.to_uppercase() {
            push_icao(&mut out, u);
        }
    }
    out
}

/// Replaces Latin letters with diacritics by their base letters (`ü` → `u`).
fn strip_latin_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let bases: String = std::iter::once(c).nfd().filter(|b| !is_combining_mark(*b)).collect();
        if !bases.is_empty() && bases.chars().all(|b| b.is_ascii_alphabetic()) {
            out.push_str(&bases);
        } else {
            out.push(c);
        }
    }
    out
}

fn replace_all(word: &str, pairs: &[(&str, &str)]) -> String {
    let mut w = word.to_string();
    for (from, to) in pairs {
        w = w.replace(from, to);
    }
    w
}

fn collapse_doubles(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last: Option<char> = None;
    for c in word.chars() {
        if last != Some(c) || c.is_ascii_digit() {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

fn is_consonant(c: char) -> bool {
    c.is_ascii_alphabetic() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// `iu` after a consonant becomes `u` (`liudmila` → `ludmila`).
fn soften_iu(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let prev_consonant = i > 0 && chars.get(i - 1).is_some_and(|p| is_consonant(*p));
        if c == 'i' && prev_consonant && chars.get(i + 1) == Some(&'u') {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn fold_word(word: &str) -> String {
    let w = replace_all(
        word,
        &[
            ("w", "v"),
            ("x", "ks"),
            ("q", "k"),
            ("shch", "sh"),
            ("sch", "sh"),
            ("tch", "ch"),
            ("kh", "h"),
            ("tz", "c"),
            ("ts", "c"),
            ("ou", "u"),
            ("y", "i"),
            ("j", "i"),
        ],
    );
    let w = collapse_doubles(&w);
    let w = replace_all(&w, &[("io", "e"), ("ie", "e")]);
    let w = soften_iu(&w);
    collapse_doubles(&w)
}

/// The search key of a name; see the module documentation for the rules.
pub fn search_fold(s: &str) -> String {
    let latin = icao_latin(&strip_latin_diacritics(s)).to_lowercase();
    latin.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold_word).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("Е\u{308}"), "Ё");
        assert_eq!(nfc("И\u{306}"), "Й");
        assert_eq!(nfc("e\u{301}"), "é");
    }

    #[test]
    fn russian_follows_the_icao_table() {
        for (cyr, lat) in [
            ("Щукина", "SHCHUKINA"),
            ("Юлия", "IULIIA"),
            ("Наталья", "NATALIA"),
            ("Ёлкин", "ELKIN"),
            ("Хабибуллин", "KHABIBULLIN"),
            ("Цветаева", "TSVETAEVA"),
            ("Чайковский", "CHAIKOVSKII"),
            ("Шишкин", "SHISHKIN"),
            ("Объедков", "OBIEEDKOV"),
            ("Рыбаков", "RYBAKOV"),
            ("Эмма", "EMMA"),
            ("Яковлев", "IAKOVLEV"),
            ("Жуков", "ZHUKOV"),
            ("Андрей", "ANDREI"),
            ("Дмитрий", "DMITRII"),
            ("Александр Сергеевич", "ALEKSANDR SERGEEVICH"),
            ("Римская-Корсакова", "RIMSKAIA-KORSAKOVA"),
            ("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "ABVGDEEZHZIIKLMNOPRSTUFKHTSCHSHSHCHIEYEIUIA"),
        ] {
            assert_eq!(icao_latin(cyr), lat, "{cyr}");
        }
    }

    #[test]
    fn decomposed_input_transliterates_like_composed() {
        assert_eq!(icao_latin("Е\u{308}лка"), "ELKA");
        assert_eq!(icao_latin("И\u{306}"), "I");
    }

    #[test]
    fn other_cyrillic_languages_use_the_same_table() {
        for (cyr, lat) in [
            ("Євгенія", "IEVGENIIA"),
            ("Їжак", "IZHAK"),
            ("Ґанна", "GANNA"),
            ("Мар'яна", "MARIANA"),
            ("Марʼяна", "MARIANA"),
            ("Ўладзімір", "ULADZIMIR"),
            ("Әлия Қасымова", "ALIIA KASYMOVA"),
            ("Ғани Ңұрөүһі", "GANI NUROUHI"),
            ("Ҳасан Ўринбоев", "HASAN URINBOEV"),
            ("Қодиров", "KODIROV"),
            ("Ҷалол", "JALOL"),
        ] {
            assert_eq!(icao_latin(cyr), lat, "{cyr}");
        }
    }

    #[test]
    fn latin_diacritics_follow_icao() {
        for (name, lat) in [
            ("Müller", "MUELLER"),
            ("Jäger", "JAEGER"),
            ("Ørsted", "OERSTED"),
            ("Ångström", "AANGSTROEM"),
            ("Straße", "STRASSE"),
            ("Ærø", "AEROE"),
            ("Łukasz", "LUKASZ"),
            ("François", "FRANCOIS"),
            ("José Peña", "JOSE PENA"),
            ("Ștefan Țîrcă", "STEFAN TIRCA"),
            ("Đorđević", "DORDEVIC"),
            ("Þór", "THOR"),
            ("d'Artagnan", "DARTAGNAN"),
        ] {
            assert_eq!(icao_latin(name), lat, "{name}");
        }
    }

    #[test]
    fn greek_basic_table() {
        assert_eq!(icao_latin("Ελένη"), "ELENI");
        assert_eq!(icao_latin("Χριστίνα"), "CHRISTINA");
        assert_eq!(icao_latin("Θεόδωρος"), "THEODOROS");
        assert_eq!(icao_latin("Ψαρρός"), "PSARROS");
        assert_eq!(icao_latin("Ξένια Βασιλείου"), "XENIA VASILEIOY");
    }

    #[test]
    fn unknown_scripts_pass_through() {
        assert_eq!(icao_latin("李 Wei"), "李 WEI");
        assert_eq!(icao_latin("😀"), "😀");
        assert_eq!(icao_latin(""), "");
    }

    #[test]
    fn spellings_people_type_fold_together() {
        let groups: &[&[&str]] = &[
            &["Iuliia", "Yulia", "Julia", "julia", "Юлия", "Yuliya", "JULIA", "Iulia"],
            &["Shchukina", "Schukina", "Щукина", "SHCHUKINA"],
            &["Natalia", "Natalya", "Наталья", "Nataliya", "Natal'ya"],
            &["Tatiana", "Tatyana", "Татьяна"],
            &["Mariia", "Maria", "Mariya", "Мария", "Mar'ya"],
            &["Ksenia", "Kseniya", "Xenia", "Ксения"],
            &["Fyodor", "Fedor", "Фёдор", "Федор"],
            &["Elena", "Yelena", "Елена"],
            &["Evgeniy", "Yevgeny", "Евгений", "Evgeni"],
            &["Dmitry", "Dmitriy", "Dmitrii", "Дмитрий"],
            &["Andrey", "Andrei", "Андрей"],
            &["Aleksey", "Alexei", "Алексей", "Alexey"],
            &["Mikhail", "Mihail", "Михаил"],
            &["Tsoy", "Tsoi", "Цой", "Tzoi"],
            &["Aliyev", "Aliev", "Алиев"],
            &["Lyudmila", "Liudmila", "Ludmila", "Людмила"],
            &["Olga", "Ol'ga", "Ольга"],
            &["Vladimir", "Wladimir", "Владимир"],
            &["Kodirov", "Qodirov", "Қодиров"],
            &["Yevhen", "Ievhen"],
            &["Müller", "Muller"],
            &["Anna", "Ana", "Анна"],
            &["Zhanna", "Жанна"],
            &["Khalilova", "Halilova", "Халилова"],
            &["Ivanova Yulia", "ivanova  julia", "Иванова Юлия", "Ivanova-Iuliia"],
        ];
        for group in groups {
            let first = search_fold(group[0]);
            for other in group.iter() {
                assert_eq!(search_fold(other), first, "{} vs {other}", group[0]);
            }
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Ivanova", "Ivanov"),
            ("Maria", "Marina"),
            ("Olga", "Olena"),
            ("Natalia", "Nadia"),
            ("Sasha", "Sacha Petrova"),
            ("Yulia", "Yuri"),
            ("Aleksandr", "Aleksandra"),
            ("Shukina", "Chukina"),
            ("Petrova", "Petrov"),
            ("Zhanna", "Yana"),
        ] {
            assert_ne!(search_fold(a), search_fold(b), "{a} vs {b}");
        }
    }

    #[test]
    fn folding_drops_punctuation_and_keeps_word_order() {
        assert_eq!(search_fold("  Ivanova,   Yulia!  "), "ivanova iulia");
        assert_eq!(search_fold("O'Brien"), "obren");
        assert_eq!(search_fold(""), "");
        assert_eq!(search_fold("---"), "");
    }

    proptest::proptest! {
        #[test]
        fn folding_is_total_and_tidy(s in "\\PC{0,20}") {
            let once = search_fold(&s);
            // Ensure total functions: no panic, and the key is lowercase with single spaces.
            proptest::prop_assert!(!once.contains("  "));
            proptest::prop_assert_eq!(once.trim(), once.as_str());
        }

        #[test]
        fn icao_output_of_cyrillic_is_ascii(s in "[а-яА-ЯёЁєЄіІїЇґҐўЎ '-]{0,30}") {
            proptest::prop_assert!(icao_latin(&s).is_ascii());
        }
    }
}
