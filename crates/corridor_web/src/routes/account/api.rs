//! `/api/v1/auth/*`: the account operations as JSON. The session cookie set by `login` works for
//! the rest of the API; state-changing calls made with it must send `X-CSRF-Token` (the `csrf`
//! value of the `login` and `me` answers).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corridor_app::actor;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::auth::{ClientIp, Session, auth_error, cookies};
use crate::error::{AppError, ErrorBody};
use crate::routes::openapi::responses::SignedIn;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/me", get(me))
        .route("/api/v1/auth/signup", post(signup))
        .route("/api/v1/auth/password", post(change_password))
        .route("/api/v1/auth/password-reset", post(request_reset))
        .route("/api/v1/auth/password-reset/confirm", post(confirm_reset))
}

#[derive(OpenApi)]
#[openapi(paths(
    login,
    logout,
    me,
    signup,
    change_password,
    request_reset,
    confirm_reset
))]
pub struct Doc;

#[derive(Deserialize, ToSchema)]
struct LoginBody {
    email: String,
    password: String,
}

/// The signed-in account.
#[derive(Serialize, ToSchema)]
#[schema(as = Account)]
pub struct Me {
    pub account: String,
    pub email: String,
    pub display_name: String,
    pub role: &'static str,
    /// Send this as `X-CSRF-Token` with state-changing requests made with the session cookie.
    pub csrf: String,
}

impl Me {
    fn new(user: &actor::CurrentUser, csrf: String) -> Me {
        Me {
            account: user.account.to_string(),
            email: user.email.clone(),
            display_name: user.display_name.clone(),
            role: user.role.as_str(),
            csrf,
        }
    }
}

/// Parses a JSON body, naming the field at fault on failure.
pub fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| {
        let message = e.to_string();
        let field = message
            .split('`')
            .nth(1)
            .filter(|f| !f.contains(' '))
            .map(str::to_owned);
        AppError::Unprocessable { field, message }
    })
}

/// Logs in: sets the session cookie and answers the account
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    tag = "account",
    request_body = LoginBody,
    responses(
        (status = 200, description = "Signed in; `Set-Cookie: corridor_session`", body = Me),
        (status = 401, description = "Wrong e-mail address or password", body = ErrorBody),
        (status = 422, description = "A malformed body", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let body: LoginBody = json_body(&body)?;
    let started = state
        .app
        .auth()
        .log_in(&body.email, &body.password, &ip)
        .await
        .map_err(auth_error)?;
    let secure = state.app.config.secure_cookies();
    let cookie = cookies::session(started.token.as_str(), started.expires_at, secure);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Json(Me::new(&started.user, started.csrf)),
    )
        .into_response())
}

/// Logs out: ends the session and clears its cookie
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "account",
    responses(
        (status = 204, description = "Signed out"),
        SignedIn,
    )
)]
async fn logout(State(state): State<AppState>, session: Session) -> Result<Response, AppError> {
    state
        .app
        .auth()
        .log_out(&session.token)
        .await
        .map_err(auth_error)?;
    let secure = state.app.config.secure_cookies();
    Ok((
        [(header::SET_COOKIE, cookies::clear_session(secure))],
        axum::http::StatusCode::NO_CONTENT,
    )
        .into_response())
}

/// The signed-in account and its CSRF token
#[utoipa::path(
    get,
    path = "/api/v1/auth/me",
    tag = "account",
    responses(
        (status = 200, description = "The account", body = Me),
        SignedIn,
    )
)]
async fn me(session: Session) -> Json<Me> {
    Json(Me::new(&session.user, session.csrf))
}

#[derive(Deserialize, ToSchema)]
struct SignupBody {
    email: String,
    display_name: String,
    password: String,
}

/// Signs up
///
/// A `member` account, signed in at once (201 with the same body as `login`).
#[utoipa::path(
    post,
    path = "/api/v1/auth/signup",
    tag = "account",
    request_body = SignupBody,
    responses(
        (status = 201, description = "Signed up and in", body = Me),
        (status = 409, description = "The e-mail address is taken", body = ErrorBody),
        (status = 422, description = "An invalid field", body = ErrorBody),
        (status = 429, description = "Too many sign-ups; see `Retry-After`", body = ErrorBody),
    )
)]
async fn signup(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let body: SignupBody = json_body(&body)?;
    let started = state
        .app
        .auth()
        .sign_up(&body.email, &body.display_name, &body.password, &ip)
        .await
        .map_err(auth_error)?;
    let secure = state.app.config.secure_cookies();
    let cookie = cookies::session(started.token.as_str(), started.expires_at, secure);
    Ok((
        axum::http::StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(Me::new(&started.user, started.csrf)),
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
struct PasswordBody {
    current_password: String,
    new_password: String,
}

/// Changes the password
///
/// 204; the account's other sessions end.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password",
    tag = "account",
    request_body = PasswordBody,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "Not signed in, or the current password is wrong", body = ErrorBody),
        (status = 422, description = "The new password is not acceptable", body = ErrorBody),
    )
)]
async fn change_password(
    State(state): State<AppState>,
    session: Session,
    body: axum::body::Bytes,
) -> Result<axum::http::StatusCode, AppError> {
    let body: PasswordBody = json_body(&body)?;
    state
        .app
        .auth()
        .change_password(
            &session.user,
            &body.current_password,
            &body.new_password,
            &session.token,
        )
        .await
        .map_err(auth_error)?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
struct ResetRequestBody {
    email: String,
}

/// Asks for a password-reset mail
///
/// 202 whether or not the address has an account.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset",
    tag = "account",
    request_body = ResetRequestBody,
    responses(
        (status = 202, description = "A mail is on its way if the address has an account"),
        (status = 422, description = "A malformed body", body = ErrorBody),
        (status = 429, description = "Too many requests; see `Retry-After`", body = ErrorBody),
    )
)]
async fn request_reset(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<axum::http::StatusCode, AppError> {
    let body: ResetRequestBody = json_body(&body)?;
    state
        .app
        .auth()
        .request_password_reset(&body.email)
        .await
        .map_err(auth_error)?;
    Ok(axum::http::StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
struct ResetConfirmBody {
    token: String,
    password: String,
}

/// Sets a new password with the token from the reset mail
///
/// 204; every session of the account ends.
#[utoipa::path(
    post,
    path = "/api/v1/auth/password-reset/confirm",
    tag = "account",
    request_body = ResetConfirmBody,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "The token is unknown, used or expired", body = ErrorBody),
        (status = 422, description = "The new password is not acceptable", body = ErrorBody),
    )
)]
async fn confirm_reset(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<axum::http::StatusCode, AppError> {
    let body: ResetConfirmBody = json_body(&body)?;
    state
        .app
        .auth()
        .reset_password(&body.token, &body.password)
        .await
        .map_err(auth_error)?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
