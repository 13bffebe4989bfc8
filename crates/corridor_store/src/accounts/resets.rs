//! Password resets: one-time links, stored as the hash of their token, valid until `expires_at`.

use chrono::{DateTime, Utc};
use corridor_domain::directory::AccountId;

use super::{Accounts, TokenHash};
use crate::StoreError;
use crate::store::on_pool;
use crate::time::DbTime;

/// A reset link to store.
#[derive(Debug, Clone)]
pub struct PasswordReset {
    pub token_hash: TokenHash,
    pub account: AccountId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl Accounts<'_> {
    /// Stores a reset link. [`StoreError::Rejected`] when the account does not exist.
    pub async fn create_password_reset(&self, reset: PasswordReset) -> Result<(), StoreError> {
        let sql = "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) \
                   VALUES ($1, $2, $3, $4)";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(reset.token_hash.as_str())
            .bind(reset.account.to_string())
            .bind(DbTime::new(reset.created_at))
            .bind(DbTime::new(reset.expires_at))
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "password reset"))
    }

    /// Uses up a reset link: returns its account if the link exists, is unused and has not
    /// expired at `now`, and marks it used in the same statement, so it works exactly once even
    /// when two requests race.
    pub async fn use_password_reset(
        &self,
        token_hash: &TokenHash,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountId>, StoreError> {
        let sql = "UPDATE password_resets SET used_at = $2 \
                   WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
                   RETURNING account_id";
        let id = on_pool!(self.store(), pool => sqlx::query_scalar::<_, String>(sql)
            .bind(token_hash.as_str())
            .bind(DbTime::new(now))
            .fetch_optional(pool)
            .await)
        .map_err(|e| self.error(e, "password reset"))?;
        id.map(|id| {
            id.parse::<AccountId>().map_err(|e| {
                self.error(
                    sqlx::Error::Decode(format!("reset account id {id:?}: {e}").into()),
                    "password reset",
                )
            })
        })
        .transpose()
    }

    /// Whether a reset link could still be used at `now` (to show the form, without using it).
    pub async fn password_reset_is_usable(
        &self,
        token_hash: &TokenHash,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let sql = "SELECT COUNT(*) FROM password_resets \
                   WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
        let n = on_pool!(self.store(), pool => sqlx::query_scalar::<_, i64>(sql)
            .bind(token_hash.as_str())
            .bind(DbTime::new(now))
            .fetch_one(pool)
            .await)
        .map_err(|e| self.error(e, "password reset"))?;
        Ok(n > 0)
    }

    /// Voids every unused reset link of an account (after its password changed).
    pub async fn void_password_resets(
        &self,
        account: AccountId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let sql =
            "UPDATE password_resets SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(account.to_string())
            .bind(DbTime::new(now))
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "password reset"))
    }
}
