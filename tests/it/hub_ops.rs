//! The hub's operations against a real PostgreSQL (`.ci/pg.sh`; without
//! HAVEN_TEST_PG_URL these tests say so and pass): laptops never hold the
//! hub's keys (issue 18 §3).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::sync_common;

use haven::store::Record;
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
    // A database of its own, so that the other tests' statements are not all logged.
    let p = fresh_db(&p);
    let db = p.url.split('/').nth(3).unwrap().split('?').next().unwrap().to_string();
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    admin.batch_execute(&format!("ALTER DATABASE {db} SET log_statement = 'all'")).unwrap();
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
    refused(device_a.query_one("SELECT haven_disable($1::text::uuid, $1::text::uuid)", &[&centre_a]));
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
    // The manager's tidy: nothing erased, and without a backup nothing dropped.
    let out = common::haven(dir.path())
        .args(["hub", "tidy", "--url", &enrol_url, "--ca", &p.ca_path])
        .env("HAVEN_HUB_PASSWORD", &enrol_pw)
        .output()
        .unwrap();
    let text = common::text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Erasures carried to the hub: 0 case(s)"), "{text}");
    assert!(text.contains("Nothing dropped: give --backup FILE"), "{text}");
    // A password in the URL is refused for every hub command, before anything is done.
    let with_pw = enrol_url.replace("@", &format!(":{enrol_pw}@"));
    for args in [
        vec!["hub", "init", "--url", &with_pw, "--ca", &p.ca_path],
        vec!["hub", "provision", "--url", &with_pw, "--ca", &p.ca_path, "--centre", &centre],
        vec!["hub", "doctor", "--url", &with_pw, "--ca", &p.ca_path],
        vec!["hub", "tidy", "--url", &with_pw, "--ca", &p.ca_path],
        vec!["device", "revoke", "abcd", "--hub-url", &with_pw, "--ca", &p.ca_path],
    ] {
        let out = common::haven(dir.path()).args(&args).output().unwrap();
        common::fails_with(&out, "HAVEN_HUB_PASSWORD");
    }
}

/// A database of its own on the test cluster (dropped with the cluster).
fn fresh_db(p: &Pg) -> Pg {
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let name = format!("haven_ops_{}", uuid(&haven::store::crypto::random16().unwrap()).replace('-', ""));
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    Pg { url: p.url.replace("/haven_hub?", &format!("/{name}?")), ca: p.ca.clone(), ca_path: p.ca_path.clone() }
}

