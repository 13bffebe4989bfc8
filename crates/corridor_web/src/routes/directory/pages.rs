//! Directory pages: the searchable list with the verified badge, public profiles, the
//! organisation and person forms (errors next to their fields), verification steps and the
//! audit log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use corridor_app::directory::DirectoryError;
use corridor_app::directory::evidence::{EvidenceInput, add_evidence};
use corridor_app::directory::organisations::{
    DirectoryQuery, OrganisationView, create_organisation, edit_organisation, is_verified,
    organisation_audit_log, organisation_profile, search_organisations,
};
use corridor_app::directory::people::{PersonView, add_person, person_profile};
use corridor_app::directory::verification::act;
use corridor_domain::directory::{Organisation, VerificationState};
use corridor_store::AuditEntry;
use serde::Deserialize;

use super::api::{StepInput, action};
use super::form::{FormField, OrganisationForm, PersonForm};
use super::{directory_error, organisation_id, person_id};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::pages::{Chrome, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/directory", get(list))
        .route("/directory/new", get(new_form).post(create))
        .route("/organisations/{id}", get(profile))
        .route("/organisations/{id}/edit", get(edit_form).post(edit))
        .route("/organisations/{id}/audit", get(audit))
        .route("/organisations/{id}/evidence", post(evidence))
        .route("/organisations/{id}/verification/{action}", post(step))
        .route("/people/new", get(new_person_form).post(create_person))
        .route("/people/{id}", get(person))
}

/// A page error; visitors asked to sign in go to the log-in page and come back.
fn fail(chrome: &Chrome, error: AppError, back: &str) -> Response {
    if matches!(error, AppError::Unauthorized(_)) {
        let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    chrome.fail()(error).into_response()
}

/// One line of a listing.
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub trading_name: String,
    pub country: String,
    pub kind: &'static str,
    pub state: String,
    pub verified: bool,
    pub exports: String,
}

pub fn rows(items: &[Organisation]) -> Vec<OrganisationRow> {
    items
        .iter()
        .map(|o| OrganisationRow {
            id: o.id.to_string(),
            name: o.details.legal_name.to_string(),
            trading_name: o
                .details
                .trading_name
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            country: o.details.country.name().to_owned(),
            kind: o.details.kind.label(),
            state: o.verification.state.to_string(),
            verified: is_verified(o),
            exports: o
                .details
                .exports
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "directory/list.html")]
struct ListPage<'a> {
    chrome: &'a Chrome,
    query: DirectoryQuery,
    total: u64,
    rows: Vec<OrganisationRow>,
    errors: Vec<(String, String)>,
    next_offset: Option<u32>,
}

impl ListPage<'_> {
    fn value(&self, which: &str) -> String {
        let q = &self.query;
        let v = match which {
            "q" => &q.q,
            "country" => &q.country,
            "kind" => &q.kind,
            "naics" => &q.naics,
            "hs" => &q.hs,
            "trade" => &q.trade,
            _ => &q.verified,
        };
        v.clone().unwrap_or_default()
    }
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    query: Result<ValidQuery<DirectoryQuery>, AppError>,
) -> Response {
    let query = match query {
        Ok(ValidQuery(q)) => q,
        Err(e) => return fail(&state.chrome, e, "/directory"),
    };
    let (total, rows, errors, next_offset) =
        match search_organisations(&state.app, user.as_ref(), &query).await {
            Ok(page) => {
                let shown =
                    query.offset.unwrap_or(0) + u32::try_from(page.items.len()).unwrap_or(0);
                let more = u64::from(shown) < page.total;
                (
                    page.total,
                    rows(&page.items),
                    Vec::new(),
                    more.then_some(shown),
                )
            }
            Err(DirectoryError::Invalid(errors)) => (
                0,
                Vec::new(),
                errors.0.into_iter().map(|e| (e.field, e.message)).collect(),
                None,
            ),
            Err(e) => return fail(&state.chrome, directory_error(e), "/directory"),
        };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ListPage {
        chrome: &state.chrome,
        query,
        total,
        rows,
        errors,
        next_offset,
    };
    match render(&page) {
        Ok(html) => (status, html).into_response(),
        Err(e) => fail(&state.chrome, e, "/directory"),
    }
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

async fn load_view(
    state: &AppState,
    user: Option<&corridor_app::actor::CurrentUser>,
    id: &str,
) -> Result<OrganisationView, AppError> {
    organisation_profile(&state.app, user, organisation_id(id)?)
        .await
        .map_err(directory_error)
}

/// A verification step the caller may take from the current state, as a button.
pub struct StepButton {
    pub action: &'static str,
    pub label: &'static str,
    /// `reason` or `statement` when the step needs one.
    pub text: Option<&'static str>,
}

fn steps(view: &OrganisationView) -> Vec<StepButton> {
    use VerificationState as S;
    let b = |action, label, text| StepButton {
        action,
        label,
        text,
    };
    let mut out = Vec::new();
    let state = view.organisation.verification.state;
    if view.can_act_as_registrant {
        match state {
            S::Draft => out.push(b("submit", "Submit for verification", None)),
            S::NeedsInfo => out.push(b("provide_info", "I have provided the information", None)),
            S::Rejected => out.push(b("appeal", "Appeal the rejection", Some("statement"))),
            S::Expired | S::Verified => out.push(b("renew", "Renew verification", None)),
            _ => {}
        }
    }
    if view.can_review {
        match state {
            S::Submitted => out.push(b("start_review", "Start review", None)),
            S::UnderReview => {
                out.push(b(
                    "request_info",
                    "Ask for more information",
                    Some("reason"),
                ));
                out.push(b("approve", "Approve (valid one year)", None));
                out.push(b("reject", "Reject", Some("reason")));
            }
            S::Verified => out.push(b("suspend", "Suspend", Some("reason"))),
            S::Suspended => out.push(b("reinstate", "Reinstate", None)),
            _ => {}
        }
    }
    out
}

#[derive(Template)]
#[template(path = "directory/profile.html")]
struct ProfilePage<'a> {
    chrome: &'a Chrome,
    view: OrganisationView,
    steps: Vec<StepButton>,
    verified: bool,
}

