//! Rate limits over the store's shared throttle table.

use chrono::{DateTime, Utc};

use super::{Auth, AuthError, RateLimit};

impl Auth<'_> {
    /// Refuses with [`AuthError::RateLimited`] when `bucket` already holds `limit.max` events in the
    /// window ending `now`; the wait is until the oldest of them leaves the window.
    pub(crate) async fn check_limit(
        &self,
        bucket: &str,
        limit: RateLimit,
        now: DateTime<Utc>,
    ) -> Result<(), AuthError> {
        let window = self
            .app
            .store
            .accounts()
            .throttle_window(bucket, now - limit.window)
            .await?;
        if window.count < u64::from(limit.max) {
            return Ok(());
        }
        let lifts_at = window.oldest.unwrap_or(now) + limit.window;
        let wait = (lifts_at - now).num_seconds().max(1);
        Err(AuthError::RateLimited {
            retry_after_secs: u64::try_from(wait).unwrap_or(1),
        })
    }
}