#[test]
fn the_envelope_table_is_partitioned_by_centre_and_keeps_its_columns_and_row_level_security() {
    let Some(p) = pg() else { return };
    let p = fresh_db(&p);
    let mut a = first_laptop();
    let b = first_laptop();
    haven::sync::setup::init(a.s(), &p.url, None, &p.ca).unwrap();
    haven::sync::setup::init(b.s(), &p.url, None, &p.ca).unwrap();
    for i in 0..5 {
        put(a.s(), new_case(&format!("Plover{i}")));
    }
    sync(&mut a).unwrap();
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let kind: String =
        admin.query_one("SELECT relkind::text FROM pg_class WHERE relname = 'haven_envelope'", &[]).unwrap().get(0);
    assert_eq!(kind, "p", "haven_envelope is a partitioned table");
    let parts: i64 = admin
        .query_one("SELECT count(*) FROM pg_inherits WHERE inhparent = 'haven_envelope'::regclass", &[])
        .unwrap()
        .get(0);
    assert_eq!(parts, 16);
    let cols: Vec<String> = admin
        .query(
            "SELECT attname::text FROM pg_attribute WHERE attrelid = 'haven_envelope'::regclass AND attnum > 0 ORDER BY attnum",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    for c in ["centre_id", "device_id", "seq", "hlc", "key_id", "prev_hash", "body", "received_at", "case_tag"] {
        assert!(cols.iter().any(|x| x == c), "{c} missing from {cols:?}");
    }
    // One centre's rows sit in one partition.
    let holding: i64 = admin
        .query_one(
            "SELECT count(DISTINCT tableoid) FROM haven_envelope WHERE centre_id = $1::text::uuid",
            &[&uuid(&a.s().header().centre_id)],
        )
        .unwrap()
        .get(0);
    assert_eq!(holding, 1);
    // Row-level security still keeps the other centre out, through the
    // parent; the partitions themselves are closed to laptops.
    let cfg_b = haven::sync::setup::config(b.s()).unwrap().unwrap();
    let mut other = pg::connect(&cfg_b.url, Some(&cfg_b.password), &cfg_b.ca_pem).unwrap();
    let seen: i64 = other.query_one("SELECT count(*) FROM haven_envelope", &[]).unwrap().get(0);
    assert_eq!(seen, 0);
    for i in 0..16 {
        refused(other.query_one(&format!("SELECT count(*) FROM haven_envelope_p{i}"), &[]));
    }
    // And init on a hub that has it is idempotent.
    haven::sync::setup::init(first_laptop().s(), &p.url, None, &p.ca).unwrap();
}

/// Two laptops of one centre on a fresh hub, provisioned by the operator;
/// returns them with the centre's enrolment credential.
fn centre_on(p: &Pg) -> (Laptop, Laptop, postgres::Client) {
    let a = first_laptop();
    let b = join(&a, "desk");
    let (url, pw) = provision(p, &a);
    haven::sync::setup::init(a.s(), &url, Some(&pw), &p.ca).unwrap();
    haven::sync::setup::init(b.s(), &url, Some(&pw), &p.ca).unwrap();
    let client = pg::connect(&url, Some(&pw), &p.ca).unwrap();
    (a, b, client)
}

fn tidy(l: &Laptop, client: &mut postgres::Client, backup: Option<&std::path::Path>) -> haven::sync::retention::Tidied {
    let mut h = haven::sync::setup::connect(l.s()).unwrap().unwrap();
    haven::sync::retention::tidy(l.s(), client, &mut h, backup).unwrap()
}

fn rows_of(admin: &mut postgres::Client, dev: &[u8; 16]) -> (i64, i64, i64) {
    let r = admin
        .query_one(
            "SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM haven_envelope WHERE device_id = $1::text::uuid",
            &[&uuid(dev)],
        )
        .unwrap();
    (r.get(0), r.get(1), r.get(2))
}

#[test]
fn a_centre_drops_what_every_laptop_holds_and_a_verified_backup_covers_and_sync_goes_on() {
    let Some(p) = pg() else { return };
    let p = fresh_db(&p);
    let (mut a, mut b, mut enrol) = centre_on(&p);
    for i in 0..6 {
        put(a.s(), new_case(&format!("Curlew{i}")));
    }
    sync(&mut a).unwrap();
    // B has not synced: it holds nothing yet, so nothing may go.
    let t = tidy(&a, &mut enrol, None);
    assert_eq!(t.dropped, None);
    let backup_dir = tempfile::tempdir().unwrap();
    let early = backup_dir.path().join("early.haven");
    a.s().backup_to(&early, &mut |_| {}).unwrap();
    let t = tidy(&a, &mut enrol, Some(&early));
    assert_eq!(t.dropped, None, "B has no checkpoint yet");
    assert!(t.why_not.unwrap().contains("checkpoint"));
    for _ in 0..2 {
        sync(&mut b).unwrap();
        sync(&mut a).unwrap();
    }
    let me = a.s().header().installation;
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let (before, _, head) = rows_of(&mut admin, &me);
    // The backup made before the last cases covers only part: only that goes.
    for i in 0..3 {
        put(a.s(), new_case(&format!("Dunlin{i}")));
    }
    for _ in 0..2 {
        sync(&mut a).unwrap();
        sync(&mut b).unwrap();
    }
    let covered = haven::sync::retention::backup_heads(a.s(), &early).unwrap()[&me] as i64;
    assert!(covered > 1 && covered <= head);
    let t = tidy(&a, &mut enrol, Some(&early));
    let (after, low, top) = rows_of(&mut admin, &me);
    assert_eq!(t.dropped, Some((covered.min(top - 1)) as u64), "{t:?}");
    assert_eq!(low, covered.min(top - 1) + 1, "everything up to what the backup covers went");
    assert!(after < before + 3);
    // A recent backup covers everything: all but each installation's last row go.
    let late = backup_dir.path().join("late.haven");
    a.s().backup_to(&late, &mut |_| {}).unwrap();
    tidy(&a, &mut enrol, Some(&late));
    let (left, low, top2) = rows_of(&mut admin, &me);
    assert_eq!((left, low, top2), (1, top, top), "the head row stays");
    // Sync goes on without a rollback or withholding alarm, both ways.
    put(b.s(), new_case("Sanderling"));
    put(a.s(), new_case("Knot"));
    for _ in 0..2 {
        sync(&mut a).unwrap();
        sync(&mut b).unwrap();
    }
    for l in [&a, &b] {
        let alarms = haven::sync::state::SyncState::load(l.s()).unwrap().alarms;
        assert!(alarms.is_empty(), "{alarms:?}");
        assert_eq!(l.s().scan::<haven::domain::case::CaseFront>().unwrap().len(), 11);
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));
}

