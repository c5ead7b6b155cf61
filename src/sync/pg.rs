//! The hub on PostgreSQL (or CockroachDB, YugabyteDB, Citus): opaque rows
//! keyed by (centre, installation, sequence), row-level security per centre
//! and per installation, SELECT and INSERT only. TLS is mandatory and
//! verified against the centre's own CA, host name included (verify-full).

use std::collections::BTreeMap;
use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::Type;
use postgres::{Client, Config, NoTls};
use serde::{Deserialize, Serialize};

use super::hub::{Clash, Hub, HubError, PAGE, Pulled, Push, Row};

/// Key of the hub settings in the sync tree.
pub const HUB_KEY: &[u8] = b"hub";
/// The role every laptop's role belongs to.
pub const DEVICE_GROUP: &str = "haven_hub_device";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How this laptop reaches the hub (sealed in the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubConfig {
    /// The URL without a password: host, port, database, this laptop's role.
    pub url: String,
    /// This laptop's role's password.
    pub password: String,
    /// The centre's CA certificate (PEM) the hub's certificate must chain to.
    pub ca_pem: Vec<u8>,
}

/// The schema, idempotent. Only uuid, bigint, bytea, timestamptz, text, a
/// composite primary key and row-level security: no sequences or triggers.
/// The envelope table's hash partitioning and the operator's functions
/// (`sync/provision.rs`) are the engine-specific parts (docs/HUB.md §6).
pub const SCHEMA: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS haven_device (
        centre_id uuid NOT NULL, device_id uuid NOT NULL, db_role text NOT NULL, pubkey bytea NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (centre_id, device_id))",
    "CREATE TABLE IF NOT EXISTS haven_envelope (
        centre_id uuid NOT NULL, device_id uuid NOT NULL, seq bigint NOT NULL, hlc bigint NOT NULL,
        key_id bigint NOT NULL, prev_hash bytea NOT NULL, body bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), case_tag bytea, PRIMARY KEY (centre_id, device_id, seq))
        PARTITION BY HASH (centre_id)",
    "CREATE TABLE IF NOT EXISTS haven_checkpoint (
        centre_id uuid NOT NULL, device_id uuid NOT NULL, seq bigint NOT NULL, body bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (centre_id, device_id, seq))",
    "CREATE TABLE IF NOT EXISTS haven_roster (
        centre_id uuid NOT NULL, id uuid NOT NULL, device_id uuid NOT NULL, body bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (centre_id, id))",
    "ALTER TABLE haven_device ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE haven_envelope ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE haven_checkpoint ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE haven_roster ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS haven_device_self ON haven_device",
    "CREATE POLICY haven_device_self ON haven_device FOR SELECT USING (db_role = current_user)",
    "DROP POLICY IF EXISTS haven_envelope_read ON haven_envelope",
    "CREATE POLICY haven_envelope_read ON haven_envelope FOR SELECT
        USING (centre_id IN (SELECT d.centre_id FROM haven_device d WHERE d.db_role = current_user))",
    "DROP POLICY IF EXISTS haven_envelope_write ON haven_envelope",
    "CREATE POLICY haven_envelope_write ON haven_envelope FOR INSERT
        WITH CHECK (EXISTS (SELECT 1 FROM haven_device d WHERE d.db_role = current_user
            AND d.centre_id = haven_envelope.centre_id AND d.device_id = haven_envelope.device_id))",
    "DROP POLICY IF EXISTS haven_checkpoint_read ON haven_checkpoint",
    "CREATE POLICY haven_checkpoint_read ON haven_checkpoint FOR SELECT
        USING (centre_id IN (SELECT d.centre_id FROM haven_device d WHERE d.db_role = current_user))",
    "DROP POLICY IF EXISTS haven_checkpoint_write ON haven_checkpoint",
    "CREATE POLICY haven_checkpoint_write ON haven_checkpoint FOR INSERT
        WITH CHECK (EXISTS (SELECT 1 FROM haven_device d WHERE d.db_role = current_user
            AND d.centre_id = haven_checkpoint.centre_id AND d.device_id = haven_checkpoint.device_id))",
    "DROP POLICY IF EXISTS haven_roster_read ON haven_roster",
    "CREATE POLICY haven_roster_read ON haven_roster FOR SELECT
        USING (centre_id IN (SELECT d.centre_id FROM haven_device d WHERE d.db_role = current_user))",
    "DROP POLICY IF EXISTS haven_roster_write ON haven_roster",
    "CREATE POLICY haven_roster_write ON haven_roster FOR INSERT
        WITH CHECK (EXISTS (SELECT 1 FROM haven_device d WHERE d.db_role = current_user
            AND d.centre_id = haven_roster.centre_id AND d.device_id = haven_roster.device_id))",
    "REVOKE ALL ON haven_device, haven_envelope, haven_checkpoint, haven_roster FROM PUBLIC",
    // --- hubops: partitions, erasure tag, centres (issue 18 §3, §5) ---
    // The envelope table is partitioned by centre (HASH, 16 partitions), so
    // one centre's rows sit together and a centre's retention touches one
    // partition. A hub made before it keeps its single table (see
    // docs/HUB.md, "Moving an old hub"); `hub doctor` says which it has.
    "DO $$ BEGIN
        IF (SELECT c.relkind FROM pg_class c WHERE c.oid = 'haven_envelope'::regclass) = 'p' THEN
            FOR i IN 0..15 LOOP
                EXECUTE format('CREATE TABLE IF NOT EXISTS haven_envelope_p%s PARTITION OF haven_envelope
                    FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
            END LOOP;
        END IF;
    END $$",
    // The opaque per-case tag of an erased case's rows (HMAC of the case id
    // under a key of the centre's laptops): set by `hub tidy`, never readable as a case.
    "ALTER TABLE haven_envelope ADD COLUMN IF NOT EXISTS case_tag bytea",
    // Which role enrols laptops for which centre (read only by the operator's functions).
    "CREATE TABLE IF NOT EXISTS haven_centre (
        centre_id uuid PRIMARY KEY, enrol_role text NOT NULL UNIQUE,
        provisioned_at timestamptz NOT NULL DEFAULT now())",
    "ALTER TABLE haven_centre ENABLE ROW LEVEL SECURITY",
    "REVOKE ALL ON haven_centre FROM PUBLIC",
    // Tags of cases erased at the hub (so `hub tidy` does each once).
    "CREATE TABLE IF NOT EXISTS haven_erasure (
        centre_id uuid NOT NULL, case_tag bytea NOT NULL, rows bigint NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (centre_id, case_tag))",
    "ALTER TABLE haven_erasure ENABLE ROW LEVEL SECURITY",
    "REVOKE ALL ON haven_erasure FROM PUBLIC",
    // --- end hubops ---
    // ---- hubflow (issue 18 §1): one current checkpoint per installation ----
    // The envelope table needs no other index: its primary key (centre_id,
    // device_id, seq) serves the per-installation cursors of a pull and the
    // skip scan that finds each installation's head. Checkpoints are
    // replaced in place (upsert); older ones left by earlier versions go.
    "DELETE FROM haven_checkpoint c WHERE EXISTS (SELECT 1 FROM haven_checkpoint n
        WHERE n.centre_id = c.centre_id AND n.device_id = c.device_id AND n.seq > c.seq)",
    "CREATE UNIQUE INDEX IF NOT EXISTS haven_checkpoint_current ON haven_checkpoint (centre_id, device_id)",
    "DROP POLICY IF EXISTS haven_checkpoint_update ON haven_checkpoint",
    "CREATE POLICY haven_checkpoint_update ON haven_checkpoint FOR UPDATE
        USING (EXISTS (SELECT 1 FROM haven_device d WHERE d.db_role = current_user
            AND d.centre_id = haven_checkpoint.centre_id AND d.device_id = haven_checkpoint.device_id))
        WITH CHECK (EXISTS (SELECT 1 FROM haven_device d WHERE d.db_role = current_user
            AND d.centre_id = haven_checkpoint.centre_id AND d.device_id = haven_checkpoint.device_id))",
    // ---- end hubflow ----
    // How laptops learn of new changes (`haven hub wake`, sync/wake.rs):
    // hub-wide settings the operator writes and every laptop reads.
    "CREATE TABLE IF NOT EXISTS haven_setting (name text PRIMARY KEY, value text NOT NULL)",
    "REVOKE ALL ON haven_setting FROM PUBLIC",
];

