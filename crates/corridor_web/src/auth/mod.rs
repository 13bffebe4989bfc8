//! Authentication on the web: the session cookie, CSRF protection, the extractors handlers use
//! to require a user or a role, and the template helpers that put the CSRF token in forms.
//!
//! Every request passes [`middleware::session_layer`] (installed by [`apply`]): it looks up the
//! session of the `corridor_session` cookie (sliding its expiry), refuses state-changing requests
//! without a valid CSRF token (see [`csrf`]), and records the result for the extractors in
//! [`extract`] and the template helpers in [`view`].

pub mod cookies;
pub mod csrf;
pub mod extract;
pub mod form;
pub mod middleware;
pub mod view;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use corridor_app::auth::AuthError;

use crate::error::AppError;
use crate::state::AppState;

pub use extract::{CurrentUser, MaybeUser, RequireStaff, Session, require_role, require_staff};

/// Installs the session middleware on `router`.
pub fn apply(router: Router, state: AppState) -> Router {
    router.layer(axum::middleware::from_fn_with_state(
        state,
        middleware::session_layer,
    ))
}

/// The one mapping of account errors to web errors.
pub fn auth_error(error: AuthError) -> AppError {
    match error {
        AuthError::Invalid { field, message } => AppError::Unprocessable {
            field: Some(field),
            message,
        },
        AuthError::WrongCredentials => AppError::Unauthorized(error.to_string()),
        AuthError::EmailTaken => AppError::Conflict {
            field: Some("email".into()),
            message: error.to_string(),
        },
        AuthError::InvalidResetLink => AppError::BadRequest {
            field: Some("token".into()),
            message: error.to_string(),
        },
        AuthError::RateLimited { retry_after_secs } => {
            AppError::TooManyRequests { retry_after_secs }
        }
        AuthError::Store(e) if e.is_unreachable() => {
            AppError::Unavailable("the database is unavailable; try again shortly".into())
        }
        AuthError::Store(e) => AppError::internal(e),
        AuthError::Internal(e) => AppError::Internal(e),
    }
}

/// The client's IP address, for rate limits: the TCP peer. Behind a reverse proxy every client
/// shares the proxy's address, so per-IP limits then apply to all together (the per-address
/// limits still apply per account).
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_else(|| "unknown".into());
        Ok(ClientIp(ip))
    }
}
