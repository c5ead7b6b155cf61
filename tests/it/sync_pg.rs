//! The hub on a real PostgreSQL 15 (`.ci/run` starts a throwaway cluster
//! with TLS from a test CA and exports HAVEN_TEST_PG_URL; without it these
//! tests say so and pass): laptops sync through real SQL, row-level
//! security keeps centres and installations apart, the hub is append-only,
//! a dump of it holds no name written through the laptops, and a wrong
//! certificate or a plain connection is refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::sync_common;

use haven::domain::case::{CaseFront, CasePrivate};
use haven::store::Record;
use haven::sync::hub::{self, HubError, SyncError};
use haven::sync::pg::{self, PgHub};
use haven::sync::state::{AlarmKind, SyncState};
use sync_common::*;

struct Pg {
    url: String,
    ca: Vec<u8>,
}

fn pg() -> Option<Pg> {
    let Ok(url) = std::env::var("HAVEN_TEST_PG_URL") else {
        eprintln!("HAVEN_TEST_PG_URL is not set: PostgreSQL hub tests skipped (.ci/run starts one)");
        return None;
    };
    let ca = std::fs::read(std::env::var("HAVEN_TEST_PG_CA").unwrap()).unwrap();
    Some(Pg { url, ca })
}

fn setup(l: &Laptop, p: &Pg) {
    haven::sync::setup::init(l.s(), &p.url, None, &p.ca).unwrap();
}

fn sync(l: &mut Laptop) -> hub::Report {
    let mut h = haven::sync::setup::connect(l.s()).unwrap().unwrap();
    hub::sync(l.store(), &mut h).unwrap()
}

fn admin(p: &Pg) -> postgres::Client {
    pg::connect(&p.url, None, &p.ca).unwrap()
}

#[test]
fn laptops_sync_through_postgres_and_a_dump_of_the_hub_holds_no_name() {
    let Some(p) = pg() else { return };
    let mut a = first_laptop();
    let mut b = join(&a, "night desk");
    setup(&a, &p);
    setup(&b, &p);
    let names = ["Zyxwvaleria", "Qwertamilla", "Юлиананова"];
    let mut keys = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let on = if i % 2 == 0 { &a } else { &b };
        let case = new_case(&format!("{n}Alias"));
        let mut private = CasePrivate::new(case.id);
        private.family_name = (*n).into();
        private.notes = format!("{n} met at the airport");
        on.s()
            .commit(haven::store::AuditEntry::new(haven::store::AuditAction::Create, "case"), |tx| {
                tx.put(case.clone())?;
                tx.put(private.clone())?;
                Ok(())
            })
            .unwrap();
        keys.push((case.key(), private.key()));
    }
    for _ in 0..2 {
        sync(&mut a);
        sync(&mut b);
    }
    for l in [&a, &b] {
        for (front, private) in &keys {
            assert!(l.s().get::<CaseFront>(front).unwrap().is_some());
            assert!(l.s().get::<CasePrivate>(private).unwrap().is_some());
        }
        assert!(l.s().check().unwrap().ok(), "{:?}", l.s().check().unwrap().problems);
        let alarms = SyncState::load(l.s()).unwrap().alarms;
        assert!(alarms.is_empty(), "{alarms:?}");
    }
    assert_eq!(state_hash(a.s()), state_hash(b.s()));

    // A dump of the whole hub: no name, in text or as the bytes of a bytea.
    let dump = std::process::Command::new(std::env::var("HAVEN_TEST_PG_DUMP").unwrap())
        .arg("--dbname")
        .arg(
            p.url
                .replace("?sslmode=verify-full", "?sslmode=verify-full&sslrootcert=")
                .replace("sslrootcert=", &format!("sslrootcert={}", std::env::var("HAVEN_TEST_PG_CA").unwrap())),
        )
        .output()
        .unwrap();
    assert!(dump.status.success(), "{}", String::from_utf8_lossy(&dump.stderr));
    let text = String::from_utf8_lossy(&dump.stdout).to_lowercase();
    assert!(text.contains("haven_envelope"), "the dump holds the hub");
    for n in names {
        for needle in [n.to_lowercase(), n.as_bytes().iter().map(|b| format!("{b:02x}")).collect::<String>()] {
            assert!(!text.contains(&needle), "{n} found in the dump");
        }
        assert!(!text.contains(&format!("{n}alias").to_lowercase()));
    }
}

