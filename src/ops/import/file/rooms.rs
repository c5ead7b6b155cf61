//! Rows of a rooms file as rooms with their beds, matched on the room's name
//! (without case). The beds are a number (labelled after the room: 12A,
//! 12B, …) or their labels.

use std::collections::HashMap;

use super::columns::Columns;
use super::reader::RowReader;
use super::values::{Choices, Labels, list_items, loose};
use super::{BadRow, Checked, Problem};
use crate::domain::ids::{Id, RoomId};
use crate::domain::rooms::{Room, Wing};

/// Most beds one room may have.
pub const MAX_BEDS: i64 = 40;

/// A room and the labels of its beds.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomDraft {
    /// The room (id zero).
    pub room: Room,
    /// Its beds' labels, in walking order.
    pub beds: Vec<String>,
}

/// Labels for `n` beds of room `name`: A, B, C… after the name, then numbers.
pub fn bed_labels(name: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match u8::try_from(i).ok().filter(|i| *i < 26) {
            Some(i) => format!("{name}{}", char::from(b'A' + i)),
            None => format!("{name}-{}", i + 1),
        })
        .collect()
}

/// Checks every row; a room or a bed label seen twice is a problem on the second line.
pub fn check(cols: &Columns, rows: &[(u64, Vec<String>)]) -> Checked<RoomDraft> {
    let labels = Labels::new();
    let wings: Vec<(&'static str, Wing)> = Wing::all().map(|w| (w.key(), w)).collect();
    let wing = Choices::new(
        &labels,
        "wing",
        &wings,
        &[
            ("женщины", Wing::Women),
            ("мужчины", Wing::Men),
            ("семьи", Wing::Family),
            ("семейное", Wing::Family),
            ("дети", Wing::Minors),
            ("несовершеннолетние", Wing::Minors),
            ("детское", Wing::Minors),
            ("femmes", Wing::Women),
            ("hommes", Wing::Men),
        ],
    );
    let mut out = Checked::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut bed_seen: HashMap<String, u64> = HashMap::new();
    for (line, cells) in rows {
        let mut r = RowReader::new(cols, cells);
        let name = r.required("room", 40);
        let w = r.choice(&wing, "wing");
        if w.is_none() && r.cell("wing").is_empty() {
            r.problems.push(Problem::Required { column: r.heading("wing") });
        }
        let floor = r.number("floor", -5, 100);
        let accessible = r.yes_no("accessible");
        let beds_text = r.cell("beds");
        let beds: Vec<String> = match beds_text.trim().parse::<i64>() {
            Ok(n) if (0..=MAX_BEDS).contains(&n) => bed_labels(&name, usize::try_from(n).unwrap_or(0)),
            Ok(_) => {
                r.problems.push(Problem::BadNumber { column: r.heading("beds"), value: beds_text.to_string() });
                Vec::new()
            }
            Err(_) => list_items(beds_text).map(str::to_string).collect(),
        };
        for b in &beds {
            if b.chars().count() > 20 {
                r.problems.push(Problem::TooLong { column: r.heading("beds"), max: 20 });
            }
            if let Some(first) = bed_seen.get(&loose(b)) {
                if *first != *line {
                    r.problems.push(Problem::BedTaken { label: b.clone() });
                }
            } else {
                bed_seen.insert(loose(b), *line);
            }
        }
        let key = loose(&name);
        if !key.is_empty() {
            match seen.get(&key) {
                Some(first) => r.problems.insert(0, Problem::DuplicateRow { first_line: *first }),
                None => {
                    seen.insert(key, *line);
                }
            }
        }
        match (w, r.problems.is_empty()) {
            (Some(wing), true) => out.good.push((
                *line,
                RoomDraft {
                    room: Room {
                        id: RoomId(Id([0; 16])),
                        name,
                        floor: i16::try_from(floor.unwrap_or(0)).unwrap_or(0),
                        wing,
                        accessible: accessible.unwrap_or(false),
                        retired: false,
                    },
                    beds,
                },
            )),
            _ => out.bad.push(BadRow { line: *line, cells: cells.clone(), problems: r.problems }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beds_are_labelled_after_the_room() {
        assert_eq!(bed_labels("12", 3), ["12A", "12B", "12C"]);
        assert_eq!(bed_labels("7", 28)[26], "7-27");
    }
}
