//! People who registered only for an event: adding them, and removing those registered before a
//! cutoff while counting them anonymously (country, person kind, month of registration).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use corridor_domain::codes::CountryCode;
use corridor_domain::directory::{NewPerson, Person, PersonId};
use sqlx::types::Uuid;

use super::{Privacy, count, placeholders};
use crate::directory::id::DbId;
use crate::directory::tx::Arg;
use crate::{NewAuditEntry, StoreError};

/// The country counted for a registrant who gave none and belongs to no organisation
/// (ISO 3166-1 reserves `ZZ` for "unknown").
pub const UNKNOWN_COUNTRY: &str = "ZZ";

/// Someone who registered for an event without being in the directory.
#[derive(Debug, Clone)]
pub struct NewRegistrant {
    pub person: NewPerson,
    /// The country they gave, if any.
    pub country: Option<CountryCode>,
    pub registered_at: DateTime<Utc>,
}

/// Removed registrants of one country, person kind and month of registration (`YYYY-MM`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RegistrantCount {
    pub country: String,
    pub person_kind: String,
    pub registered_month: String,
    pub registrants: u64,
}

/// What a purge removed (or, in a dry run, would remove).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeOutcome {
    pub removed: u64,
    /// This purge's counts, by country, kind and month.
    pub counts: Vec<RegistrantCount>,
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: DbId,
    kind: String,
    country: Option<String>,
    registered_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    country: String,
    person_kind: String,
    registered_month: String,
    registrants: i64,
}

impl Privacy<'_> {
    /// Adds an event registrant (origin `event_registration`) and records `audit`, whose subject
    /// id is filled in. The events issue's registration form is the caller to come.
    pub async fn create_event_registrant(
        &self,
        new: &NewRegistrant,
        audit: NewAuditEntry,
    ) -> Result<Person, StoreError> {
        let error = self.error("person");
        let id = PersonId::from_uuid(Uuid::now_v7());
        let mut tx = self.store.begin().await.map_err(&error)?;
        crate::directory::people::insert(&mut tx, id, &new.person, None)
            .await
            .map_err(&error)?;
        let sql = "UPDATE people SET origin = 'event_registration', registered_at = $2, \
                   country = $3 WHERE id = $1";
        let args = [
            Arg::id(id),
            Arg::Time(new.registered_at),
            Arg::opt_text(new.country.as_ref()),
        ];
        tx.execute(sql, &args).await.map_err(&error)?;
        let audit = NewAuditEntry {
            subject_id: id.to_string(),
            ..audit
        };
        tx.audit(audit).await.map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        Ok(Person {
            id,
            details: new.person.clone(),
        })
    }

    /// Removes every event-only registrant (origin `event_registration`, no account) registered
    /// before `cutoff`, adds them to the anonymous counts and records the entry `audit` makes from
    /// the outcome (none when it returns `None`), all in one transaction. A `dry_run` changes
    /// nothing and reports what would go.
    pub async fn purge_registrants(
        &self,
        cutoff: DateTime<Utc>,
        dry_run: bool,
        audit: impl FnOnce(&PurgeOutcome) -> Option<NewAuditEntry>,
    ) -> Result<PurgeOutcome, StoreError> {
        let error = self.error("registrant");
        let mut tx = self.store.begin().await.map_err(&error)?;
        // A registrant without a country of their own counts under their organisation's.
        let sql = "SELECT p.id, p.kind, COALESCE(p.country, o.country) AS country, p.registered_at \
                   FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id \
                   WHERE p.origin = 'event_registration' AND p.account_id IS NULL \
                   AND p.registered_at < $1 ORDER BY p.registered_at, p.id";
        let due: Vec<DueRow> = tx
            .fetch_all(sql, &[Arg::Time(cutoff)])
            .await
            .map_err(&error)?;
        let mut tally: BTreeMap<(String, String, String), u64> = BTreeMap::new();
        for row in &due {
            let country = row
                .country
                .clone()
                .unwrap_or_else(|| UNKNOWN_COUNTRY.into());
            let month = row.registered_at.format("%Y-%m").to_string();
            *tally.entry((country, row.kind.clone(), month)).or_default() += 1;
        }
        let outcome = PurgeOutcome {
            removed: due.len() as u64,
            counts: tally
                .into_iter()
                .map(
                    |((country, person_kind, registered_month), n)| RegistrantCount {
                        country,
                        person_kind,
                        registered_month,
                        registrants: n,
                    },
                )
                .collect(),
        };
        if dry_run || due.is_empty() {
            return Ok(outcome);
        }
        // In chunks, to stay under SQLite's limit on bound parameters.
        for chunk in due.chunks(500) {
            let sql = format!(
                "DELETE FROM people WHERE id IN ({})",
                placeholders(1, chunk.len())
            );
            let args: Vec<Arg> = chunk.iter().map(|r| Arg::Id(Some(r.id))).collect();
            tx.execute(&sql, &args).await.map_err(&error)?;
        }
        let sql = "INSERT INTO registrant_counts (country, person_kind, registered_month, registrants) \
                   VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (country, person_kind, registered_month) \
                   DO UPDATE SET registrants = registrant_counts.registrants + excluded.registrants";
        for c in &outcome.counts {
            let args = [
                Arg::text(c.country.as_str()),
                Arg::text(c.person_kind.as_str()),
                Arg::text(c.registered_month.as_str()),
                Arg::Int(Some(i64::try_from(c.registrants).unwrap_or(i64::MAX))),
            ];
            tx.execute(sql, &args).await.map_err(&error)?;
        }
        if let Some(entry) = audit(&outcome) {
            tx.audit(entry).await.map_err(&error)?;
        }
        tx.commit().await.map_err(&error)?;
        Ok(outcome)
    }

    /// Every anonymous count so far, by month (newest first), country and kind.
    pub async fn registrant_counts(&self) -> Result<Vec<RegistrantCount>, StoreError> {
        let sql = "SELECT country, person_kind, registered_month, registrants FROM registrant_counts \
                   ORDER BY registered_month DESC, country, person_kind";
        let rows: Vec<CountRow> = self.read_all("registrant count", sql, &[]).await?;
        Ok(rows
            .into_iter()
            .map(|r| RegistrantCount {
                country: r.country,
                person_kind: r.person_kind,
                registered_month: r.registered_month,
                registrants: count(r.registrants),
            })
            .collect())
    }
}
