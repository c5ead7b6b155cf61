//! The hub's operator provisions a centre once; from then on the centre's
//! manager enrols laptops with a credential that acts for that centre only.
//!
//! `haven hub provision --centre ID` (the operator's credential) creates the
//! schema, the operator's functions and the centre's enrolment role
//! `haven_c_<centre>` (member of `haven_hub_enroller`, no right on any
//! table). The functions below are `SECURITY DEFINER`, owned by the
//! operator: each first asks [`ACTING_CENTRE`] whether the caller is the
//! enrolment role of the centre it names (or the operator), so a centre's
//! credential cannot create, alter or disable another centre's roles, nor
//! read any row. A laptop then holds only its own device role's password,
//! which reaches PostgreSQL only as a SCRAM verifier made on the laptop.

use postgres::Client;

use super::hub::HubError;
use super::pg::{self, classify, uuid};

/// The group of every centre's enrolment role.
pub const ENROL_GROUP: &str = "haven_hub_enroller";
/// Marker of the functions' version (they are replaced when it changes).
const VERSION: &str = "haven-fn-v2";

/// The enrolment role of a centre.
pub fn centre_role(centre: &[u8; 16]) -> String {
    let h: String = centre.iter().map(|x| format!("{x:02x}")).collect();
    format!("haven_c_{h}")
}

/// Which centre the caller may act for: its own (as that centre's enrolment
/// role) or any provisioned one (as the operator who owns the functions).
const ACTING_CENTRE: &str = "CREATE OR REPLACE FUNCTION haven_acting_centre(p_centre uuid) RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
BEGIN -- @VERSION@
  IF NOT EXISTS (SELECT 1 FROM haven_centre WHERE centre_id = p_centre) THEN
    RAISE EXCEPTION 'haven: centre % is not provisioned at this hub', p_centre USING ERRCODE = '42704';
  END IF;
  IF EXISTS (SELECT 1 FROM haven_centre WHERE centre_id = p_centre AND enrol_role = session_user)
     OR pg_has_role(session_user, current_user, 'USAGE') THEN
    RETURN p_centre;
  END IF;
  RAISE EXCEPTION 'haven: % may not act for this centre', session_user USING ERRCODE = '42501';
END $f$";

/// Enrols an installation: its login role (from a SCRAM verifier only) and
/// its row. An installation already enrolled is refused unless `p_replace`
/// (this very laptop lost its credential), and then only with the same key.
const ENROL: &str = "CREATE OR REPLACE FUNCTION haven_enrol(p_centre uuid, p_device uuid, p_pubkey bytea,
    p_verifier text, p_replace boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
DECLARE
  c uuid := haven_acting_centre(p_centre);
  r text := 'haven_d_' || replace(p_device::text, '-', '');
  held bytea;
BEGIN -- @VERSION@
  IF p_verifier !~ '^SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'haven: only a SCRAM-SHA-256 verifier is accepted' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM haven_device WHERE device_id = p_device AND centre_id <> c) THEN
    RAISE EXCEPTION 'haven: this installation belongs to another centre' USING ERRCODE = '42501';
  END IF;
  SELECT d.pubkey INTO held FROM haven_device d WHERE d.centre_id = c AND d.device_id = p_device;
  IF held IS NULL THEN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      RAISE EXCEPTION 'haven: role % exists outside the register', r USING ERRCODE = '42501';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE haven_hub_device', r, p_verifier);
    INSERT INTO haven_device (centre_id, device_id, db_role, pubkey) VALUES (c, p_device, r, p_pubkey);
  ELSIF NOT p_replace THEN
    RAISE EXCEPTION 'haven: this installation is already enrolled at the hub' USING ERRCODE = '42710';
  ELSIF held <> p_pubkey THEN
    RAISE EXCEPTION 'haven: this installation was enrolled with another key' USING ERRCODE = '42501';
  ELSE
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', r, p_verifier);
  END IF;
  RETURN r;
END $f$";

/// Stops an installation of the caller's centre from logging in.
const DISABLE: &str = "CREATE OR REPLACE FUNCTION haven_disable(p_centre uuid, p_device uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
DECLARE
  c uuid := haven_acting_centre(p_centre);
  r text;
BEGIN -- @VERSION@
  SELECT d.db_role INTO r FROM haven_device d WHERE d.centre_id = c AND d.device_id = p_device;
  IF r IS NULL THEN
    RAISE EXCEPTION 'haven: no such installation in this centre' USING ERRCODE = '42704';
  END IF;
  EXECUTE format('ALTER ROLE %I NOLOGIN', r);
END $f$";

