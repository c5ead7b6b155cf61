//! The form engine as a user meets it: typing, moving, saving, leaving,
//! drafts, the cursor over wide text, and drawing at every size.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::app::config::Config;
use crate::app::context::Ctx;
use crate::app::screen::{Outcome, Screen};
use crate::domain::money::{Currency, Money};
use crate::forms::sample::{self, Sample};
use crate::i18n::{I18n, Lang};
use crate::keymap::{KeyChord, KeyResult, Keymap, parse_script, text_char};
use crate::store::{InitSpec, Store};

use super::FormScreen;

/// A context over a fresh temporary centre, with the clock at 15 March 2026, 10:00.
pub(crate) fn ctx_in(lang: Lang) -> (tempfile::TempDir, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let spec = InitSpec {
        centre_code: "MSK".into(),
        centre_name: "Test".into(),
        admin: "anna".into(),
        admin_name: "Anna".into(),
        kdf: crate::store::crypto::KdfParams::TESTING,
        demo: false,
    };
    let store = Store::create(dir.path(), &spec, b"manager passphrase").unwrap();
    let mut ctx = Ctx::new(Some(store), I18n::new(lang), Keymap::builtin("default").unwrap(), Config::default(), false);
    let now = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap().and_hms_opt(10, 0, 0).unwrap();
    ctx.set_clock(Arc::new(move || now));
    (dir, ctx)
}

pub(crate) fn ctx() -> (tempfile::TempDir, Ctx) {
    ctx_in(Lang::En)
}

/// Feeds a key script to a screen the way the console does: text to a
/// focused field first, then the keymap, then the screen's own `key`.
/// Returns the last outcome that was not `None`/`Ignored`.
pub(crate) fn press(screen: &mut dyn Screen, ctx: &mut Ctx, script: &str) -> Option<Outcome> {
    let mut last = None;
    for ev in parse_script(script).unwrap() {
        let out = if screen.text_focused() && text_char(&ev).is_some() {
            screen.key(ev, ctx)
        } else {
            let chord = KeyChord::from_event(&ev).unwrap();
            let result = {
                let cond = |c| screen.condition(c);
                ctx.keymap.resolve_sequence(screen.table(), &[chord], &cond)
            };
            match result {
                KeyResult::Matched(action) => screen.update(action, ctx),
                KeyResult::NotFound => screen.key(ev, ctx),
                KeyResult::Pending => Outcome::None,
            }
        };
        if !matches!(out, Outcome::None | Outcome::Ignored) {
            last = Some(out);
        }
    }
    last
}

/// Types `text` character by character (spaces included).
pub(crate) fn type_text(screen: &mut dyn Screen, ctx: &mut Ctx, text: &str) {
    for c in text.chars() {
        let ev = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        assert!(screen.text_focused(), "typing {c:?} with no text focus");
        let _ = screen.key(ev, ctx);
    }
}

pub(crate) fn draw(screen: &mut dyn Screen, ctx: &Ctx, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            screen.render(frame, area, ctx);
        })
        .unwrap();
    terminal
}

type Saved = Rc<RefCell<Vec<Sample>>>;

fn sample_form(ctx: &Ctx) -> (FormScreen<Sample>, Saved) {
    let saved: Saved = Rc::default();
    let log = saved.clone();
    let form = sample::screen(
        ctx,
        Sample::default(),
        Box::new(move |r: &Sample, _ctx: &mut Ctx| {
            log.borrow_mut().push(r.clone());
            Ok(Outcome::PopWith("saved".into()))
        }),
    );
    (form, saved)
}

#[test]
fn typing_goes_to_the_focused_field_and_q_never_quits() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    let out = press(&mut form, &mut ctx, "A n n a space q");
    assert!(out.is_none(), "typing produced an outcome");
    assert_eq!(form.text("name").as_deref(), Some("Anna q"));
    press(&mut form, &mut ctx, "backspace backspace");
    assert_eq!(form.text("name").as_deref(), Some("Anna"));
    press(&mut form, &mut ctx, "home J right right right right o");
    assert_eq!(form.text("name").as_deref(), Some("JAnnao"));
}