#[test]
fn row_level_security_keeps_centres_and_installations_apart_and_the_hub_append_only() {
    let Some(p) = pg() else { return };
    let mut a = first_laptop();
    let b = join(&a, "desk");
    let other_centre = first_laptop();
    setup(&a, &p);
    setup(&b, &p);
    setup(&other_centre, &p);
    put(a.s(), new_case("Swallow"));
    sync(&mut a);
    let cfg_other = haven::sync::setup::config(other_centre.s()).unwrap().unwrap();
    let cfg_b = haven::sync::setup::config(b.s()).unwrap().unwrap();
    let mut other = pg::connect(&cfg_other.url, Some(&cfg_other.password), &cfg_other.ca_pem).unwrap();
    let mut desk = pg::connect(&cfg_b.url, Some(&cfg_b.password), &cfg_b.ca_pem).unwrap();
    // Another centre's role sees none of centre A's rows.
    let seen: i64 = other.query_one("SELECT count(*) FROM haven_envelope", &[]).unwrap().get(0);
    assert_eq!(seen, 0);
    let seen_a: i64 = desk.query_one("SELECT count(*) FROM haven_envelope", &[]).unwrap().get(0);
    assert!(seen_a > 0, "a laptop of the same centre reads them");
    // Nor can a laptop write as another installation, even of its own centre.
    let a_dev = uuid(&a.s().header().installation);
    let a_centre = uuid(&a.s().header().centre_id);
    let forged = desk.execute(
        "INSERT INTO haven_envelope (centre_id, device_id, seq, hlc, key_id, prev_hash, body) VALUES ($1::text::uuid, $2::text::uuid, 999, 0, 1, '\\x00', '\\x00')",
        &[&a_centre, &a_dev],
    );
    assert!(forged.is_err(), "writing as another installation must be refused");
    let cross = other.execute(
        "INSERT INTO haven_envelope (centre_id, device_id, seq, hlc, key_id, prev_hash, body) VALUES ($1::text::uuid, $2::text::uuid, 999, 0, 1, '\\x00', '\\x00')",
        &[&a_centre, &uuid(&other_centre.s().header().installation)],
    );
    assert!(cross.is_err(), "writing into another centre must be refused");
    // Append-only by privilege.
    assert!(desk.execute("UPDATE haven_envelope SET body = '\\x00'", &[]).is_err());
    assert!(desk.execute("DELETE FROM haven_envelope", &[]).is_err());
    assert!(desk.batch_execute("TRUNCATE haven_envelope").is_err());
}

fn uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

#[test]
fn a_wrong_certificate_or_a_plain_connection_is_refused_and_named() {
    let Some(p) = pg() else { return };
    let other_ca = std::fs::read(std::env::var("HAVEN_TEST_PG_OTHER_CA").unwrap()).unwrap();
    match pg::connect(&p.url, None, &other_ca) {
        Err(HubError::Certificate(_)) => {}
        Err(e) => panic!("expected a certificate error, got {e:?}"),
        Ok(_) => panic!("a hub whose certificate another CA signed was accepted"),
    }
    assert!(matches!(
        pg::connect(&p.url.replace("verify-full", "require"), None, &p.ca),
        Err(HubError::Certificate(_))
    ));
    // The server itself refuses a connection without TLS.
    let pw = p.url.split(':').nth(2).unwrap().split('@').next().unwrap().to_string();
    assert!(pg::connect_plain_for_test(&p.url, &pw).is_err());
    // An unreachable hub is "offline": work goes on.
    let mut a = first_laptop();
    setup(&a, &p);
    let mut cfg = haven::sync::setup::config(a.s()).unwrap().unwrap();
    cfg.url = "postgres://nobody@localhost:9/none".into();
    match PgHub::connect(&cfg, a.s().header().centre_id, a.s().header().installation) {
        Err(HubError::Offline(_)) => {}
        other => panic!("expected offline, got {:?}", other.err()),
    }
    put(a.s(), new_case("Heron"));
    assert!(sync(&mut a).pushed > 0);
}

