//! Drawing the roll-call: progress on top, one line per bed (only the
//! visible ones), and after Ctrl-S the discrepancies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::screen::{RollCall, View};
use super::walk::{Empty, WalkLine};
use crate::app::context::Ctx;
use crate::domain::ids::{BedId, CaseId};
use crate::domain::night::{Discrepancy, NightMark};
use crate::screens::beds::text::short_date;
use crate::screens::beds::view::{FREE, OCCUPIED, OUT, RESERVED};
use crate::ui::sanitize::{display_width, inert, truncate_to_width};
use crate::ui::theme;

fn put(frame: &mut Frame<'_>, area: Rect, y: u16, l: Line<'_>) {
    if y < area.y + area.height {
        frame.render_widget(Paragraph::new(l), Rect { y, height: 1, ..area });
    }
}

/// A mark as a symbol and a word, with its style.
pub fn mark_text(ctx: &Ctx, m: NightMark) -> (String, Style) {
    let (sym, style) = match m {
        NightMark::Present => ("✓", theme::ok()),
        NightMark::Absent => ("✗", theme::error()),
        NightMark::OnLeave => ("↷", Style::new().fg(Color::Yellow)),
        NightMark::Hospital => ("+", Style::new().fg(Color::Yellow)),
        NightMark::UnknownPerson => ("?", theme::error()),
    };
    (format!("{sym} {}", ctx.t(&format!("night-mark-{}", m.key()))), style)
}

fn pad(s: &str, w: usize) -> String {
    let cut = truncate_to_width(s, w);
    let n = w.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(n))
}

fn bed_line(rc: &RollCall, line: &WalkLine, selected: bool, width: usize, ctx: &Ctx) -> Line<'static> {
    let cursor = if selected { "▸ " } else { "  " };
    let label = pad(&inert(&line.label), 7);
    let (who, base) = match &line.who {
        Ok(o) => {
            let mut s = format!("{OCCUPIED} {}  {}", pad(&inert(&o.alias), 16), pad(&o.code, 11));
            if let Some(u) = o.overdue {
                s.push_str(&format!(" {}", ctx.i18n.t_args("night-due-out", &[("date", short_date(ctx, u).into())])));
            }
            (s, Style::default())
        }
        Err(Empty::Free) => (format!("{FREE} {}", ctx.t("beds-cell-free")), theme::dim()),
        Err(Empty::Reserved(w)) => (
            format!("{RESERVED} {}", ctx.i18n.t_args("night-reserved-for", &[("who", inert(w).into_owned().into())])),
            theme::dim(),
        ),
        Err(Empty::OutOfService) => (format!("{OUT} {}", ctx.t("beds-cell-oos")), theme::dim()),
    };
    let (mark, mark_style) = match rc.walk.mark_of(line.bed) {
        Some(m) => {
            let (t, s) = mark_text(ctx, m);
            let s = if rc.walk.is_earlier(line.bed) { s.add_modifier(ratatui::style::Modifier::DIM) } else { s };
            (t, s)
        }
        None if line.occupied() => ("…".to_string(), theme::dim()),
        None => (String::new(), theme::dim()),
    };
    let mark_w = 20;
    let left_w = width.saturating_sub(mark_w + 2);
    let left = pad(&format!("{cursor}{label} {who}"), left_w);
    let (left_style, mark_style) = if selected { (theme::selected(), theme::selected()) } else { (base, mark_style) };
    Line::from(vec![Span::styled(left, left_style), Span::raw("  "), Span::styled(pad(&mark, mark_w), mark_style)])
}

fn draw_walk(rc: &mut RollCall, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
    let w = usize::from(area.width);
    let (done, total) = rc.walk.progress();
    let n = |m| i64::try_from(rc.walk.count(m)).unwrap_or(0);
    let head = ctx.i18n.t_args(
        "night-progress",
        &[("done", i64::try_from(done).unwrap_or(0).into()), ("total", i64::try_from(total).unwrap_or(0).into())],
    );
    let counts = ctx.i18n.t_args(
        "night-counts",
        &[
            ("present", n(NightMark::Present).into()),
            ("absent", n(NightMark::Absent).into()),
            ("leave", n(NightMark::OnLeave).into()),
            ("hospital", n(NightMark::Hospital).into()),
            ("unknown", n(NightMark::UnknownPerson).into()),
        ],
    );
    put(frame, area, area.y, Line::from(vec![Span::styled(head, theme::heading()), Span::raw(format!("   {counts}"))]));
    let note = match &rc.saved_by {
        Some((by, Some(at))) => ctx.i18n.t_args(
            "night-rerun",
            &[("by", inert(by).into_owned().into()), ("time", ctx.i18n.format_time(at.time()).into())],
        ),
        _ if total == 0 => ctx.t("night-nobody"),
        _ => ctx.t("night-walk-help"),
    };
    put(frame, area, area.y + 1, Line::styled(truncate_to_width(&note, w), theme::dim()));
    let list = Rect { y: area.y + 2, height: area.height.saturating_sub(2), ..area };
    let visible = usize::from(list.height).max(1);
    // Keep a line of context below the cursor so the next bed is seen coming.
    let cursor = rc.walk.cursor;
    if cursor < rc.top {
        rc.top = cursor;
    }
    if cursor + 2 > rc.top + visible {
        rc.top = (cursor + 2).saturating_sub(visible);
    }
    rc.top = rc.top.min(rc.walk.lines.len().saturating_sub(visible));
    for (i, line) in rc.walk.lines.iter().enumerate().skip(rc.top).take(visible) {
        let y = list.y + u16::try_from(i - rc.top).unwrap_or(0);
        put(frame, list, y, bed_line(rc, line, i == cursor, w, ctx));
    }
}

