//! Which column of a file is which: headings in English or Russian (and the
//! column keys the export writes), compared without case, underscores,
//! extra spaces, a trailing `*` or `:`, or the difference between ё and е.

use std::collections::HashMap;

use super::{Kind, Problem};

/// A column an import reads.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Stable key (also the heading the export writes).
    pub key: &'static str,
    /// Whether every file must have it.
    pub required: bool,
    /// Other headings accepted for it, English and Russian.
    pub names: &'static [&'static str],
}

const fn c(key: &'static str, names: &'static [&'static str]) -> Column {
    Column { key, required: false, names }
}

const fn req(key: &'static str, names: &'static [&'static str]) -> Column {
    Column { key, required: true, names }
}

const CASES: &[Column] = &[
    req("code", &["case code", "case", "case number", "код", "код дела", "номер дела", "дело", "шифр"]),
    c("alias", &["pseudonym", "псевдоним", "условное имя"]),
    c("family_name", &["surname", "last name", "family name", "фамилия"]),
    c("given_names", &["given name", "first name", "first names", "name", "имя"]),
    c("patronymic", &["middle name", "отчество"]),
    c("gender", &["sex", "пол", "гендер"]),
    c("date_of_birth", &["dob", "birth date", "born", "дата рождения", "др"]),
    c("age", &["age at arrival", "возраст"]),
    c("age_group", &["minor or adult", "возрастная группа", "группа"]),
    c("citizenship", &["nationality", "citizenships", "гражданство"]),
    c("place_of_origin", &["origin", "home town", "место происхождения", "откуда", "место жительства"]),
    c("arrived_on", &["arrival", "arrival date", "date of arrival", "дата прибытия", "прибытие", "дата поступления"]),
    c("status", &["case status", "статус", "статус дела"]),
    c("languages", &["language", "языки", "язык"]),
    c("interpreter", &["interpreter needed", "переводчик", "нужен переводчик"]),
    c("special_needs", &["needs", "особые потребности", "потребности"]),
    c("high_risk", &["risk", "высокий риск", "риск"]),
    c("trafficking_status", &["victim status", "identification", "статус жертвы", "идентификация"]),
    c(
        "exploitation",
        &["type of exploitation", "types of exploitation", "вид эксплуатации", "виды эксплуатации", "эксплуатация"],
    ),
    c("means_of_control", &["control", "средства контроля", "способы контроля"]),
    c("country_of_exploitation", &["exploitation country", "страна эксплуатации"]),
    c("decided_by", &["deciding organisation", "identified by", "кто определил статус"]),
    c("recruiter_relation", &["relationship to recruiter", "recruiter", "отношение к вербовщику", "вербовщик"]),
    c("recruitment", &["recruitment method", "способ вербовки", "вербовка"]),
    c("closed_on", &["closing date", "date closed", "дата закрытия"]),
    c("closing_outcome", &["outcome", "итог", "результат"]),
    c("document_kind", &["document", "document type", "документ", "тип документа"]),
    c("document_number", &["passport number", "номер документа", "номер паспорта"]),
    c("document_country", &["issuing country", "страна выдачи"]),
    c("document_expiry", &["expiry", "expires", "valid until", "срок действия", "действителен до"]),
    c("data_consent", &["consent", "consent to data processing", "согласие", "согласие на обработку данных"]),
    c("statistics_consent", &["consent to statistics", "ctdc consent", "согласие на статистику"]),
    c("notes", &["note", "comments", "comment", "примечания", "примечание", "комментарий"]),
];

const ORGANISATIONS: &[Column] = &[
    req("name", &["organisation", "organization", "название", "организация", "наименование"]),
    c("type", &["kind", "organisation type", "organization type", "тип", "вид", "тип организации"]),
    c("city", &["town", "город"]),
    c("country", &["страна"]),
    c("contact", &["contacts", "phone", "e-mail", "email", "контакт", "контакты", "телефон"]),
    c("services", &["услуги"]),
    c("retired", &["not in use", "не используется", "архив"]),
];

const ROOMS: &[Column] = &[
    req("room", &["room name", "name", "комната", "номер комнаты", "название"]),
    req("wing", &["крыло", "отделение", "блок"]),
    c("floor", &["этаж"]),
    c("accessible", &["step-free", "wheelchair", "доступная", "безбарьерная", "для колясок"]),
    c("beds", &["bed labels", "number of beds", "кровати", "койки", "койко-места", "количество кроватей"]),
];

/// The columns of `kind`.
pub fn spec(kind: Kind) -> &'static [Column] {
    match kind {
        Kind::Cases => CASES,
        Kind::Organisations => ORGANISATIONS,
        Kind::Rooms => ROOMS,
    }
}

/// A heading reduced to what matters for recognising it.
pub fn normalise(heading: &str) -> String {
    let lower = heading.trim().trim_end_matches(['*', ':']).to_lowercase().replace('ё', "е");
    let spaced: String = lower.chars().map(|ch| if matches!(ch, '_' | '-' | '.' | '/') { ' ' } else { ch }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The columns of a file, recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    index: HashMap<&'static str, usize>,
    headers: Vec<String>,
    /// Headings not recognised (ignored).
    pub ignored: Vec<String>,
}

impl Columns {
    /// Recognises the headings of a `kind` file; a required column missing
    /// or two headings for the same column is a problem with the whole file.
    pub fn map(kind: Kind, headers: &[String]) -> Result<Columns, Vec<Problem>> {
        let mut index: HashMap<&'static str, usize> = HashMap::new();
        let mut ignored = Vec::new();
        let mut problems = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let n = normalise(h);
            if n.is_empty() {
                continue;
            }
            let found = spec(kind)
                .iter()
                .find(|col| normalise(col.key) == n || col.names.iter().any(|name| normalise(name) == n));
            match found {
                Some(col) => {
                    if let Some(first) = index.get(col.key) {
                        let first = headers.get(*first).cloned().unwrap_or_default();
                        problems.push(Problem::DuplicateColumn { column: format!("{first}, {h}") });
                    } else {
                        index.insert(col.key, i);
                    }
                }
                None => ignored.push(h.clone()),
            }
        }
        for col in spec(kind).iter().filter(|c| c.required && !index.contains_key(c.key)) {
            let mut names = vec![col.key];
            names.extend(col.names.iter());
            problems.push(Problem::MissingColumn { column: col.key.to_string(), names: names.join(", ") });
        }
        if problems.is_empty() { Ok(Columns { index, headers: headers.to_vec(), ignored }) } else { Err(problems) }
    }

    /// Whether the file has the column.
    pub fn has(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The cell of column `key` in `row` ("" when the file has no such column).
    pub fn get<'a>(&self, row: &'a [String], key: &str) -> &'a str {
        self.index.get(key).and_then(|i| row.get(*i)).map_or("", String::as_str)
    }

    /// The heading of column `key` as the file writes it (the key when absent).
    pub fn heading(&self, key: &str) -> String {
        self.index.get(key).and_then(|i| self.headers.get(*i)).cloned().unwrap_or_else(|| key.to_string())
    }

    /// The file's headings.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn english_russian_and_export_headings_are_recognised() {
        let c = Columns::map(Kind::Cases, &h(&["Код дела", "Фамилия", "Имя", "Дата рождения", "Гражданство", "x"]))
            .unwrap();
        assert!(c.has("code") && c.has("family_name") && c.has("given_names") && c.has("date_of_birth"));
        assert_eq!(c.ignored, ["x"]);
        let c = Columns::map(Kind::Cases, &h(&["Case code*", "Last name", "DATE_OF_BIRTH", "Arrival date"])).unwrap();
        assert!(c.has("arrived_on") && c.has("date_of_birth"));
        let row = h(&["MSK-26-0001", "Doe", "2000-01-01", ""]);
        assert_eq!(c.get(&row, "family_name"), "Doe");
        assert_eq!(c.get(&row, "notes"), "");
        assert_eq!(c.heading("family_name"), "Last name");
    }

    #[test]
    fn a_missing_required_column_and_a_doubled_one_are_named() {
        let e = Columns::map(Kind::Cases, &h(&["Фамилия", "Имя"])).unwrap_err();
        assert!(matches!(&e[0], Problem::MissingColumn { column, .. } if column == "code"));
        let e = Columns::map(Kind::Rooms, &h(&["room", "Комната", "wing"])).unwrap_err();
        assert!(matches!(&e[0], Problem::DuplicateColumn { column } if column == "room, Комната"));
        assert_eq!(normalise("  Дата  рождения: "), "дата рождения");
        assert_eq!(normalise("Счёт"), "счет");
    }
}