/// Append-only by privilege: the laptops' group may read and insert, never
/// update, delete or truncate.
pub const GRANTS: &[&str] = &[
    "GRANT SELECT ON haven_device TO haven_hub_device",
    "GRANT SELECT, INSERT ON haven_envelope, haven_checkpoint, haven_roster TO haven_hub_device",
    // hubflow (issue 18 §1): a laptop replaces its own checkpoint (policy
    // haven_checkpoint_update); envelopes stay insert-only.
    "GRANT UPDATE (seq, body, received_at) ON haven_checkpoint TO haven_hub_device",
    "GRANT SELECT ON haven_setting TO haven_hub_device",
];

/// The text form of an id as a uuid, as the hub's SQL takes it.
pub(crate) fn uuid(b: &[u8; 16]) -> String {
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

pub(crate) fn from_uuid(s: &str) -> Option<[u8; 16]> {
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    hex.parse::<crate::domain::ids::Id>().ok().map(|i| i.0)
}

/// A centre or installation id as PostgreSQL prints a uuid (hubops).
pub fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let hex: String = s.trim().chars().filter(|c| *c != '-').collect();
    if hex.len() != 32 {
        return None;
    }
    from_uuid(&hex)
}

/// The role name of an installation at the hub.
pub fn device_role(device: &[u8; 16]) -> String {
    let h: String = device.iter().map(|x| format!("{x:02x}")).collect();
    format!("haven_d_{h}")
}

