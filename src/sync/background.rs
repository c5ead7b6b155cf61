//! Sync in the background of the console. A worker thread owns the hub
//! connection: it connects, reconnects, listens (LISTEN/NOTIFY where the
//! server has it, a poll otherwise) and runs the network calls. On a hub
//! whose operator chose polling (`haven hub wake poll`, sync/wake.rs) it
//! holds no connection between looks: after each round it disconnects and
//! waits a backoff that grows while nothing moves, cut short by a save. The store
//! stays on the console's thread, which runs a sync round when the worker
//! is connected and something may have changed; each call it makes waits a
//! bounded time, so a hub that stalls costs the console at most a few
//! seconds and never a save. The status bar shows the state.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::hub::{self, Clash, Hub, HubError, Pulled, Push};
use super::pg::{HubConfig, PgHub};
use super::state::SyncState;
use super::wake::{Backoff, Wake};
use crate::store::Store;

/// How often the console syncs without a notification.
const POLL: Duration = Duration::from_secs(30);
/// How soon after a local save the console pushes it.
const AFTER_SAVE: Duration = Duration::from_secs(2);
/// How long one network call may keep the console waiting.
const CALL_WAIT: Duration = Duration::from_secs(4);
/// Set once the console stops (a signal, its terminal gone): a call
/// waiting for the hub then ends early.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Makes every call waiting for the hub end early: the console is stopping
/// (`app::stop::request` says so).
pub fn stop_waiting() {
    STOPPING.store(true, Ordering::SeqCst);
}

/// How often a call waiting for the hub looks whether the console stops.
const STOP_LOOK: Duration = Duration::from_millis(50);
/// Pause before reconnecting to a hub that was not reached.
const RECONNECT: Duration = Duration::from_secs(15);

enum Call {
    Push(u64, Push),
    Pull(u64, BTreeMap<[u8; 16], u64>, usize),
    Digests(u64, u64, usize),
    /// A polling laptop's round is over (with whether anything moved):
    /// disconnect and wait before looking again.
    Rest(bool),
    /// Something was saved here while resting: look now.
    Soon,
}

/// A connection made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Linked {
    /// The hub wants laptops to poll: end the connection after the round
    /// (otherwise the worker holds it and LISTENs where the server can).
    polls: bool,
}

enum Reply {
    Pushed(u64, Result<Vec<Clash>, HubError>),
    Pulled(u64, Result<Pulled, HubError>),
    Digests(u64, Result<super::hub::Digests, HubError>),
    /// Connected, or why not.
    Link(Result<Linked, HubError>),
    /// A notification, or the poll interval passed.
    Wake,
}

/// The console's side of the worker.
struct Worker {
    dir: std::path::PathBuf,
    calls: Sender<Call>,
    replies: Receiver<Reply>,
    next_id: u64,
    connected: Option<Linked>,
    /// A polling laptop between two looks (no connection, and no error).
    resting: bool,
    /// A save made while resting was announced to the worker.
    soon_sent: bool,
    last_error: Option<HubError>,
    wake: bool,
    last_round: Option<Instant>,
    saves_seen: u64,
}

fn registry() -> &'static Mutex<Option<Worker>> {
    static R: OnceLock<Mutex<Option<Worker>>> = OnceLock::new();
    R.get_or_init(|| Mutex::new(None))
}

fn spawn(cfg: HubConfig, centre: [u8; 16], device: [u8; 16]) -> (Sender<Call>, Receiver<Reply>) {
    let (call_tx, call_rx) = mpsc::channel::<Call>();
    let (reply_tx, reply_rx) = mpsc::channel::<Reply>();
    let _ = std::thread::Builder::new()
        .name("haven-sync".into())
        .spawn(move || worker(cfg, centre, device, call_rx, reply_tx));
    (call_tx, reply_rx)
}

