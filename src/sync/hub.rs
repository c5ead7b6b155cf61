//! One sync with a hub: pull what the other laptops pushed (roster
//! statements, envelopes, checkpoints), verify and apply it, push this
//! laptop's own envelopes, and leave a signed checkpoint. The hub is dumb
//! and untrusted: it stores opaque rows and can only withhold, drop, reorder
//! or replay them — which the checks here notice.

use std::collections::BTreeMap;

use super::checkpoint::{Checkpoint, HeadClaim};
use super::receive::{self, Received, quarantine};
use super::state::{AlarmKind, Source, SyncState};
use super::wire::{self, Item};
use crate::store::changelog::ChangeEntry;
use crate::store::roster::{SignedStatement, Trust};
use crate::store::{Store, StoreError, codec};

/// Rows per pull and per push.
pub const PAGE: usize = 2000;

/// One envelope row as the hub stores it (docs/SYNC.md): the columns it needs
/// to order and deduplicate, and the sealed envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Installation.
    pub device: [u8; 16],
    /// Its sequence.
    pub seq: u64,
    /// Hybrid clock milliseconds (ordering hint only).
    pub hlc_ms: i64,
    /// The class byte (which key opens it; no case id).
    pub key_id: i16,
    /// Previous hash (lets a hub operator see chains without content).
    pub prev_hash: Vec<u8>,
    /// The sealed, padded, signed envelope.
    pub body: Vec<u8>,
}

/// What a laptop sends in one push.
#[derive(Debug, Clone, Default)]
pub struct Push {
    /// Its own envelopes.
    pub rows: Vec<Row>,
    /// Its new checkpoint (number, sealed bytes), if any.
    pub checkpoint: Option<(u64, Vec<u8>)>,
    /// Roster statements (id, sealed bytes).
    pub statements: Vec<([u8; 16], Vec<u8>)>,
}

/// A row the hub already held under the same key with other bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Sequence.
    pub seq: u64,
    /// The bytes the hub holds.
    pub held: Vec<u8>,
}

/// What a pull brings.
#[derive(Debug, Clone, Default)]
pub struct Pulled {
    /// Rows after the positions asked for.
    pub rows: Vec<Row>,
    /// More rows wait (pull again).
    pub more: bool,
    /// The highest sequence the hub holds per installation.
    pub heads: BTreeMap<[u8; 16], u64>,
    /// The latest checkpoint of each installation (device, number, bytes).
    pub checkpoints: Vec<([u8; 16], u64, Vec<u8>)>,
    /// Every roster statement (sealed).
    pub statements: Vec<Vec<u8>>,
}

/// Why the hub could not be used; the work goes on offline. Each kind is
/// named to people in plain words (`sync-error-*` in locales/*/sync.ftl);
/// the text it carries is the server's or the library's own, for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HubError {
    /// Not reachable (network, server down, timeout).
    #[error("hub unreachable: {0}")]
    Offline(String),
    /// Its certificate is not signed by the centre's CA, expired, or for another host.
    #[error("hub certificate refused: {0}")]
    Certificate(String),
    /// The password the hub holds for this laptop's role is another
    /// (SQLSTATE 28P01; PostgreSQL says the same of a role it does not know).
    #[error("hub refused the password of this laptop: {0}")]
    WrongPassword(String),
    /// The role exists but may not log in (disabled, or the server's access
    /// rules refuse it: SQLSTATE 28000).
    #[error("hub does not let this laptop log in: {0}")]
    LoginRefused(String),
    /// The database named in the URL does not exist (SQLSTATE 3D000).
    #[error("hub has no such database: {0}")]
    UnknownDatabase(String),
    /// The server is full or starting or stopping (SQLSTATE 53300, 57P0x).
    #[error("hub is busy or restarting: {0}")]
    Busy(String),
    /// This laptop's role lacks a right (SQLSTATE 42501) or wrote what the
    /// row-level security refuses.
    #[error("hub refused this laptop: {0}")]
    Refused(String),
    /// A transaction conflict the engine asks to retry (SQLSTATE 40001).
    #[error("hub asked to retry")]
    Retry,
    /// A step of this laptop failed before anything reached the hub.
    #[error("sync step failed: {0}")]
    Local(String),
    /// Anything else.
    #[error("hub error: {0}")]
    Other(String),
}

