//! The throttle behind rate limits on log-in, sign-up and reset requests. It lives in the database
//! so that every server sharing it (several `corridor serve` behind a load balancer) counts the
//! same events. Counting then recording is not atomic: two racing requests may both pass at the
//! limit's edge, which an abuse limit tolerates.

use chrono::{DateTime, Utc};

use super::Accounts;
use crate::StoreError;
use crate::store::on_pool;
use crate::time::DbTime;

/// What the throttle knows about one bucket within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleWindow {
    /// Events recorded since the window's start.
    pub count: u64,
    /// The oldest of them: the limit lifts when it leaves the window.
    pub oldest: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct WindowRow {
    count: i64,
    oldest: Option<DateTime<Utc>>,
}

impl Accounts<'_> {
    /// Records one event in `bucket` (e.g. `login:ip:203.0.113.7`) at `at`.
    pub async fn throttle_record(&self, bucket: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        let sql = "INSERT INTO auth_throttle (bucket, occurred_at) VALUES ($1, $2)";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(bucket)
            .bind(DbTime::new(at))
            .execute(pool)
            .await
            .map(drop))
        .map_err(|e| self.error(e, "throttle event"))
    }

    /// The events of `bucket` after `since`.
    pub async fn throttle_window(
        &self,
        bucket: &str,
        since: DateTime<Utc>,
    ) -> Result<ThrottleWindow, StoreError> {
        let sql = "SELECT COUNT(*) AS count, MIN(occurred_at) AS oldest FROM auth_throttle \
                   WHERE bucket = $1 AND occurred_at > $2";
        let row = on_pool!(self.store(), pool => sqlx::query_as::<_, WindowRow>(sql)
            .bind(bucket)
            .bind(DbTime::new(since))
            .fetch_one(pool)
            .await)
        .map_err(|e| self.error(e, "throttle event"))?;
        Ok(ThrottleWindow {
            count: u64::try_from(row.count).unwrap_or_default(),
            oldest: row.oldest,
        })
    }

    /// Forgets the events of `bucket` (a successful log-in clears its address's failures).
    pub async fn throttle_clear(&self, bucket: &str) -> Result<(), StoreError> {
        let sql = "DELETE FROM auth_throttle WHERE bucket = $1";
        on_pool!(self.store(), pool => sqlx::query(sql).bind(bucket).execute(pool).await
            .map(drop))
        .map_err(|e| self.error(e, "throttle event"))
    }

    /// Removes events older than `before` from every bucket; returns how many.
    pub async fn throttle_prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let sql = "DELETE FROM auth_throttle WHERE occurred_at <= $1";
        on_pool!(self.store(), pool => sqlx::query(sql)
            .bind(DbTime::new(before))
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .map_err(|e| self.error(e, "throttle event"))
    }
}
