//! Verification evidence: numbers and links typed in, and documents whose bytes the app keeps
//! under `data_dir/evidence/` (the store records what and where, never the bytes).

use chrono::{DateTime, SubsecRound, Utc};
use corridor_domain::directory::{AccountId, OrganisationId};
use sqlx::types::Uuid;

use super::corrupt;
use super::id::DbId;
use super::organisations::Organisations;
use super::tx::Arg;
use crate::{NewAuditEntry, StoreError};

/// An uploaded document's description; the database checks the same limits as the app
/// (PDF, PNG or JPEG, at most 10 MB, a SHA-256 in hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMeta {
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: u64,
    /// Lower-case hex; also the file's name under `data_dir/evidence/`.
    pub sha256: String,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceItem {
    RegistrationNumber(String),
    TaxNumber(String),
    Website(String),
    Document(DocumentMeta),
}

impl EvidenceItem {
    pub fn kind(&self) -> &'static str {
        match self {
            EvidenceItem::RegistrationNumber(_) => "registration_number",
            EvidenceItem::TaxNumber(_) => "tax_number",
            EvidenceItem::Website(_) => "website",
            EvidenceItem::Document(_) => "document",
        }
    }
}

/// Evidence as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub id: Uuid,
    pub organisation: OrganisationId,
    pub item: EvidenceItem,
    pub added_by: Option<AccountId>,
    pub added_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: DbId,
    organisation_id: DbId,
    kind: String,
    value: Option<String>,
    file_name: Option<String>,
    content_type: Option<String>,
    size_bytes: Option<i64>,
    sha256: Option<String>,
    added_by: Option<DbId>,
    added_at: DateTime<Utc>,
}

impl TryFrom<EvidenceRow> for Evidence {
    type Error = sqlx::Error;
    fn try_from(row: EvidenceRow) -> Result<Self, sqlx::Error> {
        let value = || {
            row.value
                .clone()
                .ok_or_else(|| corrupt("evidence", "no value"))
        };
        let item = match row.kind.as_str() {
            "registration_number" => EvidenceItem::RegistrationNumber(value()?),
            "tax_number" => EvidenceItem::TaxNumber(value()?),
            "website" => EvidenceItem::Website(value()?),
            "document" => EvidenceItem::Document(DocumentMeta {
                file_name: row.file_name.clone().unwrap_or_default(),
                content_type: row.content_type.clone().unwrap_or_default(),
                size_bytes: row
                    .size_bytes
                    .and_then(|n| u64::try_from(n).ok())
                    .unwrap_or_default(),
                sha256: row.sha256.clone().unwrap_or_default(),
            }),
            other => return Err(corrupt("evidence kind", other)),
        };
        Ok(Evidence {
            id: row.id.0,
            organisation: row.organisation_id.into(),
            item,
            added_by: row.added_by.map(AccountId::from),
            added_at: row.added_at,
        })
    }
}

impl Organisations<'_> {
    /// Attaches evidence to an organisation and records `audit`, in one transaction.
    pub async fn add_evidence(
        &self,
        organisation: OrganisationId,
        item: EvidenceItem,
        added_by: Option<AccountId>,
        audit: NewAuditEntry,
    ) -> Result<Evidence, StoreError> {
        let error = self.store.directory_error("evidence");
        let id = Uuid::now_v7();
        let added_at = Utc::now();
        let (value, document) = match &item {
            EvidenceItem::RegistrationNumber(v)
            | EvidenceItem::TaxNumber(v)
            | EvidenceItem::Website(v) => (Some(v.clone()), None),
            EvidenceItem::Document(meta) => (None, Some(meta)),
        };
        let sql = "INSERT INTO verification_evidence (id, organisation_id, kind, value, file_name, \
                   content_type, size_bytes, sha256, added_by, added_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        let args = [
            Arg::Id(Some(DbId(id))),
            Arg::id(organisation),
            Arg::text(item.kind()),
            Arg::Text(value),
            Arg::Text(document.map(|d| d.file_name.clone())),
            Arg::Text(document.map(|d| d.content_type.clone())),
            Arg::Int(document.map(|d| i64::try_from(d.size_bytes).unwrap_or(i64::MAX))),
            Arg::Text(document.map(|d| d.sha256.clone())),
            Arg::Id(added_by.map(DbId::from)),
            Arg::Time(added_at),
        ];
        let mut tx = self.store.begin().await.map_err(&error)?;
        tx.execute(sql, &args).await.map_err(&error)?;
        tx.audit(audit).await.map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        // As read back: both backends keep microseconds.
        let added_at = added_at.trunc_subsecs(6);
        Ok(Evidence {
            id,
            organisation,
            item,
            added_by,
            added_at,
        })
    }

    /// The evidence of an organisation, oldest first.
    pub async fn evidence(
        &self,
        organisation: OrganisationId,
    ) -> Result<Vec<Evidence>, StoreError> {
        let error = self.store.directory_error("evidence");
        let sql = "SELECT id, organisation_id, kind, value, file_name, content_type, size_bytes, sha256, \
                   added_by, added_at FROM verification_evidence WHERE organisation_id = $1 \
                   ORDER BY added_at, id";
        let mut tx = self.store.begin().await.map_err(&error)?;
        let rows: Vec<EvidenceRow> = tx
            .fetch_all(sql, &[Arg::id(organisation)])
            .await
            .map_err(&error)?;
        tx.commit().await.map_err(&error)?;
        rows.into_iter()
            .map(Evidence::try_from)
            .collect::<Result<_, _>>()
            .map_err(&error)
    }
}
