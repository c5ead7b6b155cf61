//! The part of sled's log that its recovery replays, verified read-only
//! before sled opens the database, so that what recovery would cut or zero
//! is kept first.
//!
//! sled 0.34 (`pagecache/iterator.rs`, `pagecache/snapshot.rs`) replays the
//! log from the segment holding its last snapshot's stable LSN (the name of
//! `snap.<lsn>`). At the first message it cannot read in the last segments
//! it stops, zeroes the rest of that segment and every later segment, and
//! opens what it read; in an earlier segment it skips the rest of the
//! segment without a word. A single flipped byte there cut 70,518 bytes of
//! saves (issue 16). In a healthy log a message is bad only at the end of
//! the writes: what follows is zeros, or older messages of a reused segment
//! (another segment number). But sled writes its buffers from several
//! threads, so a kill can leave one unwritten (zeros, or the older bytes of
//! a reused segment) while the buffers after it, even in the next segment,
//! are on disk. So a bad message whose header is sound and after which the
//! next message reads is damage: the file is copied aside and sled is not
//! opened. Any other unreadable bytes followed by readable messages, in the
//! same segment or a later one, are a torn tail: every segment from there
//! to the end of the log is copied aside and sled may cut them; the witness
//! (`store::head`) then says whether a save it cut had been acknowledged.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The names of the copies kept aside: a damaged file, a torn tail.
pub(crate) const DAMAGED_PREFIX: &str = "damaged-db-";
pub(crate) const CUT_PREFIX: &str = "cut-db-";

/// sled's segment size (its default, which the centre keeps: `db::sled_config`).
pub(crate) const SEGMENT: u64 = 512 * 1024;
/// sled's `SEG_HEADER_LEN`.
const SEG_HEADER: u64 = 20;
/// sled's `MAX_MSG_HEADER_LEN`: a message starts no later than this before a segment's end.
const MAX_MSG_HEADER: u64 = 32;
/// Message kinds sled writes (`MessageKind`): 1 Canceled … 11 BlobLink.
const CAP: u8 = 2;
const LAST_KIND: u8 = 11;

/// What the log holds past the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Every message reads up to the end of the writes.
    Clean,
    /// A gap after which sled wrote more (a kill): recovery will cut the
    /// log at `from` (a file offset) and drop every later segment.
    TornTail {
        /// File offsets of the segment holding the gap and of every later
        /// one, in the order of the log.
        segments: Vec<u64>,
        /// File offset of the gap.
        from: u64,
    },
    /// Damage at file offset `at`: recovery would cut or skip what follows.
    Damaged {
        /// File offset of the first byte that does not read.
        at: u64,
    },
}

/// Verifies the log of the sled database in `db_dir` from its last snapshot
/// on. Reads only.
pub(crate) fn verify(db_dir: &Path) -> std::io::Result<Verdict> {
    let mut file = match File::open(db_dir.join("db")) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Verdict::Clean),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    let stable = stable_lsn(db_dir)?;
    let min = stable - stable.rem_euclid(SEGMENT as i64);
    // Every segment header: its LSN orders the log.
    let mut ordering: Vec<(i64, u64)> = Vec::new();
    let mut off = 0u64;
    while off + SEG_HEADER <= len {
        let mut h = [0u8; SEG_HEADER as usize];
        file.seek(SeekFrom::Start(off))?;
        file.read_exact(&mut h)?;
        match segment_header(&h) {
            Header::Free => {}
            Header::Bad => return Ok(Verdict::Damaged { at: off }),
            Header::Ok { lsn } if lsn >= min => ordering.push((lsn, off)),
            Header::Ok { .. } => {}
        }
        off += SEGMENT;
    }
    ordering.sort_unstable();
    if ordering.windows(2).any(|w| w[0].0 == w[1].0) {
        return Ok(Verdict::Damaged { at: ordering.first().map_or(0, |s| s.1) });
    }
    let last = ordering.len().saturating_sub(1);
    for (i, (lsn, seg)) in ordering.iter().enumerate() {
        let mut buf = vec![0u8; SEGMENT.min(len - seg) as usize];
        file.seek(SeekFrom::Start(*seg))?;
        file.read_exact(&mut buf)?;
        let Some(bad) = first_bad(&buf, *lsn) else { continue };
        let later = i < last;
        // A message whose header is sound and after which the next message
        // reads failed its checksum: damage. Anything else in its place
        // (zeros, the older bytes of a reused segment, a stale message) is
        // a buffer a kill left unwritten while a later one was written.
        if damaged_message(&buf, bad, *lsn) {
            return Ok(Verdict::Damaged { at: seg + bad as u64 });
        }
        if later || readable_after(&buf, bad, *lsn) {
            let segments = ordering[i..].iter().map(|s| s.1).collect();
            return Ok(Verdict::TornTail { segments, from: seg + bad as u64 });
        }
    }
    Ok(Verdict::Clean)
}