impl HubError {
    /// The message key naming it to people.
    pub fn key(&self) -> &'static str {
        match self {
            HubError::Offline(_) => "sync-error-offline",
            HubError::Certificate(why) => certificate_key(why),
            HubError::WrongPassword(_) => "sync-error-password",
            HubError::LoginRefused(_) => "sync-error-login",
            HubError::UnknownDatabase(_) => "sync-error-database",
            HubError::Busy(_) => "sync-error-busy",
            HubError::Refused(_) => "sync-error-refused",
            HubError::Local(_) => "sync-error-local",
            HubError::Retry | HubError::Other(_) => "sync-error-hub",
        }
    }
}

/// Which certificate problem rustls named (its error text, as
/// `pg::classify` keeps it).
fn certificate_key(why: &str) -> &'static str {
    let w = why.to_lowercase();
    if w.contains("expired") || w.contains("notvalidyet") || w.contains("not valid yet") {
        "sync-error-certificate-expired"
    } else if w.contains("notvalidforname") || w.contains("not valid for name") {
        "sync-error-certificate-name"
    } else {
        "sync-error-certificate"
    }
}

/// The SHA-256 of each own row the hub holds, by sequence (`None`: the hub
/// cannot say).
pub type Digests = Option<Vec<(u64, [u8; 32])>>;

/// Sealed roster statements by id, ready to push.
pub type SealedStatements = Vec<([u8; 16], Vec<u8>)>;

/// A hub: PostgreSQL (or a distributed engine speaking its protocol), or
/// an in-memory one in tests.
pub trait Hub {
    /// Inserts rows (never replacing one); returns the rows that clashed.
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError>;
    /// Rows with a sequence above `after` for each installation (all of an
    /// installation not named), at most `limit`, plus heads and checkpoints.
    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError>;
    /// The SHA-256 of each of this laptop's own rows the hub holds with a
    /// sequence above `after`, at most `limit`, in order: what the author
    /// checks its own history against ([`audit_own`]). `None` where the hub
    /// cannot say.
    fn own_digests(&mut self, after: u64, limit: usize) -> Result<Digests, HubError> {
        let _ = (after, limit);
        Ok(None)
    }
}

/// What one sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Changes received.
    pub received: Received,
    /// Own envelopes pushed.
    pub pushed: usize,
    /// Bytes sent and received (envelopes, checkpoints, statements).
    pub bytes_up: u64,
    /// Bytes received.
    pub bytes_down: u64,
    /// New alarms.
    pub alarms: usize,
    /// Roster statements learnt.
    pub roster: usize,
}

/// A sealed envelope as a hub row.
pub fn row_of(tk: &crate::store::crypto::Key, centre: &[u8; 16], e: &ChangeEntry) -> Row {
    Row {
        device: e.installation,
        seq: e.seq,
        hlc_ms: i64::try_from(e.hlc.ms).unwrap_or(i64::MAX),
        key_id: e.class as i16,
        prev_hash: e.prev_hash.to_vec(),
        body: wire::seal_entry(tk, centre, e),
    }
}

fn tk(store: &Store) -> Result<crate::store::crypto::Key, StoreError> {
    Ok(wire::transport_key(&store.session()?.keys.front))
}

/// Syncs once with `hub`. A hub failure is returned after the state records
/// it (offline since…); nothing local is changed by a failure.
pub fn sync(store: &mut Store, hub: &mut dyn Hub) -> Result<Report, SyncError> {
    let mut state = SyncState::load(store)?;
    let before: u64 = state.extra.alarm_counts.values().sum();
    let result = round(store, hub, &mut state);
    let now = store.now().timestamp_millis();
    match &result {
        Ok(_) => {
            state.last_sync_ms = Some(now);
            state.offline_since_ms = None;
            state.last_error = None;
            state.extra.last_error_detail = None;
        }
        Err(SyncError::Hub(e)) => note_failure(store, &mut state, e),
        // A local failure (the batch rolled back): the state stays as it was
        // on disk, in step with what was stored.
        Err(SyncError::Store(_)) => return result,
    }
    receive::save(store, &state)?;
    result.map(|mut r| {
        let after: u64 = state.extra.alarm_counts.values().sum();
        r.alarms = usize::try_from(after.saturating_sub(before)).unwrap_or(usize::MAX);
        r
    })
}

