//! Organisations: search, registration, profile, edit and audit log.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use corridor_app::directory::organisations::{
    DirectoryQuery, create_organisation, edit_organisation, organisation_audit_log,
    search_organisations,
};
use corridor_domain::directory::OrganisationInput;
use utoipa::OpenApi;

use super::body;
use super::inputs::{FilterParams, OrganisationInputDoc, PageParams};
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::routes::directory::json::{
    AuditJson, AuditLogJson, ListJson, OrganisationJson, ProfileJson,
};
use crate::routes::directory::pages::load_view;
use crate::routes::directory::{directory_error, organisation_id};
use crate::routes::openapi::responses::{OwnerOrStaff, SignedInWrite};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/organisations", get(list).post(create))
        .route("/api/v1/organisations/{id}", get(one).put(edit))
        .route("/api/v1/organisations/{id}/audit-log", get(audit_log))
}

#[derive(OpenApi)]
#[openapi(paths(list, create, one, edit, audit_log))]
pub struct Doc;

/// Searches the directory
///
/// Visitors and members see published organisations; organisers and admins see drafts too.
#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    operation_id = "search_organisations",
    tag = "directory",
    params(
        ("q" = Option<String>, Query, description = "Words in the legal or trading name"),
        FilterParams,
        ("naics" = Option<String>, Query, description = "NAICS 2022 code; sub-industries match too"),
        ("hs" = Option<String>, Query, description = "HS 2022 code traded (see `trade`)"),
        ("trade" = Option<String>, Query, description = "`exports` (default), `imports` or `any`"),
        ("verified" = Option<String>, Query, description = "`true`: only verified organisations"),
        PageParams,
    ),
    responses(
        (status = 200, description = "One page of matches", body = ListJson),
        (status = 400, description = "A malformed parameter", body = ErrorBody),
        (status = 422, description = "An unknown code or country", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<DirectoryQuery>,
) -> Result<Response, AppError> {
    let page = search_organisations(&state.app, user.as_ref(), &query)
        .await
        .map_err(directory_error)?;
    let body = ListJson {
        total: page.total,
        offset: query.offset.unwrap_or(0),
        limit: query.limit.unwrap_or(20),
        items: page.items.iter().map(OrganisationJson::from).collect(),
    };
    Ok(Json(body).into_response())
}

/// Registers an organisation
///
/// The caller becomes its owner; it starts as an unpublished draft.
#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    operation_id = "register_organisation",
    tag = "directory",
    request_body = OrganisationInputDoc,
    responses(
        (status = 201, description = "Registered", body = OrganisationJson),
        (status = 409, description = "The name is already registered in that country", body = ErrorBody),
        SignedInWrite,
    )
)]
async fn create(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    input: Result<Json<OrganisationInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let input = body(input)?;
    let created = create_organisation(&state.app, user.as_ref(), &input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(OrganisationJson::from(&created))).into_response())
}

/// An organisation's profile, its people and what the caller may do next
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}",
    operation_id = "get_organisation",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    responses(
        (status = 200, description = "The profile", body = ProfileJson),
        (status = 404, description = "No such organisation, or a draft the caller may not see", body = ErrorBody),
    )
)]
async fn one(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let view = load_view(&state, user.as_ref(), &id).await?;
    Ok(Json(ProfileJson::from(&view)).into_response())
}

/// Replaces an organisation's profile (its members and admins)
#[utoipa::path(
    put,
    path = "/api/v1/organisations/{id}",
    operation_id = "edit_organisation",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    request_body = OrganisationInputDoc,
    responses(
        (status = 200, description = "The edited organisation", body = OrganisationJson),
        (status = 403, description = "Not a member of the organisation", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        SignedInWrite,
    )
)]
async fn edit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    input: Result<Json<OrganisationInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let id = organisation_id(&id)?;
    let input = body(input)?;
    let edited = edit_organisation(&state.app, user.as_ref(), id, &input)
        .await
        .map_err(directory_error)?;
    Ok(Json(OrganisationJson::from(&edited)).into_response())
}

/// An organisation's audit log, newest first (owners, organisers, admins)
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/audit-log",
    operation_id = "get_audit_log",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    responses(
        (status = 200, description = "The log", body = AuditLogJson),
        (status = 404, description = "No such organisation", body = ErrorBody),
        OwnerOrStaff,
    )
)]
async fn audit_log(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (_, entries) = organisation_audit_log(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    let items = entries.iter().map(AuditJson::from).collect();
    Ok(Json(AuditLogJson { items }).into_response())
}