/// The stable LSN of the newest snapshot (sled opens the greatest name).
fn stable_lsn(db_dir: &Path) -> std::io::Result<i64> {
    let mut best: Option<String> = None;
    for e in std::fs::read_dir(db_dir)? {
        let name = e?.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && !name.ends_with(".generating") && best.as_ref().is_none_or(|b| name > *b) {
            best = Some(name);
        }
    }
    Ok(best.and_then(|n| i64::from_str_radix(n.trim_start_matches("snap."), 16).ok()).unwrap_or(0).max(0))
}

enum Header {
    Free,
    Bad,
    Ok { lsn: i64 },
}

/// A segment header: crc, LSN, max stable LSN (sled's `SegmentHeader`).
fn segment_header(h: &[u8; SEG_HEADER as usize]) -> Header {
    if h.iter().all(|b| *b == 0) {
        return Header::Free;
    }
    let stored = u32::from_le_bytes([h[0], h[1], h[2], h[3]]) ^ 0xFFFF_FFFF;
    if crc32(&[&h[4..20]]) != stored {
        return Header::Bad;
    }
    let mut l = [0u8; 8];
    l.copy_from_slice(&h[4..12]);
    let lsn = i64::from_le_bytes(l) ^ 0x7FFF_FFFF_FFFF_FFFF;
    if lsn < 0 || lsn % SEGMENT as i64 != 0 { Header::Bad } else { Header::Ok { lsn } }
}

/// One message read at a position of a segment.
enum Message {
    /// Its whole length; `cap` ends the segment.
    Good {
        len: usize,
        cap: bool,
    },
    Bad,
}

/// Reads the message at `pos` of segment `buf` with base `lsn`, as sled's
/// `read_message` does (blobs are not followed: the centre has none).
/// Bytes past the end of the file read as zeros, as in sled's buffer.
fn message(buf: &[u8], pos: usize, lsn: i64) -> Message {
    let Some(h) = header(buf, pos) else { return Message::Bad };
    let (Some(body), Some(head)) = (buf.get(pos + h.at..pos + h.at + h.len), buf.get(pos + 4..pos + h.at)) else {
        return Message::Bad;
    };
    let byte = |i: usize| buf.get(pos + i).copied().unwrap_or(0);
    let crc = u32::from_le_bytes([byte(0), byte(1), byte(2), byte(3)]);
    if crc32(&[body, head]) ^ 0xFFFF_FFFF != crc {
        return Message::Bad;
    }
    // Another segment number: what a reused segment still holds from before.
    if h.segno != (lsn / SEGMENT as i64) as u64 {
        return Message::Bad;
    }
    Message::Good { len: h.at + h.len, cap: h.kind == CAP }
}

/// A message header as sled writes it: kind, then length, segment number
/// and page id as varints.
struct MessageHeader {
    kind: u8,
    /// Bytes from the message's start to its body.
    at: usize,
    /// Bytes of the body.
    len: usize,
    segno: u64,
}

/// The header of the message at `pos`, if it is one sled could have written
/// (a known kind, a body that fits in the segment). Bytes past the end of
/// the file read as zeros, as in sled's buffer.
fn header(buf: &[u8], pos: usize) -> Option<MessageHeader> {
    let byte = |i: usize| buf.get(pos + i).copied().unwrap_or(0);
    let kind = byte(4);
    if kind == 0 || kind > LAST_KIND {
        return None;
    }
    let mut at = 5;
    let (len, segno, _pid) = (varint(byte, &mut at)?, varint(byte, &mut at)?, varint(byte, &mut at)?);
    let room = (SEGMENT as usize).saturating_sub(pos + at);
    if len > room as u64 {
        return None;
    }
    Some(MessageHeader { kind, at, len: len as usize, segno })
}

/// Whether the unreadable message at `pos` is a written message damaged
/// since: its header is sound, of this segment, and the message after it
/// reads (or it ends where no message could follow).
fn damaged_message(buf: &[u8], pos: usize, lsn: i64) -> bool {
    let Some(h) = header(buf, pos) else { return false };
    if h.segno != (lsn / SEGMENT as i64) as u64 {
        return false;
    }
    let next = pos + h.at + h.len;
    next as u64 > SEGMENT - MAX_MSG_HEADER || matches!(message(buf, next, lsn), Message::Good { .. })
}

