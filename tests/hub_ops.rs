//! The hub's operations against a real PostgreSQL (`.ci/pg.sh`; without
//! HAVEN_TEST_PG_URL these tests say so and pass): laptops never hold the
//! hub's keys (issue 18 §3).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod sync_common;

use haven::sync::hub;
use haven::sync::pg;
use sync_common::*;

struct Pg {
    url: String,
    ca: Vec<u8>,
    ca_path: String,
}

fn pg() -> Option<Pg> {
    let Ok(url) = std::env::var("HAVEN_TEST_PG_URL") else {
        eprintln!("HAVEN_TEST_PG_URL is not set: PostgreSQL hub tests skipped (.ci/run starts one)");
        return None;
    };
    let ca_path = std::env::var("HAVEN_TEST_PG_CA").unwrap();
    let ca = std::fs::read(&ca_path).unwrap();
    Some(Pg { url, ca, ca_path })
}

fn sync(l: &mut Laptop) -> Result<hub::Report, String> {
    let mut h = haven::sync::setup::connect(l.s()).map_err(|e| e.to_string())?.unwrap();
    hub::sync(l.store(), &mut h).map_err(|e| e.to_string())
}

/// A copy of `from` restored from its backup and not enrolled: the same
/// installation, as a laptop restored from another's backup starts.
fn restored_copy(from: &Laptop) -> Laptop {
    let backup = tempfile::tempdir().unwrap();
    let file = backup.path().join("centre.haven");
    from.s().backup_to(&file, &mut |_| {}).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("c");
    let s = (0..20)
        .find_map(|_| match haven::store::backup::restore(&file, &target, "anna", PASS.as_bytes(), false) {
            Ok((_, s)) => Some(s),
            Err(_) => {
                std::thread::sleep(std::time::Duration::from_millis(100));
                None
            }
        })
        .unwrap();
    drop(s);
    let mut l = Laptop { dir, store: None, clock: from.clock.clone() };
    l.restart();
    l
}

#[test]
fn hub_init_on_a_laptop_restored_from_anothers_backup_leaves_the_other_laptops_credential() {
    let Some(p) = pg() else { return };
    let mut a = first_laptop();
    haven::sync::setup::init(a.s(), &p.url, None, &p.ca).unwrap();
    put(a.s(), new_case("Wren"));
    sync(&mut a).unwrap();
    let mut copy = restored_copy(&a);
    assert_eq!(copy.s().header().installation, a.s().header().installation);
    let again = haven::sync::setup::init(copy.s(), &p.url, None, &p.ca);
    let why = again.expect_err("the copy must not take over the other laptop's role").to_string();
    assert!(why.contains("haven device enrol"), "{why}");
    // The original still syncs with its own credential.
    put(a.s(), new_case("Finch"));
    let r = sync(&mut a).unwrap();
    assert!(r.pushed > 0);
    // Once it has its own identity, the copy gets its own role.
    haven::sync::device::enrol(copy.store(), "restored").unwrap();
    haven::sync::setup::init(copy.s(), &p.url, None, &p.ca).unwrap();
    sync(&mut copy).unwrap();
    sync(&mut a).unwrap();
}

#[test]
fn no_password_text_reaches_the_server_log_with_log_statement_all() {
    let Some(p) = pg() else { return };
    let root = std::env::var("HAVEN_TEST_PG_ROOT").unwrap();
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    admin.batch_execute("ALTER DATABASE haven_hub SET log_statement = 'all'").unwrap();
    let a = first_laptop();
    haven::sync::setup::init(a.s(), &p.url, None, &p.ca).unwrap();
    let cfg = haven::sync::setup::config(a.s()).unwrap().unwrap();
    let log = std::fs::read_to_string(format!("{root}/log")).unwrap();
    assert!(log.contains("statement:"), "the server logs statements");
    assert!(!log.contains(&cfg.password), "the laptop's password is in the server log");
}

