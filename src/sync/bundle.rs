//! Sync bundles: the same envelopes on a USB stick, for laptops that never
//! meet a network. A bundle is framed and sealed under the centre's
//! transport key (a lost stick shows nothing but the centre's id), signed
//! by the exporting installation, and read back through the same verify →
//! store → apply path as the hub.

use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::checkpoint::Checkpoint;
use super::hub::{heads, make_checkpoint};
use super::receive::{self, Received};
use super::state::{Source, SyncState};
use super::wire::{self, Item};
use crate::store::changelog::ChangeEntry;
use crate::store::crypto;
use crate::store::roster::{SignedStatement, Trust};
use crate::store::{AuditAction, AuditEntry, Store, StoreError, codec};

const MAGIC: &[u8; 8] = b"HAVENSYB";
const VERSION: u16 = 1;
/// Entries per frame.
const PER_FRAME: usize = 500;
/// A frame never needs more.
const MAX_FRAME: usize = 16 * 1024 * 1024;
/// A bundle never needs more frames.
const MAX_FRAMES: u64 = 1_000_000;

#[derive(Serialize, Deserialize)]
enum Frame {
    Meta { exporter: [u8; 16], created_ms: i64, statements: Vec<SignedStatement>, checkpoint: Checkpoint },
    Entries(Vec<ChangeEntry>),
    End { frames: u64, sig: Vec<u8> },
}

/// Why a bundle was refused; nothing of it was applied.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// Not a Haven sync bundle.
    #[error("not a Haven sync bundle")]
    NotABundle,
    /// A bundle of another centre.
    #[error("this bundle belongs to another centre")]
    OtherCentre,
    /// Cut short, altered, or frames missing or reordered.
    #[error("the bundle is damaged or was altered")]
    Damaged,
    /// Made by an installation the roster does not know (or revoked).
    #[error("the bundle was made by a laptop this centre does not know")]
    UnknownExporter,
    /// The exporter's signature does not verify.
    #[error("the bundle's signature does not verify")]
    BadSignature,
    /// The store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Exported {
    /// Envelopes.
    pub entries: u64,
    /// File size.
    pub bytes: u64,
}

fn write_frame(
    out: &mut impl Write,
    tk: &crypto::Key,
    centre: &[u8; 16],
    n: u64,
    f: &Frame,
    run: &mut Vec<u8>,
) -> Result<u64, StoreError> {
    let plain = codec::to_bytes(f)?;
    *run = crypto::hash(&[run, &plain]).to_vec();
    let sealed = wire::seal(tk, centre, Item::Bundle, &n.to_be_bytes(), &plain);
    out.write_all(&(sealed.len() as u32).to_be_bytes())?;
    out.write_all(&sealed)?;
    Ok(4 + sealed.len() as u64)
}

/// Writes every envelope held here (own and relayed; with `since`, those
/// from that time on), the roster and a checkpoint, to `path`.
pub fn export(store: &Store, path: &Path, since_ms: Option<i64>) -> Result<Exported, BundleError> {
    store.authorize(crate::domain::permissions::Act::Bundle, crate::domain::permissions::DataClass::Case)?;
    let centre = store.header().centre_id;
    let tk = wire::transport_key(&store.session()?.keys.front);
    let mut state = SyncState::load(store)?;
    let claims = heads(store, &state)?;
    let checkpoint = make_checkpoint(store, &mut state, claims)?;
    receive::save(store, &state)?;
    let tmp = path.with_extension("partial");
    let mut file = std::io::BufWriter::new(crate::store::private_file::create(&tmp).map_err(StoreError::from)?);
    let mut bytes = 0u64;
    file.write_all(MAGIC).map_err(StoreError::from)?;
    file.write_all(&VERSION.to_be_bytes()).map_err(StoreError::from)?;
    file.write_all(&centre).map_err(StoreError::from)?;
    bytes += 8 + 2 + 16;
    let mut run = Vec::new();
    let mut n = 0u64;
    let meta = Frame::Meta {
        exporter: store.header().installation,
        created_ms: store.now().timestamp_millis(),
        statements: store.roster()?.statements,
        checkpoint,
    };
    bytes += write_frame(&mut file, &tk, &centre, n, &meta, &mut run)?;
    n += 1;
    let keep = |e: &ChangeEntry| since_ms.is_none_or(|s| i64::try_from(e.hlc.ms).unwrap_or(i64::MAX) >= s);
    let mut count = 0u64;
    let mut from = 1u64;
    loop {
        let own = store.own_entries(from, PER_FRAME)?;
        let Some(last) = own.last().map(|e| e.seq) else { break };
        from = last + 1;
        let chunk: Vec<ChangeEntry> = own.into_iter().filter(|e| keep(e)).collect();
        count += chunk.len() as u64;
        if !chunk.is_empty() {
            bytes += write_frame(&mut file, &tk, &centre, n, &Frame::Entries(chunk), &mut run)?;
            n += 1;
        }
    }
    let mut cursor: Vec<u8> = Vec::new();
    loop {
        let relayed = store.relayed_entries(&cursor, PER_FRAME)?;
        let Some(last) = relayed.last() else { break };
        cursor = crate::store::syncdata::envelope_key(&last.installation, last.seq + 1);
        let chunk: Vec<ChangeEntry> = relayed.into_iter().filter(|e| keep(e)).collect();
        count += chunk.len() as u64;
        if !chunk.is_empty() {
            bytes += write_frame(&mut file, &tk, &centre, n, &Frame::Entries(chunk), &mut run)?;
            n += 1;
        }
    }
    let sig = store.sign_as_installation(&[b"haven-bundle\0", &centre, &n.to_be_bytes(), &run])?;
    bytes += write_frame(&mut file, &tk, &centre, n, &Frame::End { frames: n, sig }, &mut run)?;
    let file = file.into_inner().map_err(|e| StoreError::from(e.into_error()))?;
    file.sync_all().map_err(StoreError::from)?;
    std::fs::rename(&tmp, path).map_err(StoreError::from)?;
    store.audit(
        AuditEntry::new(AuditAction::Export, "sync_bundle").summary(format!("{count} changes, {bytes} bytes")),
    )?;
    Ok(Exported { entries: count, bytes })
}

