//! Erasing an account in one transaction: the account, its sessions, password resets and
//! memberships, its own person records and the throttle rows named by its address go; the audit
//! log keeps every event, with the account's id replaced by a pseudonym.

use chrono::{DateTime, Utc};
use corridor_domain::directory::{AccountId, Email, OrganisationId, PersonId};

use super::{Privacy, count, placeholders};
use crate::directory::id::DbId;
use crate::directory::tx::Arg;
use crate::{NewAuditEntry, StoreError};

/// What to erase, and how the audit log is to name the account from now on.
#[derive(Debug, Clone)]
pub struct ErasureRequest<'a> {
    pub account: AccountId,
    /// Replaces the account's id as actor and subject in the audit log. Must not be derivable
    /// from the account (the app makes a random one).
    pub pseudonym: &'a str,
    /// `auth_throttle` buckets named by the account's address (they contain it).
    pub throttle_buckets: &'a [String],
    pub at: DateTime<Utc>,
}

/// What was erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    /// The address the account had (the app removes mail to it from the outbox).
    pub email: Email,
    pub sessions: u64,
    pub memberships: u64,
    /// Person records deleted (linked to the account or carrying its address).
    pub people: Vec<PersonId>,
    /// Organisations the account owned alone: kept, now without an owner.
    pub organisations_left_without_owner: Vec<OrganisationId>,
    /// Audit entries whose actor or subject became the pseudonym.
    pub audit_entries_pseudonymised: u64,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: DbId,
}

impl Privacy<'_> {
    /// Erases the account (see the module documentation); [`StoreError::NotFound`] when there is
    /// no such account. Writes `person.deleted` per person record, `membership.removed` per
    /// organisation left without owner, and `account.deleted`, all by the pseudonym.
    pub async fn erase_account(&self, request: ErasureRequest<'_>) -> Result<Erasure, StoreError> {
        let error = self.error("account");
        let id = Arg::id(request.account);
        let pseudonym = request.pseudonym;
        let mut tx = self.store.begin().await.map_err(&error)?;

        let email: Option<(String,)> = tx
            .fetch_optional(
                "SELECT email FROM accounts WHERE id = $1",
                std::slice::from_ref(&id),
            )
            .await
            .map_err(&error)?;
        let Some((email,)) = email else {
            return Err(StoreError::NotFound {
                what: "account".into(),
            });
        };
        let email = Email::parse(&email).map_err(|e| error(super::corrupt("account e-mail", e)))?;

        let sole_owned: Vec<IdRow> = tx
            .fetch_all(
                "SELECT m.organisation_id AS id FROM memberships m \
                 WHERE m.account_id = $1 AND m.role = 'owner' AND NOT EXISTS ( \
                     SELECT 1 FROM memberships o WHERE o.organisation_id = m.organisation_id \
                     AND o.role = 'owner' AND o.account_id <> $1) \
                 ORDER BY m.organisation_id",
                std::slice::from_ref(&id),
            )
            .await
            .map_err(&error)?;
        let people: Vec<IdRow> = tx
            .fetch_all(
                "SELECT p.id FROM people p LEFT JOIN person_contacts c ON c.person_id = p.id \
                 WHERE p.account_id = $1 OR lower(c.email) = lower($2) ORDER BY p.id",
                &[id.clone(), Arg::text(email.as_str())],
            )
            .await
            .map_err(&error)?;

        for person in &people {
            // Contacts and codes go with the row (ON DELETE CASCADE).
            tx.execute(
                "DELETE FROM people WHERE id = $1",
                &[Arg::Id(Some(person.id))],
            )
            .await
            .map_err(&error)?;
        }
        let sessions = tx
            .execute(
                "DELETE FROM sessions WHERE account_id = $1",
                std::slice::from_ref(&id),
            )
            .await
            .map_err(&error)?;
        let memberships = tx
            .execute(
                "DELETE FROM memberships WHERE account_id = $1",
                std::slice::from_ref(&id),
            )
            .await
            .map_err(&error)?;
        if !request.throttle_buckets.is_empty() {
            let sql = format!(
                "DELETE FROM auth_throttle WHERE bucket IN ({})",
                placeholders(1, request.throttle_buckets.len())
            );
            let args: Vec<Arg> = request.throttle_buckets.iter().map(Arg::text).collect();
            tx.execute(&sql, &args).await.map_err(&error)?;
        }
        // The reviewer columns only steer the workflow (who may decide an appeal); a deleted
        // reviewer cannot act again, so forgetting them changes nothing but the stored id.
        for column in ["reviewer", "rejected_by"] {
            let sql =
                format!("UPDATE verification_records SET {column} = NULL WHERE {column} = $1");
            tx.execute(&sql, std::slice::from_ref(&id))
                .await
                .map_err(&error)?;
        }
        let account_text = Arg::text(request.account.to_string());
        let pseudonymised = tx
            .execute(
                "UPDATE audit_log SET actor = $2 WHERE actor = $1",
                &[account_text.clone(), Arg::text(pseudonym)],
            )
            .await
            .map_err(&error)?
            + tx.execute(
                "UPDATE audit_log SET subject_id = $2 WHERE subject_kind = 'account' AND subject_id = $1",
                &[account_text, Arg::text(pseudonym)],
            )
            .await
            .map_err(&error)?;
        // Password resets go with the row (ON DELETE CASCADE); evidence keeps its row, without
        // `added_by` (ON DELETE SET NULL).
        tx.execute("DELETE FROM accounts WHERE id = $1", &[id])
            .await
            .map_err(&error)?;

        let entry = |action: &str, kind: &str, subject: String| {
            NewAuditEntry::new(action, kind, subject)
                .by(pseudonym)
                .at(request.at)
        };
        for person in &people {
            let person_id = PersonId::from(person.id);
            tx.audit(
                entry("person.deleted", "person", person_id.to_string()).reason("account deleted"),
            )
            .await
            .map_err(&error)?;
        }
        for organisation in &sole_owned {
            let organisation = OrganisationId::from(organisation.id);
            let details = serde_json::json!({ "role": "owner", "owners_left": 0 });
            tx.audit(
                entry(
                    "membership.removed",
                    "organisation",
                    organisation.to_string(),
                )
                .reason("account deleted")
                .details(details),
            )
            .await
            .map_err(&error)?;
        }
        let erasure = Erasure {
            email,
            sessions,
            memberships,
            people: people.iter().map(|p| p.id.into()).collect(),
            organisations_left_without_owner: sole_owned.iter().map(|o| o.id.into()).collect(),
            audit_entries_pseudonymised: pseudonymised,
        };
        let details = serde_json::json!({
            "sessions": erasure.sessions,
            "memberships": erasure.memberships,
            "people": erasure.people.len(),
            "organisations_left_without_owner": erasure.organisations_left_without_owner,
            "audit_entries_pseudonymised": erasure.audit_entries_pseudonymised,
        });
        tx.audit(entry("account.deleted", "account", pseudonym.to_owned()).details(details))
            .await
            .map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        Ok(erasure)
    }

    /// The number of audit entries whose actor is `actor` (e.g. a deleted account's pseudonym).
    pub async fn audit_count_by(&self, actor: &str) -> Result<u64, StoreError> {
        let error = self.error("audit entry");
        let mut tx = self.store.begin().await.map_err(&error)?;
        let n = tx
            .scalar(
                "SELECT COUNT(*) FROM audit_log WHERE actor = $1",
                &[Arg::text(actor)],
            )
            .await
            .map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        Ok(count(n))
    }
}
