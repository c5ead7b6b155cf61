//! `haven hub doctor`: tells an operator whether a server has what the hub
//! needs — TLS, SCRAM, row-level security, roles, PL/pgSQL with SECURITY
//! DEFINER, declarative partitioning, LISTEN/NOTIFY (or polling), enough
//! connections — and what state the hub's own schema is in. Every probe
//! runs in a transaction that is rolled back, so it leaves nothing behind.

use postgres::Client;

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked.
    pub what: &'static str,
    /// Some(true) present, Some(false) missing and needed, None for a note.
    pub ok: Option<bool>,
    /// What was found.
    pub detail: String,
}

fn one<T: for<'a> postgres::types::FromSql<'a>>(c: &mut Client, sql: &str) -> Option<T> {
    c.query_one(sql, &[]).ok().and_then(|r| r.try_get(0).ok())
}

/// Runs `sql` in a transaction rolled back afterwards; Err with the server's reason.
fn probe(c: &mut Client, sql: &str) -> Result<(), String> {
    let mut tx = c.transaction().map_err(|e| e.to_string())?;
    let r =
        tx.batch_execute(sql).map_err(|e| e.as_db_error().map(|d| d.message().to_string()).unwrap_or(e.to_string()));
    let _ = tx.rollback();
    r
}

fn found(what: &'static str, ok: Option<bool>, detail: impl Into<String>) -> Finding {
    Finding { what, ok, detail: detail.into() }
}

