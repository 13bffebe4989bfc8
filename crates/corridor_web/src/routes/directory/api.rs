//! `/api/v1/organisations`, `/api/v1/people`, `/api/v1/review-queue`: JSON.

use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Days, NaiveDate, Utc};
use corridor_app::directory::evidence::{EvidenceInput, add_evidence};
use corridor_app::directory::import::{ImportFormat, import_organisations, import_people};
use corridor_app::directory::organisations::{
    DirectoryQuery, create_organisation, edit_organisation, organisation_audit_log,
    organisation_profile, search_organisations,
};
use corridor_app::directory::people::{add_person, person_profile};
use corridor_app::directory::verification::{
    ReviewQuery, act, organisation_evidence, review_queue,
};
use corridor_domain::directory::{OrganisationInput, PersonInput, VerificationAction};
use corridor_store::directory::EvidenceItem;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::json::{AuditJson, OrganisationJson, PersonJson, ProfileJson};
use super::{directory_error, organisation_id, person_id};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::extract::ValidQuery;
use crate::state::AppState;

/// Import files may be as large as the importer accepts (it says so when they are larger).
const IMPORT_LIMIT: usize = corridor_domain::import::MAX_FILE_BYTES + 1;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/organisations", get(list).post(create))
        .route(
            "/api/v1/organisations/import",
            post(import_orgs).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/api/v1/organisations/{id}", get(one).put(edit))
        .route("/api/v1/organisations/{id}/audit-log", get(audit_log))
        .route("/api/v1/organisations/{id}/verification", get(verification))
        .route(
            "/api/v1/organisations/{id}/verification/evidence",
            get(evidence).post(attach),
        )
        .route(
            "/api/v1/organisations/{id}/verification/{action}",
            post(step),
        )
        .route("/api/v1/people", post(create_person))
        .route(
            "/api/v1/people/import",
            post(import_persons).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/api/v1/people/{id}", get(person))
        .route("/api/v1/review-queue", get(queue))
}

/// A JSON body whose rejection speaks the one error shape.
fn body<T>(json: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    json.map(|Json(value)| value)
        .map_err(|rejection| AppError::BadRequest {
            field: None,
            message: rejection.body_text(),
        })
}

#[derive(Serialize)]
struct ListJson<'a> {
    total: u64,
    offset: u32,
    limit: u32,
    items: Vec<OrganisationJson<'a>>,
}

async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<DirectoryQuery>,
) -> Result<Json<Value>, AppError> {
    let page = search_organisations(&state.app, user.as_ref(), &query)
        .await
        .map_err(directory_error)?;
    let body = ListJson {
        total: page.total,
        offset: query.offset.unwrap_or(0),
        limit: query.limit.unwrap_or(20),
        items: page.items.iter().map(OrganisationJson::from).collect(),
    };
    Ok(Json(json!(body)))
}

async fn create(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    input: Result<Json<OrganisationInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let input = body(input)?;
    let created = create_organisation(&state.app, user.as_ref(), &input)
        .await
        .map_err(directory_error)?;
    Ok((
        StatusCode::CREATED,
        Json(json!(OrganisationJson::from(&created))),
    ))
}

async fn one(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let view = organisation_profile(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(json!(ProfileJson::from(&view))))
}

async fn edit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    input: Result<Json<OrganisationInput>, JsonRejection>,
) -> Result<Json<Value>, AppError> {
    let id = organisation_id(&id)?;
    let input = body(input)?;
    let edited = edit_organisation(&state.app, user.as_ref(), id, &input)
        .await
        .map_err(directory_error)?;
    Ok(Json(json!(OrganisationJson::from(&edited))))
}

async fn audit_log(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (_, entries) = organisation_audit_log(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    let items: Vec<AuditJson> = entries.iter().map(AuditJson::from).collect();
    Ok(Json(json!({ "items": items })))
}

async fn verification(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let view = organisation_profile(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(json!(
        OrganisationJson::from(&view.organisation).verification
    )))
}

/// The free text and date a step may carry.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StepInput {
    pub reason: Option<String>,
    pub statement: Option<String>,
    /// Approval only; a year from today when left out.
    pub valid_until: Option<NaiveDate>,
}

/// The action named in the path, with what it carries.
pub fn action(name: &str, input: StepInput) -> Result<VerificationAction, AppError> {
    use VerificationAction as A;
    let reason = input.reason.unwrap_or_default();
    Ok(match name {
        "submit" => A::Submit,
        "start_review" => A::StartReview,
        "request_info" => A::RequestInfo { reason },
        "provide_info" => A::ProvideInfo,
        "approve" => A::Approve {
            valid_until: input.valid_until.unwrap_or_else(|| {
                Utc::now()
                    .date_naive()
                    .checked_add_days(Days::new(365))
                    .unwrap_or_default()
            }),
        },
        "reject" => A::Reject { reason },
        "appeal" => A::Appeal {
            statement: input.statement.unwrap_or(reason),
        },
        "suspend" => A::Suspend { reason },
        "reinstate" => A::Reinstate,
        "renew" => A::Renew,
        other => {
            return Err(AppError::NotFound(format!(
                "no verification step {other:?}"
            )));
        }
    })
}

