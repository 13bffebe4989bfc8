//! Accounts: log-in, log-out, sign-up, password change and reset, the data download and account
//! deletion, as pages (`/login`, `/account` …) and as JSON under `/api/v1/auth/*` and
//! `/api/v1/account`. The work is done by `corridor_app::auth`; these handlers
//! read forms, set cookies and choose statuses.

mod api;
mod data;
mod delete;
mod login;
mod password;
mod profile;
mod reset;
mod signup;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::pages::Chrome;
use crate::state::AppState;

pub use api::json_body;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(login::router())
        .merge(profile::router())
        .merge(signup::router())
        .merge(reset::router())
        .merge(password::router())
        .merge(api::router())
        .merge(data::router())
        .merge(delete::router())
}

/// The part of the OpenAPI document the account API describes.
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = api::Doc::openapi();
    doc.merge(data::Doc::openapi());
    doc.merge(delete::Doc::openapi());
    doc
}

/// Where to go after logging in: `next` when it is a path on this site, else the account page.
/// Refuses absolute and scheme-relative URLs (`//evil.example`, `/\evil.example`), so the log-in
/// form cannot be used to send people elsewhere.
pub fn local_next(next: Option<&str>) -> String {
    let fallback = || "/account".to_owned();
    let Some(next) = next.map(str::trim).filter(|n| !n.is_empty()) else {
        return fallback();
    };
    let safe = next.len() <= 2000
        && next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if safe { next.to_owned() } else { fallback() }
}

/// A page error with `Retry-After` when it is a rate limit.
pub fn page_error(chrome: &Chrome, error: AppError) -> Response {
    let retry = retry_after(&error);
    let mut response = chrome.fail()(error).into_response();
    if let Some(value) = retry {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

pub fn retry_after(error: &AppError) -> Option<HeaderValue> {
    match error {
        AppError::TooManyRequests { retry_after_secs } => Some((*retry_after_secs).into()),
        _ => None,
    }
}

/// An error shown above a form: the message, and the field it is about (for `aria-invalid`).
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl From<AppError> for FieldError {
    fn from(error: AppError) -> FieldError {
        let field = error.body().error.field.unwrap_or_default();
        let message = error.to_string();
        // Name the field in the message itself, so that the page says what to fix.
        let message = if field.is_empty() || message.starts_with(&format!("{field}:")) {
            message
        } else {
            format!("{field}: {message}")
        };
        FieldError { field, message }
    }
}