/// A case and its file (with a family name) saved on `l` in one commit.
fn case_with_a_name(l: &Laptop, alias: &str, family: &str) -> haven::domain::case::CaseFront {
    let case = new_case(alias);
    let mut private = haven::domain::case::CasePrivate::new(case.id);
    private.family_name = family.into();
    l.s()
        .commit(haven::store::AuditEntry::new(haven::store::AuditAction::Create, "case"), |tx| {
            tx.put(case.clone())?;
            tx.put(private.clone())?;
            Ok(())
        })
        .unwrap();
    case
}

#[test]
fn erasure_reaches_the_hub_by_an_opaque_tag_and_a_laptop_pulling_later_accepts_the_emptied_rows() {
    let Some(p) = pg() else { return };
    let p = fresh_db(&p);
    let (mut a, mut b, mut enrol) = centre_on(&p);
    let mut case = case_with_a_name(&a, "Godwit", "Zyxwquorn");
    put(a.s(), new_case("Avocet"));
    case.status = haven::domain::case::CaseStatus::Closed;
    put(a.s(), case.clone());
    sync(&mut a).unwrap();
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let bodies = |admin: &mut postgres::Client| -> Vec<(i64, Vec<u8>, Option<Vec<u8>>)> {
        admin
            .query("SELECT seq, body, case_tag FROM haven_envelope ORDER BY device_id, seq", &[])
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect()
    };
    let held = bodies(&mut admin);
    // A erases the case; B has not yet pulled anything.
    haven::sync::erasure::erase_case(a.store(), case.id).unwrap();
    let tag = haven::sync::erasure::case_tag(a.s(), case.id.as_bytes()).unwrap();
    assert_eq!(haven::sync::erasure::pending(a.s()).unwrap().len(), 1);
    let t = tidy(&a, &mut enrol, None);
    assert_eq!(t.erased_cases, 1);
    assert!(t.erased_rows >= 2, "{t:?}");
    assert!(haven::sync::erasure::pending(a.s()).unwrap().is_empty(), "done once");
    let now = bodies(&mut admin);
    let tagged: Vec<_> = now.iter().filter(|(_, _, t)| t.as_deref() == Some(&tag[..])).collect();
    assert_eq!(tagged.len() as u64, t.erased_rows);
    for (seq, body, _) in &tagged {
        let old = held.iter().find(|(s, _, _)| s == seq).unwrap();
        assert_ne!(&old.1, body, "row {seq} emptied");
        assert!(body.len() <= old.1.len());
    }
    // The tag names no case: it is not the case id, nor derived from it without the centre's key.
    assert!(!tag.windows(16).any(|w| w == case.id.as_bytes()));
    let erased: i64 = admin.query_one("SELECT count(*) FROM haven_erasure", &[]).unwrap().get(0);
    assert_eq!(erased, 1);
    // The other rows are untouched.
    assert_eq!(now.iter().filter(|(_, _, t)| t.is_none()).count(), held.len() - tagged.len());
    // A laptop pulling later takes the emptied rows without an alarm and
    // never sees the case.
    for _ in 0..2 {
        sync(&mut b).unwrap();
        sync(&mut a).unwrap();
    }
    let alarms = haven::sync::state::SyncState::load(b.s()).unwrap().alarms;
    assert!(alarms.is_empty(), "{alarms:?}");
    assert!(b.s().get::<haven::domain::case::CaseFront>(&case.key()).unwrap().is_none());
    assert_eq!(b.s().scan::<haven::domain::case::CaseFront>().unwrap().len(), 1);
    assert!(b.s().check().unwrap().ok(), "{:?}", b.s().check().unwrap().problems);
}

