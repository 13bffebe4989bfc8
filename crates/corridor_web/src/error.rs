//! The one error type of the web layer: each variant documents its status, mapped once here.
//! API routes answer with one JSON shape; pages render the same errors as HTML (see `pages`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request is malformed; `field` names the parameter at fault.
    #[error("{message}")]
    BadRequest {
        field: Option<String>,
        message: String,
    },
    /// 401: the request needs a signed-in account (or the credentials were wrong).
    #[error("{0}")]
    Unauthorized(String),
    /// 403: signed in, but not allowed; or a form without a valid CSRF token.
    #[error("{0}")]
    Forbidden(String),
    /// 422: the input is well-formed but a field is unacceptable; `field` names it.
    #[error("{message}")]
    Unprocessable {
        field: Option<String>,
        message: String,
    },
    /// 409: the thing already exists (e.g. an account with that e-mail address).
    #[error("{message}")]
    Conflict {
        field: Option<String>,
        message: String,
    },
    /// 413: the body (an upload) is larger than the route accepts; `field` names the input.
    #[error("{message}")]
    TooLarge {
        field: Option<String>,
        message: String,
    },
    /// 422: several fields are unacceptable; the body lists every `(field, message)` in `errors`.
    #[error("{}", validation_message(.0))]
    Validation(Vec<(String, String)>),
    /// 429: too many attempts; the response carries `Retry-After`.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    TooManyRequests { retry_after_secs: u64 },
    /// 404: nothing here by that name.
    #[error("{0}")]
    NotFound(String),
    /// 503: a dependency (the database) is unavailable.
    #[error("{0}")]
    Unavailable(String),
    /// 500: our fault; logged with its chain, answered generically.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The one error shape of the API: `{"error": {"status", "code", "message", "field"}}`.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every field error of an [`AppError::Validation`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldErrorBody>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorBody {
    pub field: String,
    pub message: String,
}

/// `field: message; field: message` for the one-line `message` of a validation error.
fn validation_message(errors: &[(String, String)]) -> String {
    let all: Vec<String> = errors
        .iter()
        .map(|(field, message)| format!("{field}: {message}"))
        .collect();
    all.join("; ")
}

impl AppError {
    pub fn bad_request(field: &str, message: impl Into<String>) -> Self {
        AppError::BadRequest {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(Box::new(e))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest { .. } => "bad_request",
            AppError::NotFound(_) => "not_found",
            AppError::Unauthorized(_) => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::Unprocessable { .. } => "unprocessable",
            AppError::Conflict { .. } => "conflict",
            AppError::TooLarge { .. } => "too_large",
            AppError::Validation(_) => "validation",
            AppError::TooManyRequests { .. } => "too_many_requests",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// What the user may see; internal errors are logged here and never described.
    pub fn body(&self) -> ErrorBody {
        if let AppError::Internal(source) = self {
            let mut chain = source.to_string();
            let mut next = source.source();
            while let Some(e) = next {
                chain.push_str(": ");
                chain.push_str(&e.to_string());
                next = e.source();
            }
            tracing::error!(error = %chain, "internal error");
        }
        let field = match self {
            AppError::BadRequest { field, .. } => field.clone(),
            AppError::Unprocessable { field, .. }
            | AppError::Conflict { field, .. }
            | AppError::TooLarge { field, .. } => field.clone(),
            AppError::Validation(errors) => errors.first().map(|(field, _)| field.clone()),
            _ => None,
        };
        ErrorBody {
            error: ErrorDetail {
                status: self.status().as_u16(),
                code: self.code(),
                message: self.to_string(),
                field,
                errors: match self {
                    AppError::Validation(errors) => errors
                        .iter()
                        .map(|(field, message)| FieldErrorBody {
                            field: field.clone(),
                            message: message.clone(),
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let mut response = (self.status(), Json(self.body())).into_response();
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}