async fn step(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, name)): Path<(String, String)>,
    input: Result<Json<StepInput>, JsonRejection>,
) -> Result<Json<Value>, AppError> {
    let id = organisation_id(&id)?;
    // A step without free text may come without a body at all.
    let input = match input {
        Err(JsonRejection::MissingJsonContentType(_)) => StepInput::default(),
        other => body(other)?,
    };
    let action = action(&name, input)?;
    let record = act(&state.app, user.as_ref(), id, action)
        .await
        .map_err(directory_error)?;
    Ok(Json(json!({
        "state": record.state,
        "verified": record.state == corridor_domain::directory::VerificationState::Verified,
        "valid_until": record.valid_until,
        "in_appeal": record.in_appeal,
    })))
}

fn evidence_json(e: &corridor_store::directory::Evidence) -> Value {
    let (value, document) = match &e.item {
        EvidenceItem::RegistrationNumber(v)
        | EvidenceItem::TaxNumber(v)
        | EvidenceItem::Website(v) => (Some(v.as_str()), None),
        EvidenceItem::Document(d) => (
            None,
            Some(
                json!({ "file_name": d.file_name, "content_type": d.content_type, "size": d.size_bytes, "sha256": d.sha256 }),
            ),
        ),
    };
    json!({ "id": e.id, "kind": e.item.kind(), "value": value, "document": document, "added_at": e.added_at.to_rfc3339() })
}

async fn evidence(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let all = organisation_evidence(&state.app, user.as_ref(), organisation_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(
        json!({ "items": all.iter().map(evidence_json).collect::<Vec<_>>() }),
    ))
}

/// Typed-in evidence; documents are uploaded through the page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceBody {
    kind: String,
    value: String,
}

async fn attach(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    input: Result<Json<EvidenceBody>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let id = organisation_id(&id)?;
    let EvidenceBody { kind, value } = body(input)?;
    let input = match kind.as_str() {
        "registration_number" => EvidenceInput::RegistrationNumber(value),
        "tax_number" => EvidenceInput::TaxNumber(value),
        "website" => EvidenceInput::Website(value),
        other => {
            let message =
                format!("{other:?} is not one of registration_number, tax_number, website");
            return Err(AppError::Validation(vec![("kind".into(), message)]));
        }
    };
    let added = add_evidence(&state.app, user.as_ref(), id, input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(evidence_json(&added))))
}

async fn create_person(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    input: Result<Json<PersonInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let input = body(input)?;
    let view = add_person(&state.app, user.as_ref(), &input)
        .await
        .map_err(directory_error)?;
    Ok((StatusCode::CREATED, Json(json!(PersonJson::from(&view)))))
}

async fn person(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let view = person_profile(&state.app, user.as_ref(), person_id(&id)?)
        .await
        .map_err(directory_error)?;
    Ok(Json(json!(PersonJson::from(&view))))
}

async fn queue(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<ReviewQuery>,
) -> Result<Json<Value>, AppError> {
    let page = review_queue(&state.app, user.as_ref(), &query)
        .await
        .map_err(directory_error)?;
    let items: Vec<OrganisationJson> = page.items.iter().map(OrganisationJson::from).collect();
    Ok(Json(json!({ "total": page.total, "items": items })))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ImportQuery {
    /// `csv` (default) or `json`.
    format: Option<String>,
}

fn format(query: &ImportQuery) -> Result<ImportFormat, AppError> {
    match query.format.as_deref() {
        None | Some("csv") => Ok(ImportFormat::Csv),
        Some("json") => Ok(ImportFormat::Json),
        Some(other) => Err(AppError::bad_request(
            "format",
            format!("{other:?} is not csv or json"),
        )),
    }
}

async fn import_orgs(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<ImportQuery>,
    bytes: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let ids = import_organisations(&state.app, user.as_ref(), &bytes, format(&query)?)
        .await
        .map_err(directory_error)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "imported": ids.len(), "ids": ids })),
    ))
}

async fn import_persons(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<ImportQuery>,
    bytes: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let ids = import_people(&state.app, user.as_ref(), &bytes, format(&query)?)
        .await
        .map_err(directory_error)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "imported": ids.len(), "ids": ids })),
    ))
}
