//! The roster: which installations (laptops) belong to the centre and
//! which Ed25519 key each signs with. Every entry is a statement signed by
//! the centre's roster key, which only managers hold; its public half is the
//! anchor every laptop of the centre keeps from the centre's creation. The
//! roster is the set of statements received — the same in any order — so
//! two managers enrolling laptops at the same time cannot overwrite each
//! other, and a hub cannot add or remove an installation.

use serde::{Deserialize, Serialize};

use super::crypto::{self, SigningKey};

/// What a statement says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statement {
    /// `installation` signs with `public`; `name` is what people call the laptop.
    Enrol {
        /// Installation id.
        installation: [u8; 16],
        /// Its Ed25519 public key.
        public: [u8; 32],
        /// A name for people ("reception 2").
        name: String,
    },
    /// `installation` is no longer trusted after its change `after_seq`
    /// (changes up to it were made before the laptop was lost).
    Revoke {
        /// Installation id.
        installation: [u8; 16],
        /// Last sequence still accepted.
        after_seq: u64,
    },
}

/// A statement with who made it, when, and the roster key's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedStatement {
    /// What it says.
    pub statement: Statement,
    /// The manager who signed it.
    pub by: String,
    /// When (milliseconds since the epoch).
    pub at_ms: i64,
    /// Ed25519 signature by the roster key.
    pub sig: Vec<u8>,
}

impl SignedStatement {
    fn message(centre: &[u8; 16], statement: &Statement, by: &str, at_ms: i64) -> Vec<u8> {
        let mut m = b"haven-roster\0".to_vec();
        m.extend_from_slice(centre);
        m.extend_from_slice(&super::codec::to_bytes(&(statement, by, at_ms)).unwrap_or_default());
        m
    }

    /// Signs a statement with the roster key.
    pub fn sign(centre: &[u8; 16], statement: Statement, by: &str, at_ms: i64, key: &SigningKey) -> SignedStatement {
        let sig = key.sign(&[&Self::message(centre, &statement, by, at_ms)]).to_vec();
        SignedStatement { statement, by: by.to_string(), at_ms, sig }
    }

    /// Whether the roster key `anchor` signed it for `centre`.
    pub fn valid(&self, centre: &[u8; 16], anchor: &[u8; 32]) -> bool {
        crypto::verify_signature(anchor, &[&Self::message(centre, &self.statement, &self.by, self.at_ms)], &self.sig)
    }

    /// A stable id (hub row key, deduplication).
    pub fn id(&self) -> [u8; 16] {
        let h = crypto::hash(&[&super::codec::to_bytes(self).unwrap_or_default()]);
        let mut id = [0u8; 16];
        id.copy_from_slice(&h[..16]);
        id
    }
}

/// One installation as the roster knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Installation id.
    pub installation: [u8; 16],
    /// Public key.
    pub public: [u8; 32],
    /// Name for people.
    pub name: String,
    /// Who enrolled it, when.
    pub enrolled_by: String,
    /// When (ms).
    pub enrolled_at_ms: i64,
    /// Last accepted sequence if revoked.
    pub revoked_after: Option<u64>,
}

/// The roster: the anchor and the valid statements received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    /// The centre's roster public key (from its creation).
    pub anchor: [u8; 32],
    /// Statements, deduplicated, in id order.
    pub statements: Vec<SignedStatement>,
}

/// Whether a change may be trusted, by the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Enrolled, not revoked (or revoked after this change): its key.
    Trusted([u8; 32]),
    /// Never enrolled here.
    Unknown,
    /// Revoked before this change.
    Revoked,
}

impl Roster {
    /// Adds a statement if it is validly signed and new; returns whether it was.
    pub fn add(&mut self, centre: &[u8; 16], s: SignedStatement) -> bool {
        if !s.valid(centre, &self.anchor) || self.statements.iter().any(|x| x.sig == s.sig) {
            return false;
        }
        let id = s.id();
        let at = self.statements.partition_point(|x| x.id() < id);
        self.statements.insert(at, s);
        true
    }

