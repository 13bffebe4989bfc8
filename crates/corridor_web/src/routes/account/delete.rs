//! `POST /account/delete` (the form on the account page) and `DELETE /api/v1/account`: delete
//! the signed-in account after confirming its password (see `corridor_app::privacy::erase`).
//! CSRF is checked by the session middleware, as for every state-changing request.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{delete, post};
use corridor_app::privacy::erase::delete_account;
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use super::{json_body, page_error};
use crate::auth::form::FormFields;
use crate::auth::{CurrentUser, cookies};
use crate::error::{AppError, ErrorBody};
use crate::pages::{Chrome, render};
use crate::routes::openapi::responses::SignedIn;
use crate::routes::privacy::privacy_error;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/delete", post(submit))
        .route("/api/v1/account", delete(api))
}

#[derive(OpenApi)]
#[openapi(paths(api))]
pub struct Doc;

#[derive(Template)]
#[template(path = "account/deleted.html")]
struct DeletedPage<'a> {
    chrome: &'a Chrome,
    organisations_left: usize,
}

async fn submit(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    fields: FormFields,
) -> Response {
    let password = match fields.required("password", 1024) {
        Ok(password) => password,
        Err(e) => return super::profile::page(&state, &user, Some(e)).await,
    };
    match delete_account(&state.app, Some(&user), password).await {
        Ok(deleted) => {
            let page = DeletedPage {
                chrome: &state.chrome,
                organisations_left: deleted.organisations_left_without_owner.len(),
            };
            let secure = state.app.config.secure_cookies();
            match render(&page) {
                Ok(Html(html)) => (
                    [(header::SET_COOKIE, cookies::clear_session(secure))],
                    Html(html),
                )
                    .into_response(),
                Err(e) => page_error(&state.chrome, e),
            }
        }
        Err(e) => {
            let error = privacy_error(e);
            if error.status().is_server_error() || error.status() == StatusCode::TOO_MANY_REQUESTS {
                return page_error(&state.chrome, error);
            }
            super::profile::page(&state, &user, Some(error)).await
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[schema(as = DeleteAccountBody)]
struct DeleteBody {
    /// The account's password, to confirm.
    password: String,
}

/// Deletes the signed-in account after confirming its password
#[utoipa::path(
    delete,
    path = "/api/v1/account",
    operation_id = "delete_account",
    tag = "account",
    request_body = DeleteBody,
    responses(
        (status = 204, description = "Deleted; the session cookie is cleared"),
        (status = 422, description = "The password is missing or wrong", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
        SignedIn,
    )
)]
async fn api(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let body: DeleteBody = json_body(&body)?;
    delete_account(&state.app, Some(&user), &body.password)
        .await
        .map_err(privacy_error)?;
    let secure = state.app.config.secure_cookies();
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookies::clear_session(secure))],
    )
        .into_response())
}
