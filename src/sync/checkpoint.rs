//! Signed checkpoints: at each sync an installation names, under its own
//! signature, the latest (sequence, hash) it holds of every installation.
//! A hub that withholds, drops or rolls back envelopes is caught by the
//! next laptop that compares what it was served with what was claimed.

use serde::{Deserialize, Serialize};

use crate::store::codec;
use crate::store::crypto;

/// One installation's head as a checkpoint names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HeadClaim {
    /// Installation.
    pub inst: [u8; 16],
    /// Last sequence held.
    pub seq: u64,
    /// Its chained hash.
    pub hash: [u8; 32],
}

/// A checkpoint, signed by the installation that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Centre.
    pub centre: [u8; 16],
    /// The installation that signed it.
    pub inst: [u8; 16],
    /// Its own counter of checkpoints (never goes back).
    pub seq: u64,
    /// When (its wall clock, ms).
    pub at_ms: i64,
    /// Heads it holds, its own first.
    pub heads: Vec<HeadClaim>,
    /// Ed25519 signature.
    pub sig: Vec<u8>,
}

impl Checkpoint {
    fn message(&self) -> Vec<u8> {
        let mut m = b"haven-checkpoint\0".to_vec();
        m.extend_from_slice(
            &codec::to_bytes(&(&self.centre, &self.inst, self.seq, self.at_ms, &self.heads)).unwrap_or_default(),
        );
        m
    }

    /// The bytes its signer signs.
    pub fn signed_bytes(&self) -> Vec<u8> {
        self.message()
    }

    /// Whether `public` signed it.
    pub fn valid(&self, public: &[u8; 32]) -> bool {
        crypto::verify_signature(public, &[&self.message()], &self.sig)
    }

    /// What it claims of `inst`.
    pub fn claim(&self, inst: &[u8; 16]) -> Option<HeadClaim> {
        self.heads.iter().find(|h| h.inst == *inst).copied()
    }
}
