//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the JSON API, generated from the
//! handlers' `#[utoipa::path]` attributes and the `ToSchema` types they serialise. Each resource
//! module lists its handlers beside its router (`openapi()` next to `router()`); the integration
//! test `openapi` checks the document against the routes the router really serves, so a route
//! added without documentation fails the build's tests.

pub mod responses;

use std::sync::OnceLock;

use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::ErrorBody;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/openapi.json", get(serve))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Corridor API",
        description = "The JSON API of Corridor, a trade-promotion platform: code lists, \
            accounts, the directory of organisations and people, verification and its evidence, \
            import and export. Errors share one shape (`Error`). Calls that change state with \
            the session cookie must send the session's CSRF token as `X-CSRF-Token` (the `csrf` \
            of `/api/v1/auth/me`)."
    ),
    paths(serve),
    // The error shape, which the response sets of `responses` use without registering it.
    components(schemas(ErrorBody)),
    modifiers(&Security),
    tags(
        (name = "codes", description = "HS 2022, NAICS 2022, ISO 3166, ISO 4217 and IANA time zones"),
        (name = "account", description = "Log-in, sign-up, passwords, the signed-in account"),
        (name = "directory", description = "Organisations and people"),
        (name = "verification", description = "The verification workflow and the review queue"),
        (name = "evidence", description = "Evidence for verification, documents included"),
        (name = "transfer", description = "Import and export as CSV or JSON (docs/IMPORT.md)"),
        (name = "privacy", description = "Retention of event-only registrants"),
        (name = "meta", description = "This document"),
    )
)]
struct Doc;

/// The session cookie and the CSRF header, as security schemes.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::cookies::SESSION_COOKIE,
                "Set by `/api/v1/auth/login` and `/api/v1/auth/signup`",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                "The session's CSRF token; required with the cookie on POST, PUT, PATCH, DELETE",
            ))),
        );
    }
}

/// The whole document: this module's part and every resource's.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = Doc::openapi();
    doc.merge(super::codes::openapi());
    doc.merge(super::account::openapi());
    doc.merge(super::directory::openapi());
    doc.merge(super::privacy::openapi());
    doc
}

/// This document
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
async fn serve() -> Response {
    // Built once: the document only changes with the code.
    static DOCUMENT: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    Json(DOCUMENT.get_or_init(document)).into_response()
}
