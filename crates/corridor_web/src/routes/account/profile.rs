//! `GET /account`: the signed-in user's own page.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

use crate::auth::CurrentUser;
use crate::pages::{Chrome, PageError, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/account", get(show))
}

#[derive(Template)]
#[template(path = "account/home.html")]
struct AccountPage<'a> {
    chrome: &'a Chrome,
    display_name: String,
    email: String,
    role: &'static str,
}

async fn show(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> Result<Html<String>, PageError> {
    let page = AccountPage {
        chrome: &state.chrome,
        display_name: user.display_name,
        email: user.email,
        role: user.role.as_str(),
    };
    render(&page).map_err(state.chrome.fail())
}
