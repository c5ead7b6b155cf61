//! Search as you type over 100,000 synthetic cases (docs/PERFORMANCE.md: p95 ≤ 10 ms
//! per keystroke). Queries are typed one character at a time, with a few
//! Backspaces, through the same `Searcher` the console's search thread runs;
//! every keystroke is timed and p50 / p95 / p99 are printed beside the
//! budget. Criterion then measures one whole name searched afresh (no earlier hits to narrow).
//!
//! Names are synthetic: Russian, Ukrainian, Uzbek, Kazakh and Latin-script
//! family names built from syllables (about 15,000 distinct), given names
//! and patronymics from pools, random passport numbers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use haven::domain::case_code::CaseCode;
use haven::domain::ids::{CaseId, Id};
use haven::search::{IndexEntry, Searcher};

const CASES: u32 = 100_000;
const BUDGET_MS: f64 = 10.0;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const ROOTS: &[&str] = &[
    "Кузн",
    "Щук",
    "Иван",
    "Петр",
    "Смирн",
    "Соколь",
    "Попр",
    "Лебед",
    "Козл",
    "Новик",
    "Морозь",
    "Волк",
    "Солов",
    "Васил",
    "Зайц",
    "Павл",
    "Семён",
    "Голуб",
    "Виноград",
    "Богдан",
    "Воробь",
    "Фёдор",
    "Михайл",
    "Белоус",
    "Тарас",
    "Бел",
    "Комар",
    "Орл",
    "Киселёв",
    "Макар",
    "Андре",
    "Ковал",
    "Ильин",
    "Гусь",
    "Титов",
    "Кузьм",
    "Кудрявц",
    "Баран",
    "Куликь",
    "Алекс",
    "Степан",
    "Яковл",
    "Сорок",
    "Сергеь",
    "Роман",
    "Захар",
    "Борис",
    "Корол",
    "Герасим",
    "Пономар",
    "Григорь",
    "Лазар",
    "Медвед",
    "Ершь",
    "Никитин",
    "Соболь",
    "Рябь",
    "Поляк",
    "Цвет",
    "Данил",
    "Жук",
    "Фролов",
    "Журавл",
    "Николь",
    "Крыл",
    "Максим",
    "Сидор",
    "Осип",
    "Белоц",
    "Федосе",
    "Ефим",
    "Панас",
    "Шевчен",
    "Бондар",
    "Ткач",
    "Мельн",
    "Кравч",
    "Олійн",
    "Шевч",
    "Коваль",
    "Гнат",
    "Їжак",
    "Євтуш",
    "Рахим",
    "Қодир",
    "Ўрин",
    "Тошмат",
    "Юсуп",
    "Нурмат",
    "Ғафур",
    "Ҳасан",
    "Әбдір",
    "Нұрлан",
    "Сейіт",
    "Жұма",
    "Қасым",
    "Өмір",
    "Үсен",
    "Тұрсын",
];
const MIDDLES: &[&str] = &["", "ан", "ен", "ин", "ов", "ец", "ик", "ач", "ул", "ар", "ел", "ор", "ыш", "ай", "ой"];
const ENDINGS: &[&str] = &[
    "ова", "ева", "ина", "ская", "енко", "ук", "ов", "ев", "ин", "ян", "ий", "ая", "ович", "бек", "ұлы", "қызы", "ова",
];
const GIVEN: &[&str] = &[
    "Юлия",
    "Наталья",
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Ирина",
    "Светлана",
    "Екатерина",
    "Людмила",
    "Ксения",
    "Дарья",
    "Алёна",
    "Жанна",
    "Яна",
    "Олена",
    "Оксана",
    "Ганна",
    "Ірина",
    "Євгенія",
    "Марʼяна",
    "Гульнора",
    "Дилноза",
    "Шахноза",
    "Зарина",
    "Мадина",
    "Нигора",
    "Феруза",
    "Ўғилой",
    "Ҳилола",
    "Айгүл",
    "Әсел",
    "Гүлнар",
    "Жанар",
    "Айжан",
    "Меруерт",
    "Динара",
    "Алия",
    "Фатима",
    "Александр",
    "Дмитрий",
    "Сергей",
    "Андрей",
    "Алексей",
    "Михаил",
    "Фёдор",
    "Юрий",
    "Тимур",
    "Рустам",
    "Бахтиёр",
    "Шерзод",
    "Нұрсұлтан",
    "Ерлан",
    "Chinedu",
    "Ngozi",
    "Thi Lan",
    "Minh",
    "Fatou",
    "Amina",
    "Mariam",
    "Joy",
    "Blessing",
    "Precious",
];
const PATRONYMICS: &[&str] = &[
    "Сергеевна",
    "Игоревна",
    "Андреевна",
    "Викторовна",
    "Дмитриевна",
    "Юрьевна",
    "Николаевна",
    "Петровна",
    "Александровна",
    "Фёдоровна",
    "Олегівна",
    "Іванівна",
    "Сергеевич",
    "Петрович",
    "",
    "",
    "",
];
const ALIASES: &[&str] = &[
    "Лиса",
    "Звезда",
    "Весна",
    "Сова",
    "Рыжик",
    "Мак",
    "Ива",
    "Луна",
    "Берёза",
    "Ласточка",
    "Роза",
    "Ромашка",
    "Rose",
    "Lily",
    "Iris",
    "Wren",
    "Robin",
    "Sky",
    "Fern",
    "Sage",
    "Pearl",
    "Opal",
    "Jade",
    "Amber",
];

