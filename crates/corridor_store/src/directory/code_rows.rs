//! The ordered code lists (industries, products, languages …) that organisations and people keep
//! in a side table each: `organisation_codes` and `person_codes`, one row per code with its
//! system and position.

use super::id::DbId;
use super::tx::{Arg, Tx};

/// The side table of one owner kind: its name and the column naming the owner.
#[derive(Clone, Copy)]
pub(super) struct CodeTable {
    pub table: &'static str,
    pub owner: &'static str,
}

pub(super) const ORGANISATION_CODES: CodeTable = CodeTable {
    table: "organisation_codes",
    owner: "organisation_id",
};

pub(super) const PERSON_CODES: CodeTable = CodeTable {
    table: "person_codes",
    owner: "person_id",
};

#[derive(sqlx::FromRow)]
struct CodeRow {
    system: String,
    code: String,
}

/// One owner's codes as read back, by system.
pub(super) struct Codes(Vec<CodeRow>);

impl Codes {
    /// The codes of `system`, in the order they were written.
    pub fn of(&self, system: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|c| c.system == system)
            .map(|c| c.code.clone())
            .collect()
    }
}

impl CodeTable {
    /// Writes each list of `lists` as `(system, codes)`, keeping the order of the codes.
    pub async fn insert(
        self,
        tx: &mut Tx,
        owner: DbId,
        lists: &[(&str, Vec<&str>)],
    ) -> Result<(), sqlx::Error> {
        let sql = format!(
            "INSERT INTO {} ({}, system, position, code) VALUES ($1, $2, $3, $4)",
            self.table, self.owner
        );
        for (system, codes) in lists {
            for (position, code) in codes.iter().enumerate() {
                let position = i64::try_from(position).unwrap_or(i64::MAX);
                let args = [
                    Arg::Id(Some(owner)),
                    Arg::text(*system),
                    Arg::Int(Some(position)),
                    Arg::text(*code),
                ];
                tx.execute(&sql, &args).await?;
            }
        }
        Ok(())
    }

    /// Reads back every code of `owner`.
    pub async fn load(self, tx: &mut Tx, owner: DbId) -> Result<Codes, sqlx::Error> {
        let sql = format!(
            "SELECT system, code FROM {} WHERE {} = $1 ORDER BY system, position",
            self.table, self.owner
        );
        Ok(Codes(tx.fetch_all(&sql, &[Arg::Id(Some(owner))]).await?))
    }
}
