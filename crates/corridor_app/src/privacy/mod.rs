//! Privacy: a person's download of everything Corridor holds about them ([`export`]), deleting
//! their account ([`erase`]), and the retention of event-only registrants' personal data
//! ([`retention`], run periodically by [`worker`]). The behaviour is described for users and
//! operators in `docs/PRIVACY.md`.
//!
//! HTTP-free like the rest of the app: the web crate turns requests into these calls and
//! [`PrivacyError`]s into statuses.

mod config;
pub mod erase;
pub mod export;
pub mod retention;
pub mod worker;

use corridor_store::StoreError;

pub use config::{DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, PrivacyConfig, RawPrivacy};

/// What the privacy use cases fail with, split into the caller's fault and ours.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    /// A visitor asked for something that needs an account.
    #[error("sign in to {0}")]
    SignInRequired(&'static str),
    /// Signed in, but not allowed.
    #[error("{0}")]
    Forbidden(String),
    /// A field of the input is unacceptable (a wrong password, a retention period out of range).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// Too many wrong passwords; try again after `retry_after_secs`.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u64 },
    /// Ours or the environment's: the database failed.
    #[error("storage failed")]
    Store(#[from] StoreError),
    /// Any other failure on our side (password hashing, the mail outbox).
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl PrivacyError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> PrivacyError {
        PrivacyError::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// True when the caller is at fault (4xx), false when we are (5xx).
    pub fn is_caller_fault(&self) -> bool {
        !matches!(self, PrivacyError::Store(_) | PrivacyError::Internal(_))
    }
}

impl From<crate::auth::AuthError> for PrivacyError {
    fn from(error: crate::auth::AuthError) -> Self {
        use crate::auth::AuthError;
        match error {
            AuthError::RateLimited { retry_after_secs } => {
                PrivacyError::RateLimited { retry_after_secs }
            }
            AuthError::Invalid { field, message } => PrivacyError::Invalid { field, message },
            AuthError::Store(e) => PrivacyError::Store(e),
            other => PrivacyError::Internal(Box::new(other)),
        }
    }
}