/// The position of the first message of the segment that does not read,
/// or `None` when the segment reads to its cap or its end.
fn first_bad(buf: &[u8], lsn: i64) -> Option<usize> {
    let mut pos = SEG_HEADER as usize;
    while (pos as u64) <= SEGMENT - MAX_MSG_HEADER {
        if pos >= buf.len() {
            // The end of the file: nothing more was written.
            return None;
        }
        match message(buf, pos, lsn) {
            Message::Good { cap: true, .. } => return None,
            Message::Good { len, .. } => pos += len,
            Message::Bad => return Some(pos),
        }
    }
    None
}

/// Whether a message of this segment reads anywhere after the bad one at
/// `bad`: then the bad one is damage in the middle of the writes.
fn readable_after(buf: &[u8], bad: usize, lsn: i64) -> bool {
    let limit = ((SEGMENT - MAX_MSG_HEADER) as usize).min(buf.len());
    ((bad + 1)..limit).any(|p| buf[p] != 0 && matches!(message(buf, p, lsn), Message::Good { .. }))
}

/// sled's variable-length integers (`serialization.rs`), from `byte(at)` on.
fn varint(byte: impl Fn(usize) -> u8, at: &mut usize) -> Option<u64> {
    let b = |i: usize| u64::from(byte(i));
    let first = b(*at);
    let (v, n) = match first {
        0..=240 => (first, 1),
        241..=248 => (240 + 256 * (first - 241) + b(*at + 1), 2),
        249 => (2288 + 256 * b(*at + 1) + b(*at + 2), 3),
        _ => {
            let sz = first as usize - 247;
            let mut a = [0u8; 8];
            for (i, slot) in a.iter_mut().enumerate().take(sz) {
                *slot = byte(*at + 1 + i);
            }
            (u64::from_le_bytes(a), sz + 1)
        }
    };
    *at += n;
    Some(v)
}

/// CRC-32 (IEEE), as sled's `crc32fast`, over the parts in order.
fn crc32(parts: &[&[u8]]) -> u32 {
    let table = table();
    let mut c = 0xFFFF_FFFFu32;
    for p in parts {
        for b in *p {
            c = table[((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8);
        }
    }
    c ^ 0xFFFF_FFFF
}

fn table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *slot = c;
        }
        t
    })
}

