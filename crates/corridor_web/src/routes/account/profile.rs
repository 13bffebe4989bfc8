//! `GET /account`: the signed-in user's own page: their organisations, the data download and
//! account deletion.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use corridor_app::actor;
use corridor_app::directory::organisations::my_organisations;
use corridor_domain::directory::Organisation;

use super::{FieldError, page_error};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::routes::directory::directory_error;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/account", get(show))
}

#[derive(Template)]
#[template(path = "account/home.html")]
struct AccountPage<'a> {
    chrome: &'a Chrome,
    display_name: &'a str,
    email: &'a str,
    role: &'static str,
    is_staff: bool,
    /// The organisations the user acts for, with their verification state.
    organisations: Vec<Organisation>,
    /// What was wrong with a deletion attempt (the password).
    error: Option<FieldError>,
}

/// The account page, with `error` above the deletion form (and its status) when given.
pub async fn page(
    state: &AppState,
    user: &actor::CurrentUser,
    error: Option<AppError>,
) -> Response {
    let status = error.as_ref().map_or(StatusCode::OK, AppError::status);
    let organisations = match my_organisations(&state.app, Some(user)).await {
        Ok(found) => found,
        Err(e) => return page_error(&state.chrome, directory_error(e)),
    };
    let page = AccountPage {
        chrome: &state.chrome,
        display_name: &user.display_name,
        email: &user.email,
        role: user.role.as_str(),
        is_staff: user.role.is_staff(),
        organisations,
        error: error.map(FieldError::from),
    };
    match render(&page) {
        Ok(Html(html)) => (status, Html(html)).into_response(),
        Err(e) => page_error(&state.chrome, e),
    }
}

async fn show(State(state): State<AppState>, CurrentUser(user): CurrentUser) -> Response {
    page(&state, &user, None).await
}
