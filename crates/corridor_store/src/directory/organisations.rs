//! Organisations: profile, codes, verification record.

use chrono::{NaiveDate, Utc};
use corridor_domain::directory::{
    AccountId, NewOrganisation, Organisation, OrganisationId, OrganisationInput,
    VerificationRecord, VerificationState,
};
use sqlx::types::{Json, Uuid};

use super::code_rows::ORGANISATION_CODES;
use super::filter::{contains_pattern, next, upper_bound};
use super::id::DbId;
use super::tx::{Arg, Tx};
use super::{OrganisationFilter, Page, ProductFlow, corrupt, count};
use crate::{NewAuditEntry, Store, StoreError};

/// The organisations of one [`Store`].
#[derive(Debug, Clone, Copy)]
pub struct Organisations<'s> {
    pub(crate) store: &'s Store,
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: DbId,
    kind: String,
    legal_name: String,
    trading_name: Option<String>,
    country: String,
    region: Option<String>,
    city: Option<String>,
    year_founded: Option<i64>,
    size_band: Option<String>,
    website: Option<String>,
    description: Option<String>,
    certifications: Json<Vec<String>>,
    demo: bool,
    state: String,
    reviewer: Option<DbId>,
    rejected_by: Option<DbId>,
    appeals_used: i64,
    in_appeal: bool,
    valid_until: Option<NaiveDate>,
}

const SELECT: &str = "SELECT o.id, o.kind, o.legal_name, o.trading_name, o.country, o.region, o.city, \
     o.year_founded, o.size_band, o.website, o.description, o.certifications, o.demo, \
     v.state, v.reviewer, v.rejected_by, v.appeals_used, v.in_appeal, v.valid_until \
     FROM organisations o JOIN verification_records v ON v.organisation_id = o.id";

/// Stored values were valid when written; the year bound only guards the far future.
const ANY_YEAR: i32 = 9999;