/// Splits `sslmode` off a URL: only verify-full (the default) is accepted.
pub fn strip_sslmode(url: &str) -> Result<String, HubError> {
    let Some((base, query)) = url.split_once('?') else { return Ok(url.to_string()) };
    let mut kept = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some(("sslmode", "verify-full")) => {}
            Some(("sslmode", other)) => {
                return Err(HubError::Certificate(format!(
                    "sslmode={other}: the hub is reached with verify-full only"
                )));
            }
            Some(("sslrootcert" | "sslcert" | "sslkey" | "password", _)) => {
                return Err(HubError::Other("give the CA with --ca and the password on the prompt".into()));
            }
            _ => kept.push(part),
        }
    }
    Ok(if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) })
}

/// Opens a TLS connection verified against `ca_pem` (chain and host name).
pub fn connect(url: &str, password: Option<&str>, ca_pem: &[u8]) -> Result<Client, HubError> {
    let mut cfg = Config::from_str(&strip_sslmode(url)?).map_err(|e| HubError::Other(format!("hub URL: {e}")))?;
    if let Some(p) = password {
        cfg.password(p);
    }
    cfg.ssl_mode(postgres::config::SslMode::Require);
    cfg.connect_timeout(CONNECT_TIMEOUT);
    cfg.application_name("haven");
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(ca_pem)?);
    cfg.connect(tls).map_err(classify)
}

