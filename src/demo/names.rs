//! Invented name pools by nationality, in the script the person's documents
//! use: Cyrillic (Russian, Ukrainian, Uzbek, Kazakh, Kyrgyz, Tajik) and Latin
//! (Moldovan, Vietnamese, Nigerian, Filipino, Ivorian). Combinations are
//! random; any resemblance to a real person is chance.

/// One nationality the demo draws people from.
#[derive(Debug)]
pub struct Nationality {
    /// ISO 3166-1 alpha-2 citizenship.
    pub country: &'static str,
    /// Relative frequency among the centre's cases.
    pub weight: u32,
    /// Language sets people of this nationality speak (ISO 639-1), one chosen.
    pub languages: &'static [&'static [&'static str]],
    /// Given names, feminine.
    pub given_f: &'static [&'static str],
    /// Given names, masculine.
    pub given_m: &'static [&'static str],
    /// Family names, feminine form.
    pub family_f: &'static [&'static str],
    /// Family names, masculine form.
    pub family_m: &'static [&'static str],
    /// Patronymics, feminine (empty where none are used).
    pub patronymic_f: &'static [&'static str],
    /// Patronymics, masculine.
    pub patronymic_m: &'static [&'static str],
    /// Towns and regions of origin.
    pub towns: &'static [&'static str],
    /// Passport number shape: `#` a digit, `@` a letter, anything else literal.
    pub passport: &'static str,
    /// Airports flights from home usually leave from (IATA).
    pub airports: &'static [&'static str],
}

impl Nationality {
    /// True for the centre's own nationals (domestic transport, not repatriation).
    pub fn is_domestic(&self) -> bool {
        self.country == "RU"
    }
}