impl Organisations<'_> {
    fn error(&self) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        self.store.directory_error("organisation")
    }

    /// Registers an organisation in draft, makes `owner` (if any) its owner, and records `audit`
    /// (its subject id is filled in), all in one transaction. A second organisation with the same
    /// legal name in the same country is a [`StoreError::Conflict`].
    pub async fn create(
        &self,
        details: &NewOrganisation,
        owner: Option<AccountId>,
        audit: NewAuditEntry,
    ) -> Result<Organisation, StoreError> {
        let id = OrganisationId::from_uuid(Uuid::now_v7());
        let mut tx = self.store.begin().await.map_err(self.error())?;
        insert(&mut tx, id, details).await.map_err(self.error())?;
        if let Some(owner) = owner {
            let sql = "INSERT INTO memberships (account_id, organisation_id, role, created_at) \
                       VALUES ($1, $2, 'owner', $3)";
            let args = [Arg::id(owner), Arg::id(id), Arg::Time(Utc::now())];
            tx.execute(sql, &args).await.map_err(self.error())?;
        }
        let audit = NewAuditEntry {
            subject_id: id.to_string(),
            ..audit
        };
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(Organisation::new(id, details.clone()))
    }

    /// Registers every organisation or none (an import): one transaction, one audit entry each
    /// made by `audit` from the new id.
    pub async fn create_all(
        &self,
        all: &[NewOrganisation],
        audit: impl Fn(OrganisationId) -> NewAuditEntry,
    ) -> Result<Vec<OrganisationId>, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let mut ids = Vec::with_capacity(all.len());
        for details in all {
            let id = OrganisationId::from_uuid(Uuid::now_v7());
            insert(&mut tx, id, details).await.map_err(self.error())?;
            tx.audit(audit(id)).await.map_err(self.error())?;
            ids.push(id);
        }
        tx.commit().await.map_err(self.error())?;
        Ok(ids)
    }

    /// Replaces the profile (not the verification record) and records `audit`.
    pub async fn update(
        &self,
        id: OrganisationId,
        details: &NewOrganisation,
        audit: NewAuditEntry,
    ) -> Result<Organisation, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let sql = "UPDATE organisations SET kind = $2, legal_name = $3, trading_name = $4, \
                   country = $5, region = $6, city = $7, year_founded = $8, size_band = $9, \
                   website = $10, description = $11, certifications = $12, demo = $13, \
                   updated_at = $14 WHERE id = $1";
        let mut args = vec![Arg::id(id)];
        args.extend(profile_args(details));
        args.push(Arg::Time(Utc::now()));
        let changed = tx.execute(sql, &args).await.map_err(self.error())?;
        if changed == 0 {
            return Err(not_found(id));
        }
        let sql = "DELETE FROM organisation_codes WHERE organisation_id = $1";
        tx.execute(sql, &[Arg::id(id)])
            .await
            .map_err(self.error())?;
        insert_codes(&mut tx, id, details)
            .await
            .map_err(self.error())?;
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        self.get(id).await?.ok_or_else(|| not_found(id))
    }

    pub async fn get(&self, id: OrganisationId) -> Result<Option<Organisation>, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let sql = format!("{SELECT} WHERE o.id = $1");
        let row: Option<OrganisationRow> = tx
            .fetch_optional(&sql, &[Arg::id(id)])
            .await
            .map_err(self.error())?;
        let found = match row {
            Some(row) => Some(load(&mut tx, row).await.map_err(self.error())?),
            None => None,
        };
        tx.commit().await.map_err(self.error())?;
        Ok(found)
    }

    /// Moves the verification record from `expected` to `next` and records `audit`, in one
    /// transaction. If the record changed since `expected` was read (another reviewer acted), nothing
    /// is written and the answer is a [`StoreError::Conflict`].
    pub async fn transition(
        &self,
        id: OrganisationId,
        expected: &VerificationRecord,
        next: &VerificationRecord,
        audit: NewAuditEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let sql = "UPDATE verification_records SET state = $3, reviewer = $4, rejected_by = $5, \
                   appeals_used = $6, in_appeal = $7, valid_until = $8, updated_at = $9 \
                   WHERE organisation_id = $1 AND state = $2 AND appeals_used = $10";
        let args = [
            Arg::id(id),
            Arg::text(expected.state.as_str()),
            Arg::text(next.state.as_str()),
            Arg::Id(next.reviewer.map(DbId::from)),
            Arg::Id(next.rejected_by.map(DbId::from)),
            Arg::Int(Some(i64::from(next.appeals_used))),
            Arg::Bool(next.in_appeal),
            Arg::Date(next.valid_until),
            Arg::Time(Utc::now()),
            Arg::Int(Some(i64::from(expected.appeals_used))),
        ];
        let changed = tx.execute(sql, &args).await.map_err(self.error())?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                what: format!("a newer verification decision on organisation {id}"),
            });
        }
        tx.audit(audit).await.map_err(self.error())?;
        tx.commit().await.map_err(self.error())
    }

    /// One page of organisations matching `filter`, by legal name.
    pub async fn search(
        &self,
        filter: &OrganisationFilter,
    ) -> Result<Page<Organisation>, StoreError> {
        let (condition, args) = conditions(filter);
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let count_sql = format!(
            "SELECT COUNT(*) FROM organisations o JOIN verification_records v \
             ON v.organisation_id = o.id WHERE {condition}"
        );
        let total = tx.scalar(&count_sql, &args).await.map_err(self.error())?;
        let n = args.len();
        let sql = format!(
            "{SELECT} WHERE {condition} ORDER BY lower(o.legal_name), o.id LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut page_args = args;
        page_args.push(Arg::Int(Some(i64::from(filter.limit))));
        page_args.push(Arg::Int(Some(i64::from(filter.offset))));
        let rows: Vec<OrganisationRow> =
            tx.fetch_all(&sql, &page_args).await.map_err(self.error())?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            items.push(load(&mut tx, row).await.map_err(self.error())?);
        }
        tx.commit().await.map_err(self.error())?;
        Ok(Page {
            total: count(total),
            items,
        })
    }

    /// Ids of the organisations that export `code` or anything under it: the index-only query
    /// behind "who exports HS 1006?".
    pub async fn exporters_of(&self, code: &str) -> Result<Vec<OrganisationId>, StoreError> {
        let sql = "SELECT DISTINCT organisation_id FROM organisation_codes \
                   WHERE system = 'export' AND code >= $1 AND code < $2";
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let ids: Vec<(DbId,)> = tx
            .fetch_all(sql, &[Arg::text(code), Arg::text(upper_bound(code))])
            .await
            .map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(ids.into_iter().map(|(id,)| id.into()).collect())
    }

    /// How many organisations are stored (imports are checked against it).
    pub async fn count(&self) -> Result<u64, StoreError> {
        let mut tx = self.store.begin().await.map_err(self.error())?;
        let n = tx
            .scalar("SELECT COUNT(*) FROM organisations", &[])
            .await
            .map_err(self.error())?;
        tx.commit().await.map_err(self.error())?;
        Ok(count(n))
    }
}