/// Records that the hub could not be used (connecting, or during a sync):
/// since when, and why in plain words and in the server's own, for
/// `haven sync --status` and the status bar.
pub fn record_failure(store: &Store, e: &HubError) -> Result<(), StoreError> {
    let mut state = SyncState::load(store)?;
    note_failure(store, &mut state, e);
    receive::save(store, &state)
}

fn note_failure(store: &Store, state: &mut SyncState, e: &HubError) {
    state.offline_since_ms.get_or_insert(store.now().timestamp_millis());
    state.last_error = Some(e.key().to_string());
    state.extra.last_error_detail = Some(e.to_string());
}

/// A sync failure: the hub (work goes on offline) or the store.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The hub.
    #[error(transparent)]
    Hub(#[from] HubError),
    /// The local store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the first page of a pull showed of the hub as a whole.
#[derive(Default)]
struct HubView {
    /// The highest sequence the hub holds per installation.
    heads: BTreeMap<[u8; 16], u64>,
    /// The latest checkpoint of each installation.
    checkpoints: Vec<([u8; 16], u64, Vec<u8>)>,
    /// The roster statements the hub already holds.
    statements: Vec<[u8; 16]>,
}

/// One sync, in its phases: pull and apply, check what the hub serves,
/// push this laptop's own changes, check the hub still holds them, and
/// leave a checkpoint.
fn round(store: &mut Store, hub: &mut dyn Hub, state: &mut SyncState) -> Result<Report, SyncError> {
    let mut report = Report::default();
    let key = tk(store)?;
    receive::retry_pending(store, state)?;
    let view = pull_all(store, hub, state, &key, &mut report)?;
    check_hub(store, state, &key, &view, &report)?;
    push_own(store, hub, state, &key, &view, &mut report)?;
    audit_own(store, hub, state, &key, &mut report)?;
    push_checkpoint(store, hub, state, &key, &mut report)?;
    Ok(report)
}

/// Pulls until the hub has nothing more after this laptop's positions; each
/// page is verified and applied before the next is asked for.
fn pull_all(
    store: &mut Store,
    hub: &mut dyn Hub,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    report: &mut Report,
) -> Result<HubView, SyncError> {
    let me = store.header().installation;
    let mut view = HubView::default();
    let mut first = true;
    loop {
        let mut after: BTreeMap<[u8; 16], u64> = state.heads.iter().map(|(k, h)| (*k, h.seq)).collect();
        after.insert(me, store.own_head()?.0);
        let pulled = retrying(|| hub.pull(&after, PAGE))?;
        report.bytes_down += pulled.rows.iter().map(|r| r.body.len() as u64).sum::<u64>();
        if first {
            first = false;
            view.heads = pulled.heads.clone();
            view.checkpoints = pulled.checkpoints.clone();
            report.bytes_down += pulled.statements.iter().map(|s| s.len() as u64).sum::<u64>();
            view.statements = learn_statements(store, state, key, &pulled.statements, report)?;
        }
        let entries = open_rows(store, state, key, &pulled.rows)?;
        let got = entries.len();
        let r = receive::receive(store, state, entries, Source::Hub)?;
        report.received.add(r);
        // Stop when the hub has no more, or nothing moved (a gap it will not fill).
        if !pulled.more || (got == 0 && pulled.rows.is_empty()) || r.accepted == 0 {
            break;
        }
    }
    Ok(view)
}

/// Opens and verifies the roster statements the hub serves, adds the new
/// ones; returns the ids of those it holds.
fn learn_statements(
    store: &mut Store,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    raw: &[Vec<u8>],
    report: &mut Report,
) -> Result<Vec<[u8; 16]>, SyncError> {
    let centre = store.header().centre_id;
    let mut on_hub = Vec::new();
    let mut statements = Vec::new();
    for raw in raw {
        match wire::open(key, &centre, Item::Statement, &[], raw)
            .ok()
            .and_then(|p| codec::from_bytes::<SignedStatement>(&p, "roster").ok())
        {
            Some(s) => {
                on_hub.push(s.id());
                statements.push(s);
            }
            None => quarantine(store, state, AlarmKind::BadCheckpoint, [0; 16], 0, Source::Hub, raw),
        }
    }
    let roster = store.roster()?;
    for s in &statements {
        if !s.valid(&centre, &roster.anchor) {
            quarantine(store, state, AlarmKind::BadCheckpoint, [0; 16], 0, Source::Hub, &codec::to_bytes(s)?);
        }
    }
    report.roster += store.add_statements(&statements, "sync")?;
    Ok(on_hub)
}

/// Opens the envelopes of a page; what does not open, or names another
/// place than its row, is set aside with an alarm.
fn open_rows(
    store: &Store,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    rows: &[Row],
) -> Result<Vec<ChangeEntry>, SyncError> {
    let centre = store.header().centre_id;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        match wire::open_entry(key, &centre, &row.body) {
            Ok(e) if e.installation == row.device && e.seq == row.seq => entries.push(e),
            Ok(e) => quarantine(
                store,
                state,
                AlarmKind::HubMismatch,
                row.device,
                row.seq,
                Source::Hub,
                &codec::to_bytes(&e)?,
            ),
            Err(wire::WireError::Malformed) => {
                quarantine(store, state, AlarmKind::Malformed, row.device, row.seq, Source::Hub, &row.body)
            }
            Err(wire::WireError::Altered) => {
                quarantine(store, state, AlarmKind::Tampered, row.device, row.seq, Source::Hub, &row.body)
            }
        }
    }
    Ok(entries)
}