/// Every nationality, with how often it occurs.
pub const NATIONALITIES: &[Nationality] = &[
    Nationality {
        country: "RU",
        weight: 16,
        languages: &[&["ru"], &["ru", "en"]],
        given_f: &[
            "Юлия",
            "Наталья",
            "Анна",
            "Екатерина",
            "Ольга",
            "Татьяна",
            "Ирина",
            "Мария",
            "Светлана",
            "Дарья",
            "Алёна",
            "Ксения",
            "Елена",
            "Виктория",
            "Полина",
        ],
        given_m: &["Алексей", "Дмитрий", "Сергей", "Андрей", "Иван", "Михаил", "Николай", "Павел", "Артём", "Фёдор"],
        family_f: &[
            "Щукина",
            "Иванова",
            "Смирнова",
            "Кузнецова",
            "Попова",
            "Соколова",
            "Лебедева",
            "Козлова",
            "Новикова",
            "Морозова",
            "Волкова",
            "Фёдорова",
            "Жукова",
            "Белова",
        ],
        family_m: &[
            "Щукин",
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Соколов",
            "Лебедев",
            "Козлов",
            "Новиков",
            "Морозов",
            "Волков",
            "Жуков",
        ],
        patronymic_f: &[
            "Сергеевна",
            "Александровна",
            "Андреевна",
            "Игоревна",
            "Викторовна",
            "Николаевна",
            "Дмитриевна",
            "Юрьевна",
        ],
        patronymic_m: &["Сергеевич", "Александрович", "Андреевич", "Игоревич", "Викторович", "Николаевич"],
        towns: &["Тверь", "Саратов", "Иваново", "Кострома", "Омск", "Курган", "Псков", "Чита", "Брянск", "Липецк"],
        passport: "## #######",
        airports: &["IST", "DXB", "AYT", "HKT", "BKK"],
    },
    Nationality {
        country: "UA",
        weight: 6,
        languages: &[&["uk", "ru"], &["uk"], &["ru", "uk"]],
        given_f: &[
            "Олена",
            "Ірина",
            "Оксана",
            "Наталія",
            "Ганна",
            "Тетяна",
            "Марія",
            "Людмила",
            "Катерина",
            "Вікторія",
            "Євгенія",
            "Юлія",
        ],
        given_m: &["Олександр", "Андрій", "Сергій", "Дмитро", "Юрій", "Євген", "Віталій", "Ігор", "Богдан"],
        family_f: &[
            "Коваленко",
            "Шевчук",
            "Бондаренко",
            "Ткаченко",
            "Кравчук",
            "Мельник",
            "Лисенко",
            "Гнатюк",
            "Єременко",
            "Пилипчук",
            "Сергієнко",
            "Ковальчук",
            "Іваненко",
        ],
        family_m: &[
            "Коваленко",
            "Шевчук",
            "Бондаренко",
            "Ткаченко",
            "Кравчук",
            "Мельник",
            "Лисенко",
            "Єременко",
            "Ковальчук",
            "Сергієнко",
        ],
        patronymic_f: &["Олександрівна", "Іванівна", "Петрівна", "Юріївна", "Андріївна", "Василівна"],
        patronymic_m: &["Андрійович", "Сергійович", "Олегович", "Іванович", "Юрійович"],
        towns: &["Житомир", "Вінниця", "Черкаси", "Рівне", "Ізмаїл", "Кременчук", "Умань"],
        passport: "@@######",
        airports: &["IST", "KIV"],
    },
    Nationality {
        country: "UZ",
        weight: 17,
        languages: &[&["uz", "ru"], &["uz"], &["uz"], &["uz", "tg"]],
        given_f: &[
            "Гулнора",
            "Дилноза",
            "Мадина",
            "Нилуфар",
            "Зарина",
            "Шаҳноза",
            "Феруза",
            "Ўғилой",
            "Муҳаббат",
            "Гулчеҳра",
            "Нодира",
            "Юлдуз",
        ],
        given_m: &["Шерзод", "Жасур", "Бахтиёр", "Ўткир", "Ғайрат", "Ҳасан", "Улуғбек", "Фаррух", "Дилшод", "Ботир"],
        family_f: &[
            "Каримова",
            "Юсупова",
            "Раҳимова",
            "Тошматова",
            "Ғуломова",
            "Ҳакимова",
            "Қодирова",
            "Умарова",
            "Эргашева",
            "Тўхтаева",
            "Назарова",
        ],
        family_m: &[
            "Каримов",
            "Юсупов",
            "Раҳимов",
            "Тошматов",
            "Ғуломов",
            "Ҳакимов",
            "Қодиров",
            "Умаров",
            "Эргашев",
            "Тўхтаев",
        ],
        patronymic_f: &["Алишер қизи", "Бахтиёр қизи", "Рустамовна", "Ўткир қизи", "Ҳамидовна", ""],
        patronymic_m: &["Бахтиёр ўғли", "Қаҳрамон ўғли", "Рустамович", "Ғафур ўғли", ""],
        towns: &["Андижон", "Фарғона", "Самарқанд", "Наманган", "Қарши", "Хоразм", "Жиззах"],
        passport: "FA#######",
        airports: &["TAS", "SKD", "FEG", "NMA"],
    },
    Nationality {
        country: "KG",
        weight: 10,
        languages: &[&["ky", "ru"], &["ky"], &["ky", "uz"]],
        given_f: &["Айпери", "Бегимай", "Гүлзат", "Жазгүл", "Нургүл", "Айзада", "Чолпон", "Үмүт", "Мээрим", "Өмүркан"],
        given_m: &["Азамат", "Бакыт", "Нурбек", "Эрмек", "Өмүрбек", "Таалай", "Үсөн", "Бекжан", "Мырзабек"],
        family_f: &[
            "Асанова",
            "Токтогулова",
            "Өмүрбекова",
            "Жумабекова",
            "Үсөнова",
            "Бейшеналиева",
            "Садыкова",
            "Төрөбекова",
        ],
        family_m: &["Асанов", "Токтогулов", "Өмүрбеков", "Жумабеков", "Үсөнов", "Садыков", "Төрөбеков"],
        patronymic_f: &["Бакыт кызы", "Нурбек кызы", "Таалайбековна", "Эрмековна"],
        patronymic_m: &["Бакыт уулу", "Эрмек уулу", "Асанбекович"],
        towns: &["Ош", "Жалал-Абад", "Нарын", "Каракол", "Баткен", "Талас", "Өзгөн"],
        passport: "AC#######",
        airports: &["FRU", "OSS"],
    },
    Nationality {
        country: "TJ",
        weight: 9,
        languages: &[&["tg"], &["tg", "ru"], &["tg", "uz"]],
        given_f: &["Мадина", "Ситора", "Фотима", "Нигина", "Манижа", "Шаҳло", "Гулчеҳра", "Зулфия", "Меҳрубон"],
        given_m: &["Фирдавс", "Ҷамшед", "Рустам", "Иброҳим", "Шоҳрух", "Далер", "Абдуллоҳ", "Сӯҳроб"],
        family_f: &["Раҳимова", "Назарова", "Ҷӯраева", "Саидова", "Шарипова", "Қурбонова", "Давлатова", "Ғаффорова"],
        family_m: &["Раҳимов", "Назаров", "Ҷӯраев", "Саидов", "Шарипов", "Қурбонов", "Давлатов"],
        patronymic_f: &["Раҳимҷоновна", "Саидовна", "Ҷамшедовна", ""],
        patronymic_m: &["Раҳимович", "Саидович", "Давлатович", ""],
        towns: &["Хуҷанд", "Кӯлоб", "Бохтар", "Истаравшан", "Панҷакент", "Ҳисор"],
        passport: "4########",
        airports: &["DYU", "LBD"],
    },
    Nationality {
        country: "KZ",
        weight: 6,
        languages: &[&["kk", "ru"], &["ru", "kk"]],
        given_f: &[
            "Әйгерім",
            "Айгүл",
            "Гүлнар",
            "Ақмарал",
            "Динара",
            "Жанар",
            "Қарлығаш",
            "Салтанат",
            "Ұлжан",
            "Мөлдір",
        ],
        given_m: &["Нұрлан", "Ерлан", "Асқар", "Дәурен", "Серік", "Қанат", "Ержан", "Ғалым", "Бауыржан"],
        family_f: &["Сейітова", "Жұмабаева", "Нұрланова", "Әбенова", "Оспанова", "Қасымова", "Төлегенова", "Ахметова"],
        family_m: &["Сейітов", "Жұмабаев", "Әбенов", "Оспанов", "Қасымов", "Төлегенов", "Ахметов"],
        patronymic_f: &["Серікқызы", "Ерланқызы", "Нұрланқызы", "Асқарқызы"],
        patronymic_m: &["Серікұлы", "Ерланұлы", "Қанатұлы"],
        towns: &["Шымкент", "Тараз", "Қызылорда", "Түркістан", "Семей", "Өскемен"],
        passport: "N########",
        airports: &["ALA", "NQZ", "CIT"],
    },
    Nationality {
        country: "MD",
        weight: 9,
        languages: &[&["ro", "ru"], &["ro"], &["ru", "ro"]],
        given_f: &["Ana", "Maria", "Elena", "Cristina", "Ioana", "Mihaela", "Tatiana", "Doina", "Lilia", "Irina"],
        given_m: &["Ion", "Vasile", "Mihai", "Andrei", "Sergiu", "Victor", "Dumitru", "Constantin"],
        family_f: &[
            "Popescu",
            "Rusu",
            "Ciobanu",
            "Ceban",
            "Munteanu",
            "Lungu",
            "Cojocaru",
            "Țurcanu",
            "Rotaru",
            "Bălan",
            "Moraru",
            "Ștefăneț",
        ],
        family_m: &["Popescu", "Rusu", "Ciobanu", "Ceban", "Munteanu", "Lungu", "Cojocaru", "Țurcanu", "Rotaru"],
        patronymic_f: &[],
        patronymic_m: &[],
        towns: &["Bălți", "Cahul", "Orhei", "Ungheni", "Soroca", "Hîncești", "Comrat"],
        passport: "B########",
        airports: &["KIV"],
    },
    Nationality {
        country: "VN",
        weight: 8,
        languages: &[&["vi"], &["vi", "en"], &["vi", "ru"]],
        given_f: &["Thị Hoa", "Thị Lan", "Thị Mai", "Ngọc Anh", "Thu Trang", "Thị Hương", "Minh Thư", "Thị Nga"],
        given_m: &["Văn Hùng", "Văn Nam", "Đức Minh", "Quang Huy", "Văn Tuấn", "Văn Long"],
        family_f: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"],
        family_m: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"],
        patronymic_f: &[],
        patronymic_m: &[],
        towns: &["Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Quảng Bình", "Hải Phòng", "Nam Định"],
        passport: "C#######",
        airports: &["SGN", "HAN"],
    },
    Nationality {
        country: "NG",
        weight: 8,
        languages: &[&["en"], &["en", "yo"], &["en", "ig"]],
        given_f: &[
            "Blessing",
            "Precious",
            "Joy",
            "Favour",
            "Chiamaka",
            "Ngozi",
            "Aisha",
            "Funmilayo",
            "Adaeze",
            "Osasere",
        ],
        given_m: &["Chinedu", "Emeka", "Tunde", "Ibrahim", "Osagie", "Uche", "Segun"],
        family_f: &[
            "Okafor",
            "Adeyemi",
            "Eze",
            "Okonkwo",
            "Osagie",
            "Igbinedion",
            "Obi",
            "Balogun",
            "Nwachukwu",
            "Ehigie",
        ],
        family_m: &["Okafor", "Adeyemi", "Eze", "Okonkwo", "Osagie", "Obi", "Balogun", "Nwachukwu"],
        patronymic_f: &[],
        patronymic_m: &[],
        towns: &["Benin City", "Lagos", "Enugu", "Onitsha", "Ibadan", "Warri"],
        passport: "A########",
        airports: &["IST", "DXB", "ADD", "CAI"],
    },
    Nationality {
        country: "PH",
        weight: 5,
        languages: &[&["tl", "en"], &["en"]],
        given_f: &["Maria Cristina", "Jennifer", "Rowena", "Marites", "Lovely", "Angelica", "Rhea", "Jocelyn"],
        given_m: &["Jose", "Mark Anthony", "Rodel", "Jun", "Ramon"],
        family_f: &["Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Garcia", "Mendoza", "Villanueva", "Ramos"],
        family_m: &["Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Garcia", "Mendoza", "Aquino"],
        patronymic_f: &[],
        patronymic_m: &[],
        towns: &["Cebu", "Davao", "Iloilo", "Bacolod", "Tacloban", "Zamboanga"],
        passport: "P#######@",
        airports: &["DXB", "DOH", "IST"],
    },
    Nationality {
        country: "CI",
        weight: 3,
        languages: &[&["fr"], &["fr", "en"]],
        given_f: &["Aminata", "Mariam", "Fatou", "Awa", "Clarisse", "Adjoua", "Estelle"],
        given_m: &["Moussa", "Ibrahim", "Jean-Paul", "Serge", "Koffi"],
        family_f: &["Traoré", "Koné", "Diallo", "Ouattara", "Kouassi", "Bamba", "Yao"],
        family_m: &["Traoré", "Koné", "Diallo", "Ouattara", "Kouassi", "Bamba"],
        patronymic_f: &[],
        patronymic_m: &[],
        towns: &["Abidjan", "Bouaké", "Daloa", "San-Pédro", "Korhogo"],
        passport: "##@@#####",
        airports: &["IST", "CDG", "CMN"],
    },
];

