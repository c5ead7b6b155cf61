//! Rooms and beds setup (managers): the plan as a list, each room followed
//! by its beds in walking order; new room, new bed, edit, out of service and
//! back, remove (a room or bed that ever had a stay is retired, not deleted).

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::action::{Action, Condition};
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::ids::{BedId, RoomId};
use crate::domain::rooms::Room;
use crate::forms;
use crate::keymap;
use crate::ops::beds::{self, Removal, Snapshot};
use crate::screens::beds::ask::{Ask, Question, Reply, reply};
use crate::screens::beds::layout::natural;
use crate::screens::beds::reading::Reading;
use crate::screens::beds::text;
use crate::ui::list_cursor::ListCursor;
use crate::ui::sanitize::{fit, inert, pad, truncate_to_width};
use crate::ui::theme;

/// One line of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Room(RoomId),
    Bed(RoomId, BedId),
}

/// The setup screen.
pub struct RoomsSetup {
    snap: Result<Arc<Snapshot>, String>,
    items: Vec<Item>,
    cursor: ListCursor,
    ask: Option<(Item, Ask)>,
    reading: Reading,
}

impl RoomsSetup {
    /// The plan as of now.
    pub fn new(ctx: &Ctx) -> RoomsSetup {
        let mut s = RoomsSetup {
            snap: Err(String::new()),
            items: Vec::new(),
            cursor: ListCursor::new(),
            ask: None,
            reading: Reading::default(),
        };
        s.reload(ctx);
        s
    }

    fn reload(&mut self, ctx: &Ctx) {
        let keep = self.selected();
        self.snap = self.reading.read(ctx);
        self.items.clear();
        if let Ok(snap) = &self.snap {
            let mut rooms: Vec<&Room> = snap.rooms.iter().filter(|r| !r.retired).collect();
            rooms.sort_by(|a, b| a.floor.cmp(&b.floor).then(natural(&a.name, &b.name)));
            for r in rooms {
                self.items.push(Item::Room(r.id));
                for b in snap.beds.iter().filter(|b| b.room_id == r.id && !b.retired) {
                    self.items.push(Item::Bed(r.id, b.id));
                }
            }
        }
        self.cursor.set_len(self.items.len());
        if let Some(at) = keep.and_then(|k| self.items.iter().position(|i| *i == k)) {
            self.cursor.select(at);
        }
    }

    fn selected(&self) -> Option<Item> {
        self.items.get(self.cursor.selected()).copied()
    }

    fn room_of_selection(&self) -> Option<RoomId> {
        match self.selected()? {
            Item::Room(r) | Item::Bed(r, _) => Some(r),
        }
    }

    fn edit(&self, ctx: &Ctx) -> Outcome {
        let Ok(snap) = &self.snap else { return Outcome::None };
        match self.selected() {
            Some(Item::Room(r)) => match snap.room(r) {
                Some(room) => Outcome::Push(Box::new(forms::room::screen(ctx, Some(room)))),
                None => Outcome::None,
            },
            Some(Item::Bed(_, b)) => match snap.bed(b) {
                Some(bed) => Outcome::Push(Box::new(forms::bed::screen(ctx, Some(bed), None))),
                None => Outcome::None,
            },
            None => Outcome::None,
        }
    }

    fn out_of_service(&mut self, ctx: &Ctx) -> Outcome {
        let (Ok(snap), Some(Item::Bed(_, b))) = (&self.snap, self.selected()) else {
            return Outcome::Status(ctx.t("beds-select-bed"));
        };
        let Some(bed) = snap.bed(b) else { return Outcome::None };
        if bed.out_of_service.is_some() {
            self.ask = Some((Item::Bed(bed.room_id, b), Ask::new(Question::BackInService)));
            return Outcome::None;
        }
        Outcome::Push(Box::new(forms::bed::out_of_service_screen(ctx, bed)))
    }