/// Drops an installation's envelopes up to `p_upto`, always keeping its
/// last one (the head every laptop compares against).
const RETAIN: &str =
    "CREATE OR REPLACE FUNCTION haven_retain(p_centre uuid, p_device uuid, p_upto bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
DECLARE
  c uuid := haven_acting_centre(p_centre);
  top bigint;
  n bigint;
BEGIN -- @VERSION@
  SELECT max(e.seq) INTO top FROM haven_envelope e WHERE e.centre_id = c AND e.device_id = p_device;
  DELETE FROM haven_envelope e WHERE e.centre_id = c AND e.device_id = p_device AND e.seq <= LEAST(p_upto, top - 1);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $f$";

/// Replaces the bodies of an erased case's rows with their emptied form
/// (made and sealed by the laptop) and tags them with the case's opaque tag.
const ERASE: &str = "CREATE OR REPLACE FUNCTION haven_erase(p_centre uuid, p_tag bytea, p_devices uuid[],
    p_seqs bigint[], p_bodies bytea[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
DECLARE
  c uuid := haven_acting_centre(p_centre);
  n bigint;
BEGIN -- @VERSION@
  UPDATE haven_envelope e SET body = x.b, case_tag = p_tag
    FROM unnest(p_devices, p_seqs, p_bodies) AS x(d, s, b)
   WHERE e.centre_id = c AND e.device_id = x.d AND e.seq = x.s;
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO haven_erasure (centre_id, case_tag, rows) VALUES (c, p_tag, n)
    ON CONFLICT (centre_id, case_tag) DO UPDATE SET rows = haven_erasure.rows + EXCLUDED.rows, erased_at = now();
  RETURN n;
END $f$";

/// The installations of the caller's centre enrolled at the hub and not
/// disabled (retention waits for a checkpoint from each).
const ENROLLED: &str = "CREATE OR REPLACE FUNCTION haven_enrolled(p_centre uuid) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $f$
DECLARE
  c uuid := haven_acting_centre(p_centre);
BEGIN -- @VERSION@
  RETURN QUERY SELECT d.device_id FROM haven_device d JOIN pg_roles r ON r.rolname = d.db_role
    WHERE d.centre_id = c AND r.rolcanlogin;
END $f$";

/// The functions and who may call them.
const FUNCTIONS: [(&str, &str); 6] = [
    ("haven_acting_centre(uuid)", ACTING_CENTRE),
    ("haven_enrol(uuid, uuid, bytea, text, boolean)", ENROL),
    ("haven_disable(uuid, uuid)", DISABLE),
    ("haven_retain(uuid, uuid, bigint)", RETAIN),
    ("haven_erase(uuid, bytea, uuid[], bigint[], bytea[])", ERASE),
    ("haven_enrolled(uuid)", ENROLLED),
];

/// Installs (or updates) the operator's functions: run by `init_schema`.
pub fn install(admin: &mut Client) -> Result<(), HubError> {
    pg::ensure_role(admin, ENROL_GROUP, None, false)?;
    let names: Vec<String> =
        FUNCTIONS.iter().map(|(sig, _)| sig.split('(').next().unwrap_or_default().to_string()).collect();
    let current: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_proc WHERE proname = ANY($1) AND prosrc LIKE '%' || $2 || '%'",
            &[&names, &VERSION],
        )
        .map_err(classify)?
        .get(0);
    if current == FUNCTIONS.len() as i64 {
        return Ok(());
    }
    let schema: String = admin.query_one("SELECT current_schema()", &[]).map_err(classify)?.get(0);
    if !schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(HubError::Other("the hub's schema name is not a plain name".into()));
    }
    for (sig, sql) in FUNCTIONS {
        admin.batch_execute(&sql.replace("@SCHEMA@", &schema).replace("@VERSION@", VERSION)).map_err(classify)?;
        admin.batch_execute(&format!("REVOKE ALL ON FUNCTION {sig} FROM PUBLIC")).map_err(classify)?;
        if sig != "haven_acting_centre(uuid)" {
            admin.batch_execute(&format!("GRANT EXECUTE ON FUNCTION {sig} TO {ENROL_GROUP}")).map_err(classify)?;
        }
    }
    Ok(())
}

/// Whether the connected role is the hub's operator (may create roles).
pub fn is_operator(client: &mut Client) -> Result<bool, HubError> {
    let row = client
        .query_one("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", &[])
        .map_err(classify)?;
    Ok(row.get(0))
}

