//! Accounts: who can log in, with which password hash and site-wide role; their sessions, password
//! resets and the throttle that limits log-in, sign-up and reset attempts (see the submodules).
//!
//! Secrets never reach the database: sessions and reset links are stored as the SHA-256 of the
//! token the user holds ([`TokenHash`]), passwords as an argon2 PHC string made by the caller.

mod resets;
mod sessions;
mod throttle;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use corridor_domain::directory::{AccountId, Email};
// The `uuid` crate as re-exported by sqlx; `corridor_domain` turns on its `v7` feature.
use sqlx::types::Uuid;

use crate::store::on_pool;
use crate::time::DbTime;
use crate::{Store, StoreError};

pub use resets::PasswordReset;
pub use sessions::{NewSession, Session};
pub use throttle::ThrottleWindow;

/// Site-wide role of an account, as stored. The app maps it to its own `Role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountRole {
    Admin,
    Organiser,
    Member,
}

impl AccountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountRole::Admin => "admin",
            AccountRole::Organiser => "organiser",
            AccountRole::Member => "member",
        }
    }

    fn parse(s: &str) -> Option<AccountRole> {
        match s {
            "admin" => Some(AccountRole::Admin),
            "organiser" => Some(AccountRole::Organiser),
            "member" => Some(AccountRole::Member),
            _ => None,
        }
    }
}

/// The hex SHA-256 of a secret token (session cookie, reset link); the only form stored.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TokenHash(String);

impl TokenHash {
    /// From the 32-byte digest the caller computed.
    pub fn from_digest(digest: [u8; 32]) -> TokenHash {
        use std::fmt::Write;
        let mut hex = String::with_capacity(64);
        for byte in digest {
            let _ = write!(hex, "{byte:02x}");
        }
        TokenHash(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Not the token itself, but still not something to print in logs.
impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenHash({}…)", &self.0[..8.min(self.0.len())])
    }
}

/// An account to create.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: Email,
    /// Already checked by the caller (non-empty, at most 200 characters).
    pub display_name: String,
    /// An argon2 PHC string.
    pub password_hash: String,
    pub role: AccountRole,
}

/// An account as stored (without its password hash; see [`Accounts::credentials`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub email: Email,
    pub display_name: String,
    pub role: AccountRole,
    pub created_at: DateTime<Utc>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub disabled: bool,
}

/// The accounts of one [`Store`]: accounts, sessions, password resets and the throttle.
#[derive(Debug, Clone, Copy)]
pub struct Accounts<'s> {
    store: &'s Store,
}

impl Store {
    /// The accounts aggregate.
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts { store: self }
    }
}

pub(crate) const ACCOUNT_COLUMNS: &str =
    "id, email, display_name, role, created_at, email_verified_at, disabled";

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: String,
    email: String,
    display_name: String,
    role: String,
    created_at: DateTime<Utc>,
    email_verified_at: Option<DateTime<Utc>>,
    disabled: bool,
}

/// A stored value that does not parse back: the database was changed behind our back.
fn corrupt(what: String) -> sqlx::Error {
    sqlx::Error::Decode(what.into())
}

impl TryFrom<AccountRow> for Account {
    type Error = sqlx::Error;

    fn try_from(row: AccountRow) -> Result<Self, sqlx::Error> {
        Ok(Account {
            id: AccountId::from_str(&row.id)
                .map_err(|e| corrupt(format!("account id {:?}: {e}", row.id)))?,
            email: Email::parse(&row.email)
                .map_err(|e| corrupt(format!("account e-mail {:?}: {e}", row.email)))?,
            display_name: row.display_name,
            role: AccountRole::parse(&row.role)
                .ok_or_else(|| corrupt(format!("account role {:?}", row.role)))?,
            created_at: row.created_at,
            email_verified_at: row.email_verified_at,
            disabled: row.disabled,
        })
    }
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    #[sqlx(flatten)]
    account: AccountRow,
    password_hash: String,
}

impl<'s> Accounts<'s> {
    pub(crate) fn error(&self, error: sqlx::Error, what: &str) -> StoreError {
        self.store.query_error(error, what)
    }

