//! Installation settings that organisers and admins change at run time (e.g. the retention period
//! of event registrants): one row per changed setting; a missing row means the configured default.

use chrono::{DateTime, Utc};

use crate::directory::tx::Arg;
use crate::{NewAuditEntry, Store, StoreError};

/// A setting as stored; what `value` means is the app's business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub name: String,
    pub value: String,
    pub updated_at: DateTime<Utc>,
}

/// The settings of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct Settings<'s> {
    store: &'s Store,
}

#[derive(sqlx::FromRow)]
struct SettingRow {
    name: String,
    value: String,
    updated_at: DateTime<Utc>,
}

impl Store {
    /// Settings changed at run time.
    pub fn settings(&self) -> Settings<'_> {
        Settings { store: self }
    }
}

impl Settings<'_> {
    /// The setting `name`, if it was ever set.
    pub async fn get(&self, name: &str) -> Result<Option<Setting>, StoreError> {
        let error = self.store.directory_error("setting");
        let sql = "SELECT name, value, updated_at FROM settings WHERE name = $1";
        let mut tx = self.store.begin().await.map_err(&error)?;
        let row: Option<SettingRow> = tx
            .fetch_optional(sql, &[Arg::text(name)])
            .await
            .map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        Ok(row.map(|r| Setting {
            name: r.name,
            value: r.value,
            updated_at: r.updated_at,
        }))
    }

    /// Sets `name` to `value` at `at` and records `audit`, in one transaction.
    pub async fn put(
        &self,
        name: &str,
        value: &str,
        at: DateTime<Utc>,
        audit: NewAuditEntry,
    ) -> Result<(), StoreError> {
        let error = self.store.directory_error("setting");
        let sql = "INSERT INTO settings (name, value, updated_at) VALUES ($1, $2, $3) \
                   ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
        let mut tx = self.store.begin().await.map_err(&error)?;
        tx.execute(sql, &[Arg::text(name), Arg::text(value), Arg::Time(at)])
            .await
            .map_err(&error)?;
        tx.audit(audit).await.map_err(&error)?;
        tx.commit().await.map_err(&error)
    }
}
