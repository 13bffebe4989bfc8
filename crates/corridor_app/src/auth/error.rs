//! What account operations fail with, split into the caller's fault and ours.

use corridor_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// A field of the input is unacceptable; `field` names it (`email`, `password` …).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// Unknown address or wrong password: deliberately the same answer for both.
    #[error("the e-mail address or the password is wrong")]
    WrongCredentials,
    /// The address already has an account.
    #[error("an account with this e-mail address already exists")]
    EmailTaken,
    /// A reset link that does not exist, was used, or expired.
    #[error("this password-reset link is invalid, used or expired; ask for a new one")]
    InvalidResetLink,
    /// Too many attempts; try again after `retry_after_secs`.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u64 },
    /// The database failed (not the caller's fault).
    #[error("storage failed")]
    Store(#[from] StoreError),
    /// Any other failure on our side.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl AuthError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> AuthError {
        AuthError::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn internal_text(message: String) -> AuthError {
        AuthError::Internal(message.into())
    }

    /// True when the caller (its input, or its pace) is at fault.
    pub fn is_caller_fault(&self) -> bool {
        !matches!(self, AuthError::Store(_) | AuthError::Internal(_))
    }
}