#[test]
fn a_password_inside_the_url_is_refused_with_where_to_put_it() {
    let Some(p) = pg() else { return };
    let dir = tempfile::tempdir().unwrap();
    common::init(dir.path());
    let url = p.url.clone();
    let out = common::haven(dir.path()).args(["hub", "init", "--url", &url, "--ca", &p.ca_path]).output().unwrap();
    common::fails_with(&out, "HAVEN_HUB_PASSWORD");
}

/// The operator's URL without its password, and the password.
fn split_url(url: &str) -> (String, String) {
    let pw = url.split(':').nth(2).unwrap().split('@').next().unwrap().to_string();
    (url.replace(&format!(":{pw}@"), "@"), pw)
}

fn refused<T: std::fmt::Debug>(r: Result<T, postgres::Error>) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{e}");
}

fn uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// Provisions the centre of `l` as the operator: (enrolment URL, password).
fn provision(p: &Pg, l: &Laptop) -> (String, String) {
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let password = haven::sync::scram::new_password().unwrap();
    let verifier = haven::sync::scram::verifier(&password).unwrap();
    let role = haven::sync::provision::provision(&mut admin, &l.s().header().centre_id, Some(&verifier)).unwrap();
    (haven::sync::setup::with_user(&p.url, &role).unwrap(), password)
}

#[test]
fn a_centres_enrolment_credential_acts_for_that_centre_only_and_a_device_credential_cannot_enrol() {
    let Some(p) = pg() else { return };
    let mut a = first_laptop();
    let mut b = first_laptop();
    assert_ne!(a.s().header().centre_id, b.s().header().centre_id);
    let (url_a, pw_a) = provision(&p, &a);
    let (url_b, pw_b) = provision(&p, &b);
    assert!(!url_a.contains(&split_url(&p.url).1), "the operator's password is not in the centre's URL");
    haven::sync::setup::init(a.s(), &url_a, Some(&pw_a), &p.ca).unwrap();
    haven::sync::setup::init(b.s(), &url_b, Some(&pw_b), &p.ca).unwrap();
    put(a.s(), new_case("Lark"));
    put(b.s(), new_case("Robin"));
    sync(&mut a).unwrap();
    sync(&mut b).unwrap();

    let centre_b = uuid(&b.s().header().centre_id);
    let device_b = uuid(&b.s().header().installation);
    let role_b = pg::device_role(&b.s().header().installation);
    let verifier = haven::sync::scram::verifier("whatever-it-is").unwrap();
    let mut enrol_a = pg::connect(&url_a, Some(&pw_a), &p.ca).unwrap();
    // Not through the operator's functions, for another centre…
    refused(enrol_a.query_one(
        "SELECT haven_enrol($1::text::uuid, gen_random_uuid(), '\\x00', $2, false)",
        &[&centre_b, &verifier],
    ));
    refused(enrol_a.query_one(
        "SELECT haven_enrol($1::text::uuid, $2::text::uuid, '\\x00', $3, true)",
        &[&centre_b, &device_b, &verifier],
    ));
    refused(enrol_a.query_one("SELECT haven_disable($1::text::uuid, $2::text::uuid)", &[&centre_b, &device_b]));
    refused(enrol_a.query_one("SELECT haven_retain($1::text::uuid, $2::text::uuid, 100)", &[&centre_b, &device_b]));
    // …nor by naming the other centre's installation as its own…
    let centre_a = uuid(&a.s().header().centre_id);
    refused(enrol_a.query_one(
        "SELECT haven_enrol($1::text::uuid, $2::text::uuid, '\\x00', $3, true)",
        &[&centre_a, &device_b, &verifier],
    ));
    // …nor directly.
    refused(enrol_a.batch_execute(&format!("ALTER ROLE {role_b} PASSWORD '{verifier}'")));
    refused(enrol_a.batch_execute(&format!("ALTER ROLE {role_b} NOLOGIN")));
    refused(enrol_a.batch_execute("CREATE ROLE haven_d_intruder LOGIN"));
    // It reads no row of any centre.
    for table in ["haven_envelope", "haven_checkpoint", "haven_roster", "haven_device", "haven_centre"] {
        refused(enrol_a.query_one(&format!("SELECT count(*) FROM {table}"), &[]));
    }
    // A laptop's own credential cannot enrol, not even for its centre.
    let cfg_a = haven::sync::setup::config(a.s()).unwrap().unwrap();
    let mut device_a = pg::connect(&cfg_a.url, Some(&cfg_a.password), &cfg_a.ca_pem).unwrap();
    refused(device_a.query_one(
        "SELECT haven_enrol($1::text::uuid, gen_random_uuid(), '\\x00', $2, false)",
        &[&centre_a, &verifier],
    ));
    refused(device_a.query_one(
        "SELECT haven_disable($1::text::uuid, $1::text::uuid)",
        &[&centre_a],
    ));
    refused(device_a.batch_execute("CREATE ROLE haven_d_intruder LOGIN"));
    // Only verifiers are accepted, even from the centre's own credential.
    let plain = enrol_a
        .query_one("SELECT haven_enrol($1::text::uuid, gen_random_uuid(), '\\x00', 'plaintext', false)", &[&centre_a])
        .expect_err("a password in clear is refused");
    assert_eq!(plain.code(), Some(&postgres::error::SqlState::INVALID_PARAMETER_VALUE), "{plain}");
    // The other centre is untouched: it still syncs with its own credential.
    put(b.s(), new_case("Starling"));
    assert!(sync(&mut b).unwrap().pushed > 0);
    // The manager of A can stop a laptop of A.
    haven::sync::provision::disable(&mut enrol_a, &a.s().header().centre_id, &a.s().header().installation).unwrap();
    assert!(pg::connect(&cfg_a.url, Some(&cfg_a.password), &cfg_a.ca_pem).is_err());
}

