//! Privacy: what the store holds about one account (the data download), erasing an account, and
//! the retention of people who registered only for an event (their removal, leaving anonymous
//! counts). Reached with [`Store::privacy`].
//!
//! The rules (who may, which retention period, the pseudonym of a deleted account) are the app's;
//! this module only reads and writes, each change in one transaction with its audit entries.

mod erase;
mod export;
mod retention;

use crate::directory::tx::Arg;
use crate::{Store, StoreError};

pub use erase::{Erasure, ErasureRequest};
pub use export::{EvidenceMeta, OwnPerson, SessionInfo};
pub use retention::{NewRegistrant, PurgeOutcome, RegistrantCount, UNKNOWN_COUNTRY};

/// Where a person record came from, which decides how long it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonOrigin {
    /// Added to the directory; kept until someone deletes it.
    Directory,
    /// Registered only for an event; removed after the retention period.
    EventRegistration,
}

impl PersonOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonOrigin::Directory => "directory",
            PersonOrigin::EventRegistration => "event_registration",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<PersonOrigin> {
        match s {
            "directory" => Some(PersonOrigin::Directory),
            "event_registration" => Some(PersonOrigin::EventRegistration),
            _ => None,
        }
    }
}

/// The privacy operations of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct Privacy<'s> {
    store: &'s Store,
}

impl Store {
    /// The data download, account erasure and registrant retention.
    pub fn privacy(&self) -> Privacy<'_> {
        Privacy { store: self }
    }
}

impl Privacy<'_> {
    fn error(&self, what: &str) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        self.store.directory_error(what)
    }

    /// The rows of one query, read in a transaction of its own; `what` names them in errors.
    async fn read_all<T>(&self, what: &str, sql: &str, args: &[Arg]) -> Result<Vec<T>, StoreError>
    where
        T: Send
            + Unpin
            + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    {
        let error = self.error(what);
        let mut tx = self.store.begin().await.map_err(&error)?;
        let rows = tx.fetch_all(sql, args).await.map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        Ok(rows)
    }
}

/// `$first, $first+1, …` for `n` values bound after the fixed arguments of a query.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stored value that does not parse back: ours, not the caller's.
fn corrupt(what: &str, why: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Decode(format!("stored {what} is not valid: {why}").into())
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}
