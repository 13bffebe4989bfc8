//! [`Store`]: the connection pools, migrations and readiness; aggregates hang off it.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use sqlx::Connection;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::url::{SqliteTarget, Target};
use crate::{AuditLog, Backend, DatabaseUrl, StoreError};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// How long to wait for a connection before calling the database unreachable.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long SQLite waits on a locked database before failing a statement.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A migration, identified by its version (the file name's timestamp) and description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedMigration {
    pub version: i64,
    pub description: String,
}

/// The database: cheap to clone (the pools are shared).
#[derive(Clone)]
pub struct Store {
    pub(crate) pools: Pools,
    pub(crate) url_redacted: Arc<str>,
}

#[derive(Clone)]
pub(crate) enum Pools {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code against whichever pool the store holds: `on_pool!(store, pool => expr)`.
/// The expression is compiled once per backend, so it may only use SQL both understand.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pools {
            $crate::store::Pools::Sqlite($pool) => $body,
            $crate::store::Pools::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("url", &self.url_redacted)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects and checks that one connection can be opened.
    ///
    /// SQLite: creates the database file if missing (never its directory, see
    /// [`StoreError::MissingDirectory`]), WAL journal, foreign keys on, busy timeout 5 s, synchronous
    /// NORMAL. PostgreSQL: a pool that gives up after about 5 s, so an unreachable server fails fast
    /// with [`StoreError::Unreachable`].
    pub async fn connect(url: &DatabaseUrl) -> Result<Store, StoreError> {
        let url_redacted: Arc<str> = url.redacted().into();
        let pools = match url.target() {
            Target::Sqlite(target) => Pools::Sqlite(connect_sqlite(target, &url_redacted).await?),
            Target::Postgres { .. } => {
                let raw = url.expose_postgres().unwrap_or_default();
                Pools::Postgres(connect_postgres(raw, &url_redacted).await?)
            }
        };
        Ok(Store {
            pools,
            url_redacted,
        })
    }

    pub fn backend(&self) -> Backend {
        match self.pools {
            Pools::Sqlite(_) => Backend::Sqlite,
            Pools::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the embedded migrations not yet applied; returns those it applied, oldest first.
    pub async fn migrate(&self) -> Result<Vec<AppliedMigration>, StoreError> {
        let before = self.applied_versions().await?;
        match &self.pools {
            Pools::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
            Pools::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
        .map_err(|e| self.migration_error(e))?;
        let after = self.applied_versions().await?;
        Ok(self.known_migrations(|v| after.contains(&v) && !before.contains(&v)))
    }

    /// The embedded migrations that [`Store::migrate`] would apply, oldest first.
    pub async fn pending_migrations(&self) -> Result<Vec<AppliedMigration>, StoreError> {
        let applied = self.applied_versions().await?;
        Ok(self.known_migrations(|v| !applied.contains(&v)))
    }

    /// Readiness: one round trip to the database.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(pool).await)
            .map(drop)
            .map_err(|e| self.query_error(e, "ping"))
    }

    /// Closes the pools, waiting for connections in use to be returned.
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }

    /// The audit log aggregate.
    pub fn audit(&self) -> AuditLog<'_> {
        AuditLog::new(self)
    }

    pub(crate) fn query_error(&self, error: sqlx::Error, what: &str) -> StoreError {
        StoreError::from_query(error, what, &self.url_redacted)
    }

    fn migration_error(&self, error: sqlx::migrate::MigrateError) -> StoreError {
        match error {
            sqlx::migrate::MigrateError::Execute(e) if crate::error::is_connectivity(&e) => {
                self.query_error(e, "migration")
            }
            e => StoreError::Migration(e),
        }
    }

    fn migrator(&self) -> &'static Migrator {
        match self.pools {
            Pools::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pools::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    fn known_migrations(&self, keep: impl Fn(i64) -> bool) -> Vec<AppliedMigration> {
        self.migrator()
            .iter()
            .filter(|m| m.migration_type.is_up_migration() && keep(m.version))
            .map(|m| AppliedMigration {
                version: m.version,
                description: m.description.to_string(),
            })
            .collect()
    }

    /// Versions recorded as successfully applied; empty before the first migration.
    async fn applied_versions(&self) -> Result<BTreeSet<i64>, StoreError> {
        let exists_sql = match self.pools {
            Pools::Sqlite(_) => {
                "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Pools::Postgres(_) => "SELECT to_regclass('_sqlx_migrations') IS NOT NULL",
        };
        let exists =
            on_pool!(self, pool => sqlx::query_scalar::<_, bool>(exists_sql).fetch_one(pool).await)
                .map_err(|e| self.query_error(e, "migration history"))?;
        if !exists {
            return Ok(BTreeSet::new());
        }
        let sql = "SELECT version FROM _sqlx_migrations WHERE success";
        let versions =
            on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_all(pool).await)
                .map_err(|e| self.query_error(e, "migration history"))?;
        Ok(versions.into_iter().collect())
    }
}

async fn connect_sqlite(
    target: &SqliteTarget,
    url_redacted: &str,
) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::new()
        .foreign_keys(true)
        .busy_timeout(SQLITE_BUSY_TIMEOUT);
    let (options, pool) = match target {
        SqliteTarget::File(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.is_dir() {
                    return Err(StoreError::MissingDirectory {
                        dir: dir.to_path_buf(),
                    });
                }
            }
            let options = options
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal);
            (options, SqlitePoolOptions::new())
        }
        // Every connection to `:memory:` is its own database: keep exactly one, forever.
        SqliteTarget::Memory => (
            options.in_memory(true),
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None),
        ),
    };
    pool.acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Unreachable {
            url_redacted: url_redacted.to_owned(),
            source,
        })
}

async fn connect_postgres(raw_url: &str, url_redacted: &str) -> Result<PgPool, StoreError> {
    let options: PgConnectOptions = raw_url
        .parse()
        .map_err(|e| StoreError::invalid_url(format!("not a valid PostgreSQL URL: {e}")))?;
    match PgPoolOptions::new()
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_with(options.clone())
        .await
    {
        Ok(pool) => Ok(pool),
        Err(error) => {
            // The pool retries refused connections until its deadline and then reports only
            // "timed out"; one direct attempt recovers the underlying cause for the message.
            let source = match error {
                sqlx::Error::PoolTimedOut => {
                    match tokio::time::timeout(
                        Duration::from_secs(1),
                        PgConnection::connect_with(&options),
                    )
                    .await
                    {
                        Ok(Err(cause)) => cause,
                        Ok(Ok(conn)) => {
                            let _ = conn.close().await;
                            sqlx::Error::PoolTimedOut
                        }
                        Err(_) => sqlx::Error::PoolTimedOut,
                    }
                }
                other => other,
            };
            Err(StoreError::Unreachable {
                url_redacted: url_redacted.to_owned(),
                source,
            })
        }
    }
}
