//! `haven audit show|verify`: the audit chain for managers. Events hold no
//! personal data: actions, entity kinds, case codes, counts.

use std::process::ExitCode;

use super::args::{AuditArgs, AuditCmd, Cli};
use super::{creds, paths};
use crate::i18n::I18n;
use crate::store::audit::{self, AuditEvent, ChainHead};
use crate::store::{StoreError, audit::hex};
use crate::ui::audit_words;
use crate::ui::sanitize::pad;

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

/// One event as the reader reads it: the date in the language's format, the
/// action, record and summary in words (`ui::audit_words`).
fn line(e: &AuditEvent, i18n: &I18n) -> String {
    let local = e.at.with_timezone(&chrono::Local).naive_local();
    let when = format!("{}:{}", i18n.format_datetime(local), local.format("%S"));
    format!(
        "{:>7}  {when}  {} {} {} {} {}",
        e.seq,
        pad(&e.user, 14),
        pad(&audit_words::action(i18n, e.action), 13),
        pad(&audit_words::entity(i18n, &e.entity), 14),
        pad(e.case_code.as_deref().unwrap_or("-"), 14),
        audit_words::summary(i18n, &e.summary)
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
            let i18n = I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
            let today = chrono::Local::now().date_naive();
            let date = |s: &Option<String>| -> anyhow::Result<Option<chrono::NaiveDate>> {
                match s {
                    Some(t) => {
                        Ok(Some(i18n.parse_date(t, today).map_err(|_| StoreError::Invalid(format!("date {t}")))?))
                    }
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
                    super::out::line(&line(e, &i18n))?;
                    shown += 1;
                }
            }
            let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
            super::out::line(
                &i18n.t_args("audit-count", &[("shown", count(shown).into()), ("total", count(events.len()).into())]),
            )?;
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
