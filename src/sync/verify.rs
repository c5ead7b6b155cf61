//! Verification before anything is applied (docs/SYNC.md): the installation is
//! in the roster and not revoked for this change, its sequence continues
//! the verified head without a gap, the previous-hash chain holds, the body
//! is the one the header names, and the installation signed it. Anything
//! else is set aside with the reason; repetitions and reordering are
//! harmless. Decryption is checked when the change is applied.

use std::collections::BTreeMap;

use super::state::{AlarmKind, Head};
use crate::store::changelog::ChangeEntry;
use crate::store::roster::{Roster, Trust};

/// A change that failed, and why.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Why.
    pub kind: AlarmKind,
    /// The change.
    pub entry: ChangeEntry,
}

/// The outcome of verifying a batch.
#[derive(Debug, Default)]
pub struct Verified {
    /// Changes that continue their chains, in order per installation.
    pub accepted: Vec<ChangeEntry>,
    /// Changes set aside.
    pub findings: Vec<Finding>,
    /// Changes already held (repetitions, replays): nothing to do.
    pub repeated: usize,
    /// Changes beyond a gap, left for later (not verified yet).
    pub waiting: usize,
    /// Those changes, to keep until the gap fills.
    pub held_back: Vec<ChangeEntry>,
}

/// The hash of a change already held here, if it is.
pub type Held<'a> = &'a dyn Fn(&[u8; 16], u64) -> Option<[u8; 32]>;

/// Verifies `incoming` against the roster and the heads (which advance as
/// changes are accepted). `held` gives the hash of a change already held
/// here; `me` is this installation, whose changes only this laptop makes.
pub fn verify(
    roster: &Roster,
    centre: &[u8; 16],
    me: &[u8; 16],
    my_head: u64,
    heads: &mut BTreeMap<[u8; 16], Head>,
    held: Held<'_>,
    mut incoming: Vec<ChangeEntry>,
) -> Verified {
    let mut out = Verified::default();
    // Order does not matter to the caller: sort per installation.
    incoming.sort_by_key(|e| (e.installation, e.seq));
    let mut blocked: Option<[u8; 16]> = None;
    let mut gap: Option<[u8; 16]> = None;
    for e in incoming {
        let inst = e.installation;
        // A change of this laptop's own identity that it did not make, or
        // that differs from its own: someone else signs as this laptop.
        if inst == *me {
            match held(&inst, e.seq) {
                Some(h) if h == e.hash() => out.repeated += 1,
                _ if e.seq > my_head || held(&inst, e.seq).is_some() => {
                    out.findings.push(Finding { kind: AlarmKind::Fork, entry: e })
                }
                _ => out.repeated += 1,
            }
            continue;
        }
        if blocked == Some(inst) {
            out.waiting += 1;
            if gap == Some(inst) {
                out.held_back.push(e);
            }
            continue;
        }
        if blocked != Some(inst) {
            gap = None;
        }
        let head = heads.get(&inst).copied().unwrap_or_default();
        if e.seq <= head.seq {
            match held(&inst, e.seq) {
                Some(h) if h == e.hash() => out.repeated += 1,
                Some(_) => out.findings.push(Finding { kind: AlarmKind::Fork, entry: e }),
                None => out.repeated += 1,
            }
            continue;
        }
        if e.seq > head.seq + 1 {
            // Everything after a gap waits until the gap is filled.
            out.findings.push(Finding { kind: AlarmKind::Gap, entry: e.clone() });
            out.held_back.push(e);
            blocked = Some(inst);
            gap = Some(inst);
            continue;
        }
        let public = match roster.trust(&inst, e.seq) {
            Trust::Trusted(p) => p,
            Trust::Unknown => {
                out.findings.push(Finding { kind: AlarmKind::UnknownInstallation, entry: e });
                blocked = Some(inst);
                continue;
            }
            Trust::Revoked => {
                out.findings.push(Finding { kind: AlarmKind::Revoked, entry: e });
                blocked = Some(inst);
                continue;
            }
        };
        let kind = if e.prev_hash != head.hash {
            Some(AlarmKind::ChainBroken)
        } else if !e.body_matches() {
            Some(AlarmKind::Tampered)
        } else if !e.signature_valid(centre, &public) {
            Some(AlarmKind::BadSignature)
        } else {
            None
        };
        match kind {
            Some(kind) => {
                out.findings.push(Finding { kind, entry: e });
                blocked = Some(inst);
            }
            None => {
                heads.insert(inst, Head { seq: e.seq, hash: e.hash() });
                out.accepted.push(e);
            }
        }
    }
    out
}