/// The hub must not show less than it did (rows dropped or rolled back),
/// nor keep back what it holds, nor serve what the checkpoints deny.
fn check_hub(
    store: &Store,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    view: &HubView,
    report: &Report,
) -> Result<(), SyncError> {
    let me = store.header().installation;
    let now = store.now().timestamp_millis();
    for (dev, seen) in state.hub_seen.clone() {
        let has = view.heads.get(&dev).copied().unwrap_or(0);
        if has < seen {
            state.alarm(now, AlarmKind::Rollback, dev, has + 1, Source::Hub);
        }
    }
    for (dev, has) in &view.heads {
        let e = state.hub_seen.entry(*dev).or_insert(0);
        *e = (*e).max(*has);
    }
    // Envelopes the hub holds but would not give (a gap it keeps).
    for (dev, has) in &view.heads {
        if *dev != me && *has > state.head(dev).seq && report.received.waiting == 0 && report.received.rejected == 0 {
            let next = state.head(dev).seq + 1;
            if store.roster()?.trust(dev, next) != Trust::Unknown {
                state.alarm(now, AlarmKind::Withheld, *dev, next, Source::Hub);
            }
        }
    }
    check_checkpoints(store, state, key, &view.checkpoints, &view.heads)?;
    Ok(())
}

/// Seals the roster statements the hub lacks. `encode` is the codec (a
/// parameter so that a failing encoder can be tested): a statement that
/// does not encode stops the sync instead of sealing an empty one.
fn seal_statements(
    key: &crate::store::crypto::Key,
    centre: &[u8; 16],
    statements: &[SignedStatement],
    encode: &dyn Fn(&SignedStatement) -> Result<Vec<u8>, StoreError>,
) -> Result<SealedStatements, StoreError> {
    statements.iter().map(|s| Ok((s.id(), wire::seal(key, centre, Item::Statement, &[], &encode(s)?)))).collect()
}

