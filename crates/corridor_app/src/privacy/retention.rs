//! The retention of event-only registrants: the period (configured default, or what an organiser
//! or admin set at run time), and the purge that removes the personal data of registrants past it,
//! keeping anonymous counts by country, person kind and month of registration.
//!
//! The purge takes `now` explicitly, so that tests (and a dry run of "what would go next month")
//! need no clock.

use chrono::{DateTime, Duration, Utc};
use corridor_store::NewAuditEntry;
use corridor_store::privacy::{PurgeOutcome, RegistrantCount};
use serde::Serialize;

use super::PrivacyError;
use super::config::check_retention_days;
use crate::App;
use crate::actor::CurrentUser;

/// The settings row holding the period an organiser set.
pub const SETTING: &str = "privacy.event_registrant_retention_days";

/// The retention period in force, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retention {
    pub days: u32,
    /// `privacy.event_registrant_retention_days` of the configuration.
    pub default_days: u32,
    /// When an organiser or admin last set the period; `None` while the default applies.
    pub updated_at: Option<DateTime<Utc>>,
}

/// Anonymous counts of removed registrants, as shown to organisers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountRecord {
    pub country: String,
    pub person_kind: String,
    pub registered_month: String,
    pub registrants: u64,
}

impl From<RegistrantCount> for CountRecord {
    fn from(c: RegistrantCount) -> Self {
        CountRecord {
            country: c.country,
            person_kind: c.person_kind,
            registered_month: c.registered_month,
            registrants: c.registrants,
        }
    }
}

/// What a purge did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    pub dry_run: bool,
    pub retention_days: u32,
    /// Registrants registered before this instant are past retention.
    pub cutoff: DateTime<Utc>,
    pub removed: u64,
    pub counts: Vec<CountRecord>,
}

fn staff<'u>(
    user: Option<&'u CurrentUser>,
    what: &'static str,
) -> Result<&'u CurrentUser, PrivacyError> {
    let user = user.ok_or(PrivacyError::SignInRequired(what))?;
    if user.role.is_staff() {
        Ok(user)
    } else {
        Err(PrivacyError::Forbidden(format!(
            "only organisers and admins may {what}"
        )))
    }
}

/// The period in force (organisers and admins).
pub async fn retention(app: &App, user: Option<&CurrentUser>) -> Result<Retention, PrivacyError> {
    staff(user, "see the retention period")?;
    current(app).await
}

/// Sets the period (organisers and admins), recorded in the audit log.
pub async fn set_retention(
    app: &App,
    user: Option<&CurrentUser>,
    days: u32,
) -> Result<Retention, PrivacyError> {
    let user = staff(user, "change the retention period")?;
    let days = check_retention_days(days).map_err(|m| PrivacyError::invalid("days", m))?;
    let before = current(app).await?;
    let now = Utc::now();
    let audit = NewAuditEntry::new("privacy.retention_changed", "setting", SETTING)
        .by(user.account.to_string())
        .at(now)
        .transition(Some(&before.days.to_string()), Some(&days.to_string()));
    app.store
        .settings()
        .put(SETTING, &days.to_string(), now, audit)
        .await?;
    current(app).await
}

/// The anonymous counts of removed registrants (organisers and admins).
pub async fn registrant_counts(
    app: &App,
    user: Option<&CurrentUser>,
) -> Result<Vec<CountRecord>, PrivacyError> {
    staff(user, "see registrant counts")?;
    let counts = app.store.privacy().registrant_counts().await?;
    Ok(counts.into_iter().map(CountRecord::from).collect())
}

/// Removes the personal data of event-only registrants registered more than the retention
/// period before `now`, adding them to the anonymous counts, with one audit entry (by the system)
/// listing the counts when anything was removed. A `dry_run` only reports. The periodic worker and
/// `corridor privacy purge` call this; it decides nothing about users, so it takes none.
pub async fn purge(
    app: &App,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<PurgeReport, PrivacyError> {
    let retention_days = current(app).await?.days;
    let cutoff = now - Duration::days(i64::from(retention_days));
    let audit = |outcome: &PurgeOutcome| {
        (outcome.removed > 0).then(|| {
            let counts: Vec<CountRecord> = outcome
                .counts
                .iter()
                .cloned()
                .map(CountRecord::from)
                .collect();
            NewAuditEntry::new("privacy.registrants_purged", "privacy", "event_registrants")
                .at(now)
                .details(serde_json::json!({
                    "retention_days": retention_days,
                    "cutoff": cutoff,
                    "removed": outcome.removed,
                    "counts": counts,
                }))
        })
    };
    let outcome = app
        .store
        .privacy()
        .purge_registrants(cutoff, dry_run, audit)
        .await?;
    Ok(PurgeReport {
        dry_run,
        retention_days,
        cutoff,
        removed: outcome.removed,
        counts: outcome.counts.into_iter().map(CountRecord::from).collect(),
    })
}

/// The setting if an organiser set a valid one, else the configured default.
async fn current(app: &App) -> Result<Retention, PrivacyError> {
    let default_days = app.config.privacy.event_registrant_retention_days;
    let stored = app.store.settings().get(SETTING).await?;
    let set = stored.and_then(|s| {
        match s
            .value
            .parse()
            .ok()
            .and_then(|d| check_retention_days(d).ok())
        {
            Some(days) => Some((days, s.updated_at)),
            None => {
                // Only this module writes the row; a bad value means a hand edit. Keep to the default.
                tracing::warn!(value = %s.value, "ignoring an invalid {SETTING} setting");
                None
            }
        }
    });
    Ok(Retention {
        days: set.map_or(default_days, |(days, _)| days),
        default_days,
        updated_at: set.map(|(_, at)| at),
    })
}
