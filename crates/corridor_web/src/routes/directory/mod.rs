//! The directory: organisations, people and their verification. JSON under `/api/v1`
//! ([`api`]), pages under `/directory`, `/organisations` and `/people` ([`pages`]). Every
//! decision about who may do what is the app's (`corridor_app::directory`); handlers only
//! translate.

mod api;
mod documents;
mod form;
mod json;
mod pages;

use axum::Router;
use corridor_app::directory::DirectoryError;
use corridor_domain::directory::{OrganisationId, PersonId};

use crate::error::AppError;
use crate::state::AppState;

pub use pages::{OrganisationRow, rows};

pub fn router() -> Router<AppState> {
    Router::new().merge(api::router()).merge(pages::router())
}

/// The part of the OpenAPI document the directory API describes.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}

/// The one mapping of directory errors to web errors.
pub fn directory_error(error: DirectoryError) -> AppError {
    match error {
        DirectoryError::Invalid(errors) => {
            AppError::Validation(errors.0.into_iter().map(|e| (e.field, e.message)).collect())
        }
        DirectoryError::Import(errors) => AppError::Validation(
            errors
                .lines()
                .into_iter()
                .map(|line| ("file".to_owned(), line))
                .collect(),
        ),
        DirectoryError::SignInRequired(_) => AppError::Unauthorized(error.to_string()),
        DirectoryError::Forbidden(message) => AppError::Forbidden(message),
        DirectoryError::NotFound(message) => AppError::NotFound(message),
        DirectoryError::Conflict(message) => AppError::Conflict {
            field: None,
            message,
        },
        DirectoryError::Store(e) if e.is_unreachable() => {
            AppError::Unavailable("the database is unavailable; try again shortly".into())
        }
        DirectoryError::Store(e) => AppError::internal(e),
        DirectoryError::Files(e) => AppError::internal(e),
    }
}

pub fn organisation_id(raw: &str) -> Result<OrganisationId, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no organisation {raw:?}")))
}

pub fn person_id(raw: &str) -> Result<PersonId, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no person {raw:?}")))
}