#[test]
fn a_hub_operator_flipping_bits_or_forging_rows_is_caught() {
    let Some(p) = pg() else { return };
    let mut a = first_laptop();
    let mut b = join(&a, "desk");
    setup(&a, &p);
    setup(&b, &p);
    for i in 0..3 {
        put(a.s(), new_case(&format!("Bird{i}")));
    }
    sync(&mut a);
    let dev = uuid(&a.s().header().installation);
    let mut admin = admin(&p);
    // The operator flips a bit in the second envelope (the admin bypasses RLS).
    admin
        .execute(
            "UPDATE haven_envelope SET body = overlay(body placing '\\xff'::bytea from 60 for 1) WHERE device_id = $1::text::uuid AND seq = 2",
            &[&dev],
        )
        .unwrap();
    let r = sync(&mut b);
    assert!(r.received.rejected >= 1);
    let st = SyncState::load(b.s()).unwrap();
    assert!(st.alarms.iter().any(|x| x.kind == AlarmKind::Tampered && x.seq == 2), "{:?}", st.alarms);
    // Only what verified was applied: the first, not the ones after the damage.
    assert_eq!(b.s().scan::<CaseFront>().unwrap().len(), 1);
    let mut h = haven::sync::setup::connect(b.s()).unwrap().unwrap();
    assert!(matches!(hub::sync(b.store(), &mut h), Ok(_) | Err(SyncError::Hub(_))));
}

#[test]
fn the_seeded_simulation_of_three_laptops_ends_identical_over_real_sql() {
    let Some(p) = pg() else { return };
    simulate(11, 60, &|l| setup(l, &p), &mut |l, online| {
        if online {
            let mut h = haven::sync::setup::connect(l.s()).unwrap().unwrap();
            let _ = hub::sync(l.store(), &mut h);
        }
    });
}

/// A stand-in hub on loopback: answers the SSLRequest, shakes hands with
/// `cert` (chained to the test CA or not), then refuses the login with
/// SQLSTATE 28000. A client that accepts the certificate therefore sees
/// "refused"; one that rejects it sees a certificate error.
fn stand_in_hub(cert: &str, key: &str) -> u16 {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::io::{Read, Write};
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(cert).unwrap().collect::<Result<_, _>>().unwrap();
    let key = PrivateKeyDer::from_pem_file(key).unwrap();
    let cfg = rustls::ServerConfig::builder_with_provider(std::sync::Arc::new({
        #[allow(deprecated)]
        rustls::crypto::ring::default_provider()
    }))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let cfg = std::sync::Arc::new(cfg);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(10)));
            let mut ssl_request = [0u8; 8];
            if s.read_exact(&mut ssl_request).is_err() || s.write_all(b"S").is_err() {
                continue;
            }
            let Ok(conn) = rustls::ServerConnection::new(cfg.clone()) else { continue };
            let mut tls = rustls::StreamOwned::new(conn, s);
            let mut len = [0u8; 4];
            if tls.read_exact(&mut len).is_err() {
                continue; // the client gave up during the handshake
            }
            let mut startup = vec![0u8; (u32::from_be_bytes(len) as usize).saturating_sub(4)];
            let _ = tls.read_exact(&mut startup);
            let fields = b"SFATAL\0VFATAL\0C28000\0Mstand-in hub refuses every login\0\0";
            let mut msg = vec![b'E'];
            msg.extend_from_slice(&(fields.len() as u32 + 4).to_be_bytes());
            msg.extend_from_slice(fields);
            let _ = tls.write_all(&msg);
            let _ = tls.flush();
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    });
    port
}

#[test]
fn a_hub_certificate_for_another_name_or_out_of_date_is_refused() {
    let Some(p) = pg() else { return };
    let root = std::env::var("HAVEN_TEST_PG_ROOT").unwrap();
    // The real hub, reached at its address but under a name its certificate
    // does not carry: the host name is checked, not only the chain.
    let port = p.url.rsplit(':').next().unwrap().split('/').next().unwrap();
    let misnamed = p.url.replace(
        &format!("@localhost:{port}/haven_hub?"),
        &format!("@hub.invalid:{port}/haven_hub?hostaddr=127.0.0.1&"),
    );
    assert_ne!(misnamed, p.url);
    match pg::connect(&misnamed, None, &p.ca) {
        Err(HubError::Certificate(_)) => {}
        Err(e) => panic!("expected a certificate error, got {e:?}"),
        Ok(_) => panic!("a certificate for another name was accepted"),
    }
    // The address the certificate names is accepted as well as its name.
    let by_ip = p.url.replace("@localhost:", "@127.0.0.1:");
    assert!(pg::connect(&by_ip, None, &p.ca).is_ok());

    // A stand-in hub with the hub's own certificate gets as far as the login,
    // which it refuses: the handshake itself is accepted.
    let good = stand_in_hub(&format!("{root}/server.pem"), &format!("{root}/server.key"));
    match pg::connect(&format!("postgres://nobody@localhost:{good}/none"), None, &p.ca) {
        Err(HubError::LoginRefused(_)) => {}
        Err(e) => panic!("expected the stand-in's refusal, got {e:?}"),
        Ok(_) => panic!("the stand-in hub never lets anyone in"),
    }
    // The same with a certificate of the same CA whose time is over.
    let expired = stand_in_hub(&format!("{root}/expired.pem"), &format!("{root}/expired.key"));
    match pg::connect(&format!("postgres://nobody@localhost:{expired}/none"), None, &p.ca) {
        Err(HubError::Certificate(why)) => assert!(why.to_lowercase().contains("expired"), "{why}"),
        Err(e) => panic!("expected a certificate error, got {e:?}"),
        Ok(_) => panic!("an expired certificate was accepted"),
    }
}

