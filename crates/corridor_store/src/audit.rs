//! The audit log: an append-only record of who did what to which subject, and why.

use std::fmt;
use std::future::Future;

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::store::on_pool;
use crate::time::DbTime;
use crate::{Store, StoreError};

/// The id of an audit entry; ids grow with insertion order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AuditEntryId(pub i64);

impl fmt::Display for AuditEntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An entry to append. `action`, `subject_kind` and `subject_id` must not be empty (the database
/// rejects them with [`StoreError::Rejected`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NewAuditEntry {
    /// When it happened; `None` means now. Stored with microsecond precision.
    pub occurred_at: Option<DateTime<Utc>>,
    /// Who did it (a user or system id); `None` for the system itself.
    pub actor: Option<String>,
    /// What was done, e.g. `"verification.approved"`.
    pub action: String,
    /// The kind of thing acted on, e.g. `"company"`.
    pub subject_kind: String,
    /// The id of the thing acted on.
    pub subject_id: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub reason: Option<String>,
    /// Free-form structured details; `{}` when there are none.
    pub details: Value,
}

impl NewAuditEntry {
    /// An entry for `action` on the subject (`subject_kind`, `subject_id`), by the system, now.
    pub fn new(
        action: impl Into<String>,
        subject_kind: impl Into<String>,
        subject_id: impl Into<String>,
    ) -> Self {
        Self {
            occurred_at: None,
            actor: None,
            action: action.into(),
            subject_kind: subject_kind.into(),
            subject_id: subject_id.into(),
            from_state: None,
            to_state: None,
            reason: None,
            details: Value::Object(serde_json::Map::new()),
        }
    }

    pub fn by(mut self, actor: impl Into<String>) -> Self {
        self.actor = Some(actor.into());
        self
    }

    pub fn at(mut self, occurred_at: DateTime<Utc>) -> Self {
        self.occurred_at = Some(occurred_at);
        self
    }

    /// A state change; either side may be absent (created, deleted).
    pub fn transition(mut self, from: Option<&str>, to: Option<&str>) -> Self {
        self.from_state = from.map(str::to_owned);
        self.to_state = to.map(str::to_owned);
        self
    }

    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    pub fn details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub occurred_at: DateTime<Utc>,
    pub actor: Option<String>,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub reason: Option<String>,
    pub details: Value,
}

/// Storage of the audit log. Implemented by [`AuditLog`], reached with [`Store::audit`].
pub trait AuditStore: Send + Sync {
    /// Appends one entry and returns it as stored.
    fn append(
        &self,
        entry: NewAuditEntry,
    ) -> impl Future<Output = Result<AuditEntry, StoreError>> + Send;

    /// Appends all entries in one transaction: either all are stored or none is.
    fn append_many(
        &self,
        entries: Vec<NewAuditEntry>,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// The entries about one subject, newest (highest id) first, skipping `offset`, at most `limit`.
    fn list_for_subject(
        &self,
        subject_kind: &str,
        subject_id: &str,
        limit: u32,
        offset: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// The number of entries in the whole log.
    fn count(&self) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

/// The audit log of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct AuditLog<'s> {
    store: &'s Store,
}

pub(crate) const COLUMNS: &str = "id, occurred_at, actor, action, subject_kind, subject_id, from_state, to_state, reason, details";

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    id: i64,
    occurred_at: DateTime<Utc>,
    actor: Option<String>,
    action: String,
    subject_kind: String,
    subject_id: String,
    from_state: Option<String>,
    to_state: Option<String>,
    reason: Option<String>,
    details: Json<Value>,
}

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> Self {
        Self {
            id: AuditEntryId(row.id),
            occurred_at: row.occurred_at,
            actor: row.actor,
            action: row.action,
            subject_kind: row.subject_kind,
            subject_id: row.subject_id,
            from_state: row.from_state,
            to_state: row.to_state,
            reason: row.reason,
            details: row.details.0,
        }
    }
}

fn insert_sql() -> String {
    format!(
        "INSERT INTO audit_log \
         (occurred_at, actor, action, subject_kind, subject_id, from_state, to_state, reason, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
    )
}

/// Binds a [`NewAuditEntry`] to the insert statement; a macro because the query type differs per backend.
macro_rules! bind_entry {
    ($sql:expr, $entry:expr) => {{
        let entry: NewAuditEntry = $entry;
        let occurred_at = DbTime::new(entry.occurred_at.unwrap_or_else(Utc::now));
        sqlx::query_as::<_, AuditRow>($sql)
            .bind(occurred_at)
            .bind(entry.actor)
            .bind(entry.action)
            .bind(entry.subject_kind)
            .bind(entry.subject_id)
            .bind(entry.from_state)
            .bind(entry.to_state)
            .bind(entry.reason)
            .bind(Json(entry.details))
    }};
}

impl<'s> AuditLog<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    fn error(&self, error: sqlx::Error) -> StoreError {
        self.store.query_error(error, "audit entry")
    }

    /// See [`AuditStore::append`].
    pub async fn append(&self, entry: NewAuditEntry) -> Result<AuditEntry, StoreError> {
        let sql = insert_sql();
        let row = on_pool!(self.store, pool => bind_entry!(&sql, entry).fetch_one(pool).await)
            .map_err(|e| self.error(e))?;
        Ok(row.into())
    }

    /// See [`AuditStore::append_many`].
    pub async fn append_many(
        &self,
        entries: Vec<NewAuditEntry>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = insert_sql();
        let rows = on_pool!(self.store, pool => async {
            let mut tx = pool.begin().await?;
            let mut rows = Vec::with_capacity(entries.len());
            for entry in entries {
                rows.push(bind_entry!(&sql, entry).fetch_one(&mut *tx).await?);
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(rows)
        }
        .await)
        .map_err(|e| self.error(e))?;
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }

    /// See [`AuditStore::list_for_subject`].
    pub async fn list_for_subject(
        &self,
        subject_kind: &str,
        subject_id: &str,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM audit_log WHERE subject_kind = $1 AND subject_id = $2 \
             ORDER BY id DESC LIMIT $3 OFFSET $4"
        );
        let rows = on_pool!(self.store, pool => sqlx::query_as::<_, AuditRow>(&sql)
            .bind(subject_kind)
            .bind(subject_id)
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(pool)
            .await)
        .map_err(|e| self.error(e))?;
        Ok(rows.into_iter().map(AuditEntry::from).collect())
    }

    /// See [`AuditStore::count`].
    pub async fn count(&self) -> Result<u64, StoreError> {
        let sql = "SELECT COUNT(*) FROM audit_log";
        let count =
            on_pool!(self.store, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)
                .map_err(|e| self.error(e))?;
        Ok(u64::try_from(count).unwrap_or_default())
    }
}

impl AuditStore for AuditLog<'_> {
    async fn append(&self, entry: NewAuditEntry) -> Result<AuditEntry, StoreError> {
        AuditLog::append(self, entry).await
    }

    async fn append_many(
        &self,
        entries: Vec<NewAuditEntry>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        AuditLog::append_many(self, entries).await
    }

    async fn list_for_subject(
        &self,
        subject_kind: &str,
        subject_id: &str,
        limit: u32,
        offset: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        AuditLog::list_for_subject(self, subject_kind, subject_id, limit, offset).await
    }

    async fn count(&self) -> Result<u64, StoreError> {
        AuditLog::count(self).await
    }
}