/// The TLS settings of every connection to the hub: rustls with the ring
/// provider, TLS 1.2 or 1.3, and the certificates of the centre's CA file as
/// the only roots (no system or bundled roots). rustls checks the chain, the
/// validity dates and the host name or address the URL gives (verify-full).
pub fn tls_config(ca_pem: &[u8]) -> Result<rustls::ClientConfig, HubError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let ca_error = |e: &dyn std::fmt::Display| HubError::Certificate(format!("CA: {e}"));
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem) {
        roots.add(cert.map_err(|e| ca_error(&e))?).map_err(|e| ca_error(&e))?;
    }
    if roots.is_empty() {
        return Err(ca_error(&"no certificate in the PEM file"));
    }
    // ring is deprecated in rustls 0.23.48 for lacking post-quantum key
    // exchange; aws-lc-rs has it but needs cmake and a C toolchain to build.
    #[allow(deprecated)]
    let provider = rustls::crypto::ring::default_provider();
    Ok(rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(provider))
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| HubError::Certificate(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// Whether `err` is a TLS failure: rustls's own error, or the I/O error
/// tokio-rustls wraps it in (whose `source` skips the wrapped error).
fn is_tls_error(err: &(dyn std::error::Error + 'static)) -> bool {
    err.downcast_ref::<rustls::Error>().is_some()
        || err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
}

/// A connection without TLS is never made; this exists so that tests can
/// show the server refuses one.
pub fn connect_plain_for_test(url: &str, password: &str) -> Result<Client, HubError> {
    let mut cfg = Config::from_str(&strip_sslmode(url)?).map_err(|e| HubError::Other(e.to_string()))?;
    cfg.password(password);
    cfg.ssl_mode(postgres::config::SslMode::Disable);
    cfg.connect_timeout(CONNECT_TIMEOUT);
    cfg.connect(NoTls).map_err(classify)
}

/// Names a PostgreSQL failure for people: the server's SQLSTATE says
/// which (wrong password, login not permitted, unknown database, busy,
/// lacking a right), a rustls error or a certificate word in the chain
/// says certificate, a failed connect or lost connection says unreachable.
pub fn classify(e: postgres::Error) -> HubError {
    if let Some(db) = e.as_db_error() {
        let why = format!("{} {}: {}", db.severity(), db.code().code(), db.message());
        return match *db.code() {
            SqlState::T_R_SERIALIZATION_FAILURE => HubError::Retry,
            SqlState::INVALID_PASSWORD => HubError::WrongPassword(why),
            SqlState::INVALID_AUTHORIZATION_SPECIFICATION => HubError::LoginRefused(why),
            SqlState::INVALID_CATALOG_NAME => HubError::UnknownDatabase(why),
            SqlState::TOO_MANY_CONNECTIONS
            | SqlState::CANNOT_CONNECT_NOW
            | SqlState::ADMIN_SHUTDOWN
            | SqlState::CRASH_SHUTDOWN => HubError::Busy(why),
            SqlState::INSUFFICIENT_PRIVILEGE => HubError::Refused(why),
            _ => HubError::Other(why),
        };
    }
    let mut chain = String::new();
    let mut io = false;
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = cur {
        if is_tls_error(err) {
            return HubError::Certificate(err.to_string());
        }
        io |= err.downcast_ref::<std::io::Error>().is_some();
        chain.push_str(&err.to_string());
        chain.push(' ');
        cur = err.source();
    }
    let lower = chain.to_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("ssl") {
        HubError::Certificate(chain.trim().to_string())
    } else if io
        || e.is_closed()
        || lower.contains("connect")
        || lower.contains("timed out")
        || lower.contains("refused")
        || lower.contains("lookup")
    {
        HubError::Offline(chain.trim().to_string())
    } else {
        HubError::Other(chain.trim().to_string())
    }
}

/// Creates (or completes) the schema, as the hub's administrator. A policy
/// that exists is left alone: dropping it while laptops sync would hide
/// every row from them for a moment (and look like a rollback). Another
/// laptop running this at the same time is retried.
pub fn init_schema(admin: &mut Client) -> Result<(), HubError> {
    let mut last = None;
    for attempt in 0..5u64 {
        match init_schema_once(admin) {
            Ok(()) => return Ok(()),
            Err(e) => {
                last = Some(e);
                std::thread::sleep(Duration::from_millis(50 * (attempt + 1)));
            }
        }
    }
    Err(last.unwrap_or(HubError::Other("schema".into())))
}

fn init_schema_once(admin: &mut Client) -> Result<(), HubError> {
    for sql in SCHEMA {
        if let Some(rest) = sql.strip_prefix("DROP POLICY IF EXISTS ") {
            let mut words = rest.split_whitespace();
            let (policy, table) = (words.next().unwrap_or(""), words.nth(1).unwrap_or(""));
            let exists = !admin
                .query("SELECT 1 FROM pg_policies WHERE policyname = $1 AND tablename = $2", &[&policy, &table])
                .map_err(classify)?
                .is_empty();
            if exists {
                continue;
            }
            create_policy(admin, policy)?;
            continue;
        }
        if sql.starts_with("CREATE POLICY") {
            continue;
        }
        admin.batch_execute(sql).map_err(classify)?;
    }
    ensure_role(admin, DEVICE_GROUP, None, false)?;
    for sql in GRANTS {
        admin.batch_execute(sql).map_err(classify)?;
    }
    super::provision::install(admin)?; // hubops: the operator's functions
    Ok(())
}

/// Runs the CREATE POLICY statement of `policy`.
fn create_policy(admin: &mut Client, policy: &str) -> Result<(), HubError> {
    let create = SCHEMA.iter().find(|s| s.starts_with(&format!("CREATE POLICY {policy} ")));
    match create {
        Some(sql) => admin.batch_execute(sql).map_err(classify),
        None => Ok(()),
    }
}

/// Creates `role` if it is missing: a login role in the device group when
/// a SCRAM verifier is given (never a password), a group otherwise. An
/// existing role is left alone unless `replace` (its verifier changes).
pub(crate) fn ensure_role(
    admin: &mut Client,
    role: &str,
    verifier: Option<&str>,
    replace: bool,
) -> Result<(), HubError> {
    // Names are generated hex, verifiers base64: safe to place in DDL,
    // which takes no parameters.
    let safe = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let scram = |s: &str| {
        s.starts_with("SCRAM-SHA-256$") && s.chars().all(|c| c.is_ascii_alphanumeric() || "$:+/=-".contains(c))
    };
    if !safe(role) || verifier.is_some_and(|v| !scram(v)) {
        return Err(HubError::Other("unsafe role name or not a SCRAM verifier".into()));
    }
    let exists = !admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role]).map_err(classify)?.is_empty();
    let sql = match (exists, verifier) {
        (false, Some(v)) => format!("CREATE ROLE {role} LOGIN PASSWORD '{v}' IN ROLE {DEVICE_GROUP}"),
        (true, Some(v)) if replace => format!("ALTER ROLE {role} LOGIN PASSWORD '{v}'"),
        (false, None) => format!("CREATE ROLE {role} NOLOGIN"),
        (true, _) => return Ok(()),
    };
    admin.batch_execute(&sql).map_err(classify)
}