/// Reads, verifies and applies a bundle.
pub fn import(store: &mut Store, path: &Path) -> Result<Received, BundleError> {
    store.authorize(crate::domain::permissions::Act::Bundle, crate::domain::permissions::DataClass::Case)?;
    let centre = store.header().centre_id;
    let tk = wire::transport_key(&store.session()?.keys.front);
    let mut file = std::io::BufReader::new(std::fs::File::open(path).map_err(|_| StoreError::NotFound("bundle file"))?);
    let mut head = [0u8; 26];
    file.read_exact(&mut head).map_err(|_| BundleError::NotABundle)?;
    if &head[..8] != MAGIC {
        return Err(BundleError::NotABundle);
    }
    if u16::from_be_bytes([head[8], head[9]]) != VERSION {
        return Err(BundleError::NotABundle);
    }
    if head[10..26] != centre {
        return Err(BundleError::OtherCentre);
    }
    let mut run = Vec::new();
    let mut meta: Option<([u8; 16], Vec<SignedStatement>, Checkpoint)> = None;
    let mut entries: Vec<ChangeEntry> = Vec::new();
    let mut n = 0u64;
    let (frames, sig) = loop {
        if n > MAX_FRAMES {
            return Err(BundleError::Damaged);
        }
        let mut len = [0u8; 4];
        file.read_exact(&mut len).map_err(|_| BundleError::Damaged)?;
        let len = u32::from_be_bytes(len) as usize;
        if len > MAX_FRAME {
            return Err(BundleError::Damaged);
        }
        let mut sealed = vec![0u8; len];
        file.read_exact(&mut sealed).map_err(|_| BundleError::Damaged)?;
        let plain =
            wire::open(&tk, &centre, Item::Bundle, &n.to_be_bytes(), &sealed).map_err(|_| BundleError::Damaged)?;
        let frame: Frame = codec::from_bytes(&plain, "bundle").map_err(|_| BundleError::Damaged)?;
        match frame {
            Frame::End { frames, sig } => break (frames, sig),
            other => {
                run = crypto::hash(&[&run, &plain]).to_vec();
                match other {
                    Frame::Meta { exporter, statements, checkpoint, .. } if n == 0 => {
                        meta = Some((exporter, statements, checkpoint))
                    }
                    Frame::Entries(es) if n > 0 => entries.extend(es),
                    _ => return Err(BundleError::Damaged),
                }
            }
        }
        n += 1;
    };
    let mut rest = Vec::new();
    file.read_to_end(&mut rest).map_err(StoreError::from)?;
    let Some((exporter, statements, checkpoint)) = meta else { return Err(BundleError::Damaged) };
    if frames != n || !rest.is_empty() {
        return Err(BundleError::Damaged);
    }
    // The roster statements verify themselves against the centre's anchor.
    store.add_statements(&statements, "bundle")?;
    let roster = store.roster()?;
    let public = match roster.trust(&exporter, 0) {
        Trust::Trusted(p) => p,
        _ => return Err(BundleError::UnknownExporter),
    };
    if !crypto::verify_signature(&public, &[b"haven-bundle\0", &centre, &n.to_be_bytes(), &run], &sig) {
        return Err(BundleError::BadSignature);
    }
    let mut state = SyncState::load(store)?;
    let mut total = Received::default();
    receive::retry_pending(store, &mut state)?;
    for chunk in entries.chunks(super::hub::PAGE) {
        let r = receive::receive(store, &mut state, chunk.to_vec(), Source::Bundle)?;
        total.add(r);
    }
    if checkpoint.inst == exporter && checkpoint.centre == centre && checkpoint.valid(&public) {
        super::hub::check_one(store, &mut state, &checkpoint, None, Source::Bundle)?;
    }
    receive::save(store, &state)?;
    store.audit(AuditEntry::new(AuditAction::Import, "sync_bundle").summary(format!(
        "{} changes accepted, {} applied, {} set aside",
        total.accepted, total.applied, total.rejected
    )))?;
    Ok(total)
}
