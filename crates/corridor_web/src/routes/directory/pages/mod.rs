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

use askama::Template;
use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use corridor_app::actor::CurrentUser;
use corridor_app::directory::DirectoryError;
use corridor_app::directory::organisations::{OrganisationView, organisation_profile};

use super::{directory_error, organisation_id};
use crate::error::AppError;
use crate::pages::{Chrome, render};
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

/// Answers a search page at `path`: one page of `found` shown by `page`, the bad parameters
/// named (422), or the error page.
fn search_page<T, R, P: Template>(
    chrome: &Chrome,
    path: &str,
    found: Result<(u64, Vec<T>), DirectoryError>,
    offset: Option<u32>,
    row: impl Fn(&T) -> R,
    page: impl FnOnce(Listing<R>) -> P,
) -> Response {
    let listing = match Listing::of(found, offset, row) {
        Ok(listing) => listing,
        Err(e) => return fail(chrome, directory_error(e), path),
    };
    let status = listing.status();
    match render(&page(listing)) {
        Ok(html) => (status, html).into_response(),
        Err(e) => fail(chrome, e, path),
    }
}

/// A search page's filters as given, by name: they fill the form again and carry over, all of
/// them, to the next page.
pub(super) struct Filters(Vec<(&'static str, String)>);

impl Filters {
    pub fn new(given: impl IntoIterator<Item = (&'static str, Option<String>)>) -> Filters {
        Filters(
            given
                .into_iter()
                .filter_map(|(name, value)| Some((name, value?)))
                .collect(),
        )
    }

    /// The value given for `name`, or "".
    pub fn value(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The query string of the page at `offset` with the same filters.
    pub fn page_href(&self, offset: &u32) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.0 {
            query.append_pair(name, value);
        }
        query.append_pair("offset", &offset.to_string());
        format!("?{}", query.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::Filters;

    #[test]
    fn every_filter_carries_over_to_the_next_page() {
        let f = Filters::new([
            ("q", Some("rice & co".to_owned())),
            ("country", None),
            ("verified", Some("true".to_owned())),
            ("limit", Some("2".to_owned())),
        ]);
        assert_eq!(f.value("q"), "rice & co");
        assert_eq!(f.value("country"), "");
        assert_eq!(
            f.page_href(&4),
            "?q=rice+%26+co&verified=true&limit=2&offset=4"
        );
    }
}
