//! Unknown paths: JSON under `/api`, a page elsewhere.

use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

pub async fn not_found(State(state): State<AppState>, uri: Uri) -> Response {
    let error = AppError::NotFound(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        error.into_response()
    } else {
        state.chrome.fail()(error).into_response()
    }
}