    /// Every installation, enrolled order.
    pub fn members(&self) -> Vec<Member> {
        let mut out: Vec<Member> = Vec::new();
        let mut enrols: Vec<&SignedStatement> =
            self.statements.iter().filter(|s| matches!(s.statement, Statement::Enrol { .. })).collect();
        enrols.sort_by_key(|s| (s.at_ms, s.id()));
        for s in enrols {
            if let Statement::Enrol { installation, public, name } = &s.statement {
                // The first enrolment of an installation fixes its key: a
                // second one with another key is ignored.
                if out.iter().any(|m| m.installation == *installation) {
                    continue;
                }
                out.push(Member {
                    installation: *installation,
                    public: *public,
                    name: name.clone(),
                    enrolled_by: s.by.clone(),
                    enrolled_at_ms: s.at_ms,
                    revoked_after: None,
                });
            }
        }
        for s in &self.statements {
            if let Statement::Revoke { installation, after_seq } = &s.statement
                && let Some(m) = out.iter_mut().find(|m| m.installation == *installation)
            {
                // Several revocations: the earliest cut wins.
                m.revoked_after = Some(m.revoked_after.map_or(*after_seq, |a| a.min(*after_seq)));
            }
        }
        out
    }

    /// Whether change `seq` of `installation` may be trusted.
    pub fn trust(&self, installation: &[u8; 16], seq: u64) -> Trust {
        match self.members().into_iter().find(|m| m.installation == *installation) {
            None => Trust::Unknown,
            Some(m) if m.revoked_after.is_some_and(|a| seq > a) => Trust::Revoked,
            Some(m) => Trust::Trusted(m.public),
        }
    }

    /// The name of an installation, or its short id.
    pub fn name_of(&self, installation: &[u8; 16]) -> String {
        self.members()
            .into_iter()
            .find(|m| m.installation == *installation)
            .map(|m| m.name)
            .unwrap_or_else(|| short_id(installation))
    }
}

/// The first eight hex digits of an id, for people.
pub fn short_id(id: &[u8]) -> String {
    id.iter().take(4).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_statements_signed_by_the_anchor_count_in_any_order() {
        let centre = [9u8; 16];
        let roster_key = SigningKey::random().unwrap();
        let other = SigningKey::random().unwrap();
        let a = SignedStatement::sign(
            &centre,
            Statement::Enrol { installation: [1; 16], public: [2; 32], name: "desk".into() },
            "anna",
            1,
            &roster_key,
        );
        let b = SignedStatement::sign(
            &centre,
            Statement::Revoke { installation: [1; 16], after_seq: 5 },
            "anna",
            2,
            &roster_key,
        );
        let forged = SignedStatement::sign(
            &centre,
            Statement::Enrol { installation: [3; 16], public: [4; 32], name: "evil".into() },
            "anna",
            3,
            &other,
        );
        let mut r1 = Roster { anchor: roster_key.public(), statements: vec![] };
        let mut r2 = r1.clone();
        assert!(r1.add(&centre, a.clone()));
        assert!(r1.add(&centre, b.clone()));
        assert!(!r1.add(&centre, forged));
        assert!(!r1.add(&centre, a.clone()), "repetition");
        assert!(r2.add(&centre, b));
        assert!(r2.add(&centre, a.clone()));
        assert_eq!(r1, r2);
        assert_eq!(r1.trust(&[1; 16], 5), Trust::Trusted([2; 32]));
        assert_eq!(r1.trust(&[1; 16], 6), Trust::Revoked);
        assert_eq!(r1.trust(&[3; 16], 1), Trust::Unknown);
        // Another centre's statement does not verify here.
        let mut r3 = Roster { anchor: roster_key.public(), statements: vec![] };
        assert!(!r3.add(&[8u8; 16], a));
    }
}