#[test]
fn tab_and_shift_tab_walk_the_fields_in_order_and_wrap() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    let names: Vec<&str> = sample::def().fields.iter().map(|f| f.name).collect();
    for expected in names.iter().skip(1) {
        press(&mut form, &mut ctx, "tab");
        assert_eq!(form.focused(), *expected);
    }
    press(&mut form, &mut ctx, "tab");
    assert_eq!(form.focused(), "name", "Tab on the last field wraps to the first");
    press(&mut form, &mut ctx, "shift-tab");
    assert_eq!(form.focused(), "secret");
    press(&mut form, &mut ctx, "shift-tab shift-tab");
    assert_eq!(form.focused(), "country");
}

#[test]
fn one_line_fields_refuse_newlines_and_enter_moves_on() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "a enter");
    assert_eq!(form.text("name").as_deref(), Some("a"));
    assert_eq!(form.focused(), "notes");
    press(&mut form, &mut ctx, "x enter y");
    assert_eq!(form.text("notes").as_deref(), Some("x\ny"), "notes take newlines");
    press(&mut form, &mut ctx, "up");
    assert_eq!(form.focused(), "notes", "up moves inside a multi-line field first");
    press(&mut form, &mut ctx, "up");
    assert_eq!(form.focused(), "name");
}

#[test]
fn a_text_field_stops_at_its_maximum_length() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    type_text(&mut form, &mut ctx, &"x".repeat(60));
    assert_eq!(form.text("name").map(|t| t.chars().count()), Some(40));
}

#[test]
fn saving_an_invalid_form_marks_the_fields_focuses_the_first_and_saves_nothing() {
    let (_dir, mut ctx) = ctx();
    let (mut form, saved) = sample_form(&ctx);
    form.set_text("born", "31.02.2026");
    form.set_text("nights", "400");
    form.set_text("flight", "12345678");
    press(&mut form, &mut ctx, "tab tab tab tab");
    let out = press(&mut form, &mut ctx, "ctrl-s");
    assert!(out.is_none());
    assert!(saved.borrow().is_empty(), "on_save ran on an invalid form");
    assert_eq!(form.focused(), "name");
    assert_eq!(form.error("name"), Some("form-error-required"));
    assert_eq!(form.error("born"), Some("form-error-no-such-date"));
    assert_eq!(form.error("nights"), Some("form-error-number-range"));
    assert_eq!(form.error("flight"), Some("form-error-flight"));
    assert_eq!(form.error("notes"), None);
    assert!(form.message().is_some());
    // The errors show in the user's language, under their fields.
    let terminal = draw(&mut form, &ctx, 80, 24);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains('⚠'), "no error shown:\n{screen}");
    // Fixing a field clears its mark.
    press(&mut form, &mut ctx, "Z");
    assert_eq!(form.error("name"), None);
}

#[test]
fn saving_a_valid_form_hands_over_the_parsed_record_once() {
    let (_dir, mut ctx) = ctx();
    let (mut form, saved) = sample_form(&ctx);
    type_text(&mut form, &mut ctx, "Юлия Ким");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "first line");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "01.12.2026");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "14h35");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "tomorrow 06:10");
    // Choice: type to filter, Enter to take.
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "case");
    press(&mut form, &mut ctx, "enter");
    assert!(!form.picking());
    // Multiple choice: Enter ticks, Esc closes keeping the ticks.
    press(&mut form, &mut ctx, "tab enter enter down down down enter esc");
    assert!(!form.picking());
    assert!(!form.asking(), "Esc in a picker must not ask about leaving");
    press(&mut form, &mut ctx, "tab y tab");
    type_text(&mut form, &mut ctx, "12");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "1 500,50");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "+7 (912) 000-00-00");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "su2101");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "Герм");
    press(&mut form, &mut ctx, "enter tab");
    type_text(&mut form, &mut ctx, "uzb");
    press(&mut form, &mut ctx, "enter tab");
    type_text(&mut form, &mut ctx, "secret words");
    let out = press(&mut form, &mut ctx, "ctrl-s");
    assert!(matches!(out, Some(Outcome::PopWith(_))));
    let saved = saved.borrow();
    assert_eq!(saved.len(), 1);
    let r = &saved[0];
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(r.name, "Юлия Ким");
    assert_eq!(r.notes, "first line");
    assert_eq!(r.born, Some(d(2026, 12, 1)));
    assert_eq!(r.at, chrono::NaiveTime::from_hms_opt(14, 35, 0));
    assert_eq!(r.arrives, d(2026, 3, 16).and_hms_opt(6, 10, 0));
    assert_eq!(r.role.as_deref(), Some("case_worker"));
    assert_eq!(r.services, ["reception", "manager"]);
    assert_eq!(r.consent, Some(true));
    assert_eq!(r.nights, Some(12));
    assert_eq!(r.grant, Some(Money::new(150_050, Currency::RUB)));
    assert_eq!(r.phone, "+79120000000");
    assert_eq!(r.flight.as_ref().map(ToString::to_string).as_deref(), Some("SU 2101"));
    assert_eq!(r.country.map(|c| c.as_str().to_string()).as_deref(), Some("DE"));
    assert_eq!(r.language.as_deref(), Some("uz"));
    assert_eq!(r.secret, "secret words");
    // Saved means clean: leaving now does not ask.
    assert!(!form.is_dirty());
}