/// Provisions `centre` (as the operator): the schema, the functions and the
/// centre's enrolment role. With a verifier the role may log in (a new
/// verifier replaces the old one: the operator rotates the credential);
/// without, it exists as NOLOGIN. Returns the role's name.
pub fn provision(admin: &mut Client, centre: &[u8; 16], verifier: Option<&str>) -> Result<String, HubError> {
    pg::init_schema(admin)?;
    let role = centre_role(centre);
    let mut last = None;
    for attempt in 0..5u64 {
        match provision_once(admin, centre, &role, verifier) {
            Ok(()) => return Ok(role),
            Err(e) => last = Some(e),
        }
        std::thread::sleep(std::time::Duration::from_millis(50 * (attempt + 1)));
    }
    Err(last.unwrap_or(HubError::Other("provision".into())))
}

fn provision_once(admin: &mut Client, centre: &[u8; 16], role: &str, verifier: Option<&str>) -> Result<(), HubError> {
    let scram = |s: &str| {
        s.starts_with("SCRAM-SHA-256$") && s.chars().all(|c| c.is_ascii_alphanumeric() || "$:+/=-".contains(c))
    };
    if verifier.is_some_and(|v| !scram(v)) {
        return Err(HubError::Other("not a SCRAM verifier".into()));
    }
    let exists = !admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role]).map_err(classify)?.is_empty();
    let sql = match (exists, verifier) {
        (false, Some(v)) => format!("CREATE ROLE {role} LOGIN PASSWORD '{v}' IN ROLE {ENROL_GROUP}"),
        (true, Some(v)) => format!("ALTER ROLE {role} LOGIN PASSWORD '{v}'"),
        (false, None) => format!("CREATE ROLE {role} NOLOGIN IN ROLE {ENROL_GROUP}"),
        (true, None) => String::new(),
    };
    if !sql.is_empty() {
        admin.batch_execute(&sql).map_err(classify)?;
    }
    admin
        .execute(
            "INSERT INTO haven_centre (centre_id, enrol_role) VALUES ($1::text::uuid, $2) ON CONFLICT (centre_id) DO NOTHING",
            &[&uuid(centre), &role],
        )
        .map_err(classify)?;
    Ok(())
}

/// Why an enrolment was refused.
#[derive(Debug, thiserror::Error)]
pub enum EnrolError {
    /// This installation already has a credential at the hub.
    #[error(
        "this installation already has its credential at the hub; a laptop restored from another's backup \
         first gets its own identity with `haven device enrol --name NAME`, then runs `haven hub init` again \
         (the other laptop keeps its credential). Only if this very laptop lost its hub settings, run \
         `haven hub init --replace`."
    )]
    AlreadyEnrolled,
    /// The hub.
    #[error(transparent)]
    Hub(#[from] HubError),
}

/// Enrols `device` of `centre` with the role the client is connected as
/// (the centre's enrolment role, or the operator). Returns the device role.
pub fn enrol(
    client: &mut Client,
    centre: &[u8; 16],
    device: &[u8; 16],
    public: &[u8; 32],
    verifier: &str,
    replace: bool,
) -> Result<String, EnrolError> {
    let row = client.query_one(
        "SELECT haven_enrol($1::text::uuid, $2::text::uuid, $3, $4, $5)",
        &[&uuid(centre), &uuid(device), &public.as_slice(), &verifier, &replace],
    );
    match row {
        Ok(r) => Ok(r.get(0)),
        Err(e) if e.code() == Some(&postgres::error::SqlState::DUPLICATE_OBJECT) => Err(EnrolError::AlreadyEnrolled),
        Err(e) => Err(EnrolError::Hub(classify(e))),
    }
}

/// The installations of `centre` enrolled at the hub that may log in.
pub fn enrolled(client: &mut Client, centre: &[u8; 16]) -> Result<Vec<[u8; 16]>, HubError> {
    let rows =
        client.query("SELECT d::text FROM haven_enrolled($1::text::uuid) d", &[&uuid(centre)]).map_err(classify)?;
    Ok(rows.iter().filter_map(|r| pg::parse_uuid(r.get::<_, &str>(0))).collect())
}

/// Stops `device`'s role of `centre` from logging in (a centre's manager).
pub fn disable(client: &mut Client, centre: &[u8; 16], device: &[u8; 16]) -> Result<(), HubError> {
    client
        .execute("SELECT haven_disable($1::text::uuid, $2::text::uuid)", &[&uuid(centre), &uuid(device)])
        .map_err(classify)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_centre_role_is_named_by_its_centre_and_fits_postgres() {
        let r = centre_role(&[0xab; 16]);
        assert!(r.starts_with("haven_c_abab"));
        assert!(r.len() <= 63);
    }

    #[test]
    fn every_function_carries_the_version_and_a_fixed_search_path() {
        for (_, sql) in FUNCTIONS {
            assert!(sql.contains("@VERSION@") && sql.contains("SET search_path = @SCHEMA@, pg_temp"));
            assert!(sql.contains("SECURITY DEFINER"));
        }
    }
}
