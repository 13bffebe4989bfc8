//! Import and export of organisations and people as CSV or JSON, in the shapes of
//! `docs/IMPORT.md`. Organisers and admins only.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_app::directory::export::{export_organisations, export_people};
use corridor_app::directory::import::{ImportFormat, import_organisations, import_people};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::routes::directory::directory_error;
use crate::routes::directory::json::ImportedJson;
use crate::state::AppState;

/// Import files may be as large as the importer accepts (it says so when they are larger).
const IMPORT_LIMIT: usize = corridor_domain::import::MAX_FILE_BYTES + 1;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/organisations/import",
            post(import_orgs).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/api/v1/organisations/export", get(export_orgs))
        .route(
            "/api/v1/people/import",
            post(import_persons).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/api/v1/people/export", get(export_persons))
}

#[derive(OpenApi)]
#[openapi(paths(import_orgs, export_orgs, import_persons, export_persons))]
pub struct Doc;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct FormatQuery {
    /// `csv` (default) or `json`.
    format: Option<String>,
}

fn format(query: &FormatQuery) -> Result<ImportFormat, AppError> {
    match query.format.as_deref() {
        None | Some("csv") => Ok(ImportFormat::Csv),
        Some("json") => Ok(ImportFormat::Json),
        Some(other) => Err(AppError::bad_request(
            "format",
            format!("{other:?} is not csv or json"),
        )),
    }
}

/// Imports organisations as drafts without owners, all or nothing
#[utoipa::path(
    post,
    path = "/api/v1/organisations/import",
    tag = "transfer",
    params(FormatQuery),
    request_body(content(("text/csv"), ("application/json")), description = "The file, as `docs/IMPORT.md` describes"),
    responses(
        (status = 201, description = "Every record stored", body = ImportedJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
        (status = 422, description = "Nothing stored; every problem, by line and column (field `file`)", body = ErrorBody),
    )
)]
async fn import_orgs(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    let ids = import_organisations(&state.app, user.as_ref(), &bytes, format(&query)?)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(ImportedJson::of(&ids))).into_response())
}

/// Imports people, all or nothing
#[utoipa::path(
    post,
    path = "/api/v1/people/import",
    tag = "transfer",
    params(FormatQuery),
    request_body(content(("text/csv"), ("application/json")), description = "The file, as `docs/IMPORT.md` describes"),
    responses(
        (status = 201, description = "Every record stored", body = ImportedJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
        (status = 422, description = "Nothing stored; every problem, by line and column (field `file`)", body = ErrorBody),
    )
)]
async fn import_persons(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    let ids = import_people(&state.app, user.as_ref(), &bytes, format(&query)?)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(ImportedJson::of(&ids))).into_response())
}

/// An export file as a download named `corridor-<what>.<csv|json>`.
fn export_file(what: &str, format: ImportFormat, text: String) -> Response {
    let (content_type, extension) = match format {
        ImportFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        ImportFormat::Json => ("application/json", "json"),
    };
    let disposition = format!("attachment; filename=\"corridor-{what}.{extension}\"");
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
        ),
        // People files hold private contact details: never kept by caches.
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
    ];
    (headers, text).into_response()
}

/// Exports every organisation, drafts included, in the import shape
///
/// CSV cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab
/// or carriage return) are written with a leading apostrophe, which import removes again.
#[utoipa::path(
    get,
    path = "/api/v1/organisations/export",
    tag = "transfer",
    params(FormatQuery),
    responses(
        (status = 200, description = "The file, as an attachment", content(("text/csv"), ("application/json"))),
        (status = 400, description = "An unknown format", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
    )
)]
async fn export_orgs(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
) -> Result<Response, AppError> {
    let format = format(&query)?;
    let text = export_organisations(&state.app, user.as_ref(), format)
        .await
        .map_err(directory_error)?;
    Ok(export_file("organisations", format, text))
}

/// Exports every person with their private contact details, in the import shape
///
/// Personal data: organisers and admins only, and every export is written to the audit log.
/// CSV cells are protected against formula injection as for organisations.
#[utoipa::path(
    get,
    path = "/api/v1/people/export",
    tag = "transfer",
    params(FormatQuery),
    responses(
        (status = 200, description = "The file, as an attachment", content(("text/csv"), ("application/json"))),
        (status = 400, description = "An unknown format", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
    )
)]
async fn export_persons(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
) -> Result<Response, AppError> {
    let format = format(&query)?;
    let text = export_people(&state.app, user.as_ref(), format)
        .await
        .map_err(directory_error)?;
    Ok(export_file("people", format, text))
}
