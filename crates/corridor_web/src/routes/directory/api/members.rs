//! `/api/v1/organisations/{id}/members`: who acts for an organisation, as owner or staff.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use corridor_app::directory::members::{Member, members, put_member, remove_member};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use super::body;
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::routes::directory::{directory_error, organisation_id};
use crate::routes::openapi::responses::{SignedIn, SignedInWrite};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/organisations/{id}/members", get(list).post(put))
        .route(
            "/api/v1/organisations/{id}/members/{account}",
            delete(remove),
        )
}

#[derive(OpenApi)]
#[openapi(paths(list, put, remove), components(schemas(MemberJson, MemberInput)))]
pub struct Doc;

/// A member of an organisation.
#[derive(Serialize, ToSchema)]
#[schema(as = Member)]
pub struct MemberJson {
    #[schema(value_type = uuid::Uuid)]
    pub account: String,
    pub display_name: String,
    pub email: String,
    /// `owner` or `staff`.
    pub role: &'static str,
}

impl From<&Member> for MemberJson {
    fn from(m: &Member) -> Self {
        MemberJson {
            account: m.account.to_string(),
            display_name: m.display_name.clone(),
            email: m.email.clone(),
            role: m.role.as_str(),
        }
    }
}

/// Who to add, and as what.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    /// The address of an existing account.
    pub email: String,
    /// `owner` or `staff`.
    pub role: String,
}

/// The organisation's members (its members, organisers and admins)
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/members",
    operation_id = "list_members",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    responses(
        (status = 200, description = "Owners first", body = [MemberJson]),
        (status = 403, description = "Not a member, organiser or admin", body = ErrorBody),
        (status = 404, description = "No such organisation", body = ErrorBody),
        SignedIn,
    )
)]
async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let found = members(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(found.iter().map(MemberJson::from).collect::<Vec<_>>()).into_response())
}

/// Adds an account as owner or staff, or changes its role (owners and admins)
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{id}/members",
    operation_id = "put_member",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    request_body = MemberInput,
    responses(
        (status = 200, description = "The member as stored", body = MemberJson),
        (status = 403, description = "Not an owner or admin", body = ErrorBody),
        (status = 409, description = "It would leave the organisation without an owner", body = ErrorBody),
        SignedInWrite,
    )
)]
async fn put(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    input: Result<Json<MemberInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let input = body(input)?;
    let member = put_member(
        &state.app,
        user.as_ref(),
        organisation_id(&id)?,
        &input.email,
        &input.role,
    )
    .await
    .map_err(directory_error)?;
    Ok(Json(MemberJson::from(&member)).into_response())
}

/// Removes a member (owners and admins; members may leave). The last owner stays.
#[utoipa::path(
    delete,
    path = "/api/v1/organisations/{id}/members/{account}",
    operation_id = "remove_member",
    tag = "directory",
    params(
        ("id" = uuid::Uuid, Path, description = "The organisation"),
        ("account" = uuid::Uuid, Path, description = "The member's account"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not an owner or admin", body = ErrorBody),
        (status = 404, description = "Not a member", body = ErrorBody),
        (status = 409, description = "The last owner", body = ErrorBody),
        SignedIn,
    )
)]
async fn remove(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, account)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let account = account
        .parse()
        .map_err(|_| AppError::NotFound(format!("no account {account:?}")))?;
    remove_member(&state.app, user.as_ref(), organisation_id(&id)?, account)
        .await
        .map_err(directory_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
