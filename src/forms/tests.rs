//! The forms as declared: the first-run form's rules, the user form saving
//! through the store, and drafts coming back after login.

use std::cell::RefCell;
use std::rc::Rc;

use crate::app::action::Action;
use crate::app::screen::{Outcome, Screen};
use crate::domain::user::{Role, User};
use crate::form_engine::FormId;
use crate::form_engine::tests::{ctx, draw, press, type_text};

use super::centre::{self, NewCentre};
use super::user;

fn centre_form(
    ctx: &crate::app::context::Ctx,
) -> (crate::form_engine::FormScreen<NewCentre>, Rc<RefCell<Vec<NewCentre>>>) {
    let saved: Rc<RefCell<Vec<NewCentre>>> = Rc::default();
    let log = saved.clone();
    let form = centre::screen(
        ctx,
        Box::new(move |r, _| {
            log.borrow_mut().push(r.clone());
            Ok(Outcome::Pop)
        }),
    );
    (form, saved)
}

#[test]
fn the_first_run_form_checks_code_username_and_passphrases() {
    let (_dir, mut ctx) = ctx();
    let (mut form, saved) = centre_form(&ctx);
    for (field, text) in [
        ("code", "M1"),
        ("name", "Shelter"),
        ("username", "anna k"),
        ("display_name", "Anna"),
        ("passphrase", "short"),
        ("passphrase_again", "short"),
    ] {
        form.set_text(field, text);
    }
    form.update(Action::Save, &mut ctx);
    assert!(saved.borrow().is_empty());
    assert_eq!(form.error("code"), Some("form-error-centre-code"));
    assert_eq!(form.error("username"), Some("form-error-username"));
    assert_eq!(form.error("passphrase"), Some("form-error-passphrase-short"));
    assert_eq!(form.focused(), "code");

    form.set_text("code", "msk");
    form.set_text("username", "Anna");
    form.set_text("passphrase", "correct horse battery");
    form.set_text("passphrase_again", "correct horse batterY");
    form.update(Action::Save, &mut ctx);
    assert_eq!(form.error("passphrase_again"), Some("form-error-passphrase-mismatch"));
    assert_eq!(form.focused(), "passphrase_again");

    form.set_text("passphrase_again", "correct horse battery");
    assert!(matches!(form.update(Action::Save, &mut ctx), Outcome::Pop));
    let saved = saved.borrow();
    let c = saved.first().unwrap();
    assert_eq!((c.code.as_str(), c.username.as_str()), ("MSK", "anna"), "code upper-cased, username lower-cased");
    assert_eq!(c.passphrase, "correct horse battery");
    assert!(!format!("{c:?}").contains("horse"), "Debug must not print a passphrase");
}

#[test]
fn the_first_run_form_is_typed_field_by_field() {
    let (_dir, mut ctx) = ctx();
    let (mut form, saved) = centre_form(&ctx);
    for text in ["KZN", "Kazan shelter", "rustam", "Рустам", "twelve chars!", "twelve chars!"] {
        type_text(&mut form, &mut ctx, text);
        press(&mut form, &mut ctx, "tab");
    }
    assert_eq!(form.draft().map(|d| d.fields.len()), Some(4), "passphrases stay out of drafts");
    assert!(matches!(press(&mut form, &mut ctx, "ctrl-s"), Some(Outcome::Pop)));
    assert_eq!(saved.borrow().first().map(|c| c.display_name.clone()).as_deref(), Some("Рустам"));
    draw(&mut form, &ctx, 80, 24);
}

#[test]
fn a_manager_adds_a_user_who_can_then_log_in() {
    let (dir, mut ctx) = ctx();
    let mut form = user::screen(&ctx, None, user::save_to_store());
    assert_eq!(form.text("role").as_deref(), Some("reception"));
    type_text(&mut form, &mut ctx, "boris");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "Борис");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "night");
    press(&mut form, &mut ctx, "enter tab");
    type_text(&mut form, &mut ctx, "a long night phrase");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "a long night phrase");
    let out = press(&mut form, &mut ctx, "ctrl-s");
    assert!(matches!(out, Some(Outcome::PopWith(_))), "{:?}", form.message());
    let store = crate::store::Store::open_as(dir.path(), "boris", b"a long night phrase");
    // The first store still holds the folder's lock; a refusal for that reason is fine too.
    if let Ok(store) = store {
        assert_eq!(store.session().unwrap().role, Role::Night);
    } else {
        let slot = ctx.store().unwrap().header().slot("boris").unwrap();
        assert_eq!(slot.role, Role::Night);
    }
}

