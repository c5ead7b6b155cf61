//! Country names in English, Russian and French for ISO 3166-1 alpha-2 codes.
//!
//! GENERATED — do not edit by hand. Produced from pycountry 26.2.16 (the
//! iso-codes data and its gettext catalogues `iso3166-1.mo` for `ru` and
//! `fr`). Inverted French forms (`Cook, Îles`) are put in reading order and a
//! handful of official names staff would not say (`Russie, Fédération de`)
//! are replaced by the usual short name. To regenerate, `pip install
//! pycountry`, run this script and paste its rows into the table:
//!
//! ```text
//! # Generates src/domain/country_names.rs from pycountry (ISO 3166-1 + iso-codes gettext catalogues).
//! import gettext, re, pycountry
//! tr = {l: gettext.translation('iso3166-1', pycountry.LOCALES_DIR, languages=[l]).gettext for l in ('ru', 'fr')}
//! # Names as staff say them where the ISO catalogue uses the inverted official form.
//! OVERRIDES = {
//!     'RU': ('Russia', 'Россия', 'Russie'), 'LA': (None, None, 'Laos'), 'IR': (None, None, 'Iran'),
//!     'CD': ('Congo (Democratic Republic)', None, None), 'FM': ('Micronesia', None, 'Micronésie'),
//!     'PS': ('Palestine', None, 'Palestine'), 'VG': ('British Virgin Islands', None, None),
//!     'VI': ('US Virgin Islands', None, 'Îles Vierges des États-Unis'), 'RE': (None, None, 'La Réunion'),
//!     'US': (None, 'Соединённые Штаты', None),
//! }
//! def translated(c, t):
//!     common = getattr(c, 'common_name', None)
//!     if common and t(common) != common:
//!         return t(common)
//!     return t(c.name)
//! def fr_fix(s):
//!     # "Cook, Îles" -> "Îles Cook"
//!     m = re.fullmatch(r'(.+), (Îles?)(?: \((.+)\))?', s)
//!     return (f'{m.group(2)} {m.group(1)}' + (f' ({m.group(3)})' if m.group(3) else '')) if m else s
//! def esc(s): return s.replace('\\', '\\\\').replace('"', '\\"')
//! rows = []
//! for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
//!     names = [getattr(c, 'common_name', None) or c.name, translated(c, tr['ru']), fr_fix(translated(c, tr['fr']))]
//!     for i, o in enumerate(OVERRIDES.get(c.alpha_2, (None, None, None))):
//!         if o: names[i] = o
//!     rows.append('    ("{}", "{}", "{}", "{}"),'.format(c.alpha_2, *map(esc, names)))
//! print('\n'.join(rows))
//! ```

