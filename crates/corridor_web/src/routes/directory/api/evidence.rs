//! Verification evidence: numbers and links as JSON, documents as multipart uploads, and stored
//! documents as downloads.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_app::directory::evidence::{EvidenceInput, add_evidence, evidence_document};
use corridor_app::directory::verification::organisation_evidence;
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use super::body;
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::routes::directory::documents::{
    FILE_FIELD, UPLOAD_LIMIT, download as document_response, evidence_id, uploaded_document,
};
use crate::routes::directory::json::{EvidenceJson, EvidenceListJson};
use crate::routes::directory::{directory_error, organisation_id};
use crate::routes::openapi::responses::{OwnerOrStaff, SignedIn};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/organisations/{id}/verification/evidence",
            get(list).post(attach),
        )
        .route(
            "/api/v1/organisations/{id}/verification/evidence/documents",
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/api/v1/organisations/{id}/verification/evidence/{evidence_id}/document",
            get(download),
        )
}

#[derive(OpenApi)]
#[openapi(paths(list, attach, upload, download))]
pub struct Doc;

/// An organisation's evidence (owners, organisers, admins)
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/verification/evidence",
    operation_id = "list_evidence",
    tag = "evidence",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    responses(
        (status = 200, description = "The evidence, oldest first", body = EvidenceListJson),
        (status = 404, description = "No such organisation", body = ErrorBody),
        OwnerOrStaff,
    )
)]
async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let all = organisation_evidence(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    let items = all.iter().map(EvidenceJson::from).collect();
    Ok(Json(EvidenceListJson { items }).into_response())
}

/// Typed-in evidence; documents go to `…/evidence/documents`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EvidenceValue)]
struct EvidenceBody {
    /// `registration_number`, `tax_number` or `website`.
    kind: String,
    value: String,
}

/// Attaches a registration or tax number or a website (the owner)
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{id}/verification/evidence",
    operation_id = "add_evidence",
    tag = "evidence",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    request_body = EvidenceBody,
    responses(
        (status = 201, description = "Attached", body = EvidenceJson),
        (status = 403, description = "Not the owner", body = ErrorBody),
        (status = 422, description = "An unknown kind or an invalid value", body = ErrorBody),
        SignedIn,
    )
)]
async fn attach(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    input: Result<Json<EvidenceBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let id = organisation_id(&id)?;
    let EvidenceBody { kind, value } = body(input)?;
    let input = match kind.as_str() {
        "registration_number" => EvidenceInput::RegistrationNumber(value),
        "tax_number" => EvidenceInput::TaxNumber(value),
        "website" => EvidenceInput::Website(value),
        other => {
            let message =
                format!("{other:?} is not one of registration_number, tax_number, website");
            return Err(AppError::Validation(vec![("kind".into(), message)]));
        }
    };
    let added = add_evidence(&state.app, user.as_ref(), id, input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(EvidenceJson::from(&added))).into_response())
}

/// The multipart body of a document upload.
#[derive(ToSchema)]
#[schema(as = DocumentUpload)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
struct UploadForm {
    /// A PDF, PNG or JPEG of at most 10 MB (checked by content, not by name).
    #[schema(value_type = String, content_media_type = "application/octet-stream")]
    file: Vec<u8>,
}

/// Uploads a document (the owner)
///
/// The multipart field `file` carries the document; its type is recognised from its first bytes.
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{id}/verification/evidence/documents",
    operation_id = "upload_document",
    tag = "evidence",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    request_body(content = inline(UploadForm), content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = EvidenceJson),
        (status = 400, description = "Not a multipart body", body = ErrorBody),
        (status = 403, description = "Not the owner, or no CSRF token", body = ErrorBody),
        (status = 413, description = "The body is far larger than 10 MB (field `file`)", body = ErrorBody),
        (status = 422, description = "Empty, too large or not a PDF, PNG or JPEG (field `file`)", body = ErrorBody),
        SignedIn,
    )
)]
async fn upload(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let id = organisation_id(&id)?;
    let multipart = multipart.map_err(|e| AppError::bad_request(FILE_FIELD, e.body_text()))?;
    let input = uploaded_document(multipart).await?;
    let added = add_evidence(&state.app, user.as_ref(), id, input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(EvidenceJson::from(&added))).into_response())
}

/// Downloads a document (owners, organisers, admins)
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/verification/evidence/{evidence_id}/document",
    operation_id = "download_document",
    tag = "evidence",
    params(
        ("id" = uuid::Uuid, Path, description = "The organisation"),
        ("evidence_id" = uuid::Uuid, Path, description = "The evidence (a document)"),
    ),
    responses(
        (status = 200, description = "The bytes, as an attachment", content(
            ("application/pdf"), ("image/png"), ("image/jpeg")
        )),
        (status = 404, description = "No such organisation or document", body = ErrorBody),
        OwnerOrStaff,
    )
)]
async fn download(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, evidence)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = organisation_id(&id)?;
    let (meta, bytes) = evidence_document(&state.app, user.as_ref(), id, evidence_id(&evidence)?)
        .await
        .map_err(directory_error)?;
    Ok(document_response(&meta, bytes))
}