#[test]
fn a_failed_save_shows_the_callers_message_and_keeps_the_form() {
    let (_dir, mut ctx) = ctx();
    let mut form = sample::screen(&ctx, Sample::default(), Box::new(|_, _| Err("disk full".into())));
    form.set_text("name", "A");
    form.set_text("born", "today");
    let out = form.update(Action::Save, &mut ctx);
    assert!(matches!(out, Outcome::None));
    assert_eq!(form.message(), Some("disk full"));
    assert!(form.is_dirty());
}

#[test]
fn leaving_a_changed_form_asks_save_discard_or_keep_editing() {
    let (_dir, mut ctx) = ctx();
    let (mut form, saved) = sample_form(&ctx);
    assert!(matches!(press(&mut form, &mut ctx, "esc"), Some(Outcome::Pop)), "a clean form just closes");

    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "a");
    assert!(form.condition(crate::app::action::Condition::FormDirty));
    assert!(press(&mut form, &mut ctx, "esc").is_none());
    assert!(form.asking());
    assert!(form.hints().is_empty());
    draw(&mut form, &ctx, 80, 24);
    assert_eq!(form.cursor(), None, "no cursor under the question");
    press(&mut form, &mut ctx, "esc");
    assert!(!form.asking(), "Esc keeps editing");
    assert_eq!(form.text("name").as_deref(), Some("a"));

    press(&mut form, &mut ctx, "esc");
    assert!(matches!(press(&mut form, &mut ctx, "d"), Some(Outcome::Pop)));

    // Arrows and Enter choose too; saving an invalid form stays and shows why.
    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "a esc right left enter");
    assert!(!form.asking());
    assert_eq!(form.error("born"), Some("form-error-required"));
    assert_eq!(form.focused(), "born");
    assert!(saved.borrow().is_empty());

    // `s` saves a valid form and leaves with its outcome.
    let (mut form, saved) = sample_form(&ctx);
    form.set_text("name", "B");
    form.set_text("born", "1.2.1990");
    press(&mut form, &mut ctx, "esc");
    assert!(matches!(press(&mut form, &mut ctx, "s"), Some(Outcome::PopWith(_))));
    assert_eq!(saved.borrow().len(), 1);
}

#[test]
fn drafts_keep_every_field_but_the_passphrase_and_refill_the_form() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    assert_eq!(form.draft(), None, "nothing changed, nothing to keep");
    type_text(&mut form, &mut ctx, "Ann");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "two");
    press(&mut form, &mut ctx, "enter");
    type_text(&mut form, &mut ctx, "lines");
    form.set_text("country", "FR");
    form.set_text("consent", "no");
    form.set_text("secret", "do not keep me");
    let draft = form.draft().unwrap();
    assert_eq!(draft.form, "sample");
    assert!(draft.fields.iter().all(|(name, _)| name != "secret"));
    assert!(!format!("{draft:?}").contains("do not keep me"));

    let (fresh, _) = sample_form(&ctx);
    let restored = fresh.with_draft(&draft);
    assert_eq!(restored.text("name").as_deref(), Some("Ann"));
    assert_eq!(restored.text("notes").as_deref(), Some("two\nlines"));
    assert_eq!(restored.text("country").as_deref(), Some("FR"));
    assert_eq!(restored.text("consent").as_deref(), Some("no"));
    assert_eq!(restored.text("secret").as_deref(), Some(""));
    assert_eq!(restored.draft().map(|d| d.fields), Some(draft.fields));
}