/// Refuses a password inside a hub URL: it would show in `ps`, the shell's
/// history and the server's connection logs.
pub fn refuse_url_password(url: &str) -> Result<(), HubError> {
    let authority = url.split_once("://").map(|(_, r)| r).and_then(|r| r.split(['/', '?']).next()).unwrap_or("");
    let in_userinfo = authority.rsplit_once('@').is_some_and(|(u, _)| u.contains(':'));
    let in_query = url
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|p| p.split('=').next().is_some_and(|k| k == "password")));
    if in_userinfo || in_query {
        return Err(HubError::Other(
            "a password inside the hub URL is refused (it shows in `ps` and the shell history): \
             remove it from the URL and put it in the HAVEN_HUB_PASSWORD environment variable, \
             or leave it out and type it at the prompt"
                .into(),
        ));
    }
    Ok(())
}

/// Sets how every laptop of the hub learns of new changes (as the
/// operator): `Listen` holds a connection per laptop, `Poll` none between
/// looks (docs/HUB.md, "Connections").
pub fn set_wake(admin: &mut Client, wake: super::wake::Wake) -> Result<(), HubError> {
    init_schema(admin)?;
    let (mode, fast, slow) = match wake {
        super::wake::Wake::Listen => ("listen", None, None),
        super::wake::Wake::Poll { fast, slow } => ("poll", Some(fast.as_secs()), Some(slow.as_secs())),
    };
    let mut rows = vec![("wake", mode.to_string())];
    rows.extend(fast.map(|f| ("poll_fast_s", f.to_string())));
    rows.extend(slow.map(|s| ("poll_slow_s", s.to_string())));
    for (name, value) in rows {
        admin
            .execute(
                "INSERT INTO haven_setting (name, value) VALUES ($1, $2) \
                 ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
                &[&name, &value],
            )
            .map_err(classify)?;
    }
    Ok(())
}

/// Stops a revoked installation's role from logging in (as the operator;
/// a centre's manager uses `provision::disable`).
pub fn disable_device(admin: &mut Client, device: &[u8; 16]) -> Result<(), HubError> {
    let role = device_role(device);
    admin.batch_execute(&format!("ALTER ROLE {role} NOLOGIN")).map_err(classify)
}

/// A laptop's connection to the hub.
pub struct PgHub {
    client: Client,
    centre: [u8; 16],
    device: [u8; 16],
    /// Whether the server has LISTEN/NOTIFY (CockroachDB has not: poll).
    pub notify: bool,
}

impl PgHub {
    /// Connects with this laptop's settings.
    pub fn connect(cfg: &HubConfig, centre: [u8; 16], device: [u8; 16]) -> Result<PgHub, HubError> {
        let client = connect(&cfg.url, Some(&cfg.password), &cfg.ca_pem)?;
        Ok(PgHub { client, centre, device, notify: false })
    }

    /// A connection of the hub's administrator that simulated laptops share
    /// (the load generator, `sync::load`): each call is made as one laptop
    /// after [`PgHub::act_as`].
    pub fn pooled(client: Client) -> PgHub {
        PgHub { client, centre: [0; 16], device: [0; 16], notify: false }
    }

    /// Acts as installation `device` of `centre` from now on: its own role,
    /// so that row-level security applies as it does to the laptop.
    pub fn act_as(&mut self, centre: [u8; 16], device: [u8; 16]) -> Result<(), HubError> {
        self.client.batch_execute(&format!("SET ROLE {}", device_role(&device))).map_err(classify)?;
        self.centre = centre;
        self.device = device;
        Ok(())
    }

    /// The notification channel of the centre.
    pub fn channel(&self) -> String {
        let h: String = self.centre.iter().map(|x| format!("{x:02x}")).collect();
        format!("haven_{h}")
    }

    /// Starts listening; false where the engine has no LISTEN.
    pub fn listen(&mut self) -> bool {
        let ch = self.channel();
        self.notify = self.client.batch_execute(&format!("LISTEN {ch}")).is_ok();
        self.notify
    }

