//! How ids are written: hyphenated UUID text on both backends (as `accounts.id`), readable in a
//! database shell and spelled as the audit log's `subject_id`. One type, so queries bind ids once.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::types::Uuid;
use sqlx::{Decode, Encode, Type};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct DbId(pub(crate) Uuid);

impl DbId {
    fn text(&self) -> String {
        self.0.hyphenated().to_string()
    }
}

impl Type<Sqlite> for DbId {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
}

impl<'q> Encode<'q, Sqlite> for DbId {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        Encode::<Sqlite>::encode(self.text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for DbId {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(DbId(Uuid::parse_str(<&str as Decode<Sqlite>>::decode(
            value,
        )?)?))
    }
}

impl Type<Postgres> for DbId {
    fn type_info() -> PgTypeInfo {
        <String as Type<Postgres>>::type_info()
    }
}

impl Encode<'_, Postgres> for DbId {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode(self.text(), buf)
    }
}

impl<'r> Decode<'r, Postgres> for DbId {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(DbId(Uuid::parse_str(<&str as Decode<Postgres>>::decode(
            value,
        )?)?))
    }
}

macro_rules! id_conversions {
    ($($id:ty),*) => {$(
        impl From<$id> for DbId {
            fn from(id: $id) -> Self {
                DbId(id.as_uuid())
            }
        }

        impl From<DbId> for $id {
            fn from(id: DbId) -> Self {
                <$id>::from_uuid(id.0)
            }
        }
    )*};
}

id_conversions!(
    corridor_domain::directory::OrganisationId,
    corridor_domain::directory::PersonId,
    corridor_domain::directory::AccountId
);