#[test]
fn a_draft_never_puts_a_newline_into_a_one_line_field() {
    let (_dir, ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    form.set_text("name", "a\nb");
    assert_eq!(form.text("name").as_deref(), Some("a b"));
}

fn cursor_after(ctx: &mut Ctx, text: &str) -> (u16, u16) {
    let (mut form, _) = sample_form(ctx);
    type_text(&mut form, ctx, text);
    draw(&mut form, ctx, 80, 24);
    form.cursor().unwrap()
}

#[test]
fn the_cursor_sits_after_the_text_by_display_width() {
    let (_dir, mut ctx) = ctx();
    let (x0, y0) = cursor_after(&mut ctx, "");
    assert_eq!(cursor_after(&mut ctx, "abcd"), (x0 + 4, y0));
    assert_eq!(cursor_after(&mut ctx, "Юлия"), (x0 + 4, y0), "Cyrillic: one column a letter");
    assert_eq!(cursor_after(&mut ctx, "王芳"), (x0 + 4, y0), "CJK: two columns a character");
    assert_eq!(cursor_after(&mut ctx, "Юл王"), (x0 + 4, y0));

    let (mut form, _) = sample_form(&ctx);
    type_text(&mut form, &mut ctx, "王芳");
    press(&mut form, &mut ctx, "left");
    draw(&mut form, &ctx, 80, 24);
    assert_eq!(form.cursor(), Some((x0 + 2, y0)));
}

#[test]
fn the_cursor_follows_the_width_rule_of_what_is_drawn() {
    let (_dir, mut ctx) = ctx();
    let (x0, y0) = cursor_after(&mut ctx, "");
    // ZWNJ and combining marks take no column; a ZWJ is not drawn; lam-alef is two.
    assert_eq!(cursor_after(&mut ctx, "می\u{200C}خو"), (x0 + 4, y0), "Persian with ZWNJ");
    assert_eq!(cursor_after(&mut ctx, "Zoe\u{308}"), (x0 + 3, y0), "a combining mark");
    assert_eq!(cursor_after(&mut ctx, "بلال"), (x0 + 4, y0), "lam-alef");
    assert_eq!(cursor_after(&mut ctx, "👩\u{200D}👧"), (x0 + 4, y0), "an emoji family drawn as its members");
    assert_eq!(cursor_after(&mut ctx, "\u{202E}ab"), (x0 + 3, y0), "an override drawn as a placeholder");

    // Moving left over the ZWNJ's letter puts the cursor on that letter's column.
    let (mut form, _) = sample_form(&ctx);
    type_text(&mut form, &mut ctx, "ی\u{200C}خ");
    press(&mut form, &mut ctx, "left left");
    draw(&mut form, &ctx, 80, 24);
    assert_eq!(form.cursor(), Some((x0 + 1, y0)));
    // The stored text is what was typed.
    assert_eq!(form.text("name").as_deref(), Some("ی\u{200C}خ"));
}

#[test]
fn a_passphrase_is_masked_on_screen() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "shift-tab");
    type_text(&mut form, &mut ctx, "hunter2hunter2");
    let terminal = draw(&mut form, &ctx, 80, 24);
    let screen = format!("{:?}", terminal.backend());
    assert!(!screen.contains("hunter2"));
    assert!(screen.contains("••••"));
}

#[test]
fn the_focused_field_scrolls_into_view_on_a_short_screen() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "shift-tab");
    type_text(&mut form, &mut ctx, "xyz");
    let terminal = draw(&mut form, &ctx, 80, 6);
    let screen = format!("{:?}", terminal.backend());
    assert!(screen.contains("•••"), "the last field is not on screen:\n{screen}");
    let (_, y) = form.cursor().unwrap();
    assert!(y < 6);
}

#[test]
fn pickers_filter_as_you_type_and_answer_in_any_language() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    press(&mut form, &mut ctx, "shift-tab shift-tab shift-tab");
    assert_eq!(form.focused(), "country");
    type_text(&mut form, &mut ctx, "allem");
    assert!(form.picking());
    assert_eq!(form.hints(), [Action::Confirm, Action::Close]);
    draw(&mut form, &ctx, 80, 24);
    assert!(form.cursor().is_some(), "the cursor follows the filter");
    press(&mut form, &mut ctx, "enter");
    assert_eq!(form.text("country").as_deref(), Some("DE"));
    // Esc in a single choice leaves the value as it was.
    press(&mut form, &mut ctx, "enter down esc");
    assert_eq!(form.text("country").as_deref(), Some("DE"));
    // Backspace clears a choice.
    press(&mut form, &mut ctx, "backspace");
    assert_eq!(form.text("country").as_deref(), Some(""));
}