/// `(code, English, Russian, French)` for every assigned alpha-2 code, sorted by code.
pub const COUNTRY_NAMES: &[(&str, &str, &str, &str)] = &[
    ("AD", "Andorra", "Андорра", "Andorre"),
    ("AE", "United Arab Emirates", "Объединённые Арабские Эмираты", "Émirats arabes unis"),
    ("AF", "Afghanistan", "Афганистан", "Afghanistan"),
    ("AG", "Antigua and Barbuda", "Антигуа и Барбуда", "Antigua-et-Barbuda"),
    ("AI", "Anguilla", "Ангвилла", "Anguilla"),
    ("AL", "Albania", "Албания", "Albanie"),
    ("AM", "Armenia", "Армения", "Arménie"),
    ("AO", "Angola", "Ангола", "Angola"),
    ("AQ", "Antarctica", "Антарктика", "Antarctique"),
    ("AR", "Argentina", "Аргентина", "Argentine"),
    ("AS", "American Samoa", "Американские Самоа", "Samoa américaines"),
    ("AT", "Austria", "Австрия", "Autriche"),
    ("AU", "Australia", "Австралия", "Australie"),
    ("AW", "Aruba", "Аруба", "Aruba"),
    ("AX", "Åland Islands", "Аландские острова", "Îles Åland"),
    ("AZ", "Azerbaijan", "Азербайджан", "Azerbaïdjan"),
    ("BA", "Bosnia and Herzegovina", "Босния и Герцеговина", "Bosnie-Herzégovine"),
    ("BB", "Barbados", "Барбадос", "Barbade"),
    ("BD", "Bangladesh", "Бангладеш", "Bangladesh"),
    ("BE", "Belgium", "Бельгия", "Belgique"),
    ("BF", "Burkina Faso", "Буркина-Фасо", "Burkina Faso"),
    ("BG", "Bulgaria", "Болгария", "Bulgarie"),
    ("BH", "Bahrain", "Бахрейн", "Bahreïn"),
    ("BI", "Burundi", "Бурунди", "Burundi"),
    ("BJ", "Benin", "Бенин", "Bénin"),
    ("BL", "Saint Barthélemy", "Сен-Бартельми", "Saint-Barthélemy"),
    ("BM", "Bermuda", "Бермуды", "Bermudes"),
    ("BN", "Brunei Darussalam", "Бруней Даруссалам", "Brunéi Darussalam"),
    ("BO", "Bolivia", "Боливия", "Bolivie"),
    ("BQ", "Bonaire, Sint Eustatius and Saba", "Бонайре, Синт-Эстатиус и Саба", "Bonaire, Saint-Eustache et Saba"),
    ("BR", "Brazil", "Бразилия", "Brésil"),
    ("BS", "Bahamas", "Багамы", "Bahamas"),
    ("BT", "Bhutan", "Бутан", "Bhoutan"),
    ("BV", "Bouvet Island", "Остров Буве", "Île Bouvet"),
    ("BW", "Botswana", "Ботсвана", "Botswana"),
    ("BY", "Belarus", "Беларусь", "Bélarus"),
    ("BZ", "Belize", "Белиз", "Belize"),
    ("CA", "Canada", "Канада", "Canada"),
    ("CC", "Cocos (Keeling) Islands", "Кокосовые острова", "Îles Cocos (Keeling)"),
    ("CD", "Congo (Democratic Republic)", "Демократическая Республика Конго", "République démocratique du Congo"),
    ("CF", "Central African Republic", "Центрально-африканская республика", "République centrafricaine"),
    ("CG", "Congo", "Конго", "République du Congo"),
    ("CH", "Switzerland", "Швейцария", "Suisse"),
    ("CI", "Côte d'Ivoire", "Кот-д'Ивуар", "Côte d'Ivoire"),
    ("CK", "Cook Islands", "Острова Кука", "Îles Cook"),
    ("CL", "Chile", "Чили", "Chili"),
    ("CM", "Cameroon", "Камерун", "Cameroun"),
    ("CN", "China", "Китай", "Chine"),
    ("CO", "Colombia", "Колумбия", "Colombie"),
    ("CR", "Costa Rica", "Коста-Рика", "Costa Rica"),
    ("CU", "Cuba", "Куба", "Cuba"),
    ("CV", "Cabo Verde", "Кабо-Верде", "Cap-Vert"),
    ("CW", "Curaçao", "Кюрасао", "Curaçao"),
    ("CX", "Christmas Island", "Остров Рождества", "Île Christmas"),
    ("CY", "Cyprus", "Кипр", "Chypre"),
    ("CZ", "Czechia", "Чехия", "Tchéquie"),
    ("DE", "Germany", "Германия", "Allemagne"),
    ("DJ", "Djibouti", "Джибути", "Djibouti"),
    ("DK", "Denmark", "Дания", "Danemark"),
    ("DM", "Dominica", "Доминика", "Dominique"),
    ("DO", "Dominican Republic", "Доминиканская республика", "République dominicaine"),
    ("DZ", "Algeria", "Алжир", "Algérie"),
    ("EC", "Ecuador", "Эквадор", "Équateur"),
    ("EE", "Estonia", "Эстония", "Estonie"),
    ("EG", "Egypt", "Египет", "Égypte"),
    ("EH", "Western Sahara", "Западная Сахара", "Sahara occidental"),
    ("ER", "Eritrea", "Эритрея", "Érythrée"),
    ("ES", "Spain", "Испания", "Espagne"),
    ("ET", "Ethiopia", "Эфиопия", "Éthiopie"),
    ("FI", "Finland", "Финляндия", "Finlande"),
    ("FJ", "Fiji", "Фиджи", "Fidji"),
    ("FK", "Falkland Islands (Malvinas)", "Фолклендские (Мальвинские) острова", "Îles Malouines (Falkland)"),
    ("FM", "Micronesia", "Федеративные Штаты Микронезии", "Micronésie"),
    ("FO", "Faroe Islands", "Фарерские острова", "Îles Féroé"),
    ("FR", "France", "Франция", "France"),
    ("GA", "Gabon", "Габон", "Gabon"),
    ("GB", "United Kingdom", "Соединённое Королевство", "Royaume-Uni"),
    ("GD", "Grenada", "Гренада", "Grenade"),
    ("GE", "Georgia", "Грузия", "Géorgie"),
    ("GF", "French Guiana", "Французская Гвиана", "Guyane française"),
    ("GG", "Guernsey", "Гернси", "Guernesey"),
    ("GH", "Ghana", "Гана", "Ghana"),
    ("GI", "Gibraltar", "Гибралтар", "Gibraltar"),
    ("GL", "Greenland", "Гренландия", "Groënland"),
    ("GM", "Gambia", "Гамбия", "Gambie"),
    ("GN", "Guinea", "Гвинея", "Guinée"),
    ("GP", "Guadeloupe", "Гваделупа", "Guadeloupe"),
    ("GQ", "Equatorial Guinea", "Экваториальная Гвинея", "Guinée Équatoriale"),
    ("GR", "Greece", "Греция", "Grèce"),
    (
        "GS",
        "South Georgia and the South Sandwich Islands",
        "Южная Джорджия и Южные Сандвичевы острова",
        "Géorgie du Sud et les îles Sandwich du Sud",
    ),
    ("GT", "Guatemala", "Гватемала", "Guatemala"),
    ("GU", "Guam", "Гуам", "Guam"),
    ("GW", "Guinea-Bissau", "Гвинея-Бисау", "Guinée-Bissau"),
    ("GY", "Guyana", "Гайана", "Guyana"),
    ("HK", "Hong Kong", "Гонконг", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands", "Остров Херд и острова МакДональд", "Îles Heard-et-MacDonald"),
    ("HN", "Honduras", "Гондурас", "Honduras"),
    ("HR", "Croatia", "Хорватия", "Croatie"),
    ("HT", "Haiti", "Гаити", "Haïti"),
    ("HU", "Hungary", "Венгрия", "Hongrie"),
    ("ID", "Indonesia", "Индонезия", "Indonésie"),
    ("IE", "Ireland", "Ирландия", "Irlande"),
    ("IL", "Israel", "Израиль", "Israël"),
    ("IM", "Isle of Man", "Остров Мэн", "Île de Man"),
    ("IN", "India", "Индия", "Inde"),
    (
        "IO",
        "British Indian Ocean Territory",
        "Британская территория Индийского океана",
        "Territoire britannique de l'océan Indien",
    ),
    ("IQ", "Iraq", "Ирак", "Irak"),
    ("IR", "Iran", "Иран", "Iran"),
    ("IS", "Iceland", "Исландия", "Islande"),
    ("IT", "Italy", "Италия", "Italie"),
    ("JE", "Jersey", "Джерси", "Jersey"),
    ("JM", "Jamaica", "Ямайка", "Jamaïque"),
    ("JO", "Jordan", "Иордания", "Jordanie"),
    ("JP", "Japan", "Япония", "Japon"),
    ("KE", "Kenya", "Кения", "Kenya"),
    ("KG", "Kyrgyzstan", "Киргизия", "Kirghizistan"),
    ("KH", "Cambodia", "Камбоджа", "Cambodge"),
    ("KI", "Kiribati", "Кирибати", "Kiribati"),
    ("KM", "Comoros", "Коморы", "Comores"),
    ("KN", "Saint Kitts and Nevis", "Сент-Китс и Невис", "Saint-Christophe-et-Niévès"),
    ("KP", "North Korea", "Северная Корея", "Corée du Nord"),
    ("KR", "South Korea", "Южная Корея", "Corée du Sud"),
    ("KW", "Kuwait", "Кувейт", "Koweït"),
    ("KY", "Cayman Islands", "Каймановы острова", "Îles Caïmans"),
    ("KZ", "Kazakhstan", "Казахстан", "Kazakhstan"),
    ("LA", "Laos", "Лаос", "Laos"),
    ("LB", "Lebanon", "Ливан", "Liban"),
    ("LC", "Saint Lucia", "Сент-Люсия", "Sainte-Lucie"),
    ("LI", "Liechtenstein", "Лихтенштейн", "Liechtenstein"),
    ("LK", "Sri Lanka", "Шри-Ланка", "Sri Lanka"),
    ("LR", "Liberia", "Либерия", "Libéria"),
    ("LS", "Lesotho", "Лесото", "Lesotho"),
    ("LT", "Lithuania", "Литва", "Lituanie"),
    ("LU", "Luxembourg", "Люксембург", "Luxembourg"),
    ("LV", "Latvia", "Латвия", "Lettonie"),
    ("LY", "Libya", "Ливия", "Libye"),
    ("MA", "Morocco", "Марокко", "Maroc"),
    ("MC", "Monaco", "Монако", "Monaco"),
    ("MD", "Moldova", "Молдавия", "Moldavie"),
    ("ME", "Montenegro", "Черногория", "Monténégro"),
    ("MF", "Saint Martin (French part)", "Сен-Мартен (Франция)", "Saint-Martin (partie française)"),
    ("MG", "Madagascar", "Мадагаскар", "Madagascar"),
    ("MH", "Marshall Islands", "Маршалловы острова", "Îles Marshall"),
    ("MK", "North Macedonia", "Северная Македония", "Macédoine du Nord"),
    ("ML", "Mali", "Мали", "Mali"),
    ("MM", "Myanmar", "Мьянма", "Birmanie"),
    ("MN", "Mongolia", "Монголия", "Mongolie"),
    ("MO", "Macao", "Макао", "Macau"),
    ("MP", "Northern Mariana Islands", "Острова северной Марианы", "Îles Mariannes du Nord"),
    ("MQ", "Martinique", "Мартиника", "Martinique"),
    ("MR", "Mauritania", "Мавритания", "Mauritanie"),
    ("MS", "Montserrat", "Монтсеррат", "Montserrat"),
    ("MT", "Malta", "Мальта", "Malte"),
    ("MU", "Mauritius", "Маврикий", "Maurice"),
    ("MV", "Maldives", "Мальдивы", "Maldives"),
    ("MW", "Malawi", "Малави", "Malawi"),
    ("MX", "Mexico", "Мексика", "Mexique"),
    ("MY", "Malaysia", "Малайзия", "Malaisie"),
    ("MZ", "Mozambique", "Мозамбик", "Mozambique"),
    ("NA", "Namibia", "Намибия", "Namibie"),
    ("NC", "New Caledonia", "Новая Каледония", "Nouvelle-Calédonie"),
    ("NE", "Niger", "Нигер", "Niger"),
    ("NF", "Norfolk Island", "Остров Норфолк", "Île Norfolk"),
    ("NG", "Nigeria", "Нигерия", "Nigeria"),
    ("NI", "Nicaragua", "Никарагуа", "Nicaragua"),
    ("NL", "Netherlands", "Нидерланды", "Pays-Bas"),
    ("NO", "Norway", "Норвегия", "Norvège"),
    ("NP", "Nepal", "Непал", "Népal"),
    ("NR", "Nauru", "Науру", "Nauru"),
    ("NU", "Niue", "Ниуэ", "Nioue"),
    ("NZ", "New Zealand", "Новая Зеландия", "Nouvelle-Zélande"),
    ("OM", "Oman", "Оман", "Oman"),
    ("PA", "Panama", "Панама", "Panama"),
    ("PE", "Peru", "Перу", "Pérou"),
    ("PF", "French Polynesia", "Французская Полинезия", "Polynésie française"),
    ("PG", "Papua New Guinea", "Папуа — Новая Гвинея", "Papouasie-Nouvelle-Guinée"),
    ("PH", "Philippines", "Филиппины", "Philippines"),
    ("PK", "Pakistan", "Пакистан", "Pakistan"),
    ("PL", "Poland", "Польша", "Pologne"),
    ("PM", "Saint Pierre and Miquelon", "Сен-Пьер и Микелон", "Saint-Pierre-et-Miquelon"),
    ("PN", "Pitcairn", "Питкэрн", "Îles Pitcairn"),
    ("PR", "Puerto Rico", "Пуэрто-Рико", "Porto Rico"),
    ("PS", "Palestine", "Палестина", "Palestine"),
    ("PT", "Portugal", "Португалия", "Portugal"),
    ("PW", "Palau", "Палау", "Palaos"),
    ("PY", "Paraguay", "Парагвай", "Paraguay"),
    ("QA", "Qatar", "Катар", "Qatar"),
    ("RE", "Réunion", "Реюньон", "La Réunion"),
    ("RO", "Romania", "Румыния", "Roumanie"),
    ("RS", "Serbia", "Сербия", "Serbie"),
    ("RU", "Russia", "Россия", "Russie"),
    ("RW", "Rwanda", "Руанда", "Rwanda"),
    ("SA", "Saudi Arabia", "Саудовская Аравия", "Arabie saoudite"),
    ("SB", "Solomon Islands", "Соломоновы Острова", "Îles Salomon"),
    ("SC", "Seychelles", "Сейшелы", "Seychelles"),
    ("SD", "Sudan", "Судан", "Soudan"),
    ("SE", "Sweden", "Швеция", "Suède"),
    ("SG", "Singapore", "Сингапур", "Singapour"),
    (
        "SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "Остров Святой Елены, Остров Вознесения и Тристан-да-Кунья",
        "Sainte-Hélène, Ascension et Tristan da Cunha",
    ),
    ("SI", "Slovenia", "Словения", "Slovénie"),
    ("SJ", "Svalbard and Jan Mayen", "Шпицберген и Ян-Майен", "Svalbard et île Jan Mayen"),
    ("SK", "Slovakia", "Словакия", "Slovaquie"),
    ("SL", "Sierra Leone", "Сьерра-Леоне", "Sierra Leone"),
    ("SM", "San Marino", "Сан-Марино", "Saint-Marin"),
    ("SN", "Senegal", "Сенегал", "Sénégal"),
    ("SO", "Somalia", "Сомали", "Somalie"),
    ("SR", "Suriname", "Суринам", "Surinam"),
    ("SS", "South Sudan", "Южный Судан", "Soudan du Sud"),
    ("ST", "Sao Tome and Principe", "Сан-Томе и Принсипи", "Sao Tomé-et-Principe"),
    ("SV", "El Salvador", "Сальвадор", "Salvador"),
    ("SX", "Sint Maarten (Dutch part)", "Синт-Мартен (голландская часть)", "Saint-Martin (partie néerlandaise)"),
    ("SY", "Syria", "Сирия", "Syrie"),
    ("SZ", "Eswatini", "Эсватини", "Eswatini"),
    ("TC", "Turks and Caicos Islands", "Острова Туркс и Каикос", "Îles Turques-et-Caïques"),
    ("TD", "Chad", "Чад", "Tchad"),
    ("TF", "French Southern Territories", "Французские южные территории", "Terres australes françaises"),
    ("TG", "Togo", "Того", "Togo"),
    ("TH", "Thailand", "Таиланд", "Thaïlande"),
    ("TJ", "Tajikistan", "Таджикистан", "Tadjikistan"),
    ("TK", "Tokelau", "Токелау", "Tokelau"),
    ("TL", "Timor-Leste", "Восточный Тимор", "Timor oriental"),
    ("TM", "Turkmenistan", "Туркменистан", "Turkménistan"),
    ("TN", "Tunisia", "Тунис", "Tunisie"),
    ("TO", "Tonga", "Тонга", "Tonga"),
    ("TR", "Türkiye", "Турция", "Turquie"),
    ("TT", "Trinidad and Tobago", "Тринидад и Тобаго", "Trinité-et-Tobago"),
    ("TV", "Tuvalu", "Тувалу", "Tuvalu"),
    ("TW", "Taiwan", "Тайвань", "Taïwan"),
    ("TZ", "Tanzania", "Танзания", "Tanzanie"),
    ("UA", "Ukraine", "Украина", "Ukraine"),
    ("UG", "Uganda", "Уганда", "Ouganda"),
    (
        "UM",
        "United States Minor Outlying Islands",
        "Соединенные штаты Малых Удаленных островов",
        "Îles mineures éloignées des États-Unis",
    ),
    ("US", "United States", "Соединённые Штаты", "États-Unis"),
    ("UY", "Uruguay", "Уругвай", "Uruguay"),
    ("UZ", "Uzbekistan", "Узбекистан", "Ouzbékistan"),
    ("VA", "Holy See (Vatican City State)", "Государство-город Ватикан", "Saint-Siège (état de la cité du Vatican)"),
    ("VC", "Saint Vincent and the Grenadines", "Сент-Винсент и Гренадины", "Saint-Vincent-et-les-Grenadines"),
    ("VE", "Venezuela", "Венесуэла", "Vénézuela"),
    ("VG", "British Virgin Islands", "Виргинские острова (Британия)", "Îles Vierges britanniques"),
    ("VI", "US Virgin Islands", "Виргинские острова (США)", "Îles Vierges des États-Unis"),
    ("VN", "Vietnam", "Вьетнам", "Viêt Nam"),
    ("VU", "Vanuatu", "Вануату", "Vanuatu"),
    ("WF", "Wallis and Futuna", "Уоллес и Футана", "Wallis et Futuna"),
    ("WS", "Samoa", "Самоа", "Samoa"),
    ("YE", "Yemen", "Йемен", "Yémen"),
    ("YT", "Mayotte", "Майот", "Mayotte"),
    ("ZA", "South Africa", "Южная Африка", "Afrique du Sud"),
    ("ZM", "Zambia", "Замбия", "Zambie"),
    ("ZW", "Zimbabwe", "Зимбабве", "Zimbabwe"),
];

/// The name of country `code` (any case) in language `lang` (`en`, `ru`, `fr`;
/// anything else gives English).
pub fn country_name(code: &str, lang: &str) -> Option<&'static str> {
    let code = code.trim();
    let (_, en, ru, fr) = COUNTRY_NAMES
        .binary_search_by(|(c, ..)| c.as_bytes().cmp(code.to_ascii_uppercase().as_bytes()))
        .ok()
        .and_then(|i| COUNTRY_NAMES.get(i))?;
    Some(match lang {
        "ru" => ru,
        "fr" => fr,
        _ => en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::ISO_3166_ALPHA2;

    #[test]
    fn every_assigned_code_has_three_names_in_code_order() {
        let codes: Vec<&str> = COUNTRY_NAMES.iter().map(|(c, ..)| *c).collect();
        assert_eq!(codes, ISO_3166_ALPHA2);
        for (code, en, ru, fr) in COUNTRY_NAMES {
            assert!(!en.is_empty() && !ru.is_empty() && !fr.is_empty(), "{code}");
        }
    }

    #[test]
    fn names_come_in_the_asked_language() {
        assert_eq!(country_name("ru", "en"), Some("Russia"));
        assert_eq!(country_name("DE", "ru"), Some("Германия"));
        assert_eq!(country_name("DE", "fr"), Some("Allemagne"));
        assert_eq!(country_name("DE", "xx"), Some("Germany"));
        assert_eq!(country_name("QQ", "en"), None);
        assert_eq!(country_name("", "en"), None);
    }
}
