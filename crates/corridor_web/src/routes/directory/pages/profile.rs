//! An organisation's profile with the verification steps the caller may take and, for those who
//! may read them, its evidence and audit log.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use corridor_app::actor::CurrentUser;
use corridor_app::directory::organisations::{
    OrganisationView, actor_names, organisation_audit_log,
};
use corridor_app::directory::verification::{act, organisation_evidence};
use corridor_domain::directory::VerificationState;
use corridor_store::AuditEntry;
use corridor_store::directory::{Evidence, EvidenceItem};
use serde::Deserialize;

use super::{fail, load_view};
use crate::auth::MaybeUser;
use crate::error::AppError;
use crate::pages::{Chrome, render};
use crate::routes::directory::api::{StepInput, action};
use crate::routes::directory::{directory_error, organisation_id};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/{id}", get(profile))
        .route("/organisations/{id}/audit", get(audit))
        .route("/organisations/{id}/verification/{action}", post(step))
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

/// One piece of evidence as listed to those who may read it.
pub struct EvidenceRow {
    pub kind: &'static str,
    /// The number or link, or the document's name and size.
    pub text: String,
    /// The download address of a document.
    pub download: Option<String>,
    pub added_at: String,
}

fn evidence_rows(id: &str, all: &[Evidence]) -> Vec<EvidenceRow> {
    all.iter()
        .map(|e| {
            let (text, download) = match &e.item {
                EvidenceItem::RegistrationNumber(v)
                | EvidenceItem::TaxNumber(v)
                | EvidenceItem::Website(v) => (v.clone(), None),
                EvidenceItem::Document(d) => (
                    format!(
                        "{} ({}, {} bytes)",
                        d.file_name, d.content_type, d.size_bytes
                    ),
                    Some(format!("/organisations/{id}/evidence/{}/document", e.id)),
                ),
            };
            EvidenceRow {
                kind: e.item.kind(),
                text,
                download,
                added_at: e.added_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "directory/profile.html")]
struct ProfilePage<'a> {
    chrome: &'a Chrome,
    view: OrganisationView,
    steps: Vec<StepButton>,
    verified: bool,
    evidence: Vec<EvidenceRow>,
    /// Why the evidence just sent was refused, by field (`value`, `file`, …).
    evidence_errors: Vec<(String, String)>,
}

async fn profile(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    page(&state, user.as_ref(), &id, Vec::new(), StatusCode::OK).await
}

/// The profile page, with `evidence_errors` shown beside the evidence forms.
pub async fn page(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: &str,
    evidence_errors: Vec<(String, String)>,
    status: StatusCode,
) -> Response {
    let back = format!("/organisations/{id}");
    let found = async {
        let view = load_view(state, user, id).await?;
        // Evidence is private: only those the app lets read it see the list.
        let evidence = if view.can_read_audit {
            organisation_evidence(&state.app, user, view.organisation.id)
                .await
                .map_err(directory_error)?
        } else {
            Vec::new()
        };
        Ok::<_, AppError>((view, evidence))
    };
    match found.await {
        Ok((view, evidence)) => {
            let page = ProfilePage {
                chrome: &state.chrome,
                steps: steps(&view),
                verified: view.verified(),
                evidence: evidence_rows(id, &evidence),
                evidence_errors,
                view,
            };
            render(&page)
                .map(|html| (status, html).into_response())
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

#[derive(Template)]
#[template(path = "directory/audit.html")]
struct AuditPage<'a> {
    chrome: &'a Chrome,
    id: String,
    name: String,
    rows: Vec<AuditRow>,
}

/// One audit entry as people read it: names for accounts, words for states and actions.
struct AuditRow {
    when: String,
    who: String,
    what: String,
    from: String,
    to: String,
    reason: String,
}

/// `under_review` → "under review"; a value the workflow does not know is shown as stored.
fn state_words(state: Option<&str>) -> String {
    match state {
        Some(s) => VerificationState::parse(s).map_or_else(|| s.to_owned(), |v| v.to_string()),
        None => String::new(),
    }
}

fn audit_row(entry: AuditEntry, names: &HashMap<String, String>) -> AuditRow {
    let who = match entry.actor.as_deref() {
        None => "system".to_owned(),
        Some(actor) => names
            .get(actor)
            .cloned()
            .unwrap_or_else(|| actor.to_owned()),
    };
    // "verification.start_review" → "start review", "organisation.created" → "organisation created".
    let action = entry
        .action
        .strip_prefix("verification.")
        .unwrap_or(&entry.action);
    AuditRow {
        when: entry.occurred_at.format("%Y-%m-%d %H:%M:%S").to_string(),
        who,
        what: action.replace(['.', '_'], " "),
        from: state_words(entry.from_state.as_deref()),
        to: state_words(entry.to_state.as_deref()),
        reason: entry.reason.unwrap_or_default(),
    }
}

async fn audit(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/organisations/{id}/audit");
    let found = async {
        let oid = organisation_id(&id)?;
        let (organisation, entries) = organisation_audit_log(&state.app, user.as_ref(), oid)
            .await
            .map_err(directory_error)?;
        let names = actor_names(&state.app, &entries)
            .await
            .map_err(directory_error)?;
        Ok::<_, AppError>((organisation, entries, names))
    };
    match found.await {
        Ok((organisation, entries, names)) => {
            let name = organisation.details.legal_name.to_string();
            let page = AuditPage {
                chrome: &state.chrome,
                id: id.clone(),
                name,
                rows: entries.into_iter().map(|e| audit_row(e, &names)).collect(),
            };
            render(&page)
                .map(IntoResponse::into_response)
                .unwrap_or_else(|e| fail(&state.chrome, e, &back))
        }
        Err(e) => fail(&state.chrome, e, &back),
    }
}
