//! `/organisations/{id}/members`: the organisation's owners and staff; owners and admins add a
//! colleague by e-mail address, change a role or remove someone.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use corridor_app::actor::{CurrentUser, Role};
use corridor_app::directory::members::{Member, members, put_member, remove_member};
use corridor_app::directory::organisations::organisation_profile;
use serde::Deserialize;

use super::fail;
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::routes::directory::{directory_error, organisation_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/{id}/members", get(show).post(add))
        .route("/organisations/{id}/members/{account}/remove", post(remove))
}

#[derive(Template)]
#[template(path = "directory/members.html")]
struct MembersPage<'a> {
    chrome: &'a Chrome,
    id: String,
    name: String,
    members: Vec<Member>,
    can_manage: bool,
    /// A refused change: (field, message).
    error: Option<(String, String)>,
    email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MemberForm {
    email: String,
    role: String,
}

async fn page(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: &str,
    refused: Option<(AppError, String)>,
) -> Response {
    let back = format!("/organisations/{id}/members");
    let loaded = async {
        let oid = organisation_id(id)?;
        let view = organisation_profile(&state.app, user, oid)
            .await
            .map_err(directory_error)?;
        let list = members(&state.app, user, oid)
            .await
            .map_err(directory_error)?;
        Ok::<_, AppError>((view, list))
    };
    let (view, list) = match loaded.await {
        Ok(found) => found,
        Err(e) => return fail(&state.chrome, e, &back),
    };
    let (status, error, email) = match refused {
        Some((e, email)) => {
            let field = e.body().error.field.unwrap_or_else(|| "members".to_owned());
            (e.status(), Some((field, e.to_string())), email)
        }
        None => (StatusCode::OK, None, String::new()),
    };
    // Owners and admins manage members; the edit right of staff does not extend to them.
    let can_manage = view.can_act_as_registrant || user.is_some_and(|u| u.role == Role::Admin);
    let page = MembersPage {
        chrome: &state.chrome,
        id: id.to_owned(),
        name: view.organisation.details.legal_name.to_string(),
        members: list,
        can_manage,
        error,
        email,
    };
    match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(e) => fail(&state.chrome, e, &back),
    }
}

async fn show(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    page(&state, user.as_ref(), &id, None).await
}

async fn add(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    Form(form): Form<MemberForm>,
) -> Response {
    let done = async {
        put_member(
            &state.app,
            user.as_ref(),
            organisation_id(&id)?,
            &form.email,
            &form.role,
        )
        .await
        .map_err(directory_error)
    };
    match done.await {
        Ok(_) => Redirect::to(&format!("/organisations/{id}/members")).into_response(),
        Err(e) => page(&state, user.as_ref(), &id, Some((e, form.email))).await,
    }
}

async fn remove(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, account)): Path<(String, String)>,
) -> Response {
    let done = async {
        let account = account
            .parse()
            .map_err(|_| AppError::NotFound(format!("no account {account:?}")))?;
        remove_member(&state.app, user.as_ref(), organisation_id(&id)?, account)
            .await
            .map_err(directory_error)
    };
    match done.await {
        Ok(()) => Redirect::to(&format!("/organisations/{id}/members")).into_response(),
        Err(e) => page(&state, user.as_ref(), &id, Some((e, String::new()))).await,
    }
}
