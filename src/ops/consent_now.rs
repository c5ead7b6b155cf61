//! A referral refused for want of consent goes on: when the person agrees
//! there and then, the consent to share with that organisation is recorded
//! and the same referral saved, without leaving the form.

use chrono::NaiveDate;

use super::case_list::live;
use super::referrals::{consents_of, save_consent, save_referral};
use crate::domain::casefile::{covering_consent, shares_data};
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::referral::Referral;
use crate::store::{Record, Store, StoreError, new_id};

/// Whether saving `referral` (edited from `revision`) as it is would be
/// refused for want of a consent covering its organisation: outgoing and
/// open, no consent in force, and no manager's override standing on it.
pub fn needs_consent(store: &Store, referral: &Referral, revision: u64, today: NaiveDate) -> Result<bool, StoreError> {
    if !shares_data(referral) {
        return Ok(false);
    }
    let consents = live(consents_of(store, referral.case_id)?);
    if covering_consent(&consents, referral.organisation, referral.date.max(today)).is_some() {
        return Ok(false);
    }
    let standing = revision > 0
        && store
            .get::<Referral>(&referral.key())?
            .is_some_and(|s| s.body.organisation == referral.organisation && s.body.override_reason.is_some());
    Ok(!standing)
}

/// Records that the person consents, today, to sharing with the referral's
/// organisation (recorded by the user signed in), then saves the referral
/// resting on that consent. Each is one audited transaction; a referral
/// refused after the consent leaves the consent, which is true, in place.
pub fn refer_with_consent(
    store: &Store,
    referral: &Referral,
    revision: u64,
    today: NaiveDate,
) -> Result<Referral, StoreError> {
    if needs_consent(store, referral, revision, today)? {
        let consent = Consent {
            id: new_id()?,
            case_id: referral.case_id,
            purpose: ConsentPurpose::SharingWith(referral.organisation),
            given: true,
            date: today,
            recorded_by: String::new(),
            withdrawn_on: None,
        };
        save_consent(store, &consent, 0, today)?;
    }
    save_referral(store, referral, revision, None, today)
}