/// Checks the server `c` is connected to (see the module comment).
pub fn check(c: &mut Client) -> Vec<Finding> {
    let mut out = Vec::new();
    let version: String = one(c, "SELECT version()").unwrap_or_default();
    let engine = if version.contains("CockroachDB") {
        "CockroachDB"
    } else if version.contains("YB") || version.to_lowercase().contains("yugabyte") {
        "YugabyteDB"
    } else if one::<i64>(c, "SELECT count(*) FROM pg_extension WHERE extname = 'citus'").unwrap_or(0) > 0 {
        "Citus"
    } else {
        "PostgreSQL"
    };
    let num: i32 = one::<String>(c, "SHOW server_version_num").and_then(|v| v.parse().ok()).unwrap_or(0);
    let first = version.split(',').next().unwrap_or("");
    let detail = if first.starts_with(engine) { first.to_string() } else { format!("{engine} ({first})") };
    out.push(found("engine", None, detail));
    if engine == "PostgreSQL" || engine == "Citus" {
        out.push(found("version", Some(num >= 130000), format!("server_version_num {num} (13 or later needed)")));
    }
    let ssl: Option<bool> = one(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    out.push(found("TLS", Some(ssl != Some(false)), "this connection is encrypted and verified (verify-full)"));
    let enc: String = one(c, "SHOW password_encryption").unwrap_or_default();
    out.push(found("SCRAM", Some(enc == "scram-sha-256"), format!("password_encryption = {enc}")));
    let (superuser, createrole): (bool, bool) = c
        .query_one("SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user", &[])
        .ok()
        .map(|r| (r.get(0), r.get(1)))
        .unwrap_or((false, false));
    out.push(found(
        "operator role",
        Some(superuser || createrole),
        if superuser {
            "the connected role is a superuser (an operator role with CREATEROLE is enough)".to_string()
        } else if createrole {
            "the connected role may create roles (provision centres)".to_string()
        } else {
            "the connected role cannot create roles: connect as the hub's operator".to_string()
        },
    ));
    let rls = probe(
        c,
        "CREATE TEMP TABLE haven_doctor_probe (c uuid);
         ALTER TABLE haven_doctor_probe ENABLE ROW LEVEL SECURITY;
         CREATE POLICY haven_doctor_p ON haven_doctor_probe FOR SELECT USING (c IS NOT NULL)",
    );
    out.push(found("row-level security", Some(rls.is_ok()), rls.err().unwrap_or_else(|| "policies work".into())));
    let part = probe(
        c,
        "CREATE TEMP TABLE haven_doctor_part (c uuid NOT NULL, s bigint NOT NULL, PRIMARY KEY (c, s)) PARTITION BY HASH (c);
         CREATE TEMP TABLE haven_doctor_part0 PARTITION OF haven_doctor_part FOR VALUES WITH (MODULUS 1, REMAINDER 0);
         INSERT INTO haven_doctor_part VALUES (gen_random_uuid(), 1) ON CONFLICT DO NOTHING",
    );
    out.push(found(
        "partitioning",
        Some(part.is_ok()),
        part.err().unwrap_or_else(|| "declarative HASH partitions with ON CONFLICT work".into()),
    ));
    let definer = probe(
        c,
        "CREATE FUNCTION pg_temp.haven_doctor_fn() RETURNS int LANGUAGE plpgsql SECURITY DEFINER
         SET search_path = pg_catalog AS $f$ BEGIN RETURN 1; END $f$",
    );
    out.push(found(
        "PL/pgSQL, SECURITY DEFINER",
        Some(definer.is_ok()),
        definer.err().unwrap_or_else(|| "the operator's enrolment functions can be created".into()),
    ));
    let listen = c.batch_execute("LISTEN haven_doctor; NOTIFY haven_doctor; UNLISTEN haven_doctor");
    out.push(found(
        "LISTEN/NOTIFY",
        None,
        match listen {
            Ok(()) => "present: laptops are woken by notifications".to_string(),
            Err(_) => "absent: laptops poll with backoff instead (nothing is lost, changes arrive later)".to_string(),
        },
    ));
    let max: i64 = one::<String>(c, "SHOW max_connections").and_then(|v| v.parse().ok()).unwrap_or(0);
    let used: i64 = one(c, "SELECT count(*) FROM pg_stat_activity").unwrap_or(0);
    // Laptops enrolled (readable by the operator only; none before the schema).
    let laptops: Option<i64> =
        if one::<Option<String>>(c, "SELECT to_regclass('haven_device')::text").flatten().is_some() {
            one(c, "SELECT count(*) FROM haven_device")
        } else {
            None
        };
    let wake: Option<String> =
        if one::<Option<String>>(c, "SELECT to_regclass('haven_setting')::text").flatten().is_some() {
            one::<Option<String>>(c, "SELECT max(value) FROM haven_setting WHERE name = 'wake'").flatten()
        } else {
            None
        };
    let polls = wake.as_deref() == Some("poll");
    let advice = match laptops {
        Some(n) if polls => format!("{n} laptops enrolled; they poll with backoff (`haven hub wake poll`)"),
        Some(n) if n * 2 > max => format!(
            "{n} laptops enrolled: too many to each hold a LISTEN connection; let them poll with backoff: \
             `haven hub wake poll` (docs/HUB.md §5)"
        ),
        Some(n) => format!("{n} laptops enrolled: each may hold a LISTEN connection"),
        None => "each laptop holding a LISTEN connection takes one backend (docs/HUB.md §5)".to_string(),
    };
    out.push(found("connections", None, format!("max_connections = {max}, {used} in use; {advice}")));
    let kind: Option<String> = one(c, "SELECT relkind::text FROM pg_class WHERE oid = to_regclass('haven_envelope')");
    out.push(found(
        "hub schema",
        None,
        match kind.as_deref() {
            Some("p") => "haven_envelope exists, partitioned by centre".to_string(),
            Some(_) => "haven_envelope exists as one table (made before partitioning; see docs/HUB.md)".to_string(),
            None => "not created yet: `haven hub provision` creates it".to_string(),
        },
    ));
    let functions: i64 = one(
        c,
        "SELECT count(*) FROM pg_proc WHERE proname IN ('haven_enrol','haven_disable','haven_retain','haven_erase','haven_acting_centre','haven_enrolled')",
    )
    .unwrap_or(0);
    out.push(found("operator's functions", None, format!("{functions} of 6 installed")));
    let replicas: i64 = one(c, "SELECT count(*) FROM pg_stat_replication").unwrap_or(0);
    out.push(found("replicas", None, format!("{replicas} streaming replica(s) attached")));
    out
}
