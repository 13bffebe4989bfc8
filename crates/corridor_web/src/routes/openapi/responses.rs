//! The error answers many API routes share, as `IntoResponses` sets for `#[utoipa::path]`:
//! `responses((status = 200, …), StaffOnly, (status = 404, …))`. A handler lists only what is
//! particular to it. Responses are keyed by status, so a tuple listed after a set replaces the
//! set's answer with the same status. A set does not register the schemas it names: the document
//! registers `Error` itself (see `Doc` in this module's parent).

use utoipa::IntoResponses;

use crate::error::ErrorBody;

/// Routes for any signed-in account.
#[derive(IntoResponses)]
#[expect(dead_code, reason = "describes answers for the OpenAPI document only")]
pub enum SignedIn {
    #[response(status = 401, description = "Not signed in")]
    Unauthorized(ErrorBody),
}

/// Routes that store what a signed-in account typed in, checking every field.
#[derive(IntoResponses)]
#[expect(dead_code, reason = "describes answers for the OpenAPI document only")]
pub enum SignedInWrite {
    #[response(status = 401, description = "Not signed in")]
    Unauthorized(ErrorBody),
    #[response(status = 422, description = "Every invalid field")]
    Invalid(ErrorBody),
}

/// Routes for organisers and admins only.
#[derive(IntoResponses)]
#[expect(dead_code, reason = "describes answers for the OpenAPI document only")]
pub enum StaffOnly {
    #[response(status = 401, description = "Not signed in")]
    Unauthorized(ErrorBody),
    #[response(status = 403, description = "Not an organiser or admin")]
    Forbidden(ErrorBody),
}

/// Routes for an organisation's owners, and organisers and admins.
#[derive(IntoResponses)]
#[expect(dead_code, reason = "describes answers for the OpenAPI document only")]
pub enum OwnerOrStaff {
    #[response(status = 401, description = "Not signed in")]
    Unauthorized(ErrorBody),
    #[response(status = 403, description = "Neither an owner nor staff")]
    Forbidden(ErrorBody),
}
