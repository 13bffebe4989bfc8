//! `GET/POST /account/password`: change the password; the other sessions of the account end.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use super::{FieldError, page_error};
use crate::auth::form::FormFields;
use crate::auth::{CurrentUser, Session, auth_error};
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/account/password", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage<'a> {
    chrome: &'a Chrome,
    done: bool,
    error: Option<FieldError>,
    min_chars: usize,
}

fn page(state: &AppState, done: bool, error: Option<AppError>) -> Response {
    let status = error.as_ref().map_or(StatusCode::OK, AppError::status);
    let page = PasswordPage {
        chrome: &state.chrome,
        done,
        error: error.map(FieldError::from),
        min_chars: corridor_app::auth::password::MIN_CHARS,
    };
    match render(&page) {
        Ok(Html(html)) => (status, Html(html)).into_response(),
        Err(e) => page_error(&state.chrome, e),
    }
}

async fn form(State(state): State<AppState>, _user: CurrentUser) -> Response {
    page(&state, false, None)
}

async fn submit(State(state): State<AppState>, session: Session, fields: FormFields) -> Response {
    let checked = (|| {
        Ok::<_, AppError>((
            fields.required("current_password", 1024)?,
            fields.required("new_password", 1024)?,
        ))
    })();
    let (current, new) = match checked {
        Ok(values) => values,
        Err(error) => return page(&state, false, Some(error)),
    };
    match state
        .app
        .auth()
        .change_password(&session.user, current, new, &session.token)
        .await
    {
        Ok(()) => page(&state, true, None),
        Err(e) => {
            let error = auth_error(e);
            if error.status().is_server_error() {
                return page_error(&state.chrome, error);
            }
            page(&state, false, Some(error))
        }
    }
}
