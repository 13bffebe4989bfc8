//! Import and export of organisations and people as CSV or JSON, in the shapes of
//! `docs/IMPORT.md`. Organisers and admins only.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_app::App;
use corridor_app::actor::CurrentUser;
use corridor_app::directory::DirectoryError;
use corridor_app::directory::export::{export_organisations, export_people};
use corridor_app::directory::import::{ImportFormat, import_organisations, import_people};
use serde::Deserialize;
use utoipa::{IntoParams, IntoResponses, OpenApi};

use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::routes::directory::directory_error;
use crate::routes::directory::json::ImportedJson;
use crate::routes::openapi::responses::StaffOnly;
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
#[openapi(
    paths(import_orgs, export_orgs, import_persons, export_persons),
    // Named here because `Imported`, a response set, does not register the schemas it uses.
    components(schemas(ImportedJson))
)]
pub struct Doc;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct FormatQuery {
    /// `csv` (default) or `json`.
    format: Option<String>,
}

/// What an import answers, besides [`StaffOnly`]'s refusals.
#[derive(IntoResponses)]
#[expect(dead_code, reason = "describes answers for the OpenAPI document only")]
enum Imported {
    #[response(status = 201, description = "Every record stored")]
    Stored(ImportedJson),
    #[response(
        status = 422,
        description = "Nothing stored; every problem, by line and column (field `file`)"
    )]
    Invalid(ErrorBody),
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
    responses(Imported, StaffOnly)
)]
async fn import_orgs(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    import(
        &state.app,
        user.as_ref(),
        &query,
        &bytes,
        import_organisations,
    )
    .await
}

/// Imports people, all or nothing
#[utoipa::path(
    post,
    path = "/api/v1/people/import",
    tag = "transfer",
    params(FormatQuery),
    request_body(content(("text/csv"), ("application/json")), description = "The file, as `docs/IMPORT.md` describes"),
    responses(Imported, StaffOnly)
)]
async fn import_persons(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
    bytes: Bytes,
) -> Result<Response, AppError> {
    import(&state.app, user.as_ref(), &query, &bytes, import_people).await
}

/// Runs one of the app's imports on the file in the format asked for: 201 with the ids stored.
async fn import<Id: ToString>(
    app: &App,
    user: Option<&CurrentUser>,
    query: &FormatQuery,
    bytes: &[u8],
    run: impl AsyncFnOnce(
        &App,
        Option<&CurrentUser>,
        &[u8],
        ImportFormat,
    ) -> Result<Vec<Id>, DirectoryError>,
) -> Result<Response, AppError> {
    let ids = run(app, user, bytes, format(query)?)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(ImportedJson::of(&ids))).into_response())
}

/// Runs one of the app's exports in the format asked for: a download named
/// `corridor-<what>.<csv|json>`.
async fn export(
    app: &App,
    user: Option<&CurrentUser>,
    query: &FormatQuery,
    what: &str,
    run: impl AsyncFnOnce(&App, Option<&CurrentUser>, ImportFormat) -> Result<String, DirectoryError>,
) -> Result<Response, AppError> {
    let format = format(query)?;
    let text = run(app, user, format).await.map_err(directory_error)?;
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
    Ok((headers, text).into_response())
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
        StaffOnly,
    )
)]
async fn export_orgs(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
) -> Result<Response, AppError> {
    export(
        &state.app,
        user.as_ref(),
        &query,
        "organisations",
        export_organisations,
    )
    .await
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
        StaffOnly,
    )
)]
async fn export_persons(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<FormatQuery>,
) -> Result<Response, AppError> {
    export(&state.app, user.as_ref(), &query, "people", export_people).await
}
