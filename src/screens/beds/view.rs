//! Drawing the board: free beds per wing and tonight's occupancy on top,
//! the rows of cells in the middle (only the visible ones are built), the
//! selected bed in full at the bottom.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::board::Board;
use super::layout::{CELL_H, ROOM_W, Row};
use super::text;
use crate::app::context::Ctx;
use crate::domain::ids::BedId;
use crate::domain::occupancy::{BedState, free_per_wing};
use crate::domain::rooms::Bed;
use crate::domain::stay::nights;
use crate::ops::beds::Snapshot;
use crate::ui::sanitize::{inert, truncate_to_width};
use crate::ui::theme;

/// Marker of an occupied bed (also read without colour).
pub const OCCUPIED: &str = "●";
/// Marker of a reserved bed.
pub const RESERVED: &str = "◐";
/// Marker of a free bed.
pub const FREE: &str = "·";
/// Marker of a bed out of service.
pub const OUT: &str = "✕";

/// One line of text, clipped to `width`. Written straight into the buffer:
/// a board of 200 beds draws a few hundred of these per frame.
fn line(frame: &mut Frame<'_>, x: u16, y: u16, width: u16, content: Line<'_>) {
    let area = frame.area();
    if width > 0 && y < area.y + area.height && x < area.x + area.width {
        let width = width.min(area.x + area.width - x);
        frame.buffer_mut().set_line(x, y, &content, width);
    }
}

fn style_of(state: BedState) -> Style {
    match state {
        BedState::Free => theme::ok(),
        BedState::Occupied(_) => Style::default(),
        BedState::Reserved(_) => Style::new().fg(Color::Yellow),
        BedState::Unavailable => theme::dim(),
    }
}

/// When and how a reserved person is expected: `SU 2101 14:05`, or the code.
fn reservation_lines(snap: &Snapshot, bed: BedId, ctx: &Ctx) -> (String, String) {
    let Some(r) = snap.holding(bed, snap.day) else { return (String::new(), String::new()) };
    let pickup = r.pickup_id.and_then(|p| snap.pickups.get(&p));
    let front = snap.reservation_case(r);
    let when = pickup.map(|p| {
        let at = p.expected_at();
        if at.date() == snap.day {
            ctx.i18n.format_time(at.time())
        } else {
            format!("{} {}", text::short_date(ctx, at.date()), ctx.i18n.format_time(at.time()))
        }
    });
    let who = match (front, pickup) {
        (Some(f), _) => f.alias.clone(),
        (None, Some(p)) => p.flight.to_string(),
        (None, None) => String::new(),
    };
    let what = match (front, pickup) {
        (Some(f), _) => f.code.to_string(),
        (None, Some(p)) => p.airport.clone(),
        (None, None) => String::new(),
    };
    let second = match when {
        Some(w) => format!("{what} {w}"),
        None => format!("{what} {}", ctx.t("beds-cell-tonight")),
    };
    (who, second)
}

/// Words of the board that change only when the beds are read again, the
/// filter or the width changes, or the language does: built once, then
/// drawn every frame without formatting a message again.
#[derive(Debug, Default)]
pub struct Cache {
    lang: Option<crate::i18n::Lang>,
    header: Option<(String, String, String)>,
    groups: HashMap<usize, String>,
    cells: HashMap<BedId, (String, String, bool)>,
}

impl Cache {
    /// Forgets everything (the beds were read again, or the layout changed).
    pub fn clear(&mut self) {
        *self = Cache::default();
    }
}

