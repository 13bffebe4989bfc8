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
use corridor_app::directory::DirectoryError;
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

/// What a search page shows: one page of rows, or the bad parameters named (then 422).
pub(super) struct Listing<R> {
    pub total: u64,
    pub rows: Vec<R>,
    pub errors: Vec<(String, String)>,
    pub next_offset: Option<u32>,
}

impl<R> Listing<R> {
    /// The listing of one page found at `offset`; field errors become the page's error list, any
    /// other error is the caller's to show.
    pub fn of<T>(
        found: Result<(u64, Vec<T>), DirectoryError>,
        offset: Option<u32>,
        row: impl Fn(&T) -> R,
    ) -> Result<Listing<R>, DirectoryError> {
        match found {
            Ok((total, items)) => {
                let shown = offset.unwrap_or(0) + u32::try_from(items.len()).unwrap_or(0);
                Ok(Listing {
                    total,
                    rows: items.iter().map(row).collect(),
                    errors: Vec::new(),
                    next_offset: (u64::from(shown) < total).then_some(shown),
                })
            }
            Err(DirectoryError::Invalid(errors)) => Ok(Listing {
                total: 0,
                rows: Vec::new(),
                errors: errors.0.into_iter().map(|e| (e.field, e.message)).collect(),
                next_offset: None,
            }),
            Err(e) => Err(e),
        }
    }

    pub fn status(&self) -> axum::http::StatusCode {
        if self.errors.is_empty() {
            axum::http::StatusCode::OK
        } else {
            axum::http::StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}
