//! The verification workflow: an organisation's state, its steps, and the review queue.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Days, NaiveDate, Utc};
use corridor_app::directory::verification::{ReviewQuery, act, review_queue};
use corridor_domain::directory::{VerificationAction, VerificationState};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use super::body;
use super::inputs::{FilterParams, PageParams};
use crate::auth::MaybeUser;
use crate::error::{AppError, ErrorBody};
use crate::extract::ValidQuery;
use crate::routes::directory::json::{OrganisationJson, QueueJson, VerificationJson};
use crate::routes::directory::pages::load_view;
use crate::routes::directory::{directory_error, organisation_id};
use crate::routes::openapi::responses::{SignedIn, StaffOnly};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/organisations/{id}/verification", get(verification))
        .route(
            "/api/v1/organisations/{id}/verification/{action}",
            post(step),
        )
        .route("/api/v1/review-queue", get(queue))
}

#[derive(OpenApi)]
#[openapi(paths(verification, step, queue))]
pub struct Doc;

/// An organisation's verification state
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/verification",
    tag = "verification",
    params(("id" = uuid::Uuid, Path, description = "The organisation")),
    responses(
        (status = 200, description = "The state and badge", body = VerificationJson),
        (status = 404, description = "No such organisation", body = ErrorBody),
    )
)]
async fn verification(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let view = load_view(&state, user.as_ref(), &id).await?;
    Ok(Json(OrganisationJson::from(&view.organisation).verification).into_response())
}

/// The free text and date a step may carry.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
#[schema(as = VerificationStep)]
pub struct StepInput {
    /// Why (ask for information, reject, suspend).
    pub reason: Option<String>,
    /// The registrant's statement (appeal); `reason` is taken when it is left out.
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

/// Takes a verification step
///
/// Registrant steps (`submit`, `provide_info`, `appeal`, `renew`) are the owner's; reviewer steps
/// (`start_review`, `request_info`, `approve`, `reject`, `suspend`, `reinstate`) are for
/// organisers and admins who are not members of the organisation. The body may be left out.
#[utoipa::path(
    post,
    path = "/api/v1/organisations/{id}/verification/{action}",
    tag = "verification",
    params(
        ("id" = uuid::Uuid, Path, description = "The organisation"),
        ("action" = String, Path, description = "The step, e.g. `submit` or `approve`"),
    ),
    request_body(content = Option<StepInput>, content_type = "application/json"),
    responses(
        (status = 200, description = "The state after the step", body = VerificationJson),
        (status = 403, description = "Not allowed to take this step", body = ErrorBody),
        (status = 404, description = "No such organisation or step", body = ErrorBody),
        (status = 409, description = "The step does not apply in the current state", body = ErrorBody),
        (status = 422, description = "A reason or statement is missing", body = ErrorBody),
        SignedIn,
    )
)]
async fn step(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, name)): Path<(String, String)>,
    input: Result<Json<StepInput>, JsonRejection>,
) -> Result<Response, AppError> {
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
    let verified = record.state == VerificationState::Verified;
    Ok(Json(VerificationJson::of(&record, verified)).into_response())
}

/// The organisers' review queue
///
/// Leaves out appeals against the caller's own rejections and organisations the caller belongs to.
#[utoipa::path(
    get,
    path = "/api/v1/review-queue",
    tag = "verification",
    params(
        ("state" = Option<String>, Query, description = "One state; by default everything waiting for a reviewer"),
        FilterParams,
        PageParams,
    ),
    responses(
        (status = 200, description = "The queue", body = QueueJson),
        (status = 422, description = "An unknown state, country or kind", body = ErrorBody),
        StaffOnly,
    )
)]
async fn queue(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    ValidQuery(query): ValidQuery<ReviewQuery>,
) -> Result<Response, AppError> {
    let page = review_queue(&state.app, user.as_ref(), &query)
        .await
        .map_err(directory_error)?;
    let items = page.items.iter().map(OrganisationJson::from).collect();
    Ok(Json(QueueJson {
        total: page.total,
        items,
    })
    .into_response())
}