/// The two lines of a cell and whether its second line is a warning.
fn cell_text(states: &HashMap<BedId, BedState>, snap: &Snapshot, bed: &Bed, ctx: &Ctx) -> (String, String, bool) {
    let label = inert(&bed.label).into_owned();
    match states.get(&bed.id).copied().unwrap_or(BedState::Unavailable) {
        BedState::Free => (format!("{label} {FREE} {}", ctx.t("beds-cell-free")), String::new(), false),
        BedState::Occupied(case) => {
            let front = snap.cases.get(&case);
            let alias = front
                .map(|f| {
                    format!("{}{}", crate::sync::conflicts::badge(ctx.store(), &[f.id.as_bytes()]), inert(&f.alias))
                })
                .unwrap_or_default();
            let code = front.map(|f| f.code.to_string()).unwrap_or_default();
            let stay = snap.open_stay_of(case);
            let n = stay.map_or(0, |s| nights(s, snap.day));
            let mut second =
                format!("{code} {}", ctx.i18n.t_args("beds-cell-nights", &[("count", i64::from(n).into())]));
            let mut late = false;
            if let Some(u) = stay.and_then(|s| s.expected_until) {
                late = u <= snap.day;
                second.push_str(&format!(" →{}", text::short_date(ctx, u)));
            }
            (format!("{label} {OCCUPIED} {alias}"), second, late)
        }
        BedState::Reserved(_) => {
            let (who, second) = reservation_lines(snap, bed.id, ctx);
            (format!("{label} {RESERVED} {}", inert(&who)), inert(&second).into_owned(), false)
        }
        BedState::Unavailable => {
            let (reason, until) = bed.out_of_service.as_ref().map(|o| (o.reason.as_str(), o.until)).unwrap_or_default();
            let mut second = inert(reason).into_owned();
            if let Some(u) = until {
                second = format!("→{} {second}", text::short_date(ctx, u));
            }
            (format!("{label} {OUT} {}", ctx.t("beds-cell-oos")), second, false)
        }
    }
}

fn draw_cell(
    board: &Board,
    cache: &mut Cache,
    snap: &Snapshot,
    bed: &Bed,
    frame: &mut Frame<'_>,
    rect: Rect,
    ctx: &Ctx,
) {
    let state = board.state(bed.id);
    let selected = board.selected == Some(bed.id);
    let (first, second, late) =
        cache.cells.entry(bed.id).or_insert_with(|| cell_text(&board.states, snap, bed, ctx)).clone();
    let w = usize::from(rect.width.saturating_sub(1));
    let mut base = style_of(state);
    if selected {
        base = base.add_modifier(Modifier::REVERSED);
    }
    let first = crate::ui::sanitize::fit(&first, w);
    let second = crate::ui::sanitize::fit(&format!(" {second}"), w);
    line(frame, rect.x, rect.y, rect.width.saturating_sub(1), Line::styled(first, base.add_modifier(Modifier::BOLD)));
    let second_style = if late && !selected { theme::error() } else { base };
    if rect.height > 1 {
        line(frame, rect.x, rect.y + 1, rect.width.saturating_sub(1), Line::styled(second, second_style));
    }
}

fn header(board: &Board, cache: &mut Cache, snap: &Snapshot, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
    let (free, rest, second) = cache.header.get_or_insert_with(|| header_text(board, snap, ctx)).clone();
    let rest =
        truncate_to_width(&rest, usize::from(area.width).saturating_sub(crate::ui::sanitize::display_width(&free)));
    line(frame, area.x, area.y, area.width, Line::from(vec![Span::styled(free, theme::heading()), Span::raw(rest)]));
    if area.height > 1 {
        line(
            frame,
            area.x,
            area.y + 1,
            area.width,
            Line::styled(truncate_to_width(&second, usize::from(area.width)), theme::dim()),
        );
    }
}

