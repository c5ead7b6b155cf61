//! Referrals in and out, and the consents they rest on.
//!
//! An outgoing referral shares the person's data, so it is saved only with a
//! consent that covers sharing with that organisation; a manager may send
//! one without, with a written reason recorded as an override. Withdrawing
//! or refusing a consent revokes, in the same transaction, the open
//! referrals it covered.

use chrono::NaiveDate;

use super::case_list::live;
use super::cases::{front, refused};
use crate::domain::case::CasePrivate;
use crate::domain::casefile::{FileRule, referral_consent, shares_data, uncovered_by, validate_consent};
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::ids::{CaseId, OrganisationId};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::referral::{Direction, Organisation, Referral, ReferralStatus};
use crate::store::audit::said;
use crate::store::{AuditAction, AuditEntry, Record, Store, StoreError, Stored};

/// The consents of a case, withdrawn and refused ones included.
pub fn consents_of(store: &Store, case: CaseId) -> Result<Vec<Stored<Consent>>, StoreError> {
    store.scan_prefix::<Consent>(case.as_bytes())
}

/// The referrals of a case.
pub fn referrals_of(store: &Store, case: CaseId) -> Result<Vec<Stored<Referral>>, StoreError> {
    store.scan_prefix::<Referral>(case.as_bytes())
}

fn organisation(store: &Store, id: OrganisationId) -> Result<Organisation, StoreError> {
    store.get::<Organisation>(id.as_bytes())?.map(|s| s.body).ok_or(StoreError::NotFound("organisation"))
}

/// Saves a referral (new when `revision` is 0).
///
/// `override_reason` is a manager's written reason to send an outgoing
/// referral no consent covers; it is kept on the referral and named in the
/// audit event. Refusals say why and write nothing.
pub fn save_referral(
    store: &Store,
    referral: &Referral,
    revision: u64,
    override_reason: Option<&str>,
    today: NaiveDate,
) -> Result<Referral, StoreError> {
    let f = front(store, referral.case_id)?;
    let org = organisation(store, referral.organisation)?;
    if org.retired && revision == 0 {
        return Err(StoreError::Rule(crate::store::Rule::OrganisationRetired));
    }
    let consents = live(consents_of(store, referral.case_id)?);
    let may_override = store.may(Act::OverrideConsent, DataClass::Case);
    let reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
    let mut r = referral.clone();
    // A referral already sent on a manager's override keeps it while it goes
    // to the same organisation (a case worker may still record the answer).
    let standing = match revision {
        0 => None,
        _ => store
            .get::<Referral>(&r.key())?
            .filter(|s| s.body.organisation == r.organisation)
            .and_then(|s| s.body.override_reason),
    };
    let consent = match referral_consent(&r, &consents, today, reason, may_override) {
        Ok(c) => c,
        Err(FileRule::ReferralNeedsConsent) if standing.is_some() => None,
        Err(rule) => return Err(refused(rule)),
    };
    r.consent = consent;
    let overridden = shares_data(&r) && consent.is_none();
    r.override_reason = if overridden { reason.map(String::from).or(standing) } else { None };
    let action = if revision == 0 { AuditAction::Create } else { AuditAction::Update };
    let args = [
        ("direction", format!("#cases-direction-{}", r.direction.key())),
        ("status", format!("#cases-referral-status-{}", r.status.key())),
    ];
    let summary = said(if overridden { "referral-override" } else { "referral" }, &args);
    let entry =
        AuditEntry::new(action, Referral::KIND).id(*r.id.as_bytes()).case(f.body.code.to_string()).summary(summary);
    store.commit(entry, |tx| {
        let saved = tx.put_at(r.clone(), revision)?.body;
        // The first incoming referral is the one that brought the person.
        if saved.direction == Direction::In
            && let Some(mut file) = tx.get::<CasePrivate>(saved.case_id.as_bytes())?.map(|s| s.body)
            && file.incoming_referral.is_none()
        {
            file.incoming_referral = Some(saved.id);
            tx.put(file)?;
        }
        Ok(saved)
    })
}

