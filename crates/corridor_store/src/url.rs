//! [`DatabaseUrl`]: which database to use, parsed once, with the password kept secret.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};

use crate::StoreError;

/// The two supported database engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        })
    }
}

/// A parsed database URL. `Debug` and `Display` show it with the password replaced by `***`.
///
/// Accepted forms:
/// - `sqlite:///abs/path/corridor.db` (absolute), `sqlite://relative.db` or `sqlite:relative.db`
///   (relative to the working directory), `sqlite::memory:` (private to one connection; tests only).
///   SQLite query parameters are rejected: the store sets its own pragmas.
/// - `postgres://user:password@host:port/db?…` or `postgresql://…`, as understood by libpq.
#[derive(Clone)]
pub struct DatabaseUrl(Target);

#[derive(Clone)]
pub(crate) enum Target {
    Sqlite(SqliteTarget),
    Postgres { url: SecretString, redacted: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SqliteTarget {
    Memory,
    File(PathBuf),
}

impl DatabaseUrl {
    /// Parses a `sqlite:` or `postgres(ql)://` URL. Errors never repeat the input.
    pub fn parse(s: &str) -> Result<Self, StoreError> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("sqlite:") {
            return parse_sqlite(rest);
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return parse_postgres(s);
        }
        Err(StoreError::invalid_url(
            "expected a URL starting with sqlite:, postgres:// or postgresql://",
        ))
    }

    /// A SQLite database in the file at `path` (created on connect if missing; its directory is not).
    pub fn sqlite_file(path: &Path) -> Self {
        Self(Target::Sqlite(SqliteTarget::File(path.to_path_buf())))
    }

    pub fn backend(&self) -> Backend {
        match self.0 {
            Target::Sqlite(_) => Backend::Sqlite,
            Target::Postgres { .. } => Backend::Postgres,
        }
    }

    /// The file of a file-backed SQLite database (e.g. so the CLI can create its directory).
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.0 {
            Target::Sqlite(SqliteTarget::File(path)) => Some(path),
            _ => None,
        }
    }

    /// The URL with any password replaced by `***`: safe for logs and error messages.
    pub fn redacted(&self) -> String {
        match &self.0 {
            Target::Sqlite(SqliteTarget::Memory) => "sqlite::memory:".to_owned(),
            Target::Sqlite(SqliteTarget::File(path)) => format!("sqlite://{}", path.display()),
            Target::Postgres { redacted, .. } => redacted.clone(),
        }
    }

    pub(crate) fn target(&self) -> &Target {
        &self.0
    }

    /// The full PostgreSQL URL, password included; only for handing to the driver.
    pub(crate) fn expose_postgres(&self) -> Option<&str> {
        match &self.0 {
            Target::Postgres { url, .. } => Some(url.expose_secret()),
            Target::Sqlite(_) => None,
        }
    }
}

impl FromStr for DatabaseUrl {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DatabaseUrl")
            .field(&self.redacted())
            .finish()
    }
}

fn parse_sqlite(rest: &str) -> Result<DatabaseUrl, StoreError> {
    if rest == ":memory:" || rest == "//:memory:" {
        return Ok(DatabaseUrl(Target::Sqlite(SqliteTarget::Memory)));
    }
    let path = rest.strip_prefix("//").unwrap_or(rest);
    if path.is_empty() {
        return Err(StoreError::invalid_url("the sqlite: URL names no file"));
    }
    if path.contains('?') {
        return Err(StoreError::invalid_url(
            "sqlite: URLs take no query parameters; the store sets its own options",
        ));
    }
    Ok(DatabaseUrl::sqlite_file(Path::new(path)))
}

fn parse_postgres(s: &str) -> Result<DatabaseUrl, StoreError> {
    let parsed = url::Url::parse(s)
        .map_err(|e| StoreError::invalid_url(format!("not a valid PostgreSQL URL: {e}")))?;
    // Let the driver validate what it will later use (host, port, sslmode, …).
    sqlx::postgres::PgConnectOptions::from_str(s)
        .map_err(|e| StoreError::invalid_url(format!("not a valid PostgreSQL URL: {e}")))?;
    Ok(DatabaseUrl(Target::Postgres {
        redacted: redact(parsed),
        url: SecretString::from(s.to_owned()),
    }))
}

/// Replaces the password, in the user-info part or a `password=` query parameter, by `***`.
fn redact(mut url: url::Url) -> String {
    if url.password().is_some() {
        // Cannot fail: a URL with a password has a host.
        let _ = url.set_password(Some("***"));
    }
    if url.query_pairs().any(|(k, _)| k == "password") {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                let v = if k == "password" { "***".into() } else { v };
                (k.into_owned(), v.into_owned())
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.to_string()
}
