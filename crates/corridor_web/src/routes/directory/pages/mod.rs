//! Directory pages: the searchable list with the verified badge ([`list`]), the organisation and
//! person forms ([`forms`]), the people list ([`people`]), profiles with their verification steps and audit log ([`profile`],
//! [`person`]) and verification evidence ([`evidence`]).

mod evidence;
mod forms;
mod list;
mod members;
mod people;
mod person;
mod profile;

use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use corridor_app::actor::CurrentUser;
use corridor_app::directory::organisations::{OrganisationView, organisation_profile};

use super::{directory_error, organisation_id};
use crate::error::AppError;
use crate::pages::Chrome;
use crate::state::AppState;

pub use list::{OrganisationRow, rows};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(list::router())
        .merge(forms::router())
        .merge(profile::router())
        .merge(evidence::router())
        .merge(person::router())
        .merge(people::router())
        .merge(members::router())
}

/// A page error; visitors asked to sign in go to the log-in page and come back.
fn fail(chrome: &Chrome, error: AppError, back: &str) -> Response {
    if matches!(error, AppError::Unauthorized(_)) {
        let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    chrome.fail()(error).into_response()
}

/// The profile of the organisation named in the path, as `user` may see it (pages and API).
pub(super) async fn load_view(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: &str,
) -> Result<OrganisationView, AppError> {
    organisation_profile(&state.app, user, organisation_id(id)?)
        .await
        .map_err(directory_error)
}
