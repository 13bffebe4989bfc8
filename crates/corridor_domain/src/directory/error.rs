//! Errors of the directory's values and forms.

use std::fmt;

/// Why a string is not a valid value of a directory newtype. Messages are
/// written to follow a field name: `legal_name: must not be empty`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("must not be empty")]
    Empty,
    #[error("is {len} characters long; at most {max} allowed")]
    TooLong { len: usize, max: usize },
    #[error("must not contain control characters")]
    ControlCharacter,
    /// Spreadsheets evaluate cells starting with these characters, so
    /// accepting them would make every export a formula-injection risk.
    #[error("must not start with {0:?} (spreadsheets would read it as a formula)")]
    FormulaPrefix(char),
    #[error("{0}")]
    Invalid(String),
}

/// One problem with one field of a form, JSON object or CSV row. `field`
/// names the input field, with a zero-based index for list items:
/// `exports[2]`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl fmt::Display) -> Self {
        FieldError {
            field: field.into(),
            message: message.to_string(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem found in one input, so a user fixes them all at once.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, thiserror::Error)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// The first message for `field`, for tests and form rendering.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            error.fmt(f)?;
        }
        Ok(())
    }
}

/// Longest slice of user input echoed back in a message, so a hostile
/// 10 MB value cannot be copied into responses or logs.
const ECHO_LIMIT: usize = 64;

/// `input` quoted for a message, cut at [`ECHO_LIMIT`] bytes.
pub(crate) fn echo(input: &str) -> String {
    if input.len() <= ECHO_LIMIT {
        return format!("{input:?}");
    }
    let mut end = ECHO_LIMIT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    format!("{:?}…", &input[..end])
}