/// What saving a consent did.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentSaved {
    /// The consent as stored.
    pub consent: Consent,
    /// Open outgoing referrals it left without cover, now revoked.
    pub revoked: usize,
}

/// Saves a consent (new when `revision` is 0); a withdrawal or a refusal
/// revokes the open referrals that lose their cover.
pub fn save_consent(
    store: &Store,
    consent: &Consent,
    revision: u64,
    today: NaiveDate,
) -> Result<ConsentSaved, StoreError> {
    validate_consent(consent).map_err(refused)?;
    if let ConsentPurpose::SharingWith(org) = consent.purpose {
        organisation(store, org)?;
    }
    let f = front(store, consent.case_id)?;
    let mut c = consent.clone();
    if revision == 0 {
        c.recorded_by = store.session()?.username.clone();
    }
    let mut consents = live(consents_of(store, c.case_id)?);
    consents.retain(|x| x.id != c.id);
    consents.push(c.clone());
    let referrals = live(referrals_of(store, c.case_id)?);
    let revoke = uncovered_by(&referrals, &consents, today);
    let action = if revision == 0 { AuditAction::Create } else { AuditAction::Update };
    let state = match (c.given, c.withdrawn_on) {
        (_, Some(_)) => "withdrawn",
        (true, None) => "given",
        (false, None) => "refused",
    };
    let summary = said(
        "consent",
        &[
            ("purpose", format!("#cases-purpose-{}", c.purpose.key())),
            ("state", format!("#audit-consent-{state}")),
            ("revoked", revoke.len().to_string()),
        ],
    );
    let entry =
        AuditEntry::new(action, Consent::KIND).id(*c.id.as_bytes()).case(f.body.code.to_string()).summary(summary);
    store.commit(entry, |tx| {
        let saved = tx.put_at(c.clone(), revision)?.body;
        for id in &revoke {
            let key = crate::store::record::case_scoped_key(saved.case_id, id.as_bytes());
            if let Some(mut r) = tx.get::<Referral>(&key)?.map(|s| s.body)
                && shares_data(&r)
            {
                r.status = ReferralStatus::Revoked;
                tx.put(r)?;
            }
        }
        Ok(ConsentSaved { consent: saved, revoked: revoke.len() })
    })
}

/// Saves an organisation of the directory (new when `revision` is 0).
pub fn save_organisation(store: &Store, org: &Organisation, revision: u64) -> Result<Organisation, StoreError> {
    let mut o = org.clone();
    o.name = o.name.trim().to_string();
    if o.name.is_empty() {
        return Err(StoreError::Invalid("name".into()));
    }
    let action = if revision == 0 { AuditAction::Create } else { AuditAction::Update };
    let old = store.get::<Organisation>(o.id.as_bytes())?;
    let summary = super::cases::changed_fields(old.as_ref().map(|x| &x.body), &o);
    let entry = AuditEntry::new(action, Organisation::KIND).id(*o.id.as_bytes()).summary(summary);
    store.commit(entry, |tx| Ok(tx.put_at(o.clone(), revision)?.body))
}

/// Retires an organisation (or brings it back): it leaves the pickers, its
/// referrals and history stay.
pub fn set_retired(store: &Store, id: OrganisationId, retired: bool) -> Result<Organisation, StoreError> {
    let summary = if retired { "retired" } else { "back in use" };
    let entry = AuditEntry::new(AuditAction::Update, Organisation::KIND).id(*id.as_bytes()).summary(summary);
    store.commit(entry, |tx| {
        let mut o = tx.get::<Organisation>(id.as_bytes())?.ok_or(StoreError::NotFound("organisation"))?.body;
        o.retired = retired;
        tx.put(o.clone())?;
        Ok(o)
    })
}

/// The directory, by name.
pub fn organisations(store: &Store) -> Result<Vec<Stored<Organisation>>, StoreError> {
    let mut all: Vec<_> = store.scan::<Organisation>()?.into_iter().filter(|s| !s.is_deleted()).collect();
    all.sort_by_key(|o| o.body.name.to_lowercase());
    Ok(all)
}