fn entries() -> Vec<IndexEntry> {
    let mut rng = Rng(0x5EED_CA5E_0000_0001);
    (0..CASES)
        .map(|i| {
            let family = format!("{}{}{}", rng.pick(ROOTS), rng.pick(MIDDLES), rng.pick(ENDINGS));
            let given = rng.pick(GIVEN);
            let patronymic = rng.pick(PATRONYMICS);
            let original = format!("{family} {given} {patronymic}");
            let latin = haven::domain::translit::icao_latin(&original);
            let alias = match rng.next() % 3 {
                0 => format!("{} {}", rng.pick(ALIASES), rng.next() % 90 + 10),
                _ => rng.pick(ALIASES).to_string(),
            };
            let passport = format!("{:02} {:07}", rng.next() % 100, rng.next() % 10_000_000);
            let mut id = [0u8; 16];
            id[..4].copy_from_slice(&i.to_be_bytes());
            IndexEntry {
                case: CaseId(Id(id)),
                code: CaseCode::new("MSK", 20 + (i % 7) as u8, i / 7 + 1).unwrap(),
                alias,
                documents: vec![passport],
                names: vec![original, latin],
            }
        })
        .collect()
}

/// What staff type: spellings across scripts, codes, document numbers, typos.
const QUERIES: &[&str] = &[
    "Iuliia",
    "Yulia",
    "Julia",
    "julia",
    "Юлия",
    "Shchukina",
    "Schukina",
    "Щукина",
    "Иванова Юлия",
    "ivanova iu",
    "MSK-26-0042",
    "0042",
    "26-1234",
    "51 123",
    "Лиса",
    "Rose 42",
    "Qodirova",
    "Ўринбоева",
    "Hasanov",
    "Әсел",
    "Нұрлан",
    "Ievgeniia",
    "Yevgenia",
    "Maryana",
    "Tsvetkova",
    "Cvetkova",
    "Shukima",
    "Natalya Sergeevna",
    "Ekaterina",
    "Chinedu",
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Every keystroke: how long it took, what had been typed, how many hits.
fn keystrokes(searcher: &mut Searcher) -> Vec<(Duration, String, usize)> {
    let mut times = Vec::new();
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        let mut typed = String::new();
        for c in &chars {
            typed.push(*c);
            let t = Instant::now();
            let hits = searcher.search(&typed);
            times.push((t.elapsed(), typed.clone(), hits.len()));
        }
        // Three Backspaces, then the field is cleared for the next query.
        for _ in 0..3 {
            typed.pop();
            let t = Instant::now();
            let hits = searcher.search(&typed);
            times.push((t.elapsed(), typed.clone(), hits.len()));
        }
    }
    times
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let entries = entries();
    let generated = started.elapsed();
    let started = Instant::now();
    let mut searcher = Searcher::new(&entries);
    let built = started.elapsed();
    println!(
        "search index: {} cases, {} distinct words; generated in {:.0} ms, folded and indexed in {:.0} ms",
        searcher.index().len(),
        searcher.index().vocabulary(),
        generated.as_secs_f64() * 1000.0,
        built.as_secs_f64() * 1000.0
    );
    // A warm-up pass, then the measured one.
    keystrokes(&mut searcher);
    let mut typed = keystrokes(&mut Searcher::new(&entries));
    typed.sort();
    let times: Vec<Duration> = typed.iter().map(|t| t.0).collect();
    let (p50, p95, p99) = (percentile(&times, 0.50), percentile(&times, 0.95), percentile(&times, 0.99));
    let max = times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "search as you type over {CASES} cases, {} keystrokes: p50 {p50:.2} ms, p95 {p95:.2} ms, p99 {p99:.2} ms, max {max:.2} ms (budget p95 ≤ {BUDGET_MS} ms: {})",
        times.len(),
        if p95 <= BUDGET_MS { "met" } else { "MISSED" }
    );
    let slowest: Vec<String> = typed
        .iter()
        .rev()
        .take(5)
        .map(|(d, q, n)| format!("{q:?} {:.1} ms ({n} hits)", d.as_secs_f64() * 1000.0))
        .collect();
    println!("slowest keystrokes: {}", slowest.join(", "));
    let query = haven::search::Query::parse("Shchukina");
    c.bench_function("search 100k: a whole name, no earlier hits to narrow", |b| {
        b.iter(|| searcher.index().search(std::hint::black_box(&query), None))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
