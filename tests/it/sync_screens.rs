//! The conflict screen and the badges, driven by keys on the real console:
//! the dashboard counts the conflict, k opens the list, Enter shows the
//! values side by side with laptop, user, time and base, and keeping one
//! closes the conflict.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use std::sync::Arc;

use haven::app::config::Config;
use haven::app::console::App;
use haven::app::context::Ctx;
use haven::domain::case::CaseFront;
use haven::i18n::{I18n, Lang};
use haven::keymap::{Keymap, parse_script};
use haven::store::Record;
use haven::sync::hub;
use haven::sync::memhub::MemoryHub;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sync_common::*;

fn sync(l: &mut Laptop, hub: &MemoryHub) {
    let me = l.s().header().installation;
    hub::sync(l.store(), &mut hub.handle(me)).unwrap();
}

fn text(app: &mut App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 30)).unwrap();
    t.draw(|f| app.render(f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn press(app: &mut App, script: &str) {
    for ev in parse_script(script).unwrap() {
        app.handle_key(ev);
    }
}

#[test]
fn a_conflict_is_counted_badged_shown_side_by_side_and_closed_with_one_key() {
    let mut a = first_laptop();
    let mut b = join(&a, "night desk");
    let hub = MemoryHub::new();
    let case = new_case("Swallow");
    put(a.s(), case.clone());
    sync(&mut a, &hub);
    sync(&mut b, &hub);
    let mut on_a = case.clone();
    on_a.special_needs = "diet".into();
    put(a.s(), on_a);
    let mut on_b = case.clone();
    on_b.special_needs = "wheelchair".into();
    put(b.s(), on_b);
    sync(&mut b, &hub);
    sync(&mut a, &hub);
    let store = a.store.take().unwrap();
    let mut ctx =
        Ctx::new(Some(store), I18n::new(Lang::En), Keymap::builtin("default").unwrap(), Config::default(), false);
    let now =
        chrono::DateTime::from_timestamp_millis(a.clock.load(std::sync::atomic::Ordering::SeqCst)).unwrap().naive_utc();
    ctx.set_clock(Arc::new(move || now));
    let mut app = App::new(ctx);
    let dash = text(&mut app);
    assert!(dash.contains("1 record with a sync conflict"), "{dash}");
    assert!(dash.contains("synced"), "the status bar shows the sync: {dash}");
    press(&mut app, "k");
    let list = text(&mut app);
    assert!(list.contains("Sync conflicts") && list.contains("Swallow"), "{list}");
    press(&mut app, "enter");
    let detail = text(&mut app);
    for want in ["special_needs", "diet", "wheelchair", "night desk", "anna", "Both replaced"] {
        assert!(detail.contains(want), "missing {want}: {detail}");
    }
    // Keep the night desk's value.
    let wheelchair_first = detail.find("wheelchair").unwrap() < detail.find("diet").unwrap();
    press(&mut app, if wheelchair_first { "enter" } else { "right enter" });
    let after = text(&mut app);
    assert!(after.contains("Conflict closed"), "{after}");
    let store = app.ctx.store().unwrap();
    assert!(!haven::sync::has_conflict(store, &case.key()));
    assert_eq!(store.get::<CaseFront>(&case.key()).unwrap().unwrap().body.special_needs, "wheelchair");
}
