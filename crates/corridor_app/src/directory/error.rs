//! What the directory's use cases fail with, split into the caller's fault and ours.

use corridor_domain::directory::{FieldError, FieldErrors, WorkflowError};
use corridor_domain::import::ImportErrors;
use corridor_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// The input has field errors; every one is listed.
    #[error("{0}")]
    Invalid(FieldErrors),
    /// A visitor asked for something that needs an account.
    #[error("sign in to {0}")]
    SignInRequired(&'static str),
    /// Signed in, but not allowed.
    #[error("{0}")]
    Forbidden(String),
    /// Does not exist, or the caller may not know it exists.
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts the current state (a verification step from the wrong state, a
    /// duplicate organisation, a decision made meanwhile by someone else).
    #[error("{0}")]
    Conflict(String),
    /// An import file was rejected; nothing was stored.
    #[error("{0}")]
    Import(ImportErrors),
    /// Ours or the environment's: the database failed.
    #[error("storage failed")]
    Store(#[source] StoreError),
    /// Ours or the environment's: an evidence file could not be written or read.
    #[error("evidence storage failed")]
    Files(#[source] std::io::Error),
}

impl DirectoryError {
    pub(crate) fn field(field: &str, message: impl std::fmt::Display) -> Self {
        DirectoryError::Invalid(FieldErrors(vec![FieldError::new(field, message)]))
    }

    /// True when the caller is at fault (4xx), false when we are (5xx).
    pub fn is_caller_fault(&self) -> bool {
        !matches!(self, DirectoryError::Store(_) | DirectoryError::Files(_))
    }
}

impl From<FieldErrors> for DirectoryError {
    fn from(errors: FieldErrors) -> Self {
        DirectoryError::Invalid(errors)
    }
}

impl From<StoreError> for DirectoryError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict { what } => DirectoryError::Conflict(what),
            StoreError::NotFound { what } => {
                DirectoryError::NotFound(format!("{what} was not found"))
            }
            other => DirectoryError::Store(other),
        }
    }
}

impl From<WorkflowError> for DirectoryError {
    fn from(error: WorkflowError) -> Self {
        let message = error.to_string();
        match error {
            WorkflowError::Forbidden { .. } | WorkflowError::SameReviewerForAppeal => {
                DirectoryError::Forbidden(message)
            }
            WorkflowError::ReasonRequired { .. } => DirectoryError::field("reason", message),
            WorkflowError::ValidUntilNotInFuture { .. } => {
                DirectoryError::field("valid_until", message)
            }
            WorkflowError::InvalidTransition { .. }
            | WorkflowError::AppealAlreadyUsed
            | WorkflowError::NotYetExpired { .. }
            | WorkflowError::TooEarlyToRenew { .. } => DirectoryError::Conflict(message),
        }
    }
}
