//! `/api/v1/organisations`, `/api/v1/people`, `/api/v1/review-queue`: JSON. Every handler carries
//! its `#[utoipa::path]`, and [`openapi`] lists them beside [`router`], so the OpenAPI document is
//! generated from the same handlers the router serves.

mod evidence;
mod inputs;
mod members;
mod organisations;
mod people;
mod transfer;
mod verification;

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
use utoipa::OpenApi;

use crate::error::AppError;
use crate::state::AppState;

pub use verification::{StepInput, action};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(organisations::router())
        .merge(verification::router())
        .merge(evidence::router())
        .merge(people::router())
        .merge(transfer::router())
        .merge(members::router())
}

/// The part of the OpenAPI document these handlers describe.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = organisations::Doc::openapi();
    doc.merge(verification::Doc::openapi());
    doc.merge(evidence::Doc::openapi());
    doc.merge(people::Doc::openapi());
    doc.merge(transfer::Doc::openapi());
    doc.merge(members::Doc::openapi());
    doc
}

/// A JSON body whose rejection speaks the one error shape.
fn body<T>(json: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    json.map(|Json(value)| value)
        .map_err(|rejection| AppError::BadRequest {
            field: None,
            message: rejection.body_text(),
        })
}