/// Names the search demo relies on: given Юлия / Наталья, family Щукина.
/// `(family, given, patronymic)`; some feminine Russian cases get one of these.
pub const SEARCH_DEMO_NAMES: &[(&str, &str, &str)] = &[
    ("Щукина", "Юлия", "Сергеевна"),
    ("Соколова", "Наталья", "Игоревна"),
    ("Щукина", "Наталья", "Андреевна"),
    ("Морозова", "Юлия", "Викторовна"),
    ("Щукина", "Анна", "Дмитриевна"),
    ("Белова", "Наталья", "Юрьевна"),
    ("Кузнецова", "Юлия", "Николаевна"),
];

/// Aliases said aloud at the airport and shown on boards: short, not derived
/// from the name.
pub const ALIASES_CYRILLIC: &[&str] = &[
    "Лиса",
    "Звезда",
    "Весна",
    "Сова",
    "Рыжик",
    "Мак",
    "Ива",
    "Луна",
    "Клён",
    "Орех",
    "Кит",
    "Снегирь",
    "Ромашка",
    "Ёлка",
    "Гроза",
    "Искра",
    "Берёза",
    "Сокол",
    "Пчела",
    "Тюльпан",
];

/// Latin-script aliases.
pub const ALIASES_LATIN: &[&str] =
    &["Sun", "Sky", "River", "Bird", "Moon", "Fern", "Reed", "Star", "Rain", "Leaf", "Pearl", "Wren", "Maple", "Coral"];

