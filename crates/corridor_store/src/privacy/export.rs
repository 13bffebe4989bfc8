//! Reading what the store holds about one account, for the account's data download. Secrets
//! (password hash, session and reset token hashes, CSRF secrets) are never selected.

use chrono::{DateTime, Utc};
use corridor_domain::directory::{AccountId, Email, OrganisationId, PersonId};
use sqlx::types::Uuid;

use super::{PersonOrigin, Privacy, corrupt, placeholders};
use crate::audit::{AuditRow, COLUMNS};
use crate::directory::id::DbId;
use crate::directory::tx::Arg;
use crate::{AuditEntry, StoreError};

/// A session of the account, without its token or CSRF secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A person record that is the account holder's own: linked to the account, or carrying its
/// e-mail address as contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnPerson {
    pub id: PersonId,
    pub origin: PersonOrigin,
    pub registered_at: Option<DateTime<Utc>>,
    /// Linked to the account (rather than only sharing its address).
    pub linked_to_account: bool,
}

/// What the account uploaded as verification evidence: its description, never the bytes or the
/// typed value (a registration or tax number belongs to the organisation's record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceMeta {
    pub id: Uuid,
    pub organisation: OrganisationId,
    pub kind: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<u64>,
    pub added_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct OwnPersonRow {
    id: DbId,
    origin: String,
    registered_at: Option<DateTime<Utc>>,
    account_id: Option<DbId>,
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: DbId,
    organisation_id: DbId,
    kind: String,
    file_name: Option<String>,
    content_type: Option<String>,
    size_bytes: Option<i64>,
    added_at: DateTime<Utc>,
}

impl Privacy<'_> {
    /// Every session of the account (expired ones not yet cleaned up included), oldest first.
    pub async fn sessions_of(&self, account: AccountId) -> Result<Vec<SessionInfo>, StoreError> {
        let sql = "SELECT created_at, last_seen_at, expires_at FROM sessions \
                   WHERE account_id = $1 ORDER BY created_at, last_seen_at";
        let rows: Vec<SessionRow> = self.read_all("session", sql, &[Arg::id(account)]).await?;
        Ok(rows
            .into_iter()
            .map(|r| SessionInfo {
                created_at: r.created_at,
                last_seen_at: r.last_seen_at,
                expires_at: r.expires_at,
            })
            .collect())
    }

    /// The person records linked to `account` or whose contact address is `email` (any case).
    pub async fn own_people(
        &self,
        account: AccountId,
        email: &Email,
    ) -> Result<Vec<OwnPerson>, StoreError> {
        let sql = "SELECT p.id, p.origin, p.registered_at, p.account_id FROM people p \
                   LEFT JOIN person_contacts c ON c.person_id = p.id \
                   WHERE p.account_id = $1 OR lower(c.email) = lower($2) ORDER BY p.created_at, p.id";
        let rows: Vec<OwnPersonRow> = self
            .read_all(
                "person",
                sql,
                &[Arg::id(account), Arg::text(email.as_str())],
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(OwnPerson {
                    id: r.id.into(),
                    origin: PersonOrigin::parse(&r.origin)
                        .ok_or_else(|| corrupt("person origin", &r.origin))?,
                    registered_at: r.registered_at,
                    linked_to_account: r.account_id == Some(DbId::from(account)),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(self.error("person"))
    }

    /// The audit entries the account made, those about the account, and those about `people`
    /// (its own person records), oldest first.
    pub async fn audit_involving(
        &self,
        account: AccountId,
        people: &[PersonId],
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let mut sql = format!(
            "SELECT {COLUMNS} FROM audit_log WHERE actor = $1 \
             OR (subject_kind = 'account' AND subject_id = $1)"
        );
        if !people.is_empty() {
            let list = placeholders(2, people.len());
            sql.push_str(&format!(
                " OR (subject_kind = 'person' AND subject_id IN ({list}))"
            ));
        }
        sql.push_str(" ORDER BY id");
        let mut args = vec![Arg::text(account.to_string())];
        args.extend(people.iter().map(|p| Arg::text(p.to_string())));
        let rows: Vec<AuditRow> = self.read_all("audit entry", &sql, &args).await?;
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }

    /// The verification evidence the account added, oldest first.
    pub async fn evidence_added_by(
        &self,
        account: AccountId,
    ) -> Result<Vec<EvidenceMeta>, StoreError> {
        let sql = "SELECT id, organisation_id, kind, file_name, content_type, size_bytes, added_at \
                   FROM verification_evidence WHERE added_by = $1 ORDER BY added_at, id";
        let rows: Vec<EvidenceRow> = self.read_all("evidence", sql, &[Arg::id(account)]).await?;
        Ok(rows
            .into_iter()
            .map(|r| EvidenceMeta {
                id: r.id.0,
                organisation: r.organisation_id.into(),
                kind: r.kind,
                file_name: r.file_name,
                content_type: r.content_type,
                size_bytes: r.size_bytes.and_then(|n| u64::try_from(n).ok()),
                added_at: r.added_at,
            })
            .collect())
    }
}
