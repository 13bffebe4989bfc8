//! `GET/POST /signup`: a new `member` account, signed in at once.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use super::{FieldError, page_error, retry_after};
use crate::auth::form::FormFields;
use crate::auth::{ClientIp, MaybeUser, auth_error, cookies};
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/signup", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "account/signup.html")]
struct SignupPage<'a> {
    chrome: &'a Chrome,
    email: String,
    display_name: String,
    error: Option<FieldError>,
    min_chars: usize,
}

fn page(state: &AppState, email: &str, name: &str, error: Option<AppError>) -> Response {
    let status = error.as_ref().map_or(StatusCode::OK, AppError::status);
    let retry = error.as_ref().and_then(retry_after);
    let page = SignupPage {
        chrome: &state.chrome,
        email: email.chars().take(254).collect(),
        display_name: name.chars().take(100).collect(),
        error: error.map(FieldError::from),
        min_chars: corridor_app::auth::password::MIN_CHARS,
    };
    match render(&page) {
        Ok(Html(html)) => {
            let mut response = (status, Html(html)).into_response();
            if let Some(value) = retry {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Err(e) => page_error(&state.chrome, e),
    }
}

async fn form(State(state): State<AppState>, MaybeUser(user): MaybeUser) -> Response {
    if user.is_some() {
        return Redirect::to("/account").into_response();
    }
    page(&state, "", "", None)
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    fields: FormFields,
) -> Response {
    let email = fields.optional("email").unwrap_or("");
    let name = fields.optional("display_name").unwrap_or("");
    let checked = (|| {
        Ok::<_, AppError>((
            fields.required("email", 254)?,
            fields.required("display_name", 100)?,
            fields.required("password", 1024)?,
        ))
    })();
    let (email, name, password) = match checked {
        Ok(values) => values,
        Err(error) => return page(&state, email, name, Some(error)),
    };
    match state.app.auth().sign_up(email, name, password, &ip).await {
        Ok(started) => {
            let secure = state.app.config.secure_cookies();
            let cookie = cookies::session(started.token.as_str(), started.expires_at, secure);
            ([(header::SET_COOKIE, cookie)], Redirect::to("/account")).into_response()
        }
        Err(e) => {
            let error = auth_error(e);
            if error.status().is_server_error() {
                return page_error(&state.chrome, error);
            }
            page(&state, email, name, Some(error))
        }
    }
}
