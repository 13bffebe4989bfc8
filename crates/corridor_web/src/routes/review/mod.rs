//! `/review`: the organisers' review queue, filtered by state, country and kind. The app leaves
//! out appeals against the viewer's own rejections and organisations the viewer belongs to.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use corridor_app::directory::DirectoryError;
use corridor_app::directory::verification::{ReviewQuery, review_queue};
use corridor_domain::directory::VerificationState;

use super::directory::{OrganisationRow, directory_error, rows};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::{Chrome, render};
use crate::state::AppState;

/// Organisations per page of the queue.
const PAGE: u32 = 20;

pub fn router() -> Router<AppState> {
    Router::new().route("/review", get(queue))
}

#[derive(Template)]
#[template(path = "review/queue.html")]
struct QueuePage<'a> {
    chrome: &'a Chrome,
    states: Vec<&'static str>,
    state: String,
    country: String,
    kind: String,
    total: u64,
    rows: Vec<OrganisationRow>,
    errors: Vec<(String, String)>,
    /// Where the next page starts, when there is one.
    next_offset: Option<u32>,
}

async fn queue(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<ReviewQuery>, AppError>,
) -> Response {
    let mut query = match query {
        Ok(ValidQuery(q)) => q,
        Err(e) => return state.chrome.fail()(e).into_response(),
    };
    // Explicit, so the pager knows where the next page starts even when the app leaves out the
    // viewer's own organisations from this one.
    let limit = *query.limit.get_or_insert(PAGE);
    let (total, found, errors, next_offset) =
        match review_queue(&state.app, user.as_ref(), &query).await {
            Ok(page) => {
                let shown = query.offset.unwrap_or(0).saturating_add(limit);
                let more = u64::from(shown) < page.total;
                (
                    page.total,
                    rows(&page.items),
                    Vec::new(),
                    more.then_some(shown),
                )
            }
            Err(DirectoryError::Invalid(e)) => (
                0,
                Vec::new(),
                e.0.into_iter().map(|e| (e.field, e.message)).collect(),
                None,
            ),
            Err(DirectoryError::SignInRequired(_)) => {
                return Redirect::to("/login?next=%2Freview").into_response();
            }
            Err(e) => return state.chrome.fail()(directory_error(e)).into_response(),
        };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = QueuePage {
        chrome: &state.chrome,
        states: VerificationState::ALL.iter().map(|s| s.as_str()).collect(),
        state: query.state.unwrap_or_default(),
        country: query.country.unwrap_or_default(),
        kind: query.kind.unwrap_or_default(),
        total,
        rows: found,
        errors,
        next_offset,
    };
    match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(e) => state.chrome.fail()(e).into_response(),
    }
}
