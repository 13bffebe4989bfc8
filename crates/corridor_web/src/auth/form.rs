//! Reading url-encoded forms field by field, so that a missing, repeated-junk or oversized field is
//! answered 422 naming the field instead of the framework's generic rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};

use crate::error::AppError;

/// The fields of an `application/x-www-form-urlencoded` body.
#[derive(Debug, Clone, Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(body: &[u8]) -> FormFields {
        FormFields(
            url::form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `name`, if present.
    pub fn optional(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name`, at most `max_chars` characters; missing or too long is a 422 naming it.
    pub fn required(&self, name: &str, max_chars: usize) -> Result<&str, AppError> {
        let value = self.optional(name).ok_or_else(|| AppError::Unprocessable {
            field: Some(name.to_owned()),
            message: format!("{name}: this field is required"),
        })?;
        if value.len() > max_chars * 4 || value.chars().count() > max_chars {
            return Err(AppError::Unprocessable {
                field: Some(name.to_owned()),
                message: format!("{name}: at most {max_chars} characters"),
            });
        }
        Ok(value)
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| AppError::bad_request("body", e.body_text()))?;
        Ok(FormFields::parse(&bytes))
    }
}
