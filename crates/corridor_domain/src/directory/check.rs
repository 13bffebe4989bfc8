//! Collects every field problem of one input instead of stopping at the first.

use std::fmt::Display;

use super::error::{FieldError, FieldErrors};
use crate::codes::HsCode;

/// Most values one list field may hold; more is a mistake or an attack.
pub const MAX_LIST_ITEMS: usize = 200;

#[derive(Default)]
pub(crate) struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    pub(crate) fn push(&mut self, field: impl Into<String>, message: impl Display) {
        self.errors.push(FieldError::new(field, message));
    }

    /// A value that must be present.
    pub(crate) fn required<T, E: Display>(
        &mut self,
        field: &str,
        raw: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        if raw.trim().is_empty() {
            self.push(field, "is required");
            return None;
        }
        parse(raw).map_err(|e| self.push(field, e)).ok()
    }

    /// A value that may be blank; blank is `None`, never an error.
    pub(crate) fn optional<T, E: Display>(
        &mut self,
        field: &str,
        raw: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        if raw.trim().is_empty() {
            return None;
        }
        parse(raw).map_err(|e| self.push(field, e)).ok()
    }

    /// A list field: blank items are skipped, repeats dropped (order kept),
    /// and `;` refused inside items because CSV uses it to separate them.
    pub(crate) fn list<T: PartialEq, E: Display>(
        &mut self,
        field: &str,
        raws: &[String],
        mut parse: impl FnMut(&str) -> Result<T, E>,
    ) -> Vec<T> {
        if raws.len() > MAX_LIST_ITEMS {
            let n = raws.len();
            self.push(
                field,
                format!("has {n} values; at most {MAX_LIST_ITEMS} allowed"),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, raw) in raws.iter().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let item = format!("{field}[{i}]");
            if raw.contains(';') {
                self.push(item, "must not contain ';' (it separates values in CSV)");
                continue;
            }
            match parse(raw) {
                Ok(value) if !out.contains(&value) => out.push(value),
                Ok(_) => {}
                Err(message) => self.push(item, message),
            }
        }
        out
    }

    pub(crate) fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, FieldErrors> {
        match (self.errors.is_empty(), build()) {
            (true, Some(value)) => Ok(value),
            // `build` only fails when a required field recorded an error.
            (_, _) => Err(FieldErrors(self.errors)),
        }
    }
}

/// An HS code at one of `levels`, for fields where a section or chapter is
/// too coarse to mean anything (what a company exports).
pub(crate) fn hs_at(raw: &str, levels: &[&str], hint: &str) -> Result<HsCode, String> {
    let code = HsCode::parse(raw).map_err(|e| e.to_string())?;
    let level = code.entry().level;
    if levels.contains(&level) {
        Ok(code)
    } else {
        Err(format!(
            "HS 2022 code {code:?} is a {level}; give {hint}",
            code = code.as_str()
        ))
    }
}

pub(crate) fn strings<T: ToString>(values: &[T]) -> Vec<String> {
    values.iter().map(T::to_string).collect()
}

pub(crate) fn or_blank<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(T::to_string).unwrap_or_default()
}