    /// How the hub's operator wants laptops to look for changes. A hub
    /// without the settings table (made before it) is listened to.
    pub fn wake_policy(&mut self) -> super::wake::Wake {
        match self.client.query("SELECT name, value FROM haven_setting", &[]) {
            Ok(rows) => {
                let pairs: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
                super::wake::Wake::from_settings(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
            }
            Err(_) => super::wake::Wake::Listen,
        }
    }

    /// Ends the connection (a polling laptop between two looks).
    pub fn close(self) {
        let _ = self.client.close();
    }

    /// Waits up to `timeout` for a notification; true if one came.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool, HubError> {
        if !self.notify {
            std::thread::sleep(timeout);
            return Ok(false);
        }
        let got = {
            let mut n = self.client.notifications();
            let mut it = n.timeout_iter(timeout);
            postgres::fallible_iterator::FallibleIterator::next(&mut it).map_err(classify)?.is_some()
        };
        if got {
            // Drain what else arrived together.
            let mut n = self.client.notifications();
            let mut it = n.iter();
            while let Ok(Some(_)) = postgres::fallible_iterator::FallibleIterator::next(&mut it) {}
        }
        Ok(got)
    }

    /// Whether the connection still stands.
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// What a pull learns of the centre as a whole, in one round trip: kind 0,
/// the highest sequence per installation, by a skip scan over the envelope
/// table's primary key (two index entries per installation, however long
/// the centre's history: no `max(seq) … GROUP BY` over every row); kind 1,
/// the current checkpoint of each installation (the latest, on a hub whose
/// older ones were not yet pruned), ordered by the uuid itself so that the
/// unique index serves it; kind 2, the roster statements.
const CENTRE_SQL: &str = "WITH RECURSIVE devs(d) AS (
        (SELECT device_id FROM haven_envelope WHERE centre_id = $1::text::uuid ORDER BY device_id LIMIT 1)
        UNION ALL
        SELECT (SELECT e.device_id FROM haven_envelope e
                WHERE e.centre_id = $1::text::uuid AND e.device_id > devs.d ORDER BY e.device_id LIMIT 1)
        FROM devs WHERE devs.d IS NOT NULL)
    SELECT 0, d::text, (SELECT e.seq FROM haven_envelope e
                        WHERE e.centre_id = $1::text::uuid AND e.device_id = devs.d ORDER BY e.seq DESC LIMIT 1),
           NULL::bytea
    FROM devs WHERE d IS NOT NULL
    UNION ALL
    (SELECT DISTINCT ON (c.device_id) 1, c.device_id::text, c.seq, c.body FROM haven_checkpoint c
     WHERE c.centre_id = $1::text::uuid ORDER BY c.device_id, c.seq DESC)
    UNION ALL
    (SELECT 2, NULL, NULL, r.body FROM haven_roster r WHERE r.centre_id = $1::text::uuid ORDER BY r.id)";

/// The rows after each installation's cursor, in one statement: an index
/// range scan per installation, stopping at the page's limit. The ids
/// travel as text and are cast once, as a whole array: a cast per row
/// (`text::uuid` is not leakproof) would keep the condition above the
/// row-level security filter and turn the index scan into a scan of the
/// whole table.
const ROWS_SQL: &str = "SELECT c.dev::text, e.seq, e.hlc, e.key_id, e.prev_hash, e.body
    FROM unnest($2::text[]::uuid[], $3::bigint[]) WITH ORDINALITY AS c(dev, after, n)
    CROSS JOIN LATERAL (SELECT seq, hlc, key_id, prev_hash, body FROM haven_envelope
        WHERE centre_id = $1::text::uuid AND device_id = c.dev AND seq > c.after
        ORDER BY seq LIMIT $4) e
    ORDER BY c.n, e.seq LIMIT $4";

/// A page of envelopes in one statement: arrays, one row each.
const PUSH_SQL: &str = "INSERT INTO haven_envelope (centre_id, device_id, seq, hlc, key_id, prev_hash, body)
    SELECT $1::text::uuid, d::uuid, s, h, k, p, b
    FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bytea[], $7::bytea[]) AS t(d, s, h, k, p, b)
    ON CONFLICT (centre_id, device_id, seq) DO NOTHING
    RETURNING device_id::text, seq";

/// The current checkpoint replaced in place, never by an older one.
const CHECKPOINT_SQL: &str = "INSERT INTO haven_checkpoint (centre_id, device_id, seq, body)
    VALUES ($1::text::uuid, $2::text::uuid, $3, $4)
    ON CONFLICT (centre_id, device_id) DO UPDATE SET seq = excluded.seq, body = excluded.body, received_at = now()
    WHERE haven_checkpoint.seq < excluded.seq";