/// Arrival recognition details reception uses instead of a name.
pub const RECOGNITION: &[&str] = &[
    "green scarf",
    "red backpack",
    "grey hoodie, blue suitcase",
    "white cap, holds a paper cup",
    "code word «Весна»",
    "code word \"Orchid\"",
    "yellow umbrella",
    "black coat, pink bag",
    "escort in a blue vest",
    "with a child, blue stroller",
    "будет держать журнал в руке",
    "code word «Лиса»",
];

/// Meeting points in arrivals halls.
pub const MEETING_POINTS: &[&str] = &[
    "exit 3, by the pharmacy",
    "arrivals hall, info desk",
    "Aeroexpress ticket machines",
    "coffee kiosk opposite gate 5",
    "у выхода 2, возле банкомата",
    "meeting point sign «Место встречи»",
];

/// Fills a passport shape (`#` digit, `@` letter) with random characters.
pub fn passport_number(shape: &str, rng: &mut super::rng::Rng) -> String {
    shape
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + (rng.below(10) as u8)),
            '@' => rng.letter(),
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nationality_has_names_for_both_genders_and_a_valid_country() {
        for n in NATIONALITIES {
            assert!(crate::domain::country::CountryCode::parse(n.country).is_ok(), "{}", n.country);
            assert!(!n.given_f.is_empty() && !n.given_m.is_empty(), "{}", n.country);
            assert!(!n.family_f.is_empty() && !n.family_m.is_empty(), "{}", n.country);
            assert!(!n.languages.is_empty() && !n.towns.is_empty() && !n.airports.is_empty());
        }
    }

    #[test]
    fn central_asian_names_use_their_own_letters() {
        let all: String = NATIONALITIES
            .iter()
            .flat_map(|n| {
                n.given_f.iter().chain(n.family_f.iter()).chain(n.given_m.iter()).chain(n.patronymic_f.iter())
            })
            .copied()
            .collect();
        for c in ['ў', 'қ', 'ғ', 'ҳ', 'ә', 'ө', 'ү', 'ұ', 'і', 'ї', 'є', 'ă', 'ț', 'ễ'] {
            assert!(all.contains(c), "{c}");
        }
    }
}