#[test]
fn editing_a_user_keeps_the_username_fixed() {
    let (_dir, mut ctx) = ctx();
    let anna = User { username: "anna".into(), display_name: "Anna".into(), role: Role::Manager, disabled: false };
    let mut form = user::screen(&ctx, Some(&anna), user::save_to_store());
    assert_eq!(form.focused(), "display_name", "the read-only username is skipped");
    press(&mut form, &mut ctx, "shift-tab shift-tab shift-tab");
    assert_ne!(form.focused(), "username");
    form.set_text("username", "someone");
    assert_eq!(form.text("username").as_deref(), Some("anna"));
    assert_eq!(form.text("role").as_deref(), Some("manager"));
}

#[test]
fn a_kept_user_draft_reopens_filled_in() {
    let (_dir, mut ctx) = ctx();
    let mut form = user::screen(&ctx, None, user::save_to_store());
    type_text(&mut form, &mut ctx, "vera");
    press(&mut form, &mut ctx, "tab");
    type_text(&mut form, &mut ctx, "secret passphrase");
    let draft = form.draft().unwrap();
    let reopened = reopen(&draft, &ctx).unwrap();
    assert_eq!(reopened.draft(), Some(draft.clone()));
    let unknown = crate::app::screen::Draft { form: "nope".into(), record: None, fields: vec![] };
    assert!(reopen(&unknown, &ctx).is_none());
}

/// A kept draft as login reopens it: by the name stored with it.
fn reopen(draft: &crate::app::screen::Draft, ctx: &crate::app::context::Ctx) -> Option<Box<dyn Screen>> {
    super::reopen(FormId::of_draft(&draft.form)?, draft, ctx)
}

#[test]
fn drafts_of_the_declared_forms_reopen_by_the_name_they_are_kept_under() {
    let (_dir, ctx) = ctx();
    let mut front = super::case_front::new_case(&ctx);
    front.set_text("alias", "Zed");
    let mut room = super::room::screen(&ctx, None);
    room.set_text("name", "Zed");
    let mut org = super::organisation::screen(&ctx, None).unwrap();
    org.set_text("name", "Zed");
    let mut bed = super::bed::screen(&ctx, None, None);
    bed.set_text("label", "Zed");
    let forms: Vec<Box<dyn Screen>> = vec![Box::new(front), Box::new(room), Box::new(org), Box::new(bed)];
    for form in &forms {
        let draft = form.draft().expect("a form with text typed keeps a draft");
        let back = reopen(&draft, &ctx).unwrap_or_else(|| panic!("the draft of {} did not reopen", draft.form));
        assert_eq!(back.draft(), Some(draft));
    }
}

/// Drafts already kept on disk carry these names: a form renamed in the
/// code must keep its name here, or the draft someone left would silently
/// stop reopening.
#[test]
fn the_names_drafts_are_kept_under_do_not_change() {
    use strum::IntoEnumIterator;
    let names: Vec<&str> = FormId::iter().map(FormId::key).collect();
    assert_eq!(
        names,
        [
            "user",
            "centre",
            "sample",
            "pickup",
            "walk_in",
            "case_front",
            "case_identity",
            "case_document",
            "case_contact",
            "case_trafficking",
            "service",
            "referral",
            "consent",
            "travel",
            "note",
            "organisation",
            "case_close",
            "case_reopen",
            "stay_assign",
            "stay_transfer",
            "stay_checkout",
            "stay_extend",
            "stay_reserve",
            "bed",
            "bed_out_of_service",
            "room",
            "night_roll_call",
        ]
    );
    for id in FormId::iter() {
        assert_eq!(FormId::of_draft(id.key()), Some(id));
    }
}
