//! Password reset: `GET/POST /password-reset` asks for a link by mail, `GET/POST
//! /password-reset/{token}` sets a new password with it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use super::{FieldError, page_error, retry_after};
use crate::auth::auth_error;
use crate::auth::form::FormFields;
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/password-reset", get(ask).post(request))
        .route("/password-reset/{token}", get(choose).post(set))
}

#[derive(Template)]
#[template(path = "account/reset_request.html")]
struct RequestPage<'a> {
    chrome: &'a Chrome,
    sent: bool,
    error: Option<FieldError>,
}

#[derive(Template)]
#[template(path = "account/reset_choose.html")]
struct ChoosePage<'a> {
    chrome: &'a Chrome,
    token: String,
    usable: bool,
    done: bool,
    error: Option<FieldError>,
    min_chars: usize,
}

fn respond(
    state: &AppState,
    status: StatusCode,
    html: Result<Html<String>, AppError>,
    retry: Option<axum::http::HeaderValue>,
) -> Response {
    match html {
        Ok(html) => {
            let mut response = (status, html).into_response();
            if let Some(value) = retry {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Err(e) => page_error(&state.chrome, e),
    }
}

fn request_page(state: &AppState, sent: bool, error: Option<AppError>) -> Response {
    let status = error.as_ref().map_or(StatusCode::OK, AppError::status);
    let retry = error.as_ref().and_then(retry_after);
    let page = RequestPage {
        chrome: &state.chrome,
        sent,
        error: error.map(FieldError::from),
    };
    respond(state, status, render(&page), retry)
}

async fn ask(State(state): State<AppState>) -> Response {
    request_page(&state, false, None)
}

/// Always the same answer for a known and an unknown address.
async fn request(State(state): State<AppState>, fields: FormFields) -> Response {
    let email = match fields.required("email", 254) {
        Ok(email) => email,
        Err(error) => return request_page(&state, false, Some(error)),
    };
    match state.app.auth().request_password_reset(email).await {
        Ok(()) => request_page(&state, true, None),
        Err(e) => {
            let error = auth_error(e);
            if error.status().is_server_error() {
                return page_error(&state.chrome, error);
            }
            request_page(&state, false, Some(error))
        }
    }
}

fn choose_page(
    state: &AppState,
    token: String,
    usable: bool,
    done: bool,
    error: Option<AppError>,
) -> Response {
    let status = match &error {
        Some(e) => e.status(),
        None if !usable && !done => StatusCode::BAD_REQUEST,
        None => StatusCode::OK,
    };
    let page = ChoosePage {
        chrome: &state.chrome,
        token,
        usable,
        done,
        error: error.map(FieldError::from),
        min_chars: corridor_app::auth::password::MIN_CHARS,
    };
    respond(state, status, render(&page), None)
}

async fn choose(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match state.app.auth().reset_link_is_usable(&token).await {
        Ok(usable) => {
            let token = if usable { token } else { String::new() };
            choose_page(&state, token, usable, false, None)
        }
        Err(e) => page_error(&state.chrome, auth_error(e)),
    }
}

async fn set(
    State(state): State<AppState>,
    Path(token): Path<String>,
    fields: FormFields,
) -> Response {
    let password = match fields.required("password", 1024) {
        Ok(password) => password,
        Err(error) => return choose_page(&state, token, true, false, Some(error)),
    };
    match state.app.auth().reset_password(&token, password).await {
        Ok(()) => choose_page(&state, String::new(), false, true, None),
        Err(e) => {
            let error = auth_error(e);
            if error.status().is_server_error() {
                return page_error(&state.chrome, error);
            }
            let usable = !matches!(error, AppError::BadRequest { .. });
            let token = if usable { token } else { String::new() };
            choose_page(&state, token, usable, false, Some(error))
        }
    }
}
