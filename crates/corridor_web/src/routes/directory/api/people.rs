//! People: adding one, and a person's profile.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_app::directory::people::{add_person, person_profile};
use corridor_domain::directory::PersonInput;
use utoipa::OpenApi;

use super::body;
use super::inputs::PersonInputDoc;
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::routes::directory::json::PersonJson;
use crate::routes::directory::{directory_error, person_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/people", post(create))
        .route("/api/v1/people/{id}", get(one))
}

#[derive(OpenApi)]
#[openapi(paths(create, one))]
pub struct Doc;

/// Adds a person, alone or to an organisation the caller may edit
#[utoipa::path(
    post,
    path = "/api/v1/people",
    operation_id = "add_person",
    tag = "directory",
    request_body = PersonInputDoc,
    responses(
        (status = 201, description = "Added", body = PersonJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "May not add people to that organisation", body = ErrorBody),
        (status = 409, description = "The e-mail address is taken", body = ErrorBody),
        (status = 422, description = "Every invalid field", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    input: Result<Json<PersonInput>, JsonRejection>,
) -> Result<Response, AppError> {
    let input = body(input)?;
    let view = add_person(&state.app, user.as_ref(), &input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(PersonJson::from(&view))).into_response())
}

/// A person's profile; contact details only for those allowed to see them
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}",
    operation_id = "get_person",
    tag = "directory",
    params(("id" = uuid::Uuid, Path, description = "The person")),
    responses(
        (status = 200, description = "The profile", body = PersonJson),
        (status = 404, description = "No such person", body = ErrorBody),
    )
)]
async fn one(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let view = person_profile(&state.app, user.as_ref(), person_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(PersonJson::from(&view)).into_response())
}
