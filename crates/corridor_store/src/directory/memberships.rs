//! Memberships: which accounts act for which organisations, and how.

use chrono::Utc;
use corridor_domain::directory::{AccountId, OrganisationId};

use super::id::DbId;
use super::tx::Arg;
use crate::{NewAuditEntry, Store, StoreError};

/// An account's role within one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberRole {
    /// Manages the organisation's profile and verification.
    Owner,
    /// Acts for the organisation day to day.
    Staff,
}

impl MemberRole {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Owner => "owner",
            MemberRole::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<MemberRole> {
        match s {
            "owner" => Some(MemberRole::Owner),
            "staff" => Some(MemberRole::Staff),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub account: AccountId,
    pub organisation: OrganisationId,
    pub role: MemberRole,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    account_id: DbId,
    organisation_id: DbId,
    role: String,
}

impl TryFrom<MembershipRow> for Membership {
    type Error = sqlx::Error;
    fn try_from(row: MembershipRow) -> Result<Self, sqlx::Error> {
        let role = MemberRole::parse(&row.role)
            .ok_or_else(|| super::corrupt("membership role", &row.role))?;
        Ok(Membership {
            account: row.account_id.into(),
            organisation: row.organisation_id.into(),
            role,
        })
    }
}

/// The memberships of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct Memberships<'s> {
    pub(crate) store: &'s Store,
}

impl Memberships<'_> {
    fn error(&self) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        self.store.directory_error("membership")
    }

    /// Adds `account` to `organisation` with `role`, or changes its role, and records `audit`.
    /// An unknown account or organisation is [`StoreError::Rejected`].
    pub async fn put(
        &self,
        account: AccountId,
        organisation: OrganisationId,
        role: MemberRole,
        audit: NewAuditEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let sql = "INSERT INTO memberships (account_id, organisation_id, role, created_at) \
                   VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = excluded.role";
        let args = [
            Arg::id(account),
            Arg::id(organisation),
            Arg::text(role.as_str()),
            Arg::Time(Utc::now()),
        ];
        tx.execute(sql, &args).await.map_err(self.error())?;
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())
    }

    /// Removes `account` from `organisation` and records `audit`, unless that would leave the
    /// organisation without an owner (checked inside the transaction): then nothing is written
    /// and the answer is a [`StoreError::Conflict`]. Removing a non-member changes nothing.
    pub async fn remove(
        &self,
        account: AccountId,
        organisation: OrganisationId,
        audit: NewAuditEntry,
    ) -> Result<bool, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let sql = "DELETE FROM memberships WHERE account_id = $1 AND organisation_id = $2";
        let removed = tx
            .execute(sql, &[Arg::id(account), Arg::id(organisation)])
            .await
            .map_err(self.error())?;
        // Returning early drops the transaction, which rolls it back.
        if removed == 0 {
            return Ok(false);
        }
        let sql = "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'";
        let owners = tx
            .scalar(sql, &[Arg::id(organisation)])
            .await
            .map_err(self.error())?;
        if owners == 0 {
            return Err(StoreError::Conflict {
                what: format!("the last owner of organisation {organisation}"),
            });
        }
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(true)
    }

    /// The role of `account` in `organisation`, if it is a member.
    pub async fn role(
        &self,
        account: AccountId,
        organisation: OrganisationId,
    ) -> Result<Option<MemberRole>, StoreError> {
        let sql = "SELECT account_id, organisation_id, role FROM memberships \
                   WHERE account_id = $1 AND organisation_id = $2";
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let row: Option<MembershipRow> = tx
            .fetch_optional(sql, &[Arg::id(account), Arg::id(organisation)])
            .await
            .map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(row
            .map(Membership::try_from)
            .transpose()
            .map_err(self.error())?
            .map(|m| m.role))
    }

    /// Every organisation `account` acts for.
    pub async fn of_account(&self, account: AccountId) -> Result<Vec<Membership>, StoreError> {
        let sql = "SELECT account_id, organisation_id, role FROM memberships WHERE account_id = $1 \
                   ORDER BY created_at, organisation_id";
        self.list(sql, account.into()).await
    }

    /// Everyone acting for `organisation`, owners first.
    pub async fn of_organisation(
        &self,
        organisation: OrganisationId,
    ) -> Result<Vec<Membership>, StoreError> {
        let sql = "SELECT account_id, organisation_id, role FROM memberships WHERE organisation_id = $1 \
                   ORDER BY role, created_at, account_id";
        self.list(sql, organisation.into()).await
    }

    async fn list(&self, sql: &str, id: DbId) -> Result<Vec<Membership>, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let rows: Vec<MembershipRow> = tx
            .fetch_all(sql, &[Arg::Id(Some(id))])
            .await
            .map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        rows.into_iter()
            .map(Membership::try_from)
            .collect::<Result<_, _>>()
            .map_err(self.error())
    }
}
