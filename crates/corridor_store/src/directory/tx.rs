//! One transaction over either backend, with positional arguments of a few known kinds, so the
//! directory's multi-statement writes are written once. SQL passed here must be valid on both
//! backends (`$n` placeholders, no dialect-specific functions).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::{PgRow, Postgres};
use sqlx::sqlite::{Sqlite, SqliteRow};
use sqlx::types::Json;
use sqlx::{FromRow, Transaction};

use super::id::DbId;
use crate::Store;
use crate::store::Pools;
use crate::time::DbTime;

/// A value bound to a `$n` placeholder.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Id(Option<DbId>),
    Text(Option<String>),
    Int(Option<i64>),
    Bool(bool),
    Time(DateTime<Utc>),
    Date(Option<NaiveDate>),
    Json(serde_json::Value),
}

impl Arg {
    pub(crate) fn id(id: impl Into<DbId>) -> Arg {
        Arg::Id(Some(id.into()))
    }

    pub(crate) fn text(text: impl Into<String>) -> Arg {
        Arg::Text(Some(text.into()))
    }

    pub(crate) fn opt_text<T: ToString>(value: Option<&T>) -> Arg {
        Arg::Text(value.map(ToString::to_string))
    }
}

/// Binds every argument in order; a macro because the query type differs per backend.
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for arg in $args {
            query = match arg.clone() {
                Arg::Id(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
                Arg::Int(v) => query.bind(v),
                Arg::Bool(v) => query.bind(v),
                Arg::Time(v) => query.bind(DbTime::new(v)),
                Arg::Date(v) => query.bind(v),
                Arg::Json(v) => query.bind(Json(v)),
            };
        }
        query
    }};
}

pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Store {
    pub(crate) async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match &self.pools {
            Pools::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Pools::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
    /// Runs a statement; returns the number of rows it affected.
    pub(crate) async fn execute(&mut self, sql: &str, args: &[Arg]) -> Result<u64, sqlx::Error> {
        Ok(match self {
            Tx::Sqlite(tx) => bind_args!(sqlx::query(sql), args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
            Tx::Postgres(tx) => bind_args!(sqlx::query(sql), args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
        })
    }

    pub(crate) async fn fetch_all<T>(
        &mut self,
        sql: &str,
        args: &[Arg],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        T: Send + Unpin + for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
    {
        match self {
            Tx::Sqlite(tx) => {
                bind_args!(sqlx::query_as::<_, T>(sql), args)
                    .fetch_all(&mut **tx)
                    .await
            }
            Tx::Postgres(tx) => {
                bind_args!(sqlx::query_as::<_, T>(sql), args)
                    .fetch_all(&mut **tx)
                    .await
            }
        }
    }

    pub(crate) async fn fetch_optional<T>(
        &mut self,
        sql: &str,
        args: &[Arg],
    ) -> Result<Option<T>, sqlx::Error>
    where
        T: Send + Unpin + for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
    {
        match self {
            Tx::Sqlite(tx) => {
                bind_args!(sqlx::query_as::<_, T>(sql), args)
                    .fetch_optional(&mut **tx)
                    .await
            }
            Tx::Postgres(tx) => {
                bind_args!(sqlx::query_as::<_, T>(sql), args)
                    .fetch_optional(&mut **tx)
                    .await
            }
        }
    }

    /// A single `COUNT(*)`-like number.
    pub(crate) async fn scalar(&mut self, sql: &str, args: &[Arg]) -> Result<i64, sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => {
                bind_args!(sqlx::query_scalar::<_, i64>(sql), args)
                    .fetch_one(&mut **tx)
                    .await
            }
            Tx::Postgres(tx) => {
                bind_args!(sqlx::query_scalar::<_, i64>(sql), args)
                    .fetch_one(&mut **tx)
                    .await
            }
        }
    }

    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    /// Appends an audit-log entry inside this transaction, so the change and its record stand or
    /// fall together.
    pub(crate) async fn audit(&mut self, entry: crate::NewAuditEntry) -> Result<(), sqlx::Error> {
        let sql = "INSERT INTO audit_log \
             (occurred_at, actor, action, subject_kind, subject_id, from_state, to_state, reason, details) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        let args = [
            Arg::Time(entry.occurred_at.unwrap_or_else(Utc::now)),
            Arg::Text(entry.actor),
            Arg::Text(Some(entry.action)),
            Arg::Text(Some(entry.subject_kind)),
            Arg::Text(Some(entry.subject_id)),
            Arg::Text(entry.from_state),
            Arg::Text(entry.to_state),
            Arg::Text(entry.reason),
            Arg::Json(entry.details),
        ];
        self.execute(sql, &args).await.map(drop)
    }
}
