//! The organisation and person forms: new and edit, errors next to their fields.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use corridor_app::directory::DirectoryError;
use corridor_app::directory::organisations::{create_organisation, edit_organisation};
use corridor_app::directory::people::{PersonView, add_person};
use corridor_domain::directory::Organisation;
use serde::Deserialize;

use super::{fail, load_view};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::{Chrome, render};
use crate::routes::directory::form::{FormField, OrganisationForm, PersonForm};
use crate::routes::directory::{directory_error, organisation_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/directory/new", get(new_form).post(create))
        .route("/organisations/{id}/edit", get(edit_form).post(edit))
        .route("/people/new", get(new_person_form).post(create_person))
}

#[derive(Template)]
#[template(path = "directory/form.html")]
struct FormPage<'a> {
    chrome: &'a Chrome,
    title: String,
    action: String,
    fields: Vec<FormField>,
    summary: Vec<String>,
}

fn form_page(
    chrome: &Chrome,
    title: &str,
    action: &str,
    fields: Vec<FormField>,
    status: StatusCode,
) -> Response {
    let summary = fields
        .iter()
        .flat_map(|f| f.errors.iter().map(move |e| format!("{}: {e}", f.label)))
        .collect();
    let page = FormPage {
        chrome,
        title: title.to_owned(),
        action: action.to_owned(),
        fields,
        summary,
    };
    match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(e) => fail(chrome, e, action),
    }
}

async fn new_form(State(state): State<AppState>, MaybeUser(user): MaybeUser) -> Response {
    if user.is_none() {
        return fail(
            &state.chrome,
            AppError::Unauthorized("sign in first".into()),
            "/directory/new",
        );
    }
    let fields = OrganisationForm::default().fields(&[]);
    form_page(
        &state.chrome,
        "Register an organisation",
        "/directory/new",
        fields,
        StatusCode::OK,
    )
}

/// After a form: the organisation's page, or the form again with every error next to its field.
fn after_form<T>(
    state: &AppState,
    result: Result<T, DirectoryError>,
    redirect: impl FnOnce(T) -> String,
    again: impl FnOnce(&[(String, String)]) -> Vec<FormField>,
    (title, back): (&str, &str),
) -> Response {
    match result {
        Ok(value) => Redirect::to(&redirect(value)).into_response(),
        Err(DirectoryError::Invalid(errors)) => {
            let errors: Vec<(String, String)> =
                errors.0.into_iter().map(|e| (e.field, e.message)).collect();
            form_page(
                &state.chrome,
                title,
                back,
                again(&errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => fail(&state.chrome, directory_error(e), back),
    }
}

async fn create(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Form(form): Form<OrganisationForm>,
) -> Response {
    let result = create_organisation(&state.app, user.as_ref(), &form.input()).await;
    let to = |o: Organisation| format!("/organisations/{}", o.id);
    after_form(
        &state,
        result,
        to,
        |e| form.fields(e),
        ("Register an organisation", "/directory/new"),
    )
}

async fn edit_form(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/organisations/{id}/edit");
    let view = match load_view(&state, user.as_ref(), &id).await {
        Ok(view) if view.can_edit => view,
        Ok(_) => {
            return fail(
                &state.chrome,
                AppError::Forbidden("you may not edit this organisation".into()),
                &back,
            );
        }
        Err(e) => return fail(&state.chrome, e, &back),
    };
    let fields = OrganisationForm::from_details(&view.organisation.details).fields(&[]);
    form_page(
        &state.chrome,
        "Edit the organisation",
        &back,
        fields,
        StatusCode::OK,
    )
}

async fn edit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    Form(form): Form<OrganisationForm>,
) -> Response {
    let back = format!("/organisations/{id}/edit");
    let id = match organisation_id(&id) {
        Ok(id) => id,
        Err(e) => return fail(&state.chrome, e, &back),
    };
    let result = edit_organisation(&state.app, user.as_ref(), id, &form.input()).await;
    let to = |o: Organisation| format!("/organisations/{}", o.id);
    after_form(
        &state,
        result,
        to,
        |e| form.fields(e),
        ("Edit the organisation", &back),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NewPersonQuery {
    organisation: String,
}

async fn new_person_form(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<NewPersonQuery>, AppError>,
) -> Response {
    if user.is_none() {
        return fail(
            &state.chrome,
            AppError::Unauthorized("sign in first".into()),
            "/people/new",
        );
    }
    let organisation_id = query
        .map(|ValidQuery(q)| q.organisation)
        .unwrap_or_default();
    let fields = PersonForm {
        organisation_id,
        ..Default::default()
    }
    .fields(&[]);
    form_page(
        &state.chrome,
        "Add a person",
        "/people/new",
        fields,
        StatusCode::OK,
    )
}

async fn create_person(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Form(form): Form<PersonForm>,
) -> Response {
    let result = add_person(&state.app, user.as_ref(), &form.input()).await;
    let to = |p: PersonView| format!("/people/{}", p.person.id);
    after_form(
        &state,
        result,
        to,
        |e| form.fields(e),
        ("Add a person", "/people/new"),
    )
}