    pub(crate) fn store(&self) -> &'s Store {
        self.store
    }

    /// Creates an account with a new id, now. An address already used (in any letter case) is a
    /// [`StoreError::Conflict`].
    pub async fn create(&self, new: NewAccount) -> Result<Account, StoreError> {
        let sql = format!(
            "INSERT INTO accounts (id, email, display_name, password_hash, role, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {ACCOUNT_COLUMNS}"
        );
        let id = Uuid::now_v7().hyphenated().to_string();
        let row = on_pool!(self.store, pool => sqlx::query_as::<_, AccountRow>(&sql)
            .bind(&id)
            .bind(new.email.as_str())
            .bind(&new.display_name)
            .bind(&new.password_hash)
            .bind(new.role.as_str())
            .bind(DbTime::new(Utc::now()))
            .fetch_one(pool)
            .await)
        .map_err(|e| self.error(e, "account"))?;
        Account::try_from(row).map_err(|e| self.error(e, "account"))
    }

    /// The account with this id, if any.
    pub async fn get(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let row = on_pool!(self.store, pool => sqlx::query_as::<_, AccountRow>(&sql)
            .bind(id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(|e| self.error(e, "account"))?;
        row.map(Account::try_from)
            .transpose()
            .map_err(|e| self.error(e, "account"))
    }

    /// The account with this address (any letter case) and its password hash, for logging in.
    pub async fn credentials(
        &self,
        email: &Email,
    ) -> Result<Option<(Account, String)>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE lower(email) = lower($1)"
        );
        let row = on_pool!(self.store, pool => sqlx::query_as::<_, CredentialsRow>(&sql)
            .bind(email.as_str())
            .fetch_optional(pool)
            .await)
        .map_err(|e| self.error(e, "account"))?;
        row.map(|r| Ok((Account::try_from(r.account)?, r.password_hash)))
            .transpose()
            .map_err(|e| self.error(e, "account"))
    }

    /// The password hash of an account, for checking the current password before a change.
    pub async fn password_hash(&self, id: AccountId) -> Result<Option<String>, StoreError> {
        let sql = "SELECT password_hash FROM accounts WHERE id = $1";
        on_pool!(self.store, pool => sqlx::query_scalar::<_, String>(sql)
            .bind(id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(|e| self.error(e, "account"))
    }

    /// Replaces the password hash. [`StoreError::NotFound`] when there is no such account.
    pub async fn set_password_hash(&self, id: AccountId, hash: &str) -> Result<(), StoreError> {
        self.update_one(
            "UPDATE accounts SET password_hash = $2 WHERE id = $1",
            id,
            hash,
        )
        .await
    }

    /// Changes the site-wide role.
    pub async fn set_role(&self, id: AccountId, role: AccountRole) -> Result<(), StoreError> {
        self.update_one(
            "UPDATE accounts SET role = $2 WHERE id = $1",
            id,
            role.as_str(),
        )
        .await
    }

    /// Disables (or re-enables) an account; a disabled account's sessions stop working at once.
    pub async fn set_disabled(&self, id: AccountId, disabled: bool) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET disabled = $2 WHERE id = $1";
        let done = on_pool!(self.store, pool => sqlx::query(sql)
            .bind(id.to_string())
            .bind(disabled)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "account"))?;
        not_found_if_zero(done, "account")
    }

    /// Records that the owner of the address proved it (by following a mailed link).
    pub async fn mark_email_verified(
        &self,
        id: AccountId,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE accounts SET email_verified_at = $2 WHERE id = $1";
        let done = on_pool!(self.store, pool => sqlx::query(sql)
            .bind(id.to_string())
            .bind(DbTime::new(at))
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "account"))?;
        not_found_if_zero(done, "account")
    }

    /// The number of accounts.
    pub async fn count(&self) -> Result<u64, StoreError> {
        let sql = "SELECT COUNT(*) FROM accounts";
        let n =
            on_pool!(self.store, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await)
                .map_err(|e| self.error(e, "account"))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    async fn update_one(&self, sql: &str, id: AccountId, value: &str) -> Result<(), StoreError> {
        let done = on_pool!(self.store, pool => sqlx::query(sql)
            .bind(id.to_string())
            .bind(value)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "account"))?;
        not_found_if_zero(done, "account")
    }
}

pub(crate) fn not_found_if_zero(rows: u64, what: &str) -> Result<(), StoreError> {
    if rows == 0 {
        Err(StoreError::NotFound {
            what: what.to_owned(),
        })
    } else {
        Ok(())
    }
}