/// Free beds in all and per wing, and tonight's occupancy with the filter and the legend.
fn header_text(board: &Board, snap: &Snapshot, ctx: &Ctx) -> (String, String, String) {
    let (per_wing, total) = free_per_wing(&snap.rooms, &snap.beds, &board.states);
    let wings: Vec<String> = per_wing.iter().map(|(w, n)| format!("{} {n}", text::wing(ctx, *w))).collect();
    let free = ctx.i18n.t_args("beds-free", &[("count", i64::from(total).into())]);
    let rest = format!("  {}", wings.join(" · "));
    let occupied = board.states.values().filter(|s| matches!(s, BedState::Occupied(_))).count();
    let capacity = snap.beds_in_plan().filter(|b| b.usable_on(snap.day)).count();
    let mut parts = vec![ctx.i18n.t_args(
        "dash-occupancy",
        &[
            ("occupied", i64::try_from(occupied).unwrap_or(0).into()),
            ("capacity", i64::try_from(capacity).unwrap_or(0).into()),
        ],
    )];
    let mut filter = Vec::new();
    if let Some(w) = board.filter.wing {
        filter.push(text::wing(ctx, w));
    }
    if board.filter.free_only {
        filter.push(ctx.t("beds-filter-free"));
    }
    if !filter.is_empty() {
        parts.push(format!("{}: {}", ctx.t("beds-filter"), filter.join(", ")));
    }
    parts.push(format!(
        "{OCCUPIED} {}  {RESERVED} {}  {OUT} {}",
        ctx.t("beds-legend-occupied"),
        ctx.t("beds-legend-reserved"),
        ctx.t("beds-legend-oos")
    ));
    (free, rest, parts.join(" · "))
}

/// The selected bed in full, for the bottom line (and the status on Enter
/// when there is no case file to open).
pub fn detail(board: &Board, ctx: &Ctx) -> String {
    let (Ok(snap), Some(bed)) = (&board.snap, board.selected_bed()) else { return String::new() };
    let room = snap.room_of(bed).map(|r| text::room_line(ctx, r)).unwrap_or_default();
    let label = inert(&bed.label).into_owned();
    let what = match board.state(bed.id) {
        BedState::Free => ctx.t("beds-cell-free"),
        BedState::Occupied(case) => {
            let front = snap.cases.get(&case);
            let mut parts: Vec<String> =
                front.map(|f| vec![text::person(f), text::gender_age(ctx, f)]).unwrap_or_default();
            if let Some(s) = snap.open_stay_of(case) {
                parts.push(ctx.i18n.t_args(
                    "beds-detail-since",
                    &[("date", ctx.i18n.format_date(s.from).into()), ("count", i64::from(nights(s, snap.day)).into())],
                ));
                if let Some(u) = s.expected_until {
                    parts.push(ctx.i18n.t_args("beds-detail-until", &[("date", ctx.i18n.format_date(u).into())]));
                }
            }
            parts.join(" · ")
        }
        BedState::Reserved(_) => {
            let (who, second) = reservation_lines(snap, bed.id, ctx);
            ctx.i18n.t_args("beds-detail-reserved", &[("who", format!("{who} {second}").trim().to_string().into())])
        }
        BedState::Unavailable => match (&bed.out_of_service, bed.retired) {
            (Some(o), _) => match o.until {
                Some(u) => ctx.i18n.t_args(
                    "rule-bed-out_of_service-until",
                    &[("reason", o.reason.clone().into()), ("until", ctx.i18n.format_date(u).into())],
                ),
                None => ctx.i18n.t_args("rule-bed-out_of_service", &[("reason", o.reason.clone().into())]),
            },
            (None, _) => ctx.t("rule-bed-retired"),
        },
    };
    inert(&format!("{label} · {what} · {room}")).into_owned()
}

/// Draws the board into `area`.
pub fn draw(board: &mut Board, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
    if area.width != board.width {
        board.relayout(area.width);
    }
    let snap = match &board.snap {
        Ok(s) => std::sync::Arc::clone(s),
        Err(e) => {
            frame.render_widget(Paragraph::new(inert(e).into_owned()).style(theme::error()), area);
            return;
        }
    };
    let snap = &*snap;
    if area.height < 4 {
        return;
    }
    let mut cache = std::mem::take(&mut board.cache);
    if cache.lang != Some(ctx.i18n.lang()) {
        cache.clear();
        cache.lang = Some(ctx.i18n.lang());
    }
    draw_board(board, &mut cache, snap, frame, area, ctx);
    board.cache = cache;
}

