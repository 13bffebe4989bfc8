//! The error every reader returns.

use std::fmt;

/// A problem in an input file, located as precisely as the reader can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
    /// The field the problem is in, e.g. `requested` or `meetings[3].b`.
    pub field: Option<String>,
    pub message: String,
}

impl ParseError {
    pub fn at(line: u32, column: u32, message: impl Into<String>) -> Self {
        ParseError {
            line: Some(line),
            column: Some(column),
            field: None,
            message: message.into(),
        }
    }

    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ParseError {
            line: None,
            column: None,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn with_line(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: ")?,
            (Some(l), None) => write!(f, "line {l}: ")?,
            _ => {}
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Limits checked before allocating, so a hostile file cannot exhaust memory.
pub const MAX_PARTICIPANTS: usize = 100_000;
pub const MAX_MEETINGS: usize = 1_000_000;
pub const MAX_SLOTS: usize = 1_000;
/// Tables per slot; more than this is certainly a typo.
pub const MAX_TABLES: u64 = 1_000_000;