impl PgHub {
    /// Sends a page of envelopes in one statement; returns the rows the hub
    /// already held under the same numbers with other bytes.
    fn push_rows(&mut self, centre: &str, rows: &[Row]) -> Result<Vec<Clash>, HubError> {
        let devs: Vec<String> = rows.iter().map(|r| uuid(&r.device)).collect();
        let seqs = rows
            .iter()
            .map(|r| i64::try_from(r.seq).map_err(|_| HubError::Local("sequence".into())))
            .collect::<Result<Vec<i64>, HubError>>()?;
        let hlcs: Vec<i64> = rows.iter().map(|r| r.hlc_ms).collect();
        let keys: Vec<i64> = rows.iter().map(|r| i64::from(r.key_id)).collect();
        let prevs: Vec<&[u8]> = rows.iter().map(|r| r.prev_hash.as_slice()).collect();
        let bodies: Vec<&[u8]> = rows.iter().map(|r| r.body.as_slice()).collect();
        let inserted = self
            .client
            .query_typed(
                PUSH_SQL,
                &[
                    (&centre, Type::TEXT),
                    (&devs, Type::TEXT_ARRAY),
                    (&seqs, Type::INT8_ARRAY),
                    (&hlcs, Type::INT8_ARRAY),
                    (&keys, Type::INT8_ARRAY),
                    (&prevs, Type::BYTEA_ARRAY),
                    (&bodies, Type::BYTEA_ARRAY),
                ],
            )
            .map_err(classify)?;
        let inserted: std::collections::BTreeSet<(String, i64)> =
            inserted.into_iter().map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1))).collect();
        // The rows the hub already held: the same bytes are a repetition,
        // other bytes a clash the caller looks into.
        let (mut held_devs, mut held_seqs) = (Vec::new(), Vec::new());
        for (d, s) in devs.iter().zip(&seqs) {
            if !inserted.contains(&(d.clone(), *s)) {
                held_devs.push(d.clone());
                held_seqs.push(*s);
            }
        }
        let mut clashes = Vec::new();
        if held_seqs.is_empty() {
            return Ok(clashes);
        }
        let held = self
            .client
            .query_typed(
                "SELECT h.device_id::text, h.seq, h.body FROM haven_envelope h
                 JOIN unnest($2::text[]::uuid[], $3::bigint[]) AS t(d, s)
                   ON h.centre_id = $1::text::uuid AND h.device_id = t.d AND h.seq = t.s",
                &[(&centre, Type::TEXT), (&held_devs, Type::TEXT_ARRAY), (&held_seqs, Type::INT8_ARRAY)],
            )
            .map_err(classify)?;
        let held: BTreeMap<(String, i64), Vec<u8>> =
            held.into_iter().map(|r| ((r.get(0), r.get(1)), r.get(2))).collect();
        for (r, (d, s)) in rows.iter().zip(devs.iter().zip(&seqs)) {
            if let Some(body) = held.get(&(d.clone(), *s))
                && *body != r.body
            {
                clashes.push(Clash { seq: r.seq, held: body.clone() });
            }
        }
        Ok(clashes)
    }
}

