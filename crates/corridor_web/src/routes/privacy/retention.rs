//! `GET /privacy`, `POST /privacy/retention`: the organisers' page; `GET/PUT
//! /api/v1/privacy/retention` and `GET /api/v1/privacy/registrant-counts`: the same as JSON.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use corridor_app::privacy::MAX_RETENTION_DAYS;
use corridor_app::privacy::retention::{
    CountRecord, Retention, registrant_counts, retention, set_retention,
};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use super::privacy_error;
use crate::auth::CurrentUser;
use crate::auth::form::FormFields;
use crate::error::{AppError, ErrorBody};
use crate::pages::{Chrome, render};
use crate::routes::account::{FieldError, json_body, page_error};
use crate::routes::openapi::responses::StaffOnly;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/privacy", get(show))
        .route("/privacy/retention", axum::routing::post(submit))
        .route("/api/v1/privacy/retention", get(api_get).put(api_put))
        .route("/api/v1/privacy/registrant-counts", get(api_counts))
}

#[derive(OpenApi)]
#[openapi(paths(api_get, api_put, api_counts))]
pub struct Doc;

/// The retention period of event-only registrants.
#[derive(ToSchema)]
#[schema(as = Retention)]
#[expect(
    dead_code,
    reason = "describes `Retention` for the OpenAPI document only"
)]
struct RetentionDoc {
    days: u32,
    /// The configured default.
    default_days: u32,
    /// When an organiser or admin last set the period; absent while the default applies.
    updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Anonymous counts of removed registrants.
#[derive(ToSchema)]
#[schema(as = RegistrantCount)]
#[expect(
    dead_code,
    reason = "describes `CountRecord` for the OpenAPI document only"
)]
struct CountDoc {
    country: String,
    person_kind: String,
    registered_month: String,
    registrants: u64,
}

#[derive(Template)]
#[template(path = "privacy/retention.html")]
struct RetentionPage<'a> {
    chrome: &'a Chrome,
    retention: Retention,
    counts: Vec<CountRecord>,
    max_days: u32,
    saved: bool,
    error: Option<FieldError>,
}

async fn page(
    state: &AppState,
    user: &corridor_app::actor::CurrentUser,
    saved: bool,
    error: Option<AppError>,
) -> Response {
    let loaded = async {
        Ok::<_, AppError>((
            retention(&state.app, Some(user))
                .await
                .map_err(privacy_error)?,
            registrant_counts(&state.app, Some(user))
                .await
                .map_err(privacy_error)?,
        ))
    };
    let (retention, counts) = match loaded.await {
        Ok(found) => found,
        Err(e) => return page_error(&state.chrome, e),
    };
    let status = error.as_ref().map_or(StatusCode::OK, AppError::status);
    let page = RetentionPage {
        chrome: &state.chrome,
        retention,
        counts,
        max_days: MAX_RETENTION_DAYS,
        saved,
        error: error.map(FieldError::from),
    };
    match render(&page) {
        Ok(Html(html)) => (status, Html(html)).into_response(),
        Err(e) => page_error(&state.chrome, e),
    }
}

async fn show(State(state): State<AppState>, CurrentUser(user): CurrentUser) -> Response {
    page(&state, &user, false, None).await
}

async fn submit(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    fields: FormFields,
) -> Response {
    let days = match fields.required("days", 10).and_then(parse_days) {
        Ok(days) => days,
        Err(e) => return page(&state, &user, false, Some(e)).await,
    };
    match set_retention(&state.app, Some(&user), days).await {
        Ok(_) => page(&state, &user, true, None).await,
        Err(e) => {
            let error = privacy_error(e);
            if error.status().is_server_error() || error.status() == StatusCode::FORBIDDEN {
                return page_error(&state.chrome, error);
            }
            page(&state, &user, false, Some(error)).await
        }
    }
}

fn parse_days(raw: &str) -> Result<u32, AppError> {
    raw.trim().parse().map_err(|_| AppError::Unprocessable {
        field: Some("days".into()),
        message: format!("days: expected a whole number of days, got {raw:?}"),
    })
}

/// The retention period of event-only registrants (organisers and admins)
#[utoipa::path(
    get,
    path = "/api/v1/privacy/retention",
    operation_id = "retention",
    tag = "privacy",
    responses(
        (status = 200, description = "The period in force", body = RetentionDoc),
        StaffOnly,
    )
)]
async fn api_get(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Retention>, AppError> {
    let found = retention(&state.app, Some(&user))
        .await
        .map_err(privacy_error)?;
    Ok(Json(found))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RetentionBody {
    days: u32,
}

/// Sets the retention period of event-only registrants (organisers and admins)
#[utoipa::path(
    put,
    path = "/api/v1/privacy/retention",
    operation_id = "set_retention",
    tag = "privacy",
    request_body = RetentionBody,
    responses(
        (status = 200, description = "The period now in force", body = RetentionDoc),
        (status = 422, description = "A period out of range", body = ErrorBody),
        StaffOnly,
    )
)]
async fn api_put(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    body: axum::body::Bytes,
) -> Result<Json<Retention>, AppError> {
    let body: RetentionBody = json_body(&body)?;
    let set = set_retention(&state.app, Some(&user), body.days)
        .await
        .map_err(privacy_error)?;
    Ok(Json(set))
}

/// Anonymous counts of removed registrants (organisers and admins)
#[utoipa::path(
    get,
    path = "/api/v1/privacy/registrant-counts",
    operation_id = "registrant_counts",
    tag = "privacy",
    responses(
        (status = 200, description = "Counts by country, kind and month", body = Vec<CountDoc>),
        StaffOnly,
    )
)]
async fn api_counts(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<CountRecord>>, AppError> {
    let counts = registrant_counts(&state.app, Some(&user))
        .await
        .map_err(privacy_error)?;
    Ok(Json(counts))
}