#[test]
fn hub_doctor_tells_an_operator_what_the_server_has_and_what_a_role_lacks() {
    let Some(p) = pg() else { return };
    let p = fresh_db(&p);
    let dir = tempfile::tempdir().unwrap();
    let (url, pw) = split_url(&p.url);
    let out = common::haven(dir.path())
        .args(["hub", "doctor", "--url", &url, "--ca", &p.ca_path])
        .env("HAVEN_HUB_PASSWORD", &pw)
        .output()
        .unwrap();
    let text = common::text(&out);
    assert!(out.status.success(), "{text}");
    for line in [
        "note engine: PostgreSQL 15",
        "ok   TLS",
        "ok   SCRAM: password_encryption = scram-sha-256",
        "ok   operator role",
        "ok   row-level security",
        "ok   partitioning",
        "ok   PL/pgSQL, SECURITY DEFINER",
        "note LISTEN/NOTIFY: present",
        "note connections: max_connections = 100",
        "note hub schema: not created yet",
        "This server has what the hub needs.",
    ] {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    // A laptop's own role is no operator: doctor says so and fails.
    let a = first_laptop();
    haven::sync::setup::init(a.s(), &p.url, None, &p.ca).unwrap();
    let cfg = haven::sync::setup::config(a.s()).unwrap().unwrap();
    let out = common::haven(dir.path())
        .args(["hub", "doctor", "--url", &cfg.url, "--ca", &p.ca_path])
        .env("HAVEN_HUB_PASSWORD", &cfg.password)
        .output()
        .unwrap();
    let text = common::text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("NO   operator role: the connected role cannot create roles"), "{text}");
    assert!(text.contains("hub schema: haven_envelope exists, partitioned by centre"), "{text}");
}

#[test]
fn an_erasure_reaches_the_hub_from_a_laptop_that_only_received_it() {
    let Some(p) = pg() else { return };
    let p = fresh_db(&p);
    let (mut a, mut b, mut enrol) = centre_on(&p);
    let mut case = case_with_a_name(&a, "Whimbrel", "Qorvanthe");
    case.status = haven::domain::case::CaseStatus::Closed;
    put(a.s(), case.clone());
    for _ in 0..2 {
        sync(&mut a).unwrap();
        sync(&mut b).unwrap();
    }
    // A erases and syncs the order, then is lost before anyone runs tidy.
    haven::sync::erasure::erase_case(a.store(), case.id).unwrap();
    sync(&mut a).unwrap();
    let tag = haven::sync::erasure::case_tag(a.s(), case.id.as_bytes()).unwrap();
    drop(a);
    // B carries the erasure out when it arrives, and notes it for the hub.
    sync(&mut b).unwrap();
    assert!(b.s().get::<haven::domain::case::CaseFront>(&case.key()).unwrap().is_none());
    assert_eq!(haven::sync::erasure::pending(b.s()).unwrap().len(), 1, "B noted the erasure for the hub");
    let t = tidy(&b, &mut enrol, None);
    assert_eq!(t.erased_cases, 1, "{t:?}");
    assert!(t.erased_rows >= 2, "{t:?}");
    let mut admin = pg::connect(&p.url, None, &p.ca).unwrap();
    let tagged: i64 =
        admin.query_one("SELECT count(*) FROM haven_envelope WHERE case_tag = $1", &[&tag]).unwrap().get(0);
    assert_eq!(tagged as u64, t.erased_rows, "the hub's rows of the case carry the same opaque tag");
    // B keeps syncing without an alarm.
    sync(&mut b).unwrap();
    let alarms = haven::sync::state::SyncState::load(b.s()).unwrap().alarms;
    assert!(alarms.is_empty(), "{alarms:?}");
}