/// The administrator's password inside the test URL.
fn admin_password(p: &Pg) -> String {
    p.url.split("://").nth(1).unwrap().split('@').next().unwrap().split(':').nth(1).unwrap().to_string()
}

#[test]
fn the_hub_says_what_went_wrong_in_plain_words_and_the_status_keeps_it() {
    let Some(p) = pg() else { return };
    let pw = admin_password(&p);
    let no_pw = p.url.replace(&format!(":{pw}@"), "@");
    // Wrong password.
    let e = pg::connect(&no_pw, Some("not-the-password"), &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-password", "{e}");
    assert!(!e.to_string().ends_with("db error"), "{e}");
    // A role that may not log in.
    let mut admin = admin(&p);
    let role = format!("haven_flow_nologin_{}", std::process::id());
    admin.batch_execute(&format!("DROP ROLE IF EXISTS {role}; CREATE ROLE {role} NOLOGIN PASSWORD 'x1'")).unwrap();
    let e = pg::connect(&no_pw.replace("haven_admin@", &format!("{role}@")), Some("x1"), &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-login", "{e}");
    // A database the server does not have.
    let e = pg::connect(&p.url.replace("/haven_hub?", "/no_such_hub?"), None, &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-database", "{e}");
    // Nobody listening.
    let e = pg::connect("postgres://nobody@localhost:9/none", Some("x"), &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-offline", "{e}");
    // A certificate out of date, and one for another name.
    let root = std::env::var("HAVEN_TEST_PG_ROOT").unwrap();
    let expired = stand_in_hub(&format!("{root}/expired.pem"), &format!("{root}/expired.key"));
    let e = pg::connect(&format!("postgres://nobody@localhost:{expired}/none"), None, &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-certificate-expired", "{e}");
    let port = p.url.rsplit(':').next().unwrap().split('/').next().unwrap();
    let misnamed = p.url.replace(
        &format!("@localhost:{port}/haven_hub?"),
        &format!("@hub.invalid:{port}/haven_hub?hostaddr=127.0.0.1&"),
    );
    let e = pg::connect(&misnamed, None, &p.ca).err().unwrap();
    assert_eq!(e.key(), "sync-error-certificate-name", "{e}");

    // A laptop whose role the operator disabled: `haven sync` says why,
    // and `haven sync --status` keeps since when and why in plain words.
    let mut a = first_laptop();
    setup(&a, &p);
    pg::disable_device(&mut admin, &a.s().header().installation).unwrap();
    let cfg = haven::sync::setup::config(a.s()).unwrap().unwrap();
    let e = PgHub::connect(&cfg, a.s().header().centre_id, a.s().header().installation).err().unwrap();
    assert_eq!(e.key(), "sync-error-login", "{e}");
    let dir = a.path();
    a.store = None;
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
            .env("HAVEN_DATA", &dir)
            .env("HAVEN_USER", "anna")
            .env("HAVEN_PASSPHRASE", PASS)
            .env("LANG", "en_GB.UTF-8")
            .env("LC_ALL", "en_GB.UTF-8")
            .args(["--lang", "en"])
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let said = run(&["sync"]);
    assert!(said.contains("log in"), "{said}");
    assert!(!said.contains("db error"), "{said}");
    let status = run(&["sync", "--status"]);
    assert!(status.contains("Hub unreachable since"), "{status}");
    assert!(status.contains("does not let this laptop log in"), "{status}");
    for lang in [haven::i18n::Lang::En, haven::i18n::Lang::Ru, haven::i18n::Lang::Fr] {
        let t = haven::i18n::I18n::new(lang);
        for key in ["sync-error-password", "sync-error-login", "sync-error-database", "sync-error-certificate-expired"]
        {
            assert_ne!(t.t(key), key, "{key} has no {lang:?} text");
        }
    }
}