#[test]
fn yes_no_takes_letters_in_three_languages() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    while form.focused() != "consent" {
        press(&mut form, &mut ctx, "tab");
    }
    type_text(&mut form, &mut ctx, "д");
    assert_eq!(form.text("consent").as_deref(), Some("yes"));
    type_text(&mut form, &mut ctx, "n");
    assert_eq!(form.text("consent").as_deref(), Some("no"));
    type_text(&mut form, &mut ctx, "o");
    assert_eq!(form.text("consent").as_deref(), Some("yes"));
    press(&mut form, &mut ctx, "space");
    assert_eq!(form.text("consent").as_deref(), Some("no"));
}

#[test]
fn loaded_values_show_as_text_the_parsers_read_back() {
    for lang in [Lang::En, Lang::Ru, Lang::Fr] {
        let (_dir, mut ctx) = ctx_in(lang);
        let record = Sample {
            name: "Ann".into(),
            born: NaiveDate::from_ymd_opt(1990, 2, 1),
            arrives: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(6, 5, 0),
            grant: Some(Money::new(150_050, Currency::EUR)),
            country: crate::domain::country::CountryCode::parse("FR").ok(),
            services: vec!["night".into()],
            ..Sample::default()
        };
        let saved: Saved = Rc::default();
        let log = saved.clone();
        let mut form = sample::screen(
            &ctx,
            record.clone(),
            Box::new(move |r, _| {
                log.borrow_mut().push(r.clone());
                Ok(Outcome::Pop)
            }),
        );
        assert!(!form.is_dirty());
        assert!(matches!(form.update(Action::Save, &mut ctx), Outcome::Pop), "{lang:?}: {:?}", form.message());
        assert_eq!(saved.borrow().first(), Some(&record), "{lang:?}");
    }
}

#[test]
fn it_draws_at_every_size_and_language_without_panicking() {
    for lang in [Lang::En, Lang::Ru, Lang::Fr] {
        let (_dir, mut ctx) = ctx_in(lang);
        for (w, h) in [(80, 24), (120, 40), (20, 5), (1, 1), (0, 0)] {
            let (mut form, _) = sample_form(&ctx);
            draw(&mut form, &ctx, w, h);
            form.update(Action::Save, &mut ctx);
            draw(&mut form, &ctx, w, h);
            press(&mut form, &mut ctx, "shift-tab shift-tab shift-tab r");
            draw(&mut form, &ctx, w, h);
            press(&mut form, &mut ctx, "esc esc");
            draw(&mut form, &ctx, w, h);
            if let Some((x, y)) = form.cursor() {
                assert!(x < w.max(1) && y < h.max(1));
            }
        }
    }
}

#[test]
fn rendering_builds_only_what_fits_in_the_area_it_is_given() {
    let (_dir, ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    let mut terminal = Terminal::new(TestBackend::new(40, 10)).unwrap();
    terminal
        .draw(|frame| {
            // A sub-area: nothing may be drawn outside it.
            form.render(frame, Rect::new(5, 2, 30, 5), &ctx);
        })
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    for y in 0..10 {
        for x in 0..40 {
            let inside = (5..35).contains(&x) && (2..7).contains(&y);
            if !inside {
                assert_eq!(buffer[(x, y)].symbol(), " ", "drew outside at {x},{y}");
            }
        }
    }
}

#[test]
fn the_sample_form_at_80_by_24() {
    let (_dir, mut ctx) = ctx();
    let (mut form, _) = sample_form(&ctx);
    type_text(&mut form, &mut ctx, "Юлия 王芳");
    press(&mut form, &mut ctx, "tab tab");
    type_text(&mut form, &mut ctx, "32.01");
    form.update(Action::Save, &mut ctx);
    let terminal = draw(&mut form, &ctx, 80, 24);
    insta::assert_snapshot!(terminal.backend());
}
