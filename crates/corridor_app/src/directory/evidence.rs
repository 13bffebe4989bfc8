//! Evidence a registrant attaches: numbers, a website, documents. Documents are checked by their
//! first bytes (not by the name or the declared type), limited in size, and kept under
//! `data_dir/evidence/` named by their SHA-256, so the same file uploaded twice is stored once.

use corridor_domain::directory::{Name, OrganisationId, WebUrl};
use corridor_store::NewAuditEntry;
use corridor_store::directory::{DocumentMeta, Evidence, EvidenceItem};
use sha2::{Digest, Sha256};

use super::access::OrganisationAccess;
use super::organisations::load;
use super::{DirectoryError, SUBJECT};
use crate::App;
use crate::actor::CurrentUser;

/// Largest document accepted: 10 MB (10 × 2^20 bytes, as the database checks).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Evidence as submitted.
#[derive(Debug, Clone)]
pub enum EvidenceInput {
    RegistrationNumber(String),
    TaxNumber(String),
    Website(String),
    Document { file_name: String, bytes: Vec<u8> },
}

/// The content type a document's first bytes show, if it is one of those accepted.
pub fn sniff_content_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks the input and, for a document, its bytes; returns what to store and the bytes to keep.
fn check(input: EvidenceInput) -> Result<(EvidenceItem, Option<Vec<u8>>), DirectoryError> {
    let text = |field: &str, value: &str| {
        Name::parse(value)
            .map(|n| n.to_string())
            .map_err(|e| DirectoryError::field(field, e))
    };
    Ok(match input {
        EvidenceInput::RegistrationNumber(v) => (
            EvidenceItem::RegistrationNumber(text("registration_number", &v)?),
            None,
        ),
        EvidenceInput::TaxNumber(v) => (EvidenceItem::TaxNumber(text("tax_number", &v)?), None),
        EvidenceInput::Website(v) => {
            let url = WebUrl::parse(&v).map_err(|e| DirectoryError::field("website", e))?;
            (EvidenceItem::Website(url.to_string()), None)
        }
        EvidenceInput::Document { file_name, bytes } => {
            // Only the last path component: browsers on some systems send the full path.
            let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
            let file_name = text("file", base)?;
            if bytes.is_empty() {
                return Err(DirectoryError::field("file", "the file is empty"));
            }
            if bytes.len() > MAX_DOCUMENT_BYTES {
                return Err(DirectoryError::field(
                    "file",
                    format!(
                        "the file is {} bytes; at most {MAX_DOCUMENT_BYTES} bytes (10 MB) allowed",
                        bytes.len()
                    ),
                ));
            }
            let content_type = sniff_content_type(&bytes).ok_or_else(|| {
                DirectoryError::field(
                    "file",
                    "only PDF, PNG and JPEG documents are accepted (checked by content)",
                )
            })?;
            let meta = DocumentMeta {
                file_name,
                content_type: content_type.to_owned(),
                size_bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
                sha256: hex(&Sha256::digest(&bytes)),
            };
            (EvidenceItem::Document(meta), Some(bytes))
        }
    })
}

/// Attaches evidence (the organisation's owner only).
pub async fn add_evidence(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    input: EvidenceInput,
) -> Result<Evidence, DirectoryError> {
    let access = OrganisationAccess::load(app, user, id).await?;
    access.readable(load(app, id).await?)?;
    access.require(
        access.can_act_as_registrant(),
        "add evidence for this organisation",
    )?;
    let account = access.signed_in("add evidence")?;
    let (item, bytes) = check(input)?;
    if let (EvidenceItem::Document(meta), Some(bytes)) = (&item, bytes) {
        let dir = app.config.storage.data_dir.join("evidence");
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(DirectoryError::Files)?;
        let path = dir.join(&meta.sha256);
        // Written under a temporary name and renamed, so a crash never leaves half a file under
        // the final name.
        let partial = dir.join(format!("{}.partial", meta.sha256));
        tokio::fs::write(&partial, &bytes)
            .await
            .map_err(DirectoryError::Files)?;
        tokio::fs::rename(&partial, &path)
            .await
            .map_err(DirectoryError::Files)?;
    }
    let audit = NewAuditEntry::new("verification.evidence_added", SUBJECT, id.to_string())
        .by(account.to_string())
        .details(serde_json::json!({ "kind": item.kind() }));
    Ok(app
        .store
        .organisations()
        .add_evidence(id, item, Some(account), audit)
        .await?)
}

/// A stored document's bytes, for those who may read the evidence.
pub async fn evidence_document(
    app: &App,
    user: Option<&CurrentUser>,
    id: OrganisationId,
    evidence_id: uuid::Uuid,
) -> Result<(DocumentMeta, Vec<u8>), DirectoryError> {
    let all = super::verification::organisation_evidence(app, user, id).await?;
    let missing = || DirectoryError::NotFound(format!("no document {evidence_id}"));
    let meta = all
        .into_iter()
        .find(|e| e.id == evidence_id)
        .and_then(|e| match e.item {
            EvidenceItem::Document(meta) => Some(meta),
            _ => None,
        })
        .ok_or_else(missing)?;
    let path = app
        .config
        .storage
        .data_dir
        .join("evidence")
        .join(&meta.sha256);
    let bytes = tokio::fs::read(path).await.map_err(DirectoryError::Files)?;
    Ok((meta, bytes))
}
