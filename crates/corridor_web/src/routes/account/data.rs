//! `GET /account/data` (a file to save) and `GET /api/v1/account/data`: everything Corridor holds
//! about the signed-in account, as JSON (see `corridor_app::privacy::export`).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use corridor_app::privacy::export::account_data;
use utoipa::OpenApi;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::routes::openapi::responses::SignedIn;
use crate::routes::privacy::privacy_error;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/data", get(download))
        .route("/api/v1/account/data", get(api))
}

#[derive(OpenApi)]
#[openapi(paths(api))]
pub struct Doc;

/// The JSON, pretty-printed so that a person can read the file they saved.
async fn json(
    state: &AppState,
    user: &corridor_app::actor::CurrentUser,
) -> Result<Vec<u8>, AppError> {
    let data = account_data(&state.app, Some(user))
        .await
        .map_err(privacy_error)?;
    serde_json::to_vec_pretty(&data).map_err(AppError::internal)
}

/// Personal data: never kept by a browser or proxy cache.
const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
const JSON: HeaderValue = HeaderValue::from_static("application/json");

async fn download(State(state): State<AppState>, CurrentUser(user): CurrentUser) -> Response {
    let body = match json(&state, &user).await {
        Ok(body) => body,
        Err(e) => return super::page_error(&state.chrome, e),
    };
    let name = format!(
        "attachment; filename=\"corridor-data-{}.json\"",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    let disposition =
        HeaderValue::from_str(&name).unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, JSON),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, NO_STORE),
        ],
        body,
    )
        .into_response()
}

/// Everything Corridor holds about the signed-in account
#[utoipa::path(
    get,
    path = "/api/v1/account/data",
    operation_id = "account_data",
    tag = "account",
    responses(
        (status = 200, description = "The account's data", content_type = "application/json"),
        SignedIn,
    )
)]
async fn api(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Response, AppError> {
    let body = json(&state, &user).await?;
    Ok((
        [
            (header::CONTENT_TYPE, JSON),
            (header::CACHE_CONTROL, NO_STORE),
        ],
        body,
    )
        .into_response())
}