impl Hub for PgHub {
    /// One statement per kind of thing sent, each in one round trip
    /// (`query_typed`: no separate prepare); every statement inserts only
    /// what is absent, so a push cut short is simply sent again.
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError> {
        let centre = uuid(&self.centre);
        let me = uuid(&self.device);
        let mut clashes = Vec::new();
        for page in push.rows.chunks(PAGE) {
            clashes.extend(self.push_rows(&centre, page)?);
        }
        if !push.statements.is_empty() {
            let ids: Vec<String> = push.statements.iter().map(|(id, _)| uuid(id)).collect();
            let bodies: Vec<&[u8]> = push.statements.iter().map(|(_, b)| b.as_slice()).collect();
            self.client
                .query_typed(
                    "INSERT INTO haven_roster (centre_id, id, device_id, body)
                     SELECT $1::text::uuid, i::uuid, $2::text::uuid, b FROM unnest($3::text[], $4::bytea[]) AS t(i, b)
                     ON CONFLICT (centre_id, id) DO NOTHING",
                    &[(&centre, Type::TEXT), (&me, Type::TEXT), (&ids, Type::TEXT_ARRAY), (&bodies, Type::BYTEA_ARRAY)],
                )
                .map_err(classify)?;
        }
        if let Some((n, body)) = &push.checkpoint {
            let n = i64::try_from(*n).map_err(|_| HubError::Local("checkpoint".into()))?;
            let params: [(&(dyn postgres::types::ToSql + Sync), Type); 4] =
                [(&centre, Type::TEXT), (&me, Type::TEXT), (&n, Type::INT8), (body, Type::BYTEA)];
            match self.client.query_typed(CHECKPOINT_SQL, &params) {
                Ok(_) => {}
                // A hub whose schema predates the current checkpoint (no
                // unique key yet, until the operator runs `hub provision` there): add it as before.
                Err(e) if e.code() == Some(&SqlState::INVALID_COLUMN_REFERENCE) => {
                    self.client
                        .query_typed(
                            "INSERT INTO haven_checkpoint (centre_id, device_id, seq, body)
                             VALUES ($1::text::uuid, $2::text::uuid, $3, $4)
                             ON CONFLICT (centre_id, device_id, seq) DO NOTHING",
                            &params,
                        )
                        .map_err(classify)?;
                }
                Err(e) => return Err(classify(e)),
            }
        }
        if self.notify && !push.rows.is_empty() {
            let _ = self.client.batch_execute(&format!("NOTIFY {}", self.channel()));
        }
        Ok(clashes)
    }

    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError> {
        let centre = uuid(&self.centre);
        let mut out = Pulled::default();
        for row in self.client.query_typed(CENTRE_SQL, &[(&centre, Type::TEXT)]).map_err(classify)? {
            let kind: i32 = row.get(0);
            let dev: Option<String> = row.get(1);
            let seq: Option<i64> = row.get(2);
            let device = dev.as_deref().and_then(from_uuid);
            match (kind, device, seq) {
                (0, Some(d), Some(max)) => {
                    out.heads.insert(d, u64::try_from(max).unwrap_or(0));
                }
                (1, Some(d), Some(seq)) => {
                    out.checkpoints.push((d, u64::try_from(seq).unwrap_or(0), row.get(3)));
                }
                (2, _, _) => out.statements.push(row.get(3)),
                _ => {}
            }
        }
        // One cursor per installation that holds more than this laptop has.
        let (mut devs, mut froms, mut left) = (Vec::new(), Vec::new(), 0u64);
        for (dev, max) in &out.heads {
            let from = after.get(dev).copied().unwrap_or(0);
            if *max > from {
                devs.push(uuid(dev));
                froms.push(i64::try_from(from).unwrap_or(i64::MAX));
                left += max - from;
            }
        }
        if !devs.is_empty() {
            let lim = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = self
                .client
                .query_typed(
                    ROWS_SQL,
                    &[(&centre, Type::TEXT), (&devs, Type::TEXT_ARRAY), (&froms, Type::INT8_ARRAY), (&lim, Type::INT8)],
                )
                .map_err(classify)?;
            out.more = (rows.len() as u64) < left && rows.len() >= limit;
            for r in rows {
                let dev: String = r.get(0);
                let seq: i64 = r.get(1);
                let key_id: i64 = r.get(3);
                let Some(device) = from_uuid(&dev) else { continue };
                out.rows.push(Row {
                    device,
                    seq: u64::try_from(seq).unwrap_or(0),
                    hlc_ms: r.get(2),
                    key_id: i16::try_from(key_id).unwrap_or(0),
                    prev_hash: r.get(4),
                    body: r.get(5),
                });
            }
        }
        Ok(out)
    }

    fn own_digests(&mut self, after: u64, limit: usize) -> Result<super::hub::Digests, HubError> {
        let rows = self
            .client
            .query_typed(
                "SELECT seq, sha256(body) FROM haven_envelope
                 WHERE centre_id = $1::text::uuid AND device_id = $2::text::uuid AND seq > $3 ORDER BY seq LIMIT $4",
                &[
                    (&uuid(&self.centre), Type::TEXT),
                    (&uuid(&self.device), Type::TEXT),
                    (&i64::try_from(after).unwrap_or(i64::MAX), Type::INT8),
                    (&i64::try_from(limit).unwrap_or(i64::MAX), Type::INT8),
                ],
            )
            .map_err(classify)?;
        Ok(Some(
            rows.into_iter()
                .filter_map(|r| {
                    let seq: i64 = r.get(0);
                    let d: Vec<u8> = r.get(1);
                    Some((u64::try_from(seq).ok()?, <[u8; 32]>::try_from(d.as_slice()).ok()?))
                })
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_verify_full_is_accepted() {
        assert_eq!(strip_sslmode("postgres://h/db").unwrap(), "postgres://h/db");
        assert_eq!(strip_sslmode("postgres://h/db?sslmode=verify-full").unwrap(), "postgres://h/db");
        assert_eq!(strip_sslmode("postgres://h/db?sslmode=verify-full&user=x").unwrap(), "postgres://h/db?user=x");
        assert!(strip_sslmode("postgres://h/db?sslmode=require").is_err());
        assert!(strip_sslmode("postgres://h/db?sslmode=disable").is_err());
    }

    #[test]
    fn uuids_round_trip() {
        let id = [0xab; 16];
        assert_eq!(from_uuid(&uuid(&id)), Some(id));
        assert_eq!(device_role(&[1; 16]).len(), 8 + 32);
    }
}
