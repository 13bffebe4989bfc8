//! Extractors whose rejections speak [`AppError`], so bad parameters get the one error shape.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// Like `Query<T>`, but a bad parameter answers 400 in the JSON error shape.
pub struct ValidQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ValidQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(ValidQuery(value)),
            Err(rejection) => {
                // serde's message names the field ("limit: invalid digit …"); keep it whole.
                let message = rejection.body_text();
                let message = message
                    .strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&message)
                    .to_owned();
                let field = message
                    .split(':')
                    .next()
                    .filter(|f| !f.contains(' '))
                    .map(str::to_owned);
                Err(AppError::BadRequest { field, message })
            }
        }
    }
}