/// Copies parts of the database file, one after the other (each an offset
/// and a length, `None` to the end of the file), into a new file beside the
/// database folder, named with the time and `from` (the offset the copy is
/// about), and returns its path (`prefix` names why). An identical copy kept
/// by an earlier attempt is reused.
pub(crate) fn keep(db_dir: &Path, prefix: &str, from: u64, parts: &[(u64, Option<u64>)]) -> std::io::Result<PathBuf> {
    let mut src = File::open(db_dir.join("db"))?;
    let mut bytes = Vec::new();
    for (at, len) in parts {
        src.seek(SeekFrom::Start(*at))?;
        match len {
            Some(n) => (&mut src).take(*n).read_to_end(&mut bytes)?,
            None => src.read_to_end(&mut bytes)?,
        };
    }
    let parent = db_dir.parent().unwrap_or(db_dir);
    let suffix = format!("-from{from}.bin");
    for e in std::fs::read_dir(parent)?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix)
            && name.ends_with(&suffix)
            && e.metadata().is_ok_and(|m| m.len() == bytes.len() as u64)
            && std::fs::read(e.path()).is_ok_and(|b| b == bytes)
        {
            return Ok(e.path());
        }
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let path = parent.join(format!("{prefix}{stamp}{suffix}"));
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, &bytes)?;
    File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, &path)?;
    if let Ok(d) = File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_and_varints_read_as_sled_writes_them() {
        // The check value of CRC-32/IEEE.
        assert_eq!(crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
        let h = [200u8, 242, 10, 249, 1, 2];
        let byte = |i: usize| h.get(i).copied().unwrap_or(0);
        let mut at = 0;
        assert_eq!(varint(byte, &mut at), Some(200));
        assert_eq!(varint(byte, &mut at), Some(240 + 256 + 10));
        assert_eq!(varint(byte, &mut at), Some(2288 + 256 + 2));
        assert_eq!(at, 6);
    }

    /// A sled database of a few segments, closed, and its segments' file
    /// offsets in the order of the log.
    fn written_log(dir: &Path) -> Vec<(i64, u64)> {
        {
            let db = crate::store::db::sled_config(dir).open().unwrap();
            for i in 0u32..4000 {
                // Values that do not compress, so the log spans segments.
                let v: Vec<u8> =
                    (0..700u32).map(|j| (i.wrapping_mul(2_654_435_761).wrapping_add(j * 40_503) >> 7) as u8).collect();
                db.insert(i.to_be_bytes(), v).unwrap();
            }
            db.flush().unwrap();
        }
        // sled lets go of its file from a background thread.
        std::thread::sleep(std::time::Duration::from_millis(300));
        let bytes = std::fs::read(dir.join("db")).unwrap();
        let mut segs = Vec::new();
        for off in (0..bytes.len() as u64).step_by(SEGMENT as usize) {
            let mut h = [0u8; SEG_HEADER as usize];
            h.copy_from_slice(&bytes[off as usize..(off + SEG_HEADER) as usize]);
            if let Header::Ok { lsn } = segment_header(&h) {
                segs.push((lsn, off));
            }
        }
        segs.sort_unstable();
        assert!(segs.len() >= 3, "the log spans {} segments", segs.len());
        segs
    }

    /// The start of a message in the middle of a segment, and its length.
    fn middle_message(bytes: &[u8], seg: u64, lsn: i64) -> (usize, usize) {
        let buf = &bytes[seg as usize..(seg + SEGMENT) as usize];
        let mut pos = SEG_HEADER as usize;
        let mut starts = Vec::new();
        while let Message::Good { len, cap: false } = message(buf, pos, lsn) {
            starts.push((pos, len));
            pos += len;
        }
        assert!(starts.len() > 10, "{} messages", starts.len());
        starts[starts.len() / 2]
    }

    #[test]
    fn a_buffer_a_kill_left_unwritten_before_the_last_segment_is_a_torn_tail_and_a_flip_is_damage() {
        let dir = tempfile::tempdir().unwrap();
        let segs = written_log(dir.path());
        assert_eq!(verify(dir.path()).unwrap(), Verdict::Clean);
        let file = dir.path().join("db");
        let original = std::fs::read(&file).unwrap();
        let (lsn, seg) = segs[segs.len() - 2];
        let (pos, len) = middle_message(&original, seg, lsn);
        let at = seg + pos as u64;
        let later: Vec<u64> = segs[segs.len() - 2..].iter().map(|s| s.1).collect();

        // A 24-byte buffer not yet written by a kill, in the last segment but one
        // (seen in a killed import: the verdict was "damaged").
        let mut hole = original.clone();
        hole[at as usize..at as usize + 24].fill(0);
        std::fs::write(&file, &hole).unwrap();
        assert_eq!(verify(dir.path()).unwrap(), Verdict::TornTail { segments: later.clone(), from: at });

        // The older message of a reused segment in its place: whole, another number.
        let mut stale = original.clone();
        let m = &mut stale[at as usize..at as usize + len];
        let mut i = 5;
        let byte = |m: &[u8], i: usize| m[i];
        let _len = varint(|j| byte(m, j), &mut i).unwrap();
        let segno_at = i;
        let segno = varint(|j| byte(m, j), &mut i).unwrap();
        assert!(segno > 0 && segno <= 240 && i == segno_at + 1, "segment number {segno}");
        m[segno_at] = (segno - 1) as u8;
        let mut k = segno_at + 1;
        let _pid = varint(|j| byte(m, j), &mut k).unwrap();
        let body_len = _len as usize;
        let c = crc32(&[&m[k..k + body_len], &m[4..k]]) ^ 0xFFFF_FFFF;
        m[..4].copy_from_slice(&c.to_le_bytes());
        std::fs::write(&file, &stale).unwrap();
        assert_eq!(verify(dir.path()).unwrap(), Verdict::TornTail { segments: later, from: at });

        // The older bytes of a reused segment, not at a message's start
        // (seen in a killed import: 24 bytes of an old key, then the next buffer).
        let mut garbage = original.clone();
        garbage[at as usize..at as usize + 24]
            .copy_from_slice(b"\xa7\x08\xce\x25\x65\x12services\0MH\x07\xcd\xa3\x26\x62\x0b\x36");
        std::fs::write(&file, &garbage).unwrap();
        assert!(matches!(verify(dir.path()).unwrap(), Verdict::TornTail { from, .. } if from == at));

        // One flipped byte in the same message is damage.
        let mut flipped = original;
        flipped[at as usize + len / 2] ^= 0x20;
        std::fs::write(&file, &flipped).unwrap();
        assert_eq!(verify(dir.path()).unwrap(), Verdict::Damaged { at });
    }
}
