//! The session middleware: finds the session of the cookie, enforces CSRF, makes the user and
//! token available to extractors and templates, and re-sends cookies when their expiry slides.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use corridor_app::auth::{ActiveSession, Token};

use super::csrf::{self, Refusal};
use super::view::{RequestView, VIEW};
use super::{auth_error, cookies};
use crate::error::AppError;
use crate::state::AppState;

/// The anonymous CSRF cookie lives this long; it is renewed whenever it is missing.
const CSRF_COOKIE_SECS: i64 = 30 * 24 * 3600;

/// What the middleware learnt about the request, for the extractors (in the request extensions).
#[derive(Debug, Clone)]
pub struct RequestAuth {
    pub session: Option<ActiveSession>,
    /// The session token from the cookie, when it named a live session.
    pub token: Option<Token>,
    /// The token forms must echo.
    pub csrf: String,
}

pub async fn session_layer(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let secure = state.app.config.secure_cookies();
    let api = request.uri().path().starts_with("/api/");
    let fail = |error: AppError| -> Response {
        if api {
            error.into_response()
        } else {
            state.chrome.fail()(error).into_response()
        }
    };

    let token =
        cookies::get(request.headers(), cookies::SESSION_COOKIE).and_then(Token::from_received);
    let session = match &token {
        Some(token) => match state.app.auth().session(token).await {
            Ok(session) => session,
            Err(e) => return fail(auth_error(e)),
        },
        None => None,
    };
    let anonymous = cookies::get(request.headers(), cookies::CSRF_COOKIE)
        .and_then(Token::from_received)
        .map(|t| t.as_str().to_owned());
    let expected = session
        .as_ref()
        .map(|s| s.csrf.clone())
        .or(anonymous.clone());
    let request = match csrf::check(request, session.is_some(), expected.as_deref()).await {
        Ok(request) => request,
        Err(Refusal::BadToken) => {
            return fail(AppError::Forbidden(
                "The request was refused: its security (CSRF) token is missing or out of date. \
                 Go back, reload the page and try again."
                    .into(),
            ));
        }
        Err(Refusal::TooLarge) => {
            return fail(AppError::bad_request(
                "body",
                format!("the form is too large (at most {} bytes)", csrf::FORM_LIMIT),
            ));
        }
    };

    // A visitor without any token gets one now, so that the forms on this page can be sent.
    let fresh = expected.is_none().then(Token::generate);
    let csrf = expected
        .or_else(|| fresh.as_ref().map(|t| t.as_str().to_owned()))
        .unwrap_or_default();
    let view = RequestView {
        user: session.as_ref().map(|s| s.user.clone()),
        csrf: csrf.clone(),
    };
    // Sliding expiry: when the session's expiry moved, the cookie's Max-Age moves with it.
    let refreshed = session
        .as_ref()
        .filter(|s| s.refreshed)
        .zip(token.as_ref())
        .map(|(s, t)| cookies::session(t.as_str(), s.expires_at, secure));
    let mut request = request;
    request.extensions_mut().insert(RequestAuth {
        token: session.is_some().then_some(token).flatten(),
        session,
        csrf,
    });

    let mut response = VIEW.scope(view, next.run(request)).await;

    // A handler that logged in or out has set the session cookie itself.
    let sets_session = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| starts_with(v, cookies::SESSION_COOKIE));
    if let (Some(cookie), false) = (refreshed, sets_session) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    if let Some(fresh) = fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(
                cookies::CSRF_COOKIE,
                fresh.as_str(),
                CSRF_COOKIE_SECS,
                secure,
            ),
        );
    }
    response
}

fn starts_with(value: &HeaderValue, name: &str) -> bool {
    value
        .to_str()
        .is_ok_and(|v| v.starts_with(&format!("{name}=")))
}
