//! How timestamps are written: PostgreSQL as `TIMESTAMPTZ`; SQLite as fixed-width RFC 3339 text in
//! UTC with microseconds (`2026-01-02T03:04:05.000000Z`), so that text order is time order there too
//! (sqlx's own SQLite encoding varies the number of fraction digits).

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentValue, SqliteTypeInfo};
use sqlx::{Encode, Type};

/// A UTC instant as bound to a query, truncated to the microseconds both backends keep.
pub(crate) struct DbTime(DateTime<Utc>);

impl DbTime {
    pub(crate) fn new(at: DateTime<Utc>) -> Self {
        Self(at.trunc_subsecs(6))
    }
}

impl Type<Sqlite> for DbTime {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
}

impl<'q> Encode<'q, Sqlite> for DbTime {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        let text = self.0.to_rfc3339_opts(SecondsFormat::Micros, true);
        Encode::<Sqlite>::encode(text, buf)
    }
}

impl Type<Postgres> for DbTime {
    fn type_info() -> PgTypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }
}

impl Encode<'_, Postgres> for DbTime {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode_by_ref(&self.0, buf)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::store::Pools;
    use crate::{DatabaseUrl, NewAuditEntry, Store};

    #[tokio::test]
    async fn sqlite_stores_timestamps_as_fixed_width_utc_text() {
        let store = Store::connect(&DatabaseUrl::parse("sqlite::memory:").unwrap())
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let whole_second = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let entry = NewAuditEntry::new("tested", "test", "1").at(whole_second);
        store.audit().append(entry).await.unwrap();

        let Pools::Sqlite(pool) = &store.pools else {
            unreachable!()
        };
        let raw: String = sqlx::query_scalar("SELECT occurred_at FROM audit_log")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(raw, "2026-01-02T03:04:05.000000Z");
    }
}
