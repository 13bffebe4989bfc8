//! People: searching, adding one, and a person's profile.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use corridor_app::directory::people::{add_person, person_profile};
use corridor_app::directory::people_search::{PeopleQuery, search_people};
use corridor_domain::directory::PersonInput;
use utoipa::OpenApi;

use super::body;
use super::inputs::{PageParams, PersonInputDoc};
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::routes::directory::json::{PeopleJson, PersonJson, PersonListingJson};
use crate::routes::directory::{directory_error, person_id};
use crate::routes::openapi::responses::SignedInWrite;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/people", get(list).post(create))
        .route("/api/v1/people/{id}", get(one))
}

#[derive(OpenApi)]
#[openapi(paths(list, create, one))]
pub struct Doc;

/// Searches the people directory
///
/// Event-only registrants are never listed; people of draft organisations only to organisers and
/// admins. Contact details only for those allowed to see them.
#[utoipa::path(
    get,
    path = "/api/v1/people",
    operation_id = "search_people",
    tag = "directory",
    params(
        ("q" = Option<String>, Query, description = "Words in the name"),
        ("kind" = Option<String>, Query, description = "`professional`, `official`, `market_expert`, `diplomat` or `investor`"),
        ("country" = Option<String>, Query, description = "ISO 3166-1 code of the organisation (or the person, without one)"),
        ("naics" = Option<String>, Query, description = "NAICS 2022 code of industry expertise; sub-industries match too"),
        ("hs" = Option<String>, Query, description = "HS 2022 code of product expertise; codes under it match too"),
        PageParams,
    ),
    responses(
        (status = 200, description = "One page of matches", body = PeopleJson),
        (status = 400, description = "A malformed parameter", body = ErrorBody),
        (status = 422, description = "An unknown kind, code or country", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<PeopleQuery>,
) -> Result<Response, AppError> {
    let page = search_people(&state.app, user.as_ref(), &query)
        .await
        .map_err(directory_error)?;
    let body = PeopleJson {
        total: page.total,
        offset: query.offset.unwrap_or(0),
        limit: query.limit.unwrap_or(20),
        items: page.items.iter().map(PersonListingJson::from).collect(),
    };
    Ok(Json(body).into_response())
}

/// Adds a person, alone or to an organisation the caller may edit
#[utoipa::path(
    post,
    path = "/api/v1/people",
    operation_id = "add_person",
    tag = "directory",
    request_body = PersonInputDoc,
    responses(
        (status = 201, description = "Added", body = PersonJson),
        (status = 403, description = "May not add people to that organisation", body = ErrorBody),
        (status = 409, description = "The e-mail address is taken", body = ErrorBody),
        SignedInWrite,
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
