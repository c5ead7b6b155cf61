//! `haven audit show|verify`: the audit chain for managers. Events hold no
//! personal data: actions, entity kinds, case codes, counts.

use std::process::ExitCode;

use super::args::{AuditArgs, AuditCmd, Cli};
use super::{creds, paths};
use crate::domain::dates::parse_date;
use crate::store::audit::{self, AuditEvent, ChainHead};
use crate::store::{StoreError, audit::hex};

fn parse_head(text: &str) -> Option<(u64, [u8; 32])> {
    let (seq, mac) = text.trim().split_once(':')?;
    let seq = seq.parse().ok()?;
    if mac.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(mac.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some((seq, out))
}

fn line(e: &AuditEvent) -> String {
    let local = e.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S");
    format!(
        "{:>7}  {local}  {:<14} {:<13} {:<14} {:<14} {}",
        e.seq,
        e.user,
        e.action.name(),
        e.entity,
        e.case_code.as_deref().unwrap_or("-"),
        e.summary
    )
}

/// Runs `haven audit …`.
pub fn run(cli: &Cli, a: &AuditArgs) -> anyhow::Result<ExitCode> {
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let events = store.audit_events()?;
    match &a.action {
        AuditCmd::Show { user, case, action, from, to } => {
            let today = chrono::Local::now().date_naive();
            let date = |s: &Option<String>| -> anyhow::Result<Option<chrono::NaiveDate>> {
                match s {
                    Some(t) => Ok(Some(parse_date(t, today).map_err(|_| StoreError::Invalid(format!("date {t}")))?)),
                    None => Ok(None),
                }
            };
            let (from, to) = (date(from)?, date(to)?);
            let mut shown = 0usize;
            for (_, e) in &events {
                let Some(e) = e else { continue };
                let day = e.at.with_timezone(&chrono::Local).date_naive();
                let keep = user.as_ref().is_none_or(|u| &e.user == u)
                    && case.as_ref().is_none_or(|c| e.case_code.as_deref() == Some(c.as_str()))
                    && action.as_ref().is_none_or(|x| e.action.name() == x.as_str())
                    && from.is_none_or(|f| day >= f)
                    && to.is_none_or(|t| day <= t);
                if keep {
                    super::out::line(&line(e))?;
                    shown += 1;
                }
            }
            super::out::line(&format!("{shown} of {} events", events.len()))?;
            Ok(ExitCode::SUCCESS)
        }
        AuditCmd::Verify { head } => {
            let key = store.audit_key_for_review()?;
            let verified = audit::verify(&key, events.clone());
            let recorded = match head {
                Some(h) => {
                    Some(parse_head(h).ok_or_else(|| StoreError::Invalid(format!("head {h}: expected SEQ:MAC")))?)
                }
                None => None,
            };
            match verified {
                Err(b) => {
                    super::out::line(&format!("FAILED: the chain is broken at event {}: {}", b.seq, why(b.why)))?;
                    Ok(ExitCode::FAILURE)
                }
                Ok(current) => match recorded {
                    None => {
                        super::out::line(&format!("ok: {} events, head {}", current.seq, current.display()))?;
                        Ok(ExitCode::SUCCESS)
                    }
                    Some((seq, mac)) => check_head(&events, current, seq, mac),
                },
            }
        }
    }
}

/// What a broken link means, in words.
fn why(code: &str) -> &'static str {
    match code {
        "missing" => "events were removed",
        "reordered" => "events were reordered",
        "undecodable" => "an event is damaged",
        _ => "an event was altered",
    }
}

fn check_head(
    events: &[(u64, Option<AuditEvent>)],
    current: ChainHead,
    seq: u64,
    mac: [u8; 32],
) -> anyhow::Result<ExitCode> {
    if current.seq < seq {
        super::out::line(&format!(
            "FAILED: the chain ends at event {} but the recorded head is event {seq}: events were removed",
            current.seq
        ))?;
        return Ok(ExitCode::FAILURE);
    }
    let at = events.iter().find(|(s, _)| *s == seq).and_then(|(_, e)| e.as_ref());
    match at {
        Some(e) if e.mac == mac => {
            super::out::line(&format!(
                "ok: nothing up to event {seq} was altered or removed; head now {}",
                current.display()
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            super::out::line(&format!(
                "FAILED: event {seq} is not the one recorded (MAC {}): the chain was rewritten",
                hex(&mac)
            ))?;
            Ok(ExitCode::FAILURE)
        }
    }
}
