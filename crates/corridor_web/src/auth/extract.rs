//! Extractors for handlers: who is signed in, and whether they may go on.
//!
//! - [`CurrentUser`]: a signed-in user, or the request is refused: 401 JSON under `/api`, a redirect
//!   to `/login?next=<this page>` elsewhere.
//! - [`MaybeUser`]: `Option` of the same, never refuses.
//! - [`RequireStaff`]: an organiser or admin; others get 403 (visitors as for `CurrentUser`).
//! - [`require_role`] / [`require_staff`]: the same checks inside a handler.
//! - [`Session`]: the signed-in user with the session's token and CSRF token (log-out, password change).

use std::ops::Deref;

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use corridor_app::actor::{self, Role};
use corridor_app::auth::Token;

use super::middleware::RequestAuth;
use crate::error::AppError;
use crate::state::AppState;

/// The signed-in user; refuses visitors.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub actor::CurrentUser);

/// The signed-in user, if any.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<actor::CurrentUser>);

/// A signed-in organiser or admin.
#[derive(Debug, Clone)]
pub struct RequireStaff(pub actor::CurrentUser);

/// The signed-in user and their session's tokens.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: actor::CurrentUser,
    pub token: Token,
    pub csrf: String,
}

impl Deref for CurrentUser {
    type Target = actor::CurrentUser;
    fn deref(&self) -> &actor::CurrentUser {
        &self.0
    }
}

impl Deref for RequireStaff {
    type Target = actor::CurrentUser;
    fn deref(&self) -> &actor::CurrentUser {
        &self.0
    }
}

/// Why an extractor refused: answered as JSON under `/api`, as a page or redirect elsewhere.
pub enum AuthRejection {
    /// Not signed in: 401 JSON for the API, a redirect to the log-in page (coming back here) for pages.
    SignIn { api: bool, next: String },
    /// Signed in but not allowed: 403.
    Forbidden { api: bool, state: Box<AppState> },
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        match self {
            AuthRejection::SignIn { api: true, .. } => {
                AppError::Unauthorized("sign in first: this needs an account".into())
                    .into_response()
            }
            AuthRejection::SignIn { api: false, next } => {
                let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
                Redirect::to(&format!("/login?next={next}")).into_response()
            }
            AuthRejection::Forbidden { api, state } => {
                let error = AppError::Forbidden("your account may not do this".into());
                if api {
                    error.into_response()
                } else {
                    state.chrome.fail()(error).into_response()
                }
            }
        }
    }
}

fn request_auth(parts: &Parts) -> Option<&RequestAuth> {
    parts.extensions.get::<RequestAuth>()
}

fn sign_in(parts: &Parts) -> AuthRejection {
    let next = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    AuthRejection::SignIn {
        api: parts.uri.path().starts_with("/api/"),
        next,
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AuthRejection> {
        request_auth(parts)
            .and_then(|a| a.session.as_ref())
            .map(|s| CurrentUser(s.user.clone()))
            .ok_or_else(|| sign_in(parts))
    }
}

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _: &AppState,
    ) -> Result<Self, std::convert::Infallible> {
        Ok(MaybeUser(
            request_auth(parts)
                .and_then(|a| a.session.as_ref())
                .map(|s| s.user.clone()),
        ))
    }
}

impl FromRequestParts<AppState> for Session {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, AuthRejection> {
        let auth = request_auth(parts);
        match auth.and_then(|a| Some((a.session.as_ref()?, a.token.as_ref()?))) {
            Some((session, token)) => Ok(Session {
                user: session.user.clone(),
                token: token.clone(),
                csrf: session.csrf.clone(),
            }),
            None => Err(sign_in(parts)),
        }
    }
}

/// `Option<Session>`: the session if signed in, never refuses.
impl OptionalFromRequestParts<AppState> for Session {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(
            <Session as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .ok(),
        )
    }
}

impl FromRequestParts<AppState> for RequireStaff {
    type Rejection = AuthRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, AuthRejection> {
        let CurrentUser(user) = CurrentUser::from_request_parts(parts, state).await?;
        if user.role.is_staff() {
            Ok(RequireStaff(user))
        } else {
            Err(AuthRejection::Forbidden {
                api: parts.uri.path().starts_with("/api/"),
                state: Box::new(state.clone()),
            })
        }
    }
}

/// Refuses (403) unless the user has one of `roles`.
pub fn require_role(user: &actor::CurrentUser, roles: &[Role]) -> Result<(), AppError> {
    if roles.contains(&user.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden("your account may not do this".into()))
    }
}

/// Refuses (403) unless the user is an organiser or admin.
pub fn require_staff(user: &actor::CurrentUser) -> Result<(), AppError> {
    require_role(user, &[Role::Organiser, Role::Admin])
}
