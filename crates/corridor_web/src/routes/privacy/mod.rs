//! Privacy: the retention period of event-only registrants and the anonymous counts left after
//! their removal, for organisers and admins (page `/privacy`, JSON under `/api/v1/privacy`). A
//! person's own data download and account deletion live with the account routes
//! (`routes/account/data.rs`, `routes/account/delete.rs`). The rules are `corridor_app::privacy`'s.

mod retention;

use axum::Router;
use corridor_app::privacy::PrivacyError;

use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    retention::router()
}

/// The part of the OpenAPI document the privacy API describes.
pub fn openapi() -> utoipa::openapi::OpenApi {
    <retention::Doc as utoipa::OpenApi>::openapi()
}

/// The one mapping of privacy errors to web errors.
pub fn privacy_error(error: PrivacyError) -> AppError {
    match error {
        PrivacyError::SignInRequired(_) => AppError::Unauthorized(error.to_string()),
        PrivacyError::Forbidden(message) => AppError::Forbidden(message),
        PrivacyError::Invalid { field, message } => AppError::Unprocessable {
            field: Some(field),
            message,
        },
        PrivacyError::RateLimited { retry_after_secs } => {
            AppError::TooManyRequests { retry_after_secs }
        }
        PrivacyError::Store(e) if e.is_unreachable() => {
            AppError::Unavailable("the database is unavailable; try again shortly".into())
        }
        PrivacyError::Store(e) => AppError::internal(e),
        PrivacyError::Internal(e) => AppError::Internal(e),
    }
}
