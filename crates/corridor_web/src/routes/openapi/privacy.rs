//! The privacy routes (`routes/account/data.rs`, `routes/account/delete.rs`,
//! `routes/privacy/retention.rs`), described here while those handlers are being written. Each
//! description belongs beside its handler as `#[utoipa::path]`, as in the other resource modules;
//! move it there (and drop it here) when the handlers settle. The `openapi` integration test still
//! checks these paths and methods against the router.

use utoipa::{OpenApi, ToSchema};

use crate::error::ErrorBody;

#[derive(OpenApi)]
#[openapi(paths(
    account_data,
    delete_account,
    retention,
    set_retention,
    registrant_counts
))]
pub struct Doc;

/// The retention period of event-only registrants.
#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "describes the privacy API for the OpenAPI document only"
)]
struct Retention {
    days: u32,
    /// The configured default.
    default_days: u32,
    /// When an organiser or admin last set the period; absent while the default applies.
    updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "describes the privacy API for the OpenAPI document only"
)]
struct RetentionBody {
    days: u32,
}

/// Anonymous counts of removed registrants.
#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "describes the privacy API for the OpenAPI document only"
)]
struct RegistrantCount {
    country: String,
    person_kind: String,
    registered_month: String,
    registrants: u64,
}

#[derive(ToSchema)]
#[expect(
    dead_code,
    reason = "describes the privacy API for the OpenAPI document only"
)]
struct DeleteAccountBody {
    /// The account's password, to confirm.
    password: String,
}

/// Everything Corridor holds about the signed-in account
#[utoipa::path(
    get,
    path = "/api/v1/account/data",
    tag = "account",
    responses(
        (status = 200, description = "The account's data", content_type = "application/json"),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[expect(
    dead_code,
    reason = "an OpenAPI description; the handler is in routes/account/data.rs"
)]
fn account_data() {}

/// Deletes the signed-in account after confirming its password
#[utoipa::path(
    delete,
    path = "/api/v1/account",
    tag = "account",
    request_body = DeleteAccountBody,
    responses(
        (status = 204, description = "Deleted; the session cookie is cleared"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "The password is missing or wrong", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
#[expect(
    dead_code,
    reason = "an OpenAPI description; the handler is in routes/account/delete.rs"
)]
fn delete_account() {}

/// The retention period of event-only registrants (organisers and admins)
#[utoipa::path(
    get,
    path = "/api/v1/privacy/retention",
    tag = "privacy",
    responses(
        (status = 200, description = "The period in force", body = Retention),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
    )
)]
#[expect(
    dead_code,
    reason = "an OpenAPI description; the handler is in routes/privacy/retention.rs"
)]
fn retention() {}

/// Sets the retention period of event-only registrants (organisers and admins)
#[utoipa::path(
    put,
    path = "/api/v1/privacy/retention",
    tag = "privacy",
    request_body = RetentionBody,
    responses(
        (status = 200, description = "The period now in force", body = Retention),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
        (status = 422, description = "A period out of range", body = ErrorBody),
    )
)]
#[expect(
    dead_code,
    reason = "an OpenAPI description; the handler is in routes/privacy/retention.rs"
)]
fn set_retention() {}

/// Anonymous counts of removed registrants (organisers and admins)
#[utoipa::path(
    get,
    path = "/api/v1/privacy/registrant-counts",
    tag = "privacy",
    responses(
        (status = 200, description = "Counts by country, kind and month", body = Vec<RegistrantCount>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an organiser or admin", body = ErrorBody),
    )
)]
#[expect(
    dead_code,
    reason = "an OpenAPI description; the handler is in routes/privacy/retention.rs"
)]
fn registrant_counts() {}
