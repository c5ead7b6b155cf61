//! Where each bed sits on the board: rooms grouped by floor and wing, each
//! room a row of cells (wrapping when a room has more beds than fit), and
//! which cell the arrows reach from which. Pure: snapshot, filters and width in,
//! positions out; the view draws only the rows that are visible.

use crate::domain::ids::BedId;
use crate::domain::occupancy::BedState;
use crate::domain::rooms::{Bed, Room, Wing};
use crate::ops::beds::Snapshot;

/// Columns taken by the room name in front of its cells.
pub const ROOM_W: u16 = 5;
/// The narrowest cell: a label, a marker and a case code with its nights.
pub const MIN_CELL_W: u16 = 24;
/// Screen lines a row of cells takes.
pub const CELL_H: u16 = 2;

/// One line kind of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// `── Floor 2 · Women · 3 free of 11 ──`.
    Group {
        /// The floor.
        floor: i16,
        /// The wing.
        wing: Wing,
        /// Free beds shown in the group.
        free: u32,
        /// Beds shown in the group.
        beds: u32,
    },
    /// A row of cells; the room name is drawn on a room's first row.
    Cells {
        /// The room, by index into the snapshot's rooms.
        room: usize,
        /// Whether this is the room's first row.
        first: bool,
        /// The beds, by index into the snapshot's beds.
        beds: Vec<usize>,
    },
}

impl Row {
    /// Screen lines the row takes.
    pub fn height(&self) -> u16 {
        match self {
            Row::Group { .. } => 1,
            Row::Cells { .. } => CELL_H,
        }
    }
}

/// What the board shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only this wing.
    pub wing: Option<Wing>,
    /// Only free beds.
    pub free_only: bool,
}

/// The board laid out for one width and filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Rows, top to bottom.
    pub rows: Vec<Row>,
    /// Cells per row.
    pub cols: usize,
    /// Width of a cell.
    pub cell_w: u16,
    /// Every bed shown, in reading order: (bed, row index, column).
    pub order: Vec<(BedId, usize, usize)>,
    /// Screen line each row starts on (from the top of the board).
    pub tops: Vec<u32>,
}

pub use crate::domain::rooms::natural;

/// Whether the bed shows under `filter`, given its state tonight.
fn shown(filter: &Filter, room: &Room, state: Option<&BedState>) -> bool {
    filter.wing.is_none_or(|w| room.wing == w) && (!filter.free_only || state == Some(&BedState::Free))
}

impl Layout {
    /// Lays out the beds of `snap` in service, with their states tonight.
    pub fn build(
        snap: &Snapshot,
        states: &std::collections::HashMap<BedId, BedState>,
        filter: &Filter,
        width: u16,
    ) -> Layout {
        let cols = usize::from((width.saturating_sub(ROOM_W) / MIN_CELL_W).max(1));
        let cell_w = (width.saturating_sub(ROOM_W) / u16::try_from(cols).unwrap_or(1)).max(1);
        let mut rooms: Vec<(usize, &Room)> = snap.rooms.iter().enumerate().filter(|(_, r)| !r.retired).collect();
        rooms.sort_by(|(_, a), (_, b)| a.floor.cmp(&b.floor).then(a.wing.cmp(&b.wing)).then(natural(&a.name, &b.name)));
        let mut layout = Layout { cols, cell_w, ..Layout::default() };
        let mut group: Option<(i16, Wing, usize)> = None;
        for (ri, room) in rooms {
            let beds: Vec<usize> = snap
                .beds
                .iter()
                .enumerate()
                .filter(|(_, b): &(usize, &Bed)| b.room_id == room.id && !b.retired)
                .filter(|(_, b)| shown(filter, room, states.get(&b.id)))
                .map(|(i, _)| i)
                .collect();
            if beds.is_empty() {
                continue;
            }
            if group.is_none_or(|(f, w, _)| (f, w) != (room.floor, room.wing)) {
                layout.rows.push(Row::Group { floor: room.floor, wing: room.wing, free: 0, beds: 0 });
                group = Some((room.floor, room.wing, layout.rows.len() - 1));
            }
            let free = beds
                .iter()
                .filter(|i| snap.beds.get(**i).is_some_and(|b| states.get(&b.id) == Some(&BedState::Free)))
                .count();
            if let Some((_, _, gi)) = group
                && let Some(Row::Group { free: f, beds: n, .. }) = layout.rows.get_mut(gi)
            {
                *f += u32::try_from(free).unwrap_or(0);
                *n += u32::try_from(beds.len()).unwrap_or(0);
            }
            for (k, chunk) in beds.chunks(cols).enumerate() {
                let row = layout.rows.len();
                for (col, bi) in chunk.iter().enumerate() {
                    if let Some(b) = snap.beds.get(*bi) {
                        layout.order.push((b.id, row, col));
                    }
                }
                layout.rows.push(Row::Cells { room: ri, first: k == 0, beds: chunk.to_vec() });
            }
        }
        let mut y = 0u32;
        for r in &layout.rows {
            layout.tops.push(y);
            y += u32::from(r.height());
        }
        layout
    }

    /// Total screen lines.
    pub fn height(&self) -> u32 {
        self.tops.last().copied().unwrap_or(0) + self.rows.last().map_or(0, |r| u32::from(r.height()))
    }

    /// Position of a bed in reading order.
    pub fn position(&self, bed: BedId) -> Option<usize> {
        self.order.iter().position(|(b, _, _)| *b == bed)
    }

    /// The bed `delta` cells before or after `bed` in reading order (clamped).
    pub fn step(&self, bed: Option<BedId>, delta: isize) -> Option<BedId> {
        let last = self.order.len().checked_sub(1)?;
        let at = bed.and_then(|b| self.position(b)).unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(last);
        self.order.get(to).map(|(b, _, _)| *b)
    }

