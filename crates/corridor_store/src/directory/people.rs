//! People, their expertise codes and their private contact details.

use chrono::Utc;
use corridor_domain::directory::{
    AccountId, NewPerson, OrganisationId, Person, PersonId, PersonInput,
};
use sqlx::types::{Json, Uuid};

use super::code_rows::PERSON_CODES;
use super::id::DbId;
use super::tx::{Arg, Tx};
use super::{Page, corrupt, count};
use crate::{NewAuditEntry, Store, StoreError};

/// A person as stored, contact details included: the app decides who may see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPerson {
    pub person: Person,
    /// The person's own log-in, if they have one.
    pub account: Option<AccountId>,
}

/// The people of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct People<'s> {
    pub(crate) store: &'s Store,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: DbId,
    organisation_id: Option<DbId>,
    account_id: Option<DbId>,
    name: String,
    title: Option<String>,
    kind: String,
    tags: Json<Vec<String>>,
    time_zone: Option<String>,
    demo: bool,
    email: Option<String>,
    phone: Option<String>,
    profile_url: Option<String>,
}

pub(super) const SELECT: &str = "SELECT p.id, p.organisation_id, p.account_id, p.name, p.title, p.kind, p.tags, \
     p.time_zone, p.demo, c.email, c.phone, c.profile_url \
     FROM people p LEFT JOIN person_contacts c ON c.person_id = p.id";

impl People<'_> {
    fn error(&self) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        self.store.directory_error("person")
    }

    /// Adds a person (linked to `account` if given) and records `audit`, whose subject id is
    /// filled in. An e-mail address already taken is a [`StoreError::Conflict`]; an unknown
    /// organisation is [`StoreError::Rejected`].
    pub async fn create(
        &self,
        details: &NewPerson,
        account: Option<AccountId>,
        audit: NewAuditEntry,
    ) -> Result<Person, StoreError> {
        let id = PersonId::from_uuid(Uuid::now_v7());
        let mut tx = self.store.begin().await.map_err(self.error())?;
        insert(&mut tx, id, details, account)
            .await
            .map_err(self.error())?;
        let audit = NewAuditEntry {
            subject_id: id.to_string(),
            ..audit
        };
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(Person {
            id,
            details: details.clone(),
        })
    }

    /// Adds every person or none (an import), one audit entry each.
    pub async fn create_all(
        &self,
        all: &[NewPerson],
        audit: impl Fn(PersonId) -> NewAuditEntry,
    ) -> Result<Vec<PersonId>, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let mut ids = Vec::with_capacity(all.len());
        for details in all {
            let id = PersonId::from_uuid(Uuid::now_v7());
            insert(&mut tx, id, details, None)
                .await
                .map_err(self.error())?;
            tx.audit(audit(id)).await.map_err(self.error())?;
            ids.push(id);
        }
        tx.commit().await.map_err(self.error())?;
        Ok(ids)
    }

    pub async fn get(&self, id: PersonId) -> Result<Option<StoredPerson>, StoreError> {
        let sql = format!("{SELECT} WHERE p.id = $1");
        let mut found = self.fetch(&sql, &[Arg::id(id)]).await?;
        Ok(found.pop())
    }

    /// The people of one organisation, by name.
    pub async fn of_organisation(
        &self,
        organisation: OrganisationId,
    ) -> Result<Vec<StoredPerson>, StoreError> {
        let sql = format!("{SELECT} WHERE p.organisation_id = $1 ORDER BY lower(p.name), p.id");
        self.fetch(&sql, &[Arg::id(organisation)]).await
    }

    /// One page of everyone, by name.
    pub async fn list(&self, limit: u32, offset: u32) -> Result<Page<StoredPerson>, StoreError> {
        let total = self.count().await?;
        let sql = format!("{SELECT} ORDER BY lower(p.name), p.id LIMIT $1 OFFSET $2");
        let args = [
            Arg::Int(Some(i64::from(limit))),
            Arg::Int(Some(i64::from(offset))),
        ];
        Ok(Page {
            total,
            items: self.fetch(&sql, &args).await?,
        })
    }

    pub async fn count(&self) -> Result<u64, StoreError> {
        Ok(count(
            self.scalar("SELECT COUNT(*) FROM people", &[]).await?,
        ))
    }

    /// One number from `sql` (a count).
    pub(super) async fn scalar(&self, sql: &str, args: &[Arg]) -> Result<i64, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let n = tx.scalar(sql, args).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(n)
    }

    pub(super) async fn fetch(
        &self,
        sql: &str,
        args: &[Arg],
    ) -> Result<Vec<StoredPerson>, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let rows: Vec<PersonRow> = tx.fetch_all(sql, args).await.map_err(self.error())?;
        let mut people = Vec::with_capacity(rows.len());
        for row in rows {
            people.push(load(&mut tx, row).await.map_err(self.error())?);
        }
        tx.commit().await.map_err(self.error())?;
        Ok(people)
    }
}

