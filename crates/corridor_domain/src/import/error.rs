//! Import errors: where (line and column, or array index and field) and why.

use std::fmt;

/// One reason a file was rejected.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// About the whole file (size, record count).
    File { message: String },
    /// A CSV problem. `line` is the physical line where the record starts,
    /// the header being line 1; `column` is the header name, with a
    /// zero-based item index for multi-valued cells (`exports[1]`).
    Csv {
        line: u64,
        column: Option<String>,
        message: String,
    },
    /// A problem with one element of a JSON array: its zero-based index
    /// and the field path.
    Json {
        index: usize,
        field: Option<String>,
        message: String,
    },
    /// A JSON syntax error, positioned as `serde_json` reports it.
    JsonSyntax {
        line: usize,
        column: usize,
        message: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::File { message } => write!(f, "file: {message}"),
            ImportError::Csv {
                line,
                column: Some(column),
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            ImportError::Csv { line, message, .. } => write!(f, "line {line}: {message}"),
            ImportError::Json {
                index,
                field: Some(field),
                message,
            } => write!(f, "index {index}, field {field}: {message}"),
            ImportError::Json { index, message, .. } => write!(f, "index {index}: {message}"),
            ImportError::JsonSyntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
        }
    }
}

/// Every reason a file was rejected; nothing of it is imported.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, thiserror::Error)]
pub struct ImportErrors(pub Vec<ImportError>);

impl ImportErrors {
    pub fn one(error: ImportError) -> Self {
        ImportErrors(vec![error])
    }

    /// The messages as displayed, for tests and the CLI.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            error.fmt(f)?;
        }
        Ok(())
    }
}

/// Where a record came from, to place its errors.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place {
    Line(u64),
    Index(usize),
}

impl Place {
    pub(super) fn error(self, field: Option<&str>, message: impl fmt::Display) -> ImportError {
        let (field, message) = (field.map(str::to_owned), message.to_string());
        match self {
            Place::Line(line) => ImportError::Csv {
                line,
                column: field,
                message,
            },
            Place::Index(index) => ImportError::Json {
                index,
                field,
                message,
            },
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line(line) => write!(f, "line {line}"),
            Place::Index(index) => write!(f, "index {index}"),
        }
    }
}