#[test]
fn the_operator_provisions_from_the_command_line_and_the_manager_enrols_without_the_operators_password() {
    let Some(p) = pg() else { return };
    let dir = tempfile::tempdir().unwrap();
    common::init(dir.path());
    let (url, admin_pw) = split_url(&p.url);
    let out = common::haven(dir.path()).args(["hub", "centre"]).output().unwrap();
    assert!(out.status.success(), "{}", common::text(&out));
    let centre = common::text(&out).split("Centre id: ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    // The operator, with no centre store of its own.
    let empty = tempfile::tempdir().unwrap();
    let out = common::haven(empty.path())
        .args(["hub", "provision", "--url", &url, "--ca", &p.ca_path, "--centre", &centre])
        .env("HAVEN_HUB_PASSWORD", &admin_pw)
        .output()
        .unwrap();
    let text = common::text(&out);
    assert!(out.status.success(), "{text}");
    let enrol_url = text.split("enrolment URL: ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    let enrol_pw = text.split("manager): ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    assert!(enrol_url.contains("haven_c_") && !text.contains(&admin_pw));
    // The manager, on the laptop.
    let out = common::haven(dir.path())
        .args(["hub", "init", "--url", &enrol_url, "--ca", &p.ca_path])
        .env("HAVEN_HUB_PASSWORD", &enrol_pw)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out));
    assert!(common::text(&out).contains("connects as postgres://haven_d_"), "{}", common::text(&out));
    let out = common::haven(dir.path()).args(["sync"]).output().unwrap();
    assert!(out.status.success(), "{}", common::text(&out));
    // A password in the URL is refused for every hub command, before anything is done.
    let with_pw = enrol_url.replace("@", &format!(":{enrol_pw}@"));
    for args in [
        vec!["hub", "init", "--url", &with_pw, "--ca", &p.ca_path],
        vec!["hub", "provision", "--url", &with_pw, "--ca", &p.ca_path, "--centre", &centre],
        vec!["hub", "doctor", "--url", &with_pw, "--ca", &p.ca_path],
    ] {
        let out = common::haven(dir.path()).args(&args).output().unwrap();
        common::fails_with(&out, "HAVEN_HUB_PASSWORD");
    }
}