    fn answer(&mut self, item: Item, question: Question, ctx: &Ctx) -> Outcome {
        let today = ctx.today();
        let Ok(store) = ctx.store() else { return Outcome::None };
        let removed = |r: Result<Removal, beds::BedError>| {
            r.map(|how| match how {
                Removal::Retired => ctx.t("beds-plan-retired"),
                Removal::Deleted => ctx.t("beds-plan-removed"),
            })
        };
        let res = match (question, item) {
            (Question::BackInService, Item::Bed(_, b)) => {
                beds::set_out_of_service(store, b, None, today).map(|_| ctx.t("beds-back-in-service"))
            }
            (Question::RemoveBed, Item::Bed(_, b)) => removed(beds::remove_bed(store, b, today)),
            (Question::RemoveRoom, Item::Room(r)) => removed(beds::remove_room(store, r, today)),
            _ => return Outcome::None,
        };
        let out = match res {
            Ok(msg) => Outcome::Status(msg),
            Err(e) => Outcome::Status(text::error(ctx, &e)),
        };
        self.reload(ctx);
        out
    }

    fn line_of(&self, item: Item, snap: &Snapshot, ctx: &Ctx) -> (String, Style) {
        match item {
            Item::Room(r) => {
                let Some(room) = snap.room(r) else { return (String::new(), Style::default()) };
                let beds = snap.beds.iter().filter(|b| b.room_id == r && !b.retired).count();
                let count = ctx.i18n.t_args("beds-plan-beds", &[("count", i64::try_from(beds).unwrap_or(0).into())]);
                (inert(&format!("{}  ·  {count}", text::room_line(ctx, room))).into_owned(), theme::heading())
            }
            Item::Bed(_, b) => {
                let Some(bed) = snap.bed(b) else { return (String::new(), Style::default()) };
                let walk = ctx.i18n.t_args("beds-plan-walk", &[("order", i64::from(bed.walk_order).into())]);
                let (state, style) = if let Some(o) = &bed.out_of_service {
                    let t = match o.until {
                        Some(u) => ctx.i18n.t_args(
                            "rule-bed-out_of_service-until",
                            &[("reason", o.reason.clone().into()), ("until", ctx.i18n.format_date(u).into())],
                        ),
                        None => ctx.i18n.t_args("rule-bed-out_of_service", &[("reason", o.reason.clone().into())]),
                    };
                    (t, theme::dim())
                } else if let Some(s) = snap.open_stay_in(b) {
                    let who = snap.cases.get(&s.case_id).map(|f| f.code.to_string()).unwrap_or_default();
                    (format!("{} {who}", ctx.t("beds-legend-occupied")), Style::default())
                } else {
                    (ctx.t("beds-cell-free"), theme::ok())
                };
                (format!("    {} {} {}", pad(&bed.label, 8), pad(&walk, 12), inert(&state)), style)
            }
        }
    }
}

impl Screen for RoomsSetup {
    fn table(&self) -> keymap::Screen {
        keymap::Screen::Beds
    }

    fn title(&self, ctx: &Ctx) -> String {
        format!("{} — {}", ctx.t("screen-beds"), ctx.t("action-rooms_setup"))
    }

    fn update(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let out = self.act(action, ctx);
        self.reading.after(&out);
        out
    }

    fn key(&mut self, key: ratatui::crossterm::event::KeyEvent, ctx: &mut Ctx) -> Outcome {
        match reply(&mut self.ask, |ask| ask.key(&key)) {
            Reply::Yes(item, question) => self.answer(item, question, ctx),
            Reply::Taken => Outcome::None,
            Reply::NotAsked => Outcome::Ignored,
        }
    }

    fn condition(&self, c: Condition) -> bool {
        match c {
            Condition::ListEmpty => self.items.is_empty(),
            Condition::ListNotEmpty => !self.items.is_empty(),
            Condition::TextNotFocused => true,
            _ => false,
        }
    }

