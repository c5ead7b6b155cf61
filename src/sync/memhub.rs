//! A hub in memory, with the semantics of the PostgreSQL schema (composite
//! keys, insert-if-absent, a laptop writes only its own rows): for tests,
//! the seeded simulation and the benchmark. Several laptops share one
//! through [`MemoryHub::handle`].

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::hub::{Clash, Hub, HubError, Pulled, Push, Row};

#[derive(Default)]
struct Tables {
    rows: BTreeMap<([u8; 16], u64), Row>,
    checkpoints: BTreeMap<([u8; 16], u64), Vec<u8>>,
    statements: BTreeMap<[u8; 16], Vec<u8>>,
    online: bool,
}

/// The envelope rows of a hub by (installation, sequence).
pub type Rows = BTreeMap<([u8; 16], u64), Row>;

/// A shared in-memory hub.
#[derive(Clone, Default)]
pub struct MemoryHub {
    tables: Arc<Mutex<Tables>>,
}

impl MemoryHub {
    /// An empty hub, reachable.
    pub fn new() -> MemoryHub {
        let hub = MemoryHub::default();
        hub.set_online(true);
        hub
    }

    /// Makes the hub reachable or not (tests of offline work).
    pub fn set_online(&self, online: bool) {
        if let Ok(mut t) = self.tables.lock() {
            t.online = online;
        }
    }

    /// A connection as installation `device` (it may push only its own rows).
    pub fn handle(&self, device: [u8; 16]) -> MemoryHubHandle {
        MemoryHubHandle { hub: self.clone(), device }
    }

    /// Every row (tests and the hostile-hub wrapper).
    pub fn rows(&self) -> Vec<Row> {
        self.tables.lock().map(|t| t.rows.values().cloned().collect()).unwrap_or_default()
    }

    /// Replaces a row as a hostile operator would.
    pub fn tamper(&self, f: &mut dyn FnMut(&mut Rows)) {
        if let Ok(mut t) = self.tables.lock() {
            f(&mut t.rows);
        }
    }

    /// Total bytes held in envelope rows.
    pub fn bytes(&self) -> u64 {
        self.tables.lock().map(|t| t.rows.values().map(|r| r.body.len() as u64).sum()).unwrap_or(0)
    }
}

/// One laptop's connection to a [`MemoryHub`].
pub struct MemoryHubHandle {
    hub: MemoryHub,
    device: [u8; 16],
}

impl Hub for MemoryHubHandle {
    fn push(&mut self, push: &Push) -> Result<Vec<Clash>, HubError> {
        let mut t = self.hub.tables.lock().map_err(|_| HubError::Other("poisoned".into()))?;
        if !t.online {
            return Err(HubError::Offline("memory hub offline".into()));
        }
        // Row-level security: only this laptop's own rows.
        if push.rows.iter().any(|r| r.device != self.device) {
            return Err(HubError::Refused("row of another installation".into()));
        }
        let mut clashes = Vec::new();
        for r in &push.rows {
            match t.rows.get(&(r.device, r.seq)) {
                Some(held) if held.body != r.body => clashes.push(Clash { seq: r.seq, held: held.body.clone() }),
                Some(_) => {}
                None => {
                    t.rows.insert((r.device, r.seq), r.clone());
                }
            }
        }
        if let Some((n, bytes)) = &push.checkpoint {
            t.checkpoints.entry((self.device, *n)).or_insert_with(|| bytes.clone());
        }
        for (id, bytes) in &push.statements {
            t.statements.entry(*id).or_insert_with(|| bytes.clone());
        }
        Ok(clashes)
    }

    fn pull(&mut self, after: &BTreeMap<[u8; 16], u64>, limit: usize) -> Result<Pulled, HubError> {
        let t = self.hub.tables.lock().map_err(|_| HubError::Other("poisoned".into()))?;
        if !t.online {
            return Err(HubError::Offline("memory hub offline".into()));
        }
        let mut out = Pulled::default();
        for ((dev, seq), row) in &t.rows {
            let h = out.heads.entry(*dev).or_insert(0);
            *h = (*h).max(*seq);
            if *seq > after.get(dev).copied().unwrap_or(0) {
                if out.rows.len() >= limit {
                    out.more = true;
                    continue;
                }
                out.rows.push(row.clone());
            }
        }
        let mut latest: BTreeMap<[u8; 16], (u64, Vec<u8>)> = BTreeMap::new();
        for ((dev, n), bytes) in &t.checkpoints {
            latest.insert(*dev, (*n, bytes.clone()));
        }
        out.checkpoints = latest.into_iter().map(|(d, (n, b))| (d, n, b)).collect();
        out.statements = t.statements.values().cloned().collect();
        Ok(out)
    }

    fn own_digests(&mut self, after: u64, limit: usize) -> Result<super::hub::Digests, HubError> {
        let t = self.hub.tables.lock().map_err(|_| HubError::Other("poisoned".into()))?;
        if !t.online {
            return Err(HubError::Offline("memory hub offline".into()));
        }
        Ok(Some(
            t.rows
                .range((self.device, after.saturating_add(1))..=(self.device, u64::MAX))
                .take(limit)
                .map(|((_, seq), r)| (*seq, crate::store::crypto::hash(&[&r.body])))
                .collect(),
        ))
    }
}