/// Pushes this laptop's own envelopes from where the hub's copy ends, a
/// page of rows per round trip, and the roster statements the hub lacks.
fn push_own(
    store: &mut Store,
    hub: &mut dyn Hub,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    view: &HubView,
    report: &mut Report,
) -> Result<(), SyncError> {
    let centre = store.header().centre_id;
    let me = store.header().installation;
    let (my_head, _) = store.own_head()?;
    // From what this laptop itself pushed, not from what the hub holds under
    // its identity: a copy of this laptop (restored from a backup) may have
    // pushed other changes with the same numbers, which the clash reveals.
    let mut from = view.heads.get(&me).copied().unwrap_or(0).min(state.own_pushed) + 1;
    let roster = store.roster()?;
    let missing: Vec<SignedStatement> =
        roster.statements.iter().filter(|s| !view.statements.contains(&s.id())).cloned().collect();
    let mut statements = seal_statements(key, &centre, &missing, &|s| codec::to_bytes(s))?;
    while from <= my_head || !statements.is_empty() {
        let entries = store.own_entries(from, PAGE)?;
        let statements_now = std::mem::take(&mut statements);
        send_rows(store, hub, state, key, &entries, statements_now, report)?;
        match entries.last() {
            Some(last) => {
                from = last.seq + 1;
                state.own_pushed = state.own_pushed.max(last.seq);
            }
            None => break,
        }
    }
    state.hub_seen.insert(me, my_head.max(state.hub_seen.get(&me).copied().unwrap_or(0)));
    Ok(())
}

/// Sends one batch of own envelopes (and statements) and looks at every
/// row the hub already held under the same number with other bytes.
fn send_rows(
    store: &Store,
    hub: &mut dyn Hub,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    entries: &[ChangeEntry],
    statements: Vec<([u8; 16], Vec<u8>)>,
    report: &mut Report,
) -> Result<(), SyncError> {
    let centre = store.header().centre_id;
    let me = store.header().installation;
    let rows: Vec<Row> = entries.iter().map(|e| row_of(key, &centre, e)).collect();
    let push = Push { rows, checkpoint: None, statements };
    report.bytes_up += push.rows.iter().map(|r| r.body.len() as u64).sum::<u64>();
    report.bytes_up += push.statements.iter().map(|s| s.1.len() as u64).sum::<u64>();
    let clashes = retrying(|| hub.push(&push))?;
    for c in clashes {
        // Same installation and sequence, other bytes: unless it is the
        // same change with its body erased, another laptop uses this
        // laptop's identity (restored from a backup, or cloned) — or, when
        // what the hub holds does not even open, the hub altered it.
        let theirs = wire::open_entry(key, &centre, &c.held).ok();
        let ours = store.held_entry(&me, c.seq)?;
        let same = matches!((&theirs, &ours), (Some(t), Some(o)) if t.hash() == o.hash());
        if theirs.is_none() {
            quarantine(store, state, AlarmKind::HubAltered, me, c.seq, Source::Hub, &c.held);
        } else if !same {
            quarantine(store, state, AlarmKind::Fork, me, c.seq, Source::Hub, &c.held);
        }
    }
    report.pushed += entries.len();
    Ok(())
}

/// How often the author checks the hub still holds its own changes as sent.
pub const AUDIT_EVERY_MS: i64 = 3_600_000;

/// Checks, a page per sync and once an hour over its whole history, that
/// the hub still holds this laptop's own changes as they were sent: a row
/// the hub dropped is pushed again (insert-if-absent), a row it altered is
/// pushed again, clashes, and is reported to its author (`hub_altered`).
fn audit_own(
    store: &Store,
    hub: &mut dyn Hub,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    report: &mut Report,
) -> Result<(), SyncError> {
    let now = store.now().timestamp_millis();
    let cursor = state.extra.audit_from;
    let due = cursor > 0 || state.extra.audited_ms.is_none_or(|at| now - at >= AUDIT_EVERY_MS);
    if !due || state.own_pushed == 0 {
        return Ok(());
    }
    let Some(digests) = retrying(|| hub.own_digests(cursor, PAGE))? else { return Ok(()) };
    let centre = store.header().centre_id;
    let end = digests.last().map_or(state.own_pushed, |(s, _)| (*s).min(state.own_pushed));
    let end = if digests.len() < PAGE { state.own_pushed } else { end };
    let held: BTreeMap<u64, [u8; 32]> = digests.into_iter().collect();
    let me = store.header().installation;
    let mut resend = Vec::new();
    for e in store.own_entries(cursor + 1, usize::try_from(end.saturating_sub(cursor)).unwrap_or(PAGE))? {
        if e.seq > end {
            break;
        }
        match held.get(&e.seq) {
            Some(d) if *d == crate::store::crypto::hash(&[&row_of(key, &centre, &e).body]) => {}
            // Altered (or this laptop's own copy erased since): sent again,
            // the clash tells which.
            Some(_) => resend.push(e),
            // Dropped by the hub: the author is told, and sends it again.
            None => {
                state.alarm(now, AlarmKind::Rollback, me, e.seq, Source::Hub);
                resend.push(e);
            }
        }
    }
    for chunk in resend.chunks(PAGE) {
        send_rows(store, hub, state, key, chunk, Vec::new(), report)?;
    }
    if end >= state.own_pushed {
        state.extra.audit_from = 0;
        state.extra.audited_ms = Some(now);
    } else {
        state.extra.audit_from = end;
    }
    Ok(())
}