fn not_found(id: OrganisationId) -> StoreError {
    StoreError::NotFound {
        what: format!("organisation {id}"),
    }
}

/// The WHERE clause of a listing and its arguments, numbered from `$1`.
fn conditions(filter: &OrganisationFilter) -> (String, Vec<Arg>) {
    let mut parts: Vec<String> = vec!["1 = 1".to_owned()];
    let mut args: Vec<Arg> = Vec::new();
    if let Some(country) = filter.country {
        parts.push(format!(
            "o.country = {}",
            next(&mut args, Arg::text(country.as_str()))
        ));
    }
    if let Some(kind) = filter.kind {
        parts.push(format!(
            "o.kind = {}",
            next(&mut args, Arg::text(kind.as_str()))
        ));
    }
    if let Some(prefix) = filter.industry_prefix.as_deref().filter(|p| !p.is_empty()) {
        let (low, high) = (
            next(&mut args, Arg::text(prefix)),
            next(&mut args, Arg::text(upper_bound(prefix))),
        );
        parts.push(format!(
            "EXISTS (SELECT 1 FROM organisation_codes c WHERE c.organisation_id = o.id \
             AND c.system = 'industry' AND c.code >= {low} AND c.code < {high})"
        ));
    }
    if let Some((flow, code)) = filter.product {
        let systems = match flow {
            ProductFlow::Exports => "'export'",
            ProductFlow::Imports => "'import'",
            ProductFlow::Either => "'export', 'import'",
        };
        let code = code.as_str();
        // A subheading's heading covers it; shorter codes have no such parent worth matching.
        let heading = if code.len() == 6 { &code[..4] } else { code };
        let low = next(&mut args, Arg::text(code));
        let high = next(&mut args, Arg::text(upper_bound(code)));
        let parent = next(&mut args, Arg::text(heading));
        parts.push(format!(
            "EXISTS (SELECT 1 FROM organisation_codes c WHERE c.organisation_id = o.id \
             AND c.system IN ({systems}) AND ((c.code >= {low} AND c.code < {high}) OR c.code = {parent}))"
        ));
    }
    if !filter.states.is_empty() {
        // States are a closed enum, so they are written into the SQL, not bound.
        let states: Vec<String> = filter
            .states
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        parts.push(format!("v.state IN ({})", states.join(", ")));
    }
    if let Some(account) = filter.not_appealing_against {
        let p = next(&mut args, Arg::id(account));
        parts.push(format!(
            "(NOT v.in_appeal OR v.rejected_by IS NULL OR v.rejected_by <> {p})"
        ));
    }
    if let Some(name) = filter
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let p = next(&mut args, Arg::text(contains_pattern(name)));
        parts.push(format!(
            "(lower(o.legal_name) LIKE {p} ESCAPE '\\' OR lower(COALESCE(o.trading_name, '')) LIKE {p} ESCAPE '\\')"
        ));
    }
    (parts.join(" AND "), args)
}

