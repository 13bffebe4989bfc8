//! A person's public profile (contact details only for those the app shows them to).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use corridor_app::directory::people::{PersonView, person_and_organisation};
use corridor_domain::directory::Organisation;

use super::fail;
use crate::auth::MaybeUser;
use crate::pages::{Chrome, render};
use crate::routes::directory::{directory_error, person_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/people/{id}", get(person))
}

#[derive(Template)]
#[template(path = "directory/person.html")]
struct PersonPage<'a> {
    chrome: &'a Chrome,
    view: PersonView,
    organisation: Option<Organisation>,
}

async fn person(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/people/{id}");
    let found = async {
        person_and_organisation(&state.app, user.as_ref(), person_id(&id)?)
            .await
            .map_err(directory_error)
    };
    match found.await {
        Ok((view, organisation)) => render(&PersonPage {
            chrome: &state.chrome,
            view,
            organisation,
        })
        .map(IntoResponse::into_response)
        .unwrap_or_else(|e| fail(&state.chrome, e, &back)),
        Err(e) => fail(&state.chrome, e, &back),
    }
}