fn worker(cfg: HubConfig, centre: [u8; 16], device: [u8; 16], calls: Receiver<Call>, replies: Sender<Reply>) {
    let mut hub: Option<PgHub> = None;
    let mut last_poll = Instant::now();
    let mut wake = Wake::Listen;
    let mut backoff = Backoff::new();
    loop {
        if hub.as_ref().is_none_or(|h| h.is_closed()) {
            match PgHub::connect(&cfg, centre, device) {
                Ok(mut h) => {
                    let policy = h.wake_policy();
                    if policy != wake
                        && let Wake::Poll { fast, slow } = policy
                    {
                        backoff = Backoff::with(fast, slow);
                    }
                    wake = policy;
                    let polls = matches!(wake, Wake::Poll { .. });
                    if !polls {
                        h.listen();
                    }
                    hub = Some(h);
                    if replies.send(Reply::Link(Ok(Linked { polls }))).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    hub = None;
                    if replies.send(Reply::Link(Err(e))).is_err() {
                        return;
                    }
                    match calls.recv_timeout(RECONNECT) {
                        Ok(c) => answer(&replies, c, Err(HubError::Offline("not connected".into()))),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    continue;
                }
            }
        }
        let Some(h) = hub.as_mut() else { continue };
        match calls.try_recv() {
            Ok(Call::Push(id, p)) => {
                let r = h.push(&p);
                if replies.send(Reply::Pushed(id, r)).is_err() {
                    return;
                }
                continue;
            }
            Ok(Call::Pull(id, after, limit)) => {
                let r = h.pull(&after, limit);
                if replies.send(Reply::Pulled(id, r)).is_err() {
                    return;
                }
                continue;
            }
            Ok(Call::Digests(id, after, limit)) => {
                let r = h.own_digests(after, limit);
                if replies.send(Reply::Digests(id, r)).is_err() {
                    return;
                }
                continue;
            }
            Ok(Call::Rest(moved)) => {
                if matches!(wake, Wake::Poll { .. }) {
                    if let Some(h) = hub.take() {
                        h.close();
                    }
                    if moved {
                        backoff.activity();
                    } else {
                        backoff.quiet();
                    }
                    if !rest(&calls, &replies, backoff.wait(jitter())) {
                        return;
                    }
                }
                continue;
            }
            Ok(Call::Soon) => continue,
            Err(mpsc::TryRecvError::Disconnected) => return,
            Err(mpsc::TryRecvError::Empty) => {}
        }
        // Idle: wait for a notification (or sleep) a little, then look again.
        let woke = h.wait(Duration::from_millis(250)).unwrap_or_else(|_| {
            hub = None;
            false
        });
        if woke || last_poll.elapsed() >= POLL {
            last_poll = Instant::now();
            // The operator may have asked laptops to poll since: a listening
            // console switches within one poll interval.
            if let Some(h) = hub.as_mut()
                && let policy @ Wake::Poll { fast, slow } = h.wake_policy()
                && policy != wake
            {
                wake = policy;
                backoff = Backoff::with(fast, slow);
                if replies.send(Reply::Link(Ok(Linked { polls: true }))).is_err() {
                    return;
                }
            }
            if replies.send(Reply::Wake).is_err() {
                return;
            }
        }
    }
}

/// A polling laptop between two looks: no connection until `wait` has
/// passed or a save here asks for a look. False when the console is gone.
fn rest(calls: &Receiver<Call>, replies: &Sender<Reply>, wait: Duration) -> bool {
    let until = Instant::now() + wait;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        match calls.recv_timeout(left) {
            Ok(Call::Soon) | Err(RecvTimeoutError::Timeout) => return true,
            Ok(Call::Rest(_)) => {}
            Ok(other) => answer(replies, other, Err(HubError::Offline("not connected".into()))),
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// A number in 0..1 so that laptops started together do not poll together.
fn jitter() -> f64 {
    let mut b = [0u8; 2];
    match getrandom::getrandom(&mut b) {
        Ok(()) => f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX),
        Err(_) => 0.5,
    }
}

fn answer(replies: &Sender<Reply>, c: Call, e: Result<(), HubError>) {
    let Err(e) = e else { return };
    let _ = match c {
        Call::Push(id, _) => replies.send(Reply::Pushed(id, Err(e))),
        Call::Pull(id, _, _) => replies.send(Reply::Pulled(id, Err(e))),
        Call::Digests(id, _, _) => replies.send(Reply::Digests(id, Err(e))),
        Call::Rest(_) | Call::Soon => Ok(()),
    };
}

/// The hub as the console's thread sees it: each call goes to the worker
/// and waits a bounded time for its answer.
struct Relay<'a> {
    w: &'a mut Worker,
}

impl Relay<'_> {
    fn wait<T>(&mut self, id: u64, pick: impl Fn(Reply) -> Option<(u64, Result<T, HubError>)>) -> Result<T, HubError> {
        let deadline = Instant::now() + CALL_WAIT;
        loop {
            // A console that is stopping (signal, terminal gone) does not
            // wait for the hub: the round ends as offline, the draft is kept.
            if STOPPING.load(Ordering::Relaxed) {
                return Err(HubError::Offline("the console is stopping".into()));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(HubError::Offline("the hub did not answer in time".into()));
            }
            match self.w.replies.recv_timeout(left.min(STOP_LOOK)) {
                Ok(Reply::Wake) => self.w.wake = true,
                Ok(Reply::Link(l)) => self.w.note_link(l),
                Ok(other) => {
                    if let Some((got, r)) = pick(other)
                        && got == id
                    {
                        return r;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Err(HubError::Offline("sync stopped".into())),
            }
        }
    }
}

impl Hub for Relay<'_> {
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError> {
        self.w.next_id += 1;
        let id = self.w.next_id;
        self.w.calls.send(Call::Push(id, push.clone())).map_err(|_| HubError::Offline("sync stopped".into()))?;
        self.wait(id, |r| match r {
            Reply::Pushed(i, x) => Some((i, x)),
            _ => None,
        })
    }

    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError> {
        self.w.next_id += 1;
        let id = self.w.next_id;
        self.w
            .calls
            .send(Call::Pull(id, after.clone(), limit))
            .map_err(|_| HubError::Offline("sync stopped".into()))?;
        self.wait(id, |r| match r {
            Reply::Pulled(i, x) => Some((i, x)),
            _ => None,
        })
    }

    fn own_digests(&mut self, after: u64, limit: usize) -> Result<super::hub::Digests, HubError> {
        self.w.next_id += 1;
        let id = self.w.next_id;
        self.w.calls.send(Call::Digests(id, after, limit)).map_err(|_| HubError::Offline("sync stopped".into()))?;
        self.wait(id, |r| match r {
            Reply::Digests(i, x) => Some((i, x)),
            _ => None,
        })
    }
}

impl Worker {
    fn note_link(&mut self, l: Result<Linked, HubError>) {
        match l {
            Ok(linked) => {
                self.connected = Some(linked);
                self.resting = false;
                self.soon_sent = false;
                self.last_error = None;
                self.wake = true;
            }
            Err(e) => {
                self.connected = None;
                self.last_error = Some(e);
            }
        }
    }
}

/// Called about once a second by the console: starts the worker when a hub
/// is configured, runs a sync round when one is due. Returns whether the
/// screen should be redrawn (something arrived).
pub fn tick(store: &mut Store) -> bool {
    if !store.is_unlocked() {
        return false;
    }
    let Ok(mut guard) = registry().lock() else { return false };
    if guard.as_ref().is_some_and(|w| w.dir != store.dir()) {
        *guard = None;
    }
    if guard.is_none() {
        let Ok(Some(cfg)) = super::setup::config(store) else { return false };
        let (calls, replies) = spawn(cfg, store.header().centre_id, store.header().installation);
        *guard = Some(Worker {
            dir: store.dir().to_path_buf(),
            calls,
            replies,
            next_id: 0,
            connected: None,
            resting: false,
            soon_sent: false,
            last_error: None,
            wake: true,
            last_round: None,
            saves_seen: store.generation(),
        });
    }
    let Some(w) = guard.as_mut() else { return false };
    while let Ok(r) = w.replies.try_recv() {
        match r {
            Reply::Wake => w.wake = true,
            Reply::Link(l) => w.note_link(l),
            Reply::Pushed(..) | Reply::Pulled(..) | Reply::Digests(..) => {}
        }
    }
    if w.resting {
        // Between two looks: a save here asks for one now.
        if store.generation() != w.saves_seen && !w.soon_sent {
            w.soon_sent = w.calls.send(Call::Soon).is_ok();
        }
        return false;
    }
    if w.connected.is_none() {
        if let Some(e) = &w.last_error {
            record_offline(store, e);
        }
        return false;
    }
    let saved = store.generation() != w.saves_seen;
    let recent = w.last_round.is_some_and(|t| t.elapsed() < AFTER_SAVE);
    if !(w.wake || saved && !recent) {
        return false;
    }
    w.wake = false;
    w.last_round = Some(Instant::now());
    let before = store.generation();
    let mut relay = Relay { w };
    let _ = hub::sync(store, &mut relay);
    let pulled = store.generation() != before;
    if w.connected.is_some_and(|l| l.polls) {
        // Saves here or changes from the hub: look again soon.
        let _ = w.calls.send(Call::Rest(pulled || saved));
        w.connected = None;
        w.resting = true;
        w.soon_sent = false;
    }
    w.saves_seen = store.generation();
    pulled
}

fn record_offline(store: &Store, e: &HubError) {
    if let Ok(state) = SyncState::load(store)
        && (state.offline_since_ms.is_none() || state.last_error.as_deref() != Some(e.key()))
    {
        let _ = hub::record_failure(store, e);
    }
}

/// What the status bar shows about sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// No hub configured.
    Off,
    /// Synced at (ms).
    Synced(i64),
    /// Offline since (ms), with the message key of why.
    Offline(i64, String),
    /// Alarms to look at.
    Alarms(usize),
}

/// The sync state for the status bar.
pub fn shown(store: &Store) -> Shown {
    let Ok(state) = SyncState::load(store) else { return Shown::Off };
    if !state.alarms.is_empty() {
        return Shown::Alarms(state.alarms.len());
    }
    if let Some(since) = state.offline_since_ms {
        return Shown::Offline(since, state.last_error.unwrap_or_else(|| "sync-error-offline".into()));
    }
    match state.last_sync_ms {
        Some(t) => Shown::Synced(t),
        None if super::setup::config(store).ok().flatten().is_some() => Shown::Offline(0, "sync-error-offline".into()),
        None => Shown::Off,
    }
}