pub(crate) async fn insert(
    tx: &mut Tx,
    id: PersonId,
    d: &NewPerson,
    account: Option<AccountId>,
) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    let sql = "INSERT INTO people (id, organisation_id, account_id, name, title, kind, tags, time_zone, \
               demo, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)";
    let tags: Vec<&str> = d.tags.iter().map(|t| t.as_str()).collect();
    let args = [
        Arg::id(id),
        Arg::Id(d.organisation.map(DbId::from)),
        Arg::Id(account.map(DbId::from)),
        Arg::text(d.name.as_str()),
        Arg::opt_text(d.title.as_ref()),
        Arg::text(d.kind.as_str()),
        Arg::Json(serde_json::json!(tags)),
        Arg::opt_text(d.time_zone.as_ref()),
        Arg::Bool(d.demo),
        Arg::Time(now),
    ];
    tx.execute(sql, &args).await?;
    let sql = "INSERT INTO person_contacts (person_id, email, phone, profile_url) VALUES ($1, $2, $3, $4)";
    let c = &d.contact;
    let args = [
        Arg::id(id),
        Arg::opt_text(c.email.as_ref()),
        Arg::opt_text(c.phone.as_ref()),
        Arg::opt_text(c.profile_url.as_ref()),
    ];
    tx.execute(sql, &args).await?;
    let lists: [(&str, Vec<&str>); 3] = [
        (
            "industry",
            d.expertise_industries.iter().map(|c| c.as_str()).collect(),
        ),
        (
            "product",
            d.expertise_products.iter().map(|c| c.as_str()).collect(),
        ),
        ("language", d.languages.iter().map(|c| c.as_str()).collect()),
    ];
    PERSON_CODES.insert(tx, id.into(), &lists).await
}

async fn load(tx: &mut Tx, row: PersonRow) -> Result<StoredPerson, sqlx::Error> {
    let codes = PERSON_CODES.load(tx, row.id).await?;
    let of = |system: &str| codes.of(system);
    let input = PersonInput {
        name: row.name,
        title: row.title.unwrap_or_default(),
        organisation_id: row
            .organisation_id
            .map(|id| OrganisationId::from(id).to_string())
            .unwrap_or_default(),
        kind: row.kind,
        expertise_industries: of("industry"),
        expertise_products: of("product"),
        tags: row.tags.0,
        languages: of("language"),
        time_zone: row.time_zone.unwrap_or_default(),
        email: row.email.unwrap_or_default(),
        phone: row.phone.unwrap_or_default(),
        profile_url: row.profile_url.unwrap_or_default(),
        demo: row.demo,
    };
    let details = input.validate().map_err(|e| corrupt("person", e))?;
    Ok(StoredPerson {
        person: Person {
            id: row.id.into(),
            details,
        },
        account: row.account_id.map(AccountId::from),
    })
}