async fn profile(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/organisations/{id}");
    match load_view(&state, user.as_ref(), &id).await {
        Ok(view) => {
            let page = ProfilePage {
                chrome: &state.chrome,
                steps: steps(&view),
                verified: view.verified(),
                view,
            };
            render(&page)
                .map(IntoResponse::into_response)
                .unwrap_or_else(|e| fail(&state.chrome, e, &back))
        }
        Err(e) => fail(&state.chrome, e, &back),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StepForm {
    reason: String,
    statement: String,
}

async fn step(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, name)): Path<(String, String)>,
    Form(form): Form<StepForm>,
) -> Response {
    let back = format!("/organisations/{id}");
    let done = async {
        let id = organisation_id(&id)?;
        let input = StepInput {
            reason: Some(form.reason),
            statement: Some(form.statement),
            valid_until: None,
        };
        act(&state.app, user.as_ref(), id, action(&name, input)?)
            .await
            .map_err(directory_error)
    };
    match done.await {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => fail(&state.chrome, e, &back),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EvidenceForm {
    kind: String,
    value: String,
}

async fn evidence(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    Form(form): Form<EvidenceForm>,
) -> Response {
    let back = format!("/organisations/{id}");
    let done = async {
        let id = organisation_id(&id)?;
        let input = match form.kind.as_str() {
            "registration_number" => EvidenceInput::RegistrationNumber(form.value),
            "tax_number" => EvidenceInput::TaxNumber(form.value),
            _ => EvidenceInput::Website(form.value),
        };
        add_evidence(&state.app, user.as_ref(), id, input)
            .await
            .map_err(directory_error)
    };
    match done.await {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(e) => fail(&state.chrome, e, &back),
    }
}

#[derive(Template)]
#[template(path = "directory/audit.html")]
struct AuditPage<'a> {
    chrome: &'a Chrome,
    id: String,
    name: String,
    entries: Vec<AuditEntry>,
}

async fn audit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/organisations/{id}/audit");
    let found = async {
        let oid = organisation_id(&id)?;
        organisation_audit_log(&state.app, user.as_ref(), oid)
            .await
            .map_err(directory_error)
    };
    match found.await {
        Ok((organisation, entries)) => {
            let name = organisation.details.legal_name.to_string();
            let page = AuditPage {
                chrome: &state.chrome,
                id: id.clone(),
                name,
                entries,
            };
            render(&page)
                .map(IntoResponse::into_response)
                .unwrap_or_else(|e| fail(&state.chrome, e, &back))
        }
        Err(e) => fail(&state.chrome, e, &back),
    }
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

#[derive(Template)]
#[template(path = "directory/person.html")]
struct PersonPage<'a> {
    chrome: &'a Chrome,
    view: PersonView,
}

async fn person(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/people/{id}");
    let found = async {
        person_profile(&state.app, user.as_ref(), person_id(&id)?)
            .await
            .map_err(directory_error)
    };
    match found.await {
        Ok(view) => render(&PersonPage {
            chrome: &state.chrome,
            view,
        })
        .map(IntoResponse::into_response)
        .unwrap_or_else(|e| fail(&state.chrome, e, &back)),
        Err(e) => fail(&state.chrome, e, &back),
    }
}