fn draw_board(board: &mut Board, cache: &mut Cache, snap: &Snapshot, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
    header(board, cache, snap, frame, Rect { height: 2, ..area }, ctx);
    let body = Rect { y: area.y + 2, height: area.height - 3, ..area };
    let footer_y = area.y + area.height - 1;
    if board.layout.order.is_empty() {
        let msg = if snap.beds.is_empty() { ctx.t("beds-none-yet") } else { ctx.t("beds-none-match") };
        line(frame, body.x, body.y + 1, body.width, Line::styled(msg, theme::dim()));
        return;
    }
    follow(board, u32::from(body.height));
    let top = board.scroll;
    let bottom = top + u32::from(body.height);
    let layout = &board.layout;
    for (i, row) in layout.rows.iter().enumerate() {
        let Some(&y0) = layout.tops.get(i) else { continue };
        let h = u32::from(row.height());
        if y0 + h <= top || y0 >= bottom {
            continue;
        }
        // Rows are drawn whole; one cut at the bottom edge is skipped.
        if y0 < top || y0 + h > bottom {
            continue;
        }
        let y = body.y + u16::try_from(y0 - top).unwrap_or(0);
        match row {
            Row::Group { floor, wing, free, beds } => {
                let title = cache.groups.entry(i).or_insert_with(|| {
                    let floor_text = ctx.i18n.t_args("beds-floor", &[("floor", i64::from(*floor).into())]);
                    let counts = ctx.i18n.t_args(
                        "beds-group-free",
                        &[("free", i64::from(*free).into()), ("count", i64::from(*beds).into())],
                    );
                    format!("── {} · {} · {counts} ", capitalise(&floor_text), text::wing(ctx, *wing))
                });
                let fill = usize::from(body.width).saturating_sub(crate::ui::sanitize::display_width(title));
                line(
                    frame,
                    body.x,
                    y,
                    body.width,
                    Line::styled(format!("{title}{}", "─".repeat(fill)), theme::heading()),
                );
            }
            Row::Cells { room, first, beds } => {
                if *first && let Some(r) = snap.rooms.get(*room) {
                    let name = truncate_to_width(&inert(&r.name), usize::from(ROOM_W - 1));
                    line(frame, body.x, y, ROOM_W, Line::styled(name, theme::heading()));
                }
                for (col, bi) in beds.iter().enumerate() {
                    let Some(bed) = snap.beds.get(*bi) else { continue };
                    let x = body.x + ROOM_W + u16::try_from(col).unwrap_or(0) * layout.cell_w;
                    let rect = Rect { x, y, width: layout.cell_w.min(body.x + body.width - x), height: CELL_H };
                    draw_cell(board, cache, snap, bed, frame, rect, ctx);
                }
            }
        }
    }
    let more_below = board.layout.height() > bottom;
    if top > 0 {
        line(frame, body.x + body.width - 1, body.y, 1, Line::styled("▲", theme::dim()));
    }
    if more_below {
        line(frame, body.x + body.width - 1, body.y + body.height - 1, 1, Line::styled("▼", theme::dim()));
    }
    let detail = truncate_to_width(&detail(board, ctx), usize::from(area.width));
    line(frame, area.x, footer_y, area.width, Line::styled(detail, theme::heading()));
    if let Some((_, ask)) = &board.ask {
        ask.render(frame, area, ctx);
    }
}

/// `floor 2` → `Floor 2` for a heading.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Scrolls so the selected bed's row (and its group heading) is on screen.
fn follow(board: &mut Board, height: u32) {
    let Some(row) = board.selected.and_then(|b| board.layout.row_of(b)) else { return };
    let Some(&y) = board.layout.tops.get(row) else { return };
    let heading_above =
        row.checked_sub(1).and_then(|r| board.layout.rows.get(r)).is_some_and(|r| matches!(r, Row::Group { .. }));
    let want_top = if heading_above { y.saturating_sub(1) } else { y };
    if want_top < board.scroll {
        board.scroll = want_top;
    }
    let bottom = y + u32::from(CELL_H);
    if bottom > board.scroll + height {
        board.scroll = bottom.saturating_sub(height);
    }
    let max = board.layout.height().saturating_sub(height);
    board.scroll = board.scroll.min(max);
}
