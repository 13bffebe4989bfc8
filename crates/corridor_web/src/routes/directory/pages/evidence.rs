//! Verification evidence from the organisation page: a number or link typed in (a url-encoded
//! form) or a document uploaded (a `multipart/form-data` form), and stored documents as
//! downloads.
//!
//! The CSRF middleware does not buffer multipart bodies, so the upload form carries the session's
//! token in its action (`?csrf=…`), where the middleware checks it before any byte of the file is
//! read; no JavaScript is needed, and the token never depends on how the body is parsed.

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use corridor_app::directory::evidence::{EvidenceInput, add_evidence, evidence_document};
use serde::Deserialize;

use super::{fail, profile};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::routes::directory::documents::{UPLOAD_LIMIT, download, evidence_id, uploaded_document};
use crate::routes::directory::{directory_error, organisation_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations/{id}/evidence",
            post(add).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/organisations/{id}/evidence/{evidence_id}/document",
            get(document),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EvidenceForm {
    kind: String,
    value: String,
}

impl EvidenceForm {
    fn input(self) -> EvidenceInput {
        match self.kind.as_str() {
            "registration_number" => EvidenceInput::RegistrationNumber(self.value),
            "tax_number" => EvidenceInput::TaxNumber(self.value),
            _ => EvidenceInput::Website(self.value),
        }
    }
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"))
}

/// What the form sent, as the app's input.
async fn input(state: &AppState, request: Request) -> Result<EvidenceInput, AppError> {
    if is_multipart(&request) {
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|e| AppError::bad_request("file", e.body_text()))?;
        uploaded_document(multipart).await
    } else {
        let Form(form) = Form::<EvidenceForm>::from_request(request, state)
            .await
            .map_err(|e| AppError::bad_request("kind", e.body_text()))?;
        Ok(form.input())
    }
}

/// Adds evidence and goes back to the profile; a refused value or file shows the profile again
/// with the message next to the evidence forms.
async fn add(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let back = format!("/organisations/{id}");
    let done = async {
        let oid = organisation_id(&id)?;
        let input = input(&state, request).await?;
        add_evidence(&state.app, user.as_ref(), oid, input)
            .await
            .map_err(directory_error)
    };
    match done.await {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(AppError::Validation(errors)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            profile::page(&state, user.as_ref(), &id, errors, status).await
        }
        Err(e) => fail(&state.chrome, e, &back),
    }
}

/// A stored document, for those who may read the organisation's evidence.
async fn document(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((id, evidence)): Path<(String, String)>,
) -> Response {
    let back = format!("/organisations/{id}/evidence/{evidence}/document");
    let found = async {
        let oid = organisation_id(&id)?;
        evidence_document(&state.app, user.as_ref(), oid, evidence_id(&evidence)?)
            .await
            .map_err(directory_error)
    };
    match found.await {
        Ok((meta, bytes)) => download(&meta, bytes),
        Err(e) => fail(&state.chrome, e, &back),
    }
}
