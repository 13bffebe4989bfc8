//! `GET/POST /login`, `POST /logout`.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::{local_next, page_error, retry_after};
use crate::auth::form::FormFields;
use crate::auth::{ClientIp, MaybeUser, Session, auth_error, cookies};
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(form).post(submit))
        .route("/logout", post(logout))
}

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginPage<'a> {
    chrome: &'a Chrome,
    email: String,
    next: String,
    error: Option<String>,
}

async fn form(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    RawQuery(query): RawQuery,
) -> Response {
    // Read by hand: a hostile query string must not turn the log-in page into an error page.
    let next = query.and_then(|q| {
        FormFields::parse(q.as_bytes())
            .optional("next")
            .map(str::to_owned)
    });
    if user.is_some() {
        return Redirect::to(&local_next(next.as_deref())).into_response();
    }
    let page = LoginPage {
        chrome: &state.chrome,
        email: String::new(),
        next: local_next(next.as_deref()),
        error: None,
    };
    match render(&page) {
        Ok(html) => html.into_response(),
        Err(e) => page_error(&state.chrome, e),
    }
}

async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    fields: FormFields,
) -> Response {
    let next = local_next(fields.optional("next"));
    let again = |email: &str, error: AppError| -> Response {
        let status = error.status();
        let retry = retry_after(&error);
        let page = LoginPage {
            chrome: &state.chrome,
            email: email.chars().take(254).collect(),
            next: next.clone(),
            error: Some(error.to_string()),
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
    };
    let (email, password) = match (
        fields.required("email", 1000),
        fields.required("password", 1024),
    ) {
        (Ok(e), Ok(p)) => (e, p),
        (Err(error), _) | (_, Err(error)) => {
            return again(fields.optional("email").unwrap_or(""), error);
        }
    };
    match state.app.auth().log_in(email, password, &ip).await {
        Ok(started) => {
            let secure = state.app.config.secure_cookies();
            let cookie = cookies::session(started.token.as_str(), started.expires_at, secure);
            ([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response()
        }
        Err(e) => {
            let error = auth_error(e);
            if error.status() == StatusCode::INTERNAL_SERVER_ERROR {
                return page_error(&state.chrome, error);
            }
            again(email, error)
        }
    }
}

/// Ends the session (its row is deleted) and clears the cookie. Without a session there is
/// nothing to end: back to the front page all the same.
async fn logout(State(state): State<AppState>, session: Option<Session>) -> Response {
    if let Some(session) = session {
        if let Err(e) = state.app.auth().log_out(&session.token).await {
            return page_error(&state.chrome, auth_error(e));
        }
    }
    let secure = state.app.config.secure_cookies();
    (
        [(header::SET_COOKIE, cookies::clear_session(secure))],
        Redirect::to("/"),
    )
        .into_response()
}