    /// The bed `rows` cell rows above (negative) or below, in the same column
    /// or the last one of a shorter row.
    pub fn vertical(&self, bed: Option<BedId>, rows: isize) -> Option<BedId> {
        let Some(at) = bed.and_then(|b| self.position(b)) else { return self.order.first().map(|(b, _, _)| *b) };
        let (_, row, col) = *self.order.get(at)?;
        let cell_rows: Vec<usize> =
            self.rows.iter().enumerate().filter(|(_, r)| matches!(r, Row::Cells { .. })).map(|(i, _)| i).collect();
        let here = cell_rows.iter().position(|r| *r == row)?;
        let target = here.saturating_add_signed(rows).min(cell_rows.len().saturating_sub(1));
        let target_row = *cell_rows.get(target)?;
        self.order
            .iter()
            .filter(|(_, r, _)| *r == target_row)
            .take_while(|(_, _, c)| *c <= col)
            .last()
            .map(|(b, _, _)| *b)
    }

    /// The first and last bed in reading order.
    pub fn ends(&self) -> (Option<BedId>, Option<BedId>) {
        (self.order.first().map(|(b, _, _)| *b), self.order.last().map(|(b, _, _)| *b))
    }

    /// The row a bed is in.
    pub fn row_of(&self, bed: BedId) -> Option<usize> {
        self.order.iter().find(|(b, _, _)| *b == bed).map(|(_, r, _)| *r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{Id, RoomId};
    use chrono::NaiveDate;
    use std::collections::HashMap;

    fn snap() -> Snapshot {
        let room = |n: u8, name: &str, floor: i16, wing: Wing| Room {
            id: RoomId(Id([n; 16])),
            name: name.into(),
            floor,
            wing,
            accessible: false,
            retired: false,
        };
        let rooms = vec![room(1, "10", 1, Wing::Men), room(2, "9", 1, Wing::Men), room(3, "201", 2, Wing::Women)];
        let mut beds = Vec::new();
        let mut k = 10u8;
        for (r, count) in [(1u8, 5), (2, 1), (3, 2)] {
            for j in 0..count {
                k += 1;
                beds.push(Bed {
                    id: BedId(Id([k; 16])),
                    room_id: RoomId(Id([r; 16])),
                    label: format!("{r}-{j}"),
                    walk_order: u32::from(k),
                    out_of_service: None,
                    retired: false,
                });
            }
        }
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        Snapshot::from_parts(day, rooms, beds, vec![], vec![], HashMap::new(), HashMap::new())
    }

    fn states(s: &Snapshot) -> HashMap<BedId, BedState> {
        s.beds.iter().map(|b| (b.id, BedState::Free)).collect()
    }

    #[test]
    fn rooms_are_grouped_by_floor_and_wing_and_wrap_at_the_width() {
        let s = snap();
        // 80 columns: three cells per row; room 9 before room 10.
        let l = Layout::build(&s, &states(&s), &Filter::default(), 80);
        assert_eq!(l.cols, 3);
        let kinds: Vec<String> = l
            .rows
            .iter()
            .map(|r| match r {
                Row::Group { floor, free, beds, .. } => format!("G{floor}:{free}/{beds}"),
                Row::Cells { room, beds, .. } => format!("R{}x{}", s.rooms[*room].name, beds.len()),
            })
            .collect();
        assert_eq!(kinds, ["G1:6/6", "R9x1", "R10x3", "R10x2", "G2:2/2", "R201x2"]);
        assert_eq!(l.height(), 1 + 2 + 2 + 2 + 1 + 2);
        let wide = Layout::build(&s, &states(&s), &Filter::default(), 200);
        assert_eq!(wide.cols, 8);
    }

    #[test]
    fn arrows_move_across_rows_and_columns() {
        let s = snap();
        let l = Layout::build(&s, &states(&s), &Filter::default(), 80);
        let ids: Vec<BedId> = l.order.iter().map(|(b, _, _)| *b).collect();
        // Reading order: 9's bed, then 10's five beds, then 201's two.
        assert_eq!(l.step(Some(ids[0]), 1), Some(ids[1]));
        assert_eq!(l.step(Some(ids[7]), 1), Some(ids[7]), "the last bed stays");
        assert_eq!(l.step(Some(ids[0]), -1), Some(ids[0]));
        // Down from the third cell of room 10's first row lands on the last cell of its shorter second row.
        assert_eq!(l.vertical(Some(ids[3]), 1), Some(ids[5]));
        assert_eq!(l.vertical(Some(ids[5]), -1), Some(ids[2]));
        assert_eq!(l.vertical(Some(ids[1]), -1), Some(ids[0]));
        assert_eq!(l.vertical(Some(ids[6]), 5), Some(ids[6]), "clamped to the last row");
    }

    #[test]
    fn filters_keep_a_wing_or_the_free_beds() {
        let s = snap();
        let mut st = states(&s);
        st.insert(s.beds[0].id, BedState::Unavailable);
        let women = Layout::build(&s, &st, &Filter { wing: Some(Wing::Women), free_only: false }, 80);
        assert_eq!(women.order.len(), 2);
        let free = Layout::build(&s, &st, &Filter { wing: None, free_only: true }, 80);
        assert_eq!(free.order.len(), 7);
        assert!(Layout::build(&s, &st, &Filter { wing: Some(Wing::Minors), free_only: false }, 80).order.is_empty());
        assert_eq!(natural("9", "10"), std::cmp::Ordering::Less);
        assert_eq!(natural("101", "101a"), std::cmp::Ordering::Less);
    }
}