    fn render(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx);
    }

    fn hints(&self) -> Vec<Action> {
        vec![Action::RoomNew, Action::New, Action::Edit, Action::Delete, Action::BedOutOfService]
    }

    fn refresh(&mut self, ctx: &mut Ctx) -> bool {
        if self.reading.due(ctx) {
            self.reload(ctx);
            return true;
        }
        false
    }
}

impl RoomsSetup {
    /// What an action does on the plan.
    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match reply(&mut self.ask, |ask| ask.action(action)) {
            Reply::Yes(item, question) => return self.answer(item, question, ctx),
            Reply::Taken => return Outcome::None,
            Reply::NotAsked => {}
        }
        match action {
            Action::Up => self.cursor.up(),
            Action::Down => self.cursor.down(),
            Action::PageUp => self.cursor.page_up(),
            Action::PageDown => self.cursor.page_down(),
            Action::Home => self.cursor.home(),
            Action::End => self.cursor.end(),
            Action::Open | Action::Edit => return self.edit(ctx),
            Action::RoomNew => return Outcome::Push(Box::new(forms::room::screen(ctx, None))),
            Action::New => {
                if self.room_of_selection().is_none() {
                    return Outcome::Status(ctx.t("beds-plan-no-room"));
                }
                return Outcome::Push(Box::new(forms::bed::screen(ctx, None, self.room_of_selection())));
            }
            Action::Delete => {
                if let Some(item) = self.selected() {
                    let q = match item {
                        Item::Room(_) => Question::RemoveRoom,
                        Item::Bed(..) => Question::RemoveBed,
                    };
                    self.ask = Some((item, Ask::new(q)));
                }
            }
            Action::BedOutOfService => return self.out_of_service(ctx),
            // Already here.
            Action::RoomsSetup => {}
            _ => return Outcome::Ignored,
        }
        Outcome::None
    }

    /// Draws the plan into `area`.
    fn draw(&mut self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx) {
        let snap = match &self.snap {
            Ok(s) => Arc::clone(s),
            Err(e) => {
                frame.render_widget(Paragraph::new(inert(e).into_owned()).style(theme::error()), area);
                return;
            }
        };
        if area.height < 3 {
            return;
        }
        let w = usize::from(area.width);
        let put = |frame: &mut Frame<'_>, y: u16, l: Line<'_>| {
            frame.render_widget(Paragraph::new(l), Rect { y, height: 1, ..area })
        };
        let rooms = snap.rooms.iter().filter(|r| !r.retired).count();
        let beds = snap.beds_in_plan().count();
        let oos = snap.beds_in_plan().filter(|b| b.out_of_service.is_some()).count();
        let head = ctx.i18n.t_args(
            "beds-plan-summary",
            &[
                ("rooms", i64::try_from(rooms).unwrap_or(0).into()),
                ("beds", i64::try_from(beds).unwrap_or(0).into()),
                ("oos", i64::try_from(oos).unwrap_or(0).into()),
            ],
        );
        put(frame, area.y, Line::styled(truncate_to_width(&head, w), theme::heading()));
        let list = Rect { y: area.y + 1, height: area.height - 1, ..area };
        if self.items.is_empty() {
            put(frame, list.y + 1, Line::styled(ctx.t("beds-plan-empty"), theme::dim()));
        }
        let visible = self.cursor.scroll_into_view(usize::from(list.height));
        for (row, item) in self.items.iter().enumerate().skip(visible.start).take(visible.len()) {
            let (text, style) = self.line_of(*item, &snap, ctx);
            let y = list.y + u16::try_from(row - visible.start).unwrap_or(0);
            let style = if row == self.cursor.selected() { theme::selected() } else { style };
            put(frame, y, Line::styled(fit(&text, w), style));
        }
        if let Some((_, ask)) = &self.ask {
            ask.render(frame, area, ctx);
        }
    }
}