/// Leaves a checkpoint, when what this laptop holds has moved.
fn push_checkpoint(
    store: &Store,
    hub: &mut dyn Hub,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    report: &mut Report,
) -> Result<(), SyncError> {
    if let Some((n, bytes)) = checkpoint(store, state, key)? {
        report.bytes_up += bytes.len() as u64;
        retrying(|| {
            hub.push(&Push { rows: Vec::new(), checkpoint: Some((n, bytes.clone())), statements: Vec::new() })
        })?;
        state.ck_pushed = n;
    }
    Ok(())
}

/// Retries a hub call that reported a transaction conflict (CockroachDB's
/// SQLSTATE 40001), a few times with a growing pause.
fn retrying<T>(mut f: impl FnMut() -> Result<T, HubError>) -> Result<T, HubError> {
    let mut wait = 20u64;
    for _ in 0..6 {
        match f() {
            Err(HubError::Retry) => {
                std::thread::sleep(std::time::Duration::from_millis(wait));
                wait *= 2;
            }
            other => return other,
        }
    }
    f()
}

/// The heads this laptop holds, its own first.
pub fn heads(store: &Store, state: &SyncState) -> Result<Vec<HeadClaim>, StoreError> {
    let (seq, hash) = store.own_head()?;
    let mut out = vec![HeadClaim { inst: store.header().installation, seq, hash }];
    out.extend(state.heads.iter().map(|(inst, h)| HeadClaim { inst: *inst, seq: h.seq, hash: h.hash }));
    Ok(out)
}

/// A new signed checkpoint, when the heads moved since the last one.
pub fn checkpoint(
    store: &Store,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
    let heads = heads(store, state)?;
    if heads == state.ck_last && state.ck_seq > 0 && state.ck_pushed == state.ck_seq {
        return Ok(None);
    }
    let ck = make_checkpoint(store, state, heads)?;
    let bytes = wire::seal(key, &ck.centre, Item::Checkpoint, &[], &codec::to_bytes(&ck)?);
    Ok(Some((ck.seq, bytes)))
}

/// Signs a checkpoint of `heads` with the next number.
pub fn make_checkpoint(store: &Store, state: &mut SyncState, heads: Vec<HeadClaim>) -> Result<Checkpoint, StoreError> {
    state.ck_seq += 1;
    state.ck_last.clone_from(&heads);
    let mut ck = Checkpoint {
        centre: store.header().centre_id,
        inst: store.header().installation,
        seq: state.ck_seq,
        at_ms: store.now().timestamp_millis(),
        heads,
        sig: Vec::new(),
    };
    ck.sig = store.sign_as_installation(&[&ck.signed_bytes()])?;
    Ok(ck)
}

