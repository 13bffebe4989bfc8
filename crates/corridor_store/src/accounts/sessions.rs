//! Log-in sessions: a row per signed-in browser or client, found by the hash of its cookie.

use chrono::{DateTime, Utc};
use corridor_domain::directory::AccountId;

use super::{Account, AccountRow, Accounts, TokenHash};
use crate::StoreError;
use crate::store::on_pool;
use crate::time::DbTime;

/// A session to start.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: TokenHash,
    pub account: AccountId,
    /// The synchroniser token forms of this session must echo (random, from the caller).
    pub csrf_secret: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A live session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_hash: TokenHash,
    pub account: AccountId,
    pub csrf_secret: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SessionAccountRow {
    token_hash: String,
    csrf_secret: String,
    session_created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    #[sqlx(flatten)]
    account: AccountRow,
}

impl Accounts<'_> {
    /// Stores a new session. [`StoreError::Rejected`] when the account does not exist.
    pub async fn create_session(&self, new: NewSession) -> Result<(), StoreError> {
        let sql = "INSERT INTO sessions \
                   (token_hash, account_id, csrf_secret, created_at, last_seen_at, expires_at) \
                   VALUES ($1, $2, $3, $4, $4, $5)";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(new.token_hash.as_str())
            .bind(new.account.to_string())
            .bind(&new.csrf_secret)
            .bind(DbTime::new(new.created_at))
            .bind(DbTime::new(new.expires_at))
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "session"))
    }

    /// The session with this token hash and its account, unless the session expired (at `now`)
    /// or the account is disabled.
    pub async fn session(
        &self,
        token_hash: &TokenHash,
        now: DateTime<Utc>,
    ) -> Result<Option<(Session, Account)>, StoreError> {
        let sql = "SELECT s.token_hash, s.csrf_secret, s.created_at AS session_created_at, \
                   s.last_seen_at, s.expires_at, a.id, a.email, a.display_name, a.role, \
                   a.created_at, a.email_verified_at, a.disabled \
                   FROM sessions s JOIN accounts a ON a.id = s.account_id \
                   WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled";
        let row = on_pool!(self.store(), pool => sqlx::query_as::<_, SessionAccountRow>(sql)
            .bind(token_hash.as_str())
            .bind(DbTime::new(now))
            .fetch_optional(pool)
            .await)
        .map_err(|e| self.error(e, "session"))?;
        let Some(row) = row else { return Ok(None) };
        let account = Account::try_from(row.account).map_err(|e| self.error(e, "session"))?;
        let session = Session {
            token_hash: TokenHash(row.token_hash),
            account: account.id,
            csrf_secret: row.csrf_secret,
            created_at: row.session_created_at,
            last_seen_at: row.last_seen_at,
            expires_at: row.expires_at,
        };
        Ok(Some((session, account)))
    }

    /// Slides a session's expiry: seen at `now`, valid until `expires_at`.
    pub async fn touch_session(
        &self,
        token_hash: &TokenHash,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sql = "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(token_hash.as_str())
            .bind(DbTime::new(now))
            .bind(DbTime::new(expires_at))
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "session"))
    }

    /// Ends one session (log-out); ending one that does not exist is not an error.
    pub async fn delete_session(&self, token_hash: &TokenHash) -> Result<(), StoreError> {
        let sql = "DELETE FROM sessions WHERE token_hash = $1";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(token_hash.as_str())
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "session"))
    }

    /// Ends every session of an account (after a password reset); returns how many there were.
    pub async fn delete_sessions_of(&self, account: AccountId) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE account_id = $1";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(account.to_string())
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "session"))
    }

    /// Ends every session of an account except one (after a password change in that session).
    pub async fn delete_other_sessions(
        &self,
        account: AccountId,
        keep: &TokenHash,
    ) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(account.to_string())
            .bind(keep.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "session"))
    }

    /// Removes sessions that expired before `now`; returns how many.
    pub async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE expires_at <= $1";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(DbTime::new(now))
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "session"))
    }

    /// The number of live sessions of an account at `now`.
    pub async fn session_count(
        &self,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let sql = "SELECT COUNT(*) FROM sessions WHERE account_id = $1 AND expires_at > $2";
        let n = on_pool!(self.store(), pool => sqlx::query_scalar::<_, i64>(sql)
            .bind(account.to_string())
            .bind(DbTime::new(now))
            .fetch_one(pool)
            .await)
        .map_err(|e| self.error(e, "session"))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }
}
