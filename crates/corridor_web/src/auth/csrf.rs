//! CSRF protection of every state-changing request (POST, PUT, PATCH, DELETE).
//!
//! - Signed in (session cookie): a synchroniser token stored with the session must come back, in
//!   the `X-CSRF-Token` header (scripts, the JSON API) or the form field `csrf` (pages).
//! - Anonymous forms (sign-up, log-in, reset): double-submit, the field must equal the
//!   `corridor_csrf` cookie, which a cross-site page can neither read nor set (HttpOnly,
//!   SameSite=Lax); this stops log-in CSRF.
//! - Anonymous JSON requests carry no ambient authority and cannot be sent cross-site without a
//!   CORS preflight (which Corridor never grants), so they need no token.
//! - `multipart/form-data` bodies are not buffered here (uploads): their token goes in the query
//!   string (`?csrf=…`) or the header.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use corridor_app::auth::token::constant_time_eq;

/// The largest url-encoded form body read (and handed on to the handler).
pub const FORM_LIMIT: usize = 1024 * 1024;

pub const HEADER: &str = "x-csrf-token";

/// Why a request was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The token is missing or does not match.
    BadToken,
    /// The form body is larger than [`FORM_LIMIT`].
    TooLarge,
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Checks `request` against the `expected` token (`None` when the client has none yet) and gives
/// it back, its form body buffered if it was read.
pub async fn check(
    request: Request,
    signed_in: bool,
    expected: Option<&str>,
) -> Result<Request, Refusal> {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return Ok(request);
    }
    let kind = content_type(request.headers());
    if !signed_in && kind.starts_with("application/json") {
        return Ok(request);
    }
    let from_header = request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (request, presented) = match from_header {
        Some(token) => (request, Some(token)),
        None if kind.starts_with("application/x-www-form-urlencoded") => {
            let (parts, body) = request.into_parts();
            let bytes = to_bytes(body, FORM_LIMIT)
                .await
                .map_err(|_| Refusal::TooLarge)?;
            let token = field(&bytes, "csrf");
            (Request::from_parts(parts, Body::from(bytes)), token)
        }
        None => {
            let query = request.uri().query().unwrap_or("").as_bytes().to_vec();
            (request, field(&query, "csrf"))
        }
    };
    match (presented, expected) {
        (Some(p), Some(e)) if constant_time_eq(&p, e) => Ok(request),
        _ => Err(Refusal::BadToken),
    }
}

fn field(urlencoded: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(urlencoded)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