/// Compares checkpoints with what this laptop holds and what the hub
/// serves: a checkpoint number going back is a rollback, a head naming
/// another hash is a fork, an installation's own claim beyond what the hub
/// serves is withholding.
pub fn check_checkpoints(
    store: &Store,
    state: &mut SyncState,
    key: &crate::store::crypto::Key,
    checkpoints: &[([u8; 16], u64, Vec<u8>)],
    hub_heads: &BTreeMap<[u8; 16], u64>,
) -> Result<(), StoreError> {
    let centre = store.header().centre_id;
    let me = store.header().installation;
    let roster = store.roster()?;
    let now = store.now().timestamp_millis();
    for (dev, n, raw) in checkpoints {
        let ck = wire::open(key, &centre, Item::Checkpoint, &[], raw)
            .ok()
            .and_then(|p| codec::from_bytes::<Checkpoint>(&p, "checkpoint").ok());
        let Some(ck) = ck.filter(|c| c.inst == *dev && c.seq == *n && c.centre == centre) else {
            quarantine(store, state, AlarmKind::BadCheckpoint, *dev, *n, Source::Hub, raw);
            continue;
        };
        if *dev == me {
            if ck.seq < state.ck_pushed {
                state.alarm(now, AlarmKind::Rollback, me, 0, Source::Hub);
            }
            continue;
        }
        let ok = match roster.trust(dev, 0) {
            Trust::Trusted(p) => ck.valid(&p),
            _ => false,
        };
        if !ok {
            quarantine(store, state, AlarmKind::BadCheckpoint, *dev, *n, Source::Hub, raw);
            continue;
        }
        check_one(store, state, &ck, Some(hub_heads), Source::Hub)?;
    }
    Ok(())
}

/// Checks one verified checkpoint (from the hub or a bundle).
pub fn check_one(
    store: &Store,
    state: &mut SyncState,
    ck: &Checkpoint,
    hub_heads: Option<&BTreeMap<[u8; 16], u64>>,
    source: Source,
) -> Result<(), StoreError> {
    let now = store.now().timestamp_millis();
    let me = store.header().installation;
    if ck.inst == me {
        // This laptop's own checkpoint come back in a bundle: nothing to learn.
        return Ok(());
    }
    let seen_map = if source == Source::Hub { &mut state.ck_seen } else { &mut state.ck_seen_bundle };
    let seen = seen_map.get(&ck.inst).copied().unwrap_or(0);
    if ck.seq < seen {
        state.alarm(now, AlarmKind::Rollback, ck.inst, 0, source);
        return Ok(());
    }
    seen_map.insert(ck.inst, ck.seq);
    if ck.seq > seen {
        state.heard.insert(ck.inst, now);
    }
    for claim in &ck.heads {
        let c = state.claimed.entry(claim.inst).or_insert(0);
        *c = (*c).max(claim.seq);
        let held = if claim.inst == me {
            store.held_entry(&me, claim.seq)?
        } else {
            store.held_entry(&claim.inst, claim.seq)?
        };
        if let Some(e) = held
            && e.hash() != claim.hash
        {
            state.alarm(now, AlarmKind::Fork, claim.inst, claim.seq, source);
        }
    }
    // The signer's own envelopes up to its claim were pushed before its
    // checkpoint: a hub that serves fewer withholds them.
    if let (Some(hub), Some(own)) = (hub_heads, ck.claim(&ck.inst))
        && hub.get(&ck.inst).copied().unwrap_or(0) < own.seq
    {
        state.alarm(now, AlarmKind::Withheld, ck.inst, own.seq, source);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn a_statement_that_does_not_encode_stops_the_push_instead_of_sealing_an_empty_one() {
        let key = crate::store::crypto::Key::random().unwrap();
        let signer = crate::store::crypto::SigningKey::from_seed(&[7; 32]);
        let enrol =
            crate::store::roster::Statement::Enrol { installation: [3; 16], public: [4; 32], name: "desk".into() };
        let st = SignedStatement::sign(&[1; 16], enrol, "anna", 0, &signer);
        let failing = |_: &SignedStatement| -> Result<Vec<u8>, StoreError> { Err(StoreError::NotFound("codec")) };
        assert!(seal_statements(&key, &[1; 16], std::slice::from_ref(&st), &failing).is_err());
        let sealed = seal_statements(&key, &[1; 16], &[st], &|s| codec::to_bytes(s)).unwrap();
        let opened = wire::open(&key, &[1; 16], Item::Statement, &[], &sealed[0].1).unwrap();
        assert!(!opened.is_empty());
    }
}
