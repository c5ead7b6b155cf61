//! The hub on PostgreSQL (or CockroachDB, YugabyteDB, Citus): opaque rows
//! keyed by (centre, installation, sequence), row-level security per centre
//! and per installation, SELECT and INSERT only. TLS is mandatory and
//! verified against the centre's own CA, host name included (verify-full).

use std::collections::BTreeMap;
use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};
use serde::{Deserialize, Serialize};

use super::hub::{Clash, Hub, HubError, Pulled, Push, Row};

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
];

/// Append-only by privilege: the laptops' group may read and insert, never
/// update, delete or truncate.
pub const GRANTS: &[&str] = &[
    "GRANT SELECT ON haven_device TO haven_hub_device",
    "GRANT SELECT, INSERT ON haven_envelope, haven_checkpoint, haven_roster TO haven_hub_device",
];

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

/// Names a PostgreSQL failure for people.
pub fn classify(e: postgres::Error) -> HubError {
    if let Some(code) = e.code() {
        return match *code {
            SqlState::T_R_SERIALIZATION_FAILURE => HubError::Retry,
            SqlState::INVALID_PASSWORD
            | SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            | SqlState::INSUFFICIENT_PRIVILEGE => HubError::Refused(e.to_string()),
            _ => HubError::Other(e.to_string()),
        };
    }
    let mut chain = String::new();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(err) = cur {
        if is_tls_error(err) {
            return HubError::Certificate(err.to_string());
        }
        chain.push_str(&err.to_string());
        chain.push(' ');
        cur = err.source();
    }
    let lower = chain.to_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("ssl") {
        HubError::Certificate(chain.trim().to_string())
    } else if e.is_closed() || lower.contains("connect") || lower.contains("timed out") || lower.contains("refused") {
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

impl Hub for PgHub {
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError> {
        let centre = uuid(&self.centre);
        let me = uuid(&self.device);
        let mut tx = self.client.transaction().map_err(classify)?;
        let insert = tx
            .prepare(
                "INSERT INTO haven_envelope (centre_id, device_id, seq, hlc, key_id, prev_hash, body)
                 VALUES ($1::text::uuid, $2::text::uuid, $3, $4, $5, $6, $7)
                 ON CONFLICT (centre_id, device_id, seq) DO NOTHING",
            )
            .map_err(classify)?;
        let mut clashes = Vec::new();
        for r in &push.rows {
            let dev = uuid(&r.device);
            let seq = i64::try_from(r.seq).map_err(|_| HubError::Other("sequence".into()))?;
            let n = tx
                .execute(&insert, &[&centre, &dev, &seq, &r.hlc_ms, &i64::from(r.key_id), &r.prev_hash, &r.body])
                .map_err(classify)?;
            if n == 0 {
                let held = tx
                    .query_opt(
                        "SELECT body FROM haven_envelope WHERE centre_id = $1::text::uuid AND device_id = $2::text::uuid AND seq = $3",
                        &[&centre, &dev, &seq],
                    )
                    .map_err(classify)?;
                if let Some(row) = held {
                    let body: Vec<u8> = row.get(0);
                    if body != r.body {
                        clashes.push(Clash { seq: r.seq, held: body });
                    }
                }
            }
        }
        for (id, body) in &push.statements {
            tx.execute(
                "INSERT INTO haven_roster (centre_id, id, device_id, body) VALUES ($1::text::uuid, $2::text::uuid, $3::text::uuid, $4)
                 ON CONFLICT (centre_id, id) DO NOTHING",
                &[&centre, &uuid(id), &me, body],
            )
            .map_err(classify)?;
        }
        if let Some((n, body)) = &push.checkpoint {
            let n = i64::try_from(*n).map_err(|_| HubError::Other("checkpoint".into()))?;
            tx.execute(
                "INSERT INTO haven_checkpoint (centre_id, device_id, seq, body) VALUES ($1::text::uuid, $2::text::uuid, $3, $4)
                 ON CONFLICT (centre_id, device_id, seq) DO NOTHING",
                &[&centre, &me, &n, body],
            )
            .map_err(classify)?;
        }
        tx.commit().map_err(classify)?;
        if self.notify && !push.rows.is_empty() {
            let _ = self.client.batch_execute(&format!("NOTIFY {}", self.channel()));
        }
        Ok(clashes)
    }

    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError> {
        let centre = uuid(&self.centre);
        let mut out = Pulled::default();
        let heads = self
            .client
            .query(
                "SELECT device_id::text, max(seq) FROM haven_envelope WHERE centre_id = $1::text::uuid GROUP BY device_id",
                &[&centre],
            )
            .map_err(classify)?;
        for row in heads {
            let dev: String = row.get(0);
            let max: i64 = row.get(1);
            if let Some(d) = from_uuid(&dev) {
                out.heads.insert(d, u64::try_from(max).unwrap_or(0));
            }
        }
        let lim = i64::try_from(limit).unwrap_or(i64::MAX);
        for (dev, max) in out.heads.clone() {
            let from = after.get(&dev).copied().unwrap_or(0);
            if max <= from {
                continue;
            }
            let left = lim - out.rows.len() as i64;
            if left <= 0 {
                out.more = true;
                break;
            }
            let rows = self
                .client
                .query(
                    "SELECT seq, hlc, key_id, prev_hash, body FROM haven_envelope
                     WHERE centre_id = $1::text::uuid AND device_id = $2::text::uuid AND seq > $3 ORDER BY seq LIMIT $4",
                    &[&centre, &uuid(&dev), &i64::try_from(from).unwrap_or(i64::MAX), &left],
                )
                .map_err(classify)?;
            if (rows.len() as i64) == left && max > from + rows.len() as u64 {
                out.more = true;
            }
            for r in rows {
                let seq: i64 = r.get(0);
                let key_id: i64 = r.get(2);
                out.rows.push(Row {
                    device: dev,
                    seq: u64::try_from(seq).unwrap_or(0),
                    hlc_ms: r.get(1),
                    key_id: i16::try_from(key_id).unwrap_or(0),
                    prev_hash: r.get(3),
                    body: r.get(4),
                });
            }
        }
        let cks = self
            .client
            .query(
                "SELECT DISTINCT ON (device_id) device_id::text, seq, body FROM haven_checkpoint
                 WHERE centre_id = $1::text::uuid ORDER BY device_id, seq DESC",
                &[&centre],
            )
            .map_err(classify)?;
        for r in cks {
            let dev: String = r.get(0);
            let seq: i64 = r.get(1);
            if let Some(d) = from_uuid(&dev) {
                out.checkpoints.push((d, u64::try_from(seq).unwrap_or(0), r.get(2)));
            }
        }
        let st = self
            .client
            .query("SELECT body FROM haven_roster WHERE centre_id = $1::text::uuid ORDER BY id", &[&centre])
            .map_err(classify)?;
        out.statements = st.into_iter().map(|r| r.get(0)).collect();
        Ok(out)
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