fn person(rc: &RollCall, case: Option<CaseId>) -> String {
    case.and_then(|c| rc.snap.cases.get(&c)).map(|f| format!("{} {}", f.alias, f.code)).unwrap_or_default()
}

fn label(rc: &RollCall, bed: BedId) -> String {
    rc.snap.bed(bed).map(|b| inert(&b.label).into_owned()).unwrap_or_default()
}

/// One discrepancy as one line.
pub fn discrepancy(rc: &RollCall, d: &Discrepancy, ctx: &Ctx) -> (String, Style) {
    let bed = label(rc, d.bed());
    let args = |who: String| vec![("bed", bed.clone().into()), ("who", inert(&who).into_owned().into())];
    match *d {
        Discrepancy::AbsentWithoutLeave { case, .. } => {
            (ctx.i18n.t_args("night-disc-absent", &args(person(rc, case))), theme::error())
        }
        Discrepancy::UnknownPerson { .. } => {
            (ctx.i18n.t_args("night-disc-unknown", &args(String::new())), theme::error())
        }
        Discrepancy::NotChecked { case, .. } => {
            (ctx.i18n.t_args("night-disc-unchecked", &args(person(rc, Some(case)))), Style::new().fg(Color::Yellow))
        }
        Discrepancy::StayEnded { case, expected_until: Some(u), .. } => {
            let mut a = args(person(rc, Some(case)));
            a.push(("date", ctx.i18n.format_date(u).into()));
            (ctx.i18n.t_args("night-disc-stay-ended", &a), Style::new().fg(Color::Yellow))
        }
        Discrepancy::StayEnded { case, expected_until: None, .. } => {
            (ctx.i18n.t_args("night-disc-stay-closed", &args(person(rc, Some(case)))), Style::new().fg(Color::Yellow))
        }
        Discrepancy::ReservationUnfilled { reservation, .. } => {
            let r = rc.snap.reservations.iter().find(|r| r.id == reservation);
            let who = r.and_then(|r| rc.snap.reservation_case(r)).map(|f| format!("{} {}", f.alias, f.code));
            let flight = r
                .and_then(|r| r.pickup_id)
                .and_then(|p| rc.snap.pickups.get(&p))
                .map(|p| format!("{} {}", p.flight, ctx.i18n.format_time(p.expected_at().time())));
            let who = [who, flight].into_iter().flatten().collect::<Vec<_>>().join(", ");
            (ctx.i18n.t_args("night-disc-unfilled", &args(who)), Style::default())
        }
    }
}

fn draw_finished(
    rc: &mut RollCall,
    found: &[Discrepancy],
    at: chrono::NaiveDateTime,
    frame: &mut Frame<'_>,
    area: Rect,
    ctx: &Ctx,
) {
    let w = usize::from(area.width);
    let (done, total) = rc.walk.progress();
    let head = ctx.i18n.t_args(
        "night-finished",
        &[
            ("time", ctx.i18n.format_time(at.time()).into()),
            ("done", i64::try_from(done).unwrap_or(0).into()),
            ("total", i64::try_from(total).unwrap_or(0).into()),
        ],
    );
    put(frame, area, area.y, Line::styled(truncate_to_width(&head, w), theme::heading()));
    let title = if found.is_empty() {
        Line::styled(ctx.t("night-no-discrepancies"), theme::ok())
    } else {
        Line::styled(
            ctx.i18n.t_args("night-discrepancies", &[("count", i64::try_from(found.len()).unwrap_or(0).into())]),
            theme::heading(),
        )
    };
    put(frame, area, area.y + 2, title);
    let list = Rect { y: area.y + 3, height: area.height.saturating_sub(4), ..area };
    let visible = usize::from(list.height);
    for (i, d) in found.iter().enumerate().take(visible) {
        let (text, style) = discrepancy(rc, d, ctx);
        let y = list.y + u16::try_from(i).unwrap_or(0);
        put(frame, list, y, Line::styled(truncate_to_width(&format!("  {text}"), w), style));
    }
    if found.len() > visible && visible > 0 {
        let more =
            ctx.i18n.t_args("night-more", &[("count", i64::try_from(found.len() - visible).unwrap_or(0).into())]);
        put(frame, area, list.y + list.height - 1, Line::styled(format!("  {more}"), theme::dim()));
    }
    put(
        frame,
        area,
        area.y + area.height - 1,
        Line::styled(truncate_to_width(&ctx.t("night-finished-help"), w), theme::dim()),
    );
}

/// Draws the roll-call into `area`.
pub fn draw(rc: &mut RollCall, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
    if area.height < 4 {
        return;
    }
    match rc.view.clone() {
        View::Walking => draw_walk(rc, frame, area, ctx),
        View::Finished { found, at } => draw_finished(rc, &found, at, frame, area, ctx),
    }
    if let Some(ask) = &rc.ask {
        ask.render(frame, area, ctx);
    }
}
