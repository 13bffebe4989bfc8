//! The one error type of the store, split into the caller's fault and ours.

use std::path::PathBuf;

/// Everything the store can fail with.
///
/// The caller's fault: [`InvalidUrl`](Self::InvalidUrl), [`MissingDirectory`](Self::MissingDirectory),
/// [`Conflict`](Self::Conflict), [`Rejected`](Self::Rejected), [`NotFound`](Self::NotFound)
/// (see [`StoreError::is_caller_fault`]). The environment's: [`Unreachable`](Self::Unreachable).
/// Ours: [`Migration`](Self::Migration), [`Database`](Self::Database).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL could not be understood. The reason never repeats the URL (it may hold a password).
    #[error("invalid database URL: {reason}")]
    InvalidUrl { reason: String },

    /// The directory of a SQLite database file does not exist. The store creates the file, never
    /// the directory: the caller (e.g. `corridor migrate` / `serve`) creates the data directory.
    #[error("the directory {} of the SQLite database does not exist; create it first", dir.display())]
    MissingDirectory { dir: PathBuf },

    /// The database could not be reached (refused, timed out, TLS, I/O).
    #[error("database {url_redacted} is unreachable")]
    Unreachable {
        url_redacted: String,
        #[source]
        source: sqlx::Error,
    },

    /// Applying or inspecting migrations failed.
    #[error("database migration failed")]
    Migration(#[source] sqlx::migrate::MigrateError),

    /// A unique constraint was violated: the thing already exists.
    #[error("{what} already exists")]
    Conflict { what: String },

    /// A CHECK, NOT NULL or foreign-key constraint rejected the data.
    #[error("{what} was rejected by the database")]
    Rejected { what: String },

    /// The thing asked for does not exist.
    #[error("{what} was not found")]
    NotFound { what: String },

    /// Any other database failure: a bug or an outage on our side.
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

impl StoreError {
    /// True when the database could not be reached at all (retrying later may help).
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::Unreachable { .. })
    }

    /// True for a unique-constraint violation.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Conflict { .. })
    }

    /// True when the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::NotFound { .. })
    }

    /// True when the caller (its input or configuration) is at fault, not the store or the database.
    pub fn is_caller_fault(&self) -> bool {
        matches!(
            self,
            Self::InvalidUrl { .. }
                | Self::MissingDirectory { .. }
                | Self::Conflict { .. }
                | Self::Rejected { .. }
                | Self::NotFound { .. }
        )
    }

    pub(crate) fn invalid_url(reason: impl Into<String>) -> Self {
        Self::InvalidUrl {
            reason: reason.into(),
        }
    }

    /// Classifies an error of a query about `what` (e.g. "audit entry").
    pub(crate) fn from_query(error: sqlx::Error, what: &str, url_redacted: &str) -> Self {
        use sqlx::error::ErrorKind;
        match error {
            sqlx::Error::Database(db) => {
                let what = format!("{what} ({})", db.message());
                match db.kind() {
                    ErrorKind::UniqueViolation => Self::Conflict { what },
                    ErrorKind::CheckViolation
                    | ErrorKind::NotNullViolation
                    | ErrorKind::ForeignKeyViolation => Self::Rejected { what },
                    _ => Self::Database(sqlx::Error::Database(db)),
                }
            }
            sqlx::Error::RowNotFound => Self::NotFound {
                what: what.to_owned(),
            },
            error if is_connectivity(&error) => Self::Unreachable {
                url_redacted: url_redacted.to_owned(),
                source: error,
            },
            error => Self::Database(error),
        }
    }
}

/// Errors that mean "could not talk to the server", as opposed to "the server said no".
pub(crate) fn is_connectivity(error: &sqlx::Error) -> bool {
    matches!(
        error,
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::PoolTimedOut
    )
}