/// The profile columns from `kind` to `demo`, in table order.
fn profile_args(d: &NewOrganisation) -> Vec<Arg> {
    vec![
        Arg::text(d.kind.as_str()),
        Arg::text(d.legal_name.as_str()),
        Arg::opt_text(d.trading_name.as_ref()),
        Arg::text(d.country.as_str()),
        Arg::opt_text(d.region.as_ref()),
        Arg::opt_text(d.city.as_ref()),
        Arg::Int(d.year_founded.map(|y| i64::from(y.get()))),
        Arg::Text(d.size_band.map(|b| b.as_str().to_owned())),
        Arg::opt_text(d.website.as_ref()),
        Arg::opt_text(d.description.as_ref()),
        Arg::Json(serde_json::json!(
            d.certifications
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
        )),
        Arg::Bool(d.demo),
    ]
}

async fn insert(
    tx: &mut Tx,
    id: OrganisationId,
    details: &NewOrganisation,
) -> Result<(), sqlx::Error> {
    let now = Utc::now();
    let sql = "INSERT INTO organisations (id, kind, legal_name, trading_name, country, region, city, \
               year_founded, size_band, website, description, certifications, demo, created_at, \
               updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)";
    let mut args = vec![Arg::id(id)];
    args.extend(profile_args(details));
    args.push(Arg::Time(now));
    tx.execute(sql, &args).await?;
    let sql = "INSERT INTO verification_records (organisation_id, state, updated_at) VALUES ($1, 'draft', $2)";
    tx.execute(sql, &[Arg::id(id), Arg::Time(now)]).await?;
    insert_codes(tx, id, details).await
}

async fn insert_codes(
    tx: &mut Tx,
    id: OrganisationId,
    d: &NewOrganisation,
) -> Result<(), sqlx::Error> {
    let lists: [(&str, Vec<&str>); 4] = [
        (
            "industry",
            d.industries.iter().map(|c| c.as_str()).collect(),
        ),
        ("export", d.exports.iter().map(|c| c.as_str()).collect()),
        ("import", d.imports.iter().map(|c| c.as_str()).collect()),
        ("language", d.languages.iter().map(|c| c.as_str()).collect()),
    ];
    ORGANISATION_CODES.insert(tx, id.into(), &lists).await
}

/// Rebuilds the domain organisation from its row and code rows, through the domain's validation.
async fn load(tx: &mut Tx, row: OrganisationRow) -> Result<Organisation, sqlx::Error> {
    let codes = ORGANISATION_CODES.load(tx, row.id).await?;
    let of = |system: &str| codes.of(system);
    let input = OrganisationInput {
        kind: row.kind,
        legal_name: row.legal_name,
        trading_name: row.trading_name.unwrap_or_default(),
        country: row.country,
        region: row.region.unwrap_or_default(),
        city: row.city.unwrap_or_default(),
        year_founded: row.year_founded.map(|y| y.to_string()).unwrap_or_default(),
        size_band: row.size_band.unwrap_or_default(),
        website: row.website.unwrap_or_default(),
        description: row.description.unwrap_or_default(),
        industries: of("industry"),
        exports: of("export"),
        imports: of("import"),
        certifications: row.certifications.0,
        languages: of("language"),
        demo: row.demo,
    };
    let details = input
        .validate(ANY_YEAR)
        .map_err(|e| corrupt("organisation", e))?;
    let state = VerificationState::parse(&row.state)
        .ok_or_else(|| corrupt("verification state", &row.state))?;
    let verification = VerificationRecord {
        state,
        reviewer: row.reviewer.map(AccountId::from),
        rejected_by: row.rejected_by.map(AccountId::from),
        appeals_used: u8::try_from(row.appeals_used).map_err(|e| corrupt("appeal count", e))?,
        in_appeal: row.in_appeal,
        valid_until: row.valid_until,
    };
    Ok(Organisation {
        id: row.id.into(),
        details,
        verification,
    })
}
